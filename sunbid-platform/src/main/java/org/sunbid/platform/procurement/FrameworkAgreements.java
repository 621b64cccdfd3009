package org.sunbid.platform.procurement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.catalog.Region;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.deals.NewProject;
import org.sunbid.platform.deals.Procedures;
import org.sunbid.platform.deals.ProjectCategory;
import org.sunbid.platform.deals.ProjectView;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.procurement.framework.AgreementKind;
import org.sunbid.platform.procurement.framework.AgreementStatus;
import org.sunbid.platform.procurement.framework.BuyerScope;
import org.sunbid.platform.procurement.framework.FrameworkAgreement;
import org.sunbid.platform.procurement.framework.FrameworkTerms;
import org.sunbid.platform.procurement.framework.ShortlistMethod;
import org.sunbid.platform.procurement.framework.Shortlisting;

/**
 * The first stage of framework agreements (框架协议采购, 财政部令第110号): the collecting body (征集人: a 集中采购机构, role
 * AGENCY, or a 主管预算单位, role TENDEREE) registers the agreement as a project/lot of procedure {@code ZFCG_FRAMEWORK},
 * whose dated rules decide ({@link FrameworkTerms}); suppliers respond with a unit price per item, none above its
 * maximum unit price; after the deadline the collecting body shortlists under the elimination rule and the shortlist
 * (入围结果) is published; an open agreement admits joining suppliers during its term, each admission reviewed and
 * published.
 *
 * <p>Responses are a simple record of their own (not the lot's sealed-bid path): a framework response prices every item
 * and the shortlist is the collecting body's decision, where the sealed-bid path carries one price and an opening with
 * key shares. They are kept from everyone but their supplier until the deadline (not listed, not counted), by access
 * checks rather than encryption (a known gap against the platform's sealed bids; see STATUS-F).
 */
@Service
public class FrameworkAgreements {

    /** Beijing, where notices show their times. */
    static final java.time.ZoneId BEIJING = java.time.ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final FrameworkStore store;
    private final Projects projects;
    private final Procedures procedures;
    private final Organisations organisations;
    private final FrameworkCredit credit;
    private final AuditLog log;
    private final Regions regions;
    private final Clock clock;

    FrameworkAgreements(FrameworkStore store, Projects projects, Procedures procedures, Organisations organisations,
            FrameworkCredit credit, AuditLog log, Regions regions, Clock clock) {
        this.store = store;
        this.regions = regions;
        this.projects = projects;
        this.procedures = procedures;
        this.organisations = organisations;
        this.credit = credit;
        this.log = log;
        this.clock = clock;
    }

    static final String PROCEDURE = "ZFCG_FRAMEWORK";

    /** The lot's rules at {@code at}, as framework terms. */
    FrameworkTerms terms(String regionCode, Instant at) {
        return FrameworkTerms.of(procedures.rulesAt(PROCEDURE, regionCode, at));
    }

    /** The collecting body starts the first stage: project, lot and agreement, in the transparency log. */
    @Transactional
    public FrameworkAgreementView create(NewFrameworkAgreement in, CurrentUser user) {
        if (user.role() != Role.AGENCY && user.role() != Role.TENDEREE || user.organisationId() == null) {
            throw new DomainException(FrameworkError.FRAMEWORK_NOT_COLLECTOR);
        }
        AgreementKind kind = parse(AgreementKind.class, in.kind(), "kind");
        ShortlistMethod method = parse(ShortlistMethod.class, in.shortlisting(), "shortlisting");
        ProjectCategory category = parse(ProjectCategory.class, in.category(), "category");
        if (category == ProjectCategory.WORKS) {
            throw new DomainException(FrameworkError.FRAMEWORK_INVALID, "category: GOODS or SERVICES");
        }
        boolean services = category == ProjectCategory.SERVICES;
        if (in.regionCode() == null || in.items() == null) {
            throw new DomainException(FrameworkError.FRAMEWORK_INVALID, in.regionCode() == null ? "regionCode" : "items");
        }
        Instant now = clock.instant();
        FrameworkTerms terms = terms(in.regionCode(), now);
        int termMonths = in.termMonths() == null ? terms.maxTerm(services).whole() : in.termMonths();
        List<BigDecimal> maxima = new ArrayList<>();
        for (NewFrameworkAgreement.NewItem item : in.items()) {
            if (item == null || item.name() == null || item.name().isBlank() || item.name().strip().length() > 200
                    || item.unit() == null || item.unit().isBlank() || item.unit().strip().length() > 20) {
                throw new DomainException(FrameworkError.FRAMEWORK_INVALID, "items.name/unit");
            }
            maxima.add(item.maxUnitPrice());
        }
        FrameworkAgreement.checkNew(terms, kind, method, services, termMonths, in.responseDeadline(), maxima, now);
        if (in.budget() == null) {
            throw new DomainException(FrameworkError.FRAMEWORK_INVALID, "budget");
        }
        BuyerScope scope = BuyerScope.of(in.buyerIds(), in.buyerRegions(), in.regionCode(),
                org -> organisations.find(org).map(o -> o.kind() == OrganisationKind.TENDEREE).orElse(false),
                code -> regions.find(code).isPresent());
        ProjectView project = projects.register(new NewProject("ZFCG", PROCEDURE, in.name(), in.regionCode(),
                user.organisationId(), null, new Money(in.budget()), null, category, in.itemCode(),
                List.of(new NewProject.NewLot(null, in.name() == null ? null : in.name(), new Money(in.budget())))), user.actor());
        UUID id = UUID.randomUUID();
        UUID lotId = project.lots().get(0).id();
        store.insertAgreement(id, lotId, project.id(), project.dealCode(), project.regionCode(), user.organisationId(),
                project.name(), kind, method, category.name(), termMonths, in.responseDeadline(), now, user.username());
        int no = 0;
        for (NewFrameworkAgreement.NewItem item : in.items()) {
            store.insertItem(id, ++no, item.name().strip(), item.unit().strip(), item.maxUnitPrice(), now, user.username());
        }
        store.insertBuyers(id, scope);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("agreementId", id.toString());
        payload.put("lotId", lotId.toString());
        payload.put("kind", kind.name());
        payload.put("shortlisting", method.name());
        payload.put("termMonths", termMonths);
        payload.put("responseDeadline", in.responseDeadline().toString());
        payload.put("maxUnitPrices", maxima.stream().map(BigDecimal::toPlainString).toList());
        payload.put("buyerIds", scope.organisations().stream().map(UUID::toString).toList());
        payload.put("buyerRegions", scope.regions());
        payload.put("rule", terms.maxUnitPriceArticle());
        log.record(AuditRecord.of("procurement.framework.created", id.toString(), project.regionCode(), user.actor(), payload));
        return view(id, user);
    }

    /**
     * A supplier responds (first stage) with one unit price per item; refused after the deadline, above a maximum unit
     * price, twice, or when the supplier is credit-restricted now. The log entry is sealed until the deadline.
     */
    @Transactional
    public void respond(UUID agreementId, Map<Integer, BigDecimal> prices, CurrentUser user) {
        requireSupplier(user);
        FrameworkStore.Agreement a = store.lock(agreementId).orElseThrow(() -> new DomainException(FrameworkError.FRAMEWORK_NOT_FOUND));
        Instant now = clock.instant();
        FrameworkTerms terms = terms(a.regionCode(), now);
        a.state().checkResponse(prices, terms, now);
        if (store.responded(agreementId, user.organisationId())) {
            throw new DomainException(FrameworkError.FRAMEWORK_ALREADY_RESPONDED);
        }
        credit.require(user.organisationId(), now, a.lotId().toString(), a.regionCode(), user.actor());
        UUID id = UUID.randomUUID();
        store.insertResponse(id, agreementId, user.organisationId(), "RESPONSE", prices, now, user.username());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("agreementId", agreementId.toString());
        payload.put("responseId", id.toString());
        payload.put("supplierId", user.organisationId().toString());
        log.record(AuditRecord.of("procurement.framework.responded", agreementId.toString(), a.regionCode(), user.actor(), payload)
                .sealedUntil(a.state().responseDeadline()));
    }

    /**
     * The collecting body shortlists after the deadline: the qualified responses (a supplier credit-restricted now is
     * not qualified) ranked by the agreement's method; a closed agreement shortlists the first {@code count}, refused if
     * that eliminates fewer than the rule requires; an open one admits every qualified respondent ({@code count} 0 or
     * their number). The shortlist is published (入围结果公告) and the term starts.
     *
     * @param qualityScores supplier → quality score, for quality-first (ignored under price-first)
     */
    @Transactional
    public FrameworkAgreementView shortlist(UUID agreementId, int count, Map<UUID, BigDecimal> qualityScores, CurrentUser user) {
        FrameworkStore.Agreement a = collectorLock(agreementId, user);
        Instant now = clock.instant();
        a.state().checkShortlisting(now);
        FrameworkTerms terms = terms(a.regionCode(), now);
        List<FrameworkStore.Response> responses = store.responses(agreementId);
        Set<UUID> barred = credit.barred(responses.stream().map(FrameworkStore.Response::supplierId).toList(), now,
                a.lotId().toString(), a.regionCode(), user.actor());
        Map<UUID, FrameworkStore.Response> bySupplier = new HashMap<>();
        List<Shortlisting.Response> qualified = new ArrayList<>();
        for (FrameworkStore.Response r : responses) {
            if (barred.contains(r.supplierId())) {
                continue;
            }
            bySupplier.put(r.supplierId(), r);
            BigDecimal score = a.state().method() == ShortlistMethod.QUALITY_FIRST && qualityScores != null
                    ? qualityScores.get(r.supplierId()) : null;
            qualified.add(new Shortlisting.Response(r.supplierId(), r.total(), score, r.submittedAt()));
        }
        Shortlisting.Result result = Shortlisting.shortlist(qualified, count, a.state().kind(), a.state().method(), terms);
        int admitted = result.shortlisted().size();
        int rank = 0;
        for (Shortlisting.Response s : result.shortlisted()) {
            store.decideResponse(bySupplier.get(s.supplierId()).id(), "SHORTLISTED", ++rank, s.qualityScore(), null, now, user.username());
        }
        for (Shortlisting.Response s : result.eliminated()) {
            store.decideResponse(bySupplier.get(s.supplierId()).id(), "ELIMINATED", null, s.qualityScore(), null, now, user.username());
        }
        for (FrameworkStore.Response r : responses) {
            if (barred.contains(r.supplierId())) {
                store.decideResponse(r.id(), "ELIMINATED", null, null, "credit", now, user.username());
            }
        }
        Instant end = a.state().termEndFrom(now);
        store.inForce(agreementId, now, end, user.username());
        Map<UUID, String> names = names(result.shortlisted().stream().map(Shortlisting.Response::supplierId).toList());
        StringBuilder body = new StringBuilder();
        body.append(a.state().kind() == AgreementKind.CLOSED ? "封闭式" : "开放式").append("框架协议入围结果（")
                .append(a.state().method() == ShortlistMethod.PRICE_FIRST ? "价格优先法" : "质量优先法").append("）。")
                .append("响应且合格的供应商 ").append(qualified.size()).append(" 家，入围 ").append(admitted).append(" 家，淘汰 ")
                .append(qualified.size() - admitted).append(" 家（")
                .append(a.state().kind() == AgreementKind.CLOSED ? terms.eliminationPercent().article()
                        : "开放式框架协议：接受协议条件的合格供应商均入围")
                .append("）。")
                .append("协议有效期 ").append(MINUTE.format(now.atZone(BEIJING))).append(" 至 ")
                .append(MINUTE.format(end.atZone(BEIJING))).append("。入围供应商（即顺序轮候顺序）：");
        rank = 0;
        for (Shortlisting.Response s : result.shortlisted()) {
            body.append("\n").append(++rank).append(". ").append(names.get(s.supplierId())).append(" ")
                    .append(bySupplier.get(s.supplierId()).prices());
        }
        store.insertNotice(agreementId, "SHORTLIST", a.name() + " 入围结果公告", body.toString(), now, user.username());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("agreementId", agreementId.toString());
        payload.put("qualified", qualified.size());
        payload.put("shortlisted", result.shortlisted().stream().map(s -> (Object) s.supplierId().toString()).toList());
        payload.put("eliminationRequired", terms.eliminationRequired(a.state().kind(), qualified.size()));
        payload.put("rule", terms.eliminationPercent().article());
        payload.put("termEnd", end.toString());
        log.record(AuditRecord.of("procurement.framework.shortlisted", agreementId.toString(), a.regionCode(), user.actor(), payload));
        return view(agreementId, user);
    }

    /** A supplier asks to join an open agreement during its term (开放式框架协议), with its unit prices. */
    @Transactional
    public UUID join(UUID agreementId, Map<Integer, BigDecimal> prices, CurrentUser user) {
        requireSupplier(user);
        FrameworkStore.Agreement a = store.lock(agreementId).orElseThrow(() -> new DomainException(FrameworkError.FRAMEWORK_NOT_FOUND));
        Instant now = clock.instant();
        a.state().checkJoin(prices, terms(a.regionCode(), now), now);
        if (store.responded(agreementId, user.organisationId())) {
            throw new DomainException(FrameworkError.FRAMEWORK_ALREADY_RESPONDED);
        }
        credit.require(user.organisationId(), now, a.lotId().toString(), a.regionCode(), user.actor());
        UUID id = UUID.randomUUID();
        store.insertResponse(id, agreementId, user.organisationId(), "JOIN", prices, now, user.username());
        log.record(AuditRecord.of("procurement.framework.join.requested", agreementId.toString(), a.regionCode(), user.actor(),
                Map.of("agreementId", agreementId.toString(), "requestId", id.toString(), "supplierId", user.organisationId().toString())));
        return id;
    }

    /** The collecting body reviews a join request: admitted at the end of the rotation order and published, or refused. */
    @Transactional
    public FrameworkAgreementView reviewJoin(UUID agreementId, UUID requestId, boolean admit, String reason, CurrentUser user) {
        FrameworkStore.Agreement a = collectorLock(agreementId, user);
        Instant now = clock.instant();
        a.state().requireInForce(now);
        List<FrameworkStore.Response> all = store.responses(agreementId);
        FrameworkStore.Response r = all.stream().filter(x -> x.id().equals(requestId) && "JOIN".equals(x.via())
                && "SUBMITTED".equals(x.status())).findFirst().orElseThrow(() -> new DomainException(FrameworkError.FRAMEWORK_NOT_FOUND));
        String why = reason == null ? null : reason.strip();
        if (!admit && (why == null || why.isEmpty() || why.length() > 500)) {
            throw new DomainException(FrameworkError.FRAMEWORK_INVALID, "reason");
        }
        if (admit) {
            credit.require(r.supplierId(), now, a.lotId().toString(), a.regionCode(), user.actor());
            int rank = all.stream().map(FrameworkStore.Response::rank).filter(java.util.Objects::nonNull).max(Integer::compare).orElse(0) + 1;
            store.decideResponse(requestId, "ADMITTED", rank, null, why, now, user.username());
            String name = names(List.of(r.supplierId())).get(r.supplierId());
            store.insertNotice(agreementId, "JOIN", a.name() + " 供应商加入结果公告",
                    name + " 经审核加入本开放式框架协议，轮候顺序第 " + rank + " 位，协议单价 " + r.prices() + "。", now, user.username());
        } else {
            store.decideResponse(requestId, "REFUSED", null, null, why, now, user.username());
        }
        log.record(AuditRecord.of("procurement.framework.join.reviewed", agreementId.toString(), a.regionCode(), user.actor(),
                Map.of("agreementId", agreementId.toString(), "requestId", requestId.toString(), "admitted", admit)));
        return view(agreementId, user);
    }

    /** The join requests awaiting the collecting body's review (the collecting body only). */
    public List<FrameworkAgreementView.Member> pendingJoins(UUID agreementId, CurrentUser user) {
        FrameworkStore.Agreement a = store.agreement(agreementId).orElseThrow(() -> new DomainException(FrameworkError.FRAMEWORK_NOT_FOUND));
        if (!a.collectorId().equals(user.organisationId())) {
            throw new DomainException(FrameworkError.FRAMEWORK_NOT_COLLECTOR);
        }
        List<FrameworkStore.Response> pending = store.responses(agreementId).stream()
                .filter(r -> "JOIN".equals(r.via()) && "SUBMITTED".equals(r.status())).toList();
        Map<UUID, String> names = names(pending.stream().map(FrameworkStore.Response::supplierId).toList());
        return pending.stream().map(r -> new FrameworkAgreementView.Member(0, r.id(), names.get(r.supplierId()), r.prices(), null,
                "JOIN")).toList();
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** An agreement as anyone sees it (the shortlist once published, never the responses). */
    public FrameworkAgreementView view(UUID agreementId, CurrentUser user) {
        FrameworkStore.Agreement a = store.agreement(agreementId).orElseThrow(() -> new DomainException(FrameworkError.FRAMEWORK_NOT_FOUND));
        List<FrameworkAgreementView.Item> items = store.items(agreementId).stream()
                .map(i -> new FrameworkAgreementView.Item(i.no(), i.name(), i.unit(), i.maxUnitPrice())).toList();
        List<FrameworkAgreementView.Member> members = List.of();
        if (a.state().status() == AgreementStatus.IN_FORCE) {
            List<FrameworkStore.Response> shortlisted = members(agreementId);
            Map<UUID, String> names = names(shortlisted.stream().map(FrameworkStore.Response::supplierId).toList());
            members = shortlisted.stream().map(r -> new FrameworkAgreementView.Member(r.rank(), r.supplierId(),
                    names.get(r.supplierId()), r.prices(), r.qualityScore(), r.via())).toList();
        }
        String collector = organisations.find(a.collectorId()).map(Organisation::name).orElse("");
        return new FrameworkAgreementView(a.state().id(), a.dealCode(), a.lotId(), a.name(), a.regionCode(), a.collectorId(),
                collector, a.state().kind().name(), a.state().method().name(), a.category(), a.state().termMonths(),
                a.state().responseDeadline(), a.state().status().name(), a.state().termStart(), a.state().termEnd(), items,
                members, store.notices(agreementId), buyers(store.buyers(agreementId)));
    }

    /** The scope's entries with their names: named budget units first, then regions. */
    private List<FrameworkAgreementView.Buyer> buyers(BuyerScope scope) {
        List<FrameworkAgreementView.Buyer> buyers = new ArrayList<>();
        Map<UUID, String> names = names(scope.organisations());
        for (UUID o : scope.organisations()) {
            buyers.add(new FrameworkAgreementView.Buyer(o, null, names.getOrDefault(o, "")));
        }
        for (String r : scope.regions()) {
            buyers.add(new FrameworkAgreementView.Buyer(null, r, regions.find(r).map(Region::name).orElse(r)));
        }
        return buyers;
    }

    /**
     * Refused ({@link FrameworkError#GPL110_BUYER_OUT_OF_SCOPE}) unless the budget unit {@code buyerId} is within the
     * agreement's scope (适用范围): named, or of a covered region.
     */
    void requireBuyerInScope(UUID agreementId, UUID buyerId) {
        BuyerScope scope = store.buyers(agreementId);
        String buyerRegion = organisations.find(buyerId).map(Organisation::regionCode).orElse(null);
        if (!scope.admits(buyerId, buyerRegion, regions::isWithin)) {
            String described = buyers(scope).stream().map(FrameworkAgreementView.Buyer::name)
                    .collect(Collectors.joining("、"));
            scope.require(buyerId, buyerRegion, regions::isWithin, described);
        }
    }

    /** The newest agreements (at most {@code limit}), as {@link #view} shows them. */
    public List<FrameworkAgreementView> list(int limit, CurrentUser user) {
        return store.agreementIds(Math.max(1, Math.min(limit, 200))).stream().map(id -> view(id, user)).toList();
    }

    /** The shortlisted and admitted suppliers in rotation order. */
    List<FrameworkStore.Response> members(UUID agreementId) {
        return store.responses(agreementId).stream()
                .filter(r -> "SHORTLISTED".equals(r.status()) || "ADMITTED".equals(r.status()))
                .sorted(java.util.Comparator.comparing(FrameworkStore.Response::rank)).toList();
    }

    Map<UUID, String> names(List<UUID> ids) {
        return organisations.findAll(ids).stream().collect(Collectors.toMap(Organisation::id, Organisation::name, (x, y) -> x));
    }

    private FrameworkStore.Agreement collectorLock(UUID agreementId, CurrentUser user) {
        FrameworkStore.Agreement a = store.lock(agreementId).orElseThrow(() -> new DomainException(FrameworkError.FRAMEWORK_NOT_FOUND));
        if (user.organisationId() == null || !a.collectorId().equals(user.organisationId())) {
            throw new DomainException(FrameworkError.FRAMEWORK_NOT_COLLECTOR);
        }
        return a;
    }

    private static void requireSupplier(CurrentUser user) {
        if (user.role() != Role.BIDDER || user.organisationId() == null) {
            throw new DomainException(FrameworkError.FRAMEWORK_INVALID, "only a supplier responds");
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException(FrameworkError.FRAMEWORK_INVALID, field);
        }
    }

}
