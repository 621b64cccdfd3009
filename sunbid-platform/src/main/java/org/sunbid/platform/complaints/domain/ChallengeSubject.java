package org.sunbid.platform.complaints.domain;

import java.time.Instant;

/** What a challenge (质疑) is about; each has its own start date (实施条例 Art. 53). */
public enum ChallengeSubject {
    /** 采购文件: from the receipt of the documents or the end of their notice period (Art. 53(1)). */
    DOCUMENTS,
    /** 采购过程: from the end of the step challenged (Art. 53(2)). */
    PROCESS,
    /** 中标、成交结果: from the end of the result notice period (Art. 53(3)). */
    RESULT;

    /**
     * The start date of the challenge period for this subject from the lot's facts, or null while the step has not
     * happened (nothing to challenge yet). Documents: the later of the supplier's receipt and the end of their notice
     * period, so that a supplier who obtained them early keeps the period the notice gives everyone; process: the end of
     * the step named; result: the end of the result notice period.
     */
    public Instant start(LotFacts facts, LotFacts.Step step) {
        return switch (this) {
            case DOCUMENTS -> later(facts.documentsReceivedAt(), facts.documentsPeriodEnds());
            case PROCESS -> step == null ? null : facts.endOf(step);
            case RESULT -> facts.resultNoticePeriodEnds();
        };
    }

    /** Whether a challenge of this subject may change the result, so that it holds the contract (实施条例 Art. 54). */
    public boolean mayChangeResult() {
        return this != DOCUMENTS;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
