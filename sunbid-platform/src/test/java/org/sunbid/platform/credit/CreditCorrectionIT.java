package org.sunbid.platform.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.credit.CreditParties.Party;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.Organisations;
import tools.jackson.databind.JsonNode;

/**
 * An upheld objection that corrects a record (更正, 信用修复管理办法 Art. 18) instead of withdrawing it: the record keeps its
 * id, the portal shows the corrected values marked corrected, its former values are kept (a revision) and the gates use
 * the corrected restriction from the decision's instant — before it, what was in force then. The correction is logged,
 * sealed. A correction changing nothing, one beyond the class's maximum (Art. 12) or one with a dismissal is refused and
 * changes nothing. Records are made on fresh organisations and withdrawn after each test.
 */
class CreditCorrectionIT extends PlatformIT {

    @Autowired CreditRecords records;
    @Autowired CreditChecks checks;
    @Autowired Organisations organisations;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    private final List<UUID> made = new java.util.ArrayList<>();

    @AfterEach
    void withdrawAndResetClock() {
        for (UUID id : made) {
            jdbc.sql("UPDATE credit_record SET withdrawn_at = :now, withdrawn_reason = 'test' WHERE id = :id AND withdrawn_at IS NULL")
                    .param("now", java.time.OffsetDateTime.now(clock)).param("id", id).update();
        }
        made.clear();
        clock.set(START);
    }

    private Party party(String name) {
        return CreditParties.party(organisations, accounts, name, "990100");
    }

    /** A 严重 record decided 20 days ago: published 3 years, barred from bidding for 2 years. */
    private UUID seriousRecord(Party p) {
        Instant decided = clock.instant().minus(Duration.ofDays(20));
        CreditRules.Publication pub = CreditRules.publication(CreditClass.SERIOUS, decided, false, false);
        UUID id = records.record(new CreditRecords.NewRecord(p.subject(), p.organisation().name(), CreditClass.SERIOUS, "串通投标",
                "招标投标法实施条例第六十七条", "云州市住房和城乡建设局", "云建罚〔2026〕101号", "platform", "correct-" + UUID.randomUUID(), "990100",
                Set.of(Gate.BIDDING), decided, CreditRules.plus(decided, java.time.Period.ofYears(2)), pub.from(), pub.until()),
                decided, false, Actor.SYSTEM);
        made.add(id);
        return id;
    }

    private static JsonNode published(ApiClient api, Party p, UUID id) {
        for (JsonNode r : api.get("/api/v1/credit/records?q=" + p.organisation().creditCode().value(), null).json()) {
            if (r.path("id").asString().equals(id.toString())) {
                return r;
            }
        }
        return null;
    }

    private String object(ApiClient api, Party p, UUID id) {
        ApiClient.Response filed = api.post("/api/v1/credit/records/" + id + "/objections",
                ApiClient.json(Map.of("reason", "处罚决定书载明的是一般失信行为，限制期至 10 日前", "documents", List.of("处罚决定书.pdf"))),
                api.token(p.username()));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().path("id").asString();
    }

    private static String decision(String decision, String outcome, Map<String, Object> correction) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        body.put("reason", "经核实，原记录类别、限制期和失信行为有误，予以更正");
        if (outcome != null) {
            body.put("outcome", outcome);
        }
        if (correction != null) {
            body.put("correction", correction);
        }
        return ApiClient.json(body);
    }

    private Map<String, Object> row(UUID id) {
        return jdbc.sql("""
                SELECT credit_class, conduct, document, restriction_until, publication_until, withdrawn_at, corrected_at, revision
                  FROM credit_record WHERE id = :id""").param("id", id).query().singleRow();
    }

    @Test
    void objection36_art18_anUpheldObjectionCorrectsTheRecord_thePortalShowsTheCorrectedValues_theGateUsesThemFromTheDecision() {
        ApiClient api = new ApiClient(baseUrl());
        Party p = party("信用更正测试有限公司");
        UUID id = seriousRecord(p);
        CreditRecordView before = records.find(id).orElseThrow();
        JsonNode shown = published(api, p, id);
        assertThat(shown.path("creditClass").asString()).isEqualTo("SERIOUS");
        assertThat(shown.path("conduct").asString()).isEqualTo("串通投标");
        assertThat(shown.path("correctedAt").isNull()).isTrue();
        Instant earlier = clock.instant().minus(Duration.ofDays(15));
        assertThat(checks.check(Gate.BIDDING, p.subject(), clock.instant()).barred()).isTrue();

        String objection = object(api, p, id);
        clock.advance(Duration.ofHours(2));
        Instant decided = clock.instant();
        Instant restrictionUntil = decided.minus(Duration.ofDays(10)); // the restriction should have ended 10 days ago
        Instant publicationUntil = CreditRules.plus(before.publicationFrom(), java.time.Period.ofMonths(6));
        ApiClient.Response upheld = api.post("/api/v1/credit/objections/" + objection + "/decision", decision("UPHOLD", "CORRECT",
                Map.of("creditClass", "GENERAL", "restrictionUntil", restrictionUntil.toString(), "publicationUntil",
                        publicationUntil.toString(), "conduct", "无正当理由不与中标人订立合同", "document", "云建罚〔2026〕101-1号")),
                api.freshToken("supervisor"));
        assertThat(upheld.status()).as(upheld.body()).isEqualTo(200);
        assertThat(upheld.json().path("status").asString()).isEqualTo("UPHELD");
        assertThat(upheld.json().path("outcome").asString()).isEqualTo("CORRECT");

        // the same record, corrected, still published: the portal shows the corrected values and when they were corrected
        JsonNode after = published(api, p, id);
        assertThat(after).as("still published under the same id").isNotNull();
        assertThat(after.path("creditClass").asString()).isEqualTo("GENERAL");
        assertThat(after.path("conduct").asString()).isEqualTo("无正当理由不与中标人订立合同");
        assertThat(after.path("document").asString()).isEqualTo("云建罚〔2026〕101-1号");
        assertThat(Instant.parse(after.path("restrictionUntil").asString())).isEqualTo(restrictionUntil);
        assertThat(Instant.parse(after.path("publicationUntil").asString())).isEqualTo(publicationUntil);
        assertThat(Instant.parse(after.path("correctedAt").asString())).isEqualTo(decided);
        assertThat(records.find(id).orElseThrow().withdrawnAt()).isNull();
        assertThat(api.get("/credit?q=" + p.organisation().creditCode().value(), null).body())
                .contains("已更正 " + decided.atZone(CreditRules.ZONE).toLocalDate(), "无正当理由不与中标人订立合同")
                .doesNotContain("串通投标");

        // the gate: from the decision on, the corrected restriction (ended) bars nothing; before it, the values then in force
        assertThat(checks.check(Gate.BIDDING, p.subject(), decided).barred()).isFalse();
        assertThat(checks.check(Gate.BIDDING, p.subject(), decided.plus(Duration.ofDays(1))).barred()).isFalse();
        CreditVerdict then = checks.check(Gate.BIDDING, p.subject(), decided.minusSeconds(1));
        assertThat(then.barred()).isTrue();
        assertThat(then.barredBy()).singleElement().satisfies(r -> {
            assertThat(r.conduct()).isEqualTo("串通投标");
            assertThat(r.creditClass()).isEqualTo(CreditClass.SERIOUS);
        });
        assertThat(checks.check(Gate.BIDDING, p.subject(), earlier).barred()).isTrue();

        // the former values are kept, replaced at the decision; the correction is logged once, sealed
        assertThat(records.revisions(id)).singleElement().isEqualTo(new CreditRecordView.Revision(0, CreditClass.SERIOUS, "串通投标",
                "云建罚〔2026〕101号", before.restrictionUntil(), before.publicationUntil(), decided));
        Map<String, Object> logged = jdbc.sql("""
                SELECT seq, sealed_until, payload FROM log_entry
                 WHERE details::json->>'action' = 'credit.record.corrected' AND details::json->>'subject' = :s""")
                .param("s", id.toString()).query().singleRow();
        assertThat(logged.get("sealed_until")).isNotNull();
        assertThat(logged.get("payload").toString()).contains("串通投标", "无正当理由不与中标人订立合同", objection);
        long seq = ((Number) logged.get("seq")).longValue();
        String entry = api.get("/api/v1/log/entries?start=" + seq + "&end=" + (seq + 1), null).body();
        assertThat(entry).contains("\"sealed\":true").doesNotContain("信用更正测试有限公司", "串通投标", "无正当理由");
        assertThat(jdbc.sql("SELECT log_seq FROM credit_record_revision WHERE record_id = :id").param("id", id).query(Long.class)
                .single()).isEqualTo(seq);
    }

    @Test
    void objection36_art12_art18_aCorrectionChangingNothingBeyondTheClassMaximumOrWithADismissalIsRefused_nothingChanges() {
        ApiClient api = new ApiClient(baseUrl());
        Party p = party("信用更正拒绝测试有限公司");
        UUID id = seriousRecord(p);
        CreditRecordView r = records.find(id).orElseThrow();
        String objection = object(api, p, id);
        Map<String, Object> before = row(id);
        String supervisor = api.token("supervisor");
        String path = "/api/v1/credit/objections/" + objection + "/decision";

        // the class lowered to 一般 while the publication still runs 3 years: beyond 一般's year (Art. 12)
        ApiClient.Response beyond = api.post(path, decision("UPHOLD", "CORRECT", Map.of("creditClass", "GENERAL")), supervisor);
        assertThat(beyond.status()).as(beyond.body()).isEqualTo(422);
        assertThat(beyond.code()).isEqualTo("CREDIT_CORRECTION_BEYOND_MAXIMUM");
        assertThat(beyond.body()).contains(CreditRules.plus(r.publicationFrom(), java.time.Period.ofYears(1)).minusSeconds(1)
                .atZone(CreditRules.ZONE).toLocalDate().toString());
        // the same values again
        assertThat(api.post(path, decision("UPHOLD", "CORRECT", Map.of("conduct", "串通投标", "creditClass", "SERIOUS")), supervisor)
                .code()).isEqualTo("CREDIT_CORRECTION_EMPTY");
        // a restriction ending before it began
        assertThat(api.post(path, decision("UPHOLD", "CORRECT", Map.of("restrictionUntil",
                r.restrictionFrom().minusSeconds(1).toString())), supervisor).code()).isEqualTo("CREDIT_FIELD_INVALID");
        // a dismissal with a correction, a correction without its fields, an unknown outcome or class
        assertThat(api.post(path, decision("DISMISS", null, Map.of("conduct", "其他")), supervisor).code())
                .isEqualTo("CREDIT_PARAMETER_INVALID");
        assertThat(api.post(path, decision("UPHOLD", "CORRECT", null), supervisor).code()).isEqualTo("CREDIT_PARAMETER_INVALID");
        assertThat(api.post(path, decision("UPHOLD", "AMEND", Map.of("conduct", "其他")), supervisor).code())
                .isEqualTo("CREDIT_PARAMETER_INVALID");
        assertThat(api.post(path, decision("UPHOLD", "CORRECT", Map.of("creditClass", "HUGE")), supervisor).code())
                .isEqualTo("CREDIT_PARAMETER_INVALID");
        // the centre does not decide
        assertThat(api.post(path, decision("UPHOLD", "CORRECT", Map.of("conduct", "其他")), api.token("centre")).code())
                .isEqualTo("CREDIT_NOT_SUPERVISOR");

        assertThat(row(id)).isEqualTo(before);
        assertThat(records.revisions(id)).isEmpty();
        assertThat(api.get("/api/v1/credit/objections/" + objection, supervisor).json().path("status").asString()).isEqualTo("FILED");

        // a lawful correction within 一般's year is taken; the objection is then decided once
        Instant withinYear = CreditRules.plus(r.publicationFrom(), java.time.Period.ofYears(1));
        ApiClient.Response ok = api.post(path, decision("UPHOLD", "CORRECT", Map.of("creditClass", "GENERAL", "publicationUntil",
                withinYear.toString())), supervisor);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(records.find(id).orElseThrow().creditClass()).isEqualTo(CreditClass.GENERAL);
        assertThat(api.post(path, decision("UPHOLD", "WITHDRAW", null), supervisor).code()).isEqualTo("CREDIT_STEP_NOT_ALLOWED");
    }
}
