package org.sunbid.platform.complaints.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.sunbid.platform.complaints.ComplaintsError;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.kernel.DomainException;

/**
 * A challenge (质疑) of the procurement documents, process or result by a supplier whose rights may be harmed
 * (政府采购法 Art. 52), raised within {@code CHALLENGE_PERIOD} (7 工作日) of the start date of its subject (实施条例
 * Art. 53), stating claims, facts and evidence (财政部令第94号 Art. 12), signed by the supplier; the purchaser or agency
 * answers within {@code CHALLENGE_ANSWER} (7 工作日, 法 Art. 53). While a challenge that may change the result is
 * unanswered, the contract is held (实施条例 Art. 54). Raised → answered; nothing is ever changed after.
 *
 * @param periodStart    the start date of the challenge period (Art. 53) the challenge was judged against
 * @param answerDue      the end of the answer period
 * @param resultChanging whether it may change the result (its subject, or the purchaser's own view) and so holds the contract
 * @param statementSm3   the SM3 of the signed statement (the challenge as the supplier signed it)
 */
public record Challenge(UUID id, UUID lotId, UUID supplierId, ChallengeSubject subject, LotFacts.Step step, String claims,
        String facts, String evidence, Instant periodStart, Instant raisedAt, Instant answerDue, boolean resultChanging,
        String statementSm3, String answer, Instant answeredAt) {

    public Challenge {
        Objects.requireNonNull(id);
        Objects.requireNonNull(lotId);
        Objects.requireNonNull(supplierId);
        Objects.requireNonNull(subject);
    }

    /** What the supplier puts forward: subject, the step for a process challenge, claims, facts, evidence. */
    public record Grounds(ChallengeSubject subject, LotFacts.Step step, String claims, String facts, String evidence) {
    }

    /**
     * Raises a challenge at {@code now}. Refused without standing (法 Art. 52: only a supplier taking part — registered
     * or invited, which is how it obtained the documents — may challenge), without claims, facts and evidence (94号令
     * Art. 12), before the step has happened (Art. 53) or from the first instant after the period's end (法 Art. 52:
     * {@code GPL_52_CHALLENGE_LATE}).
     *
     * @param hasStanding whether the supplier takes part in the lot's procurement
     */
    public static Challenge raise(UUID id, UUID lotId, UUID supplierId, boolean hasStanding, Grounds grounds, LotFacts facts,
            String statementSm3, Instant now, ProcedureRules rules) {
        Texts.applicable(rules, RuleKeys.CHALLENGE_PERIOD);
        if (!hasStanding) {
            throw new DomainException(ComplaintsError.GPL_52_NO_STANDING);
        }
        if (grounds.subject() == null) {
            throw new DomainException(ComplaintsError.GPL_94_12_CHALLENGE_INCOMPLETE, "subject");
        }
        String claims = Texts.required(grounds.claims(), "claims", ComplaintsError.GPL_94_12_CHALLENGE_INCOMPLETE);
        String fact = Texts.required(grounds.facts(), "facts", ComplaintsError.GPL_94_12_CHALLENGE_INCOMPLETE);
        String evidence = Texts.required(grounds.evidence(), "evidence", ComplaintsError.GPL_94_12_CHALLENGE_INCOMPLETE);
        LotFacts.Step step = grounds.subject() == ChallengeSubject.PROCESS ? grounds.step() : null;
        if (grounds.subject() == ChallengeSubject.PROCESS && step == null) {
            throw new DomainException(ComplaintsError.GPL_94_12_CHALLENGE_INCOMPLETE, "step");
        }
        Instant start = grounds.subject().start(facts, step);
        if (start == null) {
            throw new DomainException(ComplaintsError.GPR_53_NOTHING_TO_CHALLENGE_YET, grounds.subject());
        }
        Limit period = rules.limit(RuleKeys.CHALLENGE_PERIOD);
        Instant end = period.endAfter(start, rules.calendar());
        if (!now.isBefore(end)) {
            throw new DomainException(ComplaintsError.GPL_52_CHALLENGE_LATE, period.plain(), end.toString());
        }
        return new Challenge(id, lotId, supplierId, grounds.subject(), step, claims, fact, evidence, start, now,
                rules.limit(RuleKeys.CHALLENGE_ANSWER).endAfter(now, rules.calendar()), grounds.subject().mayChangeResult(),
                statementSm3, null, null);
    }

    /** The purchaser or agency judges that the challenge may change the result: the contract waits for the answer. */
    public Challenge markResultChanging() {
        if (answeredAt != null) {
            throw new DomainException(ComplaintsError.COMPLAINTS_ALREADY_ANSWERED, id);
        }
        return new Challenge(id, lotId, supplierId, subject, step, claims, facts, evidence, periodStart, raisedAt, answerDue,
                true, statementSm3, answer, answeredAt);
    }

    /** The purchaser or agency answers in writing (法 Art. 53); a late answer is still recorded and stays late. */
    public Challenge answer(String text, Instant now) {
        if (answeredAt != null) {
            throw new DomainException(ComplaintsError.COMPLAINTS_ALREADY_ANSWERED, id);
        }
        return new Challenge(id, lotId, supplierId, subject, step, claims, facts, evidence, periodStart, raisedAt, answerDue,
                resultChanging, statementSm3, Texts.required(text, "answer"), now);
    }

    /** Whether it holds the contract: may change the result and is not yet answered (实施条例 Art. 54). */
    public boolean holdsContract() {
        return resultChanging && answeredAt == null;
    }

    /** Whether the answer is awaited past its due instant. */
    public boolean overdue(Instant now) {
        return answeredAt == null && !now.isBefore(answerDue);
    }

    /**
     * When a complaint's period starts (法 Art. 55): at the answer, or, unanswered, at the end of the answer period;
     * null while the answer period runs unanswered.
     */
    public Instant complaintPeriodStart(Instant now) {
        if (answeredAt != null) {
            return answeredAt;
        }
        return now.isBefore(answerDue) ? null : answerDue;
    }
}
