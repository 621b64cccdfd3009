package org.sunbid.platform.procurement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.catalog.Calendars;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.platform.procurement.framework.FrameworkTerms;
import org.sunbid.platform.sealing.BidReceipt;
import org.sunbid.platform.sealing.OfferRoundView;
import org.sunbid.platform.sealing.OfferRounds;
import org.sunbid.platform.sealing.OffersOpened;
import org.sunbid.platform.procurement.framework.OrderMethod;
import org.sunbid.platform.procurement.framework.Rotation;
import org.sunbid.platform.procurement.framework.CompetitionOffer;
import org.sunbid.platform.procurement.framework.SummaryPeriods;
import org.sunbid.platform.supervision.WarningDraft;
import org.sunbid.platform.supervision.Warnings;

/**
 * The second stage of framework agreements: a buyer (采购人, a budget unit: role TENDEREE) orders under an agreement in
 * force by direct selection (直接选定) of a shortlisted supplier at no more than its agreement price, by secondary price
 * competition (二次竞价) among the shortlisted suppliers with sealed offers — a competition round of sealing's, the same
 * sealing as bids: each offer sealed on arrival to the round's key (split among the region's centre, its supervision
 * department and the buyer), all opened together after the deadline, the lowest valid price winning when sealing's
 * {@link OffersOpened} arrives — or by rotation (顺序轮候) in the published order. Each order is a contract, concluded when
 * its supplier is determined and due for publication within the rule's 2 工作日 (late: a warning to supervision).
 * Credit-restricted suppliers cannot be ordered from (checked at the step's time).
 */
@Service
public class FrameworkOrders {

    private final FrameworkStore store;
    private final FrameworkAgreements agreements;
    private final FrameworkCredit credit;
    private final Calendars calendars;
    private final Warnings warnings;
    private final AuditLog log;
    private final Regions regions;
    private final Clock clock;
    private final OfferRounds rounds;

    /** The purpose a secondary competition's round carries in sealing (then the order's id). */
    static final String PURPOSE = "framework-order:";
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    FrameworkOrders(FrameworkStore store, FrameworkAgreements agreements, FrameworkCredit credit, Calendars calendars,
            Warnings warnings, AuditLog log, Regions regions, Clock clock, OfferRounds rounds) {
        this.rounds = rounds;
        this.store = store;
        this.regions = regions;
        this.agreements = agreements;
        this.credit = credit;
        this.calendars = calendars;
        this.warnings = warnings;
        this.log = log;
        this.clock = clock;
    }

    /** A buyer places an order under an agreement in force. */
    @Transactional
    public FrameworkOrderView place(UUID agreementId, NewFrameworkOrder in, CurrentUser user) {
        if (user.role() != Role.TENDEREE || user.organisationId() == null) {
            throw new DomainException(FrameworkError.FRAMEWORK_NOT_BUYER);
        }
        FrameworkStore.Agreement a = store.lock(agreementId).orElseThrow(() -> new DomainException(FrameworkError.FRAMEWORK_NOT_FOUND));
        Instant now = clock.instant();
        a.state().requireInForce(now);
        agreements.requireBuyerInScope(agreementId, user.organisationId());
        OrderMethod method = FrameworkAgreements.parse(OrderMethod.class, in.method(), "method");
        if (!a.state().items().containsKey(in.itemNo())) {
            throw new DomainException(FrameworkError.FRAMEWORK_INVALID, "itemNo");
        }
        if (in.quantity() == null || in.quantity().signum() <= 0 || in.quantity().scale() > 2) {
            throw new DomainException(FrameworkError.FRAMEWORK_INVALID, "quantity");
        }
        FrameworkTerms terms = agreements.terms(a.regionCode(), now);
        List<FrameworkStore.Response> members = agreements.members(agreementId);
        UUID id = UUID.randomUUID();
        String subject = a.lotId().toString();
        FrameworkStore.Order order;
        switch (method) {
            case DIRECT -> {
                FrameworkStore.Response member = members.stream().filter(m -> m.supplierId().equals(in.supplierId())).findFirst()
                        .orElseThrow(() -> new DomainException(FrameworkError.GPL110_NOT_SHORTLISTED));
                BigDecimal agreed = member.prices().get(in.itemNo());
                BigDecimal price = in.unitPrice() == null ? agreed : in.unitPrice();
                if (price.signum() <= 0 || price.scale() > 2) {
                    throw new DomainException(FrameworkError.FRAMEWORK_INVALID, "unitPrice");
                }
                if (price.compareTo(agreed) > 0) {
                    throw new DomainException(FrameworkError.GPL110_ABOVE_AGREEMENT_PRICE, price.toPlainString(), agreed.toPlainString());
                }
                credit.require(member.supplierId(), now, subject, a.regionCode(), user.actor());
                order = concluded(id, a, user, in, "DIRECT", member.supplierId(), price, null, now, terms);
            }
            case ROTATION -> {
                List<UUID> turnOrder = members.stream().map(FrameworkStore.Response::supplierId).toList();
                Set<UUID> barred = credit.barred(turnOrder, now, subject, a.regionCode(), user.actor());
                Rotation.Turn turn = Rotation.next(turnOrder, a.rotationNext(), barred);
                store.rotationNext(agreementId, turn.next(), now, user.username());
                BigDecimal price = members.get(turn.position()).prices().get(in.itemNo());
                order = concluded(id, a, user, in, "ROTATION", turn.supplierId(), price, turn.position() + 1, now, terms);
            }
            case COMPETITION -> {
                if (in.competitionDeadline() == null || !in.competitionDeadline().isAfter(now)) {
                    throw new DomainException(FrameworkError.FRAMEWORK_INVALID, "competitionDeadline");
                }
                // the shortlisted suppliers not credit-restricted now take part; the round's key goes to the region's
                // centre and supervision department and to the buyer
                List<UUID> memberIds = members.stream().map(FrameworkStore.Response::supplierId).toList();
                Set<UUID> barred = credit.barred(memberIds, now, subject, a.regionCode(), user.actor());
                Set<UUID> eligible = new java.util.LinkedHashSet<>(memberIds);
                eligible.removeAll(barred);
                if (eligible.isEmpty()) {
                    throw new DomainException(FrameworkError.FRAMEWORK_INVALID, "suppliers");
                }
                OfferRoundView round = rounds.openCompetition(a.lotId(), a.regionCode(), user.organisationId(), PURPOSE + id,
                        in.competitionDeadline(), eligible, user.actor());
                order = new FrameworkStore.Order(id, agreementId, user.organisationId(), in.itemNo(), in.quantity(), "COMPETITION",
                        "COMPETING", null, null, null, null, in.competitionDeadline(), null, null, null, false, round.round(), null);
            }
            default -> throw new IllegalStateException();
        }
        store.insertOrder(order, now, user.username());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("agreementId", agreementId.toString());
        payload.put("orderId", id.toString());
        payload.put("method", method.name());
        payload.put("itemNo", in.itemNo());
        payload.put("quantity", in.quantity().toPlainString());
        if (order.supplierId() != null) {
            payload.put("supplierId", order.supplierId().toString());
            payload.put("unitPrice", order.unitPrice().toPlainString());
            payload.put("publicationDue", order.publicationDue().toString());
            payload.put("rule", terms.orderPublication().article());
        } else {
            payload.put("competitionDeadline", in.competitionDeadline().toString());
            payload.put("lotId", a.lotId().toString());
            payload.put("offerRound", order.offerRound());
        }
        log.record(AuditRecord.of("procurement.framework.order.placed", id.toString(), a.regionCode(), user.actor(), payload));
        if ("ROTATION".equals(order.method())) {
            rotationNotice(a, order, user.username(), now);
        }
        return view(id, user);
    }

    private FrameworkStore.Order concluded(UUID id, FrameworkStore.Agreement a, CurrentUser user, NewFrameworkOrder in,
            String method, UUID supplier, BigDecimal price, Integer position, Instant now, FrameworkTerms terms) {
        return new FrameworkStore.Order(id, a.state().id(), user.organisationId(), in.itemNo(), in.quantity(), method, "CONCLUDED",
                supplier, price, amount(price, in.quantity()), position, null, now, due(now, terms), null, false, null, null);
    }

    private Instant due(Instant concluded, FrameworkTerms terms) {
        return terms.orderPublication().endAfter(concluded, calendars.workingDays());
    }

    private static BigDecimal amount(BigDecimal price, BigDecimal quantity) {
        return price.multiply(quantity).setScale(2, RoundingMode.HALF_UP);
    }

    private void rotationNotice(FrameworkStore.Agreement a, FrameworkStore.Order o, String by, Instant now) {
        String supplier = agreements.names(List.of(o.supplierId())).get(o.supplierId());
        String buyer = agreements.names(List.of(o.buyerId())).get(o.buyerId());
        store.insertNotice(a.state().id(), "ROTATION", a.name() + " 顺序轮候成交结果公告",
                buyer + " 按顺序轮候确定成交供应商：" + supplier + "（轮候顺序第 " + o.rotationPosition() + " 位），第 " + o.itemNo()
                        + " 项，数量 " + o.quantity().stripTrailingZeros().toPlainString() + "，单价 " + o.unitPrice().toPlainString()
                        + " 元，金额 " + o.amount().toPlainString() + " 元。", now, by);
    }

    // ------------------------------------------------------------------------------------------- 二次竞价

    /**
     * A shortlisted supplier offers unit price {@code price} before the competition's deadline: procurement checks the
     * supplier (a member of the round, not credit-restricted, within its own agreement price), then sealing seals the
     * price sheet on arrival to the round's key ({@link OfferRounds#sealCompetitionOffer}); a later offer replaces the
     * earlier one. The price is never stored in plain nor logged; the answer is sealing's signed receipt.
     */
    public BidReceipt offer(UUID orderId, BigDecimal price, String ip, CurrentUser user) {
        if (user == null || user.role() != Role.BIDDER || user.organisationId() == null) {
            throw new DomainException(FrameworkError.GPL110_NOT_SHORTLISTED);
        }
        FrameworkStore.Order o = store.order(orderId, false).orElseThrow(() -> new DomainException(FrameworkError.FRAMEWORK_NOT_FOUND));
        if (!"COMPETING".equals(o.status()) || o.offerRound() == null) {
            throw new DomainException(FrameworkError.FRAMEWORK_STATE, o.status());
        }
        Instant now = clock.instant();
        if (!now.isBefore(o.competitionDeadline())) {
            throw new DomainException(FrameworkError.FRAMEWORK_OFFER_CLOSED, o.competitionDeadline());
        }
        FrameworkStore.Agreement a = store.agreement(o.agreementId()).orElseThrow();
        FrameworkStore.Response member = agreements.members(o.agreementId()).stream()
                .filter(m -> m.supplierId().equals(user.organisationId())).findFirst()
                .orElseThrow(() -> new DomainException(FrameworkError.GPL110_NOT_SHORTLISTED));
        if (price == null || price.signum() <= 0 || price.scale() > 2 || price.precision() - price.scale() > 14) {
            throw new DomainException(FrameworkError.FRAMEWORK_INVALID, "price");
        }
        BigDecimal agreed = member.prices().get(o.itemNo());
        if (price.compareTo(agreed) > 0) { // its own ceiling only: says nothing of anyone else's offer
            throw new DomainException(FrameworkError.GPL110_ABOVE_AGREEMENT_PRICE, price.toPlainString(), agreed.toPlainString());
        }
        credit.require(user.organisationId(), now, a.lotId().toString(), a.regionCode(), user.actor());
        Map<String, Object> sheet = new LinkedHashMap<>();
        sheet.put("type", "sunbid.framework-competition-offer");
        sheet.put("orderId", orderId.toString());
        sheet.put("itemNo", o.itemNo());
        sheet.put("quantity", o.quantity().toPlainString());
        sheet.put("itemPrices", Map.of(String.valueOf(o.itemNo()), price.setScale(2).toPlainString()));
        sheet.put("totalPrice", amount(price, o.quantity()).toPlainString());
        return rounds.sealCompetitionOffer(a.lotId(), o.offerRound(), CanonicalJson.write(sheet), ip, user);
    }

    /**
     * Sealing opened a competition round: the order it belongs to is concluded from the signed record's offers (another
     * context's round, or a negotiation's, is left alone). Runs after sealing's transaction, in its own; a second
     * delivery finds the order concluded and changes nothing.
     */
    @ApplicationModuleListener
    public void on(OffersOpened opened) {
        if (opened.negotiation() || opened.purpose() == null || !opened.purpose().startsWith(PURPOSE)) {
            return;
        }
        UUID orderId;
        try {
            orderId = UUID.fromString(opened.purpose().substring(PURPOSE.length()));
        } catch (IllegalArgumentException e) {
            return;
        }
        conclude(orderId, opened, Actor.SYSTEM);
    }

    /**
     * The buyer asks for the competition's result after the deadline: if sealing has opened the round (the custodians
     * released their shares) the order is concluded from its record, as sealing's event would (idempotent); before
     * that, {@code FRAMEWORK_ROUND_NOT_OPENED}. A competition placed before sealed rounds existed (no round) fails.
     */
    @Transactional
    public FrameworkOrderView close(UUID orderId, CurrentUser user) {
        FrameworkStore.Order o = store.order(orderId, true).orElseThrow(() -> new DomainException(FrameworkError.FRAMEWORK_NOT_FOUND));
        requireBuyer(o, user);
        if (!"COMPETING".equals(o.status())) {
            return view(orderId, user);
        }
        Instant now = clock.instant();
        if (now.isBefore(o.competitionDeadline())) {
            throw new DomainException(FrameworkError.FRAMEWORK_OFFERS_SEALED, o.competitionDeadline());
        }
        FrameworkStore.Agreement a = store.agreement(o.agreementId()).orElseThrow();
        if (o.offerRound() == null) { // a commit–reveal competition of an earlier version: its offers cannot be opened
            store.conclude(orderId, "FAILED", null, null, null, null, null, now, user.username());
            log.record(AuditRecord.of("procurement.framework.competition.closed", orderId.toString(), a.regionCode(), user.actor(),
                    Map.of("orderId", orderId.toString(), "reason", "no sealed round (placed before V511)")));
            return view(orderId, user);
        }
        OffersOpened opened = rounds.replay(a.lotId(), o.offerRound())
                .orElseThrow(() -> new DomainException(FrameworkError.FRAMEWORK_ROUND_NOT_OPENED, o.offerRound()));
        conclude(orderId, opened, user.actor());
        return view(orderId, user);
    }

    /**
     * Concludes a competing order from its opened round: the lowest unit price not above its supplier's own agreement
     * price, the supplier a member not credit-restricted now, the earlier offer breaking a tie; none: the order fails.
     * The log entry lists every opened offer (the round record is public by now) and the record's SM3.
     */
    private void conclude(UUID orderId, OffersOpened opened, Actor actor) {
        FrameworkStore.Order o = store.order(orderId, true).orElse(null);
        if (o == null || !"COMPETING".equals(o.status()) || o.offerRound() == null || o.offerRound() != opened.round()) {
            return;
        }
        FrameworkStore.Agreement a = store.agreement(o.agreementId()).orElseThrow();
        if (!a.lotId().equals(opened.lotId())) {
            return;
        }
        Instant now = clock.instant();
        List<CompetitionOffer> offers = new ArrayList<>();
        for (OffersOpened.Offer offer : opened.offers()) {
            offers.add(new CompetitionOffer(offer.bidderId(), unitPrice(offer.priceSheet(), o.itemNo()), offer.receivedAt()));
        }
        Set<UUID> barred = credit.barred(offers.stream().map(CompetitionOffer::supplierId).toList(), now, a.lotId().toString(),
                a.regionCode(), actor);
        Map<UUID, BigDecimal> ceilings = new HashMap<>();
        for (FrameworkStore.Response m : agreements.members(o.agreementId())) {
            if (!barred.contains(m.supplierId())) {
                ceilings.put(m.supplierId(), m.prices().get(o.itemNo()));
            }
        }
        Optional<CompetitionOffer> winner = CompetitionOffer.winner(offers, ceilings);
        FrameworkTerms terms = agreements.terms(a.regionCode(), now);
        List<Object> listed = new ArrayList<>();
        for (CompetitionOffer c : offers) {
            listed.add(Map.of("supplierId", c.supplierId().toString(),
                    "unitPrice", c.unitPrice() == null ? "—" : c.unitPrice().toPlainString(),
                    "receivedAt", String.valueOf(c.receivedAt())));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("orderId", orderId.toString());
        payload.put("lotId", a.lotId().toString());
        payload.put("offerRound", o.offerRound());
        payload.put("recordSm3", opened.recordSm3());
        payload.put("offers", listed);
        store.offerRecord(orderId, opened.recordSm3());
        if (winner.isPresent()) {
            CompetitionOffer w = winner.get();
            store.conclude(orderId, "CONCLUDED", w.supplierId(), w.unitPrice(), amount(w.unitPrice(), o.quantity()), now,
                    due(now, terms), now, actor.username());
            payload.put("supplierId", w.supplierId().toString());
            payload.put("unitPrice", w.unitPrice().toPlainString());
            payload.put("rule", terms.orderPublication().article());
        } else {
            store.conclude(orderId, "FAILED", null, null, null, null, null, now, actor.username());
        }
        log.record(AuditRecord.of("procurement.framework.competition.closed", orderId.toString(), a.regionCode(), actor, payload));
    }

    /** The unit price an opened sheet offers for item {@code itemNo}, or null if it offers none. */
    private static BigDecimal unitPrice(String priceSheet, int itemNo) {
        try {
            Object prices = JSON.readValue(priceSheet, Map.class).get("itemPrices");
            Object price = prices instanceof Map<?, ?> m ? m.get(String.valueOf(itemNo)) : null;
            return price == null ? null : new BigDecimal(String.valueOf(price));
        } catch (RuntimeException e) {
            return null; // checked on arrival; a sheet that does not parse takes no part
        }
    }

    // ------------------------------------------------------------------------------------------- publication

    /**
     * The buyer publishes the order's contract (合同公告); after the 2 工作日 period it is still published but flagged to
     * supervision as late.
     */
    @Transactional
    public FrameworkOrderView publish(UUID orderId, CurrentUser user) {
        FrameworkStore.Order o = store.order(orderId, true).orElseThrow(() -> new DomainException(FrameworkError.FRAMEWORK_NOT_FOUND));
        requireBuyer(o, user);
        if (!"CONCLUDED".equals(o.status())) {
            throw new DomainException(FrameworkError.FRAMEWORK_STATE, o.status());
        }
        Instant now = clock.instant();
        FrameworkStore.Agreement a = store.agreement(o.agreementId()).orElseThrow();
        boolean late = now.isAfter(o.publicationDue());
        store.published(orderId, late, now, user.username());
        String supplier = agreements.names(List.of(o.supplierId())).get(o.supplierId());
        String buyer = agreements.names(List.of(o.buyerId())).get(o.buyerId());
        store.insertNotice(a.state().id(), "ORDER_CONTRACT", a.name() + " 框架协议采购合同公告",
                buyer + " 与 " + supplier + " 订立框架协议采购合同（" + methodZh(o.method()) + "），第 " + o.itemNo() + " 项，数量 "
                        + o.quantity().stripTrailingZeros().toPlainString() + "，单价 " + o.unitPrice().toPlainString() + " 元，金额 "
                        + o.amount().toPlainString() + " 元；合同订立于 "
                        + FrameworkAgreements.MINUTE.format(o.concludedAt().atZone(FrameworkAgreements.BEIJING)) + "。",
                now, user.username());
        if (late && !o.lateFlagged()) {
            raiseLate(a, o);
        }
        log.record(AuditRecord.of("procurement.framework.order.published", orderId.toString(), a.regionCode(), user.actor(),
                Map.of("orderId", orderId.toString(), "late", late, "publicationDue", o.publicationDue().toString())));
        return view(orderId, user);
    }

    /** Flags every concluded order whose publication period has ended unpublished, once each. */
    @Scheduled(fixedDelayString = "${sunbid.procurement.framework-publication-check:PT1H}",
            initialDelayString = "${sunbid.procurement.framework-publication-initial-delay:PT1M}")
    @Transactional
    public int flagLatePublications() {
        int n = 0;
        for (UUID id : store.flagLate(clock.instant())) {
            FrameworkStore.Order o = store.order(id, false).orElseThrow();
            raiseLate(store.agreement(o.agreementId()).orElseThrow(), o);
            n++;
        }
        return n;
    }

    private void raiseLate(FrameworkStore.Agreement a, FrameworkStore.Order o) {
        FrameworkTerms terms = agreements.terms(a.regionCode(), o.concludedAt());
        String buyer = agreements.names(List.of(o.buyerId())).get(o.buyerId());
        warnings.raise(new WarningDraft("overdue", "framework-order|" + o.id(), WarningDraft.Severity.MEDIUM, a.regionCode(),
                a.projectId(), a.lotId(), a.dealCode() + " " + a.name() + "：框架协议采购合同未按期公告",
                buyer + " 的订单（" + methodZh(o.method()) + "，金额 " + o.amount().toPlainString() + " 元）应于 "
                        + FrameworkAgreements.MINUTE.format(o.publicationDue().atZone(FrameworkAgreements.BEIJING)) + " 前公告。",
                terms.orderPublication().article(),
                List.of(new WarningDraft.Evidence("订单", o.id().toString(), "/api/v1/framework-orders/" + o.id())), List.of()));
    }

    // ------------------------------------------------------------------------------------------- reading

    /** An order as its buyer, its agreement's collecting body, the shortlisted suppliers and supervisors see it. */
    public FrameworkOrderView view(UUID orderId, CurrentUser user) {
        FrameworkStore.Order o = store.order(orderId, false).orElseThrow(() -> new DomainException(FrameworkError.FRAMEWORK_NOT_FOUND));
        if (!mayRead(o, user)) {
            // Anyone else is told the order does not exist: its buyer, supplier and price stay private until published.
            throw new DomainException(FrameworkError.FRAMEWORK_NOT_FOUND);
        }
        return view(o, user);
    }

    /** The buyer, the collecting body, the agreement's suppliers, the administrator and the region's staff. */
    private boolean mayRead(FrameworkStore.Order o, CurrentUser user) {
        if (user == null) {
            return false;
        }
        if (user.seesAllRegions()) {
            return true;
        }
        FrameworkStore.Agreement a = store.agreement(o.agreementId()).orElseThrow();
        if (user.seesRegionSubtree()) {
            return user.regionCode() != null && regions.isWithin(a.regionCode(), user.regionCode());
        }
        UUID org = user.organisationId();
        return org != null && (org.equals(o.buyerId()) || org.equals(a.collectorId())
                || agreements.members(o.agreementId()).stream().anyMatch(m -> org.equals(m.supplierId())));
    }

    /**
     * The secondary competitions open to the calling supplier (a member of their agreements), soonest deadline first,
     * with its own ceiling and whether its own offer is sealed or revealed; those past their deadline stay listed until
     * the buyer closes them, for the reveal.
     */
    public List<FrameworkInvitation> invitations(CurrentUser user) {
        if (user.role() != Role.BIDDER || user.organisationId() == null) {
            return List.of();
        }
        UUID me = user.organisationId();
        List<FrameworkInvitation> out = new ArrayList<>();
        for (FrameworkStore.Order o : store.competitionsOpenTo(me)) {
            FrameworkStore.Agreement a = store.agreement(o.agreementId()).orElseThrow();
            FrameworkStore.Response member = agreements.members(o.agreementId()).stream().filter(m -> me.equals(m.supplierId()))
                    .findFirst().orElse(null);
            if (member == null) {
                continue;
            }
            FrameworkStore.Item item = store.items(o.agreementId()).stream().filter(i -> i.no() == o.itemNo()).findFirst().orElseThrow();
            out.add(new FrameworkInvitation(o.id(), o.agreementId(), a.name(), agreements.names(List.of(o.buyerId())).get(o.buyerId()),
                    o.itemNo(), item.name(), item.unit(), o.quantity(), member.prices().get(o.itemNo()), o.competitionDeadline(), me,
                    o.offerRound() != null && rounds.hasOffer(a.lotId(), o.offerRound(), user)));
        }
        return out;
    }

    /** The caller's own orders as a buyer, newest first. */
    public List<FrameworkOrderView> mine(CurrentUser user) {
        if (user.organisationId() == null) {
            return List.of();
        }
        return store.ordersOfBuyer(user.organisationId(), 200).stream().map(o -> view(o, user)).toList();
    }

    /** The orders of an agreement (the collecting body's view). */
    public List<FrameworkOrderView> ofAgreement(UUID agreementId, CurrentUser user) {
        FrameworkStore.Agreement a = store.agreement(agreementId).orElseThrow(() -> new DomainException(FrameworkError.FRAMEWORK_NOT_FOUND));
        if (user.organisationId() == null || !a.collectorId().equals(user.organisationId())) {
            throw new DomainException(FrameworkError.FRAMEWORK_NOT_COLLECTOR);
        }
        return store.orders(agreementId).stream().map(o -> view(o, user)).toList();
    }

    /**
     * The published orders of an agreement between two Beijing dates (inclusive), as the public order summary (成交结果汇总)
     * shows them; {@code publish}: also published as a notice by the collecting body. A range that is exactly one of the
     * agreement's summary periods, over, is published as that period's summary (so the scheduled one does not repeat
     * it); a range overlapping a period already summarised is refused (FRAMEWORK_SUMMARY_PUBLISHED); any other range is
     * an interim summary of the orders published in it.
     */
    @Transactional
    public List<FrameworkOrderView> summary(UUID agreementId, LocalDate from, LocalDate to, boolean publish, CurrentUser user) {
        FrameworkStore.Agreement a = (publish ? store.lock(agreementId) : store.agreement(agreementId))
                .orElseThrow(() -> new DomainException(FrameworkError.FRAMEWORK_NOT_FOUND));
        if (from == null || to == null || to.isBefore(from)) {
            throw new DomainException(FrameworkError.FRAMEWORK_INVALID, "from/to");
        }
        Instant start = from.atStartOfDay(FrameworkAgreements.BEIJING).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(FrameworkAgreements.BEIJING).toInstant();
        if (!publish) {
            return store.orders(agreementId).stream()
                    .filter(o -> o.publishedAt() != null && !o.publishedAt().isBefore(start) && o.publishedAt().isBefore(end))
                    .map(o -> view(o, null)).toList();
        }
        if (user == null || user.organisationId() == null || !a.collectorId().equals(user.organisationId())) {
            throw new DomainException(FrameworkError.FRAMEWORK_NOT_COLLECTOR);
        }
        Instant now = clock.instant();
        for (FrameworkStore.Summary done : store.summaries(agreementId)) {
            if (done.start().isBefore(end) && start.isBefore(done.end())) {
                throw new DomainException(FrameworkError.FRAMEWORK_SUMMARY_PUBLISHED,
                        LocalDate.ofInstant(done.start(), FrameworkAgreements.BEIJING),
                        LocalDate.ofInstant(done.end().minusNanos(1), FrameworkAgreements.BEIJING),
                        FrameworkAgreements.MINUTE.format(done.publishedAt().atZone(FrameworkAgreements.BEIJING)));
            }
        }
        if (a.state().termStart() != null) {
            for (SummaryPeriods.Period p : SummaryPeriods.over(a.state().termStart(), a.state().termEnd(), now)) {
                if (p.from().equals(from) && p.to().equals(to)) {
                    List<FrameworkStore.Order> in = concludedIn(p, store.orders(agreementId));
                    publishPeriod(a, p, in, now, user.actor());
                    return in.stream().map(o -> view(o, null)).toList();
                }
            }
        }
        List<FrameworkOrderView> published = store.orders(agreementId).stream()
                .filter(o -> o.publishedAt() != null && !o.publishedAt().isBefore(start) && o.publishedAt().isBefore(end))
                .map(o -> view(o, null)).toList();
        BigDecimal total = published.stream().map(FrameworkOrderView::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        StringBuilder body = new StringBuilder(from + " 至 " + to + "（期中汇总，按公告时间）成交 " + published.size() + " 笔，合计 "
                + total.toPlainString() + " 元：");
        for (FrameworkOrderView v : published) {
            body.append("\n").append(line(v));
        }
        store.insertNotice(agreementId, "ORDER_SUMMARY", a.name() + " 成交结果汇总公告（" + from + " 至 " + to + "）",
                body.toString(), now, user.username());
        return published;
    }

    private static String line(FrameworkOrderView v) {
        return v.buyerName() + " — " + v.supplierName() + "，" + methodZh(v.method()) + "，" + v.itemName() + " × "
                + v.quantity().stripTrailingZeros().toPlainString() + "，" + v.amount().toPlainString() + " 元";
    }

    /** The orders concluded (成交) in {@code p}: a contract made, published or not. */
    private static List<FrameworkStore.Order> concludedIn(SummaryPeriods.Period p, List<FrameworkStore.Order> orders) {
        return orders.stream().filter(o -> ("CONCLUDED".equals(o.status()) || "PUBLISHED".equals(o.status()))
                && p.contains(o.concludedAt())).toList();
    }

    /**
     * Publishes the order summary (成交结果汇总公告) of every period that is over and ready, for every agreement in its term
     * or whose term summary is still to come: once per period (the summary table's key; a second run, another node or a
     * restart finds the period done), a month without orders included.
     */
    @Scheduled(fixedDelayString = "${sunbid.procurement.framework-summary-check:PT1H}",
            initialDelayString = "${sunbid.procurement.framework-summary-initial-delay:PT1M}")
    @Transactional
    public int publishDueSummaries() {
        Instant now = clock.instant();
        int n = 0;
        for (UUID id : store.agreementsAwaitingSummaries(now)) {
            FrameworkStore.Agreement a = store.lock(id).orElseThrow();
            java.util.Set<String> done = new java.util.HashSet<>();
            for (FrameworkStore.Summary s : store.summaries(id)) {
                done.add(s.kind() + "|" + s.start());
            }
            List<FrameworkStore.Order> orders = store.orders(id);
            List<SummaryPeriods.Concluded> states = orders.stream().filter(o -> o.concludedAt() != null)
                    .map(o -> new SummaryPeriods.Concluded(o.concludedAt(), o.publishedAt() != null, o.publicationDue())).toList();
            for (SummaryPeriods.Period p : SummaryPeriods.over(a.state().termStart(), a.state().termEnd(), now)) {
                if (done.contains(p.kind() + "|" + p.start()) || !SummaryPeriods.ready(p, states, now)) {
                    continue;
                }
                if (publishPeriod(a, p, concludedIn(p, orders), now, Actor.SYSTEM)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** One period's summary notice and its row, unless the period already has one; true if published now. */
    private boolean publishPeriod(FrameworkStore.Agreement a, SummaryPeriods.Period p, List<FrameworkStore.Order> in, Instant now,
            Actor actor) {
        String by = actor.username();
        List<FrameworkOrderView> views = in.stream().map(o -> view(o, null)).toList();
        BigDecimal total = views.stream().map(FrameworkOrderView::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        UUID noticeId = UUID.randomUUID();
        if (!store.insertSummary(a.state().id(), p, noticeId, views.size(), total, now, by)) {
            return false;
        }
        String range = p.from() + " 至 " + p.to();
        StringBuilder body = new StringBuilder();
        body.append(p.kind() == SummaryPeriods.Kind.TERM ? "框架协议有效期（" + range + "）" : range + "（按月汇总）");
        if (views.isEmpty()) {
            body.append("本期无成交。");
        } else {
            body.append("成交 ").append(views.size()).append(" 笔，合计 ").append(total.toPlainString()).append(" 元：");
            for (FrameworkOrderView v : views) {
                body.append("\n").append(line(v));
            }
            Map<String, BigDecimal> bySupplier = new java.util.TreeMap<>();
            for (FrameworkOrderView v : views) {
                bySupplier.merge(v.supplierName(), v.amount(), BigDecimal::add);
            }
            body.append("\n各成交供应商成交金额：");
            bySupplier.forEach((name, amount) -> body.append("\n").append(name).append(" ").append(amount.toPlainString()).append(" 元"));
        }
        body.append("\n（").append(p.rule()).append("）");
        String title = a.name() + (p.kind() == SummaryPeriods.Kind.TERM ? " 成交结果汇总公告（协议有效期）" : " 成交结果汇总公告（" + range + "）");
        store.insertNotice(noticeId, a.state().id(), "ORDER_SUMMARY", title, body.toString(), now, by);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("agreementId", a.state().id().toString());
        payload.put("period", p.kind().name());
        payload.put("from", p.from().toString());
        payload.put("to", p.to().toString());
        payload.put("orders", views.stream().map(v -> (Object) v.id().toString()).toList());
        payload.put("total", total.toPlainString());
        payload.put("rule", p.rule());
        log.record(AuditRecord.of("procurement.framework.summary.published", a.state().id().toString(), a.regionCode(),
                actor, payload));
        return true;
    }

    private FrameworkOrderView view(FrameworkStore.Order o, CurrentUser user) {
        FrameworkStore.Agreement a = store.agreement(o.agreementId()).orElseThrow();
        List<UUID> ids = new ArrayList<>(List.of(o.buyerId()));
        if (o.supplierId() != null) {
            ids.add(o.supplierId());
        }
        Map<UUID, String> names = agreements.names(ids);
        String item = store.items(o.agreementId()).stream().filter(i -> i.no() == o.itemNo()).map(FrameworkStore.Item::name)
                .findFirst().orElse("");
        boolean mine = user != null && user.organisationId() != null && o.offerRound() != null
                && rounds.hasOffer(a.lotId(), o.offerRound(), user);
        boolean late = o.lateFlagged() || (o.publishedAt() == null && o.publicationDue() != null && clock.instant().isAfter(o.publicationDue()));
        return new FrameworkOrderView(o.id(), o.agreementId(), a.name(), o.buyerId(), names.get(o.buyerId()), o.itemNo(), item,
                o.quantity(), o.method(), o.status(), o.supplierId(), o.supplierId() == null ? null : names.get(o.supplierId()),
                o.unitPrice(), o.amount(), o.rotationPosition(), o.competitionDeadline(), o.concludedAt(), o.publicationDue(),
                o.publishedAt(), late, mine, o.offerRound() == null ? null : a.lotId(), o.offerRound(), o.offerRecordSm3());
    }

    private FrameworkStore.Order competing(UUID orderId) {
        FrameworkStore.Order o = store.order(orderId, true).orElseThrow(() -> new DomainException(FrameworkError.FRAMEWORK_NOT_FOUND));
        if (!"COMPETING".equals(o.status())) {
            throw new DomainException(FrameworkError.FRAMEWORK_STATE, o.status());
        }
        return o;
    }

    private void requireMember(UUID agreementId, CurrentUser user) {
        if (user.organisationId() == null || agreements.members(agreementId).stream().noneMatch(m -> m.supplierId().equals(user.organisationId()))) {
            throw new DomainException(FrameworkError.GPL110_NOT_SHORTLISTED);
        }
    }

    private static void requireBuyer(FrameworkStore.Order o, CurrentUser user) {
        if (user.organisationId() == null || !o.buyerId().equals(user.organisationId())) {
            throw new DomainException(FrameworkError.FRAMEWORK_NOT_BUYER);
        }
    }

    static String methodZh(String method) {
        return switch (method) {
            case "DIRECT" -> "直接选定";
            case "COMPETITION" -> "二次竞价";
            default -> "顺序轮候";
        };
    }

}
