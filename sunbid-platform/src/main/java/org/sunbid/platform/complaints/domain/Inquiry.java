package org.sunbid.platform.complaints.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.sunbid.platform.complaints.ComplaintsError;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.kernel.DomainException;

/**
 * An inquiry (询问): a supplier asks the purchaser or agency about the procurement (政府采购法 Art. 51); the answer is due
 * within {@code INQUIRY_ANSWER} (3 工作日, 实施条例 Art. 52). Asked → answered; an answer is never changed.
 *
 * @param answerDue  the end of the answer period (24:00 Beijing of its last working day)
 * @param answer     the answer, null while awaited
 * @param answeredAt when it was answered, null while awaited
 */
public record Inquiry(UUID id, UUID lotId, UUID supplierId, String question, Instant askedAt, Instant answerDue,
        String answer, Instant answeredAt) {

    public Inquiry {
        Objects.requireNonNull(id);
        Objects.requireNonNull(lotId);
        Objects.requireNonNull(supplierId);
    }

    /** A supplier asks at {@code now}; the answer is due {@code INQUIRY_ANSWER} after (实施条例 Art. 52). */
    public static Inquiry ask(UUID id, UUID lotId, UUID supplierId, String question, Instant now, ProcedureRules rules) {
        Texts.applicable(rules, RuleKeys.INQUIRY_ANSWER);
        return new Inquiry(id, lotId, supplierId, Texts.required(question, "question"), now,
                rules.limit(RuleKeys.INQUIRY_ANSWER).endAfter(now, rules.calendar()), null, null);
    }

    /** The purchaser or agency answers; a late answer is still recorded (and its lateness stays visible). */
    public Inquiry answer(String text, Instant now) {
        if (answeredAt != null) {
            throw new DomainException(ComplaintsError.COMPLAINTS_ALREADY_ANSWERED, id);
        }
        return new Inquiry(id, lotId, supplierId, question, askedAt, answerDue, Texts.required(text, "answer"), now);
    }

    /** Whether the answer is awaited past its due instant. */
    public boolean overdue(Instant now) {
        return answeredAt == null && !now.isBefore(answerDue);
    }

    /** Whether the answer came after its due instant. */
    public boolean answeredLate() {
        return answeredAt != null && !answeredAt.isBefore(answerDue);
    }
}
