package org.sunbid.platform.sealing;

import java.io.IOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.sunbid.platform.kernel.FileStore;
import org.sunbid.platform.tendering.BiddingClosed;

/**
 * Once bidding has closed, the files of replaced and withdrawn envelopes are no longer needed: they are released to the
 * file store (which removes each unless something else refers to the same bytes). Their records — hash, receipt,
 * status — stay, so the set of bids received can still be accounted for.
 */
@Component
class SupersededEnvelopes {

    private static final Logger log = LoggerFactory.getLogger(SupersededEnvelopes.class);

    private final SealedBidRepository bids;
    private final FileStore files;

    SupersededEnvelopes(SealedBidRepository bids, FileStore files) {
        this.bids = bids;
        this.files = files;
    }

    /**
     * After the closing transaction has committed (a closing that rolls back releases nothing), in the background: the
     * event publication registry keeps the event until this has run, and republishes it after a restart.
     */
    @ApplicationModuleListener
    void on(BiddingClosed closed) {
        release(bids.superseded(closed.tenderId()));
    }

    /** At start-up: what a stop between a closing and its release left behind (a closed tender has its opening row). */
    @EventListener(ApplicationReadyEvent.class)
    void sweep() {
        release(bids.supersededOfClosedTenders().stream().filter(s -> files.find(s.sm3()).isPresent()).toList());
    }

    private void release(List<SealedBidRepository.Superseded> superseded) {
        for (SealedBidRepository.Superseded s : superseded) {
            try {
                files.release(s.sm3(), Bids.fileHolder(s.id()));
            } catch (IOException | RuntimeException e) {
                log.warn("the file of superseded envelope {} stays: {}", s.id(), e.toString()); // an orphan harms nothing
            }
        }
    }
}
