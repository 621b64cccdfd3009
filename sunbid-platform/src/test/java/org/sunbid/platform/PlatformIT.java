package org.sunbid.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm2Certificates;

/**
 * Base of every integration test: the whole application on a random port, on a real embedded PostgreSQL in a fresh
 * directory, with the demo data loaded, a clock tests can move, and one "external" CA root trusted besides the demo
 * CA (as a real deployment trusts licensed CAs). Every subclass shares this one context, so the database starts once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestTimeConfiguration.class)
public abstract class PlatformIT {

    /** Where test runs keep their data; under target/ so `mvn clean` removes it. */
    protected static final Path DATA = Path.of("target", "it-data", UUID.randomUUID().toString()).toAbsolutePath();

    /** The start of test time: a Monday morning in Beijing. */
    public static final Instant START = Instant.parse("2026-11-23T01:30:00Z");

    /** An external CA (e.g. a provincial CA) whose root the platform is configured to trust. */
    protected static final KeyPair EXTERNAL_CA_KEYS = Sm2.generateKeyPair();
    protected static final X509Certificate EXTERNAL_CA_ROOT = Sm2Certificates.selfSignedRoot(
            "CN=Other Province CA Root,O=Provincial CA,C=CN", EXTERNAL_CA_KEYS, START.minus(Duration.ofDays(30)),
            START.plus(Duration.ofDays(3650)));

    public static final String PASSWORD = "Sunbid@2026";

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestClock clock;

    @Autowired
    private org.springframework.jdbc.core.simple.JdbcClient platformJdbc;

    @Autowired
    private org.sunbid.platform.deals.Projects projects;

    @Autowired
    private org.sunbid.platform.deals.Procedures procedures;

    /**
     * Waits until every publication of {@code eventType} in Spring Modulith's event publication registry is completed:
     * the listeners that run after the publisher's commit ({@code @ApplicationModuleListener}, in the background) have
     * all run. A publication whose listener failed stops the wait (the test's own assertion then says what is missing).
     * Polls the registry (at most 30 s); no fixed sleep.
     */
    protected void awaitEventsCompleted(Class<?> eventType) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> platformJdbc.sql("""
                        SELECT COUNT(*) FROM event_publication
                        WHERE event_type = :t AND completion_date IS NULL AND coalesce(status, '') <> 'FAILED'""")
                        .param("t", eventType.getName()).query(Long.class).single() == 0);
    }

    /** The credit code of {@code username}'s organisation. */
    protected String creditCodeOf(String username) {
        return platformJdbc.sql("""
                SELECT o.credit_code FROM account a JOIN organisation o ON o.id = a.organisation_id WHERE a.username = :u""")
                .param("u", username).query(String.class).single();
    }

    /** The demo private key of {@code username}'s organisation (data/demo-keys: what its bidder tool or USB key holds). */
    protected java.security.PrivateKey demoKeyOf(String username) throws IOException {
        return org.sunbid.crypto.Pem.privateKey(Files.readString(DATA.resolve("demo-keys").resolve(creditCodeOf(username) + ".key.pem")));
    }

    /** The demo certificate of {@code username}'s organisation. */
    protected X509Certificate demoCertificateOf(String username) throws IOException, java.security.cert.CertificateException {
        return org.sunbid.crypto.Pem.certificate(Files.readString(DATA.resolve("demo-keys").resolve(creditCodeOf(username) + ".crt.pem")));
    }

    /**
     * A tender the demo agency drafts for 云州市城市建设投资集团 and publishes now, its deadline {@code toDeadline} away;
     * the draft's JSON (id, bidDeadline, ...).
     */
    protected tools.jackson.databind.JsonNode publishTender(ApiClient api, Duration toDeadline, String deposit) {
        String tenderee = platformJdbc.sql("SELECT id FROM organisation WHERE name = '云州市城市建设投资集团有限公司'")
                .query(String.class).single();
        ApiClient.Response created = api.post("/api/v1/tenders",
                Fixtures.tenderJson(clock.instant(), Fixtures.projectCode(), toDeadline, deposit, tenderee), api.token("agency"));
        if (created.status() != 201) {
            throw new IllegalStateException("tender not created: " + created);
        }
        ApiClient.Response published = api.publish(created.json().path("id").asString(), api.token("agency"));
        if (published.status() != 200) {
            throw new IllegalStateException("tender not published: " + published);
        }
        return created.json();
    }

    /**
     * A bidder registers, pays the deposit through the sandbox bank, then seals its bid with the bidder tool and uploads
     * it, as a bidder would; true if the platform accepted it.
     */
    protected boolean sealAndUpload(String tenderId, String bidder, String price) throws Exception {
        ApiClient api = new ApiClient(baseUrl());
        api.post("/api/v1/tenders/" + tenderId + "/registrations", "", api.freshToken(bidder));
        api.post("/api/v1/sandbox/bank/transfers", ApiClient.json(java.util.Map.of("tenderId", tenderId)), api.freshToken(bidder));
        Path work = Files.createTempDirectory("bid-" + bidder);
        Path folder = Files.createDirectories(work.resolve("投标文件"));
        Files.writeString(folder.resolve("投标函.txt"), "投标函 " + price);
        Path priceSheet = Files.writeString(work.resolve("price.json"), "{\"totalPrice\":\"" + price + "\",\"durationDays\":480}");
        Path envelope = work.resolve("bid.sbenv");
        Path keys = DATA.resolve("demo-keys");
        org.sunbid.bidder.BidderTool.Result sealed = org.sunbid.bidder.BidderTool.run("seal", "--platform", baseUrl(),
                "--tender", tenderId, "--folder", folder.toString(), "--price-sheet", priceSheet.toString(),
                "--key", keys.resolve(creditCodeOf(bidder) + ".key.pem").toString(),
                "--cert", keys.resolve(creditCodeOf(bidder) + ".crt.pem").toString(), "--out", envelope.toString());
        if (!sealed.ok()) {
            throw new IllegalStateException(sealed.line());
        }
        return org.sunbid.bidder.BidderTool.run("upload", "--platform", baseUrl(), "--tender", tenderId, "--user", bidder,
                "--password", PASSWORD, envelope.toString()).ok();
    }

    /**
     * The demo agency invites {@code bidders} (usernames) to an invitation-only lot through procurement's draw (issue
     * 16): the first half (rounded down) recommended in writing, the others drawn from a prequalified list of exactly
     * them, so the outcome is known; witnessed by the agency's and the purchaser's staff. Where the lot's rules allow no
     * written recommendation (邀请招标, 87号令 Art. 14), all are drawn. For tests of other methods' steps that need invited
     * suppliers.
     */
    protected void invite(String lotId, String... bidders) {
        String procedure = projects.ofLot(UUID.fromString(lotId)).orElseThrow().procedureCode();
        boolean recommends = procedures.rulesAt(procedure, clock.instant())
                .find(org.sunbid.platform.deals.domain.RuleKeys.RECOMMENDED_MAX).isPresent();
        ApiClient api = new ApiClient(baseUrl());
        String token = api.token("agency");
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        java.util.List<java.util.Map<String, Object>> recommended = new java.util.ArrayList<>();
        java.util.List<String> pool = new java.util.ArrayList<>();
        for (int i = 0; i < bidders.length; i++) {
            String org = platformJdbc.sql("SELECT organisation_id FROM account WHERE username = :u").param("u", bidders[i])
                    .query(String.class).single();
            if (recommends && i < bidders.length / 2) {
                recommended.add(java.util.Map.of("supplierId", org, "recommender", "采购人代表（书面推荐意见）"));
            } else {
                pool.add(org);
            }
        }
        ApiClient.Response requested = api.post("/api/v1/tenders/" + lotId + "/invitations/draw", ApiClient.json(java.util.Map.of(
                "recommended", recommended, "drawCount", pool.size(), "poolSource", "PREQUALIFIED", "prequalified", pool,
                "witnesses", java.util.List.of("agency", "tenderee"), "secretHash", org.sunbid.crypto.Sm3.hex(secret))), token);
        if (requested.status() != 200) {
            throw new IllegalStateException("draw not requested: " + requested);
        }
        ApiClient.Response drawn = api.post("/api/v1/tenders/" + lotId + "/invitations/draw/reveal",
                ApiClient.json(java.util.Map.of("secret", java.util.HexFormat.of().formatHex(secret))), token);
        if (drawn.status() != 200) {
            throw new IllegalStateException("draw not made: " + drawn);
        }
    }

    /**
     * A custodian of round {@code round}'s key on lot {@code lotId} (a negotiation's or a competition round): fetches its
     * encrypted share, decrypts it with the organisation's demo key (what the bidder tool's {@code share} does) and
     * releases it through the API.
     */
    protected ApiClient.Response releaseRoundShare(Object lotId, int round, String username) throws Exception {
        ApiClient api = new ApiClient(baseUrl());
        String token = api.freshToken(username);
        String base = "/api/v1/tenders/" + lotId + "/offer-rounds/" + round;
        ApiClient.Response mine = api.get(base + "/key/my-share", token);
        if (mine.status() != 200) {
            return mine;
        }
        String share = new String(org.sunbid.crypto.Sm2.decrypt(demoKeyOf(username),
                java.util.Base64.getDecoder().decode(mine.json().path("encryptedShare").asString())), java.nio.charset.StandardCharsets.UTF_8);
        return api.post(base + "/shares", ApiClient.json(java.util.Map.of("share", share)), token);
    }

    /**
     * After a framework agreement's response deadline (session 12): its response round's custodians (the centre, the
     * supervision department, the collecting body) release their shares until the round is opened, then the opened
     * prices reach the responses (sealing's event). Returns the opened round as sealing shows it.
     */
    protected tools.jackson.databind.JsonNode openFrameworkResponses(String agreementId) throws Exception {
        ApiClient api = new ApiClient(baseUrl());
        tools.jackson.databind.JsonNode agreement = api.get("/api/v1/public/framework-agreements/" + agreementId, null).json();
        String lot = agreement.path("lotId").asString();
        int round = agreement.path("responseRound").asInt();
        tools.jackson.databind.JsonNode opened = null;
        for (String custodian : java.util.List.of("centre", "qs-centre", "supervisor", "agency", "tenderee", "tenderee2")) {
            ApiClient.Response released = releaseRoundShare(lot, round, custodian);
            if (released.status() == 200 && "OPENED".equals(released.json().path("status").asString())) {
                opened = released.json();
                break;
            }
        }
        if (opened == null) {
            throw new AssertionError("the response round " + round + " of agreement " + agreementId + " did not open");
        }
        awaitEventsCompleted(org.sunbid.platform.sealing.OffersOpened.class);
        return opened;
    }

    /** The path of {@code username}'s organisation's demo key file (what its bidder tool is given with {@code --key}). */
    protected Path demoKeyFileOf(String username) {
        return DATA.resolve("demo-keys").resolve(creditCodeOf(username) + ".key.pem");
    }

    /** A custodian's tool: fetches its encrypted share, decrypts it with the organisation's key and releases it. */
    protected ApiClient.Response releaseShare(String tenderId, String username) throws Exception {
        ApiClient api = new ApiClient(baseUrl());
        String token = api.freshToken(username);
        String encrypted = api.get("/api/v1/tenders/" + tenderId + "/opening-key/my-share", token).json().path("encryptedShare").asString();
        String share = new String(org.sunbid.crypto.Sm2.decrypt(demoKeyOf(username), java.util.Base64.getDecoder().decode(encrypted)),
                java.nio.charset.StandardCharsets.UTF_8);
        return api.post("/api/v1/tenders/" + tenderId + "/opening/shares", ApiClient.json(java.util.Map.of("share", share)), token);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        Path roots = DATA.resolve("trusted-roots");
        try {
            Files.createDirectories(roots);
            Files.writeString(roots.resolve("external-root.pem"), Pem.encode(EXTERNAL_CA_ROOT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("sunbid.data-dir", DATA::toString);
        registry.add("sunbid.demo", () -> "true");
        registry.add("sunbid.ca.trusted-roots-dir", roots::toString);
        // Tests drive the periodic jobs themselves (commit, dispatch, complete), so none runs behind their back.
        registry.add("sunbid.audit.confidential-interval", () -> "PT24H");
        registry.add("sunbid.payments.refund-interval", () -> "PT24H");
        registry.add("sunbid.payments.sandbox.refund-interval", () -> "PT24H");
        registry.add("sunbid.experts.draw-interval", () -> "PT24H");
        registry.add("sunbid.experts.reply-check-interval", () -> "PT24H");
        registry.add("sunbid.tendering.close-interval", () -> "PT24H"); // tests close tenders with closeDueTenders
        // tests end auction rooms with LiveAuctions.tick: a background tick would end other tests' rooms (and the demo's
        // live auction) whenever a test moves the clock past them, adding log entries in the middle of that test
        registry.add("sunbid.auction.tick", () -> "PT24H");
        // tests sign tree heads when they need one (AuditLog.currentHead): a background head in the middle of a test that
        // compares the database before and after (DatabaseRolesIT) is a change it did not make
        registry.add("sunbid.audit.head-interval", () -> "PT24H");
        // Many ITs check the log by SQL on log_entry right after an action, behind AuditLog: only AuditLog's reads wait
        // for pending entries (issue 21), so these tests keep the commit waiting. LogSequencerIT switches to the default
        // (reads wait) where it tests it; SurgeCrashIT's processes run with the default.
        registry.add("sunbid.audit.wait-for-sequencing", () -> "commit");
        registry.add("sunbid.evaluation.contract-check-interval", () -> "PT24H");
        registry.add("sunbid.procurement.framework-publication-check", () -> "PT24H"); // issue 22: driven by its test
        registry.add("sunbid.mall.payment-check-interval", () -> "PT24H"); // issue 22: MallIT runs the check itself
        // ...and neither job runs at start-up, where a page sweep (RegistrationAnonymityIT) could see it flag an order
        registry.add("sunbid.mall.payment-check-initial-delay", () -> "PT24H");
        // issue 22 (session 12): the mall's deadline sweep; MallDeadlinesIT runs it itself, and the mall's requests close
        // what is due before they answer, so a background run would only add audit entries in the middle of other tests
        registry.add("sunbid.mall.close-interval", () -> "PT24H");
        registry.add("sunbid.mall.close-initial-delay", () -> "PT24H");
        registry.add("sunbid.procurement.framework-publication-initial-delay", () -> "PT24H");
        // issue 22 (session 11): the monthly order summaries, driven by FrameworkAgreementEndToEndIT
        registry.add("sunbid.procurement.framework-summary-check", () -> "PT24H");
        registry.add("sunbid.procurement.framework-summary-initial-delay", () -> "PT24H");
        // issue 18 N: tests deliver the national exchange's outbox themselves (a replay, Outbox.sendDue)
        registry.add("sunbid.exchange.send-interval", () -> "PT24H");
        registry.add("sunbid.search.refresh-interval", () -> "PT24H"); // the index follows events; tests reindex themselves
        registry.add("sunbid.supervision.warning-sweep-initial-delay", () -> "PT24H"); // tests sweep warnings themselves
        registry.add("sunbid.evaluation.award-decision-interval", () -> "PT24H");
        registry.add("sunbid.complaints.overdue-check-interval", () -> "PT24H");
        registry.add("sunbid.supervision.network-screen-cron", () -> "-"); // issue 19 C: tests run the network screen themselves
        registry.add("sunbid.credit.lists-cron", () -> "-"); // issue 20 S: tests refresh the external lists themselves
        // the nightly OCDS bulk file runs on the wall clock (00:20 Beijing), appending a log entry in whatever test runs
        // then; tests write bulk files themselves (OcdsBulkFiles.write)
        registry.add("sunbid.disclosure.ocds-bulk-cron", () -> "-");
        // Every test request comes from 127.0.0.1: trusting it as a proxy lets a test name another source address with
        // X-Forwarded-For (login throttling is per source). Production trusts no proxy unless configured.
        registry.add("sunbid.security.trusted-proxies", () -> "127.0.0.1");
    }

    /** A browser-like session (cookies), logged in as {@code username} unless null: for sweeping pages. */
    protected java.net.http.HttpClient session(String username) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        if (username != null) {
            String login = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/login")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            String csrf = login.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
            http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + PASSWORD
                            + "&_csrf=" + csrf))
                    .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        }
        return http;
    }

    /**
     * Every GET route pattern of the application (API and pages), for tests that sweep them all: the OpenAPI
     * description and the error page left out.
     */
    protected static java.util.SortedSet<String> everyGetPattern(
            org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings) {
        java.util.SortedSet<String> patterns = new java.util.TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            var methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty() || methods.contains(org.springframework.web.bind.annotation.RequestMethod.GET)) {
                info.getPatternValues().stream().filter(p -> !p.startsWith("/v3/") && !p.equals("/error")).forEach(patterns::add);
            }
        });
        return patterns;
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    @Autowired
    private javax.sql.DataSource platformDataSource;

    /**
     * A connection as the database's administrator, the PostgreSQL superuser (its password in data/keys), not as the
     * application: every test that plays an insider changing rows behind the platform's back goes through this one door.
     * The application's own role ({@link #platformDataSource}) cannot do what these tests do. Close it after use.
     */
    protected java.sql.Connection databaseAdministrator() throws java.sql.SQLException {
        String url = platformDataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getJdbcUrl();
        try {
            return java.sql.DriverManager.getConnection(url, "postgres",
                    Files.readString(DATA.resolve("keys").resolve("db-postgres.secret")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
