package org.sunbid.platform.disclosure;

import org.sunbid.platform.evaluation.Stage;
import org.sunbid.platform.tendering.TenderStatus;

/**
 * A deal's one overall status (交易状态), the same on every page: computed from what tendering, sealing and evaluation
 * say, later parts of the procedure taking precedence over earlier ones.
 */
public enum DealStage {
    /** 草稿. */
    DRAFT,
    /** 招标中: bids accepted until the deadline. */
    PUBLISHED,
    /** 暂停: an objection to the documents is being answered. */
    SUSPENDED,
    /** 投标已截止: awaiting the custodians' key shares for the opening. */
    BIDDING_CLOSED,
    /** 已开标. */
    OPENED,
    /** 评标中. */
    EVALUATING,
    /** 中标候选人公示. */
    PUBLICITY,
    /** 已定标. */
    AWARDED,
    /** 合同已签订. */
    CONTRACTED,
    /** 流标: too few bids, or every bid rejected. */
    FAILED,
    /** 已终止. */
    TERMINATED;

    /**
     * The deal's stage from its parts.
     *
     * @param tender          the tender's status
     * @param deadlinePassed  whether the current bid deadline has passed (closing runs a few seconds later)
     * @param opening         the opening's status (AWAITING_SHARES, OPENED, FAILED_TOO_FEW_BIDS), null before closing
     * @param evaluation      the evaluation's stage, null before it starts
     */
    public static DealStage of(TenderStatus tender, boolean deadlinePassed, String opening, Stage evaluation) {
        switch (tender) {
            case DRAFT:
                return DRAFT;
            case TERMINATED:
                return TERMINATED;
            case SUSPENDED:
                return SUSPENDED;
            case PUBLISHED:
                if (!deadlinePassed) {
                    return PUBLISHED;
                }
                break;
            default:
                break;
        }
        if (evaluation != null) {
            return switch (evaluation) {
                case QUALIFICATION, NEGOTIATION, SCORING, RANKED, REPORTED, DECISION -> EVALUATING; // DECISION: the report is with the purchaser
                case PUBLICITY -> PUBLICITY;
                case AWARDED -> AWARDED;
                case CONTRACTED -> CONTRACTED;
                case FAILED -> FAILED;
            };
        }
        if ("OPENED".equals(opening)) {
            return OPENED;
        }
        if ("FAILED_TOO_FEW_BIDS".equals(opening)) {
            return FAILED;
        }
        return BIDDING_CLOSED;
    }

    /** Whether bids may still be submitted, replaced or withdrawn, and bidders still register and pay. */
    public boolean acceptsBids() {
        return this == PUBLISHED;
    }

    /** Whether the custodians' key release is what the deal waits for. */
    public boolean awaitsKeyShares() {
        return this == BIDDING_CLOSED;
    }

    /** Whether the procedure has ended, one way or another. */
    public boolean isOver() {
        return this == CONTRACTED || this == FAILED || this == TERMINATED;
    }

    /** The tag's colour class. */
    public String tone() {
        return switch (this) {
            case PUBLISHED, AWARDED, CONTRACTED -> "tag-ok";
            case FAILED, TERMINATED, SUSPENDED -> "tag-bad";
            default -> "";
        };
    }
}
