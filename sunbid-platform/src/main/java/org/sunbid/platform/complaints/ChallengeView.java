package org.sunbid.platform.complaints;

import java.time.Instant;
import java.util.UUID;

import org.sunbid.platform.complaints.domain.ChallengeSubject;
import org.sunbid.platform.complaints.domain.LotFacts;

/**
 * A challenge (质疑). Its supplier, the purchaser or agency and the supervisors see all of it; once answered the public
 * sees its subject, claims, facts and answer, but neither the supplier's name nor its evidence (which may hold trade
 * secrets, 财政部令第94号 Art. 41) — see {@link Challenges#publicOfLot}.
 *
 * @param supplier          the challenger's name, null in the public view
 * @param evidence          null in the public view
 * @param holdsContract     whether it holds the lot's contract now (实施条例 Art. 54)
 * @param complaintPeriodEnds when a complaint about it can no longer be lodged (法 Art. 55), once its period started
 */
public record ChallengeView(UUID id, UUID lotId, String lotCode, String lotName, String supplier, ChallengeSubject subject,
        LotFacts.Step step, String claims, String facts, String evidence, Instant periodStart, Instant raisedAt,
        Instant answerDue, boolean resultChanging, boolean holdsContract, String answer, Instant answeredAt, boolean overdue,
        Instant complaintPeriodEnds) {

    /** The open step's due instant, null once answered. */
    public Instant due() {
        return answeredAt == null ? answerDue : null;
    }
}
