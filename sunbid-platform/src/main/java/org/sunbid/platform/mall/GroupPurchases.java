package org.sunbid.platform.mall;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.mall.domain.Comparison;
import org.sunbid.platform.mall.domain.GroupPurchase;
import org.sunbid.platform.mall.domain.ReverseAuction;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Group purchases (团购) in the mall (issue 22, domain-2 §5): the collecting body (the centre's staff) or a budget unit
 * opens one for an item; budget units join with their quantities until the join deadline; eligible suppliers then quote
 * one unit price for the combined quantity, sealed until the close ({@link GroupPurchase}); the lowest standing quote of
 * a still eligible supplier wins and each buyer gets its own ordinary order at that price (its own split-purchase
 * fact). The ceiling, the eligibility and the window follow the reverse auction's rules ({@link ReverseAuctions}: the
 * same dated {@link BiddingRule}, the same qualifying listings); closed at the deadline as it, by the same sealed
 * bidding ({@link SealedBidding}: the sweep, or the first read after the close).
 */
@Service
public class GroupPurchases {

    private static final String SELECT = """
            SELECT g.*, c.name AS category_name, c.item_code, c.unit
              FROM mall_group_purchase g JOIN mall_category c ON c.id = g.category_id""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;
    private final MallCatalogue catalogue;
    private final Listings listings;
    private final MallOrders orders;
    private final Organisations organisations;
    private final ReverseAuctions auctions;
    private final JsonMapper json;
    private final SealedBidding sealed;

    GroupPurchases(JdbcClient jdbc, Clock clock, AuditLog log, MallCatalogue catalogue, Listings listings, MallOrders orders,
            Organisations organisations, ReverseAuctions auctions, JsonMapper json, SealedBidding sealed) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
        this.catalogue = catalogue;
        this.listings = listings;
        this.orders = orders;
        this.organisations = organisations;
        this.auctions = auctions;
        this.json = json;
        this.sealed = sealed;
    }

    /** The item, the ceiling (default: the lowest listed qualifying price), the join deadline and the close (defaults: the earliest). */
    public record Opening(UUID categoryId, Map<String, String> specs, BigDecimal ceiling, Instant joinUntil, Instant closesAt) {
    }

    /** A buyer's share: its quantity and the payment term of its order. */
    public record Joining(Integer quantity, Integer paymentDays) {
    }

    /** A supplier's quote for the combined quantity. */
    public record QuoteInput(UUID listingId, BigDecimal unitPrice) {
    }

    @Transactional
    public GroupPurchaseView open(Opening in, CurrentUser user) {
        if (user == null || !(user.role() == Role.TENDEREE || user.role() == Role.CENTRE_STAFF || user.role() == Role.ADMINISTRATOR)) {
            throw new DomainException(MallError.MALL_FORBIDDEN, "采购人或集中采购机构");
        }
        if (in == null || in.categoryId() == null) {
            throw new DomainException(MallError.MALL_FIELD_INVALID, "categoryId");
        }
        Optional<Organisation> org = user.organisationId() == null ? Optional.empty() : organisations.find(user.organisationId());
        if (user.role() == Role.TENDEREE && org.isEmpty()) {
            throw new DomainException(MallError.MALL_FORBIDDEN, "采购人（预算单位）");
        }
        String region = org.map(Organisation::regionCode).orElse(user.regionCode() == null ? "" : user.regionCode());
        String organiser = org.map(Organisation::name).orElse(user.displayName());
        Map<String, String> specs = ReverseAuctions.specs(in.specs());
        Instant now = clock.instant();
        LocalDate today = catalogue.today();
        BiddingRule rule = catalogue.biddingRuleAt(region, today)
                .orElseThrow(() -> new DomainException(MallError.MALL_NO_RULE, region, today));
        ReverseAuctions.Pricing pricing = auctions.pricing(in.categoryId(), specs, in.ceiling(), rule);
        Instant earliestJoin = auctions.earliestClose(now, rule.minWindowWorkingDays());
        Instant joinUntil = ReverseAuctions.withinAYear(in.joinUntil() == null ? earliestJoin : in.joinUntil(), now, "joinUntil");
        if (joinUntil.isBefore(earliestJoin)) {
            throw new DomainException(MallError.MALL_WINDOW_TOO_SHORT, ReverseAuctions.minute(earliestJoin), rule.minWindowWorkingDays());
        }
        Instant earliestClose = auctions.earliestClose(joinUntil, rule.minWindowWorkingDays());
        Instant closesAt = ReverseAuctions.withinAYear(in.closesAt() == null ? earliestClose : in.closesAt(), now, "closesAt");
        if (closesAt.isBefore(earliestClose) || !closesAt.isAfter(joinUntil)) {
            throw new DomainException(MallError.MALL_WINDOW_TOO_SHORT, ReverseAuctions.minute(earliestClose), rule.minWindowWorkingDays());
        }
        UUID id = UUID.randomUUID();
        String no = "TG" + today.toString().replace("-", "") + "-" + id.toString().substring(0, 8).toUpperCase(Locale.ROOT);
        jdbc.sql("""
                INSERT INTO mall_group_purchase (id, group_no, organiser_id, organiser_name, region_code, category_id, specs, ceiling,
                    join_until, closes_at, min_quotes, min_buyers, rule_basis, status, created_by, created_at)
                VALUES (:id, :no, :o, :on, :region, :c, CAST(:specs AS jsonb), :ceiling, :join, :closes, :mq, :mb, :basis, 'OPEN', :by, :now)""")
                .param("id", id).param("no", no).param("o", org.map(Organisation::id).orElse(null)).param("on", organiser)
                .param("region", region).param("c", in.categoryId()).param("specs", json.writeValueAsString(specs))
                .param("ceiling", pricing.ceiling()).param("join", Listings.utc(joinUntil)).param("closes", Listings.utc(closesAt))
                .param("mq", rule.minBidders()).param("mb", rule.minGroupBuyers()).param("basis", rule.basis())
                .param("by", user.username()).param("now", Listings.utc(now)).update();
        log.record(AuditRecord.of("mall.group-purchase.opened", id.toString(), region, user.actor(),
                Map.of("groupNo", no, "categoryId", in.categoryId().toString(), "ceiling", pricing.ceiling().toPlainString(),
                        "joinUntil", joinUntil.toString(), "closesAt", closesAt.toString(), "rule", rule.basis())));
        return view(row(id).orElseThrow(), user);
    }

    /** A budget unit joins (or changes its quantity) until the join deadline. */
    @Transactional
    public GroupPurchaseView join(UUID id, Joining in, CurrentUser user) {
        if (user == null || user.role() != Role.TENDEREE || user.organisationId() == null) {
            throw new DomainException(MallError.MALL_FORBIDDEN, "采购人（预算单位）");
        }
        Organisation buyer = organisations.find(user.organisationId())
                .orElseThrow(() -> new DomainException(MallError.MALL_FORBIDDEN, "采购人（预算单位）"));
        Row row = locked(id).orElseThrow(() -> new DomainException(MallError.MALL_BIDDING_NOT_FOUND));
        int quantity = MallOrders.quantity(in == null ? null : in.quantity());
        int days = MallOrders.paymentDays(in == null ? null : in.paymentDays());
        GroupPurchase g = aggregate(row, List.of()); // joining needs no quote
        GroupPurchase.Refusal refusal = g.join(buyer.id(), quantity);
        if (refusal != null) {
            throw refusal(row, refusal, null);
        }
        LocalDate today = catalogue.today();
        MallRule rule = catalogue.ruleAt(buyer.regionCode(), today)
                .orElseThrow(() -> new DomainException(MallError.MALL_NO_RULE, buyer.regionCode(), today));
        BigDecimal most = row.ceiling().multiply(BigDecimal.valueOf(quantity));
        if (rule.need(most) == MallRule.Need.OVER_CAP) {
            throw new DomainException(MallError.MALL_ORDER_CAP_EXCEEDED, Listings.yuan(most), Listings.yuan(rule.orderCap()), rule.basis());
        }
        jdbc.sql("""
                INSERT INTO mall_group_member (group_id, buyer_id, buyer_name, region_code, quantity, payment_days, joined_at, joined_by)
                VALUES (:g, :b, :bn, :region, :q, :days, :now, :by)
                ON CONFLICT (group_id, buyer_id) DO UPDATE SET quantity = EXCLUDED.quantity, payment_days = EXCLUDED.payment_days""")
                .param("g", id).param("b", buyer.id()).param("bn", buyer.name()).param("region", buyer.regionCode()).param("q", quantity)
                .param("days", days).param("now", Listings.utc(clock.instant())).param("by", user.username()).update();
        log.record(AuditRecord.of("mall.group-purchase.joined", id.toString(), buyer.regionCode(), user.actor(),
                Map.of("groupNo", row.groupNo(), "buyer", buyer.name(), "quantity", quantity)));
        return view(row(id).orElseThrow(), user);
    }

    /** A supplier quotes (or replaces its quote) for the combined quantity; sealed until the close. */
    @Transactional
    public GroupPurchaseView quote(UUID id, QuoteInput in, CurrentUser user) {
        if (user == null || user.role() != Role.BIDDER || user.organisationId() == null) {
            throw new DomainException(MallError.MALL_FORBIDDEN, "供应商");
        }
        Row row = locked(id).orElseThrow(() -> new DomainException(MallError.MALL_BIDDING_NOT_FOUND));
        if (in == null || in.listingId() == null || in.unitPrice() == null) {
            throw new DomainException(MallError.MALL_FIELD_INVALID, "listingId, unitPrice");
        }
        // its own quotes only: nobody else's amount is opened before the close
        GroupPurchase g = aggregate(row, sealed.visible(SealedBidding.Kind.GROUP_PURCHASE, id, row.status(), user.organisationId()));
        if (g.phase() != GroupPurchase.Phase.QUOTING) {
            throw refusal(row, GroupPurchase.Refusal.WRONG_PHASE, null);
        }
        Instant now = clock.instant();
        auctions.requireEligible(row.categoryId(), row.specs(), in.listingId(), user.organisationId(), now);
        GroupPurchase.Refusal refusal = g.quote(user.organisationId(), in.listingId(), in.unitPrice());
        if (refusal != null) {
            throw refusal(row, refusal, in.unitPrice());
        }
        sealed.store(SealedBidding.Kind.GROUP_PURCHASE, id, user.organisationId(), listings.find(in.listingId()).orElseThrow(),
                in.unitPrice().setScale(2), now);
        return view(row, user);
    }

    @Transactional
    public List<GroupPurchaseView> list(CurrentUser user) {
        closeDue();
        return jdbc.sql(SELECT + " ORDER BY g.created_at DESC, g.id LIMIT 200").query(this::map).list().stream().map(r -> view(r, user))
                .toList();
    }

    @Transactional
    public Optional<GroupPurchaseView> find(UUID id, CurrentUser user) {
        Optional<Row> row = row(id);
        if (row.isPresent() && sealed.closeIfPast(SealedBidding.Kind.GROUP_PURCHASE, id, row.get().status(), row.get().closesAt(), this::close)) {
            row = row(id);
        }
        return row.map(r -> view(r, user));
    }

    /** The quotes after the close; before it a refusal that is the same for everyone and any number of quotes. */
    @Transactional
    public List<OfferView> offers(UUID id, CurrentUser user) {
        GroupPurchaseView v = find(id, user).orElseThrow(() -> new DomainException(MallError.MALL_BIDDING_NOT_FOUND));
        return SealedBidding.unsealed(v.status(), v.closesAt(), v.offers());
    }

    /** Closes every group purchase past its close, each once, as {@link ReverseAuctions#closeDue}; returns how many. */
    public int closeDue() {
        return sealed.closeDue(SealedBidding.Kind.GROUP_PURCHASE, this::close);
    }

    /** Closes the group purchase whose row the caller has locked and found due. */
    private void close(UUID id) {
        Row row = row(id).orElseThrow();
        GroupPurchase g = aggregate(row, sealed.offers(SealedBidding.Kind.GROUP_PURCHASE, id));
        Instant now = clock.instant();
        ReverseAuction.Outcome outcome = g.close(sealed.eligibleNow());
        String winnerName = null;
        List<String> orderNos = new ArrayList<>();
        if (outcome.status() == ReverseAuction.Status.AWARDED) {
            Comparison.Quote w = outcome.winner();
            winnerName = listings.find(w.listingId()).map(ListingView::supplierName).orElse("");
            for (Member m : members(row.id())) {
                OrderView order = orders.placeAwarded(m.buyerId(), w.listingId(), m.quantity(), w.unitPrice(), OrderMode.GROUP_PURCHASE,
                        m.paymentDays());
                jdbc.sql("UPDATE mall_group_member SET order_id = :o WHERE group_id = :g AND buyer_id = :b").param("o", order.id())
                        .param("g", row.id()).param("b", m.buyerId()).update();
                orderNos.add(order.orderNo());
            }
        }
        SealedBidding.requireClosedOnce(jdbc.sql("""
                UPDATE mall_group_purchase SET status = :s, closed_at = :now, unit_price = :p, winner_name = :w, failure_reason = :f
                 WHERE id = :id AND status = 'OPEN'""")
                .param("s", outcome.status().name()).param("now", Listings.utc(now))
                .param("p", outcome.winner() == null ? null : outcome.winner().unitPrice()).param("w", winnerName)
                .param("f", outcome.failure()).param("id", row.id()).update(), row.id());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("groupNo", row.groupNo());
        detail.put("status", outcome.status().name());
        detail.put("validSuppliers", outcome.validSuppliers());
        detail.put("quotes", g.quotes().size());
        detail.put("buyers", g.members().size());
        detail.put("totalQuantity", g.totalQuantity());
        detail.put("orders", orderNos);
        detail.put("standing", SealedBidding.standing(outcome.standing()));
        if (outcome.failure() != null) {
            detail.put("failure", outcome.failure());
        }
        log.record(AuditRecord.of("mall.group-purchase.closed", row.id().toString(), row.regionCode(), Actor.SYSTEM, detail));
    }

    private DomainException refusal(Row row, GroupPurchase.Refusal refusal, BigDecimal price) {
        return switch (refusal) {
            case WRONG_PHASE -> {
                Instant now = clock.instant();
                boolean joining = now.isBefore(row.joinUntil());
                yield new DomainException(MallError.MALL_BIDDING_CLOSED,
                        ReverseAuctions.minute(joining ? row.joinUntil() : row.createdAt()),
                        ReverseAuctions.minute(joining ? row.closesAt() : row.joinUntil()),
                        joining ? "报价自参团截止时开始" : now.isBefore(row.closesAt()) ? "参团已截止，报价中" : "已截止");
            }
            case MALFORMED -> new DomainException(MallError.MALL_FIELD_INVALID, "quantity, unitPrice");
            case ABOVE_CEILING -> new DomainException(MallError.MALL_QUOTE_ABOVE_CEILING, price == null ? "" : Listings.yuan(price),
                    Listings.yuan(row.ceiling()));
            case TOO_FEW_BUYERS -> new DomainException(MallError.MALL_GROUP_TOO_FEW_BUYERS, row.minBuyers());
        };
    }

    // --- storage ---

    private record Row(UUID id, String groupNo, String organiserName, String regionCode, UUID categoryId, String categoryName,
                       String itemCode, String unit, Map<String, String> specs, BigDecimal ceiling, Instant joinUntil, Instant closesAt,
                       int minQuotes, int minBuyers, String ruleBasis, BiddingStatus status, Instant closedAt, BigDecimal unitPrice,
                       String winnerName, String failureReason, Instant createdAt) {
    }

    private record Member(UUID buyerId, String buyerName, int quantity, int paymentDays, Instant joinedAt, UUID orderId, String orderNo) {
    }

    private Optional<Row> row(UUID id) {
        return jdbc.sql(SELECT + " WHERE g.id = :id").param("id", id).query(this::map).optional();
    }

    private Optional<Row> locked(UUID id) {
        return sealed.lock(SealedBidding.Kind.GROUP_PURCHASE, id) ? row(id) : Optional.empty();
    }

    private List<Member> members(UUID id) {
        return jdbc.sql("""
                SELECT m.buyer_id, m.buyer_name, m.quantity, m.payment_days, m.joined_at, m.order_id, o.order_no
                  FROM mall_group_member m LEFT JOIN mall_order o ON o.id = m.order_id
                 WHERE m.group_id = :id ORDER BY m.joined_at, m.buyer_id""").param("id", id)
                .query((rs, n) -> new Member(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getObject(6, UUID.class), rs.getString(7))).list();
    }

    /** The group purchase with the quotes given (all at the close, a supplier's own before it, none to join). */
    private GroupPurchase aggregate(Row r, List<SealedBidding.StoredOffer> quotes) {
        return GroupPurchase.restore(new GroupPurchase.Terms(r.ceiling(), r.joinUntil(), r.closesAt(), r.minQuotes(), r.minBuyers()),
                ReverseAuction.Status.valueOf(r.status().name()),
                members(r.id()).stream().map(m -> new GroupPurchase.Member(m.buyerId(), m.quantity(), m.joinedAt())).toList(),
                quotes.stream().map(SealedBidding.StoredOffer::quote).toList(), clock);
    }

    private GroupPurchaseView view(Row r, CurrentUser user) {
        boolean closed = r.status() != BiddingStatus.OPEN;
        UUID me = user == null ? null : user.organisationId();
        List<SealedBidding.StoredOffer> stored = sealed.visible(SealedBidding.Kind.GROUP_PURCHASE, r.id(), r.status(),
                user != null && user.role() == Role.BIDDER ? me : null);
        GroupPurchase g = aggregate(r, stored);
        List<Member> members = members(r.id());
        List<GroupPurchaseView.Member> shown = members.stream().filter(m -> closed || m.buyerId().equals(me))
                .map(m -> new GroupPurchaseView.Member(m.buyerId(), m.buyerName(), m.quantity(), m.paymentDays(), m.joinedAt(), m.orderId(),
                        m.orderNo())).toList();
        List<OfferView> offers = !closed ? List.of() : SealedBidding.ranked(stored, q -> r.status() == BiddingStatus.AWARDED
                && q.supplierName().equals(r.winnerName()) && q.quote().unitPrice().compareTo(r.unitPrice()) == 0);
        OfferView mine = null;
        if (user != null && user.role() == Role.BIDDER && me != null) {
            SealedBidding.StoredOffer own = null;
            for (SealedBidding.StoredOffer q : stored) {
                if (q.quote().supplierId().equals(me)) {
                    own = q;
                }
            }
            if (own != null) {
                mine = own.view(false);
            }
        }
        GroupPurchaseView.Phase phase = GroupPurchaseView.Phase.valueOf(g.phase().name());
        return new GroupPurchaseView(r.id(), r.groupNo(), r.organiserName(), r.regionCode(), r.categoryId(), r.categoryName(), r.itemCode(),
                r.unit(), r.specs(), r.ceiling(), r.joinUntil(), r.closesAt(), r.minQuotes(), r.minBuyers(), r.ruleBasis(), r.status(), phase,
                members.size(), g.totalQuantity(), shown, r.closedAt(), r.failureReason(), r.unitPrice(), r.winnerName(), offers, mine);
    }

    private Row map(ResultSet rs, int n) throws SQLException {
        OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
        return new Row(rs.getObject("id", UUID.class), rs.getString("group_no"), rs.getString("organiser_name"), rs.getString("region_code"),
                rs.getObject("category_id", UUID.class), rs.getString("category_name"), rs.getString("item_code"), rs.getString("unit"),
                json.readValue(rs.getString("specs"), new TypeReference<LinkedHashMap<String, String>>() {
                }), rs.getBigDecimal("ceiling"), rs.getObject("join_until", OffsetDateTime.class).toInstant(),
                rs.getObject("closes_at", OffsetDateTime.class).toInstant(), rs.getInt("min_quotes"), rs.getInt("min_buyers"),
                rs.getString("rule_basis"), BiddingStatus.valueOf(rs.getString("status")), closed == null ? null : closed.toInstant(),
                rs.getBigDecimal("unit_price"), rs.getString("winner_name"), rs.getString("failure_reason"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
