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
 * @param status       AWAITING_SECRET or DRAWN
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
 * @param drawnAt      when the secret was revealed and the draw made, or null while it awaits the secret
 */
public record InvitationDrawRecord(UUID drawId, UUID tenderId, String status, String poolSource, int drawCount,
        List<String> pool, String poolHash, long poolSeq, String secretHash, String secret, long headSize, String headRoot,
        Instant headTimestamp, String headSignature, List<Invitee> drawn, List<Invitee> recommended, List<String> witnesses,
        Instant drawnAt) {

    /** A supplier drawn or recommended. */
    public record Invitee(UUID supplierId, String name, String recommender) {
    }
}
