package org.sunbid.platform.credit.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.Fixtures;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.credit.CreditChecks;
import org.sunbid.platform.credit.CreditRecordView;
import org.sunbid.platform.credit.CreditRecords;
import org.sunbid.platform.credit.CreditSubject;
import org.sunbid.platform.credit.Gate;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Organisations;

/**
 * External credit lists through the running platform (issue 20, acceptance 2): a version imported twice changes nothing
 * the second time (upload or directory); a malformed file is refused whole with its line; an imported entry bars its
 * organisation at the list's gates through {@link CreditChecks}; an entry a newer version no longer lists ends.
 */
class CreditListImportIT extends PlatformIT {

    @Autowired CreditLists lists;
    @Autowired ListDirectory directory;
    @Autowired CreditChecks checks;
    @Autowired CreditRecords records;
    @Autowired Organisations organisations;
    @Autowired AuditLog log;
    @Autowired JdbcClient jdbc;
    @Autowired javax.sql.DataSource dataSource;

    private ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(baseUrl());
    }

    private Organisation bidder(String name) {
        return organisations.register(new Organisations.Registration(Fixtures.freshCreditCode("990100"), name,
                OrganisationKind.BIDDER, "990100"), Actor.SYSTEM);
    }

    /** The next version date of {@code code}: a day after its latest. */
    private LocalDate nextVersion(String code) {
        LocalDate latest = lists.list(code).latestVersion();
        return latest == null ? LocalDate.of(2026, 11, 1) : latest.plusDays(1);
    }

    private static String row(String creditCode, String name, String entryId) {
        return String.join(",", creditCode, name, "有履行能力而拒不履行生效法律文书确定的义务",
                "《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条第（一）项", "云州市中级人民法院", "（2026）云01执" + entryId + "号",
                "严重", "2026-05-01", "2028-04-30", "2026-05-01", "2028-04-30", entryId);
    }

    private static String csv(String... rows) {
        return String.join(",", ListFile.HEADER) + "\n" + String.join("\n", rows) + "\n";
    }

    private ApiClient.Response upload(String code, LocalDate date, String csv, String user) {
        return api.post("/api/v1/credit/lists/" + code + "/imports",
                ApiClient.json(Map.of("listDate", date.toString(), "fileName", code + "_" + date + ".csv", "csv", csv)), api.token(user));
    }

    /** What an import may change: the log, the records, the imports, the entries and their ends. */
    private List<Object> snapshot() {
        List<Object> s = new ArrayList<>();
        s.add(log.size());
        s.add(jdbc.sql("SELECT COUNT(*) FROM credit_record").query(Long.class).single());
        s.add(jdbc.sql("SELECT COUNT(*) FROM credit_record WHERE withdrawn_at IS NOT NULL").query(Long.class).single());
        s.add(jdbc.sql("SELECT COUNT(*) FROM credit_list_import").query(Long.class).single());
        s.add(jdbc.sql("SELECT COUNT(*) FROM credit_list_entry").query(Long.class).single());
        s.add(jdbc.sql("SELECT COUNT(*) FROM credit_list_entry WHERE ended_at IS NOT NULL").query(Long.class).single());
        return s;
    }

    @Test
    void importingTheSameFileTwiceChangesNothingTheSecondTimeAndTheEntryBarsAtTheGate(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Organisation listed = bidder("名单测试失信有限公司");
        String id = "IT-" + UUID.randomUUID();
        String file = csv(row(listed.creditCode().value(), listed.name(), id),
                row(Fixtures.freshCreditCode("990121"), "名单测试另一有限公司", id + "-2"));
        LocalDate date = nextVersion("tax-offenders");

        ApiClient.Response first = upload("tax-offenders", date, file, "admin");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().path("added").asInt()).isEqualTo(2);
        assertThat(first.json().path("listName").asString()).isEqualTo("重大税收违法失信主体");

        // the imported entry bars its organisation at the list's gates, with the record named, and keeps its source
        CreditRecordView record = records.of(CreditSubject.organisation(listed.creditCode().value())).get(0);
        assertThat(record.source()).isEqualTo("重大税收违法失信主体");
        assertThat(record.sourceRef()).isEqualTo(id + "@" + date);
        var verdict = checks.checkOrganisations(Gate.BIDDING, List.of(listed.id()), clock.instant());
        assertThat(verdict.barred()).isTrue();
        assertThat(verdict.reasons()).contains("名单测试失信有限公司", "拒不履行", "云州市中级人民法院");
        assertThat(checks.checkOrganisations(Gate.AUCTION_QUALIFICATION, List.of(listed.id()), clock.instant()).barred()).isTrue();
        assertThat(checks.checkOrganisations(Gate.EXPERT_DRAW, List.of(listed.id()), clock.instant()).barred()).isFalse();
        assertThat(lists.entries("tax-offenders", false)).anySatisfy(e -> {
            assertThat(e.entryId()).isEqualTo(id);
            assertThat(e.listDate()).isEqualTo(date);
            assertThat(e.line()).isEqualTo(2);
        });

        List<Object> before = snapshot();
        ApiClient.Response again = upload("tax-offenders", date, file, "admin");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("unchanged").asBoolean()).isTrue();
        assertThat(again.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        // the refresh job finding the same file in its directory (under the same list's newer name) changes nothing either
        Files.writeString(dir.resolve("tax-offenders_" + date.plusDays(1) + ".csv"), file);
        List<ListDirectory.FileOutcome> run = directory.refresh(dir);
        assertThat(run).extracting(ListDirectory.FileOutcome::outcome).containsExactly("unchanged");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aMalformedFileIsRefusedWholeWithItsLineAndNothingIsImported() {
        Organisation first = bidder("名单测试首行有限公司");
        String good = row(first.creditCode().value(), first.name(), "IT-" + UUID.randomUUID());
        String fresh = Fixtures.freshCreditCode("990100");
        String badCode = fresh.substring(0, 17) + (fresh.endsWith("0") ? "1" : "0");
        String id = "IT-" + UUID.randomUUID();
        Map<String, Object[]> cases = new java.util.LinkedHashMap<>();
        cases.put("bad credit code", new Object[] {csv(good, row(badCode, "某公司", id)), 3, "BAD_CREDIT_CODE"});
        cases.put("missing field", new Object[] {csv(good, good.replace("IT-", "X-"), row(fresh, "", id)), 4, "MISSING_FIELD"});
        cases.put("bad date", new Object[] {csv(good, row(fresh, "某公司", id).replace("2028-04-30", "2028-13-01")), 3, "BAD_DATE"});
        cases.put("duplicate entry", new Object[] {csv(good, row(fresh, "某公司", good.substring(good.lastIndexOf(',') + 1))), 3,
                "DUPLICATE_ENTRY"});
        cases.put("wrong header", new Object[] {csv(good).replace("entry_id", "id"), 1, "WRONG_HEADER"});
        LocalDate date = nextVersion("tax-offenders");
        List<Object> before = snapshot();
        for (var c : cases.entrySet()) {
            ApiClient.Response r = upload("tax-offenders", date, (String) c.getValue()[0], "admin");
            assertThat(r.status()).as(c.getKey()).isEqualTo(422);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.code()).isEqualTo("CREDIT_LIST_MALFORMED");
            assertThat(r.json().path("line").asInt()).as(c.getKey()).isEqualTo((Integer) c.getValue()[1]);
            assertThat(r.json().path("lineProblem").asString()).as(c.getKey()).isEqualTo(c.getValue()[2]);
            assertThat(r.json().path("detail").asString()).contains("第 " + c.getValue()[1] + " 行");
        }
        assertThat(snapshot()).isEqualTo(before);
        assertThat(checks.checkOrganisations(Gate.BIDDING, List.of(first.id()), clock.instant()).barred()).isFalse();
    }

    @Test
    void anEntryANewerVersionNoLongerListsEndsAndAnOlderVersionIsRefused() {
        Organisation leaving = bidder("名单测试移出有限公司");
        Organisation staying = bidder("名单测试留存有限公司");
        String a = "IT-" + UUID.randomUUID();
        String b = "IT-" + UUID.randomUUID();
        LocalDate v1 = nextVersion("construction-blacklist");
        assertThat(upload("construction-blacklist", v1, csv(row(leaving.creditCode().value(), leaving.name(), a),
                row(staying.creditCode().value(), staying.name(), b)), "admin").status()).isEqualTo(201);
        UUID stayingRecord = records.of(CreditSubject.organisation(staying.creditCode().value())).get(0).id();
        assertThat(checks.checkOrganisations(Gate.BIDDING, List.of(leaving.id()), clock.instant()).barred()).isTrue();

        ApiClient.Response v2 = upload("construction-blacklist", v1.plusDays(1), csv(row(staying.creditCode().value(), staying.name(), b)),
                "admin");
        assertThat(v2.status()).isEqualTo(201);
        assertThat(v2.json().path("added").asInt()).isZero();
        assertThat(v2.json().path("ended").asInt()).isEqualTo(1);
        CreditRecordView ended = records.of(CreditSubject.organisation(leaving.creditCode().value())).get(0);
        assertThat(ended.withdrawnAt()).isEqualTo(clock.instant());
        assertThat(checks.checkOrganisations(Gate.BIDDING, List.of(leaving.id()), clock.instant()).barred()).isFalse();
        assertThat(checks.checkOrganisations(Gate.BIDDING, List.of(staying.id()), clock.instant()).barredBy())
                .extracting(CreditRecordView::id).containsExactly(stayingRecord); // unchanged entry: the same record
        assertThat(lists.entries("construction-blacklist", true)).anySatisfy(e -> {
            assertThat(e.entryId()).isEqualTo(a);
            assertThat(e.endedReason()).contains("不再列入");
        });

        List<Object> before = snapshot();
        ApiClient.Response older = upload("construction-blacklist", v1, csv(row(leaving.creditCode().value(), leaving.name(), a + "x")),
                "admin");
        assertThat(older.status()).isEqualTo(409);
        assertThat(older.code()).isEqualTo("CREDIT_LIST_NOT_NEWER");
        assertThat(snapshot()).isEqualTo(before);
    }

    /**
     * Two versions imported at the same time (issue 20 fix K): both wait for the list's lock, the newer gets it first; the
     * older must then be refused against the newer, not against the version read before the lock.
     */
    @Test
    void ofTwoConcurrentImportsTheNewerStaysInForceAndTheOlderIsRefused() throws Exception {
        Organisation base = bidder("名单并发基础有限公司");
        Organisation inNewer = bidder("名单并发新版有限公司");
        Organisation inOlder = bidder("名单并发旧版有限公司");
        String code = "construction-blacklist";
        LocalDate v1 = nextVersion(code);
        String baseId = "IT-" + UUID.randomUUID();
        String newerId = "IT-" + UUID.randomUUID();
        String olderId = "IT-" + UUID.randomUUID();
        assertThat(upload(code, v1, csv(row(base.creditCode().value(), base.name(), baseId)), "admin").status()).isEqualTo(201);
        String token = api.token("admin");

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (java.sql.Connection holder = dataSource.getConnection()) {
            // the test holds the list's lock so that both imports are inside importVersion, waiting, before either proceeds
            holder.setAutoCommit(false);
            try (var st = holder.prepareStatement("SELECT code FROM credit_list WHERE code = ? FOR UPDATE")) {
                st.setString(1, code);
                st.executeQuery().close();
            }
            var newer = pool.submit(() -> api.post("/api/v1/credit/lists/" + code + "/imports", ApiClient.json(Map.of(
                    "listDate", v1.plusDays(2).toString(), "csv", csv(row(inNewer.creditCode().value(), inNewer.name(), newerId)))), token));
            awaitWaiting(1);
            var older = pool.submit(() -> api.post("/api/v1/credit/lists/" + code + "/imports", ApiClient.json(Map.of(
                    "listDate", v1.plusDays(1).toString(), "csv", csv(row(inOlder.creditCode().value(), inOlder.name(), olderId)))), token));
            awaitWaiting(2);
            holder.commit();
            assertThat(newer.get(60, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(201);
            ApiClient.Response refused = older.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("CREDIT_LIST_NOT_NEWER");
        } finally {
            pool.shutdownNow();
        }
        assertThat(lists.list(code).latestVersion()).isEqualTo(v1.plusDays(2));
        assertThat(lists.entries(code, false)).extracting(CreditLists.EntryView::entryId).contains(newerId).doesNotContain(olderId, baseId);
        assertThat(checks.checkOrganisations(Gate.BIDDING, List.of(inNewer.id()), clock.instant()).barred()).isTrue();
        assertThat(checks.checkOrganisations(Gate.BIDDING, List.of(inOlder.id()), clock.instant()).barred()).isFalse();
    }

    /** Waits until {@code n} sessions wait for the lock of a credit list. */
    private void awaitWaiting(int n) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            long waiting = jdbc.sql("""
                    SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'
                    AND query LIKE '%FROM credit_list WHERE code = % FOR UPDATE%'""").query(Long.class).single();
            if (waiting >= n) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("imports not waiting for the list's lock");
    }

    @Test
    void theRefreshJobImportsEachFileOfItsDirectorySkipsARefusedOneAndASecondRunChangesNothing(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Organisation listed = bidder("名单目录测试有限公司");
        Organisation inBadFile = bidder("名单目录坏文件有限公司");
        LocalDate date = nextVersion("tax-offenders");
        String fresh = Fixtures.freshCreditCode("990100");
        Files.writeString(dir.resolve("tax-offenders_" + date + ".csv"),
                csv(row(listed.creditCode().value(), listed.name(), "IT-" + UUID.randomUUID())));
        Files.writeString(dir.resolve("tax-offenders_" + date.plusDays(1) + ".csv"), csv(row(inBadFile.creditCode().value(),
                inBadFile.name(), "IT-" + UUID.randomUUID()), row(fresh.substring(0, 17) + (fresh.endsWith("0") ? "1" : "0"), "某公司", "X")));
        Files.writeString(dir.resolve("no-such-list_" + date + ".csv"), csv(row(fresh, "某公司", "Y")));
        Files.writeString(dir.resolve("readme.txt"), "not a list");

        List<ListDirectory.FileOutcome> first = directory.refresh(dir);
        assertThat(first).extracting(ListDirectory.FileOutcome::outcome).containsExactly("CREDIT_LIST_UNKNOWN [no-such-list]",
                "imported", "CREDIT_LIST_MALFORMED [3, BAD_CREDIT_CODE, " + fresh.substring(0, 17) + (fresh.endsWith("0") ? "1" : "0") + "]");
        assertThat(first.get(1).imported().origin()).isEqualTo(CreditLists.Origin.DIRECTORY);
        assertThat(checks.checkOrganisations(Gate.BIDDING, List.of(listed.id()), clock.instant()).barred()).isTrue();
        assertThat(checks.checkOrganisations(Gate.BIDDING, List.of(inBadFile.id()), clock.instant()).barred()).isFalse();

        List<Object> before = snapshot();
        assertThat(directory.refresh(dir)).extracting(ListDirectory.FileOutcome::outcome).containsExactly(
                "CREDIT_LIST_UNKNOWN [no-such-list]", "unchanged",
                "CREDIT_LIST_MALFORMED [3, BAD_CREDIT_CODE, " + fresh.substring(0, 17) + (fresh.endsWith("0") ? "1" : "0") + "]");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void onlyTheAdministratorUploadsAndTheDemoListsAreThereWithTheirSource() {
        LocalDate date = nextVersion("gp-serious");
        String file = csv(row(Fixtures.freshCreditCode("990100"), "名单测试越权有限公司", "IT-" + UUID.randomUUID()));
        List<Object> before = snapshot();
        // a national list is in force everywhere: not even the centre's (or a county centre's) staff upload one (issue 20 fix K)
        for (String user : new String[] {"centre", "qs-centre", "supervisor", "tenderee", "bidder1", "expert01"}) {
            assertThat(upload("gp-serious", date, file, user).status()).as(user).isEqualTo(403);
        }
        assertThat(api.post("/api/v1/credit/lists/no-such-list/imports", ApiClient.json(Map.of("listDate", "2026-11-01", "csv", file)),
                api.token("admin")).code()).isEqualTo("CREDIT_LIST_UNKNOWN");
        assertThat(snapshot()).isEqualTo(before);

        var court = api.get("/api/v1/credit/lists", null).json();
        assertThat(court.toString()).contains("失信被执行人", "政府采购严重违法失信行为记录名单");
        assertThat(lists.entries("court-debtors", false)).anySatisfy(e -> assertThat(e.name()).isEqualTo("云州市恒通建材贸易有限公司"));
        CreditRecordView demo = records.of(CreditSubject.organisation(
                lists.entries("court-debtors", false).stream().filter(e -> e.name().equals("云州市恒通建材贸易有限公司"))
                        .findFirst().orElseThrow().creditCode())).get(0);
        assertThat(demo.source()).isEqualTo("失信被执行人");
        assertThat(demo.publishedAt(clock.instant())).isTrue();
    }
}
