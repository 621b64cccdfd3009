package org.sunbid.platform.supervision.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.bidder.BidderTool;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.sealing.BidsOpened;
import org.sunbid.platform.tendering.Tenders;
import org.sunbid.sealing.Envelope;

import tools.jackson.databind.JsonNode;

/**
 * 招标投标法实施条例 Art. 40 at an opening, through the running application: bidders seal on one machine, pay deposits
 * from one account, declare one project manager; after the opening the check names each item with hashed evidence and
 * raises it once; before the opening nothing is compared or visible; a rival bidder learns nothing; a database
 * administrator sees only keyed hashes. An honest lot gives nothing.
 */
class Art40EvidenceIT extends PlatformIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Tenders tenders;


    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    private ApiClient api() {
        return new ApiClient(baseUrl());
    }

    /** What one bidder's tool sealed: the machine's hashes as the tool sends them, the project manager, the text. */
    private record Bid(String bidder, String price, Map<String, Object> machine, Object projectManager, String payerOf,
            String text, String from) {
        Bid(String bidder, String price, Map<String, Object> machine, Object projectManager, String payerOf) {
            this(bidder, price, machine, projectManager, payerOf, "", null);
        }
    }

    private static Map<String, Object> machine(String mac, String machineId, String maker) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("macSm3", List.of(Sm3.hex(mac)));
        m.put("machineIdSm3", Sm3.hex(machineId));
        m.put("diskIdSm3", List.of(Sm3.hex("disk-" + machineId)));
        if (maker != null) {
            m.put("makerSm3", Sm3.hex(maker));
        }
        return m;
    }

    private String basicAccountOf(String bidder) {
        return jdbc.sql("""
                SELECT b.account_number FROM basic_account b JOIN account a ON a.organisation_id = b.organisation_id
                WHERE a.username = :u AND b.valid_until IS NULL""").param("u", bidder).query(String.class).single();
    }

    /**
     * The bidder registers, pays its deposit (first from {@code payerOf}'s basic account when given: a payment that is
     * not its own goes back and is flagged, Reg. 26, then from its own), seals with its tool's metadata and uploads.
     */
    private void bid(String tenderId, Bid b) throws Exception {
        ApiClient api = api();
        String token = api.freshToken(b.bidder());
        api.post("/api/v1/tenders/" + tenderId + "/registrations", "", token);
        if (b.payerOf() != null) {
            api.post("/api/v1/sandbox/bank/transfers", ApiClient.json(Map.of("tenderId", tenderId,
                    "payerName", "代付单位", "payerAccount", basicAccountOf(b.payerOf()))), token);
        }
        assertThat(api.post("/api/v1/sandbox/bank/transfers", ApiClient.json(Map.of("tenderId", tenderId)), token).status())
                .isLessThan(300);
        Path work = Files.createTempDirectory("art40-" + b.bidder());
        Path file = Files.writeString(work.resolve("letter.txt"), "投标函：我方愿以人民币 " + b.price() + " 元承包本工程（"
                + b.bidder() + "）\n技术标：施工组织设计详见附件，工期满足招标文件要求。\n" + b.text(), StandardCharsets.UTF_8);
        Map<String, Object> sheet = new LinkedHashMap<>();
        sheet.put("totalPrice", b.price());
        sheet.put("durationDays", 480);
        if (b.projectManager() != null) {
            sheet.put("projectManager", b.projectManager());
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("tool", "sunbid-bidder test");
        metadata.put("machine", b.machine());
        Path envelope = work.resolve("bid.sbenv");
        String key = api.get("/api/v1/tenders/" + tenderId + "/opening-key", null).json().path("publicKeyPem").asString();
        try (var out = Files.newOutputStream(envelope)) {
            Envelope.seal(new Envelope.Contents(UUID.fromString(tenderId), ApiClient.json(sheet), metadata,
                    Map.of("投标文件/投标函.txt", file)), Pem.publicKey(key), demoKeyOf(b.bidder()), demoCertificateOf(b.bidder()),
                    clock.instant(), out);
        }
        if (b.from() == null) {
            BidderTool.Result uploaded = BidderTool.run("upload", "--platform", baseUrl(), "--tender", tenderId, "--user",
                    b.bidder(), "--password", PASSWORD, envelope.toString());
            assertThat(uploaded.ok()).as(uploaded.line()).isTrue();
        } else { // through the deployment's proxy (trusted in tests), which names the client it serves
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl()
                            + "/api/v1/tenders/" + tenderId + "/bids")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/octet-stream").header("X-Forwarded-For", b.from())
                    .POST(HttpRequest.BodyPublishers.ofFile(envelope)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
    }

    /** A bid from the browser: one plain file, sealed by the platform on arrival, no machine fingerprint. */
    private void browserBid(String tenderId, String bidder, String price, String manager) throws Exception {
        ApiClient api = api();
        String token = api.freshToken(bidder);
        api.post("/api/v1/tenders/" + tenderId + "/registrations", "", token);
        api.post("/api/v1/sandbox/bank/transfers", ApiClient.json(Map.of("tenderId", tenderId)), token);
        String sheet = ApiClient.json(Map.of("totalPrice", price, "projectManager", manager));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/tenders/"
                        + tenderId + "/bids/sealed-on-arrival?name=" + java.net.URLEncoder.encode("投标文件.txt", StandardCharsets.UTF_8)
                        + "&priceSheet=" + java.net.URLEncoder.encode(sheet, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString("浏览器上传的投标文件，" + bidder + "，报价 " + price
                        + "\n技术标：施工组织设计详见附件，工期满足招标文件要求。\n", StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private JsonNode open(String tenderId, Instant deadline) throws Exception {
        clock.set(deadline.plusSeconds(1));
        tenders.closeDueTenders();
        releaseShare(tenderId, "centre");
        JsonNode opened = releaseShare(tenderId, "supervisor").json();
        assertThat(opened.path("status").asString()).as(opened.toString()).isEqualTo("OPENED");
        awaitEventsCompleted(BidsOpened.class);
        return opened;
    }

    private String orgOf(String username) {
        return jdbc.sql("SELECT organisation_id FROM account WHERE username = :u").param("u", username).query(String.class).single();
    }

    private Map<String, Long> evidenceRows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        jdbc.sql("SELECT kind, COUNT(*) AS n FROM bid_evidence GROUP BY kind ORDER BY kind")
                .query((rs, n) -> rows.put(rs.getString("kind"), rs.getLong("n"))).list();
        return rows;
    }

    @Test
    void reg40_oneMachineOneAccountOneProjectManager_areFlaggedWithHashedEvidenceAfterTheOpening_onceAndOnlyThen()
            throws Exception {
        JsonNode tender = publishTender(api(), Duration.ofDays(21), "500000");
        String id = tender.path("id").asString();
        Instant deadline = Instant.parse(tender.path("bidDeadline").asString());
        clock.advance(Duration.ofDays(1));
        Map<String, Object> shared = machine("00:16:3e:aa:bb:01", "8f2c1e0d5b7a4c3e9d1f2a3b4c5d6e7f", "ZBT-2026-0071");
        Map<String, Object> pm = Map.of("name", "周建国", "registrationNo", "云1532024012345");
        List<Bid> bids = List.of(
                new Bid("bidder1", "36280000.00", shared, "吴工（一级建造师）", null),
                new Bid("bidder2", "35990000.00", shared, "郑工（一级建造师）", null),
                new Bid("bidder3", "37150000.00", machine("00:16:3e:aa:bb:03", "a1", null), pm, "bidder2"),
                new Bid("bidder4", "36800000.00", machine("00:16:3e:aa:bb:04", "a2", null), pm, null));
        for (Bid b : bids) {
            bid(id, b);
        }

        // Before the opening: nothing is compared, nothing is known, nothing can be asked.
        Map<String, Long> before = evidenceRows();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM bid_evidence WHERE tender_id = :t").param("t", UUID.fromString(id))
                .query(Long.class).single()).isZero();
        assertThat(api().post("/api/v1/supervision/evidence/" + id, "", api().token("supervisor")).code())
                .isEqualTo("EVIDENCE_NOT_OPENED");
        assertThat(api().get("/api/v1/supervision/evidence/" + id, api().token("centre")).code()).isEqualTo("EVIDENCE_NOT_OPENED");
        assertThat(evidenceRows()).isEqualTo(before);
        // The upload addresses are kept only as keyed hashes (the test's uploads come from the host itself: "local").
        assertThat(jdbc.sql("SELECT received_ip FROM bid_envelope WHERE tender_id = :t").param("t", UUID.fromString(id))
                .query(String.class).list()).allSatisfy(ip -> assertThat(ip).matches("local|k:[0-9a-f]{40}"));

        open(id, deadline);

        ApiClient.Response checked = api().post("/api/v1/supervision/evidence/" + id, "", api().token("supervisor"));
        assertThat(checked.status()).as(checked.body()).isEqualTo(200);
        Map<String, JsonNode> byItem = new LinkedHashMap<>();
        checked.json().path("flags").forEach(f -> byItem.put(f.path("item").asString(), f));
        assertThat(byItem).containsOnlyKeys("SAME_PREPARER", "SAME_PROJECT_MANAGER", "SAME_DEPOSIT_ACCOUNT");
        assertThat(names(byItem.get("SAME_PREPARER"))).containsExactlyInAnyOrder(nameOf("bidder1"), nameOf("bidder2"));
        assertThat(byItem.get("SAME_PREPARER").path("legalBasis").asString()).isEqualTo("招标投标法实施条例第四十条第（一）项");
        assertThat(byItem.get("SAME_PREPARER").path("severity").asString()).isEqualTo("HIGH");
        assertThat(labels(byItem.get("SAME_PREPARER"))).contains("网卡 MAC 地址", "计算机机器标识", "硬盘序列号", "投标文件制作工具机器码");
        assertThat(names(byItem.get("SAME_PROJECT_MANAGER"))).containsExactlyInAnyOrder(nameOf("bidder3"), nameOf("bidder4"));
        assertThat(byItem.get("SAME_PROJECT_MANAGER").path("legalBasis").asString()).isEqualTo("招标投标法实施条例第四十条第（三）项");
        assertThat(names(byItem.get("SAME_DEPOSIT_ACCOUNT"))).containsExactlyInAnyOrder(nameOf("bidder2"), nameOf("bidder3"));
        assertThat(byItem.get("SAME_DEPOSIT_ACCOUNT").path("legalBasis").asString()).isEqualTo("招标投标法实施条例第四十条第（六）项");
        // The evidence shows no raw value, and not even what the tool sent: only the keyed hashes' first digits.
        String body = checked.body();
        for (String raw : List.of(basicAccountOf("bidder2"), (String) shared.get("machineIdSm3"),
                ((List<?>) shared.get("macSm3")).get(0).toString(), (String) shared.get("makerSm3"), "云1532024012345",
                "8f2c1e0d5b7a4c3e9d1f2a3b4c5d6e7f")) {
            assertThat(body).doesNotContain(raw);
        }

        // Each finding is one warning, raised already by the opening itself; checking again raises nothing new.
        List<String> first = warningIds(checked.json());
        assertThat(first).hasSize(3).doesNotContainNull();
        List<JsonNode> queued = lotWarnings(id);
        assertThat(queued).extracting(w -> w.path("id").asString()).containsExactlyInAnyOrderElementsOf(first);
        assertThat(queued).allSatisfy(w -> {
            assertThat(w.path("source").asString()).isEqualTo("art40");
            assertThat(w.path("legalBasis").asString()).startsWith("招标投标法实施条例第四十条第");
            assertThat(w.path("evidence").size()).isPositive();
            assertThat(w.toString()).doesNotContain(basicAccountOf("bidder2")).doesNotContain("云1532024012345");
        });
        ApiClient.Response again = api().post("/api/v1/supervision/evidence/" + id, "", api().token("centre"));
        assertThat(warningIds(again.json())).isEqualTo(first);
        assertThat(lotWarnings(id)).hasSize(3);

        // A rival bidder (or the public) learns nothing: refused by role before anything is looked up.
        for (String caller : List.of("bidder1", "bidder4", "tenderee", "agency")) {
            ApiClient.Response refused = api().post("/api/v1/supervision/evidence/" + id, "", api().freshToken(caller));
            assertThat(refused.status()).as(caller).isEqualTo(403);
            assertThat(refused.body()).doesNotContain("SAME_").doesNotContain(nameOf("bidder2"));
            assertThat(api().get("/api/v1/supervision/evidence/" + id, api().freshToken(caller)).status()).isEqualTo(403);
        }
        assertThat(api().get("/api/v1/supervision/evidence/" + id, null).status()).isEqualTo(401);
        // The opening record (public) carries no fingerprint, address or account.
        String record = api().get("/api/v1/tenders/" + id + "/opening", null).body();
        assertThat(record).doesNotContain("machine").doesNotContain("macSm3").doesNotContain(basicAccountOf("bidder2"));

        // A database administrator sees keyed hashes only: none is the tool's hash or the SM3 of a raw value.
        List<String> stored = new ArrayList<>();
        try (var c = databaseAdministrator(); var s = c.prepareStatement("SELECT value_hash FROM bid_evidence WHERE tender_id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
        }
        assertThat(stored).isNotEmpty().allSatisfy(h -> assertThat(h).matches("[0-9a-f]{64}"));
        assertThat(stored).doesNotContainAnyElementsOf(List.of(Sm3.hex("00:16:3e:aa:bb:01"), (String) shared.get("machineIdSm3"),
                ((List<?>) shared.get("macSm3")).get(0).toString(), Sm3.hex("云1532024012345"), Sm3.hex(basicAccountOf("bidder2"))));
    }

    @Test
    void reg40_2_4_5_oneUploadAddressASharedTypoRegularPricesAndARivalsNameInABid_areFlaggedAsSuch() throws Exception {
        JsonNode tender = publishTender(api(), Duration.ofDays(21), "500000");
        String id = tender.path("id").asString();
        Instant deadline = Instant.parse(tender.path("bidDeadline").asString());
        clock.advance(Duration.ofDays(1));
        String typo = "本工程拟投如的主要施工机械设备详见附表三，进场时间满足总进度计划要求。\n"; // 投如 for 投入, in two bids
        // bidder1 and bidder3 upload from one address (Art. 40 (二): one agent handles both bids), bidder2 from another
        bid(id, new Bid("bidder1", "30000000.00", machine("m-11", "k1", null), "吴工（一级建造师）", null, typo, "198.51.100.23"));
        bid(id, new Bid("bidder2", "30300000.00", machine("m-12", "k2", null), "郑工（一级建造师）", null, typo, "203.0.113.9"));
        bid(id, new Bid("bidder3", "30600000.00", machine("m-13", "k3", null), "王工（一级建造师）", null,
                "授权委托书：兹授权本公司员工代表" + nameOf("bidder1") + "参加本项目投标。\n", "198.51.100.23"));
        // The addresses are kept as keyed hashes only.
        assertThat(jdbc.sql("SELECT received_ip FROM bid_envelope WHERE tender_id = :t").param("t", UUID.fromString(id))
                .query(String.class).list()).hasSize(3).allSatisfy(ip -> assertThat(ip).matches("k:[0-9a-f]{40}"));
        open(id, deadline);

        JsonNode flags = api().post("/api/v1/supervision/evidence/" + id, "", api().token("supervisor")).json().path("flags");
        List<String> found = new ArrayList<>();
        flags.forEach(f -> found.add(f.path("item").asString() + names(f).stream().sorted().toList()));
        assertThat(found).containsExactlyInAnyOrder(
                "ABNORMALLY_SIMILAR" + java.util.stream.Stream.of(nameOf("bidder1"), nameOf("bidder2")).sorted().toList(),
                "ABNORMALLY_SIMILAR" + java.util.stream.Stream.of(nameOf("bidder1"), nameOf("bidder2"), nameOf("bidder3")).sorted().toList(),
                "MIXED_UP" + java.util.stream.Stream.of(nameOf("bidder1"), nameOf("bidder3")).sorted().toList(),
                "SAME_AGENT" + java.util.stream.Stream.of(nameOf("bidder1"), nameOf("bidder3")).sorted().toList());
        assertThat(flags.toString()).doesNotContain("198.51.100.23").doesNotContain("203.0.113.9");
        flags.forEach(f -> {
            if (f.path("item").asString().equals("ABNORMALLY_SIMILAR") && f.path("bidders").size() == 3) {
                assertThat(f.toString()).contains("等差数列").contains("300000.00");
            }
            if (f.path("item").asString().equals("ABNORMALLY_SIMILAR") && f.path("bidders").size() == 2) {
                assertThat(f.toString()).contains("相同的特异文字行").contains("投标文件/投标函.txt:3").doesNotContain("投如");
            }
        });
    }

    @Test
    void anHonestLot_ownMachinesOwnAccountsOwnManagers_browserUploadsWithoutFingerprint_raisesNothing() throws Exception {
        JsonNode tender = publishTender(api(), Duration.ofDays(21), "500000");
        String id = tender.path("id").asString();
        Instant deadline = Instant.parse(tender.path("bidDeadline").asString());
        clock.advance(Duration.ofDays(1));
        bid(id, new Bid("bidder1", "36280000.00", machine("00:16:3e:00:00:11", "h1", "ZBT-1"), "吴工（一级建造师）", null));
        bid(id, new Bid("bidder2", "35990000.00", machine("00:16:3e:00:00:12", "h2", "ZBT-2"), "郑工（一级建造师）", null));
        browserBid(id, "bidder3", "37150000.00", "王工（一级建造师）");
        browserBid(id, "bidder4", "36800000.00", "冯工（一级建造师）");
        open(id, deadline);

        ApiClient.Response checked = api().post("/api/v1/supervision/evidence/" + id, "", api().token("supervisor"));
        assertThat(checked.status()).as(checked.body()).isEqualTo(200);
        assertThat(checked.json().path("flags").size()).as(checked.body()).isZero();
        // The browser's bids are recorded as carrying no fingerprint, and compare with nothing.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM bid_evidence WHERE tender_id = :t AND kind = 'NO_FINGERPRINT'")
                .param("t", UUID.fromString(id)).query(Long.class).single()).isEqualTo(2);
        // Out of the supervisor's region: not found, as if there were no such lot.
        assertThat(api().get("/api/v1/supervision/evidence/" + id, api().token("qs-centre")).code())
                .isEqualTo("EVIDENCE_LOT_NOT_FOUND");
    }

    @Test
    void theDemosSwimmingPoolTender_twoBidsMadeOnOneMachine_isFlaggedForTheCommitteeAndTheSupervisor() throws Exception {
        String lot = jdbc.sql("SELECT id FROM tender WHERE project_code = 'YZ-2026-GC-0090'").query(String.class).single();
        ApiClient.Response shown = api().get("/api/v1/supervision/evidence/" + lot, api().token("supervisor"));
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(shown.json().path("flags")).singleElement().satisfies(f -> {
            assertThat(f.path("item").asString()).isEqualTo("SAME_PREPARER");
            assertThat(names(f)).containsExactlyInAnyOrder(nameOf("bidder2"), nameOf("bidder3"));
            // MAC, machine id, disk and 机器码 all shared: more than one kind, so still a strong sign
            assertThat(f.path("severity").asString()).isEqualTo("HIGH");
        });
        assertThat(lotWarnings(lot)).singleElement()
                .satisfies(w -> assertThat(w.path("legalBasis").asString()).isEqualTo("招标投标法实施条例第四十条第（一）项"));
        // The evaluation page of the lot shows the flag (to the committee, and to the region's staff as here).
        org.sunbid.platform.WebSession web = new org.sunbid.platform.WebSession(baseUrl());
        assertThat(web.login("centre").statusCode()).isEqualTo(302);
        String page = web.get("/workbench/evaluations/" + lot).body();
        assertThat(page).contains("id=\"art40\"").contains("data-item=\"SAME_PREPARER\"")
                .contains("招标投标法实施条例第四十条第（一）项");
        // A bidder of the lot sees nothing of it.
        assertThat(api().get("/api/v1/supervision/evidence/" + lot, api().freshToken("bidder1")).status()).isEqualTo(403);
    }

    private String nameOf(String username) {
        return jdbc.sql("SELECT o.name FROM organisation o JOIN account a ON a.organisation_id = o.id WHERE a.username = :u")
                .param("u", username).query(String.class).single();
    }

    private static List<String> names(JsonNode flag) {
        List<String> out = new ArrayList<>();
        flag.path("bidders").forEach(b -> out.add(b.asString()));
        return out;
    }

    private static List<String> labels(JsonNode flag) {
        List<String> out = new ArrayList<>();
        flag.path("evidence").forEach(e -> out.add(e.path("label").asString()));
        return out;
    }

    /** The supervisor's art40 warnings about lot {@code id}. */
    private List<JsonNode> lotWarnings(String id) {
        List<JsonNode> out = new ArrayList<>();
        api().get("/api/v1/supervision/warnings?source=art40", api().token("supervisor")).json().forEach(w -> {
            if (id.equals(w.path("lotId").asString())) {
                out.add(w);
            }
        });
        return out;
    }

    private static List<String> warningIds(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.path("flags").forEach(f -> out.add(f.path("warningId").isNull() ? null : f.path("warningId").asString()));
        return out;
    }
}
