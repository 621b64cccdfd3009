package org.sunbid.platform.supervision.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.deals.ProjectView;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.evaluation.Evaluations;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.payments.DepositPayers;
import org.sunbid.platform.sealing.BidEvidence;
import org.sunbid.platform.sealing.BidOpenings;
import org.sunbid.platform.sealing.BidsOpened;
import org.sunbid.platform.sealing.OffersOpened;
import org.sunbid.platform.sealing.OpenedBid;
import org.sunbid.platform.supervision.WarningDraft;
import org.sunbid.platform.supervision.Warnings;
import org.sunbid.platform.supervision.evidence.domain.Art40Rules;
import org.sunbid.platform.supervision.evidence.domain.Fact;
import org.sunbid.platform.supervision.evidence.domain.Finding;

/**
 * The Art. 40 check of one lot (招标投标法实施条例第四十条, 视为投标人相互串通投标): the lot's opened bids compared on
 * the facts sealing captured at the opening and the deposit payers payments holds, all as keyed hashes per tender
 * ({@link Art40Rules}). Runs by itself when the bids are opened ({@link BidsOpened}) and when a round of final offers is
 * ({@link OffersOpened}: the round's prices), and on demand for the region's staff and supervisors and the lot's
 * committee. Each finding raises one warning (source {@code art40}, keyed by the lot, the item and the bidders, so a
 * second run or a second delivery raises nothing new) for the committee and the supervisors: a flag, never a rejection.
 * Before the opening there is nothing to compare: sealing knows no fingerprint yet, and the check refuses.
 */
@Service
public class Art40Checks {

    /** The warnings' source. */
    public static final String SOURCE = "art40";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Art40Checks.class);

    private final BidOpenings openings;
    private final DepositPayers payers;
    private final Projects projects;
    private final Regions regions;
    private final Evaluations evaluations;
    private final ObjectProvider<Warnings> warnings;

    Art40Checks(BidOpenings openings, DepositPayers payers, Projects projects, Regions regions, Evaluations evaluations,
            ObjectProvider<Warnings> warnings) {
        this.openings = openings;
        this.payers = payers;
        this.projects = projects;
        this.regions = regions;
        this.evaluations = evaluations;
        this.warnings = warnings;
    }

    /** At the opening: the lot's bids compared, each finding raised. */
    @ApplicationModuleListener
    void on(BidsOpened event) {
        List<Art40Rules.Bid> bids = event.bids().stream().filter(OpenedBid::opened)
                .map(b -> new Art40Rules.Bid(b.bidderId(), b.bidder(), b.price())).toList();
        raise(event.tenderId(), bids, null);
    }

    /** A round of final offers opened: the same facts, the round's prices. */
    @ApplicationModuleListener
    void on(OffersOpened event) {
        Map<UUID, String> names = openings.openedBids(event.lotId()).stream()
                .collect(Collectors.toMap(OpenedBid::bidderId, b -> b.bidder() == null ? "" : b.bidder(), (a, b) -> a));
        List<Art40Rules.Bid> bids = event.offers().stream()
                .map(o -> new Art40Rules.Bid(o.bidderId(), names.getOrDefault(o.bidderId(), o.bidderId().toString()), o.price()))
                .toList();
        raise(event.lotId(), bids, event.round());
    }

    /**
     * Runs the check of {@code lotId} now for {@code user} (the region's staff or supervisor, the administrator, a
     * member of the lot's committee; anyone else: EVIDENCE_LOT_NOT_FOUND) and raises what it finds (once: a finding
     * raised before gives its first warning again). EVIDENCE_NOT_OPENED before the opening.
     */
    @Transactional
    public List<Art40Flag> check(UUID lotId, CurrentUser user) {
        authorise(lotId, user);
        return raise(lotId, openedBids(lotId), null);
    }

    /** What the check finds on {@code lotId} for {@code user} (as {@link #check}), raising nothing: for pages. */
    public List<Art40Flag> flags(UUID lotId, CurrentUser user) {
        authorise(lotId, user);
        List<Art40Rules.Bid> bids = openedBids(lotId);
        return Art40Rules.findings(bids, facts(lotId)).stream().map(f -> flag(f, names(bids), null)).toList();
    }

    /** Whether {@code user} may see the check of {@code lotId} now (opened, and one of those who may). */
    public boolean visibleTo(UUID lotId, CurrentUser user) {
        try {
            authorise(lotId, user);
            return true;
        } catch (DomainException e) {
            return false;
        }
    }

    private List<Art40Rules.Bid> openedBids(UUID lotId) {
        return openings.openedBids(lotId).stream().filter(OpenedBid::opened)
                .map(b -> new Art40Rules.Bid(b.bidderId(), b.bidder(), b.price())).toList();
    }

    private void authorise(UUID lotId, CurrentUser user) {
        ProjectView project = projects.ofLot(lotId)
                .orElseThrow(() -> new DomainException(EvidenceError.EVIDENCE_LOT_NOT_FOUND, lotId));
        boolean may = user != null && (user.seesAllRegions()
                || user.seesRegionSubtree() && regions.isWithin(project.regionCode(), user.regionCode())
                || user.role() == Role.EXPERT && evaluations.mine(user).contains(lotId));
        if (!may) {
            throw new DomainException(EvidenceError.EVIDENCE_LOT_NOT_FOUND, lotId);
        }
        if (!"OPENED".equals(openings.status(lotId).orElse(null))) {
            throw new DomainException(EvidenceError.EVIDENCE_NOT_OPENED);
        }
    }

    /** The facts of the lot's bids: sealing's (but "no fingerprint" and "unreadable", which compare with nothing) and the payers. */
    private List<Fact> facts(UUID lotId) {
        List<Fact> facts = new ArrayList<>();
        for (BidEvidence e : openings.evidence(lotId)) {
            if (e.kind() != BidEvidence.Kind.NO_FINGERPRINT && e.kind() != BidEvidence.Kind.UNREADABLE) {
                facts.add(new Fact(e.bidderId(), Fact.Kind.valueOf(e.kind().name()), e.hash(), e.detail()));
            }
        }
        for (DepositPayers.Payer p : payers.of(lotId)) {
            facts.add(new Fact(p.bidderId(), Fact.Kind.PAYER, p.payerHash(), null));
        }
        return facts;
    }

    private List<Art40Flag> raise(UUID lotId, List<Art40Rules.Bid> bids, Integer round) {
        if (!"OPENED".equals(openings.status(lotId).orElse(null))) {
            return List.of(); // nothing is compared before the opening
        }
        List<Finding> findings = Art40Rules.findings(bids, facts(lotId));
        if (findings.isEmpty()) {
            return List.of();
        }
        ProjectView project = projects.ofLot(lotId).orElse(null);
        if (project == null) {
            return List.of();
        }
        Map<UUID, String> names = names(bids);
        Warnings queue = warnings.getIfAvailable();
        List<Art40Flag> out = new ArrayList<>();
        for (Finding f : findings) {
            boolean priceRule = f.evidence().stream().anyMatch(l -> "报价规律".equals(l.label()));
            // lot + item + SM3 of the sorted bidder ids (Finding.key): bounded however many bidders, and the same
            // finding raised again (a redelivered event, a later check) gives the same key, so the queue drops it
            String key = lotId + ":" + f.key() + (priceRule && round != null ? ":round" + round : "");
            UUID id = null;
            if (queue != null) {
                id = queue.raise(draft(project, lotId, key, f, names, round));
            } else {
                log.warn("Art. 40 finding on lot {} ({}) but no warning queue runs", lotId, f.item());
            }
            out.add(flag(f, names, id));
        }
        return out;
    }

    private static Map<UUID, String> names(List<Art40Rules.Bid> bids) {
        return bids.stream().collect(Collectors.toMap(Art40Rules.Bid::bidderId,
                b -> b.bidder() == null ? b.bidderId().toString() : b.bidder(), (a, b) -> a));
    }

    private static WarningDraft draft(ProjectView project, UUID lotId, String key, Finding f, Map<UUID, String> names,
            Integer round) {
        String bidders = f.bidders().stream().map(b -> names.getOrDefault(b, b.toString())).collect(Collectors.joining("、"));
        String lotCode = project.lots().stream().filter(l -> l.id().equals(lotId)).map(l -> l.lotCode() + " " + l.name())
                .findFirst().orElse(project.name());
        List<WarningDraft.Evidence> evidence = new ArrayList<>();
        String link = "/api/v1/supervision/evidence/" + lotId;
        for (Finding.Line l : f.evidence()) {
            String who = l.bidderId() == null ? "" : names.getOrDefault(l.bidderId(), l.bidderId().toString()) + "：";
            evidence.add(new WarningDraft.Evidence(who + l.label(), l.value(), link));
        }
        return new WarningDraft(SOURCE, key, f.high() ? WarningDraft.Severity.HIGH : WarningDraft.Severity.MEDIUM,
                project.regionCode(), project.id(), lotId, "疑似串通投标：" + f.item().text(),
                (round == null ? "开标后比对" : "第 " + round + " 轮最后报价开启后比对") + "发现 " + lotCode + " 的投标人 " + bidders
                        + " 存在" + f.item().legalBasis() + "视为串通投标的情形。请评标委员会评审时关注、监督人员核查；本预警不自动否决任何投标。",
                f.item().legalBasis(), evidence, List.of());
    }

    private static Art40Flag flag(Finding f, Map<UUID, String> names, UUID warningId) {
        Function<UUID, String> name = b -> b == null ? null : names.getOrDefault(b, b.toString());
        return new Art40Flag(f.item().name(), f.item().legalBasis(), f.item().text(), f.high() ? "HIGH" : "MEDIUM",
                f.bidders().stream().map(name).toList(),
                f.evidence().stream().map(l -> new Art40Flag.Evidence(name.apply(l.bidderId()), l.label(), l.value())).toList(),
                warningId);
    }
}
