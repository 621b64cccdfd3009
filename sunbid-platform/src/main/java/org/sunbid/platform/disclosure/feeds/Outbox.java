package org.sunbid.platform.disclosure.feeds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.sunbid.platform.disclosure.NoticeResults.Hit;
import org.sunbid.platform.disclosure.NoticeType;

/**
 * The subscriptions' outbox ({@code notice_outbox}): a matched (subscription, notice) is written once (the unique key
 * makes a second match a no-op) and delivered at least once through the {@link NoticeNotifier}, retried with the
 * {@link DeliveryPolicy}'s backoff. Each statement is its own transaction: nothing here runs inside a business
 * transaction, and a slow or failing gateway holds no lock.
 */
@Component("noticeOutbox")
class Outbox {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Outbox.class);
    /** How long a claimed row is left alone (the delivery in flight) before another dispatch may try it. */
    static final Duration LEASE = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectProvider<NoticeNotifier> notifiers;
    private final DeliveryPolicy policy = DeliveryPolicy.DEFAULT;

    Outbox(JdbcClient jdbc, Clock clock, ObjectProvider<NoticeNotifier> notifiers) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.notifiers = notifiers;
    }

    /** Writes the row for (subscription, notice) unless there is one; true if written now. */
    boolean enqueue(UUID subscriptionId, UUID accountId, Hit hit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                INSERT INTO notice_outbox (id, subscription_id, account_id, notice_id, lot_id, notice_type, title, url, published_at,
                                           created_at, next_attempt_at)
                VALUES (:id, :s, :a, :n, :lot, :type, :title, :url, :published, :now, :now)
                ON CONFLICT (subscription_id, notice_id) DO NOTHING""")
                .param("id", UUID.randomUUID()).param("s", subscriptionId).param("a", accountId).param("n", hit.id())
                .param("lot", hit.lotId()).param("type", hit.type().name()).param("title", truncate(hit.title(), 1000))
                .param("url", truncate(hit.url(), 500))
                .param("published", OffsetDateTime.ofInstant(hit.publishedAt(), java.time.ZoneOffset.UTC)).param("now", now)
                .update() == 1;
    }

    private record Claimed(UUID id, UUID subscriptionId, UUID accountId, String noticeId, String type, String title,
            String url, Instant publishedAt, int attempts, String subscriptionName, boolean cancelled) {
    }

    /** Delivers what is due (at most {@code limit} rows); how many were delivered. */
    int dispatchDue(int limit, String platformUrl) {
        NoticeNotifier notifier = notifiers.getIfAvailable();
        if (notifier == null) {
            return 0; // no gateway configured: the rows wait
        }
        Instant now = clock.instant();
        List<Claimed> claimed = jdbc.sql("""
                UPDATE notice_outbox o SET next_attempt_at = :lease
                FROM notice_subscription s
                WHERE o.id IN (SELECT id FROM notice_outbox WHERE delivered_at IS NULL AND given_up_at IS NULL
                               AND next_attempt_at <= :now ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED)
                  AND s.id = o.subscription_id
                RETURNING o.id, o.subscription_id, o.account_id, o.notice_id, o.notice_type, o.title, o.url, o.published_at,
                          o.attempts, s.name, s.cancelled_at IS NOT NULL""")
                .param("lease", OffsetDateTime.ofInstant(now.plus(LEASE), java.time.ZoneOffset.UTC))
                .param("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC)).param("limit", limit)
                .query((rs, i) -> new Claimed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getInt(9), rs.getString(10), rs.getBoolean(11)))
                .list();
        int delivered = 0;
        for (Claimed c : claimed) {
            if (c.cancelled()) {
                finish(c.id(), "given_up_at", "subscription cancelled", c.attempts());
                continue;
            }
            String url = platformUrl == null || c.url().startsWith("http") ? c.url() : platformUrl + c.url();
            try {
                notifier.send(new NoticeNotifier.Notification(c.id(), c.accountId(), c.subscriptionId(),
                        c.subscriptionName(), c.noticeId(), NoticeType.valueOf(c.type()), c.title(), url, c.publishedAt()));
                finish(c.id(), "delivered_at", null, c.attempts() + 1);
                delivered++;
            } catch (RuntimeException e) {
                failed(c.id(), c.attempts() + 1, e);
            }
        }
        return delivered;
    }

    private void finish(UUID id, String column, String error, int attempts) {
        String sql = column.equals("delivered_at")
                ? "UPDATE notice_outbox SET delivered_at = :now, attempts = :a, last_error = :e WHERE id = :id"
                : "UPDATE notice_outbox SET given_up_at = :now, attempts = :a, last_error = :e WHERE id = :id";
        jdbc.sql(sql).param("now", OffsetDateTime.now(clock)).param("a", attempts).param("e", error).param("id", id).update();
    }

    private void failed(UUID id, int attempts, RuntimeException e) {
        String error = truncate(e.getClass().getSimpleName() + ": " + e.getMessage(), 500);
        Optional<Instant> retry = policy.retryAfter(attempts, clock.instant());
        if (retry.isPresent()) {
            log.info("notification {} failed (attempt {}), retrying at {}: {}", id, attempts, retry.get(), error);
            jdbc.sql("UPDATE notice_outbox SET attempts = :a, next_attempt_at = :next, last_error = :e WHERE id = :id")
                    .param("a", attempts).param("next", OffsetDateTime.ofInstant(retry.get(), java.time.ZoneOffset.UTC))
                    .param("e", error).param("id", id).update();
        } else {
            log.warn("notification {} given up after {} attempts: {}", id, attempts, error);
            finish(id, "given_up_at", error, attempts);
        }
    }

    private static String truncate(String s, int max) {
        return s == null ? "" : s.length() > max ? s.substring(0, max) : s;
    }
}
