package org.sunbid.platform.disclosure.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.disclosure.NoticeResults.Hit;
import org.sunbid.platform.disclosure.NoticeType;
import tools.jackson.databind.JsonNode;

/**
 * Subscriptions through the API: per account (another account can neither list nor cancel one: tried as an attack),
 * validated with stable codes; the outbox notifies once per (subscription, notice) however often it is matched or
 * dispatched, and never under a cancelled subscription. Needs no search (the matching with the real search is
 * {@link SubscriptionFlowIT}).
 */
class SubscriptionsIT extends PlatformIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Outbox outbox;

    @Autowired
    SubscriptionWatch watch;

    private ApiClient api() {
        return new ApiClient("http://localhost:" + port);
    }

    private String accountOf(String username) {
        return jdbc.sql("SELECT id::text FROM account WHERE username = :u").param("u", username).query(String.class).single();
    }

    private record Snapshot(List<Map<String, Object>> subscriptions, long outbox, long messages) {
    }

    private Snapshot snapshot() {
        return new Snapshot(jdbc.sql("SELECT id, account_id, name, search, cancelled_at FROM notice_subscription ORDER BY id")
                .query().listOfRows(), jdbc.sql("SELECT count(*) FROM notice_outbox").query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM sandbox_notice_message").query(Long.class).single());
    }

    @Test
    void anAccountSubscribesListsAndCancelsItsOwnSubscriptions() {
        ApiClient api = api();
        String token = api.token("bidder1");
        ApiClient.Response created = api.post("/api/v1/subscriptions", ApiClient.json(Map.of("name", "道路工程",
                "search", "type=tender_notice&kind=GCJS&q=道路")), token);
        assertThat(created.status()).isEqualTo(201);
        JsonNode json = created.json();
        assertThat(json.path("search").asString()).isEqualTo("q=%E9%81%93%E8%B7%AF&type=TENDER_NOTICE&kind=GCJS");
        assertThat(json.path("atom").asString()).isEqualTo("/feeds/notices.atom?q=%E9%81%93%E8%B7%AF&type=TENDER_NOTICE&kind=GCJS");
        assertThat(json.path("rss").asString()).startsWith("/feeds/notices.rss?");
        String id = json.path("id").asString();

        JsonNode mine = api.get("/api/v1/subscriptions", token).json();
        assertThat(mine.valueStream().map(s -> s.path("id").asString()).toList()).contains(id);

        assertThat(api.delete("/api/v1/subscriptions/" + id, token).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/subscriptions", token).json().valueStream().map(s -> s.path("id").asString()).toList())
                .doesNotContain(id);
        // cancelled, not deleted: its row stays, with who and when
        assertThat(jdbc.sql("SELECT cancelled_by FROM notice_subscription WHERE id = :id::uuid").param("id", id)
                .query(String.class).single()).isEqualTo("bidder1");
        assertThat(api.delete("/api/v1/subscriptions/" + id, token).code()).isEqualTo("FEEDS_SUBSCRIPTION_NOT_FOUND");
    }

    @Test
    void anotherAccountCanNeitherSeeNorCancelASubscriptionAndNothingChanges() {
        ApiClient api = api();
        String owner = api.token("bidder1");
        String id = api.post("/api/v1/subscriptions", ApiClient.json(Map.of("name", "我的订阅", "search", "type=RESULT")), owner)
                .json().path("id").asString();
        Snapshot before = snapshot();

        String attacker = api.freshToken("bidder2");
        assertThat(api.get("/api/v1/subscriptions", attacker).json().valueStream().map(s -> s.path("id").asString()).toList())
                .doesNotContain(id);
        ApiClient.Response deleted = api.delete("/api/v1/subscriptions/" + id, attacker);
        assertThat(deleted.status()).isEqualTo(404);
        assertThat(deleted.isProblem()).isTrue();
        assertThat(deleted.code()).isEqualTo("FEEDS_SUBSCRIPTION_NOT_FOUND");
        // an agency's account is another account too
        assertThat(api.delete("/api/v1/subscriptions/" + id, api.freshToken("agency")).status()).isEqualTo(404);
        // without signing in: nothing at all
        assertThat(api.get("/api/v1/subscriptions", null).status()).isEqualTo(401);
        assertThat(api.delete("/api/v1/subscriptions/" + id, null).status()).isEqualTo(401);

        assertThat(snapshot()).isEqualTo(before);
        assertThat(api.get("/api/v1/subscriptions", owner).json().valueStream().map(s -> s.path("id").asString()).toList())
                .contains(id);
    }

    @Test
    void badSubscriptionsAreRefusedWithStableCodesAndNothingIsKept() {
        ApiClient api = api();
        String token = api.token("bidder3");
        Snapshot before = snapshot();
        Map<String, String> cases = Map.of(
                ApiClient.json(Map.of("name", "", "search", "")), "FEEDS_BAD_NAME",
                ApiClient.json(Map.of("name", "x".repeat(101), "search", "")), "FEEDS_BAD_NAME",
                ApiClient.json(Map.of("name", "类型", "search", "type=PRESS_RELEASE")), "FEEDS_BAD_PARAMETER",
                ApiClient.json(Map.of("name", "日期", "search", "from=2026-11-30&to=2026-11-01")), "DISCLOSURE_BAD_DATE_RANGE",
                ApiClient.json(Map.of("name", "区划", "search", "region=000000")), "DISCLOSURE_UNKNOWN_REGION",
                ApiClient.json(Map.of("name", "长", "search", "q=" + "道".repeat(700))), "FEEDS_SEARCH_TOO_LONG");
        cases.forEach((body, code) -> {
            ApiClient.Response refused = api.post("/api/v1/subscriptions", body, token);
            assertThat(refused.status()).as(code).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.code()).isEqualTo(code);
        });
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theFeedRefusesABadSearchAsProblemJsonWithoutSigningIn() {
        ApiClient.Response bad = api().get("/feeds/notices.atom?type=NOPE", null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("FEEDS_BAD_PARAMETER");
        assertThat(api().get("/feeds/notices.rss?size=1000", null).code()).isEqualTo("FEEDS_BAD_PARAMETER");
    }

    @Test
    void aNoticeMatchedTwiceAndDispatchedTwiceIsNotifiedOnceAndNeverUnderACancelledSubscription() {
        ApiClient api = api();
        String token = api.token("bidder4");
        UUID account = UUID.fromString(accountOf("bidder4"));
        UUID kept = UUID.fromString(api.post("/api/v1/subscriptions", ApiClient.json(Map.of("name", "全部", "search", "")), token)
                .json().path("id").asString());
        UUID dropped = UUID.fromString(api.post("/api/v1/subscriptions", ApiClient.json(Map.of("name", "取消的", "search", "")), token)
                .json().path("id").asString());
        String lot = UUID.randomUUID().toString();
        Hit hit = new Hit("TENDER_NOTICE:" + lot, NoticeType.TENDER_NOTICE, "云州市<道路>改造 & \"养护\"", "", "GCJS",
                "GCJS_OPEN_TENDER", "530100", "C-1", lot, clock.instant(), null, "/tenders/" + lot);

        assertThat(outbox.enqueue(kept, account, hit)).isTrue();
        assertThat(outbox.enqueue(kept, account, hit)).isFalse(); // a redelivered event, a retried match
        // matched, then cancelled before its delivery (cancelled first here, so the scheduled job cannot win the race)
        assertThat(api.delete("/api/v1/subscriptions/" + dropped, token).status()).isEqualTo(204);
        assertThat(outbox.enqueue(dropped, account, hit)).isTrue();

        watch.dispatch();
        watch.dispatch();
        watch.run(); // the scheduled job as well

        List<Map<String, Object>> messages = jdbc.sql("""
                SELECT subscription_id, text, url FROM sandbox_notice_message WHERE notice_id = :n""")
                .param("n", hit.id()).query().listOfRows();
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("subscription_id")).isEqualTo(kept);
        assertThat((String) messages.get(0).get("text")).contains("全部").contains("云州市<道路>改造 & \"养护\"");
        assertThat((String) messages.get(0).get("url")).startsWith("http://127.0.0.1:").endsWith("/tenders/" + lot);
        assertThat(jdbc.sql("SELECT attempts FROM notice_outbox WHERE subscription_id = :s").param("s", kept)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT given_up_at IS NOT NULL AND delivered_at IS NULL FROM notice_outbox WHERE subscription_id = :s")
                .param("s", dropped).query(Boolean.class).single()).isTrue();
        JsonNode mine = api.get("/api/v1/subscriptions", token).json();
        assertThat(mine.valueStream().filter(s -> s.path("id").asString().equals(kept.toString()))
                .findFirst().orElseThrow().path("notified").asLong()).isEqualTo(1);
    }

    @Test
    void theWorkbenchPageListsTheAccountsSubscriptionsAndItsSandboxNotifications() throws Exception {
        ApiClient api = api();
        api.post("/api/v1/subscriptions", ApiClient.json(Map.of("name", "工作台订阅", "search", "kind=ZFCG")), api.token("bidder5"));
        org.sunbid.platform.WebSession web = new org.sunbid.platform.WebSession("http://localhost:" + port);
        web.login("bidder5");
        var page = web.get("/workbench/subscriptions");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("工作台订阅").contains("/feeds/notices.atom?kind=ZFCG");
        var other = new org.sunbid.platform.WebSession("http://localhost:" + port);
        other.login("bidder6");
        assertThat(other.get("/workbench/subscriptions").body()).doesNotContain("工作台订阅");
    }
}
