package org.sunbid.platform.experts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.tendering.Tenders;
import tools.jackson.databind.JsonNode;

/**
 * Acceptance 4: before the drawn experts sign in, no staff page or API response reveals who they are. Every GET route
 * of the application (API and pages; each path variable tried as the tender, the draw and a drawn expert) is read by
 * the public, every staff role, the owners and a bidder before the draw and after the committee is complete; for
 * each response, how often each drawn expert's name, id, login and phone number appears must not change. A control
 * then signs one expert in and shows the same comparison catches the name appearing.
 */
class DrawSecrecyIT extends PlatformIT {

    private static final Pattern CODE = Pattern.compile("回复“1 (\\d{6})”");
    private static final String[] CALLERS = {null, "admin", "centre", "qs-centre", "supervisor", "tenderee", "agency", "bidder1"};

    @Autowired JdbcClient jdbc;
    @Autowired Tenders tenders;
    @Autowired ExpertDraws draws;
    @Autowired SandboxNotifier gateway;
    @Autowired AuditLog auditLog;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    @Test
    void beforeSignInNoStaffPageOrApiResponseNamesADrawnExpert() throws Exception {
        ApiClient api = new ApiClient(baseUrl());
        JsonNode tender = publishTender(api, Duration.ofDays(21), "50000");
        String tenderId = tender.path("id").asString();
        Instant deadline = Instant.parse(tender.path("bidDeadline").asString());
        Instant start = deadline.plus(Duration.ofHours(2));
        String venue = "第三评标室 " + UUID.randomUUID().toString().substring(0, 8);
        String request = ApiClient.json(Map.of("evaluationStart", start.toString(), "evaluationVenue", venue,
                "representatives", 1, "specialties", List.of(Map.of("code", "A02", "count", 4)), "poolRegions", List.of("990000"),
                "avoid", List.of()));
        ApiClient.Response requested = api.post("/api/v1/tenders/" + tenderId + "/expert-draws", request, api.freshToken("agency"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(200);
        String drawId = requested.json().path("id").asString();
        org.sunbid.platform.SupervisorSecret secret = org.sunbid.platform.SupervisorSecret.make(
                java.nio.file.Files.createTempDirectory("supervisor").resolve("draw.secret"));
        assertThat(api.post("/api/v1/expert-draws/" + drawId + "/commitment", secret.commitmentJson(), api.freshToken("supervisor"))
                .status()).isEqualTo(200);
        clock.set(deadline.plusSeconds(1));
        tenders.closeDueTenders();
        awaitEventsCompleted(org.sunbid.platform.tendering.BiddingClosed.class); // the draws' feasibility recheck runs after the close commits
        clock.set(start.minus(Duration.ofHours(1)));
        Instant drawTime = clock.instant();

        // The experts the draw will pick are not known yet, so the "before" picture is taken of every candidate.
        List<Secret> candidates = jdbc.sql("""
                SELECT x.id, a.display_name, a.username, x.phone FROM expert x JOIN account a ON a.id = x.account_id
                JOIN expert_specialty s ON s.expert_id = x.id WHERE s.specialty_code = 'A02'""")
                .query((rs, i) -> new Secret(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
        String someExpert = candidates.get(0).id();
        // The log page shows the newest entries, which the draw itself pushes down: it is read as of now.
        long logSize = auditLog.size();
        List<String> routes = everyGetRoute(List.of(tenderId, drawId, someExpert)).stream()
                .map(r -> r.equals("/log") ? "/log?before=" + logSize : r).toList();
        Map<String, String> before = counts(routes, candidates);

        assertThat(draws.runDue()).isGreaterThanOrEqualTo(1); // other tests' draws may be due at the same time
        assertThat(api.post("/api/v1/expert-draws/" + drawId + "/secret", secret.revealJson(), api.freshToken("supervisor"))
                .status()).isEqualTo(200);
        List<String[]> notices = jdbc.sql("SELECT phone, text FROM sandbox_phone_message WHERE sent_at >= :s AND text LIKE :v")
                .param("s", drawTime.atOffset(java.time.ZoneOffset.UTC)).param("v", "%" + venue + "%")
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        assertThat(notices).hasSize(4);
        for (String[] n : notices) {
            Matcher m = CODE.matcher(n[1]);
            assertThat(m.find()).isTrue();
            assertThat(gateway.deliver(n[0], "1 " + m.group(1))).contains("RECORDED");
        }
        assertThat(api.get("/api/v1/expert-draws/" + drawId, api.freshToken("centre")).json().path("status").asString())
                .isEqualTo("COMPLETE");
        List<Secret> drawn = candidates.stream().filter(c -> notices.stream().anyMatch(n -> n[0].equals(c.phone()))).toList();
        assertThat(drawn).hasSize(4);

        Map<String, String> after = counts(routes, candidates);
        List<String> leaks = new ArrayList<>();
        before.forEach((key, value) -> {
            if (!value.equals(after.get(key))) {
                leaks.add(key + ": " + value + " → " + after.get(key));
            }
        });
        assertThat(leaks).as("responses that name a drawn expert differently once drawn").isEmpty();
        assertThat(before.size()).as("routes × callers compared").isGreaterThan(300);

        // Control: once an expert signs in, the same comparison sees their name appear on the staff's draw view.
        Secret first = drawn.get(0);
        clock.set(start);
        List<String> drawView = List.of("/api/v1/expert-draws/" + drawId, "/api/v1/tenders/" + tenderId + "/expert-draws");
        Map<String, String> unsigned = counts(drawView, List.of(first));
        byte[] challenge = ExpertDraws.challenge(UUID.fromString(drawId), first.username()).getBytes(StandardCharsets.UTF_8);
        java.security.PrivateKey key = Pem.privateKey(Files.readString(DATA.resolve("demo-keys").resolve(first.username() + ".key.pem")));
        assertThat(api.post("/api/v1/experts/me/draws/" + drawId + "/sign-in",
                ApiClient.json(Map.of("signature", Base64.getEncoder().encodeToString(Sm2.sign(key, challenge)))),
                api.freshToken(first.username())).status()).isEqualTo(200);
        Map<String, String> signedIn = counts(drawView, List.of(first));
        assertThat(signedIn.get("centre /api/v1/expert-draws/" + drawId))
                .isNotEqualTo(unsigned.get("centre /api/v1/expert-draws/" + drawId));
        assertThat(api.get("/api/v1/expert-draws/" + drawId, api.freshToken("centre")).body()).contains(first.name());
    }

    private record Secret(String id, String name, String username, String phone) {
        List<String> strings() {
            return List.of(id, name, username, phone);
        }
    }

    /** For each caller and route: how often each secret string appears, as "n|n|n|...". */
    private Map<String, String> counts(List<String> routes, List<Secret> secrets) throws Exception {
        ApiClient api = new ApiClient(baseUrl());
        Map<String, String> out = new LinkedHashMap<>();
        for (String caller : CALLERS) {
            String token = caller == null ? null : api.freshToken(caller);
            HttpClient session = session(caller);
            for (String path : routes) {
                String body;
                String key;
                int status;
                if (path.startsWith("/api/")) {
                    ApiClient.Response r = api.get(path, token);
                    body = r.body();
                    status = r.status();
                    key = caller + " " + path;
                } else {
                    HttpResponse<String> r = session.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                            .header("Accept-Language", "zh-CN").build(), HttpResponse.BodyHandlers.ofString());
                    body = r.body();
                    status = r.statusCode();
                    key = caller + " page " + path;
                }
                assertThat(status).as("%s answers without an internal error", key).isLessThan(500);
                StringBuilder counts = new StringBuilder();
                for (Secret s : secrets) {
                    for (String secret : s.strings()) {
                        counts.append(occurrences(body, secret)).append('|');
                    }
                }
                out.put(key, counts.toString());
            }
        }
        return out;
    }

    private static int occurrences(String body, String needle) {
        if (body == null || needle == null || needle.isEmpty()) {
            return 0;
        }
        int n = 0;
        for (int i = body.indexOf(needle); i >= 0; i = body.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    /** Every GET route, each path variable tried with each of {@code ids}; a variable of another name fails. */
    private List<String> everyGetRoute(List<String> ids) {
        TreeSet<String> routes = new TreeSet<>();
        for (String pattern : everyGetPattern(mappings)) {
            for (String id : ids) {
                String path = pattern.replaceAll("\\{code}", "990100").replaceAll("\\{seq}", "1").replaceAll("\\{round}", "1").replaceAll("\\{file}", "sunbid-bidder.jar").replaceAll("\\{[A-Za-z]*[iI]d}", id);
                assertThat(path).as("a route with a variable this test cannot fill: " + pattern).doesNotContain("{");
                routes.add(path);
            }
        }
        return List.copyOf(routes);
    }

}
