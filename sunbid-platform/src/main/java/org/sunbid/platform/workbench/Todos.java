package org.sunbid.platform.workbench;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;
import org.sunbid.platform.evaluation.Awards;
import org.sunbid.platform.evaluation.Evaluations;
import org.sunbid.platform.evaluation.Stage;
import org.sunbid.platform.experts.ExpertDraws;
import org.sunbid.platform.experts.Experts;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.payments.Deposits;
import org.sunbid.platform.sealing.BidOpenings;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

/**
 * Assembles a user's to-do list from what each context says waits for that user. No rule is repeated here: whether a
 * draft, a draw, an application, an objection or a key share waits is each context's query, made with the rules its
 * own actions check; this class only turns the answers into {@link TodoItem}s, soonest deadline first.
 */
@Component
class Todos {

    private final Tenders tenders;
    private final Experts experts;
    private final ExpertDraws draws;
    private final BidOpenings openings;
    private final Deposits deposits;
    private final Evaluations evaluations;
    private final Awards awards;
    private final Clock clock;
    private final org.sunbid.platform.supervision.Exemptions exemptions;
    private final org.sunbid.platform.supervision.OffPlatformDeals offPlatform;
    private final org.sunbid.platform.tendering.TenderFilings filings;
    private final org.sunbid.platform.sealing.OfferRounds offerRounds;
    private final org.sunbid.platform.supervision.warnings.WarningQueue warnings;
    private final org.sunbid.platform.credit.CreditRepairs creditRepairs;
    private final org.sunbid.platform.credit.CreditObjections creditObjections;

    Todos(Tenders tenders, Experts experts, ExpertDraws draws, BidOpenings openings, Deposits deposits,
            Evaluations evaluations, Awards awards, Clock clock, org.sunbid.platform.supervision.Exemptions exemptions,
            org.sunbid.platform.supervision.OffPlatformDeals offPlatform, org.sunbid.platform.tendering.TenderFilings filings,
            org.sunbid.platform.sealing.OfferRounds offerRounds,
            org.sunbid.platform.supervision.warnings.WarningQueue warnings,
            org.sunbid.platform.credit.CreditRepairs creditRepairs, org.sunbid.platform.credit.CreditObjections creditObjections) {
        this.warnings = warnings;
        this.creditRepairs = creditRepairs;
        this.creditObjections = creditObjections;
        this.offerRounds = offerRounds;
        this.exemptions = exemptions;
        this.offPlatform = offPlatform;
        this.filings = filings;
        this.evaluations = evaluations;
        this.awards = awards;
        this.deposits = deposits;
        this.tenders = tenders;
        this.experts = experts;
        this.draws = draws;
        this.openings = openings;
        this.clock = clock;
    }

    /** What waits for {@code user}, soonest deadline first, then those without one. */
    List<TodoItem> of(CurrentUser user) {
        List<TodoItem> items = new ArrayList<>();
        // Bidders: deposits to pay or guarantee before the bid deadline.
        deposits.awaitingMine(user).forEach(d -> tenders.findPublished(d.tenderId()).ifPresent(t -> items.add(
                new TodoItem("deposit", subject(t), "/workbench/tenders/" + t.id() + "#deposit", t.bidDeadline()))));
        // Tenderees and agencies: drafts to complete, objections to answer.
        for (TenderView t : tenders.draftsOf(user)) {
            items.add(new TodoItem("draft", subject(t), "/workbench/tenders/" + t.id(), null));
        }
        for (TenderView t : tenders.objectionsAwaitingAnswer(user)) {
            t.objections().stream().filter(TenderView.ObjectionView::awaitingAnswer).forEach(o -> items.add(
                    new TodoItem("objection", subject(t), "/workbench/tenders/" + t.id() + "#objections", o.answerDue())));
        }
        // Tenderees and agencies after the evaluation: objections to the candidates, the award, the contract.
        for (Awards.AwardView a : awards.awaitingOwner(user)) {
            String about = a.projectCode() + " " + a.tenderName();
            String link = "/workbench/awards/" + a.tenderId();
            if (a.stage() == Stage.PUBLICITY) {
                a.objections().stream().filter(o -> o.answeredAt() == null)
                        .forEach(o -> items.add(new TodoItem("award-objection", about, link, o.answerDue())));
                items.add(new TodoItem("award", about, link, a.publicityEnds()));
            } else if (a.stage() == Stage.DECISION) { // government procurement: the purchaser decides (条例 Art. 43)
                items.add(new TodoItem("award", about, link, a.decisionDue()));
            } else if (a.winner().contractSignedAt() == null) {
                items.add(new TodoItem("contract", about, link, a.winner().contractDue()));
            } else { // 条例 Art. 50: the signed procurement contract still to be published
                items.add(new TodoItem("contract", about, link, a.winner().contractPublicationDue()));
            }
        }
        // Tenderees and agencies at the opening: bidders' objections to the record, answered on the spot (Reg. 44).
        openings.objectionsAwaitingMyAnswer(user).forEach(o -> tenders.findPublished(o.tenderId()).ifPresent(t -> items.add(
                new TodoItem("opening-objection", subject(t), "/workbench/tenders/" + t.id() + "#opening", null))));
        // Custodians (centre, supervisor, tenderee): key shares to release for an opening.
        openings.awaitingMyShare(user).forEach(o -> tenders.findPublished(o.tenderId()).ifPresent(t -> items.add(
                new TodoItem("share", subject(t), "/workbench/tenders/" + t.id() + "#opening", null))));
        // Custodians: shares of a round of final offers' key, once the round is due (all offers in or the time up).
        offerRounds.awaitingMyShare(user).stream().filter(r -> r.due()).forEach(r -> tenders.findPublished(r.lotId())
                .ifPresent(t -> items.add(new TodoItem("offer-share", subject(t),
                        "/workbench/tenders/" + t.id() + "/offer-rounds#offer-round-" + r.round(), null))));
        // Custodians (centre, supervision, the buyer): shares of a framework order's competition round (issue 22), once due.
        offerRounds.awaitingMyShare(user).stream().filter(r -> r.due() && r.purpose() != null
                && r.purpose().startsWith("framework-order:")).forEach(r -> items.add(new TodoItem("offer-share",
                        r.purpose(), "/workbench/framework-orders/" + r.purpose().substring("framework-order:".length())
                                + "#competition-round", null)));
        // The same custodians and the collecting body: shares of a framework agreement's response round (first stage).
        offerRounds.awaitingMyShare(user).stream().filter(r -> r.due() && r.purpose() != null
                && r.purpose().startsWith("framework-response:")).forEach(r -> items.add(new TodoItem("offer-share",
                        r.purpose(), "/workbench/framework-agreements/" + r.purpose().substring("framework-response:".length()),
                        null)));
        // Supervisors: draws awaiting the commitment (before the draw time) or the secret.
        draws.awaitingSupervisor(user).forEach(d -> items.add(switch (d.status()) {
            case REQUESTED -> new TodoItem("draw-commitment", d.projectCode() + " " + d.tenderName(),
                    "/workbench/expert-draws/" + d.id(), d.drawAt());
            default -> new TodoItem("draw-secret", d.projectCode() + " " + d.tenderName(),
                    "/workbench/expert-draws/" + d.id(), d.evaluationStart());
        }));
        // Supervision departments: tender documents filed with them (备案), due the region's time limit.
        filings.awaitingSupervisor(user).forEach(f -> items.add(new TodoItem("filing", f.projectCode() + " " + f.tenderName(),
                "/workbench/tenders/" + f.tenderId() + "/filing", f.due())));
        // Centre staff and the administrator: expert applications awaiting the entry review.
        experts.awaitingReview(user).forEach(p -> items.add(new TodoItem("expert-application",
                p.name() + (p.employer() == null ? "" : "（" + p.employer() + "）"), "/workbench/experts/" + p.id(), null)));
        // Experts: notices to answer, sign-ins at evaluations.
        draws.awaitingExpert(user).forEach(d -> items.add(d.outcome() == org.sunbid.crypto.draw.DrawWalk.Outcome.PENDING
                ? new TodoItem("draw-answer", d.specialty(), "/workbench/expert/draws", d.answerDue())
                : new TodoItem("draw-sign-in", d.specialty(), "/workbench/expert/draws", d.evaluationStart())));
        // Evaluation committee members: review, score, reasons, report signature.
        evaluations.awaitingMember(user).forEach(v -> items.add(new TodoItem("evaluation",
                v.projectCode() + " " + v.tenderName(), "/workbench/evaluations/" + v.tenderId(), null)));
        // Supervisors: exemptions to decide (不进场交易), and supervision's flags: overdue off-platform reports, deals the
        // catalogue requires made off the platform without an approved exemption, split purchases (GPL Regs Art. 28).
        exemptions.awaitingDecision(user).forEach(e -> items.add(new TodoItem("exemption",
                e.projectCode() + " " + e.projectName(), "/workbench/supervision/exemptions/" + e.id(), null)));
        if (user.role() == org.sunbid.platform.parties.Role.SUPERVISOR) {
            offPlatform.flags(user).forEach(f -> items.add(new TodoItem(f.kind(), f.title(), f.link(), f.deadline())));
            // 监督预警 (issue 19): one entry for the warnings awaiting triage, one per correction past its deadline
            var summary = warnings.summary(user);
            if (summary.untriaged() > 0) {
                items.add(new TodoItem("warning-triage", String.valueOf(summary.untriaged()),
                        "/workbench/supervision/warnings?status=OPEN", null));
            }
            if (summary.overdue() > 0) {
                warnings.queue(user, new org.sunbid.platform.supervision.warnings.WarningFilter(null, true, null, null, null, null,
                        true), 50).forEach(w -> items.add(new TodoItem("warning-overdue", w.title(),
                        "/workbench/supervision/warnings/" + w.id(),
                        w.correctionDue().plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant())));
            }
        }
        // Supervisors of the record's region: credit repairs to accept (≤3 working days) or decide (≤7), objections to
        // decide (≤7; 信用修复管理办法 Art. 16, 18), the last working day in the title, due at its end (overdue shown past it)
        java.util.stream.Stream.concat(creditRepairs.awaitingSupervisor(user).stream(), creditObjections.awaitingSupervisor(user).stream())
                .forEach(c -> items.add(new TodoItem("credit-" + c.step(), c.subjectName() + " · " + c.due(), "/workbench/credit#credit-" + c.id(),
                        c.deadline())));
        // Owners: off-platform deals whose result is to be reported within 20 days of it.
        offPlatform.awaitingReport(user).forEach(d -> items.add(new TodoItem("offplatform-report",
                d.projectCode() + " " + d.projectName(), "/workbench/supervision/off-platform/" + d.id(),
                d.reportDue() == null ? null
                        : d.reportDue().plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant())));
        items.sort(Comparator.comparing(TodoItem::deadline, Comparator.nullsLast(Comparator.naturalOrder())));
        return items;
    }

    /** The time the remaining times are measured from. */
    Instant now() {
        return clock.instant();
    }

    private static String subject(TenderView t) {
        String code = t.terms().projectCode();
        return (code == null || code.isBlank() ? "" : code + " ") + t.terms().name();
    }
}
