package org.sunbid.platform.deals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.PlatformIT;

/**
 * V62 on data: a tender that existed before projects (played by a deleted draft the database administrator inserts
 * without a lot) becomes the one lot of a construction project with the tender's id, under a deal code numbered after
 * the day's existing ones; tenders that already have a lot are left alone, and the day's counter moves on.
 */
class ExistingTendersMigrationIT extends PlatformIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Projects projects;

    @Test
    void v62_givesEveryTenderWithoutALotAConstructionProjectWithTheTendersIdAsItsLot() throws Exception {
        UUID id = UUID.randomUUID();
        long projectsBefore = jdbc.sql("SELECT count(*) FROM deal_project").query(Long.class).single();
        String script = new ClassPathResource("db/migration/deals/V62__existing_tenders_become_lots.sql")
                .getContentAsString(StandardCharsets.UTF_8).replace("${platform_credit_code}", projects.platformCode().value());
        try (Connection admin = databaseAdministrator()) {
            admin.setAutoCommit(false);
            try (Statement s = admin.createStatement()) {
                s.execute("""
                        INSERT INTO tender (id, project_code, name, category, tenderee_id, agency_id, region_code, estimated_price,
                            deposit, qualification, evaluation_method, bid_deadline, opening_venue, bid_validity_days,
                            documents_available_until, notice, status, version, created_at, created_by, updated_at, updated_by,
                            deleted_at, deleted_by)
                        SELECT '%s', 'MIG-%s', '迁移前的招标项目', category, tenderee_id, agency_id, region_code, 8000000,
                            0, qualification, evaluation_method, bid_deadline, opening_venue, bid_validity_days,
                            documents_available_until, notice, 'DRAFT', 0, TIMESTAMPTZ '2026-11-23 10:00:00+08', 'migration-test',
                            now(), 'migration-test', now(), 'migration-test'
                        FROM tender LIMIT 1""".formatted(id, id.toString().substring(0, 8)));
                s.execute(script);
            }
            admin.commit();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM deal_project").query(Long.class).single()).isEqualTo(projectsBefore + 1);
        ProjectView project = projects.ofLot(id).orElseThrow();
        assertThat(project.kind()).isEqualTo(DealKind.GCJS);
        assertThat(project.procedureCode()).isEqualTo("GCJS_OPEN_TENDER");
        assertThat(project.name()).isEqualTo("迁移前的招标项目");
        assertThat(project.budget().yuan()).isEqualByComparingTo("8000000");
        assertThat(project.dealCode()).matches("GCJS-" + projects.platformCode().value() + "-20261123-\\d{6}");
        assertThat(project.lots()).singleElement().satisfies(l -> {
            assertThat(l.id()).isEqualTo(id);
            assertThat(l.lotNo()).isEqualTo(1);
        });
        int serial = Integer.parseInt(project.dealCode().substring(project.dealCode().length() - 6));
        assertThat(jdbc.sql("SELECT last FROM deal_code_serial WHERE day = DATE '2026-11-23'").query(Integer.class).single())
                .isGreaterThanOrEqualTo(serial);
    }
}
