package org.sunbid.platform.sealing;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
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

    private final JdbcClient jdbc;
    private final FileStore files;

    SupersededEnvelopes(JdbcClient jdbc, FileStore files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    private record Superseded(UUID id, String sm3) {
    }

    /** After the closing transaction has committed (a closing that rolls back releases nothing). */
    @TransactionalEventListener
    void on(BiddingClosed closed) {
        release(jdbc.sql("""
                SELECT id, envelope_sm3 FROM bid_envelope WHERE tender_id = :t AND status IN ('REPLACED', 'WITHDRAWN')""")
                .param("t", closed.tenderId()).query((rs, i) -> new Superseded(rs.getObject(1, UUID.class), rs.getString(2)))
                .list());
    }

    /** At start-up: what a stop between a closing and its release left behind (a closed tender has its opening row). */
    @EventListener(ApplicationReadyEvent.class)
    void sweep() {
        release(jdbc.sql("""
                SELECT b.id, b.envelope_sm3 FROM bid_envelope b JOIN bid_opening o ON o.tender_id = b.tender_id
                WHERE b.status IN ('REPLACED', 'WITHDRAWN')""")
                .query((rs, i) -> new Superseded(rs.getObject(1, UUID.class), rs.getString(2))).list().stream()
                .filter(s -> files.find(s.sm3()).isPresent()).toList());
    }

    private void release(List<Superseded> superseded) {
        for (Superseded s : superseded) {
            try {
                files.release(s.sm3(), Bids.fileHolder(s.id()));
            } catch (IOException | RuntimeException e) {
                log.warn("the file of superseded envelope {} stays: {}", s.id(), e.toString()); // an orphan harms nothing
            }
        }
    }
}
