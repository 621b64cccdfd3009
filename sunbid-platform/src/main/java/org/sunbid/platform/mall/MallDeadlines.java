package org.sunbid.platform.mall;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes reverse auctions and group purchases at their deadline, not at the next request: a sweep every
 * {@code sunbid.mall.close-interval} (30 s by default) closes every one past its close, at the injected clock's time,
 * each once under its row's lock ({@link SealedBidding}), so the award's orders exist and the audit entry is written
 * whether or not anyone looks. The mall's request interceptor ({@code web.MallClosing}) still closes what is due before
 * any mall request, because between the deadline and the next sweep a page would otherwise show a competition open past
 * its close and its order missing; the two are the same idempotent close.
 */
@Component
class MallDeadlines {

    private static final Logger LOG = LoggerFactory.getLogger(MallDeadlines.class);

    private final ReverseAuctions auctions;
    private final GroupPurchases groups;

    MallDeadlines(ReverseAuctions auctions, GroupPurchases groups) {
        this.auctions = auctions;
        this.groups = groups;
    }

    /** Closes every due reverse auction and group purchase; returns how many this run closed. */
    @Scheduled(fixedDelayString = "${sunbid.mall.close-interval:PT30S}", initialDelayString = "${sunbid.mall.close-initial-delay:PT30S}")
    public int closeDue() {
        int n = auctions.closeDue() + groups.closeDue();
        if (n > 0) {
            LOG.info("mall: {} reverse auction(s) and group purchase(s) closed at their deadline", n);
        }
        return n;
    }
}
