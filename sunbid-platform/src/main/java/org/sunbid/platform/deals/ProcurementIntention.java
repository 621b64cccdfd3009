package org.sunbid.platform.deals;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * A government procurement project's procurement intention (采购意向, 财库〔2020〕10号) as published on the platform, or
 * the recorded exemption from publishing one. The intention shows the project's name and budget with it.
 *
 * @param projectId   the project
 * @param publishedAt when the intention was published; null for an exemption
 * @param summary     采购需求概况; null for an exemption
 * @param expected    预计采购时间 (month); null for an exemption
 * @param ground      why no intention is published; null for a published intention
 * @param reason      the exemption's reason in words; null for a published intention
 * @param recordedAt  when it was recorded
 * @param recordedBy  who recorded it
 */
public record ProcurementIntention(UUID projectId, Instant publishedAt, String summary, YearMonth expected,
        ExemptionGround ground, String reason, Instant recordedAt, String recordedBy) {

    /** Whether the project is exempt from publishing an intention. */
    public boolean exempt() {
        return ground != null;
    }

    /** Why a project publishes no procurement intention (财库〔2020〕10号). */
    public enum ExemptionGround {
        /** 因预算单位不可预见的原因急需开展的采购项目 (紧急采购). */
        URGENT,
        /** 涉密采购项目. */
        CLASSIFIED
    }
}
