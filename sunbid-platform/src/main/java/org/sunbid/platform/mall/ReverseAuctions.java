package org.sunbid.platform.mall;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.catalog.Calendars;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.mall.domain.Comparison;
import org.sunbid.platform.mall.domain.ReverseAuction;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reverse auctions (反向竞价/反拍) in the mall (issue 22, domain-2 §5): a budget unit asks for a quantity of one item —
 * a category and the specification values it needs — at no more than a ceiling, itself at most the lowest price listed
 * by a qualifying listing; suppliers with an approved qualifying listing and no credit restriction bid down, sealed,
 * until the close ({@link ReverseAuction}); the lowest standing bid of a still eligible supplier wins and becomes an
 * ordinary mall order ({@link MallOrders#placeAwarded}). The rule data (least suppliers, decrement, window) is the
 * region's dated {@link BiddingRule}.
 *
 * <p>The close is at the deadline: a scheduled sweep ({@link MallDeadlines}) closes every auction past it, and whoever
 * reads after {@code closesAt} before the sweep has run closes it first; either way under the auction's row lock, once,
 * with the clock's time ({@link SealedBidding}). Nothing before the close
 * tells anyone but the bidder itself about a bid: not the views, not the refusals, not the audit log (bids are audited
 * at the close, all together), not the database (the amounts are stored sealed, {@link BidVault}, and only the bidder's
 * own are opened before the close).
 */
@Service
public class ReverseAuctions {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String SELECT = """
            SELECT a.*, c.name AS category_name, c.item_code, c.unit, o.order_no
              FROM mall_reverse_auction a JOIN mall_category c ON c.id = a.category_id
              LEFT JOIN mall_order o ON o.id = a.order_id""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;
    private final MallCatalogue catalogue;
    private final Listings listings;
    private final MallOrders orders;
    private final Organisations organisations;
    private final Calendars calendars;
    private final JsonMapper json;
    private final SealedBidding sealed;

    ReverseAuctions(JdbcClient jdbc, Clock clock, AuditLog log, MallCatalogue catalogue, Listings listings, MallOrders orders,
            Organisations organisations, Calendars calendars, JsonMapper json, SealedBidding sealed) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
        this.catalogue = catalogue;
        this.listings = listings;
        this.orders = orders;
        this.organisations = organisations;
        this.calendars = calendars;
        this.json = json;
        this.sealed = sealed;
    }

    /**
     * A buyer's reverse auction: the item (category and the specification values needed), the quantity, the ceiling
     * (default: the lowest listed qualifying price), the decrement (default: the rule's least), the close (default: the
     * earliest the rule allows) and the payment term of the order.
     */
    public record Opening(UUID categoryId, Map<String, String> specs, Integer quantity, BigDecimal ceiling, BigDecimal decrement,
                          Instant closesAt, Integer paymentDays) {
    }

    /** A supplier's bid: its qualifying listing and the unit price. */
    public record BidInput(UUID listingId, BigDecimal unitPrice) {
    }

    @Transactional
    public ReverseAuctionView open(Opening in, CurrentUser user) {
        Organisation buyer = buyerOf(user);
        if (in == null || in.categoryId() == null) {
            throw new DomainException(MallError.MALL_FIELD_INVALID, "categoryId");
        }
        Map<String, String> specs = specs(in.specs());
        int quantity = MallOrders.quantity(in.quantity());
        int days = MallOrders.paymentDays(in.paymentDays());
        Instant now = clock.instant();
        LocalDate today = catalogue.today();
        MallRule rule = catalogue.ruleAt(buyer.regionCode(), today)
                .orElseThrow(() -> new DomainException(MallError.MALL_NO_RULE, buyer.regionCode(), today));
        BiddingRule bidding = catalogue.biddingRuleAt(buyer.regionCode(), today)
                .orElseThrow(() -> new DomainException(MallError.MALL_NO_RULE, buyer.regionCode(), today));
        Pricing pricing = pricing(in.categoryId(), specs, in.ceiling(), bidding);
        BigDecimal total = pricing.ceiling().multiply(BigDecimal.valueOf(quantity));
        if (rule.need(total) == MallRule.Need.OVER_CAP) {
            throw new DomainException(MallError.MALL_ORDER_CAP_EXCEEDED, Listings.yuan(total), Listings.yuan(rule.orderCap()), rule.basis());
        }
        BigDecimal least = bidding.minDecrement(pricing.ceiling());
        BigDecimal decrement = in.decrement() == null ? least : in.decrement();
        if (decrement.compareTo(least) < 0 || decrement.compareTo(pricing.ceiling()) >= 0 || decrement.stripTrailingZeros().scale() > 2) {
            throw new DomainException(MallError.MALL_FIELD_INVALID, "decrement（不低于 " + Listings.yuan(least) + " 元，低于最高限价）");
        }
        Instant earliest = earliestClose(now, bidding.minWindowWorkingDays());
        Instant closesAt = withinAYear(in.closesAt() == null ? earliest : in.closesAt(), now, "closesAt");
        if (closesAt.isBefore(earliest) || !closesAt.isAfter(now)) {
            throw new DomainException(MallError.MALL_WINDOW_TOO_SHORT, minute(earliest), bidding.minWindowWorkingDays());
        }
        // the aggregate checks the terms' own consistency
        new ReverseAuction.Terms(quantity, pricing.ceiling(), decrement, now, closesAt, bidding.minBidders());
        UUID id = UUID.randomUUID();
        String no = "FP" + today.toString().replace("-", "") + "-" + id.toString().substring(0, 8).toUpperCase(Locale.ROOT);
        jdbc.sql("""
                INSERT INTO mall_reverse_auction (id, auction_no, buyer_id, buyer_name, region_code, category_id, specs, quantity,
                    ceiling, decrement, opens_at, closes_at, min_bidders, payment_days, rule_basis, status, created_by, created_at)
                VALUES (:id, :no, :b, :bn, :region, :c, CAST(:specs AS jsonb), :q, :ceiling, :dec, :opens, :closes, :min, :days,
                    :basis, 'OPEN', :by, :opens)""")
                .param("id", id).param("no", no).param("b", buyer.id()).param("bn", buyer.name()).param("region", buyer.regionCode())
                .param("c", in.categoryId()).param("specs", json.writeValueAsString(specs)).param("q", quantity)
                .param("ceiling", pricing.ceiling()).param("dec", decrement).param("opens", Listings.utc(now))
                .param("closes", Listings.utc(closesAt)).param("min", bidding.minBidders()).param("days", days)
                .param("basis", bidding.basis()).param("by", user.username()).update();
        log.record(AuditRecord.of("mall.reverse-auction.opened", id.toString(), buyer.regionCode(), user.actor(),
                Map.of("auctionNo", no, "categoryId", in.categoryId().toString(), "quantity", quantity,
                        "ceiling", pricing.ceiling().toPlainString(), "decrement", decrement.toPlainString(),
                        "closesAt", closesAt.toString(), "rule", bidding.basis())));
        return view(row(id).orElseThrow(), user);
    }

    /** A supplier bids down; the answer shows its own bids only. */
    @Transactional
    public ReverseAuctionView bid(UUID id, BidInput in, CurrentUser user) {
        if (user == null || user.role() != Role.BIDDER || user.organisationId() == null) {
            throw new DomainException(MallError.MALL_FORBIDDEN, "供应商");
        }
        Row row = locked(id).orElseThrow(() -> new DomainException(MallError.MALL_BIDDING_NOT_FOUND));
        // its own bids only: nobody else's amount is opened before the close
        ReverseAuction auction = aggregate(row, sealed.visible(SealedBidding.Kind.REVERSE_AUCTION, id, row.status(), user.organisationId()));
        if (auction.dueToClose()) {
            throw closed(row); // the next read closes it (a refusal rolls back whatever this transaction did)
        }
        if (in == null || in.listingId() == null || in.unitPrice() == null) {
            throw new DomainException(MallError.MALL_FIELD_INVALID, "listingId, unitPrice");
        }
        Instant now = clock.instant();
        requireEligible(row.categoryId(), row.specs(), in.listingId(), user.organisationId(), now);
        ReverseAuction.Decision d = auction.bid(user.organisationId(), in.listingId(), in.unitPrice());
        if (!d.accepted()) {
            throw switch (d.refusal()) {
                case NOT_OPEN, CLOSED -> closed(row);
                case MALFORMED -> new DomainException(MallError.MALL_FIELD_INVALID, "unitPrice（正数，精确到分）");
                case TOO_HIGH -> new DomainException(MallError.MALL_BID_TOO_HIGH, Listings.yuan(in.unitPrice()),
                        Listings.yuan(d.limit()), Listings.yuan(row.decrement()));
            };
        }
        sealed.store(SealedBidding.Kind.REVERSE_AUCTION, id, user.organisationId(), listings.find(in.listingId()).orElseThrow(),
                d.bid().unitPrice(), d.bid().at());
        return view(row, user);
    }

    /** Every reverse auction, newest first (those past their close are closed first). */
    @Transactional
    public List<ReverseAuctionView> list(CurrentUser user) {
        closeDue();
        return jdbc.sql(SELECT + " ORDER BY a.opens_at DESC, a.id LIMIT 200").query(this::map).list().stream()
                .map(r -> view(r, user)).toList();
    }

    /** One auction (closed first if past its close). */
    @Transactional
    public Optional<ReverseAuctionView> find(UUID id, CurrentUser user) {
        Optional<Row> row = row(id);
        if (row.isPresent() && sealed.closeIfPast(SealedBidding.Kind.REVERSE_AUCTION, id, row.get().status(), row.get().closesAt(), this::close)) {
            row = row(id);
        }
        return row.map(r -> view(r, user));
    }

    /**
     * The offers: after the close, each supplier's standing bid from the winner down; before it a refusal that is the
     * same whoever asks and however many bids there are.
     */
    @Transactional
    public List<OfferView> offers(UUID id, CurrentUser user) {
        ReverseAuctionView v = find(id, user).orElseThrow(() -> new DomainException(MallError.MALL_BIDDING_NOT_FOUND));
        return SealedBidding.unsealed(v.status(), v.closesAt(), v.offers());
    }

    /**
     * Closes every auction past its close, each once ({@link SealedBidding#closeDue}); returns how many this call closed.
     * Not itself transactional: each close commits on its own unless the caller's transaction is running.
     */
    public int closeDue() {
        return sealed.closeDue(SealedBidding.Kind.REVERSE_AUCTION, this::close);
    }

    /** Closes the auction whose row the caller has locked and found due. */
    private void close(UUID id) {
        Row row = row(id).orElseThrow();
        ReverseAuction auction = aggregate(row, sealed.offers(SealedBidding.Kind.REVERSE_AUCTION, id));
        Instant now = clock.instant();
        ReverseAuction.Outcome outcome = auction.close(sealed.eligibleNow());
        UUID orderId = null;
        String orderNo = null;
        if (outcome.status() == ReverseAuction.Status.AWARDED) {
            Comparison.Quote w = outcome.winner();
            OrderView order = orders.placeAwarded(row.buyerId(), w.listingId(), row.quantity(), w.unitPrice(),
                    OrderMode.REVERSE_AUCTION, row.paymentDays());
            orderId = order.id();
            orderNo = order.orderNo();
        }
        SealedBidding.requireClosedOnce(jdbc.sql("UPDATE mall_reverse_auction SET status = :s, closed_at = :now, order_id = :o,"
                        + " failure_reason = :f WHERE id = :id AND status = 'OPEN'")
                .param("s", outcome.status().name()).param("now", Listings.utc(now)).param("o", orderId)
                .param("f", outcome.failure()).param("id", row.id()).update(), row.id());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("auctionNo", row.auctionNo());
        detail.put("status", outcome.status().name());
        detail.put("validSuppliers", outcome.validSuppliers());
        detail.put("bids", auction.bids().size());
        detail.put("standing", SealedBidding.standing(outcome.standing()));
        if (orderNo != null) {
            detail.put("orderNo", orderNo);
            detail.put("unitPrice", outcome.winner().unitPrice().toPlainString());
        } else {
            detail.put("failure", outcome.failure());
        }
        log.record(AuditRecord.of("mall.reverse-auction.closed", row.id().toString(), row.regionCode(), Actor.SYSTEM, detail));
    }

    /** The listing must be the supplier's own, approved and meeting the item; the supplier unrestricted now. */
    void requireEligible(UUID categoryId, Map<String, String> specs, UUID listingId, UUID supplierId, Instant at) {
        boolean qualifies = listings.qualifying(categoryId, specs).stream()
                .anyMatch(l -> l.id().equals(listingId) && l.supplierId().equals(supplierId));
        if (!qualifies) {
            throw new DomainException(MallError.MALL_NOT_ELIGIBLE, String.valueOf(listingId));
        }
        listings.requireUnrestricted(supplierId, at);
    }

    /** The ceiling of a competition for an item: at most the lowest listed qualifying price, enough suppliers listing it. */
    record Pricing(BigDecimal ceiling, BigDecimal lowestListed, int suppliers) {
    }

    Pricing pricing(UUID categoryId, Map<String, String> specs, BigDecimal asked, BiddingRule bidding) {
        List<ListingView> qualifying = listings.qualifying(categoryId, specs);
        int suppliers = (int) qualifying.stream().map(ListingView::supplierId).distinct().count();
        if (suppliers < bidding.minBidders()) {
            throw new DomainException(MallError.MALL_SUPPLIERS_TOO_FEW, bidding.minBidders(), suppliers);
        }
        BigDecimal lowest = qualifying.stream().map(ListingView::price).min(Comparator.naturalOrder()).orElseThrow();
        BigDecimal ceiling = asked == null ? lowest : asked;
        if (ceiling.signum() <= 0 || ceiling.stripTrailingZeros().scale() > 2) {
            throw new DomainException(MallError.MALL_FIELD_INVALID, "ceiling（正数，精确到分）");
        }
        if (ceiling.compareTo(lowest) > 0) {
            throw new DomainException(MallError.MALL_CEILING_ABOVE_LISTED, Listings.yuan(ceiling), Listings.yuan(lowest));
        }
        return new Pricing(ceiling.setScale(2), lowest, suppliers);
    }

    /** The earliest close: {@code days} working days after today (Beijing), at the same time of day. */
    Instant earliestClose(Instant now, int days) {
        ZonedDateTime local = now.atZone(MallCatalogue.BEIJING);
        LocalDate day = calendars.workingDays().plus(local.toLocalDate(), days);
        return day.atTime(local.toLocalTime()).atZone(MallCatalogue.BEIJING).toInstant();
    }

    /** A deadline no more than a year ahead (a mall purchase is no long procedure; and the calendar stays finite). */
    static Instant withinAYear(Instant at, Instant now, String field) {
        if (at.isAfter(now.plus(java.time.Duration.ofDays(366)))) {
            throw new DomainException(MallError.MALL_FIELD_INVALID, field + "（一年以内）");
        }
        return at;
    }

    static String minute(Instant at) {
        return MINUTE.format(at.atZone(MallCatalogue.BEIJING));
    }

    static Map<String, String> specs(Map<String, String> in) {
        Map<String, String> out = new LinkedHashMap<>();
        if (in != null) {
            in.forEach((k, v) -> {
                if (k != null && !k.isBlank() && v != null && !v.isBlank()) {
                    out.put(k.strip(), v.strip());
                }
            });
        }
        return out;
    }

    private DomainException closed(Row row) {
        return new DomainException(MallError.MALL_BIDDING_CLOSED, minute(row.opensAt()), minute(row.closesAt()),
                row.status() == BiddingStatus.OPEN && clock.instant().isBefore(row.closesAt()) ? "进行中" : "已截止");
    }

    private Organisation buyerOf(CurrentUser user) {
        if (user == null || user.role() != Role.TENDEREE || user.organisationId() == null) {
            throw new DomainException(MallError.MALL_FORBIDDEN, "采购人（预算单位）");
        }
        return organisations.find(user.organisationId())
                .orElseThrow(() -> new DomainException(MallError.MALL_FORBIDDEN, "采购人（预算单位）"));
    }

    // --- storage ---

    private record Row(UUID id, String auctionNo, UUID buyerId, String buyerName, String regionCode, UUID categoryId,
                       String categoryName, String itemCode, String unit, Map<String, String> specs, int quantity,
                       BigDecimal ceiling, BigDecimal decrement, Instant opensAt, Instant closesAt, int minBidders, int paymentDays,
                       String ruleBasis, BiddingStatus status, Instant closedAt, String failureReason, UUID orderId, String orderNo) {
    }

    private Optional<Row> row(UUID id) {
        return jdbc.sql(SELECT + " WHERE a.id = :id").param("id", id).query(this::map).optional();
    }

    private Optional<Row> locked(UUID id) {
        return sealed.lock(SealedBidding.Kind.REVERSE_AUCTION, id) ? row(id) : Optional.empty();
    }

    /** The auction with the bids given (all at the close, a bidder's own before it). */
    private ReverseAuction aggregate(Row r, List<SealedBidding.StoredOffer> bids) {
        ReverseAuction.Terms terms = new ReverseAuction.Terms(r.quantity(), r.ceiling(), r.decrement(), r.opensAt(), r.closesAt(),
                r.minBidders());
        return ReverseAuction.restore(terms, ReverseAuction.Status.valueOf(r.status().name()),
                bids.stream().map(SealedBidding.StoredOffer::quote).toList(), clock);
    }

    private ReverseAuctionView view(Row r, CurrentUser user) {
        UUID me = user != null && user.role() == Role.BIDDER ? user.organisationId() : null;
        List<SealedBidding.StoredOffer> stored = sealed.visible(SealedBidding.Kind.REVERSE_AUCTION, r.id(), r.status(), me);
        ReverseAuction a = aggregate(r, stored);
        List<OfferView> offers = List.of();
        if (r.status() != BiddingStatus.OPEN) {
            UUID winnerListing = r.status() == BiddingStatus.AWARDED && r.orderId() != null
                    ? orders.find(r.orderId()).map(OrderView::listingId).orElse(null) : null;
            offers = SealedBidding.ranked(stored, b -> Objects.equals(b.quote().listingId(), winnerListing));
        }
        List<OfferView> mine = me == null ? List.of() : stored.stream().filter(b -> b.quote().supplierId().equals(me))
                .map(b -> b.view(false)).toList();
        BigDecimal limit = me != null && a.biddingNow() ? a.limitFor(me) : null;
        return new ReverseAuctionView(r.id(), r.auctionNo(), r.buyerId(), r.buyerName(), r.regionCode(), r.categoryId(), r.categoryName(),
                r.itemCode(), r.unit(), r.specs(), r.quantity(), r.ceiling(), r.decrement(), r.opensAt(), r.closesAt(), r.minBidders(),
                r.paymentDays(), r.ruleBasis(), r.status(), r.closedAt(), r.failureReason(), r.orderId(), r.orderNo(), offers, mine, limit);
    }

    private Row map(ResultSet rs, int n) throws SQLException {
        OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
        return new Row(rs.getObject("id", UUID.class), rs.getString("auction_no"), rs.getObject("buyer_id", UUID.class),
                rs.getString("buyer_name"), rs.getString("region_code"), rs.getObject("category_id", UUID.class),
                rs.getString("category_name"), rs.getString("item_code"), rs.getString("unit"),
                json.readValue(rs.getString("specs"), new TypeReference<LinkedHashMap<String, String>>() {
                }), rs.getInt("quantity"), rs.getBigDecimal("ceiling"), rs.getBigDecimal("decrement"),
                rs.getObject("opens_at", OffsetDateTime.class).toInstant(), rs.getObject("closes_at", OffsetDateTime.class).toInstant(),
                rs.getInt("min_bidders"), rs.getInt("payment_days"), rs.getString("rule_basis"),
                BiddingStatus.valueOf(rs.getString("status")), closed == null ? null : closed.toInstant(),
                rs.getString("failure_reason"), rs.getObject("order_id", UUID.class), rs.getString("order_no"));
    }
}
