package org.sunbid.platform.mall;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.mall.domain.Comparison;

/**
 * What reverse auctions ({@link ReverseAuctions}) and group purchases ({@link GroupPurchases}) share as sealed
 * competitive offers (密封竞价): the stored offers, the close of every one past its deadline, each exactly once under its
 * row's lock, the one eligibility rule at the close, and the offers kept sealed until then. The two services keep what
 * differs: their terms, their aggregates and what an award makes (one order, or one per buyer).
 */
@Component
class SealedBidding {

    private static final Logger LOG = LoggerFactory.getLogger(SealedBidding.class);

    /** The two kinds of competition and their tables (fixed statements: nothing is assembled from input). */
    enum Kind {
        REVERSE_AUCTION(
                "SELECT id FROM mall_reverse_auction WHERE status = 'OPEN' AND closes_at <= :now ORDER BY closes_at, id",
                "SELECT id FROM mall_reverse_auction WHERE id = :id FOR UPDATE",
                "SELECT id FROM mall_reverse_auction WHERE id = :id AND status = 'OPEN' AND closes_at <= :now FOR UPDATE",
                """
                SELECT b.listing_id, b.supplier_id, b.unit_price, b.received_at, b.supplier_name, l.product_name, b.id, b.sealed_price
                  FROM mall_reverse_bid b JOIN mall_listing l ON l.id = b.listing_id
                 WHERE b.auction_id = :id AND (CAST(:s AS uuid) IS NULL OR b.supplier_id = :s) ORDER BY b.received_at, b.id""",
                """
                INSERT INTO mall_reverse_bid (id, auction_id, supplier_id, supplier_name, listing_id, sealed_price, received_at)
                VALUES (:id, :c, :s, :sn, :l, :sealed, :at)"""),
        GROUP_PURCHASE(
                "SELECT id FROM mall_group_purchase WHERE status = 'OPEN' AND closes_at <= :now ORDER BY closes_at, id",
                "SELECT id FROM mall_group_purchase WHERE id = :id FOR UPDATE",
                "SELECT id FROM mall_group_purchase WHERE id = :id AND status = 'OPEN' AND closes_at <= :now FOR UPDATE",
                """
                SELECT q.listing_id, q.supplier_id, q.unit_price, q.received_at, q.supplier_name, l.product_name, q.id, q.sealed_price
                  FROM mall_group_quote q JOIN mall_listing l ON l.id = q.listing_id
                 WHERE q.group_id = :id AND (CAST(:s AS uuid) IS NULL OR q.supplier_id = :s) ORDER BY q.received_at, q.id""",
                """
                INSERT INTO mall_group_quote (id, group_id, supplier_id, supplier_name, listing_id, sealed_price, received_at)
                VALUES (:id, :c, :s, :sn, :l, :sealed, :at)""");

        private final String due;
        private final String lock;
        private final String lockDue;
        private final String offers;
        private final String insert;

        Kind(String due, String lock, String lockDue, String offers, String insert) {
            this.due = due;
            this.lock = lock;
            this.lockDue = lockDue;
            this.offers = offers;
            this.insert = insert;
        }
    }

    /** One stored bid or quote with the names shown beside it after the close. */
    record StoredOffer(Comparison.Quote quote, String supplierName, String productName) {

        OfferView view(boolean won) {
            return new OfferView(supplierName, productName, quote.unitPrice(), quote.at(), won);
        }
    }

    /** Closes one competition whose row this transaction has locked and found due; its state is read after the lock. */
    @FunctionalInterface
    interface Closer {
        void close(UUID id);
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Listings listings;
    private final TransactionTemplate tx;
    private final BidVault vault;

    SealedBidding(JdbcClient jdbc, Clock clock, Listings listings, PlatformTransactionManager transactions, BidVault vault) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.listings = listings;
        this.tx = new TransactionTemplate(transactions);
        this.vault = vault;
    }

    /**
     * Closes every competition of {@code kind} past its deadline, each in its own transaction (or the caller's, when one
     * is running); returns how many this call closed. Outside a caller's transaction one that fails to close is logged
     * and left for the next sweep, so that it cannot hold up the others.
     */
    int closeDue(Kind kind, Closer closer) {
        List<UUID> due = jdbc.sql(kind.due).param("now", Listings.utc(clock.instant())).query(UUID.class).list();
        boolean joined = TransactionSynchronizationManager.isActualTransactionActive();
        int n = 0;
        for (UUID id : due) {
            try {
                if (Boolean.TRUE.equals(tx.execute(s -> closeIfDue(kind, id, closer)))) {
                    n++;
                }
            } catch (RuntimeException e) {
                if (joined) {
                    throw e;
                }
                LOG.error("mall: closing {} {} failed; the next sweep tries again", kind, id, e);
            }
        }
        return n;
    }

    /**
     * Closes the competition if it is open and past its deadline, under its row's lock: a second close waits for the
     * first and then finds it closed, so each closes once (one order) whoever asks at the same time. The caller's
     * transaction holds the lock until it commits. Returns whether this call closed it.
     */
    boolean closeIfDue(Kind kind, UUID id, Closer closer) {
        boolean due = jdbc.sql(kind.lockDue).param("id", id).param("now", Listings.utc(clock.instant())).query(UUID.class).optional()
                .isPresent();
        if (due) {
            closer.close(id);
        }
        return due;
    }

    /**
     * A read's close: if the competition as read is open past its close, closes it first ({@link #closeIfDue}); returns
     * whether it was past its close (and must be read again).
     */
    boolean closeIfPast(Kind kind, UUID id, BiddingStatus status, Instant closesAt, Closer closer) {
        if (status != BiddingStatus.OPEN || clock.instant().isBefore(closesAt)) {
            return false;
        }
        closeIfDue(kind, id, closer);
        return true;
    }

    /** Locks the competition's row until the caller's transaction ends; whether it exists. */
    boolean lock(Kind kind, UUID id) {
        return jdbc.sql(kind.lock).param("id", id).query(UUID.class).optional().isPresent();
    }

    /** The close's own check that the row went from open to its outcome in this transaction, exactly once. */
    static void requireClosedOnce(int updated, UUID id) {
        if (updated != 1) {
            throw new IllegalStateException("competition " + id + " was not open at its close");
        }
    }

    /** A bid or quote stands at the close if its listing is still approved and its supplier unrestricted then. */
    boolean stillEligible(Comparison.Quote q, Instant at) {
        return listings.find(q.listingId()).map(ListingView::orderable).orElse(false) && listings.unrestricted(q.supplierId(), at);
    }

    /** The eligibility at the close, at the clock's time. */
    Predicate<Comparison.Quote> eligibleNow() {
        Instant now = clock.instant();
        return q -> stillEligible(q, now);
    }

    /**
     * Every stored bid or quote of one competition, opened, in the order received: for its close and, once it is closed,
     * for showing.
     */
    List<StoredOffer> offers(Kind kind, UUID id) {
        return read(kind, id, null);
    }

    /**
     * The stored offers a reader may see opened: all once the competition is closed; before that a supplier's own only
     * ({@code supplierId}, null for anyone else, who sees none). Nobody else's amount is opened before the close.
     */
    List<StoredOffer> visible(Kind kind, UUID id, BiddingStatus status, UUID supplierId) {
        if (status != BiddingStatus.OPEN) {
            return read(kind, id, null);
        }
        return supplierId == null ? List.of() : read(kind, id, supplierId);
    }

    private List<StoredOffer> read(Kind kind, UUID id, UUID supplierId) {
        return jdbc.sql(kind.offers).param("id", id).param("s", supplierId, java.sql.Types.OTHER)
                .query((rs, n) -> {
                    UUID listing = rs.getObject(1, UUID.class);
                    UUID supplier = rs.getObject(2, UUID.class);
                    BigDecimal plain = rs.getBigDecimal(3); // stored before the amounts were sealed (V520)
                    BigDecimal price = plain != null ? plain : vault.open(id, rs.getObject(7, UUID.class), supplier, listing, rs.getBytes(8));
                    return new StoredOffer(new Comparison.Quote(listing, supplier, price, rs.getObject(4, OffsetDateTime.class).toInstant()),
                            rs.getString(5), rs.getString(6));
                }).list();
    }

    /** Stores a bid or quote (already checked by the aggregate), its amount sealed under the competition's key. */
    void store(Kind kind, UUID competitionId, UUID supplierId, ListingView listing, BigDecimal unitPrice, Instant at) {
        UUID offerId = UUID.randomUUID();
        jdbc.sql(kind.insert).param("id", offerId).param("c", competitionId).param("s", supplierId).param("sn", listing.supplierName())
                .param("l", listing.id()).param("sealed", vault.seal(competitionId, offerId, supplierId, listing.id(), unitPrice))
                .param("at", Listings.utc(at)).update();
    }

    /**
     * The offers after the close: each supplier's last one, from the winner down; the first that {@code won} accepts is
     * marked the winner.
     */
    static List<OfferView> ranked(List<StoredOffer> stored, Predicate<StoredOffer> won) {
        Map<UUID, StoredOffer> last = new LinkedHashMap<>();
        stored.forEach(o -> last.put(o.quote().supplierId(), o));
        List<OfferView> offers = new ArrayList<>();
        boolean wonGiven = false;
        for (StoredOffer o : last.values().stream().sorted(Comparator.comparing(StoredOffer::quote, Comparison.ORDER)).toList()) {
            boolean w = !wonGiven && won.test(o);
            wonGiven |= w;
            offers.add(o.view(w));
        }
        return offers;
    }

    /** The audit's list of standing offers at the close. */
    static List<String> standing(List<Comparison.Quote> standing) {
        return standing.stream().map(q -> q.supplierId() + "=" + q.unitPrice().toPlainString()).toList();
    }

    /**
     * The offers once closed; before the close a refusal that is the same whoever asks and however many offers there
     * are.
     */
    static List<OfferView> unsealed(BiddingStatus status, Instant closesAt, List<OfferView> offers) {
        if (status == BiddingStatus.OPEN) {
            throw new DomainException(MallError.MALL_BIDS_SEALED, ReverseAuctions.minute(closesAt));
        }
        return offers;
    }
}
