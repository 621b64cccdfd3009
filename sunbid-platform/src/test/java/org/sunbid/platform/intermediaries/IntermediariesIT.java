package org.sunbid.platform.intermediaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.credit.CreditClass;
import org.sunbid.platform.credit.CreditParties;
import org.sunbid.platform.credit.CreditRecords;
import org.sunbid.platform.credit.CreditSubject;
import org.sunbid.platform.credit.Gate;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.verifier.Verifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The intermediary market (中介超市) through the running platform: eligibility with credit (a barred intermediary is left
 * out with its record named to staff), the random draw verified by {@code sunbid-verifier verify-draw} (and a tampered
 * record failing), lowest quotes hidden until the deadline, direct selection only within the dated threshold, the staff's
 * review of a registration and the owner's rating on the intermediary's profile. Attacks fail and change nothing.
 */
class IntermediariesIT extends PlatformIT {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CreditRecords credits;

    private ApiClient api;
    private LocalDate today;

    @BeforeEach
    void setUp() {
        api = new ApiClient(baseUrl());
        today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
    }

    @AfterEach
    void backToStart() {
        clock.set(START);
        // the credit record made on a demo intermediary would bar it in the later tests (of this class and others) that
        // have it quote: voided once checked (withdrawn from its start)
        CreditParties.voidRecords(jdbc, "it-intermediaries", "%");
    }

    private String orgOf(String username) {
        return api.get("/api/v1/me", api.token(username)).json().path("organisationId").asString();
    }

    private Map<String, Object> request(String kind, String region, String budget, String method) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceKind", kind);
        body.put("regionCode", region);
        body.put("title", "IT " + kind + " " + method + " " + System.nanoTime());
        body.put("budget", budget);
        body.put("serviceStart", today.plusDays(5).toString());
        body.put("serviceEnd", today.plusDays(90).toString());
        body.put("method", method);
        return body;
    }

    /** Everything the platform keeps about a request: its row, its draw, its quotes and its rating. */
    private String snapshot(String requestId) {
        return jdbc.sql("""
                SELECT (SELECT row_to_json(r)::text FROM intermediary_request r WHERE r.id = CAST(:id AS UUID)) || '|'
                    || coalesce((SELECT row_to_json(d)::text FROM intermediary_draw d WHERE d.request_id = CAST(:id AS UUID)), '') || '|'
                    || coalesce((SELECT string_agg(row_to_json(q)::text, ',' ORDER BY q.organisation_id) FROM intermediary_quote q
                                 WHERE q.request_id = CAST(:id AS UUID)), '') || '|'
                    || coalesce((SELECT row_to_json(x)::text FROM intermediary_rating x WHERE x.request_id = CAST(:id AS UUID)), '')""")
                .param("id", requestId).query(String.class).single();
    }

    /**
     * Random draw (随机抽取): the credit-barred cost consultant is left out with its record named to staff (not to the
     * owner); a wrong secret changes nothing; the revealed draw selects one of the eligible, and its published record
     * verifies with verify-draw while any tampered copy fails. The demo's own draw verifies too.
     */
    @Test
    void randomDraw_isVerifiableAndLeavesTheCreditBarredOut() throws Exception {
        String tenderee = api.token("tenderee");
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Map<String, Object> body = request("COST_CONSULTING", "990121", "300000.00", "RANDOM_DRAW");
        // Attack: the owner brings its own committed secret (it could then compute the outcome before revealing): refused
        Map<String, Object> ownSecret = new LinkedHashMap<>(body);
        ownSecret.put("witnesses", List.of("tenderee", "centre"));
        ownSecret.put("secretHash", Sm3.hex(secret));
        long before = count("SELECT count(*) FROM intermediary_request");
        assertThat(api.post("/api/v1/intermediary-requests", ApiClient.json(ownSecret), tenderee).code())
                .isEqualTo("INTERMEDIARY_FIELD_INVALID");
        assertThat(count("SELECT count(*) FROM intermediary_request")).isEqualTo(before);

        ApiClient.Response made = api.post("/api/v1/intermediary-requests", ApiClient.json(body), tenderee);
        assertThat(made.status()).as(made.body()).isEqualTo(200);
        // Attack: a second open draw of the same kind (to pursue only the one that draws the favourite): refused
        long logSize = count("SELECT count(*) FROM log_entry WHERE details::json->>'action' LIKE 'intermediaries.%'");
        assertThat(api.post("/api/v1/intermediary-requests", ApiClient.json(request("COST_CONSULTING", "990121", "300000.00",
                "RANDOM_DRAW")), tenderee).code()).isEqualTo("DRAW_ALREADY_OPEN");
        assertThat(count("SELECT count(*) FROM intermediary_request")).isEqualTo(before + 1);
        assertThat(count("SELECT count(*) FROM log_entry WHERE details::json->>'action' LIKE 'intermediaries.%'")).isEqualTo(logSize);
        JsonNode req = made.json();
        String id = req.path("id").asString();
        assertThat(req.path("status").asString()).isEqualTo("AWAITING_SECRET");
        String barred = orgOf("inter8");
        List<String> eligible = new ArrayList<>();
        req.path("eligible").forEach(e -> eligible.add(e.path("id").asString()));
        assertThat(eligible).contains(orgOf("inter1"), orgOf("inter2"), orgOf("inter4")).doesNotContain(barred, orgOf("inter3"));
        assertThat(req.path("excluded")).as("the owner does not see why others were left out").isEmpty();
        JsonNode staffView = api.get("/api/v1/intermediary-requests/" + id, api.token("centre")).json();
        JsonNode exclusion = null;
        for (JsonNode e : staffView.path("excluded")) {
            if (e.path("organisationId").asString().equals(barred)) {
                exclusion = e;
            }
        }
        assertThat(exclusion).as(staffView.toString()).isNotNull();
        assertThat(exclusion.path("reason").asString()).startsWith("信用受限").contains("云建罚〔2026〕34号");
        // the exclusion is logged, sealed, with the credit record's id
        assertThat(jdbc.sql("""
                SELECT count(*) FROM log_entry WHERE details::json->>'action' = 'intermediaries.request.excluded'
                    AND details::json->>'subject' = :id AND sealed_until IS NOT NULL AND payload LIKE :barred AND payload LIKE '%"creditRecords"%'""")
                .param("id", id).param("barred", "%" + barred + "%").query(Long.class).single()).isEqualTo(1);

        // The centre's staff commits the secret, not the owner; at least two witnesses, one of the centre.
        String centre = api.token("centre");
        String commitPath = "/api/v1/intermediary-requests/" + id + "/draw/commit";
        String snap = snapshot(id);
        assertThat(api.post(commitPath, ApiClient.json(Map.of("secretHash", Sm3.hex(secret), "witnesses",
                List.of("tenderee", "centre"))), tenderee).status()).as("the owner cannot commit").isEqualTo(403);
        assertThat(api.post(commitPath, ApiClient.json(Map.of("secretHash", Sm3.hex(secret), "witnesses", List.of("centre"))), centre)
                .code()).isEqualTo("DRAW_WITNESS_INVALID");
        assertThat(api.post(commitPath, ApiClient.json(Map.of("secretHash", Sm3.hex(secret), "witnesses", List.of("tenderee"))), centre)
                .code()).as("no witness of the centre").isEqualTo("DRAW_WITNESS_INVALID");
        assertThat(snapshot(id)).isEqualTo(snap);
        ApiClient.Response committed = api.post(commitPath, ApiClient.json(Map.of("secretHash", Sm3.hex(secret), "witnesses",
                List.of("tenderee", "centre"))), centre);
        assertThat(committed.status()).as(committed.body()).isEqualTo(200);

        // Attack: another owner reveals; the owner reveals; a wrong secret. Nothing changes.
        snap = snapshot(id);
        byte[] wrong = secret.clone();
        wrong[0] ^= 1;
        assertThat(api.post("/api/v1/intermediary-requests/" + id + "/draw/reveal",
                ApiClient.json(Map.of("secret", HexFormat.of().formatHex(secret))), api.token("tenderee2")).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/intermediary-requests/" + id + "/draw/reveal",
                ApiClient.json(Map.of("secret", HexFormat.of().formatHex(secret))), tenderee).status())
                .as("the owner cannot reveal").isEqualTo(403);
        assertThat(api.post("/api/v1/intermediary-requests/" + id + "/draw/reveal",
                ApiClient.json(Map.of("secret", HexFormat.of().formatHex(wrong))), centre).code()).isEqualTo("DRAW_SECRET_MISMATCH");
        assertThat(snapshot(id)).isEqualTo(snap);

        JsonNode drawn = api.post("/api/v1/intermediary-requests/" + id + "/draw/reveal",
                ApiClient.json(Map.of("secret", HexFormat.of().formatHex(secret))), centre).json();
        assertThat(drawn.path("status").asString()).as(drawn.toString()).isEqualTo("SELECTED");
        assertThat(eligible).contains(drawn.path("selectedId").asString());
        String drawId = drawn.path("drawId").asString();

        JsonNode record = api.get("/api/v1/intermediary-draws/" + drawId + "/record", null).json();
        assertThat(record.path("committee").get(0).path("expertId").asString()).isEqualTo(drawn.path("selectedId").asString());
        var verdict = Verifier.run("verify-draw", baseUrl(), drawId);
        assertThat(verdict.ok()).as(verdict.line()).isTrue();
        assertThat(verdict.line()).contains("revealed in entry");
        assertThat(verifyFile(record, r -> { })).isTrue();
        assertThat(verifyFile(record, r -> ((ObjectNode) r).put("secret", "00" + r.path("secret").asString().substring(2)))).isFalse();
        assertThat(verifyFile(record, r -> {
            ArrayNode pool = (ArrayNode) r.path("specialties").get(0).path("pool");
            pool.remove(pool.size() - 1);
        })).isFalse();
        String other = eligible.stream().filter(e -> !e.equals(drawn.path("selectedId").asString())).findFirst().orElseThrow();
        assertThat(verifyFile(record, r -> {
            ((ObjectNode) r.path("committee").get(0)).put("expertId", other);
            ((ObjectNode) r.path("contacts").get(0)).put("expertId", other);
        })).as("another intermediary than the drawn one").isFalse();
        // the published results list it; a second reveal is refused
        assertThat(api.get("/api/v1/intermediaries/results", null).body()).contains(id);
        assertThat(api.post("/api/v1/intermediary-requests/" + id + "/draw/reveal",
                ApiClient.json(Map.of("secret", HexFormat.of().formatHex(secret))), centre).code()).isEqualTo("REQUEST_STATE");

        // A draw not revealed by its deadline fails publicly (the centre can no longer commit or reveal it)
        String late = api.post("/api/v1/intermediary-requests", ApiClient.json(request("COST_CONSULTING", "990121", "300000.00",
                "RANDOM_DRAW")), tenderee).json().path("id").asString();
        clock.set(clock.instant().plus(Duration.ofDays(3)).plusSeconds(1));
        JsonNode failed = api.post("/api/v1/intermediary-requests/" + late + "/draw/commit", ApiClient.json(Map.of("secretHash",
                Sm3.hex(secret), "witnesses", List.of("tenderee", "centre"))), api.freshToken("centre")).json();
        assertThat(failed.path("status").asString()).as(failed.toString()).isEqualTo("FAILED");
        assertThat(failed.path("drawId").isNull() || failed.path("drawId").isMissingNode()).isTrue();
        assertThat(count("SELECT count(*) FROM log_entry WHERE details::json->>'action' = 'intermediaries.draw.expired' "
                + "AND details::json->>'subject' = '" + late + "' AND sealed_until IS NULL")).isEqualTo(1);

        // the demo's finished draw verifies as well
        String demoDraw = null;
        for (JsonNode r : api.get("/api/v1/intermediaries/results", null).json()) {
            if (r.path("title").asString().startsWith("青山县城区排水管网") && r.path("drawId").isString()) {
                demoDraw = r.path("drawId").asString();
            }
        }
        assertThat(demoDraw).isNotNull();
        var demo = Verifier.run("verify-draw", baseUrl(), demoDraw);
        assertThat(demo.ok()).as(demo.line()).isTrue();
    }

    private boolean verifyFile(JsonNode record, Consumer<JsonNode> alter) throws Exception {
        JsonNode copy = record.deepCopy();
        alter.accept(copy);
        Path file = Files.createTempFile("intermediary-draw", ".json");
        Files.writeString(file, copy.toString());
        return Verifier.run("verify-draw", "--file", file.toString()).ok();
    }

    /**
     * Lowest quote (比价选取): only the eligible quote, within the budget and before the deadline; nobody sees the quotes
     * before it (the owner sees how many); then the lowest wins.
     */
    @Test
    void lowestQuote_hiddenUntilTheDeadline_thenTheLowestWins() {
        String tenderee = api.token("tenderee");
        Map<String, Object> body = request("CONSTRUCTION_SUPERVISION", "990100", "700000.00", "LOWEST_QUOTE");
        body.put("quoteDeadline", clock.instant().plus(Duration.ofDays(2)).toString());
        JsonNode req = api.post("/api/v1/intermediary-requests", ApiClient.json(body), tenderee).json();
        String id = req.path("id").asString();
        assertThat(req.path("status").asString()).as(req.toString()).isEqualTo("QUOTING");

        assertThat(api.post("/api/v1/intermediary-requests/" + id + "/quotes", "{\"amount\":\"620000.00\"}", api.token("inter3")).status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/intermediary-requests/" + id + "/quotes", "{\"amount\":\"610000.00\"}", api.token("inter4")).status())
                .isEqualTo(200);
        String snap = snapshot(id);
        // Attacks: an intermediary not eligible (cost consultant only), over budget, the owner opening early.
        assertThat(api.post("/api/v1/intermediary-requests/" + id + "/quotes", "{\"amount\":\"1.00\"}", api.token("inter1")).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/intermediary-requests/" + id + "/quotes", "{\"amount\":\"700000.01\"}", api.token("inter3")).code())
                .isEqualTo("QUOTE_OVER_BUDGET");
        assertThat(api.post("/api/v1/intermediary-requests/" + id + "/quotes/opening", "{}", tenderee).code()).isEqualTo("QUOTES_HIDDEN");
        assertThat(snapshot(id)).isEqualTo(snap);
        // before the deadline the owner learns neither the quotes nor how many came; an intermediary not its rivals' names
        JsonNode ownerView = api.get("/api/v1/intermediary-requests/" + id, tenderee).json();
        assertThat(ownerView.path("quotes")).isEmpty();
        assertThat(ownerView.path("quoteCount").asInt()).as("the owner sees only that the deadline is pending").isZero();
        assertThat(api.get("/api/v1/intermediary-requests/" + id, api.token("centre")).json().path("quoteCount").asInt()).isEqualTo(2);
        JsonNode mine = api.get("/api/v1/intermediary-requests/" + id, api.token("inter3")).json();
        assertThat(mine.path("quotes")).hasSize(1);
        assertThat(mine.path("quotes").get(0).path("organisationId").asString()).isEqualTo(orgOf("inter3"));
        assertThat(mine.path("eligibleCount").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(mine.path("eligible")).as("no rival's name before the deadline").hasSize(1);
        assertThat(mine.toString()).doesNotContain(jdbc.sql("SELECT name FROM organisation WHERE id = CAST(:id AS UUID)")
                .param("id", orgOf("inter4")).query(String.class).single());

        // A credit restriction of the lowest bidder begins after the request (and its quote): it may not quote again
        // (the refusal names the record to it), and at the opening its quote is left out, logged sealed with the record.
        String inter3 = orgOf("inter3");
        String inter4 = orgOf("inter4");
        String[] firm = jdbc.sql("SELECT credit_code, name FROM organisation WHERE id = CAST(:id AS UUID)").param("id", inter4)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        java.time.Instant from = clock.instant().plus(Duration.ofHours(1));
        String creditRecord = credits.record(new CreditRecords.NewRecord(CreditSubject.organisation(firm[0]), firm[1],
                CreditClass.SERIOUS, "IT 出具虚假监理报告", "IT 依据", "IT 住建局", "IT监罚〔2026〕7号", "it-intermediaries",
                "it-inter4-" + System.nanoTime(), "990100", java.util.Set.of(Gate.AGENCY_SELECTION), from, from.plus(Duration.ofDays(3)),
                from, from.plus(Duration.ofDays(3))), Actor.SYSTEM).toString();
        clock.set(from.plusSeconds(60));
        ApiClient.Response requote = api.post("/api/v1/intermediary-requests/" + id + "/quotes", "{\"amount\":\"600000.00\"}",
                api.freshToken("inter4"));
        assertThat(requote.code()).as(requote.body()).isEqualTo("CREDIT_RESTRICTED");
        assertThat(requote.body()).contains("IT监罚〔2026〕7号");
        assertThat(snapshot(id)).isEqualTo(snap);

        clock.set(java.time.Instant.parse((String) body.get("quoteDeadline")).plusSeconds(1));
        tenderee = api.freshToken("tenderee"); // the tokens of two days ago have expired
        assertThat(api.post("/api/v1/intermediary-requests/" + id + "/quotes", "{\"amount\":\"500000.00\"}", api.freshToken("inter3")).code())
                .isEqualTo("QUOTE_DEADLINE_PASSED");
        assertThat(snapshot(id)).isEqualTo(snap);
        JsonNode opened = api.post("/api/v1/intermediary-requests/" + id + "/quotes/opening", "{}", tenderee).json();
        assertThat(opened.path("status").asString()).as(opened.toString()).isEqualTo("SELECTED");
        assertThat(opened.path("selectedId").asString()).as("the restricted lowest bidder does not win").isEqualTo(inter3);
        assertThat(opened.path("selectedAmount").decimalValue()).isEqualByComparingTo("620000.00");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM log_entry WHERE details::json->>'action' = 'intermediaries.quote.skipped'
                    AND details::json->>'subject' = :id AND sealed_until IS NOT NULL AND payload LIKE :rec""")
                .param("id", id).param("rec", "%" + creditRecord + "%").query(Long.class).single()).isEqualTo(1);
    }

    private String quoting(String tenderee) {
        Map<String, Object> body = request("CONSTRUCTION_SUPERVISION", "990100", "700000.00", "LOWEST_QUOTE");
        body.put("quoteDeadline", clock.instant().plus(Duration.ofDays(2)).toString());
        JsonNode req = api.post("/api/v1/intermediary-requests", ApiClient.json(body), tenderee).json();
        assertThat(req.path("status").asString()).as(req.toString()).isEqualTo("QUOTING");
        return req.path("id").asString();
    }

    private JsonNode quote(String id, String amount, String username) {
        ApiClient.Response r = api.post("/api/v1/intermediary-requests/" + id + "/quotes", "{\"amount\":\"" + amount + "\"}",
                api.token(username));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** What a database administrator (or a dump, a backup) holds about a request: every column, the log's too. */
    private String databaseDump(String requestId, long logFrom) {
        return snapshot(requestId) + "|" + jdbc.sql("""
                SELECT coalesce(string_agg(row_to_json(e)::text, ',' ORDER BY e.seq), '') FROM log_entry e WHERE e.seq >= :from""")
                .param("from", logFrom).query(String.class).single();
    }

    /**
     * Quotes sealed at rest (比价选取, the quotes hidden until the deadline): before it, a database administrator who reads
     * every column of the quotes, the request and the log finds no amount (only ciphertexts and their SM3 commitments),
     * the quoting firm sees its quote as submitted and sealed, and an early opening is refused. After it, the opening
     * publishes every amount with its ciphertext and the request's quote key, and each quote is checked from the public
     * log alone: its ciphertext hashes to the commitment logged when it was given and decrypts to the amount opened.
     */
    @Test
    void lowestQuote_sealedAtRest_noAmountInTheDatabaseBeforeTheDeadline_openingCheckableFromTheLogAlone() throws Exception {
        String tenderee = api.token("tenderee");
        long logFrom = count("SELECT count(*) FROM log_entry");
        String id = quoting(tenderee);
        String deadline = api.get("/api/v1/intermediary-requests/" + id, tenderee).json().path("quoteDeadline").asString();
        String[] amounts = {"634521.00", "623417.00", "611893.00"};
        String inter3 = orgOf("inter3");
        String inter4 = orgOf("inter4");
        quote(id, amounts[0], "inter3");
        JsonNode requote = quote(id, amounts[1], "inter3"); // a firm may re-quote: the last one counts
        JsonNode lower = quote(id, amounts[2], "inter4");

        // Attack: the database administrator reads everything before the deadline: no amount, in any form
        String dump = databaseDump(id, logFrom);
        for (String a : amounts) {
            String digits = a.substring(0, 6); // as a number anywhere (not inside a hex string), or with a thousands separator
            assertThat(dump).as("quote %s in the database before the deadline", a).doesNotContain(a)
                    .doesNotContainPattern("(?<![0-9a-fA-F])" + digits + "(?![0-9a-fA-F])")
                    .doesNotContain(digits.substring(0, 3) + "," + digits.substring(3));
        }
        assertThat(requote.path("amount").isNull()).as(requote.toString()).isTrue();
        assertThat(requote.path("state").asString()).isEqualTo("SEALED");
        assertThat(requote.path("commitment").asString()).matches("[0-9a-f]{64}");
        assertThat(dump).contains(requote.path("commitment").asString(), lower.path("commitment").asString());
        assertThat(count("SELECT count(*) FROM intermediary_quote WHERE request_id = CAST('" + id + "' AS UUID) AND amount IS NULL"))
                .isEqualTo(2);
        // what the quoting firm is shown: its quote submitted and sealed, not an amount read back
        String mine = page(session("inter3"), "/workbench/intermediaries/requests/" + id);
        assertThat(mine).contains("本单位报价已提交并密封", requote.path("commitment").asString().substring(0, 16))
                .doesNotContain("623,417").doesNotContain("623417");
        // Attack: the owner opens early: refused, nothing changes
        String snap = snapshot(id);
        assertThat(api.post("/api/v1/intermediary-requests/" + id + "/quotes/opening", "{}", tenderee).code()).isEqualTo("QUOTES_HIDDEN");
        assertThat(snapshot(id)).isEqualTo(snap);

        clock.set(java.time.Instant.parse(deadline).plusSeconds(1));
        tenderee = api.freshToken("tenderee");
        // past the deadline, not yet opened: the owner sees the quotes sealed, still no amount
        assertThat(page(session("tenderee"), "/workbench/intermediaries/requests/" + id)).contains("已密封，待开启")
                .doesNotContain("611,893");
        JsonNode opened = api.post("/api/v1/intermediary-requests/" + id + "/quotes/opening", "{}", tenderee).json();
        assertThat(opened.path("status").asString()).as(opened.toString()).isEqualTo("SELECTED");
        assertThat(opened.path("selectedId").asString()).isEqualTo(inter4);
        assertThat(opened.path("selectedAmount").decimalValue()).isEqualByComparingTo(amounts[2]);

        // Anyone, from the public log alone (no login): the opening's key re-opens each committed quote
        long size = api.get("/api/v1/log/head", null).json().path("size").asLong();
        List<JsonNode> entries = new ArrayList<>();
        for (long from = logFrom; from < size; from += 1000) {
            api.get("/api/v1/log/entries?start=" + from + "&end=" + Math.min(size, from + 1000), null).json().forEach(entries::add);
        }
        Map<Long, JsonNode> bySeq = new java.util.HashMap<>();
        entries.forEach(e -> bySeq.put(e.path("seq").asLong(), e));
        JsonNode opening = null;
        Map<String, Long> lastSubmission = new java.util.HashMap<>();
        for (JsonNode e : entries) {
            if (e.path("details").isNull() || e.path("details").isMissingNode()) {
                continue; // another subject's entry, still sealed
            }
            JsonNode details = JSON.readTree(e.path("details").asString());
            if (!id.equals(details.path("subject").asString())) {
                continue;
            }
            assertThat(Sm3.hex(e.path("details").asString())).isEqualTo(e.path("commitment").asString());
            JsonNode payload = JSON.readTree(e.path("payload").asString());
            assertThat(Sm3.hex(e.path("payload").asString())).isEqualTo(details.path("payloadHash").asString());
            switch (details.path("action").asString()) {
                case "intermediaries.quote.submitted" -> {
                    assertThat(payload.has("amount")).as("a submission logs no amount").isFalse();
                    lastSubmission.put(payload.path("organisationId").asString(), e.path("seq").asLong());
                }
                case "intermediaries.quote.opened" -> opening = payload;
                default -> { }
            }
        }
        assertThat(opening).isNotNull();
        byte[] key = HexFormat.of().parseHex(opening.path("quoteKey").asString());
        Map<String, String> reopened = new LinkedHashMap<>();
        for (JsonNode q : opening.path("quotes")) {
            String firm = q.path("organisationId").asString();
            long seq = q.path("submittedSeq").asLong();
            assertThat(seq).as("the opening counts the firm's last submission").isEqualTo(lastSubmission.get(firm));
            JsonNode submitted = JSON.readTree(bySeq.get(seq).path("payload").asString());
            byte[] sealed = HexFormat.of().parseHex(q.path("sealed").asString());
            assertThat(submitted.path("organisationId").asString()).isEqualTo(firm);
            assertThat(Sm3.hex(sealed)).as("the ciphertext is the one committed").isEqualTo(submitted.path("commitment").asString());
            byte[] nonce = java.util.Arrays.copyOfRange(sealed, 0, org.sunbid.crypto.Sm4Gcm.NONCE_LENGTH);
            try (var in = org.sunbid.crypto.Sm4Gcm.decrypting(new java.io.ByteArrayInputStream(sealed, 12, sealed.length - 12), key,
                    nonce, ("sunbid/intermediary-quote/v1|" + id + "|" + firm).getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                String amount = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).strip();
                assertThat(amount).as("decrypts to the amount opened").isEqualTo(q.path("amount").asString());
                reopened.put(firm, amount);
            }
        }
        assertThat(reopened).containsExactlyInAnyOrderEntriesOf(Map.of(inter3, amounts[1], inter4, amounts[2]));
        assertThat(opening.path("refused")).isEmpty();
    }

    /**
     * A database administrator who swaps two firms' sealed quotes, or edits one, or alters the request's quote key, is
     * caught at the opening: a quote that does not open for its own firm and request, or is not the ciphertext the log
     * committed, is refused in public and never selected; an altered key stops the opening until it is restored.
     */
    @Test
    void lowestQuote_aDatabaseAdministratorSwappingOrEditingSealedQuotes_isCaughtAtTheOpening() {
        String tenderee = api.token("tenderee");
        String swapped = quoting(tenderee);
        String edited = quoting(tenderee);
        String deleted = quoting(tenderee);
        String replayed = quoting(tenderee);
        String deadline = api.get("/api/v1/intermediary-requests/" + swapped, tenderee).json().path("quoteDeadline").asString();
        for (String id : List.of(swapped, edited, deleted, replayed)) {
            quote(id, "623417.00", "inter3");
            quote(id, "611893.00", "inter4");
        }
        String inter3 = orgOf("inter3");
        String inter4 = orgOf("inter4");
        // Attack 4: the lower quote's row deleted (the higher firm would be the lowest left)
        jdbc.sql("DELETE FROM intermediary_quote WHERE request_id = CAST(:r AS UUID) AND organisation_id = CAST(:o AS UUID)")
                .param("r", deleted).param("o", inter4).update();
        // Attack 5: a firm's re-quote put back to its earlier quote, with that quote's own log entry (each consistent alone)
        java.util.Map<String, Object> earlier = jdbc.sql("""
                SELECT sealed, commitment, submitted_seq FROM intermediary_quote
                WHERE request_id = CAST(:r AS UUID) AND organisation_id = CAST(:o AS UUID)""")
                .param("r", replayed).param("o", inter3).query().singleRow();
        quote(replayed, "598000.00", "inter3");
        jdbc.sql("""
                UPDATE intermediary_quote SET sealed = :s, commitment = :c, submitted_seq = :q
                WHERE request_id = CAST(:r AS UUID) AND organisation_id = CAST(:o AS UUID)""")
                .param("s", earlier.get("sealed")).param("c", earlier.get("commitment")).param("q", earlier.get("submitted_seq"))
                .param("r", replayed).param("o", inter3).update();
        // Attack 1: the lower and the higher firm's ciphertexts (with their commitments and log references) swapped
        jdbc.sql("""
                UPDATE intermediary_quote q SET sealed = o.sealed, commitment = o.commitment, submitted_seq = o.submitted_seq
                FROM intermediary_quote o WHERE q.request_id = CAST(:r AS UUID) AND o.request_id = q.request_id
                    AND o.organisation_id <> q.organisation_id""").param("r", swapped).update();
        // Attack 2: one byte of the lower quote's ciphertext edited
        jdbc.sql("""
                UPDATE intermediary_quote SET sealed = overlay(sealed placing decode(lpad(to_hex(get_byte(sealed, 20) # 1), 2, '0'), 'hex')
                    from 21 for 1)
                WHERE request_id = CAST(:r AS UUID) AND organisation_id = CAST(:o AS UUID)""").param("r", edited).param("o", inter4).update();
        // Attack 3: the request's wrapped quote key altered (here: moved from another request)
        byte[] wrappedKey = jdbc.sql("SELECT quote_key FROM intermediary_request WHERE id = CAST(:r AS UUID)").param("r", edited)
                .query(byte[].class).single();
        jdbc.sql("UPDATE intermediary_request SET quote_key = (SELECT quote_key FROM intermediary_request WHERE id = CAST(:s AS UUID)) "
                + "WHERE id = CAST(:r AS UUID)").param("s", swapped).param("r", edited).update();

        clock.set(java.time.Instant.parse(deadline).plusSeconds(1));
        tenderee = api.freshToken("tenderee");
        String snap = snapshot(edited);
        assertThat(api.post("/api/v1/intermediary-requests/" + edited + "/quotes/opening", "{}", tenderee).code())
                .isEqualTo("QUOTE_KEY_INVALID");
        assertThat(snapshot(edited)).isEqualTo(snap);
        jdbc.sql("UPDATE intermediary_request SET quote_key = :k WHERE id = CAST(:r AS UUID)").param("k", wrappedKey).param("r", edited)
                .update();

        JsonNode both = api.post("/api/v1/intermediary-requests/" + swapped + "/quotes/opening", "{}", tenderee).json();
        assertThat(both.path("status").asString()).as("neither swapped quote is accepted: " + both).isEqualTo("FAILED");
        assertThat(refusedInTheLog(swapped)).containsExactlyInAnyOrder(inter3, inter4);
        assertThat(count("SELECT count(*) FROM intermediary_quote WHERE request_id = CAST('" + swapped
                + "' AS UUID) AND state = 'INVALID' AND amount IS NULL")).isEqualTo(2);

        // knocking the lowest quote out must not hand the request to the next: a tampered opening selects nobody
        JsonNode one = api.post("/api/v1/intermediary-requests/" + edited + "/quotes/opening", "{}", tenderee).json();
        assertThat(one.path("status").asString()).as("the edited lower quote is refused and nobody selected: " + one)
                .isEqualTo("FAILED");
        assertThat(one.path("selectedId").isMissingNode() || one.path("selectedId").isNull()).as(one.toString()).isTrue();
        assertThat(one.path("selectionBasis").asString()).contains("不予选取");
        assertThat(refusedInTheLog(edited)).containsExactly(inter4);

        JsonNode gone = api.post("/api/v1/intermediary-requests/" + deleted + "/quotes/opening", "{}", tenderee).json();
        assertThat(gone.path("status").asString()).as("a deleted quote is missed from the log's commitments: " + gone)
                .isEqualTo("FAILED");
        assertThat(refusedInTheLog(deleted)).containsExactly(inter4);

        JsonNode back = api.post("/api/v1/intermediary-requests/" + replayed + "/quotes/opening", "{}", tenderee).json();
        assertThat(back.path("status").asString()).as("an earlier quote put back is not the last one committed: " + back)
                .isEqualTo("FAILED");
        assertThat(refusedInTheLog(replayed)).containsExactly(inter3);
    }

    /** The intermediaries refused at a request's opening, from its public log entries. */
    private List<String> refusedInTheLog(String requestId) {
        return jdbc.sql("""
                SELECT payload::json->>'organisationId' FROM log_entry WHERE details::json->>'action' = 'intermediaries.quote.refused'
                    AND details::json->>'subject' = :id AND sealed_until IS NULL ORDER BY seq""")
                .param("id", requestId).query(String.class).list();
    }

    /**
     * The lists read their rows in a constant number of queries (every row at once, then what the views need at once):
     * each list shows every row exactly as that row's own page shows it to the same caller, and in the same order as
     * before (newest first; intermediaries by name), for the owner, the centre's staff, an intermediary and the public.
     */
    @Test
    void lists_showEachRowAsItsOwnViewDoes() {
        for (String user : List.of("tenderee", "centre", "inter3", "inter4", "admin")) {
            String token = api.token(user);
            JsonNode list = api.get("/api/v1/intermediary-requests", token).json();
            assertThat(list.isArray()).as(user + ": " + list).isTrue();
            String previous = null;
            for (JsonNode row : list) {
                JsonNode own = api.get("/api/v1/intermediary-requests/" + row.path("id").asString(), token).json();
                assertThat(row).as(user + " " + row.path("id").asString()).isEqualTo(own);
                String created = row.path("createdAt").asString();
                assertThat(previous == null || java.time.Instant.parse(previous).compareTo(java.time.Instant.parse(created)) >= 0)
                        .as("newest first").isTrue();
                previous = created;
            }
        }
        assertThat(api.get("/api/v1/intermediary-requests", api.token("tenderee")).json()).as("the demo's requests").hasSizeGreaterThanOrEqualTo(3);
        JsonNode published = api.get("/api/v1/intermediaries", null).json();
        assertThat(published).hasSizeGreaterThanOrEqualTo(5);
        List<String> names = new ArrayList<>();
        for (JsonNode p : published) {
            assertThat(p).isEqualTo(api.get("/api/v1/intermediaries/" + p.path("organisationId").asString(), null).json());
            names.add(p.path("name").asString());
        }
        assertThat(names).isSorted();
        String centre = api.token("centre");
        for (JsonNode p : api.get("/api/v1/intermediaries/registrations", centre).json()) {
            assertThat(p).isEqualTo(api.get("/api/v1/intermediaries/" + p.path("organisationId").asString(), centre).json());
        }
        for (JsonNode r : api.get("/api/v1/intermediaries/results", null).json()) {
            JsonNode own = api.get("/api/v1/intermediary-requests/" + r.path("requestId").asString(), api.token("admin")).json();
            assertThat(r.path("selectedId").asString()).isEqualTo(own.path("selectedId").asString());
            assertThat(r.path("drawId").asString()).isEqualTo(own.path("drawId").asString());
            assertThat(r.path("ownerName").asString()).isEqualTo(own.path("ownerName").asString());
        }
    }

    /**
     * Direct selection (直接选取) only within the threshold in force for the region (the demo's 100,000 for the city), and
     * only of an eligible intermediary: the credit-barred one is refused with its record named.
     */
    @Test
    void directSelection_onlyWithinTheThreshold_andOnlyOfTheEligible() {
        String tenderee = api.token("tenderee");
        Map<String, Object> over = request("COST_CONSULTING", "990121", "100000.01", "DIRECT");
        over.put("directId", orgOf("inter1"));
        over.put("directReason", "熟悉项目");
        long before = count("SELECT count(*) FROM intermediary_request");
        ApiClient.Response refused = api.post("/api/v1/intermediary-requests", ApiClient.json(over), tenderee);
        assertThat(refused.code()).as(refused.body()).isEqualTo("DIRECT_OVER_THRESHOLD");
        assertThat(refused.json().path("detail").asString()).contains("100000.00").contains("第十八条");
        Map<String, Object> barred = request("COST_CONSULTING", "990121", "50000.00", "DIRECT");
        barred.put("directId", orgOf("inter8"));
        barred.put("directReason", "熟悉项目");
        ApiClient.Response notEligible = api.post("/api/v1/intermediary-requests", ApiClient.json(barred), tenderee);
        assertThat(notEligible.code()).isEqualTo("DIRECT_NOT_ELIGIBLE");
        assertThat(notEligible.json().path("detail").asString()).contains("云建罚〔2026〕34号");
        assertThat(count("SELECT count(*) FROM intermediary_request")).isEqualTo(before);

        Map<String, Object> within = request("COST_CONSULTING", "990121", "100000.00", "DIRECT");
        within.put("directId", orgOf("inter1"));
        within.put("directReason", "熟悉项目");
        JsonNode selected = api.post("/api/v1/intermediary-requests", ApiClient.json(within), tenderee).json();
        assertThat(selected.path("status").asString()).as(selected.toString()).isEqualTo("SELECTED");
        assertThat(selected.path("selectionBasis").asString()).contains("第十八条").contains("熟悉项目");

        // After the service the owner rates it, once; it shows on the intermediary's public profile.
        String id = selected.path("id").asString();
        String snap = snapshot(id);
        assertThat(api.post("/api/v1/intermediary-requests/" + id + "/rating", "{\"score\":1}", api.token("tenderee2")).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/intermediary-requests/" + id + "/rating", "{\"score\":1}", api.token("inter1")).status())
                .isEqualTo(404);
        assertThat(snapshot(id)).isEqualTo(snap);
        assertThat(api.post("/api/v1/intermediary-requests/" + id + "/rating", "{\"score\":3,\"comment\":\"IT 评价\"}", tenderee)
                .json().path("status").asString()).isEqualTo("COMPLETED");
        assertThat(api.post("/api/v1/intermediary-requests/" + id + "/rating", "{\"score\":5}", tenderee).code())
                .isEqualTo("INTERMEDIARY_RATING_EXISTS");
        JsonNode profile = api.get("/api/v1/intermediaries/" + orgOf("inter1"), null).json();
        assertThat(profile.path("ratings").toString()).contains("IT 评价");
    }

    /**
     * Registration and review: the demo's pending cost consultant is not public until the centre approves it; a rejection
     * needs a reason; a bidder cannot register; the expired design qualification leaves nobody to draw from.
     */
    @Test
    void registrationsAreReviewedByStaff_andAnExpiredQualificationIsNotEligible() {
        String pending = orgOf("inter9");
        assertThat(api.get("/api/v1/intermediaries/" + pending, null).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/intermediaries", null).body()).doesNotContain(pending);
        assertThat(api.get("/api/v1/intermediaries/registrations", api.token("centre")).body()).contains(pending);
        assertThat(api.get("/api/v1/intermediaries/registrations", api.token("tenderee")).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/intermediaries/" + pending + "/review", "{\"approve\":true}", api.token("inter9")).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/intermediaries/" + pending + "/review", "{\"approve\":false}", api.token("centre")).code())
                .isEqualTo("INTERMEDIARY_FIELD_INVALID");
        assertThat(api.post("/api/v1/intermediaries/registration", ApiClient.json(Map.of("contact", "x", "phone", "1",
                "qualifications", List.of(Map.of("serviceKind", "DESIGN", "certificateNo", "c", "grade", "甲级",
                        "validFrom", "2026-01-01", "validUntil", "2028-01-01")), "areas", List.of("990100"))),
                api.token("bidder1")).code()).isEqualTo("NOT_AN_INTERMEDIARY");
        assertThat(api.post("/api/v1/intermediaries/" + pending + "/review", "{\"approve\":true,\"note\":\"核验无误\"}",
                api.token("centre")).json().path("status").asString()).isEqualTo("APPROVED");
        assertThat(api.get("/api/v1/intermediaries?kind=COST_CONSULTING&region=990121", null).body()).contains(pending);

        Map<String, Object> design = request("DESIGN", "990100", "300000.00", "RANDOM_DRAW");
        ApiClient.Response none = api.post("/api/v1/intermediary-requests", ApiClient.json(design), api.token("tenderee"));
        assertThat(none.code()).as(none.body()).isEqualTo("TOO_FEW_ELIGIBLE");
    }

    /**
     * The pages: the portal lists the approved intermediaries and the published results with the verify command; an
     * intermediary's profile shows its qualifications and ratings; the workbench shows staff the registrations and who
     * was left out of the demo's draw and why, and the owner its requests with the form for a new one.
     */
    @Test
    void pages_portalListsTheMarket_workbenchShowsOwnersAndStaffTheirWork() throws Exception {
        String demoRequest = jdbc.sql("SELECT id FROM intermediary_request WHERE title = '青山县城区排水管网改造工程全过程造价咨询'")
                .query(String.class).single();
        String portal = page(session(null), "/intermediaries");
        assertThat(portal).contains("云州正诚工程造价咨询有限公司", "青山县城区排水管网改造工程全过程造价咨询", "云州市滨河公园二期工程施工监理",
                "sunbid-verifier verify-draw");
        assertThat(page(session(null), "/intermediaries/" + orgOf("inter5"))).contains("资产评估", "报告按期提交");
        String staff = page(session("centre"), "/workbench/intermediaries");
        assertThat(staff).contains("id=\"registrations\"", "云州新锐造价咨询有限公司", "青山县城区排水管网改造工程全过程造价咨询");
        String staffRequest = page(session("centre"), "/workbench/intermediaries/requests/" + demoRequest);
        assertThat(staffRequest).contains("id=\"excluded\"", "云州诚达造价咨询有限公司", "信用受限", "云建罚〔2026〕34号");
        String ownerRequest = page(session("tenderee"), "/workbench/intermediaries/requests/" + demoRequest);
        assertThat(ownerRequest).contains("id=\"verify-command\"").doesNotContain("信用受限");
        assertThat(page(session("tenderee"), "/workbench/intermediaries")).contains("id=\"request-form\"");
    }

    /**
     * An intermediary registers through its workbench form: the registration awaits review again with the new
     * qualification and areas; a malformed qualification line is refused with the message and changes nothing.
     */
    @Test
    void anIntermediaryRegistersThroughTheWorkbenchForm() throws Exception {
        String org = orgOf("inter6");
        var session = session("inter6");
        String form = page(session, "/workbench/intermediaries");
        assertThat(form).contains("id=\"registration-form\"");
        String before = api.get("/api/v1/intermediaries/" + org, api.token("centre")).body();
        var bad = post(session, "/workbench/intermediaries/registration", form, Map.of("contact", "蔡勤", "phone", "0871-66300345",
                "qualifications", "SURVEYING, CH-1, 甲级", "areas", "990121"));
        assertThat(bad.statusCode()).isEqualTo(302);
        assertThat(page(session, "/workbench/intermediaries")).contains("id=\"form-error\"");
        assertThat(api.get("/api/v1/intermediaries/" + org, api.token("centre")).body()).isEqualTo(before);

        var ok = post(session, "/workbench/intermediaries/registration", page(session, "/workbench/intermediaries"), Map.of(
                "contact", "蔡勤", "phone", "0871-66300345", "qualifications", "SURVEYING, CH-2026-0345, 甲级, 2026-01-01, 2028-12-31",
                "areas", "990121, 990122"));
        assertThat(ok.statusCode()).isEqualTo(302);
        JsonNode profile = api.get("/api/v1/intermediaries/" + org, api.token("centre")).json();
        assertThat(profile.path("status").asString()).isEqualTo("PENDING");
        assertThat(profile.path("qualifications").get(0).path("certificateNo").asString()).isEqualTo("CH-2026-0345");
        assertThat(profile.path("areas")).hasSize(2);
        assertThat(api.get("/api/v1/intermediaries/" + org, null).status()).as("not public until approved again").isEqualTo(404);
    }

    private java.net.http.HttpResponse<String> post(java.net.http.HttpClient session, String path, String formPage,
            Map<String, String> fields) throws Exception {
        String csrf = formPage.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        StringBuilder body = new StringBuilder("_csrf=" + java.net.URLEncoder.encode(csrf, java.nio.charset.StandardCharsets.UTF_8));
        fields.forEach((k, v) -> body.append('&').append(k).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        return session.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private String page(java.net.http.HttpClient session, String path) throws Exception {
        var r = session.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + path))
                .header("Accept-Language", "zh-CN").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        assertThat(r.body()).as(path).doesNotContain("??");
        return r.body();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
