package org.sunbid.platform.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.LogEntry;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.Organisations;

import tools.jackson.databind.JsonNode;

/**
 * The warning queue (监督预警) as sources raise into it and supervisors work it through the API: a warning is raised
 * once per source and key (also when raised concurrently), each supervisor sees its region's subtree and never a
 * sibling county's, a warning moves through triage, notes and a decision (a correction tracked past its deadline to its
 * end), every step is one transparency-log entry, a sanction is published for the credit records, and whoever may not
 * act is refused with nothing changed.
 */
class WarningQueueIT extends PlatformIT {

    static final String W = "/api/v1/supervision/warnings";

    @Autowired Warnings warnings;
    @Autowired JdbcClient jdbc;
    @Autowired AuditLog auditLog;
    @Autowired Organisations organisations;
    @Autowired org.sunbid.platform.catalog.Regions regions;
    @Autowired Accounts accounts;

    private ApiClient api;

    @Autowired ConfigurableApplicationContext context;

    /** What the credit records would take in: every SanctionDecided published while a test runs. */
    private final List<SanctionDecided> sanctions = new CopyOnWriteArrayList<>();
    private final ApplicationListener<ApplicationEvent> listener = e -> {
        if (e instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof SanctionDecided s) {
            sanctions.add(s);
        }
    };

    @BeforeEach
    void setUp() {
        context.addApplicationListener(listener);
        api = new ApiClient(baseUrl());
        WarningRegions.ensure(regions, organisations, accounts);
        clock.set(START);
    }

    @AfterEach
    void resetClock() {
        context.removeApplicationListener(listener);
        clock.set(START);
    }

    private static WarningDraft draft(String key, String region) {
        return new WarningDraft("test", key, WarningDraft.Severity.HIGH, region, null, null, "测试预警 " + key,
                "两家投标人的保证金由同一账户支付。", "招标投标法实施条例第四十条",
                List.of(new WarningDraft.Evidence("保证金付款账户（SM3）", "a1b2c3…", null)), List.of());
    }

    private static String key() {
        return "k-" + UUID.randomUUID();
    }

    private List<LogEntry> logged(String action, String region, UUID warning) {
        return auditLog.withActions(List.of(action), List.of(region), 1000).stream()
                .filter(e -> e.details() != null && e.details().contains(warning.toString())).toList();
    }

    /** The raises of {@code warning} in the log as stored (a raise is sealed, so the published log cannot say). */
    private long raises(UUID warning) {
        return jdbc.sql("""
                SELECT count(*) FROM log_entry WHERE details::json->>'action' = 'supervision.warning.raised'
                    AND details::json->>'subject' = :id""").param("id", warning.toString()).query(Long.class).single();
    }

    private long raisedSeq(UUID warning) {
        return jdbc.sql("SELECT raised_seq FROM supervision_warning WHERE id = :id").param("id", warning).query(Long.class)
                .single();
    }

    private Map<String, Object> snapshot(UUID id) {
        return Map.of("row", jdbc.sql("SELECT status || '/' || coalesce(decision, '-') || '/' || version FROM supervision_warning WHERE id = :id")
                        .param("id", id).query(String.class).single(),
                "steps", jdbc.sql("SELECT count(*) FROM supervision_warning_step WHERE warning_id = :id").param("id", id)
                        .query(Long.class).single(),
                "log", auditLog.size());
    }

    @Test
    void aWarningIsRaisedOncePerSourceAndKeyAndLoggedOnce() {
        String key = key();
        UUID first = warnings.raise(draft(key, WarningRegions.TOWNSHIP));
        UUID again = warnings.raise(draft(key, WarningRegions.TOWNSHIP));
        assertThat(again).isEqualTo(first);
        assertThat(jdbc.sql("SELECT count(*) FROM supervision_warning WHERE source = 'test' AND source_key = :k").param("k", key)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(raises(first)).isEqualTo(1);
        // the raise is sealed: the public log shows that an entry exists, not what it is about, until the decision
        long seq = raisedSeq(first);
        LogEntry published = auditLog.entries(seq, seq + 1).get(0);
        assertThat(published.sealed()).isTrue();
        assertThat(published.details()).isNull();
        assertThat(published.payload()).isNull();
        assertThat(logged("supervision.warning.raised", WarningRegions.TOWNSHIP, first)).isEmpty();
        // what it withholds: a digest of the content (with the warning's nonce), not the suspicion itself
        AuditLog.Withheld withheld = auditLog.withheld(seq);
        assertThat(withheld.details()).contains(first.toString()).contains("supervision.warning.raised");
        assertThat(withheld.payload()).contains("contentDigest").doesNotContain("同一账户");
        assertThat(jdbc.sql("SELECT digest_nonce FROM supervision_warning WHERE id = :id").param("id", first)
                .query(String.class).single()).hasSize(32);
        // another source with the same key is another warning
        UUID other = warnings.raise(new WarningDraft("test2", key, WarningDraft.Severity.LOW, WarningRegions.TOWNSHIP, null, null, "另一来源",
                null, null, List.of(), List.of()));
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aFindingOverTwelveBiddersRaisesOneWarning() {
        // the key as Art40Checks builds it (lot + item + SM3 of the sorted bidder ids): once over 400 characters
        java.util.SortedSet<UUID> bidders = new java.util.TreeSet<>();
        for (int i = 0; i < 12; i++) {
            bidders.add(UUID.randomUUID());
        }
        var finding = new org.sunbid.platform.supervision.evidence.domain.Finding(
                org.sunbid.platform.supervision.evidence.domain.Art40Item.SAME_PREPARER, bidders, true, List.of());
        String key = UUID.randomUUID() + ":" + finding.key() + ":round2";
        UUID first = warnings.raise(draft(key, WarningRegions.TOWNSHIP));
        UUID again = warnings.raise(draft(UUID.fromString(key.substring(0, 36)) + ":" + new org.sunbid.platform.supervision.evidence
                .domain.Finding(finding.item(), new java.util.TreeSet<>(java.util.Set.copyOf(bidders)), true, List.of()).key() + ":round2",
                WarningRegions.TOWNSHIP));
        assertThat(again).isEqualTo(first);
        assertThat(raises(first)).isEqualTo(1);
    }

    @Test
    void concurrentRaisesOfOneKeyMakeOneWarning() throws Exception {
        String key = key();
        long before = auditLog.size();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<UUID>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                calls.add(() -> warnings.raise(draft(key, WarningRegions.SIBLING)));
            }
            Set<UUID> ids = new HashSet<>();
            for (Future<UUID> f : pool.invokeAll(calls)) {
                ids.add(f.get());
            }
            assertThat(ids).hasSize(1);
            assertThat(jdbc.sql("SELECT count(*) FROM supervision_warning WHERE source_key = :k").param("k", key)
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(raises(ids.iterator().next())).isEqualTo(1);
            assertThat(auditLog.size()).isGreaterThanOrEqualTo(before + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCountySupervisorSeesItsSubtreeAndNeverASiblingCounty() {
        String key = key();
        UUID village = warnings.raise(draft(key, WarningRegions.VILLAGE)); // a village, under a township, under the test county
        // the county's supervisor and the city's see it, in the list and alone
        for (String who : List.of(WarningRegions.QINGSHAN, "supervisor", "centre", "admin")) {
            assertThat(api.get(W, api.token(who)).body()).as(who).contains(village.toString());
            assertThat(api.get(W + "/" + village, api.token(who)).status()).as(who).isEqualTo(200);
        }
        // another county's centre staff (青山县's) neither
        assertThat(api.get(W, api.token("qs-centre")).body()).doesNotContain(village.toString());
        assertThat(api.get(W + "/" + village, api.token("qs-centre")).status()).isEqualTo(404);
        // the sibling county's supervisor: not in its list, not found alone
        assertThat(api.get(W, api.token(WarningRegions.LINJIANG)).body()).doesNotContain(village.toString());
        ApiClient.Response sibling = api.get(W + "/" + village, api.token(WarningRegions.LINJIANG));
        assertThat(sibling.status()).isEqualTo(404);
        assertThat(sibling.isProblem()).isTrue();
        assertThat(sibling.code()).isEqualTo("WARNING_NOT_FOUND");
        // a bidder or an owner has no queue (forbidden) and no warning (not found)
        for (String who : List.of("bidder1", "tenderee")) {
            ApiClient.Response list = api.get(W, api.token(who));
            assertThat(list.status()).as(who).isEqualTo(403);
            assertThat(list.isProblem()).isTrue();
            assertThat(api.get(W + "/" + village, api.token(who)).status()).as(who).isEqualTo(404);
        }
        // nobody out of the region acts on it: nothing changes
        Map<String, Object> before = snapshot(village);
        ApiClient.Response foreign = api.post(W + "/" + village + "/acceptance", "{}", api.token(WarningRegions.LINJIANG));
        assertThat(foreign.status()).isEqualTo(404);
        ApiClient.Response bidder = api.post(W + "/" + village + "/dismissal",
                ApiClient.json(Map.of("reason", "无", "basis", "无")), api.token("bidder1"));
        assertThat(bidder.status()).isIn(403, 404);
        ApiClient.Response staff = api.post(W + "/" + village + "/acceptance", "{}", api.token("centre"));
        assertThat(staff.status()).isEqualTo(403);
        assertThat(staff.code()).isEqualTo("WARNING_NOT_SUPERVISOR");
        assertThat(snapshot(village)).isEqualTo(before);
    }

    @Test
    void aWarningMovesThroughTriageNotesAndACorrectionTrackedPastItsDeadlineEachStepLogged() throws Exception {
        UUID id = warnings.raise(draft(key(), WarningRegions.COUNTY));
        String token = api.token(WarningRegions.QINGSHAN);
        // deciding before triage is refused, nothing changes
        Map<String, Object> before = snapshot(id);
        ApiClient.Response early = api.post(W + "/" + id + "/decision", ApiClient.json(Map.of("decision", "REFERRED",
                "reason", "r", "basis", "b")), token);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("WARNING_STEP_NOT_ALLOWED");
        assertThat(snapshot(id)).isEqualTo(before);

        assertThat(api.post(W + "/" + id + "/acceptance", ApiClient.json(Map.of("note", "立案核查。")), token).json()
                .path("status").asString()).isEqualTo("INVESTIGATING");
        assertThat(api.post(W + "/" + id + "/notes", ApiClient.json(Map.of("text", "调取两家投标人的保证金付款凭证，账户一致。")), token)
                .status()).isEqualTo(200);
        // a correction needs a deadline after today
        ApiClient.Response noDue = api.post(W + "/" + id + "/decision", ApiClient.json(Map.of("decision", "CORRECTED",
                "reason", "招标人未按规定组织开标。", "basis", "招标投标法实施条例第八十二条")), token);
        assertThat(noDue.status()).isEqualTo(422);
        assertThat(noDue.code()).isEqualTo("WARNING_CORRECTION_DUE_INVALID");
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        JsonNode decided = api.post(W + "/" + id + "/decision", ApiClient.json(Map.of("decision", "CORRECTED",
                "reason", "招标人未按规定组织开标。", "basis", "招标投标法实施条例第八十二条", "correctionDue",
                today.plusDays(10).toString())), token).json();
        assertThat(decided.path("status").asString()).isEqualTo("CORRECTING");
        assertThat(decided.path("overdue").asBoolean()).isFalse();

        // eleven days on, the correction is overdue and the queue's overdue filter finds it
        clock.set(START.plus(Duration.ofDays(11)));
        token = api.freshToken(WarningRegions.QINGSHAN); // the first one expired meanwhile
        assertThat(api.get(W + "/" + id, token).json().path("overdue").asBoolean()).isTrue();
        assertThat(api.get(W + "?overdue=true", token).body()).contains(id.toString());
        assertThat(api.get(W + "?status=CLOSED", token).body()).doesNotContain(id.toString());
        // the supervisor's home lists it among the work waiting
        org.sunbid.platform.WebSession home = new org.sunbid.platform.WebSession(baseUrl());
        home.login(WarningRegions.QINGSHAN);
        assertThat(home.get("/workbench").body()).contains("责令改正逾期未完成").contains("/workbench/supervision/warnings/" + id);
        assertThat(api.get(W + "?minAge=10", token).body()).contains(id.toString());
        assertThat(api.get(W + "?maxAge=5", token).body()).doesNotContain(id.toString());
        JsonNode summary = api.get(W + "/summary", token).json();
        assertThat(summary.path("overdue").asLong()).isPositive();
        assertThat(summary.path("bySeverity").path("HIGH").get(3).asLong()).as("11 days: the 7–30 band").isZero();
        assertThat(summary.path("bySeverity").path("HIGH").get(2).asLong()).isPositive();
        JsonNode closed = api.post(W + "/" + id + "/correction", ApiClient.json(Map.of("note", "已重新组织开标，经核查整改到位。")), token)
                .json();
        assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("decision").asString()).isEqualTo("CORRECTED");
        assertThat(closed.path("steps")).extracting(s -> s.path("kind").asString())
                .containsExactly("accepted", "noted", "decided", "corrected");
        // every step is one log entry, and each step names its entry
        assertThat(raises(id)).isEqualTo(1);
        for (String action : List.of("accepted", "noted", "decided", "corrected")) {
            assertThat(logged("supervision.warning." + action, WarningRegions.COUNTY, id)).as(action).hasSize(1);
        }
        LogEntry decision = logged("supervision.warning.decided", WarningRegions.COUNTY, id).get(0);
        assertThat(decision.payload()).contains("CORRECTED").contains("第八十二条");
        // the decision reveals the sealed raise: its source, legal basis and digest, and the withheld entry itself
        long seq = raisedSeq(id);
        AuditLog.Withheld withheld = auditLog.withheld(seq);
        String digest = withheld.payload().replaceAll(".*\"contentDigest\":\"([0-9a-f]{64})\".*", "$1");
        assertThat(digest).hasSize(64);
        assertThat(decision.payload()).contains("\"sealedSeq\":" + seq).contains("\"source\":\"test\"")
                .contains("招标投标法实施条例第四十条").contains(digest);
        assertThat(closed.path("steps").get(2).path("logSeq").asLong()).isEqualTo(decision.seq());
        // closed is closed
        ApiClient.Response late = api.post(W + "/" + id + "/notes", ApiClient.json(Map.of("text", "补充")), token);
        assertThat(late.status()).isEqualTo(409);
    }

    @Test
    void aWarningDismissedAtTriageNeedsItsBasis() {
        UUID id = warnings.raise(draft(key(), "990100"));
        String token = api.token("supervisor");
        ApiClient.Response noBasis = api.post(W + "/" + id + "/dismissal", ApiClient.json(Map.of("reason", "价格接近属正常竞争。")), token);
        assertThat(noBasis.status()).isEqualTo(422);
        assertThat(noBasis.code()).isEqualTo("WARNING_BASIS_REQUIRED");
        JsonNode dismissed = api.post(W + "/" + id + "/dismissal", ApiClient.json(Map.of("reason", "价格接近属正常竞争。",
                "basis", "招标投标法实施条例第四十条（不构成视为串通情形）")), token).json();
        assertThat(dismissed.path("status").asString()).isEqualTo("CLOSED");
        assertThat(dismissed.path("decision").asString()).isEqualTo("DISMISSED");
        assertThat(logged("supervision.warning.dismissed", "990100", id)).singleElement()
                .satisfies(e -> assertThat(e.payload()).contains("\"sealedSeq\":" + raisedSeq(id)).contains("contentDigest"));
        // a county supervisor does not supervise the city's own warnings
        assertThat(api.get(W + "/" + id, api.token(WarningRegions.QINGSHAN)).status()).isEqualTo(404);
    }

    @Test
    void aSanctionIsPublishedForTheCreditRecords() {
        UUID id = warnings.raise(draft(key(), WarningRegions.SIBLING_TOWNSHIP));
        String token = api.token(WarningRegions.LINJIANG);
        api.post(W + "/" + id + "/acceptance", "{}", token);
        // a sanction names whom it sanctions, with a valid credit code if one is given
        ApiClient.Response nobody = api.post(W + "/" + id + "/decision", ApiClient.json(Map.of("decision", "SANCTIONED",
                "reason", "投标人串通投标，查证属实。", "basis", "招标投标法第五十三条")), token);
        assertThat(nobody.status()).isEqualTo(422);
        assertThat(nobody.code()).isEqualTo("WARNING_TEXT_REQUIRED");
        ApiClient.Response badCode = api.post(W + "/" + id + "/decision", ApiClient.json(Map.of("decision", "SANCTIONED",
                "reason", "投标人串通投标，查证属实。", "basis", "招标投标法第五十三条", "partyCreditCode", "91350100M000100Y44")), token);
        assertThat(badCode.code()).isEqualTo("INVALID_CREDIT_CODE");
        assertThat(sanctions).isEmpty();
        JsonNode sanctioned = api.post(W + "/" + id + "/decision", ApiClient.json(Map.of("decision", "SANCTIONED",
                "reason", "投标人串通投标，查证属实。", "basis", "招标投标法第五十三条", "partyName", "临江安装工程有限公司")), token).json();
        assertThat(sanctioned.path("status").asString()).isEqualTo("CLOSED");
        assertThat(sanctions).filteredOn(s -> s.warningId().equals(id)).singleElement().satisfies(s -> {
            assertThat(s.legalBasis()).isEqualTo("招标投标法第五十三条");
            assertThat(s.partyName()).isEqualTo("临江安装工程有限公司");
            assertThat(s.regionCode()).isEqualTo(WarningRegions.SIBLING_TOWNSHIP);
            assertThat(s.decidedBy()).isEqualTo(WarningRegions.LINJIANG);
            assertThat(s.logSeq()).isEqualTo(logged("supervision.warning.decided", WarningRegions.SIBLING_TOWNSHIP, id).get(0).seq());
        });
        assertThat(logged("supervision.warning.decided", WarningRegions.SIBLING_TOWNSHIP, id).get(0).payload()).contains("SANCTIONED")
                .contains("第五十三条");
    }

    /** Issue 20 S: a sanction with the party's credit code makes its credit record once, with terms from its basis. */
    @Test
    void reg67_aSanctionMakesOneCreditRecordWithItsTermsAndARetryMakesNoSecond() {
        UUID id = warnings.raise(draft(key(), WarningRegions.SIBLING_TOWNSHIP));
        String token = api.token(WarningRegions.LINJIANG);
        api.post(W + "/" + id + "/acceptance", "{}", token);
        String creditCode = org.sunbid.platform.Fixtures.freshCreditCode("990100");
        org.sunbid.platform.credit.CreditSubject subject = org.sunbid.platform.credit.CreditSubject.organisation(creditCode);
        // credit terms without a credit code, or a ban longer than Art. 67 allows: refused, nothing recorded
        ApiClient.Response noCode = api.post(W + "/" + id + "/decision", ApiClient.json(Map.of("decision", "SANCTIONED",
                "reason", "投标人串通投标，查证属实。", "basis", "《招标投标法实施条例》第六十七条", "partyName", "某公司",
                "creditClass", "SERIOUS")), token);
        assertThat(noCode.code()).isEqualTo("WARNING_SANCTION_CREDIT_CODE_REQUIRED");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        ApiClient.Response tooLong = api.post(W + "/" + id + "/decision", ApiClient.json(Map.of("decision", "SANCTIONED",
                "reason", "投标人串通投标，查证属实。", "basis", "《招标投标法实施条例》第六十七条", "partyName", "临江串通测试有限公司",
                "partyCreditCode", creditCode, "restrictionLastDay", today.plusYears(3).toString())), token);
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.code()).isEqualTo("WARNING_SANCTION_TERM_INVALID");
        assertThat(credits.of(subject)).isEmpty();

        JsonNode sanctioned = api.post(W + "/" + id + "/decision", ApiClient.json(Map.of("decision", "SANCTIONED",
                "reason", "投标人串通投标，查证属实。", "basis", "《招标投标法实施条例》第六十七条", "partyName", "临江串通测试有限公司",
                "partyCreditCode", creditCode, "restrictionLastDay", today.plusYears(2).minusDays(1).toString(),
                "document", "临监罚〔2026〕1号")), token).json();
        assertThat(sanctioned.path("decision").asString()).isEqualTo("SANCTIONED");
        assertThat(credits.of(subject)).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo("platform");
            assertThat(r.sourceRef()).isEqualTo("supervision.sanction:" + id);
            assertThat(r.creditClass()).isEqualTo(org.sunbid.platform.credit.CreditClass.SERIOUS);
            assertThat(r.legalBasis()).isEqualTo("《招标投标法实施条例》第六十七条");
            assertThat(r.document()).isEqualTo("临监罚〔2026〕1号");
            assertThat(r.regionCode()).isEqualTo(WarningRegions.SIBLING_TOWNSHIP);
            assertThat(r.gates()).containsExactlyInAnyOrder(org.sunbid.platform.credit.Gate.BIDDING,
                    org.sunbid.platform.credit.Gate.INVITATION);
            assertThat(r.restrictionFrom()).isEqualTo(clock.instant());
            assertThat(r.restrictionUntil()).isEqualTo(today.plusYears(2).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
        });
        assertThat(checks.check(org.sunbid.platform.credit.Gate.BIDDING, subject, clock.instant()).reasons())
                .contains("临江串通测试有限公司", "第六十七条");
        // the decision taken again (a retried call) is refused by the warning's state and records nothing new
        long logSize = auditLog.size();
        assertThat(api.post(W + "/" + id + "/decision", ApiClient.json(Map.of("decision", "SANCTIONED",
                "reason", "投标人串通投标，查证属实。", "basis", "《招标投标法实施条例》第六十七条", "partyName", "临江串通测试有限公司",
                "partyCreditCode", creditCode)), token).status()).isEqualTo(409);
        assertThat(credits.of(subject)).hasSize(1);
        assertThat(auditLog.size()).isEqualTo(logSize);
    }

    @Autowired org.sunbid.platform.credit.CreditRecords credits;
    @Autowired org.sunbid.platform.credit.CreditChecks checks;

    @Test
    void badFiltersGetAClearCode() {
        ApiClient.Response r = api.get(W + "?severity=URGENT", api.token("supervisor"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("WARNING_PARAMETER_INVALID");
        assertThat(api.get(W + "?minAge=x", api.token("supervisor")).code()).isEqualTo("WARNING_PARAMETER_INVALID");
    }
}
