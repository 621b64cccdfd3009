package org.sunbid.platform.complaints.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.sunbid.platform.complaints.ComplaintsError;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.LimitUnit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.kernel.DomainException;

/**
 * A complaint (投诉) to the department that supervises the lot (government procurement: the finance department,
 * 政府采购法 Art. 55, 财政部令第94号; construction: the supervision department, 招标投标法实施条例 Art. 60–62). Lodged
 * within {@code COMPLAINT_PERIOD} of its start; intake within {@code COMPLAINT_INTAKE} (accept, ask to complete, refuse
 * with the reason); copies to the respondent and the other parties within {@code COMPLAINT_COPY}, their replies within
 * {@code COMPLAINT_REPLY}; the department may suspend the procurement ({@code COMPLAINT_SUSPENSION_MAX} in all, 法
 * Art. 57); the decision within {@code COMPLAINT_DECISION} 工作日, not counting tests, inspections, appraisals and
 * expert reviews (实施条例 Art. 58), recorded as pauses that move the due date by their working days. Immutable: each
 * step returns the complaint after it. The rules are the lot's, resolved at the complaint's lodging.
 *
 * @param challengeId  the supplier's challenge it follows (government procurement), else null
 * @param departmentId the department that handles it
 * @param respondentId the purchaser or tenderee complained about
 * @param periodStart  when the complaint period started (the answer, the end of the answer period, or the day known)
 * @param receivedAt   when the complete complaint was received (a completion restarts the intake from it)
 * @param intakeDue    the end of the intake period while awaiting intake
 * @param acceptedAt   when it was accepted
 * @param copiesDue    when copies are due (null where the rules set no limit)
 * @param decisionDue  the end of the decision period, moved by the pauses; null while a pause is open
 */
public record Complaint(UUID id, UUID lotId, UUID challengeId, UUID complainantId, UUID departmentId, UUID respondentId,
        String claims, String facts, String evidence, Instant periodStart, Instant lodgedAt, Instant receivedAt,
        ComplaintStatus status, Instant intakeDue, String intakeReason, Instant acceptedAt, Instant copiesDue,
        Instant copiesSentAt, List<UUID> copiedTo, List<Reply> replies, List<Suspension> suspensions, List<Pause> pauses,
        Instant decisionDue, Outcome outcome, String reasons, Instant decidedAt) {

    /**
     * A rule key this context adds (V129): construction counts the decision from the acceptance (招标投标法实施条例
     * Art. 61: 自受理投诉之日起30个工作日), government procurement from the receipt (94号令 Art. 26: 自收到投诉之日起).
     */
    public static final String DECISION_FROM_ACCEPTANCE = "COMPLAINT_DECISION_FROM_ACCEPTANCE";

    public Complaint {
        Objects.requireNonNull(id);
        Objects.requireNonNull(lotId);
        Objects.requireNonNull(complainantId);
        Objects.requireNonNull(status);
        copiedTo = copiedTo == null ? List.of() : List.copyOf(copiedTo);
        replies = replies == null ? List.of() : List.copyOf(replies);
        suspensions = suspensions == null ? List.of() : List.copyOf(suspensions);
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
    }

    /** A party's written reply to the copy (说明, 94号令 Art. 22); {@code late} when after its due instant. */
    public record Reply(UUID partyId, String text, Instant at, boolean late) {
    }

    /**
     * A suspension of the procurement (暂停采购活动, 法 Art. 57): from {@code from} until {@code until}, or until
     * {@code liftedAt} when lifted earlier.
     */
    public record Suspension(Instant from, Instant until, String reason, Instant liftedAt) {

        /** When it ends (or ended). */
        public Instant end() {
            return liftedAt != null && liftedAt.isBefore(until) ? liftedAt : until;
        }

        /** Whether it is in force at {@code now}. */
        public boolean inForce(Instant now) {
            return !now.isBefore(from) && now.isBefore(end());
        }
    }

    /** Time not counted in the decision period (实施条例 Art. 58): why, from, and until (null while open). */
    public record Pause(PauseReason reason, String note, Instant from, Instant until) {
    }

    /**
     * Lodges a complaint at {@code now}, within {@code COMPLAINT_PERIOD} of {@code periodStart}: the challenge's answer
     * or the end of its answer period (法 Art. 55, 15 工作日), or the day the complainant knew (招标投标法实施条例
     * Art. 60, 10 日). The first instant after the period's end is refused ({@code COMPLAINT_LATE}).
     */
    public static Complaint lodge(UUID id, UUID lotId, UUID challengeId, UUID complainantId, UUID departmentId,
            UUID respondentId, String claims, String facts, String evidence, Instant periodStart, Instant now,
            ProcedureRules rules) {
        Texts.applicable(rules, RuleKeys.COMPLAINT_PERIOD);
        if (departmentId == null) {
            throw new DomainException(ComplaintsError.COMPLAINTS_NO_DEPARTMENT);
        }
        String c = Texts.required(claims, "claims");
        String f = Texts.required(facts, "facts");
        String e = Texts.required(evidence, "evidence");
        Limit period = rules.limit(RuleKeys.COMPLAINT_PERIOD);
        Instant end = period.endAfter(periodStart, rules.calendar());
        if (!now.isBefore(end)) {
            throw new DomainException(ComplaintsError.COMPLAINT_LATE, period.plain(), unit(period), end.toString(), period.article());
        }
        return new Complaint(id, lotId, challengeId, complainantId, departmentId, respondentId, c, f, e, periodStart, now, now,
                ComplaintStatus.LODGED, intakeDue(now, rules), null, null, null, null, List.of(), List.of(), List.of(), List.of(),
                null, null, null, null);
    }

    /** The intake decision (94号令 Art. 21; 招标投标法实施条例 Art. 61). */
    public enum Intake {
        /** 受理. */
        ACCEPT,
        /** 书面通知投诉人补正. */
        ASK_TO_COMPLETE,
        /** 不予受理, with the reason. */
        REFUSE
    }

    /**
     * The department's intake decision at {@code now}; asking to complete and refusing need a reason. Accepting starts
     * the copies' and the decision's periods.
     */
    public Complaint intake(Intake decision, String reason, Instant now, ProcedureRules rules) {
        requireStatus(ComplaintStatus.LODGED);
        return switch (decision) {
            case ACCEPT -> {
                Instant copies = rules.find(RuleKeys.COMPLAINT_COPY).map(l -> l.endAfter(receivedAt, rules.calendar())).orElse(null);
                Complaint accepted = with(ComplaintStatus.ACCEPTED, null, reason == null || reason.isBlank() ? null : reason.strip(),
                        now, copies);
                yield accepted.withDecisionDue(accepted.computeDecisionDue(now, rules));
            }
            case ASK_TO_COMPLETE -> with(ComplaintStatus.INCOMPLETE, null, Texts.required(reason, "reason"), null, null);
            case REFUSE -> with(ComplaintStatus.REFUSED, null, Texts.required(reason, "reason"), null, null);
        };
    }

    /** The complainant completes its complaint (补正); the intake period restarts from its receipt (94号令 Art. 20). */
    public Complaint complete(String claims, String facts, String evidence, Instant now, ProcedureRules rules) {
        requireStatus(ComplaintStatus.INCOMPLETE);
        return new Complaint(id, lotId, challengeId, complainantId, departmentId, respondentId, Texts.required(claims, "claims"),
                Texts.required(facts, "facts"), Texts.required(evidence, "evidence"), periodStart, lodgedAt, now,
                ComplaintStatus.LODGED, intakeDue(now, rules), intakeReason, null, null, null, copiedTo, replies, suspensions,
                pauses, null, null, null, null);
    }

    /** Copies of the complaint go to the respondent and the other parties concerned (94号令 Art. 21). */
    public Complaint sendCopies(List<UUID> parties, Instant now) {
        requireStatus(ComplaintStatus.ACCEPTED);
        if (copiesSentAt != null) {
            throw new DomainException(ComplaintsError.COMPLAINT_WRONG_STATE, status);
        }
        List<UUID> to = new ArrayList<>();
        if (respondentId != null) {
            to.add(respondentId);
        }
        parties.stream().filter(p -> !to.contains(p) && !p.equals(complainantId)).forEach(to::add);
        return new Complaint(id, lotId, challengeId, complainantId, departmentId, respondentId, claims, facts, evidence,
                periodStart, lodgedAt, receivedAt, status, intakeDue, intakeReason, acceptedAt, copiesDue, now, to, replies,
                suspensions, pauses, decisionDue, outcome, reasons, decidedAt);
    }

    /** When a copied party's reply is due: {@code COMPLAINT_REPLY} after the copies (94号令 Art. 22); null without a limit. */
    public Instant repliesDue(ProcedureRules rules) {
        return copiesSentAt == null ? null
                : rules.find(RuleKeys.COMPLAINT_REPLY).map(l -> l.endAfter(copiesSentAt, rules.calendar())).orElse(null);
    }

    /** A copied party replies in writing; a late reply is recorded as late. One reply per party. */
    public Complaint reply(UUID partyId, String text, Instant now, ProcedureRules rules) {
        requireStatus(ComplaintStatus.ACCEPTED);
        if (copiesSentAt == null || !copiedTo.contains(partyId)) {
            throw new DomainException(ComplaintsError.COMPLAINTS_NOT_RESPONSIBLE);
        }
        if (replies.stream().anyMatch(r -> r.partyId().equals(partyId))) {
            throw new DomainException(ComplaintsError.COMPLAINTS_ALREADY_ANSWERED, id);
        }
        Instant due = repliesDue(rules);
        List<Reply> all = new ArrayList<>(replies);
        all.add(new Reply(partyId, Texts.required(text, "reply"), now, due != null && !now.isBefore(due)));
        return new Complaint(id, lotId, challengeId, complainantId, departmentId, respondentId, claims, facts, evidence,
                periodStart, lodgedAt, receivedAt, status, intakeDue, intakeReason, acceptedAt, copiesDue, copiesSentAt, copiedTo,
                all, suspensions, pauses, decisionDue, outcome, reasons, decidedAt);
    }

    /**
     * The department suspends the procurement from {@code now} until {@code until} (法 Art. 57; 招标投标法实施条例
     * Art. 62), with its reason. All suspensions together last at most {@code COMPLAINT_SUSPENSION_MAX} where the rules
     * set one (30 日): {@code GPL_57_SUSPENSION_TOO_LONG} beyond it.
     */
    public Complaint suspend(Instant until, String reason, Instant now, ProcedureRules rules) {
        if (status != ComplaintStatus.LODGED && status != ComplaintStatus.ACCEPTED) {
            throw new DomainException(ComplaintsError.COMPLAINT_WRONG_STATE, status);
        }
        if (suspendedAt(now)) {
            throw new DomainException(ComplaintsError.COMPLAINT_ALREADY_SUSPENDED);
        }
        if (until == null || !until.isAfter(now)) {
            throw new DomainException(ComplaintsError.COMPLAINTS_TEXT_REQUIRED, "until");
        }
        Optional<Limit> max = rules.find(RuleKeys.COMPLAINT_SUSPENSION_MAX);
        if (max.isPresent()) {
            Duration used = suspensions.stream().map(s -> Duration.between(s.from(), s.end())).reduce(Duration.ZERO, Duration::plus);
            Duration asked = Duration.between(now, until);
            Duration allowed = max.get().unit() == LimitUnit.WORKING_DAY
                    ? Duration.between(now, max.get().endAfter(now, rules.calendar()))
                    : max.get().duration();
            if (used.plus(asked).compareTo(allowed) > 0) {
                throw new DomainException(ComplaintsError.GPL_57_SUSPENSION_TOO_LONG, max.get().plain(), max.get().article());
            }
        }
        List<Suspension> all = new ArrayList<>(suspensions);
        all.add(new Suspension(now, until, Texts.required(reason, "reason"), null));
        return withSuspensions(all);
    }

    /** The department lifts the suspension in force. */
    public Complaint lift(Instant now) {
        if (!suspendedAt(now)) {
            throw new DomainException(ComplaintsError.COMPLAINT_WRONG_STATE, status);
        }
        return withSuspensions(lifted(now));
    }

    /** Whether the procurement is suspended by this complaint at {@code now}. */
    public boolean suspendedAt(Instant now) {
        return suspensions.stream().anyMatch(s -> s.inForce(now));
    }

    /** The suspension in force at {@code now}, if any. */
    public Optional<Suspension> suspensionAt(Instant now) {
        return suspensions.stream().filter(s -> s.inForce(now)).findFirst();
    }

    /**
     * Stops the decision's clock from {@code now} for a test, inspection, appraisal or expert review (实施条例 Art. 58),
     * with what it is; the decision is not due while the pause is open.
     */
    public Complaint pause(PauseReason reason, String note, Instant now) {
        requireStatus(ComplaintStatus.ACCEPTED);
        if (reason == null) {
            throw new DomainException(ComplaintsError.GPR_58_NOT_A_PAUSE);
        }
        if (openPause().isPresent()) {
            throw new DomainException(ComplaintsError.COMPLAINT_ALREADY_SUSPENDED);
        }
        List<Pause> all = new ArrayList<>(pauses);
        all.add(new Pause(reason, Texts.required(note, "note"), now, null));
        return withPauses(all, null);
    }

    /** Restarts the decision's clock: the due date moves by the pause's working days. */
    public Complaint resume(Instant now, ProcedureRules rules) {
        requireStatus(ComplaintStatus.ACCEPTED);
        Pause open = openPause().orElseThrow(() -> new DomainException(ComplaintsError.COMPLAINT_WRONG_STATE, status));
        List<Pause> all = new ArrayList<>(pauses);
        all.set(all.indexOf(open), new Pause(open.reason(), open.note(), open.from(), now));
        Complaint resumed = withPauses(all, null);
        return resumed.withPauses(all, resumed.computeDecisionDue(now, rules));
    }

    /** The pause in progress, if any. */
    public Optional<Pause> openPause() {
        return pauses.stream().filter(p -> p.until() == null).findFirst();
    }

    /**
     * The working days not counted (实施条例 Art. 58): for each pause, the working days after the day it began up to
     * and including the day it ended ({@code now} for an open pause) — the day the review was ordered still counts, the
     * day it came back does not.
     */
    public int pausedWorkingDays(Instant now, ProcedureRules rules) {
        int days = 0;
        for (Pause p : pauses) {
            LocalDate from = Limit.beijingDate(p.from());
            LocalDate to = Limit.beijingDate(p.until() == null ? now : p.until());
            days += rules.calendar().between(from, to);
        }
        return days;
    }

    /**
     * The end of the decision period: {@code COMPLAINT_DECISION} 工作日 from the receipt (94号令 Art. 26) or, where the
     * rules say so, from the acceptance (招标投标法实施条例 Art. 61), moved by the paused working days.
     */
    Instant computeDecisionDue(Instant now, ProcedureRules rules) {
        Limit limit = rules.limit(RuleKeys.COMPLAINT_DECISION);
        Instant from = rules.holds(DECISION_FROM_ACCEPTANCE) ? acceptedAt : receivedAt;
        LocalDate last = limit.lastDay(from, rules.calendar());
        last = rules.calendar().plus(last, pausedWorkingDays(now, rules));
        return last.plusDays(1).atStartOfDay(Limit.BEIJING).toInstant();
    }

    /**
     * The department decides (处理决定) with its reasons; any suspension in force ends and an open pause closes. A late
     * decision is still recorded (its lateness stays visible against {@link #decisionDue()}).
     */
    public Complaint decide(Outcome outcome, String reasons, Instant now, ProcedureRules rules) {
        requireStatus(ComplaintStatus.ACCEPTED);
        if (outcome == null) {
            throw new DomainException(ComplaintsError.COMPLAINTS_TEXT_REQUIRED, "outcome");
        }
        String why = Texts.required(reasons, "reasons");
        Complaint c = this;
        if (openPause().isPresent()) {
            c = c.resume(now, rules);
        }
        List<Suspension> ended = c.suspendedAt(now) ? c.lifted(now) : c.suspensions;
        return new Complaint(id, lotId, challengeId, complainantId, departmentId, respondentId, claims, facts, evidence,
                periodStart, lodgedAt, receivedAt, ComplaintStatus.DECIDED, intakeDue, intakeReason, acceptedAt, copiesDue,
                copiesSentAt, copiedTo, replies, ended, c.pauses, c.decisionDue, outcome, why, now);
    }

    /** The open step's due instant (intake, copies, replies, decision), null when none is due. */
    public Instant nextDue(ProcedureRules rules) {
        return switch (status) {
            case LODGED -> intakeDue;
            case ACCEPTED -> copiesSentAt == null && copiesDue != null ? copiesDue : decisionDue;
            default -> null;
        };
    }

    private List<Suspension> lifted(Instant now) {
        return suspensions.stream().map(s -> s.inForce(now) ? new Suspension(s.from(), s.until(), s.reason(), now) : s).toList();
    }

    private static Instant intakeDue(Instant received, ProcedureRules rules) {
        return rules.limit(RuleKeys.COMPLAINT_INTAKE).endAfter(received, rules.calendar());
    }

    /** 1 for 工作日, 0 for 日: the messages choose the unit's words in their own language. */
    private static int unit(Limit limit) {
        return limit.unit() == LimitUnit.WORKING_DAY ? 1 : 0;
    }

    private void requireStatus(ComplaintStatus expected) {
        if (status != expected) {
            throw new DomainException(ComplaintsError.COMPLAINT_WRONG_STATE, status);
        }
    }

    private Complaint with(ComplaintStatus next, Instant due, String reason, Instant accepted, Instant copies) {
        return new Complaint(id, lotId, challengeId, complainantId, departmentId, respondentId, claims, facts, evidence,
                periodStart, lodgedAt, receivedAt, next, due, reason, accepted, copies, copiesSentAt, copiedTo, replies,
                suspensions, pauses, decisionDue, outcome, reasons, decidedAt);
    }

    private Complaint withDecisionDue(Instant due) {
        return withPauses(pauses, due);
    }

    private Complaint withPauses(List<Pause> all, Instant due) {
        return new Complaint(id, lotId, challengeId, complainantId, departmentId, respondentId, claims, facts, evidence,
                periodStart, lodgedAt, receivedAt, status, intakeDue, intakeReason, acceptedAt, copiesDue, copiesSentAt, copiedTo,
                replies, suspensions, all, due, outcome, reasons, decidedAt);
    }

    private Complaint withSuspensions(List<Suspension> all) {
        return new Complaint(id, lotId, challengeId, complainantId, departmentId, respondentId, claims, facts, evidence,
                periodStart, lodgedAt, receivedAt, status, intakeDue, intakeReason, acceptedAt, copiesDue, copiesSentAt, copiedTo,
                replies, all, pauses, decisionDue, outcome, reasons, decidedAt);
    }

    /**
     * 财政部令第94号 Art. 37: whether {@code count} unfounded complaints within the 12 months before {@code now} (this one
     * included) reach {@code UNFOUNDED_COMPLAINTS_MAX}, so that the complainant gets a record.
     */
    public static boolean repeatUnfounded(List<Instant> unfoundedDecisions, Instant now, Limit max) {
        Instant since = now.atZone(Limit.BEIJING).minusMonths(12).toInstant();
        long count = unfoundedDecisions.stream().filter(at -> at.isAfter(since) && !at.isAfter(now)).count();
        return count >= max.whole();
    }
}
