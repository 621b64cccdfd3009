package org.sunbid.platform.procurement.domain;

import java.util.Optional;

import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.procurement.PoolSource;
import org.sunbid.platform.procurement.ProcurementError;

/**
 * Who may be invited to a lot, by the lot's rules at the date of the invitation (plain Java). A rule the method does
 * not have is no constraint.
 * <ul>
 *   <li>INVITED_MIN: at least so many invitees (法 Art. 34 and 87号令 Art. 14: 3 for 邀请招标; 74号令 Art. 12: 3 for
 *       谈判 and 询价; 财库〔2014〕214号 Art. 6: 3 for 磋商);</li>
 *   <li>RECOMMENDED_MAX: the purchaser's own written recommendations at most this share of the invitees (74号令 Art. 12:
 *       50%); where the method has none (邀请招标, 87号令 Art. 14) invitees are only drawn;</li>
 *   <li>INVITATION_POOL_FACTOR: a pool drawn from the database or from recommendations holds at least this many times
 *       the number drawn (87号令 Art. 14: 2×); a prequalified list has no factor;</li>
 *   <li>DRAW_WITNESSES_MIN: at least so many of the purchaser's staff witness the draw (87号令 Art. 14: 2).</li>
 * </ul>
 *
 * @param invitedMin           INVITED_MIN, or 0
 * @param recommendedMaxPercent RECOMMENDED_MAX, or null where recommendations are no invitees
 * @param poolFactor           INVITATION_POOL_FACTOR, or 1
 * @param witnessesMin         DRAW_WITNESSES_MIN, or 0
 */
public record InvitationRule(int invitedMin, Integer recommendedMaxPercent, int poolFactor, int witnessesMin) {

    /** The rule as the lot's rules state it. */
    public static InvitationRule of(ProcedureRules rules) {
        return new InvitationRule(rules.find(RuleKeys.INVITED_MIN).map(Limit::whole).orElse(0),
                rules.find(RuleKeys.RECOMMENDED_MAX).map(Limit::whole).orElse(null),
                rules.find(RuleKeys.INVITATION_POOL_FACTOR).map(Limit::whole).orElse(1),
                rules.find(RuleKeys.DRAW_WITNESSES_MIN).map(Limit::whole).orElse(0));
    }

    /**
     * Why inviting {@code recommended} recommended suppliers plus {@code drawn} drawn from a pool of {@code poolSize}
     * (recommended ones excluded) with {@code witnesses} distinct witnesses is refused, or empty if allowed.
     */
    public Optional<DomainException> refusal(int recommended, int drawn, int poolSize, PoolSource source, int witnesses) {
        int total = recommended + drawn;
        if (recommended < 0 || drawn < 0) {
            return Optional.of(new DomainException(ProcurementError.INVALID_INVITATION_REQUEST, "count"));
        }
        if (total < invitedMin) {
            return Optional.of(new DomainException(ProcurementError.INVITED_TOO_FEW, invitedMin, total));
        }
        if (recommended > 0 && recommendedMaxPercent == null) {
            return Optional.of(new DomainException(ProcurementError.RECOMMENDATION_NOT_ALLOWED, recommended));
        }
        if (recommendedMaxPercent != null && recommended * 100L > (long) recommendedMaxPercent * total) {
            return Optional.of(new DomainException(ProcurementError.RECOMMENDED_TOO_MANY, recommendedMaxPercent, recommended, total));
        }
        if (drawn > 0) {
            int needed = source == PoolSource.DATABASE ? drawn * poolFactor : drawn;
            if (poolSize < needed) {
                return Optional.of(new DomainException(ProcurementError.INVITATION_POOL_TOO_SMALL, needed, drawn, poolSize));
            }
            if (witnesses < witnessesMin) {
                return Optional.of(new DomainException(ProcurementError.DRAW_WITNESSES_TOO_FEW, witnessesMin, witnesses));
            }
        }
        return Optional.empty();
    }
}
