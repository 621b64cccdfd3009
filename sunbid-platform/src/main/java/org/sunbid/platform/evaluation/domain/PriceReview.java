package org.sunbid.platform.evaluation.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.sunbid.platform.evaluation.EvaluationError;
import org.sunbid.platform.kernel.DomainException;

/**
 * The review of one abnormally low price (异常低价审查), 财政部令第87号 Art. 60 and 财库〔2026〕2号 Part 2: the panel
 * asks the supplier, on site and within a reasonable time — at least the minimum in force (30 minutes from
 * 2026-02-01) — for a written explanation with cost evidence (成本测算等书面说明及证明材料); the panel then accepts
 * it, or finds the price unproven and the bid invalid (投标无效). No explanation by the deadline: the bid is invalid.
 * The time is the caller's {@code now} (the server's clock).
 */
public final class PriceReview {

    /** Where the review stands. */
    public enum Status {
        /** 已要求说明: waiting for the supplier's written explanation until the deadline. */
        REQUESTED,
        /** 已提交说明: the panel weighs the explanation. */
        EXPLAINED,
        /** 说明被接受: the bid stays in the evaluation. */
        ACCEPTED,
        /** 投标无效: the explanation did not prove the price reasonable. */
        REJECTED,
        /** 投标无效: no explanation by the deadline. */
        LAPSED;

        /** Whether the bid is invalid (Art. 60). */
        public boolean invalidatesBid() {
            return this == REJECTED || this == LAPSED;
        }
    }

    /** The supplier's written explanation: its text and the stored files of its cost evidence. */
    public record Explanation(String text, List<String> evidenceFiles, Instant at) {
        public Explanation {
            evidenceFiles = evidenceFiles == null ? List.of() : List.copyOf(evidenceFiles);
        }
    }

    private final String bidderId;
    private final Set<AbnormalPrice.Trigger> triggers;
    private final Instant requestedAt;
    private final Instant deadline;
    private Status status = Status.REQUESTED;
    private Explanation explanation;
    private String panelReason;

    private PriceReview(String bidderId, Set<AbnormalPrice.Trigger> triggers, Instant requestedAt, Instant deadline) {
        this.bidderId = bidderId;
        this.triggers = Set.copyOf(triggers);
        this.requestedAt = requestedAt;
        this.deadline = deadline;
    }

    /**
     * The panel asks {@code bidderId} to explain. The deadline is at least {@code minimumTime} after {@code now}
     * ("不少于", the number included); at least one trigger.
     */
    public static PriceReview request(String bidderId, Set<AbnormalPrice.Trigger> triggers, Instant now, Instant deadline,
            Duration minimumTime) {
        Objects.requireNonNull(bidderId);
        if (triggers == null || triggers.isEmpty()) {
            throw new IllegalArgumentException("a review needs a trigger");
        }
        if (deadline == null || deadline.isBefore(now.plus(minimumTime)) || !deadline.isAfter(now)) {
            throw new DomainException(EvaluationError.PRICE_REVIEW_DEADLINE_TOO_SHORT, minimumTime.toMinutes());
        }
        return new PriceReview(bidderId, triggers, now, deadline);
    }

    /** The supplier's written explanation, with cost evidence, up to the deadline (included). */
    public void explain(String text, List<String> evidenceFiles, Instant now) {
        lapseIfDue(now);
        requireStatus(Status.REQUESTED);
        if (text == null || text.isBlank() || evidenceFiles == null || evidenceFiles.isEmpty()) {
            throw new DomainException(EvaluationError.PRICE_EXPLANATION_INCOMPLETE);
        }
        explanation = new Explanation(text.strip(), evidenceFiles, now);
        status = Status.EXPLAINED;
    }

    /** The panel accepts the explanation: the price is shown reasonable. */
    public void accept(String reason) {
        decide(Status.ACCEPTED, reason);
    }

    /** The panel rejects the explanation: the bid is invalid (Art. 60). */
    public void reject(String reason) {
        decide(Status.REJECTED, reason);
    }

    private void decide(Status outcome, String reason) {
        requireStatus(Status.EXPLAINED);
        if (reason == null || reason.isBlank()) {
            throw new DomainException(EvaluationError.PRICE_DECISION_REASON_REQUIRED);
        }
        panelReason = reason.strip();
        status = outcome;
    }

    /** After the deadline with no explanation the review lapses and the bid is invalid; returns the status. */
    public Status lapseIfDue(Instant now) {
        if (status == Status.REQUESTED && now.isAfter(deadline)) {
            status = Status.LAPSED;
        }
        return status;
    }

    private void requireStatus(Status expected) {
        if (status != expected) {
            throw new DomainException(EvaluationError.PRICE_REVIEW_STATE, status.name());
        }
    }

    public String bidderId() {
        return bidderId;
    }

    public Set<AbnormalPrice.Trigger> triggers() {
        return triggers;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant deadline() {
        return deadline;
    }

    public Status status() {
        return status;
    }

    /** The supplier's explanation, once given. */
    public Explanation explanation() {
        return explanation;
    }

    /** The panel's reason for its decision, once decided. */
    public String panelReason() {
        return panelReason;
    }
}
