package org.sunbid.platform.procurement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An invitation draw as the public sees it once bidding has closed (and its owners at any time): every input needed to
 * re-compute it with sunbid-crypto's {@code DrawWalk} — the pool in order, the number drawn, the committed secret and
 * its hash, the signed tree head — and its outcome, with the purchaser's recommendations and who recommended them
 * (87号令 Art. 14 and 69), and the witnesses (87号令 Art. 14).
 *
 * @param drawId       the draw's id (the seed's third input, as text)
 * @param tenderId     the lot
 * @param status       AWAITING_SECRET, DRAWN or FAILED (the reveal found the pool unable to yield the minimum)
 * @param poolSource   DATABASE or PREQUALIFIED
 * @param drawCount    how many were drawn
 * @param pool         the pool's supplier ids, sorted (recommended suppliers excluded)
 * @param poolHash     SM3 of the pool snapshot, logged at {@code poolSeq}
 * @param poolSeq      the log entry that fixed the pool
 * @param secretHash   the purchaser's commitment
 * @param secret       the revealed secret (hex), or null while awaited
 * @param headSize     the signed tree head's size
 * @param headRoot     its root (hex): the seed's second input
 * @param headTimestamp when it was signed
 * @param headSignature its signature
 * @param drawn        the drawn suppliers, in rank order
 * @param recommended  the recommended suppliers with their recommenders
 * @param witnesses    who witnessed the draw (display names)
 * @param drawnAt      when the secret was revealed and the draw made (or failed), or null while it awaits the secret
 * @param failure      why a FAILED draw failed, else null
 * @param createdAt    when the draw was requested
 * @param earlier      the lot's failed draws before this one, oldest first, each a full record (empty in those)
 */
public record InvitationDrawRecord(UUID drawId, UUID tenderId, String status, String poolSource, int drawCount,
        List<String> pool, String poolHash, long poolSeq, String secretHash, String secret, long headSize, String headRoot,
        Instant headTimestamp, String headSignature, List<Invitee> drawn, List<Invitee> recommended, List<String> witnesses,
        Instant drawnAt, Failure failure, Instant createdAt, List<InvitationDrawRecord> earlier) {

    /**
     * Why the reveal failed the draw: {@code INVITATION_POOL_EXHAUSTED} (the ranking ran out replacing drawn suppliers
     * barred by credit: {@code required} to draw, {@code available} left) or {@code INVITED_TOO_FEW} (a recommended
     * supplier barred: the method's minimum {@code required}, {@code available} invitable).
     */
    public record Failure(String reason, int required, int available) {
    }

    /** A supplier drawn or recommended. */
    public record Invitee(UUID supplierId, String name, String recommender) {
    }
}
