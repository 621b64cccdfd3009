package org.sunbid.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.kernel.SunbidProperties;

/** The demo data set that a newcomer clicks through: what the foundation issue promises is there. */
class DemoDataIT extends PlatformIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SunbidProperties properties;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void aCityWithThreeCountiesAndTheirTownships() {
        assertThat(count("SELECT count(*) FROM region WHERE level = 'CITY'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM region WHERE level = 'COUNTY' AND parent_code = '990100'")).isEqualTo(3);
        assertThat(count("""
                SELECT count(DISTINCT c.code) FROM region c JOIN region t ON t.parent_code = c.code
                WHERE c.level = 'COUNTY' AND t.level = 'TOWNSHIP'""")).isEqualTo(3);
    }

    @Test
    void theOrganisationsAndAccountsOfEveryRole() {
        assertThat(count("SELECT count(*) FROM organisation WHERE kind = 'TRADING_CENTRE' AND region_code = '990100'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM organisation WHERE kind = 'TENDEREE'")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM organisation WHERE kind = 'AGENCY'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM organisation WHERE kind = 'BIDDER' AND name NOT LIKE '%测试%'")).isEqualTo(8);
        for (String role : new String[] {"ADMINISTRATOR", "CENTRE_STAFF", "TENDEREE", "AGENCY", "BIDDER", "EXPERT", "SUPERVISOR"}) {
            assertThat(count("SELECT count(*) FROM account WHERE role = '" + role + "'")).as(role).isPositive();
        }
    }

    @Test
    void thirtyExpertsOverSeveralSpecialtiesEachWithACertificate() {
        assertThat(count("SELECT count(*) FROM expert WHERE status = 'ACTIVE'")).isEqualTo(34);
        assertThat(count("SELECT count(DISTINCT specialty_code) FROM expert_specialty")).isGreaterThanOrEqualTo(5);
        assertThat(count("""
                SELECT count(*) FROM expert x WHERE NOT EXISTS
                (SELECT 1 FROM certificate c WHERE c.account_id = x.account_id)""")).isZero();
    }

    @Test
    void everyOrganisationHasACertificateAndItsKeyIsOnDiskNotInTheDatabase() {
        assertThat(count("""
                SELECT count(*) FROM organisation o WHERE o.name NOT LIKE '%测试%' AND NOT EXISTS
                (SELECT 1 FROM certificate c WHERE c.organisation_id = o.id)""")).isZero();
        String code = jdbc.sql("SELECT credit_code FROM organisation WHERE name = '云州第一建筑工程有限公司'").query(String.class).single();
        Path demoKeys = properties.dataDir().resolve("demo-keys");
        assertThat(Files.exists(demoKeys.resolve(code + ".key.pem"))).isTrue();
        assertThat(Files.exists(demoKeys.resolve("expert01.key.pem"))).isTrue();
    }

    /** The demo's history: one tender that has run its whole course, so the opening can be looked at. */
    @Test
    void oneDemoTenderHasBeenBidOnClosedAndOpened() {
        String status = jdbc.sql("""
                SELECT o.status FROM bid_opening o JOIN tender t ON t.id = o.tender_id WHERE t.project_code = 'YZ-2026-GC-0090'""")
                .query(String.class).single();
        assertThat(status).isEqualTo("OPENED");
        String record = jdbc.sql("""
                SELECT o.record FROM bid_opening o JOIN tender t ON t.id = o.tender_id WHERE t.project_code = 'YZ-2026-GC-0090'""")
                .query(String.class).single();
        assertThat(record).contains("11960000.00").contains("12510000.00").doesNotContain("REJECTED");
        assertThat(count("""
                SELECT count(*) FROM opening_response r JOIN tender t ON t.id = r.tender_id
                WHERE t.project_code = 'YZ-2026-GC-0090' AND r.answer IS NOT NULL""")).isEqualTo(1);
        // and today's tenders are open, the school's with a sealed bid already in
        assertThat(count("""
                SELECT count(*) FROM bid_envelope b JOIN tender t ON t.id = b.tender_id
                WHERE t.project_code = 'YZ-2026-GC-0101' AND b.status = 'VALID'""")).isEqualTo(1);
    }

    /** The history tender's committee was drawn, answered, signed in and published: anyone can verify it. */
    @Test
    void theHistoryTendersDrawIsPublishedAndVerifies() {
        String drawId = jdbc.sql("""
                SELECT d.id FROM expert_draw d JOIN tender t ON t.id = d.tender_id
                WHERE t.project_code = 'YZ-2026-GC-0090' AND d.status = 'PUBLISHED'""").query(String.class).single();
        assertThat(count("SELECT count(*) FROM expert_draw_contact WHERE draw_id = CAST('" + drawId + "' AS UUID) AND outcome = 'ACCEPTED'"))
                .isEqualTo(7);
        assertThat(count("SELECT count(*) FROM expert_draw_contact WHERE draw_id = CAST('" + drawId + "' AS UUID) AND outcome <> 'ACCEPTED'"))
                .isEqualTo(2);
        var verdict = org.sunbid.verifier.Verifier.run("verify-draw", "http://localhost:" + port, drawId);
        assertThat(verdict.ok()).as(verdict.line()).isTrue();
        // and today's school tender has a committee requested, awaiting the supervisor
        assertThat(count("""
                SELECT count(*) FROM expert_draw d JOIN tender t ON t.id = d.tender_id
                WHERE t.project_code = 'YZ-2026-GC-0101' AND d.status = 'REQUESTED'""")).isEqualTo(1);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.MessageSource messages;

    /** Every kind of public log entry the demo made has a label on the log page, in Chinese and in English. */
    @Test
    void everyActionInTheLogHasALabel() {
        java.util.List<String> actions = jdbc.sql("SELECT DISTINCT details::json->>'action' FROM log_entry WHERE details IS NOT NULL")
                .query(String.class).list();
        assertThat(actions).contains("experts.draw.published", "sealing.opening.recorded");
        for (String action : actions) {
            for (java.util.Locale locale : java.util.List.of(java.util.Locale.SIMPLIFIED_CHINESE, java.util.Locale.ENGLISH)) {
                assertThat(messages.getMessage("action." + action, null, null, locale)).as(action + " " + locale).isNotBlank();
            }
        }
    }

    @Test
    void theSchemaCameFromFlywayMigrations() {
        assertThat(count("SELECT count(*) FROM flyway_schema_history WHERE success")).isGreaterThanOrEqualTo(4);
    }
}
