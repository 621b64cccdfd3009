package org.sunbid.platform.disclosure.feeds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.sunbid.platform.auction.BiddingEnded;
import org.sunbid.platform.auction.ReserveOpened;
import org.sunbid.platform.disclosure.NoticeResults.Hit;
import org.sunbid.platform.disclosure.NoticeSearch;
import org.sunbid.platform.evaluation.LotAwarded;
import org.sunbid.platform.evaluation.PublicityStarted;
import org.sunbid.platform.sealing.BidsOpened;
import org.sunbid.platform.sealing.OffersOpened;
import org.sunbid.platform.tendering.TenderPublished;

/**
 * Matches new notices to the subscriptions and delivers the outbox. The owning contexts' publication events are heard
 * after their transaction committed ({@code @ApplicationModuleListener}); the lot's notices published since are looked
 * up in the search, each matched against every active subscription made before it, and the matches written to the
 * outbox (once per subscription and notice). A notice not yet in the search (its index is updated by its own listener
 * of the same event) is matched again later ({@code notice_match_pending}, with backoff). A scheduled job delivers the
 * outbox and retries the pending matches. Tolerates a platform without a {@link NoticeSearch} (nothing is matched).
 */
@Component
class SubscriptionWatch {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SubscriptionWatch.class);
    /** How far before the event a notice of its lot counts as the new one (the publishing clock and ours). */
    static final Duration SLACK = Duration.ofMinutes(10);
    static final DeliveryPolicy MATCH_RETRIES = new DeliveryPolicy(10, Duration.ofSeconds(5), Duration.ofMinutes(30));

    private final ObjectProvider<NoticeSearch> searches;
    private final Subscriptions subscriptions;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile String platformUrl;

    SubscriptionWatch(ObjectProvider<NoticeSearch> searches, Subscriptions subscriptions, Outbox outbox, JdbcClient jdbc,
            Clock clock, @Value("${sunbid.feeds.platform-url:}") String platformUrl) {
        this.searches = searches;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
        this.platformUrl = platformUrl.isBlank() ? null : platformUrl;
    }

    @EventListener
    void on(WebServerInitializedEvent event) {
        if (platformUrl == null) {
            platformUrl = "http://127.0.0.1:" + event.getWebServer().getPort();
        }
    }

    @ApplicationModuleListener
    void on(TenderPublished event) {
        noticeOf(event.tenderId());
    }

    @ApplicationModuleListener
    void on(BidsOpened event) {
        noticeOf(event.tenderId());
    }

    @ApplicationModuleListener
    void on(OffersOpened event) {
        noticeOf(event.lotId());
    }

    @ApplicationModuleListener
    void on(LotAwarded event) {
        noticeOf(event.tenderId());
    }

    /** The candidates' publicity (Reg. 54) has no other event: without this it would wait for the next one. */
    @ApplicationModuleListener
    void on(PublicityStarted e) {
        noticeOf(e.tenderId());
    }

    @ApplicationModuleListener
    void on(BiddingEnded event) {
        noticeOf(event.lotId());
    }

    @ApplicationModuleListener
    void on(ReserveOpened event) {
        noticeOf(event.lotId());
    }

    /** A notice of {@code lot} was (or is about to be) published: match it now, or later if not yet searchable. */
    void noticeOf(UUID lot) {
        Instant since = clock.instant().minus(SLACK);
        if (!match(lot, since)) {
            jdbc.sql("""
                    INSERT INTO notice_match_pending (lot_id, created_at, attempts, next_attempt_at) VALUES (:l, :since, 0, :next)
                    ON CONFLICT (lot_id) DO UPDATE SET created_at = LEAST(notice_match_pending.created_at, EXCLUDED.created_at),
                                                       attempts = 0, next_attempt_at = EXCLUDED.next_attempt_at""")
                    .param("l", lot).param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                    .param("next", OffsetDateTime.ofInstant(MATCH_RETRIES.retryAfter(1, clock.instant()).orElseThrow(), ZoneOffset.UTC))
                    .update();
        }
    }

    /**
     * Matches the notices of {@code lot} published since {@code since} against the active subscriptions; false if the
     * search has none yet (or there is no search). Returns how the outbox grew through {@link #lastEnqueued}.
     */
    boolean match(UUID lot, Instant since) {
        NoticeSearch search = searches.getIfAvailable();
        if (search == null) {
            log.debug("no notice search: lot {} not matched", lot);
            return false;
        }
        NoticeMatcher matcher = new NoticeMatcher(search, 5);
        List<Hit> notices = matcher.noticesOfLot(lot, since);
        if (notices.isEmpty()) {
            return false;
        }
        for (Subscriptions.Active s : subscriptions.active()) {
            for (Hit hit : notices) {
                if (!hit.publishedAt().isBefore(s.createdAt()) && matcher.matches(s.search().query(), hit)) {
                    outbox.enqueue(s.id(), s.accountId(), hit);
                }
            }
        }
        return true;
    }

    /** Retries the pending matches that are due, then delivers the due outbox rows. */
    @Scheduled(initialDelayString = "${sunbid.feeds.dispatch-interval:PT10S}", fixedDelayString = "${sunbid.feeds.dispatch-interval:PT10S}")
    void run() {
        try {
            retryPending();
            outbox.dispatchDue(100, platformUrl);
        } catch (RuntimeException e) {
            log.warn("subscription dispatch failed, will run again: {}", e.toString());
        }
    }

    /** Delivers the due outbox rows now (the scheduled job does the same); how many were delivered. */
    int dispatch() {
        return outbox.dispatchDue(100, platformUrl);
    }

    void retryPending() {
        Instant now = clock.instant();
        record Pending(UUID lot, Instant since, int attempts) {
        }
        List<Pending> due = jdbc.sql("SELECT lot_id, created_at, attempts FROM notice_match_pending WHERE next_attempt_at <= :now ORDER BY next_attempt_at LIMIT 100")
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .query((rs, i) -> new Pending(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getInt(3)))
                .list();
        for (Pending p : due) {
            if (match(p.lot(), p.since())) {
                jdbc.sql("DELETE FROM notice_match_pending WHERE lot_id = :l").param("l", p.lot()).update();
                continue;
            }
            Optional<Instant> next = MATCH_RETRIES.retryAfter(p.attempts() + 1, now);
            if (next.isEmpty()) {
                log.info("lot {}: no new notice found in the search after {} attempts; not matched", p.lot(), p.attempts() + 1);
                jdbc.sql("DELETE FROM notice_match_pending WHERE lot_id = :l").param("l", p.lot()).update();
            } else {
                jdbc.sql("UPDATE notice_match_pending SET attempts = :a, next_attempt_at = :n WHERE lot_id = :l")
                        .param("a", p.attempts() + 1).param("n", OffsetDateTime.ofInstant(next.get(), ZoneOffset.UTC))
                        .param("l", p.lot()).update();
            }
        }
    }
}
