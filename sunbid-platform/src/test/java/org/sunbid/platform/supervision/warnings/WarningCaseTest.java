package org.sunbid.platform.supervision.warnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.kernel.DomainException;

class WarningCaseTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final String BASIS = "招标投标法实施条例第八十二条";

    private static WarningError code(Runnable step) {
        try {
            step.run();
        } catch (DomainException e) {
            return (WarningError) e.errorCode();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void triageAcceptsForInvestigationOrDismissesAtOnce() {
        assertThat(WarningCase.raised().status()).isEqualTo(WarningStatus.OPEN);
        assertThat(WarningCase.raised().accept().status()).isEqualTo(WarningStatus.INVESTIGATING);
        WarningCase dismissed = WarningCase.raised().dismiss("价格接近属正常竞争。", "招标投标法实施条例第四十条");
        assertThat(dismissed.status()).isEqualTo(WarningStatus.CLOSED);
        assertThat(dismissed.decision()).isEqualTo(Decision.DISMISSED);
    }

    @Test
    void triageHappensOnce() {
        WarningCase investigating = WarningCase.raised().accept();
        assertThat(code(investigating::accept)).isEqualTo(WarningError.WARNING_STEP_NOT_ALLOWED);
        assertThat(code(() -> investigating.dismiss("r", "b"))).isEqualTo(WarningError.WARNING_STEP_NOT_ALLOWED);
    }

    @Test
    void aDecisionComesAfterInvestigationOnly() {
        assertThat(code(() -> WarningCase.raised().decide(Decision.REFERRED, "r", BASIS, null, TODAY)))
                .isEqualTo(WarningError.WARNING_STEP_NOT_ALLOWED);
    }

    @Test
    void everyDecisionNeedsItsLegalBasisAndReason() {
        WarningCase investigating = WarningCase.raised().accept();
        assertThat(code(() -> investigating.decide(Decision.SANCTIONED, "串通投标属实。", " ", null, TODAY)))
                .isEqualTo(WarningError.WARNING_BASIS_REQUIRED);
        assertThat(code(() -> investigating.decide(Decision.SANCTIONED, "", BASIS, null, TODAY)))
                .isEqualTo(WarningError.WARNING_TEXT_REQUIRED);
        assertThat(code(() -> WarningCase.raised().dismiss("r", null))).isEqualTo(WarningError.WARNING_BASIS_REQUIRED);
        assertThat(code(() -> investigating.decide(null, "r", BASIS, null, TODAY))).isEqualTo(WarningError.WARNING_PARAMETER_INVALID);
    }

    @Test
    void dismissedReferredAndSanctionedCloseTheWarning() {
        for (Decision d : new Decision[] {Decision.DISMISSED, Decision.REFERRED, Decision.SANCTIONED}) {
            WarningCase decided = WarningCase.raised().accept().decide(d, "理由", BASIS, null, TODAY);
            assertThat(decided.status()).as(d.name()).isEqualTo(WarningStatus.CLOSED);
            assertThat(decided.decision()).isEqualTo(d);
        }
        assertThat(code(() -> WarningCase.raised().accept().decide(Decision.REFERRED, "r", BASIS, TODAY.plusDays(5), TODAY)))
                .isEqualTo(WarningError.WARNING_CORRECTION_DUE_INVALID);
    }

    @Test
    void anOrderToCorrectNeedsADeadlineAfterTodayAndIsTrackedToItsEnd() {
        WarningCase investigating = WarningCase.raised().accept();
        assertThat(code(() -> investigating.decide(Decision.CORRECTED, "r", BASIS, null, TODAY)))
                .isEqualTo(WarningError.WARNING_CORRECTION_DUE_INVALID);
        assertThat(code(() -> investigating.decide(Decision.CORRECTED, "r", BASIS, TODAY, TODAY)))
                .isEqualTo(WarningError.WARNING_CORRECTION_DUE_INVALID);
        WarningCase correcting = investigating.decide(Decision.CORRECTED, "未按规定公示。", BASIS, TODAY.plusDays(15), TODAY);
        assertThat(correcting.status()).isEqualTo(WarningStatus.CORRECTING);
        assertThat(correcting.overdue(TODAY.plusDays(15))).isFalse(); // the last day is still in time
        assertThat(correcting.overdue(TODAY.plusDays(16))).isTrue();
        WarningCase done = correcting.corrected("已补充公示。");
        assertThat(done.status()).isEqualTo(WarningStatus.CLOSED);
        assertThat(done.decision()).isEqualTo(Decision.CORRECTED);
        assertThat(done.overdue(TODAY.plusDays(30))).isFalse();
        assertThat(code(() -> done.corrected("again"))).isEqualTo(WarningError.WARNING_STEP_NOT_ALLOWED);
        assertThat(code(() -> investigating.corrected("not ordered"))).isEqualTo(WarningError.WARNING_STEP_NOT_ALLOWED);
    }

    @Test
    void notesAreTakenUntilTheWarningIsClosed() {
        WarningCase open = WarningCase.raised();
        assertThat(open.note("初步核查。")).isSameAs(open);
        assertThat(code(() -> open.note(" "))).isEqualTo(WarningError.WARNING_TEXT_REQUIRED);
        assertThat(code(() -> open.note("x".repeat(WarningCase.MAX_TEXT + 1)))).isEqualTo(WarningError.WARNING_TEXT_REQUIRED);
        WarningCase closed = open.accept().decide(Decision.REFERRED, "涉嫌犯罪。", "招标投标法第五十三条", null, TODAY);
        assertThatThrownBy(() -> closed.note("late")).isInstanceOf(DomainException.class);
    }
}
