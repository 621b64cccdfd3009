package org.sunbid.platform.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every API route, called with malformed path variables (not a UUID, negative, overflowing, an encoded slash, encoded
 * garbage), malformed query parameters and malformed bodies (not JSON, wrong types, missing fields, wrong or broken
 * content type), as an administrator and as a bidder: never a 5xx, and every 4xx is problem+json with a {@code code}
 * (never a container error page). Requests go over a raw socket so that even what an HTTP client library would refuse
 * to send (a bad percent-escape) reaches the server.
 */
class MalformedInputIT extends PlatformIT {

    /** Path variable values that are wrong for every route. */
    static final List<String> BAD_SEGMENTS = List.of("-1", "0", "-9223372036854775809", "9223372036854775808",
            "99999999999999999999999999", "1E%2B999999999", "not-a-uuid", "00000000-0000-0000-0000-00000000000g",
            "%2F", "a%2Fb", "..%2F..%2Fetc", "%5C", "%00", "%ZZ", "%", "%C0%AF", "%FF%FE", "%E4%B8%AD%E6%96%87", "%20",
            "%27%3B--", "%3Cscript%3E", "null", "x;y=1", "%3B", "..", ".");

    /** Malformed bodies, each with its content type. */
    static final List<String[]> BAD_BODIES = List.of(
            new String[] {"application/json", "{"},
            new String[] {"application/json", "{\"a\":"},
            new String[] {"application/json", "[]"},
            new String[] {"application/json", "\"text\""},
            new String[] {"application/json", "null"},
            new String[] {"application/json", "42"},
            new String[] {"application/json", "{}"},
            new String[] {"application/json", "{\"id\":{},\"amount\":[1],\"price\":\"1E+999999999\",\"totalPrice\":1E+999999999,"
                    + "\"deadline\":\"yesterday\",\"status\":\"PIRATE\",\"count\":99999999999999999999,\"tenderId\":\"x\"}"},
            new String[] {"application/json", "\u0000\uFFFF"},
            new String[] {"text/plain", "hello"},
            new String[] {"application/xml", "<a/>"},
            new String[] {"application/x-www-form-urlencoded", "a=%ZZ&b"},
            new String[] {"multipart/form-data", "garbage"},
            new String[] {"multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data\r\n\r\nbroken"},
            new String[] {"application/octet-stream", "\u0001\u0002\u0003"},
            new String[] {"not a media type", "x"},
            new String[] {"", "x"});

    /** Query strings with wrong types, negatives and overflows for the usual parameter names. */
    static final List<String> BAD_QUERIES = List.of(
            "limit=-1&start=-1&end=abc&treeSize=x&first=-5&second=99999999999999999999&leafHash=zz&offset=-3&page=x&size=-1",
            "limit=99999999999999999999&start=9223372036854775808&end=-1&region=%00&status=PIRATE&name=..%2F..&q=%ZZ&since=yesterday",
            "limit=&start=&end=&treeSize=&first=&second=&leafHash=&region=&status=&name=");

    /**
     * Routes a sweep must not call: revoking the caller's token would end the sweep; the network screen takes no input
     * and runs on every authorised call (a run is recorded and may raise warnings), so no body can be told from a bad
     * one — its refusals and scoping are ScreeningIT's and AccessMatrixIT's.
     */
    static final Set<String> SKIPPED = Set.of("DELETE /api/v1/auth/token", "POST /api/v1/supervision/screens/network");

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private final Map<String, String> tokens = new LinkedHashMap<>();

    @Autowired
    org.springframework.beans.factory.ObjectProvider<ScheduledTaskHolder> scheduledTaskHolders;

    /** The scheduler the application's {@code @Scheduled} jobs run on (Spring Boot's, one thread). */
    @Autowired
    @Qualifier("taskScheduler")
    TaskScheduler scheduler;

    /**
     * The background jobs PlatformIT leaves running that act on what is due at the test clock's time, and may append log
     * entries or change rows when they do (e.g. {@code expireDraws} fails a draw past its reveal deadline,
     * {@code endPublications} ends a credit record's publication, {@code flagOverdueRefunds} flags a refund: an update
     * and a log entry each). A run of the sweep takes minutes and they run every minute to every hour, so one of them
     * can find work the tests before left due (a full run once saw the log grow by 2 entries and no row count change).
     * The clock stands still during the sweep, so what they find due is there before it starts: {@link #settle} runs
     * them first, and the comparison stays exact.
     */
    static final Set<String> SETTLED = Set.of(
            "evaluation.PriceReviews.lapseDue",
            "tendering.MethodApprovals.flagOverdueReviews",
            "credit.CreditPublication.endPublications",
            "intermediaries.Selections.expireDraws",
            "auction.AuctionResults.flagOverdue",
            "payments.Deposits.flagOverdueRefunds",
            "disclosure.feeds.SubscriptionWatch.run",
            "kernel.EventPublications.resubmitFailed");

    /** The jobs PlatformIT sets a day apart (the tests run them themselves): none runs during a sweep. */
    static final Set<String> OFF_IN_TESTS = Set.of(
            "evaluation.Awards.checkAwardDecisions",
            "evaluation.ContractDeadlines.check",
            "supervision.warnings.WarningSweep.sweep",
            "tendering.Tenders.closeDueTenders",
            "audit.TreeHeadSchedule.signIfGrown",
            "audit.ConfidentialRecords.commit",
            "experts.DrawCalls.expireDue",
            "experts.DrawRuns.runDue",
            "auction.LiveAuctions.tick",
            "complaints.ComplaintDeadlines.check",
            "payments.Refunds.dispatchPending",
            "payments.SandboxBank.completeRefunds",
            "disclosure.search.NoticeSearchIndex.refresh",
            "disclosure.exchange.Outbox.sendDue",
            "procurement.FrameworkOrders.flagLatePublications",
            "procurement.FrameworkOrders.publishDueSummaries",
            "mall.MallOrders.flagOverduePayments",
            "mall.MallDeadlines.closeDue");

    /**
     * The jobs left running that change nothing the sweep compares: completed event publications are deleted from a
     * table it leaves out; the demo's rival bids only after another bidder's bid in the demo's live room (the sweep
     * bids nowhere); the network screen follows the history only while its nightly run is on (off in PlatformIT);
     * Spring Modulith's moments publish HourHasPassed and DayHasPassed, which nothing in the application listens to.
     * Jobs on a cron PlatformIT switches off ({@code -}) are not scheduled at all.
     */
    static final Set<String> HARMLESS = Set.of(
            "kernel.EventPublications.deleteOldCompleted",
            "demo.DemoLiveRival.act",
            "supervision.screening.NetworkScreening.follow",
            "org.springframework.modulith.moments.support.Moments.everyHour",
            "org.springframework.modulith.moments.support.Moments.everyMidnight");

    /** Every scheduled job of the application, by its name ({@code context.Class.method}). */
    private Map<String, ScheduledTask> scheduledJobs() {
        Map<String, ScheduledTask> jobs = new java.util.TreeMap<>();
        scheduledTaskHolders.forEach(holder -> holder.getScheduledTasks().forEach(
                t -> jobs.put(t.getTask().getRunnable().toString().replaceFirst("^org\\.sunbid\\.platform\\.", ""), t)));
        return jobs;
    }

    /**
     * Runs the {@link #SETTLED} jobs now, one after another, on the scheduler's own thread, exactly as it runs them, and
     * waits for them: a run of theirs already under way ends first (the scheduler has one thread), and afterwards none
     * of them has anything due until the clock moves.
     */
    private void settle() throws Exception {
        List<Runnable> due = scheduledJobs().entrySet().stream().filter(e -> SETTLED.contains(e.getKey()))
                .map(e -> e.getValue().getTask().getRunnable()).toList();
        assertThat(due).as("settled jobs found").hasSize(SETTLED.size());
        assertThat(((org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler) scheduler).getScheduledThreadPoolExecutor()
                .getCorePoolSize()).as("the scheduler's threads (one: no job runs beside the settling)").isEqualTo(1);
        long logSize = jdbc.sql("SELECT size FROM log_state").query(Long.class).single();
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        scheduler.schedule(() -> {
            try {
                due.forEach(Runnable::run);
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, java.time.Instant.now());
        done.get(5, java.util.concurrent.TimeUnit.MINUTES);
        // what the jobs had left to do, for whoever looks into a sweep's changes
        System.out.println("settled before the sweep, log entries appended: " + jdbc.sql(
                "SELECT details::json->>'action' FROM log_entry WHERE seq >= :from ORDER BY seq").param("from", logSize)
                .query(String.class).list());
    }

    /** Tables a sweep legitimately changes: its own sign-ins, and signed tree heads (the one route that takes no input). */
    static final Set<String> SWEEP_TABLES = Set.of("api_token", "security_event", "log_tree_head", "event_publication", "flyway_schema_history");

    /** The row count of every table of the application, but those the sweep itself may change. */
    private Map<String, Long> state() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT table_name, (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I', table_name),
                        false, true, '')))[1]::text::bigint AS n
                FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'""")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .filter(e -> !SWEEP_TABLES.contains(e.getKey()))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        counts.put("log size", jdbc.sql("SELECT size FROM log_state").query(Long.class).single());
        return counts;
    }

    @BeforeEach
    void signIn() {
        ApiClient api = new ApiClient(baseUrl());
        tokens.put("admin", api.freshToken("admin"));
        tokens.put("bidder1", api.freshToken("bidder1"));
    }

    record Route(String method, String pattern) {
    }

    record Reply(int status, String contentType, String body) {
    }

    private List<Route> apiRoutes() {
        Set<Route> routes = new LinkedHashSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/"))
                .forEach(p -> {
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
                        if (!SKIPPED.contains(m.name() + " " + p)) {
                            routes.add(new Route(m.name(), p));
                        }
                    }
                }));
        return new ArrayList<>(routes);
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

    /** The pattern with variable {@code bad} set to {@code value} and every other variable to a fresh UUID. */
    private static String path(String pattern, int bad, String value) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(i++ == bad ? value : UUID.randomUUID().toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int variables(String pattern) {
        return (int) VARIABLE.matcher(pattern).results().count();
    }

    /** One HTTP/1.0 request over a socket, exactly as given (the connection closes after the response). */
    private Reply send(String method, String target, String token, String contentType, byte[] body) throws IOException {
        return send(method, target, token, contentType, body, null);
    }

    /** A GET asking for English answers. */
    private Reply sendEnglish(String target) throws IOException {
        return send("GET", target, null, null, null, "en");
    }

    private Reply send(String method, String target, String token, String contentType, byte[] body, String language)
            throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder();
            head.append(method).append(' ').append(target).append(" HTTP/1.0\r\n");
            head.append("Host: localhost:").append(port).append("\r\n");
            head.append("Accept: application/json, application/problem+json\r\n");
            // The sweep's own source: a body that happens to carry credentials must not throttle 127.0.0.1.
            head.append("X-Forwarded-For: 10.254.254.254\r\n");
            if (token != null) {
                head.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            if (language != null) {
                head.append("Accept-Language: ").append(language).append("\r\n");
            }
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String response = all.toString(StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            String headers = end < 0 ? response : response.substring(0, end);
            String content = end < 0 ? "" : response.substring(end + 4);
            String[] lines = headers.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            String type = null;
            for (String line : lines) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    type = line.substring(13).strip();
                }
            }
            return new Reply(status, type, content);
        }
    }

    /** Why the reply is wrong, or null if it is fine: no 5xx, and a 4xx is problem+json with a code. */
    private static String wrong(Reply r) {
        if (r.status() >= 500) {
            return "server error";
        }
        if (r.status() >= 400) {
            if (r.contentType() == null || !r.contentType().startsWith("application/problem+json")) {
                return "not problem+json";
            }
            try {
                JsonNode json = JSON.readTree(r.body());
                if (json.path("code").asString("").isEmpty()) {
                    return "no code";
                }
            } catch (RuntimeException e) {
                return "unreadable problem";
            }
        }
        return null;
    }

    private void check(List<String> failures, String method, String target, String caller, String contentType, String body)
            throws IOException {
        Reply r = send(method, target, tokens.get(caller), contentType,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        String why = wrong(r);
        if (why != null) {
            String snippet = r.body().length() > 160 ? r.body().substring(0, 160) : r.body();
            failures.add(why + ": " + method + " " + target + " as " + caller
                    + (contentType == null ? "" : " [" + contentType + "] " + body) + " -> " + r.status() + " " + r.contentType()
                    + " " + snippet.replaceAll("\\s+", " "));
        }
    }

    @Test
    void everyRouteAnswersBadPathVariablesWithAProblemNeverAServerError() throws Exception {
        settle();
        Map<String, Long> before = state();
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Route route : apiRoutes()) {
            int n = variables(route.pattern());
            for (int k = 0; k < n; k++) {
                for (String value : BAD_SEGMENTS) {
                    for (String caller : tokens.keySet()) {
                        boolean withBody = !route.method().equals("GET") && !route.method().equals("DELETE");
                        check(failures, route.method(), path(route.pattern(), k, value), caller,
                                withBody ? "application/json" : null, withBody ? "{}" : null);
                        calls++;
                    }
                }
            }
        }
        assertThat(calls).as("calls made").isGreaterThan(1000);
        assertThat(failures).as("%d calls", calls).isEmpty();
        assertThat(state()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void everyRouteAnswersBadBodiesAndQueriesWithAProblemNeverAServerError() throws Exception {
        settle();
        Map<String, Long> before = state();
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Route route : apiRoutes()) {
            String path = path(route.pattern(), -1, null);
            for (String caller : tokens.keySet()) {
                for (String query : BAD_QUERIES) {
                    check(failures, route.method(), path + "?" + query, caller, null, null);
                    calls++;
                }
                if (route.method().equals("POST") || route.method().equals("PUT") || route.method().equals("PATCH")) {
                    for (String[] body : BAD_BODIES) {
                        check(failures, route.method(), path, caller, body[0], body[1]);
                        calls++;
                    }
                    check(failures, route.method(), path, caller, null, null);
                    calls++;
                }
            }
        }
        assertThat(calls).as("calls made").isGreaterThan(500);
        assertThat(failures).as("%d calls", calls).isEmpty();
        assertThat(state()).as("nothing changed").isEqualTo(before);
    }

    /**
     * Every scheduled job is accounted for: settled before a sweep, set a day apart by PlatformIT (and not due within the
     * next hours), or changing nothing a sweep compares. A new job must be put in one of these, or sweeps turn flaky.
     */
    @Test
    void everyScheduledJobIsSettledBeforeASweepOrCannotChangeWhatItCompares() {
        Map<String, ScheduledTask> jobs = scheduledJobs();
        Set<String> known = new java.util.HashSet<>(SETTLED);
        known.addAll(OFF_IN_TESTS);
        known.addAll(HARMLESS);
        assertThat(jobs.keySet()).as("the scheduled jobs, each sorted here").isSubsetOf(known);
        java.time.Instant soon = java.time.Instant.now().plus(java.time.Duration.ofHours(2));
        OFF_IN_TESTS.stream().filter(jobs::containsKey).forEach(name -> assertThat(jobs.get(name).nextExecution())
                .as("next run of %s", name).isAfter(soon));
    }

    @Test
    void theReceiptOfANegativeSequenceNumberIsABadRequest() throws IOException {
        Reply r = send("GET", "/api/v1/log/receipts/-1", null, null, null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(JSON.readTree(r.body()).path("code").asString()).isEqualTo("VALIDATION_FAILED");
    }

    /**
     * A missing or unconvertible query parameter is named in its own problem, in both languages, and says nothing of
     * JSON (GET /api/v1/log/entries without start/end used to answer MALFORMED_REQUEST about the JSON content).
     */
    @Test
    void aMissingOrInvalidQueryParameterIsNamedNotAJsonProblem() throws IOException {
        Reply missing = send("GET", "/api/v1/log/entries", null, null, null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        JsonNode m = JSON.readTree(missing.body());
        assertThat(m.path("code").asString()).isEqualTo("MISSING_PARAMETER");
        assertThat(m.path("detail").asString()).contains("start").contains("缺少").doesNotContain("JSON");

        Reply onlyStart = send("GET", "/api/v1/log/entries?start=0", null, null, null);
        assertThat(JSON.readTree(onlyStart.body()).path("code").asString()).isEqualTo("MISSING_PARAMETER");
        assertThat(JSON.readTree(onlyStart.body()).path("detail").asString()).contains("end");

        Reply invalid = send("GET", "/api/v1/log/entries?start=abc&end=2", null, null, null);
        assertThat(invalid.status()).isEqualTo(400);
        JsonNode i = JSON.readTree(invalid.body());
        assertThat(i.path("code").asString()).isEqualTo("INVALID_PARAMETER");
        assertThat(i.path("detail").asString()).contains("start").doesNotContain("JSON").doesNotContain("abc");

        Reply english = sendEnglish("/api/v1/log/entries?start=1");
        JsonNode e = JSON.readTree(english.body());
        assertThat(e.path("code").asString()).isEqualTo("MISSING_PARAMETER");
        assertThat(e.path("detail").asString()).contains("end").contains("missing").doesNotContain("JSON");

        Reply fine = send("GET", "/api/v1/log/entries?start=0&end=1", null, null, null);
        assertThat(fine.status()).isEqualTo(200);

        // a path variable that is no number is named the same way
        Reply path = send("GET", "/api/v1/log/receipts/abc", null, null, null);
        assertThat(path.status()).isEqualTo(400);
        JsonNode p = JSON.readTree(path.body());
        assertThat(p.path("code").asString()).isEqualTo("INVALID_PARAMETER");
        assertThat(p.path("detail").asString()).contains("seq");
    }

    @Test
    void anEncodedSlashInAnApiPathIsAProblemNotAContainerPage() throws IOException {
        Reply r = send("GET", "/api/v1/tenders/a%2Fb", null, null, null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(JSON.readTree(r.body()).path("code").asString()).isEqualTo("MALFORMED_REQUEST");
    }
}
