package org.sunbid.platform.auction;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.audit.ConfidentialRecords;
import org.sunbid.platform.auction.domain.BidderNumbers;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.payments.Deposits;
import org.sunbid.platform.tendering.BiddingClosed;
import org.sunbid.platform.tendering.DepositTerms;
import org.sunbid.platform.tendering.TenderStatus;
import org.sunbid.platform.tendering.Tenders;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The qualified bidders of an auction lot, each under a random bidder number (竞买号), qualified when applications
 * close (tendering's {@link BiddingClosed}, for a lot whose rules hold LIVE_BIDDING): every registration whose deposit
 * is settled (credited, or a valid guarantee; payments decides) gets a number. Who stands behind a number stays sealed
 * until {@link BiddingEnded} (国土资源部令第39号 Art. 10; 国资委 财政部令第32号 Art. 22): the identity is encrypted under
 * the auction vault's key (not in the database), found for its own bidder by a keyed MAC, and committed in public at
 * qualification by the SM3 of its salted canonical JSON ({@value #QUALIFIED}: numbers and commitments only). When
 * bidding ends each identity is disclosed in public ({@value #DISCLOSED}) with its salt, so anyone checks it against
 * the commitment, and tendering and payments disclose the registrations and deposits they held back.
 *
 * <p>A listing admits bidders while it runs (39号令 Art. 11, 17–19: applications close APPLICATION_CLOSE before the
 * listing ends): {@link #admit} numbers each applicant as soon as its deposit is settled, its commitment kept as a
 * confidential record (no public entry of its own, no count anywhere public); the close then lists every number in the
 * {@value #QUALIFIED} entry as for any lot, and the disclosure carries each admission's record with its inclusion path.
 */
@Service
public class AuctionBidders {

    public static final String QUALIFIED = "auction.bidders.qualified";
    public static final String DISCLOSED = "auction.bidders.disclosed";
    /**
     * The confidential record (audit.ConfidentialRecords, never a public entry of its own) of a bidder admitted while
     * applications are open (a listing, 39号令 Art. 17–19): its number and commitment, committed at the fixed rate.
     */
    public static final String ADMITTED = "auction.bidder.admitted";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final AuctionVault vault;
    private final Tenders tenders;
    private final Deposits deposits;
    private final Organisations organisations;
    private final AuditLog auditLog;
    private final Clock clock;
    private final JsonMapper json;
    private final ConfidentialRecords confidential;
    private final TransactionTemplate tx;
    private final QualificationCredit credit;

    AuctionBidders(JdbcClient jdbc, AuctionVault vault, Tenders tenders, Deposits deposits, Organisations organisations,
            AuditLog auditLog, Clock clock, JsonMapper json, ConfidentialRecords confidential, TransactionTemplate tx,
            QualificationCredit credit) {
        this.credit = credit;
        this.confidential = confidential;
        this.tx = tx;
        this.jdbc = jdbc;
        this.vault = vault;
        this.tenders = tenders;
        this.deposits = deposits;
        this.organisations = organisations;
        this.auditLog = auditLog;
        this.clock = clock;
        this.json = json;
    }

    /** The qualified bidders' numbers of lot {@code lotId} (empty before qualification). */
    public Set<String> numbers(UUID lotId) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(jdbc.sql(
                "SELECT bidder_number FROM auction_bidder WHERE lot_id = :l ORDER BY bidder_number")
                .param("l", lotId).query(String.class).list()));
    }

    /** Whether applications of lot {@code lotId} closed and its set of bidders is fixed (then its numbers are public). */
    public boolean qualified(UUID lotId) {
        return jdbc.sql("SELECT count(*) FROM auction_qualification WHERE lot_id = :l").param("l", lotId)
                .query(Integer.class).single() > 0;
    }

    /**
     * The signed-in bidder's own number in lot {@code lotId}, if its organisation is a qualified bidder there; while
     * applications are open, a bidder whose deposit is settled is admitted first ({@link #admit}), so it learns its
     * number at once — and nothing about anyone else's.
     */
    public Optional<String> numberOf(UUID lotId, CurrentUser user) {
        if (user == null || user.organisationId() == null) {
            return Optional.empty();
        }
        Optional<String> number = ownNumber(lotId, user.organisationId());
        if (number.isEmpty() && !admit(lotId).isEmpty()) {
            number = ownNumber(lotId, user.organisationId());
        }
        return number;
    }

    /**
     * Issue 20: for a bidder without a number, refuses with {@code CREDIT_RESTRICTED} (the records named) where a record
     * bars it from qualifying now — the reason it has none; otherwise nothing.
     */
    public void explainNoNumber(UUID lotId, CurrentUser user) {
        if (user == null || user.organisationId() == null) {
            return;
        }
        String region;
        try {
            region = tenders.depositTerms(lotId).regionCode();
        } catch (RuntimeException e) {
            return; // a draft or unknown lot: the caller's own refusal stands
        }
        credit.require(lotId, user.organisationId(), clock.instant(), region, user.actor());
    }

    private Optional<String> ownNumber(UUID lotId, UUID organisationId) {
        return jdbc.sql("SELECT bidder_number FROM auction_bidder WHERE lot_id = :l AND lookup_mac = :m")
                .param("l", lotId).param("m", lookup(lotId, organisationId)).query(String.class).optional();
    }

    /**
     * Admits, while applications of live-bidding lot {@code lotId} are open, every applicant whose deposit is settled
     * (credited, or a guarantee accepted) and who has no number yet: a listing's free bidding runs during the whole
     * listing, and applications close APPLICATION_CLOSE before its end (国土资源部令第39号 Art. 11, 17–19), so a bidder
     * becomes qualified as soon as its deposit is. Each gets a random number, its identity sealed under the vault and
     * committed as at the close — but the commitment goes to a confidential record ({@value #ADMITTED}), committed with
     * everything else pending in one public entry at a fixed rate, so the log does not show when or how many are
     * admitted. The close ({@link #qualify}) lists every number in public as before. Answers the numbers admitted now
     * (empty once applications closed, or for a lot that is not live-bidding).
     */
    public List<String> admit(UUID lotId) {
        Instant now = clock.instant();
        DepositTerms terms;
        try {
            terms = tenders.depositTerms(lotId);
        } catch (RuntimeException e) {
            return List.of(); // a draft or unknown lot
        }
        if (terms.status() != TenderStatus.PUBLISHED || !now.isBefore(terms.bidDeadline()) || !tenders.liveBidding(lotId, now)) {
            return List.of();
        }
        return tx.execute(s -> {
            lock(lotId);
            if (qualified(lotId)) {
                return List.<String>of();
            }
            Map<String, String> existing = existing(lotId);
            List<UUID> pending = new ArrayList<>();
            for (UUID bidder : deposits.settledSoFar(lotId)) {
                if (!existing.containsKey(lookup(lotId, bidder))) {
                    pending.add(bidder);
                }
            }
            pending.removeAll(credit.barred(lotId, pending, now, terms.regionCode())); // issue 20: not numbered while barred
            Collections.shuffle(pending, AuctionVault.RANDOM);
            Set<String> taken = new java.util.HashSet<>(existing.values());
            List<String> admitted = new ArrayList<>();
            for (UUID bidder : pending) {
                Sealed r = seal(lotId, bidder, draw(taken));
                UUID recordId = UUID.randomUUID();
                confidential.record(recordId, AuditRecord.of(ADMITTED, lotId.toString(), terms.regionCode(), Actor.SYSTEM,
                        Map.of("bidderNumber", r.number(), "commitment", r.commitment())));
                jdbc.sql("""
                        INSERT INTO auction_bidder (lot_id, bidder_number, lookup_mac, sealed_identity, commitment, admitted_at, record_id)
                        VALUES (:l, :n, :m, :s, :c, :at, :r)""")
                        .param("l", lotId).param("n", r.number()).param("m", r.lookup()).param("s", r.identity())
                        .param("c", r.commitment()).param("at", utc(now)).param("r", recordId).update();
                admitted.add(r.number());
            }
            return admitted;
        });
    }

    /** Numbered so far: lookup MAC → number. */
    private Map<String, String> existing(UUID lotId) {
        Map<String, String> out = new LinkedHashMap<>();
        jdbc.sql("SELECT lookup_mac, bidder_number FROM auction_bidder WHERE lot_id = :l").param("l", lotId)
                .query((rs, i) -> out.put(rs.getString(1), rs.getString(2))).list();
        return out;
    }

    private static String draw(Set<String> taken) {
        String number;
        do {
            number = BidderNumbers.draw(1, AuctionVault.RANDOM).get(0);
        } while (!taken.add(number));
        return number;
    }

    private void lock(UUID lotId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", "auction-bidders:" + lotId)
                .query((rs, i) -> 1).list();
    }

    private record Sealed(String number, String lookup, byte[] identity, String commitment) {
    }

    private Sealed seal(UUID lotId, UUID bidder, String number) {
        byte[] salt = new byte[16];
        AuctionVault.RANDOM.nextBytes(salt);
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("lotId", lotId.toString());
        identity.put("bidderNumber", number);
        identity.put("bidderId", bidder.toString());
        identity.put("salt", HexFormat.of().formatHex(salt));
        String canonical = CanonicalJson.write(identity);
        return new Sealed(number, lookup(lotId, bidder),
                vault.seal(canonical.getBytes(StandardCharsets.UTF_8), context(lotId, number)), Sm3.hex(canonical));
    }

    @ApplicationModuleListener
    void on(BiddingClosed closed) {
        qualify(closed.tenderId());
    }

    /**
     * Qualifies the bidders of live-bidding lot {@code lotId} once applications closed (what {@link BiddingClosed}
     * triggers; again changes nothing). Answers how many were qualified (0 for a lot that is not live-bidding).
     */
    @Transactional
    public int qualify(UUID lotId) {
        lock(lotId);
        Optional<Integer> done = jdbc.sql("SELECT bidders FROM auction_qualification WHERE lot_id = :l").param("l", lotId)
                .query(Integer.class).optional();
        if (done.isPresent()) {
            return done.get();
        }
        Instant now = clock.instant();
        if (!tenders.liveBidding(lotId, now)) {
            return 0;
        }
        // those admitted during the listing keep their numbers; the others with a settled deposit get one now
        Map<String, String> existing = existing(lotId);
        List<UUID> bidders = new ArrayList<>();
        for (UUID bidder : deposits.settledBidders(lotId)) {
            if (!existing.containsKey(lookup(lotId, bidder))) {
                bidders.add(bidder);
            }
        }
        // issue 20: a bidder barred at the close of applications is not qualified (its refusal a confidential record)
        bidders.removeAll(credit.barred(lotId, bidders, now, tenders.depositTerms(lotId).regionCode()));
        Collections.shuffle(bidders, AuctionVault.RANDOM); // no row order says who registered first
        Set<String> taken = new java.util.HashSet<>(existing.values());
        List<Sealed> rows = new ArrayList<>();
        for (UUID bidder : bidders) {
            rows.add(seal(lotId, bidder, draw(taken)));
        }
        record Numbered(String number, String commitment) {
        }
        List<Numbered> all = new ArrayList<>();
        rows.forEach(r -> all.add(new Numbered(r.number(), r.commitment())));
        jdbc.sql("SELECT bidder_number, commitment FROM auction_bidder WHERE lot_id = :l").param("l", lotId)
                .query((rs, i) -> all.add(new Numbered(rs.getString(1), rs.getString(2)))).list();
        List<Map<String, Object>> logged = all.stream().sorted(java.util.Comparator.comparing(Numbered::number))
                .map(r -> Map.<String, Object>of("bidderNumber", r.number(), "commitment", r.commitment())).toList();
        String region = tenders.depositTerms(lotId).regionCode();
        long seq = auditLog.append(AuditRecord.of(QUALIFIED, lotId.toString(), region, Actor.SYSTEM,
                Map.of("count", all.size(), "bidders", logged,
                        "commitment", "SM3 of the canonical JSON {bidderId, bidderNumber, lotId, salt}, disclosed when bidding ends"))).seq();
        jdbc.sql("INSERT INTO auction_qualification (lot_id, qualified_at, bidders, log_seq) VALUES (:l, :at, :n, :seq)")
                .param("l", lotId).param("at", utc(now)).param("n", all.size()).param("seq", seq).update();
        for (Sealed r : rows) {
            jdbc.sql("""
                    INSERT INTO auction_bidder (lot_id, bidder_number, lookup_mac, sealed_identity, commitment)
                    VALUES (:l, :n, :m, :s, :c)""")
                    .param("l", lotId).param("n", r.number()).param("m", r.lookup()).param("s", r.identity())
                    .param("c", r.commitment()).update();
        }
        return all.size();
    }

    @ApplicationModuleListener
    void on(BiddingEnded ended) {
        disclose(ended.lotId());
    }

    /** One bidder number's identity, disclosed once bidding ended. */
    public record Disclosed(String bidderNumber, UUID bidderId, String bidder, String identity, String commitment) {
    }

    /**
     * Discloses who stood behind each number of lot {@code lotId} in a public log entry, and has tendering and
     * payments disclose the registrations and deposits they held back; once (again changes nothing). Called when
     * bidding ended ({@link BiddingEnded}).
     */
    @Transactional
    public List<Disclosed> disclose(UUID lotId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", "auction-bidders:" + lotId)
                .query((rs, i) -> 1).list();
        if (jdbc.sql("SELECT count(*) FROM auction_qualification WHERE lot_id = :l").param("l", lotId).query(Integer.class).single() == 0) {
            return List.of();
        }
        List<Disclosed> out = unsealed(lotId);
        if (jdbc.sql("SELECT count(*) FROM auction_bidders_disclosure WHERE lot_id = :l").param("l", lotId)
                .query(Integer.class).single() > 0) {
            return out;
        }
        Map<String, UUID> admissions = new LinkedHashMap<>();
        jdbc.sql("SELECT bidder_number, record_id FROM auction_bidder WHERE lot_id = :l AND record_id IS NOT NULL")
                .param("l", lotId).query((rs, i) -> admissions.put(rs.getString(1), rs.getObject(2, UUID.class))).list();
        List<Map<String, Object>> logged = out.stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bidderNumber", d.bidderNumber());
            m.put("bidderId", d.bidderId().toString());
            m.put("bidder", d.bidder());
            m.put("identity", d.identity());
            m.put("commitment", d.commitment());
            UUID admission = admissions.get(d.bidderNumber());
            if (admission != null) { // admitted during the listing: its confidential record, checkable against the root
                confidential.disclosure(admission).ifPresent(x -> m.put("admission", x.toMap()));
            }
            return m;
        }).toList();
        String region = tenders.depositTerms(lotId).regionCode();
        long seq = auditLog.append(AuditRecord.of(DISCLOSED, lotId.toString(), region, Actor.SYSTEM,
                Map.of("count", out.size(), "bidders", logged))).seq();
        jdbc.sql("INSERT INTO auction_bidders_disclosure (lot_id, disclosed_at, log_seq) VALUES (:l, :at, :seq)")
                .param("l", lotId).param("at", utc(clock.instant())).param("seq", seq).update();
        tenders.discloseRegistrations(lotId);
        deposits.discloseDeferred(lotId);
        return out;
    }

    /** Who stood behind each number of lot {@code lotId}: public once disclosed, empty before. */
    public List<Disclosed> disclosed(UUID lotId) {
        if (jdbc.sql("SELECT count(*) FROM auction_bidders_disclosure WHERE lot_id = :l").param("l", lotId)
                .query(Integer.class).single() == 0) {
            return List.of();
        }
        return unsealed(lotId);
    }

    /**
     * How many bidders lot {@code lotId} had, once their identities are disclosed (bidding ended): what the disclosure
     * lists, counted without opening the vault; empty before, so that nothing counts a live lot's bidders (statistics,
     * issue 18).
     */
    public java.util.OptionalInt disclosedCount(UUID lotId) {
        if (jdbc.sql("SELECT count(*) FROM auction_bidders_disclosure WHERE lot_id = :l").param("l", lotId)
                .query(Integer.class).single() == 0) {
            return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.of(jdbc.sql("SELECT count(*) FROM auction_bidder WHERE lot_id = :l").param("l", lotId)
                .query(Integer.class).single());
    }

    private List<Disclosed> unsealed(UUID lotId) {
        record Row(String number, byte[] sealed, String commitment) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT bidder_number, sealed_identity, commitment FROM auction_bidder WHERE lot_id = :l ORDER BY bidder_number""")
                .param("l", lotId).query((rs, i) -> new Row(rs.getString(1), rs.getBytes(2), rs.getString(3))).list();
        List<Disclosed> out = new ArrayList<>();
        for (Row r : rows) {
            String identity = new String(vault.open(r.sealed(), context(lotId, r.number())), StandardCharsets.UTF_8);
            UUID bidderId = UUID.fromString((String) json.readValue(identity, MAP).get("bidderId"));
            out.add(new Disclosed(r.number(), bidderId, organisations.find(bidderId).map(Organisation::name).orElse(null),
                    identity, r.commitment()));
        }
        return out;
    }

    private String lookup(UUID lotId, UUID organisationId) {
        return vault.index("auction.bidder:" + lotId + ":" + organisationId);
    }

    private static String context(UUID lotId, String number) {
        return "auction.bidder:" + lotId + ":" + number;
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    /**
     * The organisation behind bidder number {@code bidderNumber} of lot {@code lotId}, once the identities are disclosed
     * (bidding ended); empty before, or for a number nobody holds. (Part F: the result names the winner.)
     */
    public Optional<UUID> organisationOf(UUID lotId, String bidderNumber) {
        return disclosed(lotId).stream().filter(d -> d.bidderNumber().equals(bidderNumber)).map(Disclosed::bidderId).findFirst();
    }
}
