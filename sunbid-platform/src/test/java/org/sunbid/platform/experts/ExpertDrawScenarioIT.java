package org.sunbid.platform.experts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.crypto.Sm2;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.NewExperts;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.tendering.Tenders;
import org.sunbid.verifier.Verifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Acceptance 1, 2 and 5 of the expert draw: 7 experts across 2 specialties, two avoidance hits (an employee of the
 * tenderee and one of a registered bidder), one decline and one silence replaced from the same seed sequence; the
 * committee meets Law 37, the log holds every step, forged and reused reply codes change nothing, and
 * {@code sunbid-verifier verify-draw} recomputes the committee from the published record — and fails on any altered
 * input.
 */
class ExpertDrawScenarioIT extends PlatformIT {

    private static final Pattern CODE = Pattern.compile("回复“1 (\\d{6})”");
    private static final AtomicInteger SERIAL = new AtomicInteger(500);

    @Autowired JdbcClient jdbc;
    @Autowired Tenders tenders;
    @Autowired ExpertDraws draws;
    @Autowired SandboxNotifier gateway;
    @Autowired DrawVault vault;

    @Autowired org.springframework.context.ApplicationContext context;

    private NewExperts newExperts() {
        return new NewExperts(context, DATA);
    }
    private String venue;

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    private ApiClient api() {
        return new ApiClient(baseUrl());
    }

    @Test
    void sevenExpertsTwoSpecialtiesTwoAvoidedOneDeclineOneTimeoutVerifiable() throws Exception {
        ApiClient api = api();
        JsonNode tender = publishTender(api, Duration.ofDays(21), "100000");
        String tenderId = tender.path("id").asString();
        Instant deadline = Instant.parse(tender.path("bidDeadline").asString());
        Instant evaluationStart = deadline.plus(Duration.ofHours(3));

        UUID tendereeOrg = jdbc.sql("SELECT tenderee_id FROM tender WHERE id = :t").param("t", UUID.fromString(tenderId))
                .query(UUID.class).single();
        UUID bidder2Org = jdbc.sql("SELECT organisation_id FROM account WHERE username = 'bidder2'").query(UUID.class).single();
        Organisation institute = newExperts().organisation("云州工程技术研究院" + SERIAL.incrementAndGet());
        for (int i = 0; i < 6; i++) {
            newExperts().expert("A01", institute.id());
            newExperts().expert("A05", institute.id());
        }
        String ofTenderee = newExperts().expert("A01", tendereeOrg);
        String ofBidder = newExperts().expert("A01", bidder2Org);

        clock.advance(Duration.ofDays(1));
        for (String bidder : List.of("bidder1", "bidder2")) {
            assertThat(api.post("/api/v1/tenders/" + tenderId + "/registrations", "", api.freshToken(bidder)).status()).isEqualTo(200);
        }

        // The agency requests the committee: 4 + 3 experts and 2 tenderee representatives (9, odd, experts 7/9 ≥ 2/3).
        venue = "云州市公共资源交易中心第二评标室 " + UUID.randomUUID().toString().substring(0, 8);
        String request = ApiClient.json(Map.of("evaluationStart", evaluationStart.toString(), "evaluationVenue", venue,
                "representatives", 2, "specialties", List.of(Map.of("code", "A01", "count", 4), Map.of("code", "A05", "count", 3)),
                "poolRegions", List.of("990100"), "avoid", List.of()));
        ApiClient.Response requested = api.post("/api/v1/tenders/" + tenderId + "/expert-draws", request, api.freshToken("agency"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(200);
        String drawId = requested.json().path("id").asString();
        assertThat(requested.json().path("status").asString()).isEqualTo("REQUESTED");
        assertThat(api.post("/api/v1/tenders/" + tenderId + "/expert-draws", request, api.freshToken("agency")).code()).isEqualTo("DRAW_EXISTS");

        // The supervisor's own tool makes the secret (a file on the supervisor's machine) and prints its SM3; only a
        // supervisor commits, with the hash alone; the commitment is logged under the supervisor's account.
        org.sunbid.platform.SupervisorSecret secret = newExperts().supervisorSecret(drawId);
        assertThat(api.post("/api/v1/expert-draws/" + drawId + "/commitment", secret.commitmentJson(), api.freshToken("centre"))
                .status()).isEqualTo(403);
        assertThat(api.post("/api/v1/expert-draws/" + drawId + "/commitment", ApiClient.json(Map.of("secretHash", "not a hash")),
                api.freshToken("supervisor")).code()).isEqualTo("SECRET_HASH_INVALID");
        JsonNode committed = api.post("/api/v1/expert-draws/" + drawId + "/commitment", secret.commitmentJson(),
                api.freshToken("supervisor")).json();
        assertThat(committed.path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(committed.path("secretHash").asString()).isEqualTo(secret.commitment());
        JsonNode commitEntry = entry(committed.path("commitmentSeq").asLong());
        assertThat(commitEntry.path("details").asString()).contains("experts.draw.committed").contains("\"actor\":\"supervisor\"");
        assertThat(commitEntry.path("payload").asString()).contains(secret.commitment());
        // Revealing before the pool and head are fixed would let the platform pick the head: refused, nothing changes.
        String scheduled = state(drawId);
        assertThat(api.post("/api/v1/expert-draws/" + drawId + "/secret", secret.revealJson(), api.freshToken("supervisor")).code())
                .isEqualTo("DRAW_STATE");
        assertThat(state(drawId)).isEqualTo(scheduled);

        clock.set(deadline.plusSeconds(1));
        tenders.closeDueTenders();
        awaitEventsCompleted(org.sunbid.platform.tendering.BiddingClosed.class); // the draws' feasibility recheck runs after the close commits
        draws.runDue();
        assertThat(api.get("/api/v1/expert-draws/" + drawId, api.freshToken("centre")).json().path("status").asString())
                .as("not yet: the draw runs one hour before the start").isEqualTo("SCHEDULED");
        clock.set(evaluationStart.minus(Duration.ofHours(1)));
        Instant drawTime = clock.instant();
        assertThat(draws.runDue()).isGreaterThanOrEqualTo(1); // other tests' draws may fall due at the same time

        // The pool is fixed and a head signed; the draw waits for the supervisor, who alone holds the secret.
        JsonNode waiting = api.get("/api/v1/expert-draws/" + drawId, api.freshToken("centre")).json();
        assertThat(waiting.path("status").asString()).isEqualTo("AWAITING_SECRET");
        assertThat(waiting.path("poolSeq").asLong()).isLessThan(waiting.path("headSize").asLong());
        assertThat(notices(drawTime)).isEmpty();
        draws.runDue();
        assertThat(api.get("/api/v1/expert-draws/" + drawId, api.freshToken("centre")).json().path("status").asString())
                .as("running again draws nothing: it waits").isEqualTo("AWAITING_SECRET");
        assertNoRowHolds(secret.secret(), drawId);
        // A wrong secret (or one from another supervisor's file) is refused and changes nothing; so is staff revealing.
        String fixed = state(drawId);
        // The pool is fixed: the supervisor's to-do is now the reveal.
        assertThat(todoKinds("supervisor")).contains("draw-secret");
        String wrong = org.sunbid.platform.SupervisorSecret.make(Files.createTempDirectory("other").resolve("draw.secret")).revealJson();
        assertThat(api.post("/api/v1/expert-draws/" + drawId + "/secret", wrong, api.freshToken("supervisor")).code())
                .isEqualTo("SECRET_MISMATCH");
        assertThat(api.post("/api/v1/expert-draws/" + drawId + "/secret", ApiClient.json(Map.of("secret", secret.commitment())),
                api.freshToken("supervisor")).code()).as("the hash is not the secret").isEqualTo("SECRET_MISMATCH");
        assertThat(api.post("/api/v1/expert-draws/" + drawId + "/secret", secret.revealJson(), api.freshToken("centre")).status())
                .isEqualTo(403);
        assertThat(state(drawId)).isEqualTo(fixed);
        assertThat(notices(drawTime)).isEmpty();
        assertNoRowHolds(secret.secret(), drawId);

        ApiClient.Response revealed = api.post("/api/v1/expert-draws/" + drawId + "/secret", secret.revealJson(),
                api.freshToken("supervisor"));
        assertThat(revealed.status()).as(revealed.body()).isEqualTo(200);

        JsonNode drawn = api.get("/api/v1/expert-draws/" + drawId, api.freshToken("centre")).json();
        assertThat(drawn.path("status").asString()).isEqualTo("NOTIFYING");
        assertThat(drawn.path("specialties").get(0).path("pending").asInt()).isEqualTo(4);
        assertThat(drawn.path("specialties").get(1).path("pending").asInt()).isEqualTo(3);
        assertThat(drawn.path("members")).isEmpty();
        assertThat(drawn.path("avoidedCounts").path("SAME_EMPLOYER_AS_TENDEREE").asInt()).isEqualTo(1);
        assertThat(drawn.path("avoidedCounts").path("SAME_EMPLOYER_AS_BIDDER").asInt()).isEqualTo(1);

        List<Notice> first = notices(drawTime);
        assertThat(first).hasSize(7);
        assertThat(first).allSatisfy(n -> assertThat(n.text()).contains(venue).doesNotContain(tender.path("terms").path("name").asString()));
        // positions: 1–4 A01, 5–7 A05 (the first round goes specialty by specialty)
        Notice declines = first.get(0);
        Notice silent = first.get(4);
        // Each called expert's workbench home lists the notice to answer (待办), with its answer time.
        String silentExpert = newExperts().usernameOf(silent.phone());
        assertThat(todoKinds(silentExpert)).contains("draw-answer");

        assertThat(reply(declines.phone(), "2 " + declines.code())).isEqualTo("RECORDED");
        // A reused code, a forged code, a real code from another number and an unsigned reply change nothing.
        String before = state(drawId);
        assertThat(reply(declines.phone(), "1 " + declines.code())).isEqualTo("ALREADY_ANSWERED");
        assertThat(reply(declines.phone(), "1 " + (declines.code().equals("000000") ? "000001" : "000000"))).isEqualTo("UNKNOWN_CODE");
        assertThat(reply(first.get(1).phone(), "1 " + first.get(2).code())).isEqualTo("UNKNOWN_CODE");
        assertThat(reply(first.get(1).phone(), "好的")).isEqualTo("UNREADABLE");
        String body = "{\"phone\":\"" + first.get(1).phone() + "\",\"text\":\"1 " + first.get(1).code() + "\"}";
        ApiClient.Response unsigned = api.send("POST", "/api/v1/experts/notifier/replies", body, null,
                Map.of("X-Gateway-Signature", Base64.getEncoder().encodeToString(Sm2.sign(Sm2.generateKeyPair().getPrivate(),
                        body.getBytes(StandardCharsets.UTF_8)))));
        assertThat(unsigned.code()).isEqualTo("REPLY_NOT_SIGNED");
        assertThat(state(drawId)).isEqualTo(before);

        for (Notice n : first) {
            if (n != declines && n != silent) {
                assertThat(reply(n.phone(), "1 " + n.code())).isEqualTo("RECORDED");
            }
        }
        List<Notice> replacement = notices(drawTime).subList(7, 8);
        // Once accepted, the entry becomes the sign-in at the evaluation; the one who declined has neither.
        assertThat(todoKinds(newExperts().usernameOf(first.get(1).phone()))).contains("draw-sign-in").doesNotContain("draw-answer");
        assertThat(todoKinds(newExperts().usernameOf(declines.phone()))).doesNotContain("draw-answer", "draw-sign-in");
        assertThat(reply(replacement.get(0).phone(), "1 " + replacement.get(0).code())).isEqualTo("RECORDED");

        clock.advance(Duration.ofMinutes(15));
        assertThat(reply(silent.phone(), "1 " + silent.code())).as("too late").isEqualTo("EXPIRED");
        assertThat(todoKinds(silentExpert)).as("past the answer time").doesNotContain("draw-answer");
        assertThat(draws.expireDue()).isGreaterThanOrEqualTo(1);
        assertThat(reply(silent.phone(), "1 " + silent.code())).isEqualTo("ALREADY_ANSWERED");
        List<Notice> all = notices(drawTime);
        assertThat(all).hasSize(9);
        assertThat(reply(all.get(8).phone(), "1 " + all.get(8).code())).isEqualTo("RECORDED");

        JsonNode complete = api.get("/api/v1/expert-draws/" + drawId, api.freshToken("centre")).json();
        assertThat(complete.path("status").asString()).isEqualTo("COMPLETE");
        assertThat(complete.path("specialties").get(0).path("accepted").asInt()).isEqualTo(4);
        assertThat(complete.path("specialties").get(0).path("declined").asInt()).isEqualTo(1);
        assertThat(complete.path("specialties").get(1).path("accepted").asInt()).isEqualTo(3);
        assertThat(complete.path("specialties").get(1).path("noAnswer").asInt()).isEqualTo(1);
        int members = 4 + 3 + complete.path("representatives").asInt();
        assertThat(members).isGreaterThanOrEqualTo(5).matches(m -> m % 2 == 1, "odd");
        assertThat(7 * 3).isGreaterThanOrEqualTo(members * 2);

        // The log holds each step, in order.
        List<String> actions = jdbc.sql("""
                SELECT details::json->>'action' FROM log_entry WHERE details::json->>'subject' = :d ORDER BY seq""")
                .param("d", drawId).query(String.class).list();
        assertThat(actions).startsWith("experts.draw.requested", "experts.draw.committed", "experts.draw.pool-fixed",
                "experts.draw.revealed", "experts.draw.drawn", "experts.draw.replied", "experts.draw.replacement");
        assertThat(actions.stream().filter("experts.draw.replied"::equals).count()).isEqualTo(9);
        assertThat(actions.stream().filter("experts.draw.replacement"::equals).count()).isEqualTo(2);
        assertThat(actions).endsWith("experts.draw.completed");

        // Sign-in at the evaluation with the certificate reveals the names; then the record is published.
        clock.set(evaluationStart.plus(Duration.ofMinutes(5)));
        assertThat(api.post("/api/v1/expert-draws/" + drawId + "/publication", "", api.freshToken("centre")).code())
                .isEqualTo("DRAW_STATE");
        // The workbench page asks the same rule: no publish button before everyone signed in, and its form is refused.
        org.sunbid.platform.WebSession staff = new org.sunbid.platform.WebSession(baseUrl());
        staff.login("centre");
        String page = "/workbench/expert-draws/" + drawId;
        assertThat(staff.get(page).body()).doesNotContain("id=\"publish\"").contains("id=\"publish-wait\"");
        String beforePage = state(drawId);
        var posted = staff.submit(page, page + "/publication", "");
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(staff.get(page).body()).doesNotContain("draw.done.published").doesNotContain("id=\"publish\"");
        assertThat(state(drawId)).isEqualTo(beforePage);
        assertThat(api.get("/api/v1/expert-draws/" + drawId, api.freshToken("centre")).json().path("status").asString())
                .isEqualTo("COMPLETE");
        List<Notice> accepted = List.of(all.get(1), all.get(2), all.get(3), all.get(5), all.get(6), all.get(7), all.get(8));
        String someone = newExperts().usernameOf(accepted.get(0).phone());
        assertThat(api.post("/api/v1/experts/me/draws/" + drawId + "/sign-in",
                ApiClient.json(Map.of("signature", Base64.getEncoder().encodeToString(Sm2.sign(Sm2.generateKeyPair().getPrivate(),
                        ExpertDraws.challenge(UUID.fromString(drawId), someone).getBytes(StandardCharsets.UTF_8))))),
                api.freshToken(someone)).code()).isEqualTo("SIGN_IN_INVALID");
        String declined = newExperts().usernameOf(declines.phone());
        assertThat(signIn(api, drawId, declined).code()).isEqualTo("SIGN_IN_NOT_ALLOWED");
        for (Notice n : accepted) {
            ApiClient.Response signed = signIn(api, drawId, newExperts().usernameOf(n.phone()));
            assertThat(signed.status()).as(signed.body()).isEqualTo(200);
            assertThat(signed.json().path("projectCode").asString()).isEqualTo(tender.path("terms").path("projectCode").asString());
        }
        assertThat(api.get("/api/v1/expert-draws/" + drawId, api.freshToken("centre")).json().path("members")).hasSize(7);
        assertThat(staff.get(page).body()).contains("id=\"publish\"");

        assertThat(api.get("/api/v1/expert-draws/" + drawId + "/record", null).code()).isEqualTo("DRAW_NOT_PUBLISHED");
        assertThat(api.post("/api/v1/expert-draws/" + drawId + "/publication", "", api.freshToken("centre")).json()
                .path("status").asString()).isEqualTo("PUBLISHED");
        JsonNode record = api.get("/api/v1/expert-draws/" + drawId + "/record", null).json();
        assertThat(record.path("avoided").toString()).contains(ofTenderee).contains(ofBidder);
        assertThat(record.path("committee")).hasSize(7);
        assertThat(record.path("contacts")).hasSize(9);

        // Anyone recomputes the committee from published data; any altered input fails.
        assertThat(record.path("secret").asString()).isEqualTo(secret.secret());
        assertThat(record.path("revealedSeq").asLong()).as("revealed after the seed's head was signed")
                .isGreaterThanOrEqualTo(record.path("head").path("size").asLong());
        var verdict = Verifier.run("verify-draw", baseUrl(), drawId);
        assertThat(verdict.ok()).as(verdict.line()).isTrue();
        assertThat(verdict.line()).contains("revealed in entry " + record.path("revealedSeq").asLong());
        assertThat(verifyFile(record, r -> ((ObjectNode) r).put("secret", "00" + r.path("secret").asString().substring(2)))).isFalse();
        assertThat(verifyFile(record, r -> ((ObjectNode) r.path("head")).put("rootHash",
                "00" + r.path("head").path("rootHash").asString().substring(2)))).isFalse();
        assertThat(verifyFile(record, r -> {
            var pool = (tools.jackson.databind.node.ArrayNode) r.path("specialties").get(0).path("pool");
            pool.remove(pool.size() - 1);
        })).isFalse();
        assertThat(verifyFile(record, r -> { })).isTrue();

        // After the evaluation the tenderee's side rates the members' conduct.
        ApiClient.Response rated = api.post("/api/v1/expert-draws/" + drawId + "/ratings", ApiClient.json(Map.of(
                "expertId", record.path("committee").get(0).path("expertId").asString(), "score", 5, "violations", List.of())),
                api.freshToken("agency"));
        assertThat(rated.status()).as(rated.body()).isEqualTo(200);
        assertThat(api.post("/api/v1/expert-draws/" + drawId + "/ratings", ApiClient.json(Map.of(
                "expertId", record.path("committee").get(0).path("expertId").asString(), "score", 4)), api.freshToken("agency"))
                .code()).isEqualTo("RATING_EXISTS");
        assertThat(api.post("/api/v1/expert-draws/" + drawId + "/ratings", ApiClient.json(Map.of(
                "expertId", ofTenderee, "score", 1)), api.freshToken("centre")).code()).isEqualTo("RATING_INVALID");
        // Three violations in one rating reach the default rule (suspend after 3 within 365 days): suspended, with the
        // rule as the reason in the history; staff reinstate.
        String offender = record.path("committee").get(1).path("expertId").asString();
        // (which expert is drawn depends on the log's signed head; the demo may have rated this one already)
        int earlier = api.get("/api/v1/experts/" + offender, api.freshToken("centre")).json().path("ratings")
                .path("violationsInWindow").asInt();
        assertThat(api.post("/api/v1/expert-draws/" + drawId + "/ratings", ApiClient.json(Map.of("expertId", offender, "score", 1,
                "violations", List.of("ABSENT", "IMPROPER_CONTACT", "DISCLOSURE"), "note", "未按时到场并私下联系投标人")),
                api.freshToken("centre")).status()).isEqualTo(200);
        JsonNode file = api.get("/api/v1/experts/" + offender, api.freshToken("centre")).json();
        assertThat(file.path("profile").path("status").asString()).isEqualTo("SUSPENDED");
        assertThat(file.path("ratings").path("violationsInWindow").asInt()).isEqualTo(earlier + 3);
        assertThat(file.path("history").get(file.path("history").size() - 1).path("reason").asString())
                .contains("违规 " + (earlier + 3) + " 次");
        assertThat(api.post("/api/v1/experts/" + offender + "/status", ApiClient.json(Map.of("status", "ACTIVE",
                "reason", "经核实已整改")), api.freshToken("centre")).status()).isEqualTo(200);
    }

    private boolean verifyFile(JsonNode record, java.util.function.Consumer<JsonNode> alter) throws Exception {
        JsonNode copy = record.deepCopy();
        alter.accept(copy);
        Path file = Files.createTempFile("draw-record", ".json");
        Files.writeString(file, copy.toString());
        return Verifier.run("verify-draw", "--file", file.toString()).ok();
    }

    private ApiClient.Response signIn(ApiClient api, String drawId, String username) throws Exception {
        byte[] challenge = ExpertDraws.challenge(UUID.fromString(drawId), username).getBytes(StandardCharsets.UTF_8);
        return api.post("/api/v1/experts/me/draws/" + drawId + "/sign-in",
                ApiClient.json(Map.of("signature", Base64.getEncoder().encodeToString(Sm2.sign(newExperts().keyOf(username), challenge)))),
                api.freshToken(username));
    }



    /**
     * The insider's view before the reveal: no row of the database (every table, as text) holds the draw's secret, in
     * hex or base64 — the platform has only its hash, so a modified platform cannot try secrets against heads.
     */
    private void assertNoRowHolds(String secretHex, String drawId) {
        byte[] secret = java.util.HexFormat.of().parseHex(secretHex);
        String b64 = Base64.getEncoder().encodeToString(secret);
        assertThat(jdbc.sql("SELECT secret_sealed IS NULL FROM expert_draw WHERE id = :d").param("d", UUID.fromString(drawId))
                .query(Boolean.class).single()).isTrue();
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                + " AND table_type = 'BASE TABLE'").query(String.class).list();
        assertThat(tables).contains("expert_draw", "log_entry", "expert_draw_contact");
        for (String table : tables) {
            // Table names come from the catalogue, not from input; quoted as identifiers.
            String dump = String.join("\n", jdbc.sql("SELECT CAST(t AS TEXT) FROM \"" + table.replace("\"", "\"\"") + "\" t")
                    .query(String.class).list()).toLowerCase(java.util.Locale.ROOT);
            assertThat(dump).as(table).doesNotContain(secretHex.toLowerCase(java.util.Locale.ROOT))
                    .doesNotContain(b64.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** The state a reply must not change when it is refused: contacts and the log's size. */
    private String state(String drawId) {
        return jdbc.sql("SELECT COALESCE(string_agg(position || ':' || outcome, ',' ORDER BY position), '') FROM expert_draw_contact WHERE draw_id = :d")
                .param("d", UUID.fromString(drawId)).query(String.class).single()
                + "|" + jdbc.sql("SELECT count(*) FROM log_entry").query(Long.class).single()
                + "|" + jdbc.sql("SELECT status || version FROM expert_draw WHERE id = :d").param("d", UUID.fromString(drawId))
                        .query(String.class).single();
    }

    /** The kinds of the to-do entries on {@code username}'s workbench home. */
    private List<String> todoKinds(String username) throws Exception {
        org.sunbid.platform.WebSession web = new org.sunbid.platform.WebSession(baseUrl());
        assertThat(web.login(username).statusCode()).isEqualTo(302);
        return java.util.regex.Pattern.compile("data-kind=\"([a-z-]+)\"").matcher(web.get("/workbench").body()).results()
                .map(m -> m.group(1)).toList();
    }

    private record Notice(String phone, String text, String code) {
    }

    /** What the sandbox gateway sent since {@code since}, oldest first: the phone network's view. */
    private List<Notice> notices(Instant since) {
        return jdbc.sql("SELECT phone, text FROM sandbox_phone_message WHERE sent_at >= :s AND text LIKE :v ORDER BY sent_at, id")
                .param("s", since.atOffset(java.time.ZoneOffset.UTC)).param("v", "%" + venue + "%")
                .query((rs, i) -> {
                    Matcher m = CODE.matcher(rs.getString(2));
                    assertThat(m.find()).isTrue();
                    return new Notice(rs.getString(1), rs.getString(2), m.group(1));
                }).list().stream().sorted(java.util.Comparator.comparing(this::positionOf)).toList();
    }

    /** The contact position a notice belongs to (the test plays the phone network, which knows phone and code). */
    private int positionOf(Notice n) {
        return jdbc.sql("SELECT position FROM expert_draw_contact WHERE reply_index = :r")
                .param("r", vault.index("reply:" + n.phone() + ":" + n.code())).query(Integer.class).single();
    }

    private String reply(String phone, String text) {
        String answer = gateway.deliver(phone, text);
        return answer.replaceAll(".*\"answer\":\"([A-Z_]+)\".*", "$1");
    }

    private JsonNode entry(long seq) {
        return api().get("/api/v1/log/entries?start=" + seq + "&end=" + (seq + 1), null).json().get(0);
    }

}
