package org.sunbid.platform.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.sunbid.platform.auction.LiveAuctions;
import org.sunbid.platform.auction.domain.BidDecision;
import org.sunbid.platform.auction.domain.Phase;
import org.sunbid.platform.auction.domain.RoomSnapshot;
import org.sunbid.platform.parties.CurrentUser;

/**
 * The demo live auction's scripted rival (bidder6): a few seconds after anyone else takes the lead it raises by one
 * increment (the least acceptable bid), up to a ceiling ({@code sunbid.demo.live-rival-ceiling}, yuan), so a newcomer
 * bidding past it wins. It bids through {@link LiveAuctions#bid} like any bidder, at the server's clock, and only in the
 * demo's live lot ({@link #watch}); {@code sunbid.demo.live-rival=false} turns it off. It stops with the application
 * (a scheduled task of the context; {@link #stop} at shutdown).
 */
@Component
class DemoLiveRival {

    private static final Logger log = LoggerFactory.getLogger(DemoLiveRival.class);

    private final LiveAuctions live;
    private final Clock clock;
    private final boolean enabled;
    private final Duration reaction;
    private volatile UUID lot;
    private volatile CurrentUser rival;
    private volatile long ceiling;
    private volatile boolean stopped;
    private long pendingVersion = -1;
    private Instant pendingSince;

    DemoLiveRival(LiveAuctions live, Clock clock, Environment environment) {
        this.live = live;
        this.clock = clock;
        this.enabled = !"false".equalsIgnoreCase(environment.getProperty("sunbid.demo.live-rival", "true"));
        this.reaction = Duration.parse(environment.getProperty("sunbid.demo.live-rival-reaction", "PT3S"));
    }

    /** The rival bids as {@code rival} in lot {@code lotId} up to {@code ceilingFen}. */
    void watch(UUID lotId, CurrentUser rival, long ceilingFen) {
        this.rival = rival;
        this.ceiling = ceilingFen;
        this.lot = lotId;
    }

    /** The lot the rival watches (null before the demo loaded it). */
    UUID lot() {
        return lot;
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        stopped = true;
    }

    @Scheduled(fixedDelayString = "${sunbid.demo.live-rival-tick:PT1S}", initialDelayString = "PT1S")
    synchronized void act() {
        UUID lotId = lot;
        if (!enabled || stopped || lotId == null) {
            return;
        }
        try {
            Optional<RoomSnapshot> room = live.snapshot(lotId);
            if (room.isEmpty()) {
                return;
            }
            RoomSnapshot s = room.get();
            if (s.phase() == Phase.ENDED) {
                lot = null; // done: nothing more to watch
                return;
            }
            String mine = live.numberOf(lotId, rival).orElse(null);
            if (s.phase() == Phase.SCHEDULED || s.phase() == Phase.SUSPENDED || s.phase() == Phase.FROZEN || s.bids() == 0
                    || s.leader() == null || s.leader().equals(mine)) {
                pendingSince = null;
                return;
            }
            Instant now = clock.instant();
            if (pendingSince == null || s.version() != pendingVersion) {
                pendingSince = now;
                pendingVersion = s.version();
                return;
            }
            if (Duration.between(pendingSince, now).compareTo(reaction) < 0) {
                return;
            }
            pendingSince = null;
            if (s.minimumNext() > ceiling) {
                log.info("demo rival in lot {} stops at its ceiling ({} fen)", lotId, ceiling);
                return;
            }
            BidDecision decision = live.bid(lotId, rival, s.minimumNext());
            log.info("demo rival in lot {} bid {} fen: {}", lotId, s.minimumNext(), decision.getClass().getSimpleName());
        } catch (RuntimeException e) {
            log.warn("demo rival in lot {}: {}", lotId, e.toString());
        }
    }
}
