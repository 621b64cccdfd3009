package org.sunbid.platform.tendering.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.tendering.TenderingError;

/**
 * The approval of a lot's procurement method (采购方式审批): the purchaser's (or agency's) request with the conditions of
 * use it chose and its reasons, the finance department's decision, and for a single source from a unique supplier the
 * publicity before approval with its objections and their review. Plain Java; every step takes {@code now} from the
 * caller and names the article it enforces.
 *
 * <ul>
 * <li>政府采购法 Art. 27, 实施条例 Art. 23, 74号令 Art. 4: a method other than the open tender (rule METHOD_APPROVAL) for a
 * lot whose budget is above OPEN_TENDER_THRESHOLD needs the department's prior approval; below (or equal to) the
 * threshold the chosen conditions are recorded, no decision is taken.</li>
 * <li>实施条例 Art. 38, 74号令 Art. 38: for a unique supplier above the threshold, a publicity of at least
 * SINGLE_SOURCE_PUBLICITY working days before approval; 74号令 Art. 39–40: objections during it, reviewed by the purchaser
 * within SINGLE_SOURCE_REVIEW working days after it ends; approval waits for each review, and an upheld objection means
 * another method must be used.</li>
 * </ul>
 */
public final class MethodApproval {

    /** Where a request stands. */
    public enum Status {
        /** Below the threshold: the conditions are recorded, no approval needed. */
        RECORDED,
        /** Awaiting the finance department's decision (during a publicity, too). */
        PENDING,
        /** Approved: the lot may be published with this method. */
        APPROVED,
        /** Refused with reasons: the purchaser uses another method or asks again. */
        REFUSED
    }

    /** The department's decision. */
    public record Decision(boolean approved, String reasons, Instant decidedAt, String decidedBy) {
    }

    /** The single-source publicity (单一来源公示) opened with the request. */
    public record Publicity(String supplierName, String expertOpinions, Instant startsAt, Instant endsAt, Limit review,
            String publicityRule) {

        /** Whether the publicity is still running at {@code now} (it ends at {@code endsAt}, exclusive). */
        public boolean running(Instant now) {
            return now.isBefore(endsAt);
        }

        /** By when an objection must be reviewed: SINGLE_SOURCE_REVIEW working days after the publicity ends (74号令 Art. 40). */
        public Instant reviewDue(org.sunbid.platform.catalog.WorkingDays calendar) {
            // the publicity ends at 24:00 of its last working day: the review period counts from that day
            return review.endAfter(endsAt.minusMillis(1), calendar);
        }
    }

    /** The purchaser's review of an objection (补充论证, 74号令 Art. 40). */
    public record Review(boolean upheld, String outcome, Instant reviewedAt, String reviewedBy, boolean overdue) {
    }

    /** An objection to the publicity (异议, 74号令 Art. 39), and its review once recorded. */
    public record Objection(UUID id, UUID objectorId, String objectorName, String reasons, Instant raisedAt, String raisedBy,
            Instant reviewDue, Review review) {

        public boolean reviewed() {
            return review != null;
        }

        /** Whether the review is missing past its due time at {@code now}. */
        public boolean overdue(Instant now) {
            return review == null ? !now.isBefore(reviewDue) : review.overdue();
        }
    }

    private final UUID id;
    private final UUID lotId;
    private final int number;
    private final String procedureCode;
    private final List<String> conditions;
    private final String reasons;
    private final Money budget;
    private final Money threshold;
    private final boolean approvalRequired;
    private final String basis;
    private final UUID departmentId;
    private final Instant requestedAt;
    private final String requestedBy;
    private final UUID requesterId;
    private final Publicity publicity;
    private final List<Objection> objections;
    private Decision decision;

    private MethodApproval(UUID id, UUID lotId, int number, String procedureCode, List<String> conditions, String reasons,
            Money budget, Money threshold, boolean approvalRequired, String basis, UUID departmentId, Instant requestedAt,
            String requestedBy, UUID requesterId, Publicity publicity, List<Objection> objections, Decision decision) {
        this.id = Objects.requireNonNull(id);
        this.lotId = Objects.requireNonNull(lotId);
        this.number = number;
        this.procedureCode = Objects.requireNonNull(procedureCode);
        this.conditions = List.copyOf(conditions);
        this.reasons = reasons;
        this.budget = budget;
        this.threshold = threshold;
        this.approvalRequired = approvalRequired;
        this.basis = basis;
        this.departmentId = departmentId;
        this.requestedAt = requestedAt;
        this.requestedBy = requestedBy;
        this.requesterId = requesterId;
        this.publicity = publicity;
        this.objections = new ArrayList<>(objections);
        this.decision = decision;
    }

    /**
     * Whether a lot of {@code budget} needs the finance department's prior approval of its method under {@code rules}
     * (the lot's rules at the event's date): the procedure has the rule METHOD_APPROVAL (every government procurement
     * method but the open tender) and the budget is strictly above OPEN_TENDER_THRESHOLD (政府采购法 Art. 27: "达到公开招标
     * 数额标准" is decided by the threshold; a budget equal to it is not above). No threshold in the rules: none needed.
     */
    public static boolean required(ProcedureRules rules, Money budget) {
        if (!rules.holds(RuleKeys.METHOD_APPROVAL)) {
            return false;
        }
        return rules.find(RuleKeys.OPEN_TENDER_THRESHOLD).map(t -> budget.yuan().compareTo(t.amount()) > 0).orElse(false);
    }

    /**
     * A new request at {@code now}. Refused without reasons; above the threshold a condition requiring a publicity
     * (unique supplier) needs the proposed supplier's name and the experts' opinions
     * ({@code GPR_38_SINGLE_SOURCE_PUBLICITY_INCOMPLETE}); the publicity then runs from now for SINGLE_SOURCE_PUBLICITY
     * working days (实施条例 Art. 38).
     *
     * @param needsPublicity whether a chosen condition requires a publicity (maintained data)
     * @param supplierName   the proposed single supplier, where a publicity is needed
     * @param expertOpinions the experts' opinions (专业人员论证意见), where a publicity is needed
     */
    public static MethodApproval request(UUID id, UUID lotId, int number, String procedureCode, List<String> conditions,
            String reasons, Money budget, ProcedureRules rules, UUID departmentId, boolean needsPublicity, String supplierName,
            String expertOpinions, Instant now, String requestedBy, UUID requesterId) {
        if (reasons == null || reasons.isBlank() || reasons.strip().length() > 5000) {
            throw new DomainException(TenderingError.METHOD_APPROVAL_INVALID, "reasons");
        }
        if (conditions == null || conditions.isEmpty()) {
            throw new DomainException(TenderingError.METHOD_APPROVAL_INVALID, "conditions");
        }
        boolean required = required(rules, budget);
        Money threshold = rules.find(RuleKeys.OPEN_TENDER_THRESHOLD).map(l -> new Money(l.amount())).orElse(null);
        Publicity publicity = null;
        if (required && needsPublicity) {
            if (supplierName == null || supplierName.isBlank() || supplierName.strip().length() > 200
                    || expertOpinions == null || expertOpinions.isBlank()) {
                throw new DomainException(TenderingError.GPR_38_SINGLE_SOURCE_PUBLICITY_INCOMPLETE);
            }
            Limit period = rules.limit(RuleKeys.SINGLE_SOURCE_PUBLICITY);
            publicity = new Publicity(supplierName.strip(), expertOpinions.strip(), now, period.endAfter(now, rules.calendar()),
                    rules.limit(RuleKeys.SINGLE_SOURCE_REVIEW), period.article());
        }
        String basis = required ? rules.limit(RuleKeys.METHOD_APPROVAL).article()
                : rules.find(RuleKeys.METHOD_APPROVAL).map(Limit::article).orElse("");
        return new MethodApproval(id, lotId, number, procedureCode, conditions, reasons.strip(), budget, threshold, required,
                basis, required ? Objects.requireNonNull(departmentId) : null, now, requestedBy, requesterId, publicity,
                List.of(), null);
    }

    /** Rebuilds a stored request (nothing re-checked). */
    public static MethodApproval restore(UUID id, UUID lotId, int number, String procedureCode, List<String> conditions,
            String reasons, Money budget, Money threshold, boolean approvalRequired, String basis, UUID departmentId,
            Instant requestedAt, String requestedBy, UUID requesterId, Publicity publicity, List<Objection> objections,
            Decision decision) {
        return new MethodApproval(id, lotId, number, procedureCode, conditions, reasons, budget, threshold, approvalRequired,
                basis, departmentId, requestedAt, requestedBy, requesterId, publicity, objections, decision);
    }

    /** Whether a new request may follow this one, the lot needing approval now or not ({@code requiredNow}). */
    public boolean allowsNewRequest(boolean requiredNow) {
        return status() == Status.REFUSED || (status() == Status.RECORDED && requiredNow);
    }

    public Status status() {
        if (!approvalRequired) {
            return Status.RECORDED;
        }
        if (decision == null) {
            return Status.PENDING;
        }
        return decision.approved() ? Status.APPROVED : Status.REFUSED;
    }

    /**
     * Why the department could not decide now ({@code approve} or refuse), or null. Only a pending request
     * ({@code METHOD_APPROVAL_DECIDED}; one needing no approval: {@code METHOD_APPROVAL_NOT_REQUIRED}). A refusal needs
     * reasons ({@code METHOD_APPROVAL_REASONS_REQUIRED}). An approval is refused while the single-source publicity runs
     * ({@code GPR_38_SINGLE_SOURCE_PUBLICITY_RUNNING}: 实施条例 Art. 38, 74号令 Art. 38 "公示期不得少于5个工作日"), while an
     * objection awaits its review ({@code GPL74_40_OBJECTION_UNREVIEWED}), and once an objection was upheld
     * ({@code GPL74_40_OBJECTION_UPHELD}: "异议成立的，应当依法采取其他采购方式").
     */
    public DomainException decisionRefusal(boolean approve, String refusalReasons, Instant now) {
        if (!approvalRequired) {
            return new DomainException(TenderingError.METHOD_APPROVAL_NOT_REQUIRED);
        }
        if (decision != null) {
            return new DomainException(TenderingError.METHOD_APPROVAL_DECIDED, status());
        }
        if (!approve) {
            return refusalReasons == null || refusalReasons.isBlank()
                    ? new DomainException(TenderingError.METHOD_APPROVAL_REASONS_REQUIRED) : null;
        }
        if (publicity != null) {
            if (publicity.running(now)) {
                return new DomainException(TenderingError.GPR_38_SINGLE_SOURCE_PUBLICITY_RUNNING, publicity.endsAt().toString());
            }
            long open = objections.stream().filter(o -> !o.reviewed()).count();
            if (open > 0) {
                return new DomainException(TenderingError.GPL74_40_OBJECTION_UNREVIEWED, open);
            }
            if (objections.stream().anyMatch(o -> o.review().upheld())) {
                return new DomainException(TenderingError.GPL74_40_OBJECTION_UPHELD);
            }
        }
        return null;
    }

    /** The department approves or refuses (with reasons) now, if {@link #decisionRefusal} finds nothing. */
    public void decide(boolean approve, String refusalReasons, Instant now, String by) {
        DomainException refusal = decisionRefusal(approve, refusalReasons, now);
        if (refusal != null) {
            throw refusal;
        }
        decision = new Decision(approve, refusalReasons == null ? "" : refusalReasons.strip(), now, by);
    }

    /**
     * A supplier objects to the single-source publicity now (74号令 Art. 39), with reasons; only while it runs
     * ({@code GPR_38_SINGLE_SOURCE_PUBLICITY_ENDED}) and on a request that has one ({@code SINGLE_SOURCE_NO_PUBLICITY}).
     * The review is due SINGLE_SOURCE_REVIEW working days after the publicity ends (74号令 Art. 40).
     */
    public Objection object(UUID objectionId, UUID objectorId, String objectorName, String objectionReasons, Instant now,
            String by, org.sunbid.platform.catalog.WorkingDays calendar) {
        if (publicity == null) {
            throw new DomainException(TenderingError.SINGLE_SOURCE_NO_PUBLICITY);
        }
        if (!publicity.running(now) || decision != null) {
            throw new DomainException(TenderingError.GPR_38_SINGLE_SOURCE_PUBLICITY_ENDED, publicity.endsAt().toString());
        }
        if (objectionReasons == null || objectionReasons.isBlank() || objectionReasons.strip().length() > 5000) {
            throw new DomainException(TenderingError.METHOD_APPROVAL_INVALID, "reasons");
        }
        Objection o = new Objection(objectionId, objectorId, objectorName, objectionReasons.strip(), now, by,
                publicity.reviewDue(calendar), null);
        objections.add(o);
        return o;
    }

    /**
     * The purchaser records its review of an objection (补充论证, 74号令 Art. 40): upheld or not, with its outcome; once.
     * A review after its due time is still recorded, marked overdue.
     */
    public Objection review(UUID objectionId, boolean upheld, String outcome, Instant now, String by) {
        int i = indexOf(objectionId);
        Objection o = objections.get(i);
        if (o.reviewed()) {
            throw new DomainException(TenderingError.SINGLE_SOURCE_OBJECTION_REVIEWED);
        }
        if (outcome == null || outcome.isBlank() || outcome.strip().length() > 5000) {
            throw new DomainException(TenderingError.METHOD_APPROVAL_INVALID, "outcome");
        }
        Objection reviewed = new Objection(o.id(), o.objectorId(), o.objectorName(), o.reasons(), o.raisedAt(), o.raisedBy(),
                o.reviewDue(), new Review(upheld, outcome.strip(), now, by, !now.isBefore(o.reviewDue())));
        objections.set(i, reviewed);
        return reviewed;
    }

    private int indexOf(UUID objectionId) {
        for (int i = 0; i < objections.size(); i++) {
            if (objections.get(i).id().equals(objectionId)) {
                return i;
            }
        }
        throw new DomainException(TenderingError.METHOD_APPROVAL_NOT_FOUND, objectionId);
    }

    /**
     * Why a lot could not be published for want of an approved method, or null: where {@code required} (see
     * {@link #required}) the latest request must be approved ({@code GPL_27_METHOD_NOT_APPROVED}, naming the threshold
     * and the budget).
     *
     * @param latest the lot's latest request, or null
     */
    public static DomainException publicationRefusal(ProcedureRules rules, Money budget, MethodApproval latest) {
        if (!required(rules, budget)) {
            return null;
        }
        if (latest != null && latest.status() == Status.APPROVED) {
            return null;
        }
        Limit threshold = rules.limit(RuleKeys.OPEN_TENDER_THRESHOLD);
        return new DomainException(TenderingError.GPL_27_METHOD_NOT_APPROVED, new Money(threshold.amount()).toString(),
                budget.toString(), latest == null ? "NONE" : latest.status().name());
    }

    public UUID id() { return id; }
    public UUID lotId() { return lotId; }
    public int number() { return number; }
    public String procedureCode() { return procedureCode; }
    public List<String> conditions() { return conditions; }
    public String reasons() { return reasons; }
    public Money budget() { return budget; }
    public Money threshold() { return threshold; }
    public boolean approvalRequired() { return approvalRequired; }
    public String basis() { return basis; }
    public UUID departmentId() { return departmentId; }
    public Instant requestedAt() { return requestedAt; }
    public String requestedBy() { return requestedBy; }
    public UUID requesterId() { return requesterId; }
    public Publicity publicity() { return publicity; }
    public List<Objection> objections() { return List.copyOf(objections); }
    public Decision decision() { return decision; }
}
