package org.sunbid.platform.procurement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.catalog.WorkingDays;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.LimitUnit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.procurement.ProcurementError;
import org.sunbid.platform.procurement.PoolSource;

/** Who may be invited, by the lot's rules as V93 states them; each test named after its article. No Spring. */
class InvitationRuleTest {

    static final InvitationRule NEGOTIATION = InvitationRule.of(new ProcedureRules("ZFCG_NEGOTIATION", LocalDate.of(2026, 11, 23),
            Map.of(RuleKeys.INVITED_MIN, Limit.of(3, LimitUnit.COUNT, "财政部令第74号第十二条"),
                    RuleKeys.RECOMMENDED_MAX, Limit.of(50, LimitUnit.PERCENT, "财政部令第74号第十二条"),
                    RuleKeys.INVITATION_ONLY, Limit.of(1, LimitUnit.FLAG, "财政部令第74号第十二条")),
            new WorkingDays(Map.of())));
    static final InvitationRule INVITED_TENDER = InvitationRule.of(new ProcedureRules("ZFCG_INVITED_TENDER", LocalDate.of(2026, 11, 23),
            Map.of(RuleKeys.INVITED_MIN, Limit.of(3, LimitUnit.COUNT, "财政部令第87号第十四条"),
                    RuleKeys.INVITATION_POOL_FACTOR, Limit.of(2, LimitUnit.COUNT, "财政部令第87号第十四条"),
                    RuleKeys.DRAW_WITNESSES_MIN, Limit.of(2, LimitUnit.COUNT, "财政部令第87号第十四条"),
                    RuleKeys.INVITATION_ONLY, Limit.of(1, LimitUnit.FLAG, "《政府采购法》第三十四条")),
            new WorkingDays(Map.of())));

    private static ProcurementError code(java.util.Optional<DomainException> refusal) {
        return refusal.map(e -> (ProcurementError) e.errorCode()).orElse(null);
    }

    @Test
    void gpl74_art12_atLeastThreeSuppliersInvited() {
        assertThat(code(NEGOTIATION.refusal(1, 1, 10, PoolSource.DATABASE, 0))).isEqualTo(ProcurementError.INVITED_TOO_FEW);
        assertThat(code(NEGOTIATION.refusal(0, 2, 10, PoolSource.PREQUALIFIED, 0))).isEqualTo(ProcurementError.INVITED_TOO_FEW);
        assertThat(code(NEGOTIATION.refusal(1, 2, 10, PoolSource.DATABASE, 0))).isNull();
        assertThat(code(NEGOTIATION.refusal(0, 3, 3, PoolSource.PREQUALIFIED, 0))).isNull();
    }

    @Test
    void gpl74_art12_thePurchaserRecommendsAtMostHalf() {
        assertThat(code(NEGOTIATION.refusal(2, 2, 10, PoolSource.DATABASE, 0))).isNull(); // exactly 50%
        assertThat(code(NEGOTIATION.refusal(2, 1, 10, PoolSource.DATABASE, 0))).isEqualTo(ProcurementError.RECOMMENDED_TOO_MANY);
        assertThat(code(NEGOTIATION.refusal(3, 2, 10, PoolSource.DATABASE, 0))).isEqualTo(ProcurementError.RECOMMENDED_TOO_MANY);
        assertThat(code(NEGOTIATION.refusal(3, 3, 10, PoolSource.DATABASE, 0))).isNull();
    }

    @Test
    void gpl87_art14_aDatabasePoolHoldsTwiceTheNumberDrawn() {
        assertThat(code(INVITED_TENDER.refusal(0, 3, 5, PoolSource.DATABASE, 2))).isEqualTo(ProcurementError.INVITATION_POOL_TOO_SMALL);
        assertThat(code(INVITED_TENDER.refusal(0, 3, 6, PoolSource.DATABASE, 2))).isNull();
        // a prequalified list is not a database or recommendation pool: the factor does not apply, the pool must suffice
        assertThat(code(INVITED_TENDER.refusal(0, 3, 3, PoolSource.PREQUALIFIED, 2))).isNull();
        assertThat(code(INVITED_TENDER.refusal(0, 3, 2, PoolSource.PREQUALIFIED, 2))).isEqualTo(ProcurementError.INVITATION_POOL_TOO_SMALL);
        // without a factor (谈判) the pool must only hold the number drawn
        assertThat(code(NEGOTIATION.refusal(0, 3, 3, PoolSource.DATABASE, 0))).isNull();
    }

    @Test
    void gpl87_art14_twoStaffWitnessTheDraw() {
        assertThat(code(INVITED_TENDER.refusal(0, 3, 6, PoolSource.DATABASE, 1))).isEqualTo(ProcurementError.DRAW_WITNESSES_TOO_FEW);
        assertThat(code(INVITED_TENDER.refusal(0, 3, 6, PoolSource.DATABASE, 2))).isNull();
    }

    @Test
    void gpl87_art14_anInvitedTenderInvitesByDrawOnly() {
        assertThat(code(INVITED_TENDER.refusal(1, 3, 6, PoolSource.DATABASE, 2))).isEqualTo(ProcurementError.RECOMMENDATION_NOT_ALLOWED);
    }
}
