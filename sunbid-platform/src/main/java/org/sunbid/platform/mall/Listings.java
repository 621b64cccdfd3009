package org.sunbid.platform.mall;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.credit.CreditChecks;
import org.sunbid.platform.credit.CreditVerdict;
import org.sunbid.platform.credit.Gate;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.mall.domain.PriceCap;
import org.sunbid.platform.mall.domain.ProductKey;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.supervision.WarningDraft;
import org.sunbid.platform.supervision.Warnings;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Suppliers' listings (商品上架) and their review by the collecting body (集中采购机构; here the centre's staff). Listing
 * is free. A listing is refused when its price is above its evidence, a bait price, a duplicate of the supplier's own,
 * lacking the certificate a mandatory category needs, or when the supplier is barred by a credit record at that time
 * (the {@link Gate#BIDDING} gate: 禁止参加政府采购活动 bars mall supply too). Every price is kept in the history; new
 * evidence showing the price above a cap suspends the listing and raises a supervision warning.
 */
@Service
public class Listings {

    private static final String SELECT = """
            SELECT l.id, l.supplier_id, l.supplier_name, l.region_code, l.category_id, c.name AS category_name, c.item_code,
                c.unit, l.product_name, l.brand, l.model, l.specs::text AS specs, l.price, l.low_price_reason, l.certificate,
                l.status, l.status_reason, l.created_at
            FROM mall_listing l JOIN mall_category c ON c.id = l.category_id""";
    /** What the warning and the page cite for the caps and the review (domain-2 §5 [F:S28]). */
    static final String PRICE_RULE = "浙江省政府采购电子卖场商品上架指引（2025）：上架价格不得高于生产厂商官方指导价及大型电商自营店同期最低价";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;
    private final MallCatalogue catalogue;
    private final Organisations organisations;
    private final CreditChecks credit;
    private final Warnings warnings;
    private final Regions regions;
    private final JsonMapper json;

    Listings(JdbcClient jdbc, Clock clock, AuditLog log, MallCatalogue catalogue, Organisations organisations,
            CreditChecks credit, Warnings warnings, Regions regions, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
        this.catalogue = catalogue;
        this.organisations = organisations;
        this.credit = credit;
        this.warnings = warnings;
        this.regions = regions;
        this.json = json;
    }

    /** A price read as evidence. */
    public record EvidenceInput(PriceEvidence.Kind kind, BigDecimal price, String source, LocalDate observedOn, String fileSm3) {
    }

    /** A new listing. */
    public record ListingInput(UUID categoryId, String productName, String brand, String model, Map<String, String> specs,
                               BigDecimal price, String lowPriceReason, String certificate, List<EvidenceInput> evidence) {
    }

    /** A supplier lists a product; it waits for review. */
    @Transactional
    public ListingView submit(ListingInput in, CurrentUser user) {
        Organisation supplier = supplierOf(user);
        if (in == null || in.categoryId() == null || MallCatalogue.blank(in.productName()) || MallCatalogue.blank(in.brand())
                || MallCatalogue.blank(in.model()) || in.price() == null || in.price().signum() <= 0) {
            throw new DomainException(MallError.MALL_FIELD_INVALID, "categoryId, productName, brand, model, price > 0");
        }
        CategoryView category = catalogue.category(in.categoryId()).filter(CategoryView::active)
                .orElseThrow(() -> new DomainException(MallError.MALL_CATEGORY_NOT_FOUND));
        Map<String, String> specs = new LinkedHashMap<>();
        for (String attribute : category.attributes()) {
            String value = in.specs() == null ? null : in.specs().get(attribute);
            if (MallCatalogue.blank(value)) {
                throw new DomainException(MallError.MALL_FIELD_INVALID, "specs." + attribute);
            }
            specs.put(attribute, value.strip());
        }
        if (category.policy() == ProductPolicy.MANDATORY && MallCatalogue.blank(in.certificate())) {
            throw new DomainException(MallError.LISTING_CERTIFICATE_REQUIRED);
        }
        Instant now = clock.instant();
        requireUnrestricted(supplier.id(), now);
        List<PriceEvidence> evidence = evidence(in.evidence());
        requireWithinCap(in.price(), evidence, in.lowPriceReason());
        String key = ProductKey.of(in.brand(), in.model(), specs);
        Optional<String> existing = jdbc.sql("SELECT product_name FROM mall_listing WHERE supplier_id = :s AND category_id = :c"
                        + " AND product_key = :k AND status <> 'WITHDRAWN'")
                .param("s", supplier.id()).param("c", category.id()).param("k", key).query(String.class).optional();
        if (existing.isPresent()) {
            throw new DomainException(MallError.LISTING_DUPLICATE, existing.get());
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime at = utc(now);
        try {
            jdbc.sql("""
                    INSERT INTO mall_listing (id, supplier_id, supplier_name, region_code, category_id, product_name, brand, model,
                        specs, product_key, price, low_price_reason, certificate, status, created_by, created_at, changed_by, changed_at)
                    VALUES (:id, :s, :sn, :region, :c, :name, :brand, :model, CAST(:specs AS jsonb), :key, :price, :reason, :cert,
                        'PENDING', :by, :now, :by, :now)""")
                    .param("id", id).param("s", supplier.id()).param("sn", supplier.name()).param("region", supplier.regionCode())
                    .param("c", category.id()).param("name", in.productName().strip()).param("brand", in.brand().strip())
                    .param("model", in.model().strip()).param("specs", json.writeValueAsString(specs)).param("key", key)
                    .param("price", in.price()).param("reason", blankToNull(in.lowPriceReason()))
                    .param("cert", blankToNull(in.certificate())).param("by", user.username()).param("now", at).update();
        } catch (DuplicateKeyException e) { // a concurrent twin: the unique index decides
            throw new DomainException(MallError.LISTING_DUPLICATE, in.productName().strip());
        }
        for (PriceEvidence p : evidence) {
            insertEvidence(id, p, user.username(), at);
        }
        insertPriceChange(id, null, in.price(), user.username(), at);
        log.record(AuditRecord.of("mall.listing.submitted", id.toString(), supplier.regionCode(), user.actor(),
                Map.of("supplier", supplier.name(), "product", in.productName().strip(), "price", in.price().toPlainString())));
        return find(id).orElseThrow();
    }

    /**
     * The supplier changes the price (also to correct a suspended or returned listing, which goes back to review). The
     * caps are checked against all the listing's evidence; every price is kept.
     */
    @Transactional
    public ListingView changePrice(UUID id, BigDecimal price, String lowPriceReason, CurrentUser user) {
        ListingView listing = own(id, user);
        if (listing.status() == ListingStatus.WITHDRAWN) {
            throw new DomainException(MallError.LISTING_STATE_INVALID, label(listing.status()));
        }
        if (price == null || price.signum() <= 0) {
            throw new DomainException(MallError.MALL_FIELD_INVALID, "price > 0");
        }
        requireWithinCap(price, evidenceOf(id), lowPriceReason);
        ListingStatus next = listing.status() == ListingStatus.APPROVED ? ListingStatus.APPROVED : ListingStatus.PENDING;
        OffsetDateTime now = utc(clock.instant());
        jdbc.sql("""
                UPDATE mall_listing SET price = :p, low_price_reason = :r, status = :s,
                    status_reason = CASE WHEN :s = 'PENDING' THEN NULL ELSE status_reason END, changed_by = :by, changed_at = :now
                WHERE id = :id""")
                .param("p", price).param("r", blankToNull(lowPriceReason)).param("s", next.name()).param("by", user.username())
                .param("now", now).param("id", id).update();
        insertPriceChange(id, listing.price(), price, user.username(), now);
        log.record(AuditRecord.of("mall.listing.price-changed", id.toString(), listing.regionCode(), user.actor(),
                Map.of("from", listing.price().toPlainString(), "to", price.toPlainString())));
        return find(id).orElseThrow();
    }

    /**
     * New price evidence for a listing, from its supplier or the centre's price monitoring. If the listed price is now
     * above a cap, the listing is suspended from ordering until corrected and supervision is warned.
     */
    @Transactional
    public ListingView addEvidence(UUID id, EvidenceInput in, CurrentUser user) {
        ListingView listing = find(id).orElseThrow(() -> new DomainException(MallError.LISTING_NOT_FOUND));
        boolean staff = user != null && (user.role() == Role.CENTRE_STAFF || user.role() == Role.ADMINISTRATOR);
        if (!staff && (user == null || !listing.supplierId().equals(user.organisationId()))) {
            throw new DomainException(MallError.LISTING_NOT_FOUND);
        }
        PriceEvidence p = evidence(List.of(in)).get(0);
        OffsetDateTime now = utc(clock.instant());
        UUID evidenceId = insertEvidence(id, p, user.username(), now);
        PriceCap.Verdict verdict = PriceCap.check(listing.price(), evidenceOf(id), catalogue.today(), listing.lowPriceReason());
        if (verdict.outcome() == PriceCap.Outcome.ABOVE_CAP
                && (listing.status() == ListingStatus.APPROVED || listing.status() == ListingStatus.PENDING)) {
            String reason = String.format(Locale.ROOT, "新价格证据显示上架价 %s 元高于限价 %s 元（厂商指导价 %s 元，电商自营最低价 %s 元）",
                    yuan(verdict.price()), yuan(verdict.cap()), yuan(verdict.manufacturer()), yuan(verdict.ecommerce()));
            jdbc.sql("UPDATE mall_listing SET status = 'SUSPENDED', status_reason = :r, changed_by = :by, changed_at = :now WHERE id = :id")
                    .param("r", reason).param("by", user.username()).param("now", now).param("id", id).update();
            log.record(AuditRecord.of("mall.listing.suspended", id.toString(), listing.regionCode(), user.actor(),
                    Map.of("reason", reason, "evidence", evidenceId.toString())));
            warnings.raise(new WarningDraft("mall-price", "listing:" + id + ":" + evidenceId, WarningDraft.Severity.MEDIUM,
                    listing.regionCode(), null, null, "电子卖场商品价格超过限价：" + listing.supplierName() + " " + listing.productName(),
                    reason + "；商品已暂停下单，待供应商更正价格。", PRICE_RULE,
                    List.of(new WarningDraft.Evidence("上架价", yuan(verdict.price()) + " 元", "/mall/listings/" + id),
                            new WarningDraft.Evidence(verdict.binding().kind() == PriceEvidence.Kind.MANUFACTURER ? "厂商官方指导价" : "电商自营店最低价",
                                    yuan(verdict.cap()) + " 元（" + verdict.binding().source() + "，" + verdict.binding().observedOn()
                                            + "，SM3 " + verdict.binding().fileSm3() + "）", null)),
                    List.of()));
        }
        return find(id).orElseThrow();
    }

    /** The decision of a review. */
    public enum Decision { APPROVE, RETURN }

    /** The collecting body approves a pending listing, or returns it with a reason. Approval re-checks the caps today. */
    @Transactional
    public ListingView review(UUID id, Decision decision, String reason, CurrentUser user) {
        MallCatalogue.requireStaff(user);
        ListingView listing = find(id).filter(l -> sees(user, l)).orElseThrow(() -> new DomainException(MallError.LISTING_NOT_FOUND));
        if (listing.status() != ListingStatus.PENDING) {
            throw new DomainException(MallError.LISTING_STATE_INVALID, label(listing.status()));
        }
        if (decision == null) {
            throw new DomainException(MallError.MALL_FIELD_INVALID, "decision");
        }
        if (decision == Decision.RETURN && MallCatalogue.blank(reason)) {
            throw new DomainException(MallError.MALL_FIELD_INVALID, "reason（退回理由）");
        }
        if (decision == Decision.APPROVE) {
            requireWithinCap(listing.price(), evidenceOf(id), listing.lowPriceReason());
        }
        ListingStatus next = decision == Decision.APPROVE ? ListingStatus.APPROVED : ListingStatus.RETURNED;
        OffsetDateTime now = utc(clock.instant());
        jdbc.sql("""
                UPDATE mall_listing SET status = :s, status_reason = :r, reviewed_by = :by, reviewed_at = :now, changed_by = :by,
                    changed_at = :now WHERE id = :id AND status = 'PENDING'""")
                .param("s", next.name()).param("r", decision == Decision.RETURN ? reason.strip() : null)
                .param("by", user.username()).param("now", now).param("id", id).update();
        log.record(AuditRecord.of("mall.listing.reviewed", id.toString(), listing.regionCode(), user.actor(),
                Map.of("decision", decision.name(), "reason", decision == Decision.RETURN ? reason.strip() : "")));
        return find(id).orElseThrow();
    }

    /** The supplier withdraws a listing (下架). */
    @Transactional
    public ListingView withdraw(UUID id, CurrentUser user) {
        ListingView listing = own(id, user);
        jdbc.sql("UPDATE mall_listing SET status = 'WITHDRAWN', changed_by = :by, changed_at = :now WHERE id = :id")
                .param("by", user.username()).param("now", utc(clock.instant())).param("id", id).update();
        log.record(AuditRecord.of("mall.listing.withdrawn", id.toString(), listing.regionCode(), user.actor(), Map.of()));
        return find(id).orElseThrow();
    }

    /**
     * The approved listings matching {@code text} (product, brand, model or supplier) in {@code categoryId} (null: all):
     * certified products first where the category prefers them (财库〔2019〕9号), then by price.
     */
    public List<ListingView> search(String text, UUID categoryId) {
        String like = text == null || text.isBlank() ? null : "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return jdbc.sql(SELECT + " " + """
                 WHERE l.status = 'APPROVED' AND (CAST(:c AS uuid) IS NULL OR l.category_id = :c)
                  AND (CAST(:q AS text) IS NULL OR l.product_name ILIKE :q OR l.brand ILIKE :q OR l.model ILIKE :q
                       OR l.supplier_name ILIKE :q)
                 ORDER BY c.item_code, c.name, (c.policy <> 'NONE' AND l.certificate IS NOT NULL) DESC, l.price, l.id
                 LIMIT 500""")
                .param("c", categoryId).param("q", like).query(this::map).list();
    }

    /** The supplier's own listings. */
    public List<ListingView> mine(CurrentUser user) {
        if (user == null || user.organisationId() == null) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE l.supplier_id = :s ORDER BY l.created_at DESC, l.id").param("s", user.organisationId())
                .query(this::map).list();
    }

    /** The listings the staff member reviews, in {@code status} (null: every status), oldest first. */
    public List<ListingView> forReview(ListingStatus status, CurrentUser user) {
        MallCatalogue.requireStaff(user);
        return jdbc.sql(SELECT + " WHERE (CAST(:s AS text) IS NULL OR l.status = :s) ORDER BY l.created_at, l.id")
                .param("s", status == null ? null : status.name()).query(this::map).list().stream().filter(l -> sees(user, l)).toList();
    }

    /** A listing with its evidence and history, as {@code user} may see it (the public: approved ones only). */
    public Optional<ListingView> find(UUID id, CurrentUser user) {
        return find(id).filter(l -> l.status() == ListingStatus.APPROVED || (user != null && (
                (user.organisationId() != null && user.organisationId().equals(l.supplierId()))
                        || ((user.role() == Role.CENTRE_STAFF || user.role() == Role.ADMINISTRATOR) && sees(user, l))
                        || user.role() == Role.SUPERVISOR || user.role() == Role.TENDEREE && l.status() == ListingStatus.SUSPENDED)));
    }

    Optional<ListingView> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE l.id = :id").param("id", id).query(this::map).optional().map(this::withDetails);
    }

    /** The listing for an order: it must be approved and its supplier unrestricted at {@code at}. */
    ListingView orderable(UUID id, Instant at) {
        ListingView listing = find(id).orElseThrow(() -> new DomainException(MallError.LISTING_NOT_FOUND));
        if (!listing.orderable()) {
            throw new DomainException(MallError.LISTING_NOT_ORDERABLE, listing.productName(),
                    label(listing.status()) + (listing.statusReason() == null ? "" : "：" + listing.statusReason()));
        }
        requireUnrestricted(listing.supplierId(), at);
        return listing;
    }

    /**
     * The approved listings of {@code categoryId} that meet the item {@code specs} asks for (a reverse auction's or a
     * group purchase's), certified ones only in a mandatory-list category (财库〔2019〕9号): who may bid, and the
     * listed prices a ceiling must not exceed.
     */
    List<ListingView> qualifying(UUID categoryId, Map<String, String> specs) {
        CategoryView category = catalogue.category(categoryId).orElseThrow(() -> new DomainException(MallError.MALL_CATEGORY_NOT_FOUND));
        return search(null, categoryId).stream().filter(l -> org.sunbid.platform.mall.domain.ProductKey.meets(l.specs(), specs))
                .filter(l -> category.policy() != ProductPolicy.MANDATORY || l.certificate() != null).toList();
    }

    /** Whether the supplier is free of credit restrictions at {@code at}. */
    boolean unrestricted(UUID supplierId, Instant at) {
        return !credit.checkOrganisations(Gate.BIDDING, List.of(supplierId), at).barred();
    }

    void requireUnrestricted(UUID supplierId, Instant at) {
        CreditVerdict verdict = credit.checkOrganisations(Gate.BIDDING, List.of(supplierId), at);
        if (verdict.barred()) {
            throw new DomainException(MallError.MALL_SUPPLIER_RESTRICTED, verdict.reasons());
        }
    }

    private void requireWithinCap(BigDecimal price, List<PriceEvidence> evidence, String lowPriceReason) {
        PriceCap.Verdict v = PriceCap.check(price, evidence, catalogue.today(), lowPriceReason);
        switch (v.outcome()) {
            case WITHIN -> {
            }
            case EVIDENCE_MISSING -> throw new DomainException(MallError.LISTING_EVIDENCE_MISSING, PriceCap.SAME_PERIOD_DAYS,
                    orNone(v.manufacturer()), orNone(v.ecommerce()));
            case ABOVE_CAP -> throw new DomainException(MallError.LISTING_PRICE_ABOVE_EVIDENCE, yuan(v.price()), yuan(v.cap()),
                    yuan(v.manufacturer()), yuan(v.ecommerce()));
            case BAIT -> throw new DomainException(MallError.LISTING_BAIT_PRICE, yuan(v.price()), yuan(v.baitFloor()), yuan(v.cap()));
        }
    }

    private ListingView own(UUID id, CurrentUser user) {
        return find(id).filter(l -> user != null && l.supplierId().equals(user.organisationId()))
                .orElseThrow(() -> new DomainException(MallError.LISTING_NOT_FOUND));
    }

    private Organisation supplierOf(CurrentUser user) {
        if (user == null || user.role() != Role.BIDDER || user.organisationId() == null) {
            throw new DomainException(MallError.MALL_FORBIDDEN, "供应商");
        }
        return organisations.find(user.organisationId()).orElseThrow(() -> new DomainException(MallError.MALL_FORBIDDEN, "供应商"));
    }

    private boolean sees(CurrentUser user, ListingView l) {
        return user.role() == Role.ADMINISTRATOR || user.regionCode() == null || regions.isWithin(l.regionCode(), user.regionCode())
                || !regions.find(l.regionCode()).isPresent();
    }

    private List<PriceEvidence> evidence(List<EvidenceInput> inputs) {
        List<PriceEvidence> out = new ArrayList<>();
        for (EvidenceInput e : inputs == null ? List.<EvidenceInput>of() : inputs) {
            try {
                out.add(new PriceEvidence(e.kind(), e.price(), e.source() == null ? null : e.source().strip(), e.observedOn(),
                        e.fileSm3() == null ? null : e.fileSm3().strip().toLowerCase(Locale.ROOT)));
            } catch (RuntimeException ex) {
                throw new DomainException(MallError.MALL_FIELD_INVALID,
                        "evidence（kind, price > 0, source, observedOn, fileSm3 = 64 位十六进制 SM3）");
            }
            if (e.observedOn().isAfter(catalogue.today())) {
                throw new DomainException(MallError.MALL_FIELD_INVALID, "evidence.observedOn（不能晚于今天）");
            }
        }
        return out;
    }

    private List<PriceEvidence> evidenceOf(UUID listingId) {
        return jdbc.sql("SELECT kind, price, source, observed_on, file_sm3 FROM mall_price_evidence WHERE listing_id = :id")
                .param("id", listingId)
                .query((rs, n) -> new PriceEvidence(PriceEvidence.Kind.valueOf(rs.getString(1)), rs.getBigDecimal(2),
                        rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5))).list();
    }

    private UUID insertEvidence(UUID listingId, PriceEvidence p, String by, OffsetDateTime at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO mall_price_evidence (id, listing_id, kind, price, source, observed_on, file_sm3, created_by, created_at)
                VALUES (:id, :l, :k, :p, :s, :o, :f, :by, :at)""")
                .param("id", id).param("l", listingId).param("k", p.kind().name()).param("p", p.price()).param("s", p.source())
                .param("o", p.observedOn()).param("f", p.fileSm3()).param("by", by).param("at", at).update();
        return id;
    }

    private void insertPriceChange(UUID listingId, BigDecimal from, BigDecimal to, String by, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO mall_price_change (id, listing_id, old_price, new_price, created_by, created_at)
                VALUES (:id, :l, :o, :n, :by, :at)""")
                .param("id", UUID.randomUUID()).param("l", listingId).param("o", from).param("n", to).param("by", by)
                .param("at", at).update();
    }

    private ListingView withDetails(ListingView l) {
        List<ListingView.Evidence> evidence = jdbc.sql("""
                SELECT id, kind, price, source, observed_on, file_sm3, created_at FROM mall_price_evidence WHERE listing_id = :id
                ORDER BY created_at DESC, observed_on DESC""").param("id", l.id())
                .query((rs, n) -> new ListingView.Evidence(rs.getObject(1, UUID.class), rs.getString(2), rs.getBigDecimal(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant())).list();
        List<ListingView.PriceChange> history = jdbc.sql("""
                SELECT old_price, new_price, created_by, created_at FROM mall_price_change WHERE listing_id = :id ORDER BY created_at, id""")
                .param("id", l.id())
                .query((rs, n) -> new ListingView.PriceChange(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant())).list();
        return new ListingView(l.id(), l.supplierId(), l.supplierName(), l.regionCode(), l.categoryId(), l.categoryName(),
                l.itemCode(), l.unit(), l.productName(), l.brand(), l.model(), l.specs(), l.price(), l.lowPriceReason(),
                l.certificate(), l.status(), l.statusReason(), l.createdAt(), evidence, history);
    }

    private ListingView map(ResultSet rs, int n) throws SQLException {
        Map<String, String> specs = json.readValue(rs.getString("specs"), new TypeReference<LinkedHashMap<String, String>>() {
        });
        return new ListingView(rs.getObject("id", UUID.class), rs.getObject("supplier_id", UUID.class), rs.getString("supplier_name"),
                rs.getString("region_code"), rs.getObject("category_id", UUID.class), rs.getString("category_name"),
                rs.getString("item_code"), rs.getString("unit"), rs.getString("product_name"), rs.getString("brand"),
                rs.getString("model"), specs, rs.getBigDecimal("price"), rs.getString("low_price_reason"), rs.getString("certificate"),
                ListingStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), List.of(), List.of());
    }

    static String label(ListingStatus s) {
        return switch (s) {
            case PENDING -> "待审核";
            case APPROVED -> "已上架";
            case RETURNED -> "已退回";
            case SUSPENDED -> "已暂停";
            case WITHDRAWN -> "已下架";
        };
    }

    static String yuan(BigDecimal v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%,.2f", v);
    }

    private static String orNone(BigDecimal v) {
        return v == null ? "无" : yuan(v) + " 元";
    }

    static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
