package org.sunbid.platform.disclosure;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.sunbid.platform.parties.CurrentUser;

/**
 * Subscriptions to a saved search of the published notices (公告订阅, issue 18): a signed-in account subscribes to a
 * search (the query string of its feed, {@code /feeds/notices.atom?…}); each notice matching it that is published
 * afterwards is notified once, after the publishing transaction committed, through the notifier (a sandbox here).
 * Every method acts on the signed-in account's own subscriptions only: another account's is "not found"
 * ({@code FEEDS_SUBSCRIPTION_NOT_FOUND}).
 */
public interface NoticeSubscriptions {

    /**
     * One subscription.
     *
     * @param id        its id
     * @param name      the name its owner gave it
     * @param search    the saved search, the feed URL's query string in canonical form ("" for every notice)
     * @param createdAt when it was made: only notices published afterwards are notified
     * @param notified  how many notices it has notified so far
     */
    record Subscription(UUID id, String name, String search, Instant createdAt, long notified) {
    }

    /** A notification the sandbox notifier delivered to the account (the demo's stand-in for mail or SMS). */
    record Message(UUID id, String text, String url, Instant sentAt) {
    }

    /** The account's active subscriptions, newest first. */
    List<Subscription> mine(CurrentUser user);

    /** Subscribes the account to {@code search} (a query string; validated: {@code FEEDS_*}, {@code DISCLOSURE_*}). */
    Subscription subscribe(String name, String search, CurrentUser user);

    /** Cancels one of the account's subscriptions; nothing more is notified under it. */
    void cancel(UUID id, CurrentUser user);

    /** What the sandbox notifier delivered to the account, newest first (empty where no sandbox runs). */
    List<Message> inbox(CurrentUser user);
}
