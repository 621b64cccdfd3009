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

import org.springframework.modulith.events.ApplicationModuleListener;
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
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.platform.kernel.Actor;
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
import org.sunbid.platform.procurement.framework.OpenedResponse;
import org.sunbid.platform.procurement.framework.ShortlistMethod;
import org.sunbid.platform.procurement.framework.Shortlisting;
import org.sunbid.platform.sealing.BidReceipt;
import org.sunbid.platform.sealing.OfferRoundView;
import org.sunbid.platform.sealing.OfferRounds;
import org.sunbid.platform.sealing.OffersOpened;

/**
 * The first stage of framework agreements (框架协议采购, 财政部令第110号): the collecting body (征集人: a 集中采购机构, role
 * AGENCY, or a 主管预算单位, role TENDEREE) registers the agreement as a project/lot of procedure {@code ZFCG_FRAMEWORK},
 * whose dated rules decide ({@link FrameworkTerms}); suppliers respond with a unit price per item, none above its
 * maximum unit price; after the deadline the collecting body shortlists under the elimination rule and the shortlist
 * (入围结果) is published; an open agreement admits joining suppliers during its term, each admission reviewed and
 * published.
 *
 * <p>Responses are bids, sealed as bids are (session 12): creating the agreement opens a competition round of sealing's
 * on the agreement's lot ({@link OfferRounds#openCompetition}: open to any supplier, due at the response deadline, its
 * key split among the region's centre, its supervision department and the collecting body). A response is checked here
 * (deadline, maxima, credit, once), then its unit prices are sealed on arrival to the round's key as a price sheet
 * ({@code itemPrices} by item number, {@code totalPrice} their sum); the response row holds no price, nor does any log
 * entry or error. After the deadline the custodians release their shares, sealing opens the round and its
 * {@link OffersOpened} (this agreement's purpose only) writes the opened prices into the response rows; a response
 * whose envelope did not open, or whose opened prices break a maximum, is eliminated with a reason. Shortlisting waits
 * for that ({@code FRAMEWORK_RESPONSES_SEALED}). Agreements created before the sealed responses (no round) keep their
 * plain responses and shortlist as before.
 *
 * <p>Join requests during an open agreement's term ({@link #join}) stay plain rows, kept from others by access checks
 * until their review: each is decided on its own, and an admitted supplier's unit prices are published with its
 * admission anyway, so there is no moment at which rivals' prices must stay sealed against each other.
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
    private final OfferRounds rounds;
    private final org.sunbid.platform.audit.ConfidentialRecords confidential;
    private final SealedResponseStore sealed;

    /** The purpose an agreement's response round carries in sealing (then the agreement's id). */
    static final String RESPONSE_PURPOSE = "framework-response:";
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    FrameworkAgreements(FrameworkStore store, Projects projects, Procedures procedures, Organisations organisations,
            FrameworkCredit credit, AuditLog log, Regions regions, Clock clock, OfferRounds rounds, SealedResponseStore sealed,
            org.sunbid.platform.audit.ConfidentialRecords confidential) {
        this.store = store;
        this.confidential = confidential;
        this.rounds = rounds;
        this.sealed = sealed;
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
        // the responses are sealed to a round of their own, open to any supplier until the response deadline; its key is
        // split among the region's centre, its supervision department and the collecting body
        OfferRoundView round = rounds.openCompetition(lotId, project.regionCode(), user.organisationId(), RESPONSE_PURPOSE + id,
                in.responseDeadline(), null, user.actor());
        sealed.round(id, round.round());
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
        payload.put("responseRound", round.round());
        log.record(AuditRecord.of("procurement.framework.created", id.toString(), project.regionCode(), user.actor(), payload));
        return view(id, user);
    }

    /** {@link #respond(UUID, Map, String, CurrentUser)} without the sender's address. */
    public BidReceipt respond(UUID agreementId, Map<Integer, BigDecimal> prices, CurrentUser user) {
        return respond(agreementId, prices, null, user);
    }

    /**
     * A supplier responds (first stage) with one unit price per item; refused after the deadline, above a maximum unit
     * price, twice, or when the supplier is credit-restricted now. The prices are sealed on arrival to the agreement's
     * response round ({@link OfferRounds#sealCompetitionOffer}); the response row holds none, and the response is a
     * confidential record (no public entry: their number stays secret until the deadline). The answer is sealing's signed receipt (for the supplier only). An agreement
     * created before the sealed responses (no round) still takes plain rows.
     */
    @Transactional
    public BidReceipt respond(UUID agreementId, Map<Integer, BigDecimal> prices, String ip, CurrentUser user) {
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
        java.util.Optional<SealedResponseStore.ResponseRound> round = sealed.round(agreementId);
        BidReceipt receipt = null;
        if (round.isPresent()) {
            Map<String, Object> itemPrices = new LinkedHashMap<>();
            BigDecimal total = BigDecimal.ZERO;
            for (Map.Entry<Integer, BigDecimal> p : new java.util.TreeMap<>(prices).entrySet()) {
                itemPrices.put(String.valueOf(p.getKey()), p.getValue().setScale(2).toPlainString());
                total = total.add(p.getValue());
            }
            Map<String, Object> sheet = new LinkedHashMap<>();
            sheet.put("type", "sunbid.framework-response");
            sheet.put("agreementId", agreementId.toString());
            sheet.put("itemPrices", itemPrices);
            sheet.put("totalPrice", total.setScale(2).toPlainString());
            receipt = rounds.sealCompetitionOffer(a.lotId(), round.get().round(), CanonicalJson.write(sheet), ip, user);
            store.insertResponse(id, agreementId, user.organisationId(), "RESPONSE", Map.of(), now, user.username());
        } else {
            store.insertResponse(id, agreementId, user.organisationId(), "RESPONSE", prices, now, user.username());
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("agreementId", agreementId.toString());
        payload.put("responseId", id.toString());
        payload.put("supplierId", user.organisationId().toString());
        AuditRecord record = AuditRecord.of("procurement.framework.responded", agreementId.toString(), a.regionCode(), user.actor(),
                payload);
        if (round.isPresent()) {
            // a confidential record, as sealing keeps the envelope's: even a sealed public entry per response would let
            // anyone count the responses (and see when they came) before the deadline
            payload.put("responseRound", round.get().round());
            confidential.record(id, record);
        } else {
            log.record(record.sealedUntil(a.state().responseDeadline()));
        }
        return receipt;
    }

    /**
     * Sealing opened a competition round: if it is an agreement's response round, the opened unit prices are written into
     * the response rows (other rounds are left alone). Runs after sealing's transaction, in its own; a second delivery
     * finds the responses opened and changes nothing.
     */
    @ApplicationModuleListener
    public void on(OffersOpened opened) {
        if (opened.negotiation() || opened.purpose() == null || !opened.purpose().startsWith(RESPONSE_PURPOSE)) {
            return;
        }
        UUID agreementId;
        try {
            agreementId = UUID.fromString(opened.purpose().substring(RESPONSE_PURPOSE.length()));
        } catch (IllegalArgumentException e) {
            return;
        }
        store.lock(agreementId).ifPresent(a -> openResponses(a, opened, Actor.SYSTEM));
    }

    /**
     * Writes an opened response round into the agreement's responses (the caller holds the agreement's lock): each
     * response takes the unit prices its sheet opened with, or is eliminated with a reason (envelope not opened, a price
     * missing or above its maximum). Once per agreement: nothing happens if the responses are already opened, or if
     * {@code opened} is not this agreement's round.
     */
    private void openResponses(FrameworkStore.Agreement a, OffersOpened opened, Actor actor) {
        UUID agreementId = a.state().id();
        SealedResponseStore.ResponseRound round = sealed.round(agreementId).orElse(null);
        if (round == null || round.opened() || round.round() != opened.round() || !a.lotId().equals(opened.lotId())) {
            return;
        }
        Instant now = clock.instant();
        Map<UUID, OffersOpened.Offer> offers = new HashMap<>();
        for (OffersOpened.Offer offer : opened.offers()) {
            offers.put(offer.bidderId(), offer);
        }
        List<Object> eliminated = new ArrayList<>();
        int taking = 0;
        for (FrameworkStore.Response r : store.responses(agreementId)) {
            if (!"RESPONSE".equals(r.via()) || !"SUBMITTED".equals(r.status())) {
                continue;
            }
            OffersOpened.Offer offer = offers.get(r.supplierId());
            OpenedResponse judged = offer == null ? OpenedResponse.notOpened()
                    : OpenedResponse.judge(a.state().items(), itemPrices(offer.priceSheet()));
            sealed.prices(r.id(), judged.prices());
            if (judged.eliminated()) {
                store.decideResponse(r.id(), "ELIMINATED", null, null, judged.reason(), now, actor.username());
                eliminated.add(Map.of("supplierId", r.supplierId().toString(), "reason", judged.reason()));
            } else {
                taking++;
            }
        }
        sealed.opened(agreementId, now, opened.recordSm3(), actor.username());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("agreementId", agreementId.toString());
        payload.put("lotId", a.lotId().toString());
        payload.put("responseRound", round.round());
        payload.put("recordSm3", opened.recordSm3());
        payload.put("opened", taking);
        payload.put("eliminated", eliminated);
        log.record(AuditRecord.of("procurement.framework.responses.opened", agreementId.toString(), a.regionCode(), actor, payload));
    }

    /** The {@code itemPrices} of an opened sheet, or null if it does not parse (then the response is eliminated). */
    private static Object itemPrices(String priceSheet) {
        try {
            return JSON.readValue(priceSheet, Map.class).get("itemPrices");
        } catch (RuntimeException e) {
            return null;
        }
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
        SealedResponseStore.ResponseRound round = sealed.round(agreementId).orElse(null);
        if (round != null && !round.opened()) {
            // sealing's event may still be on its way: the opened round, if any, is written now (the same, idempotent)
            OffersOpened opened = rounds.replay(a.lotId(), round.round())
                    .orElseThrow(() -> new DomainException(FrameworkError.FRAMEWORK_RESPONSES_SEALED, round.round()));
            openResponses(a, opened, user.actor());
        }
        FrameworkTerms terms = terms(a.regionCode(), now);
        // the responses eliminated at the opening (not opened, or above a maximum) keep their decision and reason
        List<FrameworkStore.Response> responses = store.responses(agreementId).stream()
                .filter(r -> "SUBMITTED".equals(r.status())).toList();
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
        java.util.Optional<SealedResponseStore.ResponseRound> round = sealed.round(agreementId);
        return new FrameworkAgreementView(a.state().id(), a.dealCode(), a.lotId(), a.name(), a.regionCode(), a.collectorId(),
                collector, a.state().kind().name(), a.state().method().name(), a.category(), a.state().termMonths(),
                a.state().responseDeadline(), a.state().status().name(), a.state().termStart(), a.state().termEnd(), items,
                members, store.notices(agreementId), buyers(store.buyers(agreementId)),
                round.map(SealedResponseStore.ResponseRound::round).orElse(null),
                round.map(SealedResponseStore.ResponseRound::opened).orElse(false));
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
