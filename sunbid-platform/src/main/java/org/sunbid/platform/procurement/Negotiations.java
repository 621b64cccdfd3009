package org.sunbid.platform.procurement;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.deals.Procedures;
import org.sunbid.platform.deals.ProjectCategory;
import org.sunbid.platform.deals.ProjectView;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.experts.ExpertDraws;
import org.sunbid.platform.experts.SeatedCommittee;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.procurement.NegotiationStore.Text;
import org.sunbid.platform.procurement.domain.Negotiation;
import org.sunbid.platform.procurement.domain.NegotiationTerms;
import org.sunbid.platform.sealing.BidOpenings;
import org.sunbid.platform.sealing.OffersOpened;
import org.sunbid.platform.sealing.OpenedBid;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

/**
 * Negotiation and consultation rounds of a lot (竞争性谈判、竞争性磋商、单一来源): the panel is the lot's seated committee from
 * the expert draw ({@link ExpertDraws#seated}); any seated member acts for it (74号令 Art. 31: the panel negotiates as a
 * body; each step records which member entered it). The suppliers are those whose responses sealing opened
 * ({@link BidOpenings#openedBids}). The lot's dated rules decide ({@link NegotiationTerms}), never the method's name.
 *
 * <p>Every step is in the transparency log with commitments (SM3) of its texts, never the texts: a thread's content is
 * not published before the result.
 */
@Service
public class Negotiations {

    static final int MAX_TEXT = 20_000;

    private final NegotiationStore store;
    private final Tenders tenders;
    private final Projects projects;
    private final Procedures procedures;
    private final ExpertDraws draws;
    private final BidOpenings openings;
    private final FinalOfferCall finalOffers;
    private final org.sunbid.platform.evaluation.FailedLots failedLots;
    private final AuditLog log;
    private final Clock clock;

    Negotiations(NegotiationStore store, Tenders tenders, Projects projects, Procedures procedures, ExpertDraws draws,
            BidOpenings openings, FinalOfferCall finalOffers, org.sunbid.platform.evaluation.FailedLots failedLots, AuditLog log,
            Clock clock) {
        this.store = store;
        this.failedLots = failedLots;
        this.tenders = tenders;
        this.projects = projects;
        this.procedures = procedures;
        this.draws = draws;
        this.openings = openings;
        this.finalOffers = finalOffers;
        this.log = log;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------ the panel

    /** A seated panel member begins round 1 with every supplier whose response was opened. */
    @Transactional
    public NegotiationView start(UUID lotId, CurrentUser user) {
        TenderView tender = tenders.findPublished(lotId).orElseThrow(() -> new DomainException(NegotiationError.NEGOTIATION_NOT_FOUND));
        ProjectView project = projects.ofLot(lotId).orElseThrow(() -> new DomainException(NegotiationError.NEGOTIATION_NOT_FOUND));
        requirePanel(lotId, user);
        if (store.lock(lotId).isPresent()) {
            throw new DomainException(NegotiationError.NEGOTIATION_STATE, "already started");
        }
        Instant now = clock.instant();
        NegotiationTerms terms = terms(project, now);
        Map<UUID, String> respondents = new LinkedHashMap<>();
        for (OpenedBid bid : openings.openedBids(lotId)) {
            if (bid.opened()) {
                respondents.put(bid.bidderId(), bid.bidder());
            }
        }
        Negotiation n = Negotiation.start(lotId, terms, respondents, now);
        store.insert(n, project.procedureCode(), now, user.username());
        Map<String, Object> payload = base(n);
        payload.put("suppliers", n.suppliers().stream().map(s -> (Object) s.id().toString()).toList());
        payload.put("rule", terms.roundsArticle());
        append("procurement.negotiation.started", tender, user.actor(), payload);
        stoppedIfSo(n, tender, user);
        return view(lotId, user);
    }

    /** The panel writes in one supplier's thread (a question, a proposal, minutes of the session with it). */
    @Transactional
    public NegotiationView.MessageView postAsPanel(UUID lotId, UUID supplierId, String text, CurrentUser user) {
        requirePanel(lotId, user);
        return post(lotId, supplierId, "PANEL", text, user);
    }

    /**
     * The panel changes the documents (74号令 Art. 32; 214号 Art. 18): delivered in writing to every remaining supplier at
     * once, each delivery recorded with its time.
     */
    @Transactional
    public NegotiationView change(UUID lotId, String text, CurrentUser user) {
        requirePanel(lotId, user);
        String body = text(text);
        Locked l = lock(lotId);
        Negotiation.Change change = l.negotiation().change(UUID.randomUUID(), l.now());
        store.insertChange(lotId, change, body, user.username());
        Map<String, Object> payload = base(l.negotiation());
        payload.put("changeId", change.id().toString());
        payload.put("textSm3", Sm3.hex(body));
        payload.put("deliveredTo", change.notices().keySet().stream().map(id -> (Object) id.toString()).toList());
        payload.put("deliveredAt", l.now().toString());
        append("procurement.negotiation.change.notified", l.tender(), user.actor(), payload);
        return view(lotId, user);
    }

    /** The panel excludes a supplier that does not respond substantively, with the reason; too few left stop it. */
    @Transactional
    public NegotiationView exclude(UUID lotId, UUID supplierId, String reason, CurrentUser user) {
        requirePanel(lotId, user);
        String why = text(reason);
        Locked l = lock(lotId);
        Negotiation.Supplier excluded = l.negotiation().exclude(supplierId, why, l.now());
        store.insertExclusion(lotId, excluded, user.username());
        store.saveHead(l.negotiation(), l.now(), user.username());
        Map<String, Object> payload = base(l.negotiation());
        payload.put("supplierId", supplierId.toString());
        payload.put("reasonSm3", Sm3.hex(why));
        append("procurement.negotiation.supplier.excluded", l.tender(), user.actor(), payload);
        stoppedIfSo(l.negotiation(), l.tender(), user);
        return view(lotId, user);
    }

    /**
     * The panel calls for the round's sealed final offers by {@code deadline}: refused while a change of the round was not
     * delivered to every remaining supplier or a supplier has neither acknowledged it nor had the response time
     * (74号令 Art. 32). Sealing opens the round ({@link FinalOfferCall}).
     */
    @Transactional
    public NegotiationView callFinalOffers(UUID lotId, Instant deadline, CurrentUser user) {
        requirePanel(lotId, user);
        Locked l = lock(lotId);
        Set<UUID> asked = l.negotiation().callFinalOffers(deadline, l.now());
        Negotiation.Round round = l.negotiation().current();
        store.offersCalled(lotId, round, user.username());
        store.saveHead(l.negotiation(), l.now(), user.username());
        finalOffers.open(lotId, round.number(), deadline, asked, user);
        Map<String, Object> payload = base(l.negotiation());
        payload.put("deadline", deadline.toString());
        payload.put("suppliers", asked.stream().map(id -> (Object) id.toString()).toList());
        append("procurement.negotiation.offers.called", l.tender(), user.actor(), payload);
        return view(lotId, user);
    }

    /** The panel starts the next round with the remaining suppliers, once the round's offers were opened. */
    @Transactional
    public NegotiationView nextRound(UUID lotId, CurrentUser user) {
        requirePanel(lotId, user);
        Locked l = lock(lotId);
        Negotiation.Round next = l.negotiation().nextRound(l.now());
        store.insertRound(lotId, next, user.username());
        store.saveHead(l.negotiation(), l.now(), user.username());
        append("procurement.negotiation.round.started", l.tender(), user.actor(), base(l.negotiation()));
        stoppedIfSo(l.negotiation(), l.tender(), user);
        return view(lotId, user);
    }

    /** The panel closes the negotiation after a round's offers were opened; the evaluation goes on with them. */
    @Transactional
    public NegotiationView close(UUID lotId, CurrentUser user) {
        requirePanel(lotId, user);
        Locked l = lock(lotId);
        l.negotiation().close();
        store.saveHead(l.negotiation(), l.now(), user.username());
        append("procurement.negotiation.closed", l.tender(), user.actor(), base(l.negotiation()));
        return view(lotId, user);
    }

    // ------------------------------------------------------------------------------------------------ the supplier

    /** The supplier replies in its own thread. */
    @Transactional
    public NegotiationView.MessageView postAsSupplier(UUID lotId, String text, CurrentUser user) {
        UUID supplier = supplierOf(lotId, user);
        return post(lotId, supplier, "SUPPLIER", text, user);
    }

    /** The supplier acknowledges a change delivered to it (in writing, by its account). */
    @Transactional
    public NegotiationView acknowledge(UUID lotId, UUID changeId, CurrentUser user) {
        UUID supplier = supplierOf(lotId, user);
        Locked l = lock(lotId);
        Negotiation.Change before = l.negotiation().changes().stream().filter(c -> c.id().equals(changeId)).findFirst().orElse(null);
        boolean first = before != null && before.notices().containsKey(supplier) && before.notices().get(supplier).acknowledgedAt() == null;
        Negotiation.Notice notice = l.negotiation().acknowledge(changeId, supplier, l.now());
        if (first) {
            store.insertAcknowledgement(changeId, supplier, notice.acknowledgedAt(), user.username());
            Map<String, Object> payload = base(l.negotiation());
            payload.put("changeId", changeId.toString());
            payload.put("supplierId", supplier.toString());
            append("procurement.negotiation.change.acknowledged", l.tender(), user.actor(), payload);
        }
        return view(lotId, user);
    }

    // ------------------------------------------------------------------------------------------------ sealing's side

    /**
     * Sealing opened a round of final offers: the negotiation's round is done. A lot without a negotiation (an inquiry's
     * single offer), a round already done, or a competition round of another context is left as it is.
     */
    @ApplicationModuleListener
    public void on(OffersOpened opened) {
        if (!opened.negotiation()) {
            return; // another context's competition round (a framework order's, issue 22): not a negotiation's
        }
        Optional<NegotiationStore.Head> head = store.lock(opened.lotId());
        if (head.isEmpty()) {
            return;
        }
        TenderView tender = tenders.findPublished(opened.lotId()).orElseThrow();
        Negotiation n = store.load(opened.lotId(), terms(projects.ofLot(opened.lotId()).orElseThrow(), clock.instant()));
        if (!n.offersOpened(opened.round(), opened.openedAt())) {
            return;
        }
        store.offersOpened(opened.lotId(), opened.round(), opened.openedAt(), opened.recordSm3());
        store.saveHead(n, clock.instant(), Actor.SYSTEM.username());
        Map<String, Object> payload = base(n);
        payload.put("recordSm3", opened.recordSm3());
        payload.put("offers", (long) opened.offers().size());
        append("procurement.negotiation.round.done", tender, Actor.SYSTEM, payload);
    }

    // ------------------------------------------------------------------------------------------------ views

    /** The negotiation as the caller may see it; 404 for anyone who may see nothing of it. */
    @Transactional(readOnly = true)
    public NegotiationView view(UUID lotId, CurrentUser user) {
        NegotiationStore.Head head = store.head(lotId).orElseThrow(() -> new DomainException(NegotiationError.NEGOTIATION_NOT_FOUND));
        Viewer viewer = viewer(lotId, user);
        Negotiation n = store.load(lotId, terms(projects.ofLot(lotId).orElseThrow(), clock.instant()));
        UUID me = viewer == Viewer.SUPPLIER ? user.organisationId() : null;
        Map<UUID, Integer> counts = viewer == Viewer.PANEL ? store.messageCounts(lotId) : Map.of();
        List<NegotiationView.SupplierView> suppliers = n.suppliers().stream()
                .filter(s -> viewer == Viewer.PANEL || viewer == Viewer.OBSERVER || s.id().equals(me))
                .map(s -> new NegotiationView.SupplierView(s.id(), s.name(), s.remaining(), s.excludedInRound(), s.excludedAt(),
                        viewer == Viewer.OBSERVER ? null : s.exclusionReason(), counts.getOrDefault(s.id(), 0)))
                .toList();
        List<NegotiationView.ChangeView> changes = new ArrayList<>();
        if (viewer != Viewer.OBSERVER) {
            Map<UUID, Text> texts = store.changeTexts(lotId);
            for (Negotiation.Change c : n.changes()) {
                if (me != null && !c.notices().containsKey(me)) {
                    continue;
                }
                List<NegotiationView.NoticeView> notices = c.notices().values().stream().filter(x -> me == null || x.supplierId().equals(me))
                        .map(x -> new NegotiationView.NoticeView(x.supplierId(), x.deliveredAt(), x.acknowledgedAt())).toList();
                Text t = texts.get(c.id());
                changes.add(new NegotiationView.ChangeView(c.id(), c.round(), t.body(), t.bodySm3(), c.postedAt(),
                        n.terms().responseTime().map(c.postedAt()::plus).orElse(null), notices));
            }
        }
        List<NegotiationView.MessageView> thread = me == null ? null : messages(lotId, me);
        List<String> panel = viewer == Viewer.PANEL
                ? draws.seated(lotId).map(c -> c.signedIn().stream().map(SeatedCommittee.Member::name).toList()).orElse(List.of())
                : null;
        Negotiation.Stop stop = n.stop();
        return new NegotiationView(lotId, viewer.name(), head.status().name(), n.round(), n.current().offerDeadline(),
                stop == null ? null : new NegotiationView.StopView(stop.code(), stop.remaining(), stop.minimum(), stop.article()),
                suppliers, n.rounds().stream().map(r -> new NegotiationView.RoundView(r.number(), r.startedAt(), r.offersCalledAt(),
                        r.offerDeadline(), r.offersOpenedAt())).toList(), changes, thread, panel);
    }

    /** One supplier's thread: the panel sees any, a supplier only its own; anyone else gets 404, as for a thread that is not. */
    @Transactional(readOnly = true)
    public NegotiationView.ThreadView thread(UUID lotId, UUID supplierId, CurrentUser user) {
        store.head(lotId).orElseThrow(() -> new DomainException(NegotiationError.NEGOTIATION_NOT_FOUND));
        Viewer viewer = viewer(lotId, user);
        boolean own = viewer == Viewer.SUPPLIER && supplierId.equals(user.organisationId());
        if (viewer != Viewer.PANEL && !own) {
            throw new DomainException(NegotiationError.NEGOTIATION_NOT_FOUND);
        }
        Negotiation n = store.load(lotId, terms(projects.ofLot(lotId).orElseThrow(), clock.instant()));
        Negotiation.Supplier s = n.suppliers().stream().filter(x -> x.id().equals(supplierId)).findFirst()
                .orElseThrow(() -> new DomainException(NegotiationError.NEGOTIATION_NOT_FOUND));
        return new NegotiationView.ThreadView(lotId, supplierId, s.name(), messages(lotId, supplierId));
    }

    /** The lots whose negotiation the caller's organisation takes part in (a supplier's workbench). */
    @Transactional(readOnly = true)
    public List<UUID> mine(CurrentUser user) {
        return user.role() == Role.BIDDER && user.organisationId() != null ? store.lotsOf(user.organisationId()) : List.of();
    }

    /** Whether the caller sits on the lot's seated panel. */
    public boolean isPanel(UUID lotId, CurrentUser user) {
        return user != null && user.role() == Role.EXPERT && draws.seated(lotId)
                .map(c -> c.signedIn().stream().anyMatch(m -> m.username().equals(user.username()))).orElse(false);
    }

    // ------------------------------------------------------------------------------------------------ internals

    private enum Viewer {
        PANEL, SUPPLIER, OBSERVER
    }

    private record Locked(Negotiation negotiation, TenderView tender, Instant now) {
    }

    private Viewer viewer(UUID lotId, CurrentUser user) {
        if (user == null) {
            throw new DomainException(NegotiationError.NEGOTIATION_NOT_FOUND);
        }
        if (isPanel(lotId, user)) {
            return Viewer.PANEL;
        }
        if (user.role() == Role.BIDDER && user.organisationId() != null && store.lotsOf(user.organisationId()).contains(lotId)) {
            return Viewer.SUPPLIER;
        }
        if (tenders.owns(lotId, user) || (user.role() == Role.CENTRE_STAFF || user.role() == Role.SUPERVISOR
                || user.role() == Role.ADMINISTRATOR) && tenders.mayInspect(lotId, user)) {
            return Viewer.OBSERVER;
        }
        throw new DomainException(NegotiationError.NEGOTIATION_NOT_FOUND);
    }

    private void requirePanel(UUID lotId, CurrentUser user) {
        if (!isPanel(lotId, user)) {
            throw new DomainException(NegotiationError.NOT_PANEL_MEMBER);
        }
        SeatedCommittee committee = draws.seated(lotId).orElseThrow();
        if (!committee.complete()) {
            throw new DomainException(NegotiationError.NEGOTIATION_NOT_READY,
                    "signed in " + committee.signedIn().size() + "/" + committee.accepted());
        }
    }

    /** The caller's organisation as a supplier of the lot's negotiation; 404 otherwise (as for a negotiation that is not). */
    private UUID supplierOf(UUID lotId, CurrentUser user) {
        if (user.role() != Role.BIDDER || user.organisationId() == null || !store.lotsOf(user.organisationId()).contains(lotId)) {
            throw new DomainException(NegotiationError.NEGOTIATION_NOT_FOUND);
        }
        return user.organisationId();
    }

    private NegotiationView.MessageView post(UUID lotId, UUID supplierId, String side, String text, CurrentUser user) {
        String body = text(text);
        Locked l = lock(lotId);
        l.negotiation().checkThreadOpen(supplierId);
        UUID id = store.insertMessage(lotId, supplierId, l.negotiation().round(), side, body, l.now(), user.username());
        Map<String, Object> payload = base(l.negotiation());
        payload.put("supplierId", supplierId.toString());
        payload.put("side", side);
        payload.put("messageId", id.toString());
        payload.put("textSm3", Sm3.hex(body));
        append("procurement.negotiation.message.posted", l.tender(), user.actor(), payload);
        return new NegotiationView.MessageView(id, l.negotiation().round(), side, body, Sm3.hex(body), l.now(), user.username());
    }

    private Locked lock(UUID lotId) {
        NegotiationStore.Head head = store.lock(lotId).orElseThrow(() -> new DomainException(NegotiationError.NEGOTIATION_NOT_FOUND));
        Instant now = clock.instant();
        TenderView tender = tenders.findPublished(lotId).orElseThrow();
        return new Locked(store.load(head.lotId(), terms(projects.ofLot(lotId).orElseThrow(), now)), tender, now);
    }

    /** The lot's rules at {@code at}: services lots take the services minimum where it is in force (财库〔2015〕124号). */
    private NegotiationTerms terms(ProjectView project, Instant at) {
        return NegotiationTerms.of(procedures.rulesAt(project.procedureCode(), at), project.category() == ProjectCategory.SERVICES);
    }

    private List<NegotiationView.MessageView> messages(UUID lotId, UUID supplierId) {
        return store.thread(lotId, supplierId).stream().map(t -> new NegotiationView.MessageView(t.id(), t.round(), t.side(), t.body(),
                t.bodySm3(), t.postedAt(), t.postedBy())).toList();
    }

    private static String text(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new DomainException(NegotiationError.NEGOTIATION_TEXT_INVALID);
        }
        return text.strip();
    }

    private static Map<String, Object> base(Negotiation n) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("lotId", n.lotId().toString());
        payload.put("round", (long) n.round());
        payload.put("status", n.status().name());
        return payload;
    }

    private void stoppedIfSo(Negotiation n, TenderView tender, CurrentUser user) {
        if (n.stop() == null) {
            return;
        }
        Actor actor = user.actor();
        Map<String, Object> payload = base(n);
        payload.put("reason", n.stop().code());
        payload.put("remaining", (long) n.stop().remaining());
        payload.put("minimum", (long) n.stop().minimum());
        payload.put("article", n.stop().article());
        append("procurement.negotiation.stopped", tender, actor, payload);
        // 74号令 Art. 37 / 214号 Art. 21: the procurement ends (终止): the lot's evaluation fails with the article and the
        // deposits go back as for a lot without an award
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", n.stop().code());
        details.put("remaining", (long) n.stop().remaining());
        details.put("minimum", (long) n.stop().minimum());
        failedLots.negotiationStopped(n.lotId(), n.stop().article() + "：符合要求的供应商只有" + n.stop().remaining()
                + "家，少于" + n.stop().minimum() + "家，终止采购活动", details, user);
    }

    private void append(String action, TenderView tender, Actor actor, Map<String, Object> payload) {
        log.record(AuditRecord.of(action, tender.id().toString(), tender.regionCode(), actor, payload));
    }
}
