package org.sunbid.platform.evaluation.domain;

import java.util.Set;

import org.sunbid.platform.evaluation.EvaluationError;
import org.sunbid.platform.kernel.DomainException;

/**
 * Who may lead (chair) an evaluation committee (评标委员会组长), whether the members elect the leader or the owner's
 * side appoints one: any member, except that in government procurement the purchaser's representative may not be the
 * leader (组织评标委员会推选评标组长，采购人代表不得担任组长, 财政部令第87号 Art. 45(4)). Construction tenders have no
 * such rule. ⚠ Art. 45(4) has the committee elect (推选) its leader; whether a purchaser may still appoint one in a
 * procurement is left to the caller.
 */
public final class CommitteeLeader {

    private CommitteeLeader() {
    }

    /**
     * Refuses {@code candidate} as the leader.
     *
     * @param members               the committee's members
     * @param ownerRepresentatives  the members who represent the purchaser (tenderee)
     * @param governmentProcurement whether the tender is a government procurement (87号令 applies)
     */
    public static void check(String candidate, Set<String> members, Set<String> ownerRepresentatives, boolean governmentProcurement) {
        if (!members.contains(candidate)) {
            throw new DomainException(EvaluationError.NOT_A_MEMBER);
        }
        if (governmentProcurement && ownerRepresentatives.contains(candidate)) {
            throw new DomainException(EvaluationError.PURCHASER_REPRESENTATIVE_MAY_NOT_LEAD, candidate);
        }
    }
}
