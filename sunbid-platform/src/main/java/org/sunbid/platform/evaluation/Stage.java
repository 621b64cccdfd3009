package org.sunbid.platform.evaluation;

/** Where a tender's evaluation stands, from the committee's first step to the contract. */
public enum Stage {
    /** 资格审查: each member reviews every opened bid item by item. */
    QUALIFICATION,
    /**
     * 谈判/磋商 (methods whose rules hold NEGOTIATION_ROUNDS): the panel negotiates with each qualified supplier in rounds
     * of sealed final offers (74号令 Art. 31–33; 财库〔2014〕214号 Art. 17–21); the leader closes it and the last round's
     * offers become the prices.
     */
    NEGOTIATION,
    /** 详细评审: each member scores the qualified bids (comprehensive scoring only). */
    SCORING,
    /** 已排序: every score is in and every extreme score explained; the ranking stands. */
    RANKED,
    /** 报告签署: the report is generated; the members sign it. */
    REPORTED,
    /** 中标候选人公示 (Reg. 54). */
    PUBLICITY,
    /**
     * 采购人确定中标人 (government procurement): the report is with the purchaser, who decides within 5 working days
     * (政府采购法实施条例 Art. 43); no candidates' publicity.
     */
    DECISION,
    /** 已定标: the award notice is out; the contract is due within 30 days (Law 46). */
    AWARDED,
    /** 合同已签订. */
    CONTRACTED,
    /** 否决所有投标: no bid passed the qualification review (Law 42); in government procurement, fewer than 3 did (87号令 Art. 44). */
    FAILED;

    /** Whether {@code next} may follow this stage. */
    public boolean mayBecome(Stage next) {
        return switch (this) {
            case QUALIFICATION -> next == NEGOTIATION || next == SCORING || next == RANKED || next == FAILED;
            case NEGOTIATION -> next == SCORING || next == RANKED || next == FAILED;
            case SCORING -> next == RANKED;
            case RANKED -> next == REPORTED;
            case REPORTED -> next == PUBLICITY || next == DECISION;
            case PUBLICITY, DECISION -> next == AWARDED;
            case AWARDED -> next == CONTRACTED;
            case CONTRACTED, FAILED -> false;
        };
    }
}
