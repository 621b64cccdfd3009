package org.sunbid.platform.disclosure.feeds;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.disclosure.NoticeSubscriptions;
import org.sunbid.platform.parties.CurrentUser;

/**
 * The signed-in account's subscriptions to saved searches: {@code POST} {@code {"name": "…", "search": "q=…&type=…"}}
 * (the search as the feed URL's query string), {@code GET} the account's own, {@code DELETE /{id}} one of them. Another
 * account's subscription is not found ({@code FEEDS_SUBSCRIPTION_NOT_FOUND}).
 */
@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionApi {

    private final NoticeSubscriptions subscriptions;

    SubscriptionApi(NoticeSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    record NewSubscription(String name, String search) {
    }

    /** A subscription with the URLs of its search's feeds. */
    record SubscriptionJson(UUID id, String name, String search, String atom, String rss, Instant createdAt, long notified) {
        static SubscriptionJson of(NoticeSubscriptions.Subscription s) {
            String query = s.search().isEmpty() ? "" : "?" + s.search();
            return new SubscriptionJson(s.id(), s.name(), s.search(), "/feeds/notices.atom" + query,
                    "/feeds/notices.rss" + query, s.createdAt(), s.notified());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SubscriptionJson subscribe(@RequestBody NewSubscription body, CurrentUser user) {
        return SubscriptionJson.of(subscriptions.subscribe(body.name(), body.search(), user));
    }

    @GetMapping
    List<SubscriptionJson> mine(CurrentUser user) {
        return subscriptions.mine(user).stream().map(SubscriptionJson::of).toList();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void cancel(@PathVariable UUID id, CurrentUser user) {
        subscriptions.cancel(id, user);
    }
}
