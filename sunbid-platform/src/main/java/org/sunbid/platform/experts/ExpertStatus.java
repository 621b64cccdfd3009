package org.sunbid.platform.experts;

import java.util.Map;
import java.util.Set;

/** Where an expert stands in the expert database (专家状态), and which changes are allowed. */
public enum ExpertStatus {
    /** 申请中: applied, awaiting the entry review (准入审核). */
    APPLYING,
    /** 在库: may be drawn. */
    ACTIVE,
    /** 暂停: not drawn until reinstated (e.g. by the violation rule). */
    SUSPENDED,
    /** 黑名单: barred for good. */
    BLACKLISTED,
    /** 退出: left the database (退出), at the expert's request or by decision. */
    RETIRED,
    /** 未通过: the entry review refused the application. */
    REJECTED;

    private static final Map<ExpertStatus, Set<ExpertStatus>> NEXT = Map.of(
            APPLYING, Set.of(ACTIVE, REJECTED),
            ACTIVE, Set.of(SUSPENDED, BLACKLISTED, RETIRED),
            SUSPENDED, Set.of(ACTIVE, BLACKLISTED, RETIRED),
            BLACKLISTED, Set.of(),
            RETIRED, Set.of(),
            REJECTED, Set.of());

    /** Whether an expert in this status may be moved to {@code next}. */
    public boolean canBecome(ExpertStatus next) {
        return NEXT.get(this).contains(next);
    }
}
