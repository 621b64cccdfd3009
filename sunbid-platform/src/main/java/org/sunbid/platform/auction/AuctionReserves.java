package org.sunbid.platform.auction;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.auction.domain.AuctionTerms;
import org.sunbid.platform.deals.Procedures;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.sealing.ReserveSeals;
import org.sunbid.platform.sealing.ReserveView;
import org.sunbid.platform.tendering.Tenders;

/**
 * The sealed reserve (底价) of an auction lot, the auction side (国土资源部令第39号 Art. 10, 15): the lot's owner or
 * agency sets it, where the announcement says there is one (the terms' {@code reserveSealed}), strictly before
 * RESERVE_DEADLINE before the listing's end or the auction's start (before the start where the rules give no such
 * deadline) — sealed on arrival by {@link ReserveSeals}, a later one before the deadline replacing it, none after.
 * Nothing in the auction reads the reserve before bidding ended: no bid is compared with it, so no answer, count,
 * error or timing can say whether a bid meets it. When bidding ends ({@link BiddingEnded}) sealing lets the
 * custodians release their shares; once opened, {@link ReserveOpened} is published with the amount, and at once with
 * none where no reserve was sealed.
 */
@Service
public class AuctionReserves {

    public static final String OPENED = "auction.reserve.opened";

    private final ReserveSeals seals;
    private final AuctionLots lots;
    private final Tenders tenders;
    private final Projects projects;
    private final Procedures procedures;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LiveAuctions live;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    AuctionReserves(org.springframework.jdbc.core.simple.JdbcClient jdbc, LiveAuctions live, ReserveSeals seals, AuctionLots lots, Tenders tenders, Projects projects, Procedures procedures,
            AuditLog auditLog, ApplicationEventPublisher events, Clock clock) {
        this.live = live;
        this.jdbc = jdbc;
        this.seals = seals;
        this.lots = lots;
        this.tenders = tenders;
        this.projects = projects;
        this.procedures = procedures;
        this.auditLog = auditLog;
        this.events = events;
        this.clock = clock;
    }

    /** The instant before which lot {@code terms}' reserve must be sealed. */
    public Instant deadline(AuctionTerms terms) {
        Instant end = terms.freeEnd() != null ? terms.freeEnd() : terms.biddingStart();
        String procedure = projects.procedureOfLot(terms.lotId()).orElseThrow(() -> new DomainException(AuctionError.AUCTION_NOT_FOUND));
        String region = tenders.find(terms.lotId()).map(org.sunbid.platform.tendering.TenderView::regionCode).orElse(null);
        Instant latest = procedures.rulesAt(procedure, region, clock.instant()).find(RuleKeys.RESERVE_DEADLINE)
                .map(limit -> limit.startBefore(end)).orElse(terms.biddingStart());
        return latest.isAfter(terms.biddingStart()) && terms.freeEnd() == null ? terms.biddingStart() : latest;
    }

    /**
     * The owner's side seals reserve {@code amount} (yuan, to the fen) for lot {@code lotId}. Answers the public view
     * (the envelope's SM3 and its log entry; never the amount).
     */
    public ReserveView set(UUID lotId, String amount, CurrentUser user) {
        if (!tenders.owns(lotId, user)) {
            throw new DomainException(AuctionError.AUCTION_NOT_FOUND);
        }
        AuctionTerms terms = lots.terms(lotId).orElseThrow(() -> new DomainException(AuctionError.AUCTION_NOT_FOUND));
        if (!terms.reserveSealed()) {
            throw new DomainException(AuctionError.RESERVE_NOT_ANNOUNCED);
        }
        long fen = fen(amount);
        return seals.seal(lotId, fen, deadline(terms), user);
    }

    static long fen(String amount) {
        try {
            BigDecimal yuan = Money.parse(amount).yuan();
            if (yuan.signum() <= 0 || yuan.stripTrailingZeros().scale() > 2) {
                throw new DomainException(AuctionError.INVALID_RESERVE);
            }
            return yuan.movePointRight(2).longValueExact();
        } catch (DomainException | ArithmeticException | NullPointerException e) {
            throw new DomainException(AuctionError.INVALID_RESERVE);
        }
    }

    /**
     * The lot's reserve as the public sees it: the key, the envelope's SM3 and the log entries that committed them;
     * the amount only once opened ({@code RESERVE_NOT_OPENED} for the amount-less view is not needed: it shows none).
     */
    public Map<String, Object> view(UUID lotId) {
        requirePublished(lotId);
        AuctionTerms terms = lots.terms(lotId).orElse(null);
        Optional<ReserveView> view = seals.view(lotId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lotId", lotId.toString());
        out.put("reserveAnnounced", terms != null && terms.reserveSealed());
        out.put("reserveSealed", view.map(v -> v.envelopeSm3() != null).orElse(false));
        if (terms != null) {
            out.put("deadline", deadline(terms).toString());
        }
        view.ifPresent(v -> {
            out.put("keySm3", v.keySm3());
            out.put("publicKey", v.publicKeyPem());
            out.put("keyLogSeq", v.keyLogSeq());
            out.put("threshold", v.threshold());
            out.put("envelopeSm3", v.envelopeSm3());
            out.put("envelopeLogSeq", v.envelopeLogSeq());
            out.put("sealedAt", v.sealedAt() == null ? null : v.sealedAt().toString());
            out.put("biddingEndedAt", v.biddingEndedAt() == null ? null : v.biddingEndedAt().toString());
            out.put("sharesReleased", v.sharesReleased());
            out.put("openedAt", v.openedAt() == null ? null : v.openedAt().toString());
            out.put("reserve", v.reserveFen() == null ? null : new Money(BigDecimal.valueOf(v.reserveFen(), 2)).toString());
            out.put("record", v.record());
            out.put("recordSignature", v.recordSignature());
            out.put("recordLogSeq", v.recordLogSeq());
        });
        out.put("bids", bidLines(live.bids(lotId))); // the accepted bids are public in the room as they come
        return out;
    }

    /** A lot's public sealing records exist once it is published: an unknown or draft lot is {@code AUCTION_NOT_FOUND}. */
    public void requirePublished(UUID lotId) {
        if (tenders.findPublished(lotId).isEmpty()) {
            throw new DomainException(AuctionError.AUCTION_NOT_FOUND);
        }
    }

    /** The sealed reserve's envelope (ciphertext) once opened ({@code RESERVE_NOT_OPENED} before), for verifiers. */
    public byte[] openedEnvelope(UUID lotId) {
        requirePublished(lotId);
        java.nio.file.Path file = seals.openedEnvelope(lotId).orElseThrow(() -> new DomainException(AuctionError.RESERVE_NOT_OPENED));
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The accepted bids as the log's bid entries hash them, one a line ({@code seq|bidderNumber|amountFen|receivedAt|phase},
     * part C's canonical lines), once the reserve was opened: what a verifier recomputes the outcome from.
     */
    static java.util.List<String> bidLines(java.util.List<org.sunbid.platform.auction.domain.Bid> bids) {
        return bids.stream().map(b -> b.seq() + "|" + b.bidderNumber() + "|" + b.amount() + "|" + b.receivedAt() + "|" + b.phase())
                .toList();
    }

    /** The caller's organisation's encrypted share of the lot's reserve key. */
    public String myEncryptedShare(UUID lotId, CurrentUser user) {
        requirePublished(lotId);
        return seals.myEncryptedShare(lotId, user);
    }

    /**
     * A custodian releases its share (only once bidding ended: sealing refuses before, {@code RESERVE_NOT_DUE}); when
     * this release opens the reserve, {@link ReserveOpened} is published.
     */
    @Transactional
    public Map<String, Object> releaseShare(UUID lotId, String shareJson, CurrentUser user) {
        requirePublished(lotId); // an unknown lot is not found, not "not due"
        boolean openedBefore = seals.view(lotId).map(v -> v.openedAt() != null).orElse(false);
        ReserveView after = seals.releaseShare(lotId, shareJson, user);
        if (!openedBefore && after.openedAt() != null) {
            opened(lotId, after.reserveFen(), after.openedAt(), after.recordLogSeq());
        }
        return view(lotId);
    }

    @ApplicationModuleListener
    void on(BiddingEnded ended) {
        biddingEnded(ended.lotId(), ended.endedAt());
    }

    /**
     * Bidding in lot {@code lotId} ended at {@code endedAt}: sealing lets the custodians open the reserve; where none
     * was sealed, {@link ReserveOpened} with none is published at once. Called for {@link BiddingEnded}.
     */
    @Transactional
    public void biddingEnded(UUID lotId, Instant endedAt) {
        if (!seals.biddingEnded(lotId, endedAt)) {
            opened(lotId, null, endedAt, null);
        }
    }

    private void opened(UUID lotId, Long reserveFen, Instant openedAt, Long recordLogSeq) {
        if (jdbc.sql("""
                INSERT INTO auction_reserve_published (lot_id, reserve_fen, published_at) VALUES (:l, :r, :at)
                ON CONFLICT (lot_id) DO NOTHING""").param("l", lotId).param("r", reserveFen)
                .param("at", openedAt.atOffset(java.time.ZoneOffset.UTC)).update() == 0) {
            return; // published before (a second delivery of BiddingEnded)
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("reserve", reserveFen == null ? null : new Money(BigDecimal.valueOf(reserveFen, 2)).toString());
        payload.put("openedAt", openedAt.toString());
        payload.put("recordLogSeq", recordLogSeq);
        auditLog.record(AuditRecord.of(OPENED, lotId.toString(), tenders.depositTerms(lotId).regionCode(), Actor.SYSTEM, payload));
        events.publishEvent(new ReserveOpened(lotId, reserveFen, openedAt));
    }
}
