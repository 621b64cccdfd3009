package org.sunbid.platform.mall;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.catalog.Calendars;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.mall.domain.Comparison;
import org.sunbid.platform.mall.domain.PaymentTerm;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.supervision.WarningDraft;
import org.sunbid.platform.supervision.Warnings;

/**
 * Buyers' orders in the mall: direct (直购) up to the direct-purchase limit in force in the buyer's region, by
 * comparison (比价) above it, never above the single-order cap ({@link MallRule}); only from approved listings of
 * unrestricted suppliers, and in a mandatory-list category only certified products (财库〔2019〕9号). The order is the
 * contract and is published when placed (政府采购法实施条例 Art. 50: within 2 working days). The buyer records the
 * acceptance (验收, 条例 Art. 45) and the payment; an order unpaid after its term (保障中小企业款项支付条例: 30 days
 * after acceptance, at most 60 by contract) is flagged to the supervisors' warning queue by a scheduled check.
 */
@Service
public class MallOrders {

    static final String PAYMENT_RULE = "《保障中小企业款项支付条例》：机关、事业单位应当自货物、工程、服务交付（验收）之日起30日内支付款项；"
            + "合同另有约定的，付款期限最长不得超过60日";

    private static final String SELECT = """
            SELECT o.*, l.product_name FROM mall_order o JOIN mall_listing l ON l.id = o.listing_id""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;
    private final MallCatalogue catalogue;
    private final Listings listings;
    private final Organisations organisations;
    private final Calendars calendars;
    private final Regions regions;
    private final Warnings warnings;

    MallOrders(JdbcClient jdbc, Clock clock, AuditLog log, MallCatalogue catalogue, Listings listings,
            Organisations organisations, Calendars calendars, Regions regions, Warnings warnings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
        this.catalogue = catalogue;
        this.listings = listings;
        this.organisations = organisations;
        this.calendars = calendars;
        this.regions = regions;
        this.warnings = warnings;
    }

    /** A direct order: one listing, a quantity, the agreed payment term (default 30 days). */
    public record DirectOrder(UUID listingId, Integer quantity, Integer paymentDays) {
    }

    /** A comparison among the listings of at least three suppliers in one category. */
    public record ComparisonOrder(List<UUID> listingIds, Integer quantity, Integer paymentDays) {
    }

    /** The acceptance record: passed or not, and what was checked. */
    public record Acceptance(Boolean passed, String note) {
    }

    /** A budget unit orders directly from an approved listing. */
    @Transactional
    public OrderView orderDirect(DirectOrder in, CurrentUser user) {
        Organisation buyer = buyerOf(user);
        if (in == null || in.listingId() == null) {
            throw new DomainException(MallError.MALL_FIELD_INVALID, "listingId");
        }
        int quantity = quantity(in.quantity());
        int days = paymentDays(in.paymentDays());
        Instant now = clock.instant();
        ListingView listing = listings.orderable(in.listingId(), now);
        requireCertifiedIfMandatory(listing);
        BigDecimal total = listing.price().multiply(BigDecimal.valueOf(quantity));
        MallRule rule = ruleFor(buyer);
        switch (rule.need(total)) {
            case OVER_CAP -> throw new DomainException(MallError.MALL_ORDER_CAP_EXCEEDED, Listings.yuan(total),
                    Listings.yuan(rule.orderCap()), rule.basis());
            case COMPARISON_REQUIRED -> throw new DomainException(MallError.MALL_DIRECT_LIMIT_EXCEEDED, Listings.yuan(total),
                    Listings.yuan(rule.directLimit()), rule.basis());
            case DIRECT_ALLOWED -> {
            }
        }
        UUID id = insert(buyer, listing, quantity, listing.price(), total, OrderMode.DIRECT, rule, days, now, user.username(), user.actor());
        return find(id).orElseThrow();
    }

    /** A budget unit compares the listings' prices; the lowest wins and becomes the order. */
    @Transactional
    public OrderView orderByComparison(ComparisonOrder in, CurrentUser user) {
        Organisation buyer = buyerOf(user);
        if (in == null || in.listingIds() == null) {
            throw new DomainException(MallError.MALL_FIELD_INVALID, "listingIds");
        }
        int quantity = quantity(in.quantity());
        int days = paymentDays(in.paymentDays());
        Instant now = clock.instant();
        List<ListingView> offered = new ArrayList<>();
        for (UUID id : in.listingIds().stream().distinct().toList()) {
            offered.add(listings.orderable(id, now));
        }
        List<Comparison.Quote> quotes = offered.stream()
                .map(l -> new Comparison.Quote(l.id(), l.supplierId(), l.price(), now)).toList();
        if (offered.stream().map(ListingView::categoryId).distinct().count() > 1 || !Comparison.enough(quotes)) {
            throw new DomainException(MallError.MALL_QUOTES_TOO_FEW, Comparison.MIN_QUOTES);
        }
        offered.forEach(this::requireCertifiedIfMandatory);
        Comparison.Quote won = Comparison.winner(quotes);
        ListingView winner = offered.stream().filter(l -> l.id().equals(won.listingId())).findFirst().orElseThrow();
        BigDecimal total = won.unitPrice().multiply(BigDecimal.valueOf(quantity));
        MallRule rule = ruleFor(buyer);
        if (rule.need(total) == MallRule.Need.OVER_CAP) {
            throw new DomainException(MallError.MALL_ORDER_CAP_EXCEEDED, Listings.yuan(total), Listings.yuan(rule.orderCap()),
                    rule.basis());
        }
        UUID id = insert(buyer, winner, quantity, won.unitPrice(), total, OrderMode.COMPARISON, rule, days, now, user.username(),
                user.actor());
        for (ListingView l : offered) {
            jdbc.sql("""
                    INSERT INTO mall_quote (order_id, listing_id, supplier_id, supplier_name, unit_price, won, created_at)
                    VALUES (:o, :l, :s, :sn, :p, :w, :at)""")
                    .param("o", id).param("l", l.id()).param("s", l.supplierId()).param("sn", l.supplierName())
                    .param("p", l.price()).param("w", l.id().equals(winner.id())).param("at", Listings.utc(now)).update();
        }
        return find(id).orElseThrow();
    }

    /**
     * The order a reverse auction or a group purchase awards at its close: placed by the system in the buyer's name from
     * the winner's listing at the winning price, under the mall rule in force now; from here it is an ordinary order
     * (contract publication, acceptance, payment and overdue flag, the split-purchase feed). The competition checked the
     * single-order cap at its opening (its ceiling times the quantity), and the winning price is at most the ceiling.
     */
    OrderView placeAwarded(UUID buyerId, UUID listingId, int quantity, BigDecimal unitPrice, OrderMode mode, int paymentDays) {
        Organisation buyer = organisations.find(buyerId).orElseThrow();
        ListingView listing = listings.find(listingId).orElseThrow();
        Instant now = clock.instant();
        BigDecimal total = unitPrice.multiply(BigDecimal.valueOf(quantity));
        UUID id = insert(buyer, listing, quantity, unitPrice, total, mode, ruleFor(buyer), paymentDays, now, Actor.SYSTEM.username(),
                Actor.SYSTEM);
        return find(id).orElseThrow();
    }

    /** The buyer records the acceptance (验收书, 政府采购法实施条例 Art. 45); payment falls due from its day. */
    @Transactional
    public OrderView accept(UUID id, Acceptance in, CurrentUser user) {
        OrderView order = ownOrder(id, user);
        if (order.status() != OrderStatus.PLACED) {
            throw new DomainException(MallError.MALL_ORDER_STATE_INVALID, label(order.status()));
        }
        if (in == null || in.passed() == null || MallCatalogue.blank(in.note())) {
            throw new DomainException(MallError.MALL_FIELD_INVALID, "passed, note（验收情况）");
        }
        Instant now = clock.instant();
        LocalDate due = in.passed() ? PaymentTerm.due(catalogue.today(), order.paymentDays()) : null;
        jdbc.sql("""
                UPDATE mall_order SET status = :s, accepted_at = :now, acceptance_note = :note, accepted_by = :by,
                    payment_due = :due, changed_by = :by, changed_at = :now WHERE id = :id AND status = 'PLACED'""")
                .param("s", (in.passed() ? OrderStatus.ACCEPTED : OrderStatus.REJECTED).name()).param("now", Listings.utc(now))
                .param("note", in.note().strip()).param("by", user.username()).param("due", due).param("id", id).update();
        log.record(AuditRecord.of("mall.order.accepted", id.toString(), order.regionCode(), user.actor(),
                Map.of("orderNo", order.orderNo(), "passed", in.passed(), "paymentDue", due == null ? "" : due.toString())));
        return find(id).orElseThrow();
    }

    /** The buyer records the payment of an accepted order. */
    @Transactional
    public OrderView pay(UUID id, CurrentUser user) {
        OrderView order = ownOrder(id, user);
        if (order.status() != OrderStatus.ACCEPTED) {
            throw new DomainException(MallError.MALL_ORDER_STATE_INVALID, label(order.status()));
        }
        Instant now = clock.instant();
        jdbc.sql("UPDATE mall_order SET status = 'PAID', paid_at = :now, paid_by = :by, changed_by = :by, changed_at = :now"
                        + " WHERE id = :id AND status = 'ACCEPTED'")
                .param("now", Listings.utc(now)).param("by", user.username()).param("id", id).update();
        LocalDate today = catalogue.today();
        log.record(AuditRecord.of("mall.order.paid", id.toString(), order.regionCode(), user.actor(),
                Map.of("orderNo", order.orderNo(), "paymentDue", order.paymentDue().toString(),
                        "late", PaymentTerm.overdue(order.paymentDue(), today),
                        "lateInterest", PaymentTerm.lateInterest(order.total(), order.paymentDue(), today).toPlainString())));
        return find(id).orElseThrow();
    }

    /**
     * Flags every accepted order unpaid after its due day, once, to the supervisors of its region. Runs hourly; returns
     * how many were flagged.
     */
    @Scheduled(fixedDelayString = "${sunbid.mall.payment-check-interval:PT1H}",
            initialDelayString = "${sunbid.mall.payment-check-initial-delay:PT1M}")
    @Transactional
    public int flagOverduePayments() {
        LocalDate today = catalogue.today();
        Instant now = clock.instant();
        List<OrderView> due = jdbc.sql(SELECT + " WHERE o.status = 'ACCEPTED' AND o.overdue_flagged_at IS NULL AND o.payment_due < :today")
                .param("today", today).query(this::map).list();
        int n = 0;
        for (OrderView o : due) {
            if (!PaymentTerm.overdue(o.paymentDue(), today)) {
                continue;
            }
            jdbc.sql("UPDATE mall_order SET overdue_flagged_at = :now WHERE id = :id").param("now", Listings.utc(now))
                    .param("id", o.id()).update();
            warnings.raise(new WarningDraft("overdue", "mall-payment:" + o.id(), WarningDraft.Severity.MEDIUM, o.regionCode(), null,
                    null, "电子卖场订单逾期未付款：" + o.orderNo() + " " + o.buyerName(),
                    o.buyerName() + " 于验收后应在 " + o.paymentDue() + " 前向 " + o.supplierName() + " 支付 " + Listings.yuan(o.total())
                            + " 元（约定付款期限 " + o.paymentDays() + " 日），截至 " + today + " 仍未付款。",
                    PAYMENT_RULE,
                    List.of(new WarningDraft.Evidence("订单", o.orderNo() + "（" + o.productName() + " × " + o.quantity() + "）",
                                    "/mall/orders/" + o.id()),
                            new WarningDraft.Evidence("验收时间", String.valueOf(o.acceptedAt()), null),
                            new WarningDraft.Evidence("付款期限", o.paymentDue().toString(), null)),
                    List.of()));
            log.record(AuditRecord.of("mall.order.payment-overdue", o.id().toString(), o.regionCode(), Actor.SYSTEM,
                    Map.of("orderNo", o.orderNo(), "paymentDue", o.paymentDue().toString(), "to", "SUPERVISOR")));
            n++;
        }
        return n;
    }

    /** The orders {@code user} sees: a buyer's or supplier's own, all in the region for staff and supervisors. */
    public List<OrderView> visibleTo(CurrentUser user) {
        if (user == null) {
            return List.of();
        }
        List<OrderView> all;
        if (user.role() == Role.TENDEREE || user.role() == Role.BIDDER) {
            if (user.organisationId() == null) {
                return List.of();
            }
            all = jdbc.sql(SELECT + " WHERE o.buyer_id = :org OR o.supplier_id = :org ORDER BY o.ordered_at DESC, o.order_no")
                    .param("org", user.organisationId()).query(this::map).list();
        } else if (user.role() == Role.ADMINISTRATOR || user.role() == Role.CENTRE_STAFF || user.role() == Role.SUPERVISOR) {
            all = jdbc.sql(SELECT + " ORDER BY o.ordered_at DESC, o.order_no LIMIT 1000").query(this::map).list().stream()
                    .filter(o -> user.seesAllRegions() || user.regionCode() == null || regions.isWithin(o.regionCode(), user.regionCode()))
                    .toList();
        } else {
            return List.of();
        }
        return all;
    }

    /** The published contracts (合同公告), newest first: every order, which is its contract. */
    public List<OrderView> contracts() {
        return jdbc.sql(SELECT + " ORDER BY o.ordered_at DESC, o.order_no LIMIT 200").query(this::map).list();
    }

    /** One order, with its quotes, as {@code user} may see it. */
    public Optional<OrderView> find(UUID id, CurrentUser user) {
        return find(id).filter(o -> visibleTo(user).stream().anyMatch(v -> v.id().equals(id)));
    }

    /** Every order in the mall, for the split check and statistics (inside the context only). */
    List<OrderView> all() {
        return jdbc.sql(SELECT + " ORDER BY o.ordered_at, o.order_no").query(this::map).list();
    }

    Optional<OrderView> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE o.id = :id").param("id", id).query(this::map).optional().map(o -> {
            List<OrderView.Quote> quotes = jdbc.sql("SELECT listing_id, supplier_id, supplier_name, unit_price, won FROM mall_quote"
                            + " WHERE order_id = :id ORDER BY unit_price, supplier_name, listing_id").param("id", id)
                    .query((rs, n) -> new OrderView.Quote(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getBigDecimal(4), rs.getBoolean(5))).list();
            return withQuotes(o, quotes);
        });
    }

    private UUID insert(Organisation buyer, ListingView listing, int quantity, BigDecimal unitPrice, BigDecimal total,
            OrderMode mode, MallRule rule, int days, Instant now, String by, Actor actor) {
        UUID id = UUID.randomUUID();
        LocalDate today = catalogue.today();
        String orderNo = "DM" + today.toString().replace("-", "") + "-" + id.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        // the order is published as the contract the moment it is placed: well within 2 working days (条例 Art. 50)
        LocalDate publicationDue = calendars.workingDays().plus(today, 2);
        jdbc.sql("""
                INSERT INTO mall_order (id, order_no, buyer_id, buyer_name, region_code, listing_id, supplier_id, supplier_name,
                    category_id, item_code, quantity, unit_price, total, mode, rule_basis, status, ordered_at, contract_published_at,
                    contract_publication_due, payment_days, created_by, created_at, changed_by, changed_at)
                VALUES (:id, :no, :b, :bn, :region, :l, :s, :sn, :c, :item, :q, :up, :total, :mode, :basis, 'PLACED', :now, :now,
                    :pubDue, :days, :by, :now, :by, :now)""")
                .param("id", id).param("no", orderNo).param("b", buyer.id()).param("bn", buyer.name())
                .param("region", buyer.regionCode()).param("l", listing.id()).param("s", listing.supplierId())
                .param("sn", listing.supplierName()).param("c", listing.categoryId()).param("item", listing.itemCode())
                .param("q", quantity).param("up", unitPrice).param("total", total).param("mode", mode.name())
                .param("basis", rule.basis()).param("now", Listings.utc(now)).param("pubDue", publicationDue).param("days", days)
                .param("by", by).update();
        log.record(AuditRecord.of("mall.order.placed", id.toString(), buyer.regionCode(), actor,
                Map.of("orderNo", orderNo, "buyer", buyer.name(), "supplier", listing.supplierName(), "product", listing.productName(),
                        "quantity", quantity, "unitPrice", unitPrice.toPlainString(), "total", total.toPlainString(),
                        "mode", mode.name(), "rule", rule.basis())));
        return id;
    }

    private void requireCertifiedIfMandatory(ListingView listing) {
        CategoryView category = catalogue.category(listing.categoryId()).orElseThrow();
        if (category.policy() == ProductPolicy.MANDATORY && listing.certificate() == null) {
            throw new DomainException(MallError.LISTING_NOT_ORDERABLE, listing.productName(), "强制采购品目，无节能/环境标志认证证书");
        }
    }

    private MallRule ruleFor(Organisation buyer) {
        LocalDate today = catalogue.today();
        return catalogue.ruleAt(buyer.regionCode(), today)
                .orElseThrow(() -> new DomainException(MallError.MALL_NO_RULE, buyer.regionCode(), today));
    }

    private Organisation buyerOf(CurrentUser user) {
        if (user == null || user.role() != Role.TENDEREE || user.organisationId() == null) {
            throw new DomainException(MallError.MALL_FORBIDDEN, "采购人（预算单位）");
        }
        return organisations.find(user.organisationId())
                .orElseThrow(() -> new DomainException(MallError.MALL_FORBIDDEN, "采购人（预算单位）"));
    }

    private OrderView ownOrder(UUID id, CurrentUser user) {
        return find(id).filter(o -> user != null && user.role() == Role.TENDEREE && o.buyerId().equals(user.organisationId()))
                .orElseThrow(() -> new DomainException(MallError.MALL_ORDER_NOT_FOUND));
    }

    static int quantity(Integer q) {
        if (q == null || q < 1 || q > 100_000) {
            throw new DomainException(MallError.MALL_FIELD_INVALID, "quantity（1 至 100000）");
        }
        return q;
    }

    static int paymentDays(Integer days) {
        int d = days == null ? PaymentTerm.DEFAULT_DAYS : days;
        if (!PaymentTerm.valid(d)) {
            throw new DomainException(MallError.MALL_PAYMENT_TERM_INVALID, d);
        }
        return d;
    }

    static String label(OrderStatus s) {
        return switch (s) {
            case PLACED -> "已下单";
            case ACCEPTED -> "已验收";
            case REJECTED -> "验收不合格";
            case PAID -> "已付款";
        };
    }

    private OrderView map(ResultSet rs, int n) throws SQLException {
        LocalDate due = rs.getObject("payment_due", LocalDate.class);
        OrderStatus status = OrderStatus.valueOf(rs.getString("status"));
        OffsetDateTime accepted = rs.getObject("accepted_at", OffsetDateTime.class);
        OffsetDateTime paid = rs.getObject("paid_at", OffsetDateTime.class);
        OffsetDateTime flagged = rs.getObject("overdue_flagged_at", OffsetDateTime.class);
        return new OrderView(rs.getObject("id", UUID.class), rs.getString("order_no"), rs.getObject("buyer_id", UUID.class),
                rs.getString("buyer_name"), rs.getString("region_code"), rs.getObject("listing_id", UUID.class),
                rs.getString("product_name"), rs.getObject("supplier_id", UUID.class), rs.getString("supplier_name"),
                rs.getString("item_code"), rs.getInt("quantity"), rs.getBigDecimal("unit_price"), rs.getBigDecimal("total"),
                OrderMode.valueOf(rs.getString("mode")), rs.getString("rule_basis"), status,
                rs.getObject("ordered_at", OffsetDateTime.class).toInstant(),
                rs.getObject("contract_published_at", OffsetDateTime.class).toInstant(),
                rs.getObject("contract_publication_due", LocalDate.class), rs.getInt("payment_days"),
                accepted == null ? null : accepted.toInstant(), rs.getString("acceptance_note"), due,
                paid == null ? null : paid.toInstant(),
                status == OrderStatus.ACCEPTED && PaymentTerm.overdue(due, catalogue.today()),
                flagged == null ? null : flagged.toInstant(), List.of());
    }

    private static OrderView withQuotes(OrderView o, List<OrderView.Quote> quotes) {
        return new OrderView(o.id(), o.orderNo(), o.buyerId(), o.buyerName(), o.regionCode(), o.listingId(), o.productName(),
                o.supplierId(), o.supplierName(), o.itemCode(), o.quantity(), o.unitPrice(), o.total(), o.mode(), o.ruleBasis(),
                o.status(), o.orderedAt(), o.contractPublishedAt(), o.contractPublicationDue(), o.paymentDays(), o.acceptedAt(),
                o.acceptanceNote(), o.paymentDue(), o.paidAt(), o.overdue(), o.overdueFlaggedAt(), quotes);
    }
}
