package org.sunbid.platform.parties;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.crypto.Pem;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.sealing.Envelope;

import tools.jackson.databind.JsonNode;

/**
 * Password login throttled by source and account, never locked (so no rival can keep a bidder out until the deadline),
 * no login detail in the public log, and API tokens that expire and can be revoked. Each test names its own source
 * addresses (X-Forwarded-For, trusted from 127.0.0.1 in tests only), so throttling in one test never reaches another.
 */
class LoginIT extends PlatformIT {

    @Autowired
    JdbcClient jdbc;

    private ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(baseUrl());
    }

    @AfterEach
    void backToStart() {
        clock.set(START);
        // The owners sign in from clean sources, which clears their accounts' counts for the tests that follow.
        for (String account : List.of("bidder2", "bidder7", "tenderee2", "agency")) {
            assertThat(login(account, PASSWORD, newSource()).status()).isEqualTo(200);
        }
    }

    /** A fresh private address, used by no other test. */
    private static String newSource() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(1, 255) + "." + r.nextInt(0, 255) + "." + r.nextInt(1, 255);
    }

    private ApiClient.Response login(String username, String password, String source) {
        return api.send("POST", "/api/v1/auth/token", ApiClient.json(Map.of("username", username, "password", password)), null,
                Map.of("X-Forwarded-For", source));
    }

    /** A form login from {@code source}; where it redirects to. */
    private String formLogin(String username, String password, String source) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String page = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String csrf = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", source)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        return r.headers().firstValue("Location").orElse("");
    }

    private long logSize() {
        return jdbc.sql("SELECT size FROM log_state").query(Long.class).single();
    }

    @Test
    void passwordsAreStoredAsArgon2Hashes() {
        String hash = jdbc.sql("SELECT password_hash FROM account WHERE username = 'tenderee'").query(String.class).single();
        assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain(PASSWORD);
    }

    @Test
    void aHundredWrongPasswordsFromOneSourceKeepNobodyOutAndLeaveNoTraceInThePublicLog() throws Exception {
        // bidder2 is registered with a settled deposit and holds a token from before the attack.
        var tender = publishTender(api, Duration.ofDays(21), "500000");
        String tenderId = tender.path("id").asString();
        String before = api.freshToken("bidder2");
        assertThat(api.post("/api/v1/tenders/" + tenderId + "/registrations", "", before).status()).isIn(200, 201);
        assertThat(api.post("/api/v1/sandbox/bank/transfers", ApiClient.json(Map.of("tenderId", tenderId)), before).status())
                .isIn(200, 201);
        HttpClient signedIn = session("bidder2");
        String attacker = newSource();
        long logBefore = logSize();
        long eventsBefore = jdbc.sql("SELECT count(*) FROM security_event").query(Long.class).single();
        Map<String, Object> accountBefore = jdbc.sql("SELECT * FROM account WHERE username = 'bidder2'").query().singleRow();

        long started = System.nanoTime();
        Map<Integer, Integer> statuses = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            ApiClient.Response r = login("bidder2", "guess-" + i, attacker);
            statuses.merge(r.status(), 1, Integer::sum);
            assertThat(r.isProblem()).isTrue();
            if (r.status() == 429) {
                assertThat(r.code()).isEqualTo("LOGIN_THROTTLED");
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        // After the account's five free failures this source (which failed) must wait; refusals are immediate, no
        // password is even checked. (A source is refused outright after ten failures on any accounts.)
        assertThat(statuses).isEqualTo(Map.of(401, 5, 429, 95));
        assertThat(took).as("100 attempts").isLessThan(Duration.ofSeconds(30));
        ApiClient.Response rightButThrottled = login("bidder2", PASSWORD, attacker);
        assertThat(rightButThrottled.status()).isEqualTo(429);
        assertThat(rightButThrottled.json().path("retryAfterSeconds").asInt()).isBetween(1, 60);
        assertThat(formLogin("bidder2", PASSWORD, attacker)).endsWith("/login?throttled");
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login?throttled")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("登录失败次数过多");

        // The public log did not grow and never names bidder2; the account row is untouched (nothing is locked).
        assertThat(logSize()).isEqualTo(logBefore);
        assertThat(jdbc.sql("SELECT * FROM account WHERE username = 'bidder2'").query().singleRow()).isEqualTo(accountBefore);

        // bidder2 signs in from another source, by form and by API; its session and token from before the attack still work.
        String elsewhere = newSource();
        assertThat(formLogin("bidder2", PASSWORD, elsewhere)).endsWith("/workbench");
        ApiClient.Response fresh = login("bidder2", PASSWORD, elsewhere);
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", fresh.json().path("token").asString()).status()).isEqualTo(200);
        HttpResponse<String> workbench = signedIn.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/workbench")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(workbench.statusCode()).as("the session from before the attack").isEqualTo(200);
        assertThat(workbench.body()).contains("投标人工作台");
        ApiClient.Response upload = uploadBid(tenderId, before);
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);

        // Nothing after the attack (the bid's own entries included) names bidder2 in the public log.
        String entries = api.get("/api/v1/log/entries?start=" + logBefore + "&end=" + logSize(), null).body();
        assertThat(entries).doesNotContain("bidder2").doesNotContain(attacker).doesNotContain("parties.account.locked");

        // The administrators see the attack: five failures and the account throttled, not a row per refused attempt.
        JsonNode events = api.get("/api/v1/security-events?limit=1000", api.token("admin")).json();
        List<String> fromAttacker = new ArrayList<>();
        events.forEach(e -> {
            if (e.path("sourceAddress").asString().equals(attacker)) {
                assertThat(e.path("username").asString()).isEqualTo("bidder2");
                fromAttacker.add(e.path("kind").asString());
            }
        });
        assertThat(fromAttacker).filteredOn("LOGIN_FAILED"::equals).hasSize(5);
        assertThat(fromAttacker).contains("ACCOUNT_THROTTLED");
        assertThat(jdbc.sql("SELECT count(*) FROM security_event").query(Long.class).single() - eventsBefore).isLessThan(20);
        assertThat(api.get("/api/v1/security-events", api.token("bidder1")).status()).isEqualTo(403);
    }

    /** A sealed bid from bidder2 (demo key and certificate), uploaded with {@code token}. */
    private ApiClient.Response uploadBid(String tenderId, String token) throws Exception {
        PublicKey openingKey = Pem.publicKey(api.get("/api/v1/tenders/" + tenderId + "/opening-key", null).json()
                .path("publicKeyPem").asString());
        Path file = Files.createTempFile("bid", ".pdf");
        Files.writeString(file, "商务标 " + UUID.randomUUID());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Envelope.seal(new Envelope.Contents(UUID.fromString(tenderId), "{\"totalPrice\":\"36280000.00\"}", Map.of("tool", "LoginIT"),
                Map.of("商务标.pdf", file)), openingKey, demoKeyOf("bidder2"), demoCertificateOf("bidder2"), clock.instant(), out);
        Files.delete(file);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/api/v1/tenders/" + tenderId + "/bids"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        return new ApiClient.Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    @Test
    void manySourcesGuessingOneAccountWaitWhileItsOwnerOnACleanSourceDoesNot() {
        List<String> guessers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            guessers.add(newSource());
            assertThat(login("tenderee2", "guess-" + i, guessers.get(i)).status()).isEqualTo(401);
        }
        ApiClient.Response slowed = login("tenderee2", PASSWORD, guessers.get(0));
        assertThat(slowed.status()).isEqualTo(429);
        assertThat(slowed.code()).isEqualTo("LOGIN_THROTTLED");
        assertThat(login("agency", PASSWORD, guessers.get(0)).status()).as("other accounts are not slowed").isEqualTo(200);

        assertThat(login("tenderee2", PASSWORD, newSource()).status()).as("the owner, elsewhere").isEqualTo(200);
        // The owner's sign-in cleared the account's count: the guessers' sources are not refused on it any more.
        assertThat(login("tenderee2", PASSWORD, guessers.get(1)).status()).isEqualTo(200);
    }

    @Test
    void aThrottledSourceMayTryAgainOnceItsWindowHasPassed() {
        String source = newSource();
        for (int i = 0; i < 10; i++) {
            login("nobody-" + i, "nope-" + i, source);
        }
        ApiClient.Response refused = login("agency", PASSWORD, source);
        assertThat(refused.status()).isEqualTo(429);
        clock.advance(Duration.ofSeconds(61));
        assertThat(login("agency", PASSWORD, source).status()).isEqualTo(200);
    }

    @Test
    void unknownUserGetsTheSameAnswerAsAWrongPassword() {
        ApiClient.Response unknown = login("nobody-here", "whatever-password", newSource());
        ApiClient.Response wrong = login("bidder7", "whatever-password", newSource());
        assertThat(unknown.status()).isEqualTo(wrong.status()).isEqualTo(401);
        assertThat(unknown.code()).isEqualTo(wrong.code()).isEqualTo("BAD_CREDENTIALS");
        assertThat(unknown.json().path("detail").asString()).isEqualTo(wrong.json().path("detail").asString());
    }

    @Test
    void anUnknownUserCostsTheSamePasswordHashAsAWrongPassword() {
        // Medians of interleaved attempts, each from its own source so none is throttled.
        long[] unknown = new long[9];
        long[] wrong = new long[9];
        for (int i = 0; i < 9; i++) {
            long t0 = System.nanoTime();
            login("nobody-" + i, "whatever-password", newSource());
            long t1 = System.nanoTime();
            login("bidder7", "whatever-password", newSource());
            long t2 = System.nanoTime();
            unknown[i] = t1 - t0;
            wrong[i] = t2 - t1;
        }
        Arrays.sort(unknown);
        Arrays.sort(wrong);
        // Without the dummy Argon2 hash an unknown name answers in a small fraction of the time.
        assertThat((double) unknown[4] / wrong[4]).as("unknown / wrong median time").isBetween(0.5, 2.0);
    }

    @Test
    void theSourceAddressIsNotTakenFromAHeaderOfAnUntrustedPeer() {
        // In tests 127.0.0.1 is the trusted proxy: the rightmost untrusted hop is the source, whatever is left of it.
        String real = newSource();
        for (int i = 0; i < 10; i++) {
            login("nobody-" + i, "nope-" + i, newSource() + ", " + real);
        }
        assertThat(login("agency", PASSWORD, "1.2.3.4, " + real).status()).isEqualTo(429);
        assertThat(login("agency", PASSWORD, real + ", 127.0.0.1").status()).isEqualTo(429);
        assertThat(login("agency", PASSWORD, newSource()).status()).isEqualTo(200);
    }

    @Test
    void aRevokedTokenNoLongerWorks() {
        String token = api.freshToken("bidder6");
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/auth/token", token).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
    }

    @Test
    void tokensExpireAfterEightHours() {
        String token = api.freshToken("bidder5");
        clock.advance(Duration.ofHours(8).minusSeconds(1));
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(2));
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
    }

    @Test
    void tokensAreStoredOnlyAsHashes() {
        String token = api.freshToken("bidder4");
        long stored = jdbc.sql("SELECT count(*) FROM api_token WHERE token_hash = :t").param("t", token).query(Long.class).single();
        assertThat(stored).isZero();
    }

    @Test
    void meDescribesTheAccount() {
        var me = api.get("/api/v1/me", api.token("qs-centre")).json();
        assertThat(me.path("role").asString()).isEqualTo("CENTRE_STAFF");
        assertThat(me.path("regionCode").asString()).isEqualTo("990121");
        assertThat(me.has("passwordHash")).isFalse();
    }
}
