package org.sunbid.platform.experts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;

/** The regions' draw and conduct policies ({@link DrawPolicy}, maintained data inherited down the region tree). */
@Service
class DrawPolicies {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;
    private final Regions regions;

    DrawPolicies(JdbcClient jdbc, Clock clock, AuditLog log, Regions regions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
        this.regions = regions;
    }

    /** The draw and conduct policy for region {@code regionCode}: its own, the nearest above it, or the default. */
    DrawPolicy policyFor(String regionCode) {
        String code = regionCode;
        while (code != null) {
            Optional<DrawPolicy> p = jdbc.sql("""
                    SELECT max_sittings_per_month, max_sittings_per_tenderee, tenderee_window_days, reply_timeout_minutes,
                        draw_lead_minutes, suspend_after_violations, blacklist_after_violations, violation_window_days
                    FROM expert_policy WHERE region_code = :c""").param("c", code)
                    .query((rs, i) -> new DrawPolicy(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                            rs.getInt(6), (Integer) rs.getObject(7), rs.getInt(8))).optional();
            if (p.isPresent()) {
                return p.get();
            }
            code = regions.find(code).map(r -> r.parentCode()).orElse(null);
        }
        return DrawPolicy.DEFAULT;
    }

    /** Sets a region's policy (administrators); logged. */
    @Transactional
    public DrawPolicy setPolicy(String regionCode, DrawPolicy policy, CurrentUser user) {
        if (user.role() != Role.ADMINISTRATOR) {
            throw new DomainException(ExpertsError.STATUS_CHANGE_NOT_ALLOWED, "role");
        }
        regions.get(regionCode);
        jdbc.sql("""
                INSERT INTO expert_policy (region_code, max_sittings_per_month, max_sittings_per_tenderee, tenderee_window_days,
                    reply_timeout_minutes, draw_lead_minutes, suspend_after_violations, blacklist_after_violations,
                    violation_window_days, updated_at, updated_by)
                VALUES (:r, :m, :t, :w, :rt, :lead, :s, :b, :vw, :now, :by)
                ON CONFLICT (region_code) DO UPDATE SET max_sittings_per_month = :m, max_sittings_per_tenderee = :t,
                    tenderee_window_days = :w, reply_timeout_minutes = :rt, draw_lead_minutes = :lead,
                    suspend_after_violations = :s, blacklist_after_violations = :b, violation_window_days = :vw,
                    updated_at = :now, updated_by = :by""")
                .param("r", regionCode).param("m", policy.maxSittingsPerMonth()).param("t", policy.maxSittingsPerTenderee())
                .param("w", policy.tendereeWindowDays()).param("rt", policy.replyTimeoutMinutes())
                .param("lead", policy.drawLeadMinutes()).param("s", policy.suspendAfterViolations())
                .param("b", policy.blacklistAfterViolations()).param("vw", policy.violationWindowDays())
                .param("now", OffsetDateTime.now(clock)).param("by", user.username()).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("maxSittingsPerMonth", (long) policy.maxSittingsPerMonth());
        payload.put("maxSittingsPerTenderee", (long) policy.maxSittingsPerTenderee());
        payload.put("tendereeWindowDays", (long) policy.tendereeWindowDays());
        payload.put("replyTimeoutMinutes", (long) policy.replyTimeoutMinutes());
        payload.put("drawLeadMinutes", (long) policy.drawLeadMinutes());
        payload.put("suspendAfterViolations", (long) policy.suspendAfterViolations());
        payload.put("blacklistAfterViolations", policy.blacklistAfterViolations() == null ? null : (long) policy.blacklistAfterViolations());
        payload.put("violationWindowDays", (long) policy.violationWindowDays());
        log.record(AuditRecord.of("experts.policy.set", regionCode, regionCode, user.actor(), payload));
        return policyFor(regionCode);
    }
}
