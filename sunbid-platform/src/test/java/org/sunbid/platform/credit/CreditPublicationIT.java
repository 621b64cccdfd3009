package org.sunbid.platform.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.Fixtures;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Organisations;

/**
 * Publication on the portal (信用修复管理办法 Art. 12) through the running platform: a record is listed by the page and the
 * public API exactly for its period and leaves both at its end by the clock alone; the job logs the end once.
 */
class CreditPublicationIT extends PlatformIT {

    @Autowired CreditRecords records;
    @Autowired CreditPublication publication;
    @Autowired Organisations organisations;
    @Autowired JdbcClient jdbc;
    @Autowired org.sunbid.platform.audit.AuditLog log;

    @AfterEach
    void resetClock() {
        clock.set(START);
    }

    private Organisation organisation(String name) {
        return organisations.register(new Organisations.Registration(Fixtures.freshCreditCode("990100"), name,
                OrganisationKind.BIDDER, "990100"), Actor.SYSTEM);
    }

    /** A record of {@code c} decided at {@code decidedAt}, its publication derived by the rule of that day. */
    private UUID record(Organisation o, CreditClass c, Instant decidedAt, String conduct) {
        CreditRules.Publication p = CreditRules.publication(c, decidedAt, false, false);
        return records.record(new CreditRecords.NewRecord(CreditSubject.organisation(o.creditCode().value()), o.name(), c, conduct,
                "招标投标法实施条例第六十八条", "云州市住房和城乡建设局", "云建罚〔2025〕" + UUID.randomUUID().toString().substring(0, 6) + "号",
                "platform", "pub-" + UUID.randomUUID(), "990100", Set.of(), null, null, p.from(), p.until()), decidedAt, false, Actor.SYSTEM);
    }

    private List<String> listed(ApiClient api, String q) {
        return ids(api.get("/api/v1/credit/records?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8), null));
    }

    static List<String> ids(ApiClient.Response response) {
        List<String> ids = new java.util.ArrayList<>();
        for (var n : response.json()) {
            ids.add(n.path("id").asString());
        }
        return ids;
    }

    private long endsLogged(UUID id) {
        return jdbc.sql("""
                SELECT count(*) FROM log_entry WHERE details::json->>'action' = 'credit.record.publication-ended'
                    AND details::json->>'subject' = :id""").param("id", id.toString()).query(Long.class).single();
    }

    private Map<String, Object> row(UUID id) {
        return jdbc.sql("""
                SELECT publication_from, publication_until, withdrawn_at, withdrawn_reason, restriction_until, credit_class
                FROM credit_record WHERE id = :id""").param("id", id).query().singleRow();
    }

    @Test
    void repair36_art12_aGeneralRecordIsShownForExactlyItsYearAndStopsAtItsEndWithoutAnyoneActing() {
        Instant now = clock.instant();
        Organisation o = organisation("信用公示期满测试有限公司");
        // decided a year before the 5th day from now: its one-year publication (一般) ends then
        Instant end = now.plus(Duration.ofDays(5));
        Instant decided = CreditRules.plus(end, java.time.Period.ofYears(-1));
        UUID id = record(o, CreditClass.GENERAL, decided, "提供虚假业绩骗取中标");
        assertThat(records.find(id).orElseThrow().publicationUntil()).isEqualTo(end);
        ApiClient api = new ApiClient(baseUrl());

        assertThat(listed(api, o.name())).containsExactly(id.toString());
        ApiClient.Response page = api.get("/credit?q=" + java.net.URLEncoder.encode(o.name(), java.nio.charset.StandardCharsets.UTF_8), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(o.name(), "提供虚假业绩骗取中标", "招标投标法实施条例第六十八条", "云州市住房和城乡建设局");
        assertThat(publication.endPublications()).doesNotContain(id);

        clock.set(end.minusSeconds(1));
        assertThat(listed(api, o.creditCode().value())).containsExactly(id.toString());
        Map<String, Object> before = row(id);

        clock.set(end);
        assertThat(listed(api, o.name())).isEmpty();
        assertThat(api.get("/credit?q=" + java.net.URLEncoder.encode(o.name(), java.nio.charset.StandardCharsets.UTF_8), null).body())
                .doesNotContain("提供虚假业绩骗取中标");
        // nothing was done to the record: it left the portal by its own period
        assertThat(row(id)).isEqualTo(before);
        assertThat(records.find(id).orElseThrow().withdrawnAt()).isNull();

        // the job logs its end once, however often it runs (the background schedule may have run it already)
        publication.endPublications();
        assertThat(endsLogged(id)).isEqualTo(1);
        assertThat(publication.endPublications()).doesNotContain(id);
        assertThat(endsLogged(id)).isEqualTo(1);
        assertThat(row(id)).isEqualTo(before);
    }

    @Test
    void repair36_art12_theListFiltersByClassAndNeitherMinorNorNaturalPersonsNorFutureRecordsArePublished() {
        Instant now = clock.instant();
        Organisation o = organisation("信用公示筛选测试有限公司");
        UUID serious = record(o, CreditClass.SERIOUS, now.minus(Duration.ofDays(30)), "串通投标");
        UUID general = record(o, CreditClass.GENERAL, now.minus(Duration.ofDays(10)), "无正当理由放弃中标");
        record(o, CreditClass.MINOR, now.minus(Duration.ofDays(10)), "迟交履约保证金"); // 轻微: not published
        // an expert (a natural person) with a publication period: not on the portal all the same
        records.record(new CreditRecords.NewRecord(CreditSubject.expert(UUID.randomUUID()), "信用公示测试专家", CreditClass.SERIOUS,
                "收受投标人财物", "招标投标法实施条例第七十二条", "云州市住房和城乡建设局", null, "platform", "pub-" + UUID.randomUUID(),
                "990100", Set.of(), null, null, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(300))), Actor.SYSTEM);
        ApiClient api = new ApiClient(baseUrl());

        assertThat(listed(api, "信用公示筛选测试")).containsExactly(general.toString(), serious.toString());
        assertThat(listed(api, "信用公示测试专家")).isEmpty();
        assertThat(ids(api.get("/api/v1/credit/records?q=" + java.net.URLEncoder.encode(o.name(), java.nio.charset.StandardCharsets.UTF_8)
                + "&class=SERIOUS", null)))
                .containsExactly(serious.toString());
        ApiClient.Response wrong = api.get("/api/v1/credit/records?class=HEAVY", null);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.code()).isEqualTo("CREDIT_PARAMETER_INVALID");
        // the rules are public data with their articles
        assertThat(api.get("/api/v1/credit/rules", null).body()).contains("ndrc-36", "2026-04-01", "第十二条", "第二十五条", "ndrc-527");
    }

    /** The public log's entries {@code [from, now)} as anyone reads them. */
    private String publicLog(ApiClient api, long from) {
        ApiClient.Response r = api.get("/api/v1/log/entries?start=" + from + "&end=" + log.size(), null);
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    /** {@code text} as it would appear in JSON either raw or with its non-ASCII characters escaped. */
    private static void assertAbsent(String body, String... texts) {
        for (String t : texts) {
            StringBuilder escaped = new StringBuilder();
            t.chars().forEach(c -> escaped.append(c < 128 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
            assertThat(body).doesNotContain(t);
            assertThat(body.toLowerCase()).doesNotContain(escaped.toString());
        }
    }

    /**
     * Issue 20 fix K: the public log never expires, so it must not publish a credit record: neither an unpublished one (a
     * natural person's, a minor one) nor a published one, whose period ends on the portal; nor its end.
     */
    @Test
    void repair36_art12_thePublicLogNamesNoRecordsSubjectOrConduct_beforeOrAfterItsPublicationEnds() {
        Instant now = clock.instant();
        ApiClient api = new ApiClient(baseUrl());
        // the organisations' registrations are public (their names with them); what follows them is the records' logging
        Organisation minor = organisation("日志保密轻微测试有限公司" + UUID.randomUUID().toString().substring(0, 4));
        Organisation o = organisation("日志保密公示测试有限公司" + UUID.randomUUID().toString().substring(0, 4));
        long from = log.size();
        String expert = "日志保密测试专家" + UUID.randomUUID().toString().substring(0, 4);
        records.record(new CreditRecords.NewRecord(CreditSubject.expert(UUID.randomUUID()), expert, CreditClass.SERIOUS,
                "日志保密测试：私下接触投标人", "招标投标法实施条例第七十二条", "云州市住房和城乡建设局", null, "platform",
                "pub-" + UUID.randomUUID(), "990100", Set.of(), null, null, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(300))),
                Actor.SYSTEM);
        record(minor, CreditClass.MINOR, now.minus(Duration.ofDays(2)), "日志保密测试：迟交资料");
        Instant end = now.plus(Duration.ofDays(3));
        UUID id = record(o, CreditClass.GENERAL, CreditRules.plus(end, java.time.Period.ofYears(-1)), "日志保密测试：围标串标");
        // the portal publishes the organisation's record for its period; the log does not
        assertThat(listed(api, o.name())).containsExactly(id.toString());
        String[] secrets = {expert, "私下接触投标人", minor.name(), "迟交资料", o.name(), "围标串标"};
        assertAbsent(publicLog(api, from), secrets);

        clock.set(end);
        publication.endPublications();
        assertThat(endsLogged(id)).isEqualTo(1);
        assertThat(listed(api, o.name())).isEmpty();
        assertAbsent(publicLog(api, from), secrets);
    }
}
