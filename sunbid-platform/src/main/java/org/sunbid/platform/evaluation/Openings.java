package org.sunbid.platform.evaluation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.sunbid.crypto.CanonicalJson;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.sealing.BidOpenings;
import org.sunbid.platform.sealing.BidsOpened;
import org.sunbid.platform.sealing.OpenedBid;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evaluation's own copy of each opening (开标), taken from sealing's typed {@link BidsOpened}: the SM3 of the signed
 * record (K's seed) and every bid the record lists. The evaluation reads only this copy, never sealing's tables or the
 * record's JSON; the opening row is also the evaluation's lock row for its tender (one start at a time).
 */
@Component
class Openings {

    /** What the evaluation knows of an opening. */
    record Opening(UUID tenderId, String recordSm3, Instant openedAt, List<OpenedBid> bids) {
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;
    private final BidOpenings openings;

    Openings(JdbcClient jdbc, Clock clock, JsonMapper json, BidOpenings openings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
        this.openings = openings;
    }

    /**
     * Catches up at start on openings completed before the evaluation kept its copy (a database upgraded from a version
     * before {@link BidsOpened}, V69): each opened tender without a copy gets one rebuilt from sealing's signed record.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void catchUp() {
        List<UUID> copied = jdbc.sql("SELECT tender_id FROM evaluation_opening").query(UUID.class).list();
        for (UUID tenderId : openings.openedTenders()) {
            if (!copied.contains(tenderId)) {
                openings.replay(tenderId).ifPresent(this::on);
            }
        }
    }

    /**
     * Keeps the opening's bids. Runs after sealing's transaction committed, in its own, from the event publication
     * registry (table event_publication): a crash between the two re-delivers the event, and a second delivery changes
     * nothing.
     */
    @ApplicationModuleListener
    public void on(BidsOpened opened) {
        int inserted = jdbc.sql("""
                INSERT INTO evaluation_opening (tender_id, record_sm3, opened_at, copied_at) VALUES (:t, :s, :o, :at)
                ON CONFLICT (tender_id) DO NOTHING""")
                .param("t", opened.tenderId()).param("s", opened.recordSm3()).param("o", EvaluationStore.utc(opened.openedAt()))
                .param("at", EvaluationStore.utc(clock.instant())).update();
        if (inserted == 0) {
            return;
        }
        int position = 0;
        for (OpenedBid b : opened.bids()) {
            jdbc.sql("""
                    INSERT INTO evaluation_bid (tender_id, position, bid_id, bidder_id, bidder, opened, price, price_sheet, files,
                                                rejection)
                    VALUES (:t, :p, :b, :o, :name, :opened, :price, :sheet, :files, :rejection)""")
                    .param("t", opened.tenderId()).param("p", ++position).param("b", b.bidId()).param("o", b.bidderId())
                    .param("name", b.bidder()).param("opened", b.opened()).param("price", b.price())
                    .param("sheet", CanonicalJson.write(b.priceSheet())).param("files", CanonicalJson.write(b.files()))
                    .param("rejection", b.rejection()).update();
        }
    }

    /** The opening, once the evaluation has its copy. */
    Optional<Opening> find(UUID tenderId) {
        return jdbc.sql("SELECT record_sm3, opened_at FROM evaluation_opening WHERE tender_id = :t").param("t", tenderId)
                .query((rs, i) -> new Opening(tenderId, rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        bids(tenderId)))
                .optional();
    }

    /** Locks the tender's opening row (the evaluation's own) for this transaction; false before the copy exists. */
    boolean lock(UUID tenderId) {
        return jdbc.sql("SELECT tender_id FROM evaluation_opening WHERE tender_id = :t FOR UPDATE").param("t", tenderId)
                .query(UUID.class).optional().isPresent();
    }

    /** The opened tender's bids in the record's order; empty before the copy exists. */
    List<OpenedBid> bids(UUID tenderId) {
        return jdbc.sql("""
                SELECT bid_id, bidder_id, bidder, opened, price, price_sheet, files, rejection FROM evaluation_bid
                WHERE tender_id = :t ORDER BY position""").param("t", tenderId)
                .query((rs, i) -> {
                    BigDecimal price = rs.getBigDecimal(5);
                    return new OpenedBid(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getBoolean(4), price, json.readValue(rs.getString(6), MAP), json.readValue(rs.getString(7), NAMES),
                            rs.getString(8));
                }).list();
    }
}
