package org.sunbid.platform.credit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.catalog.WorkingDays;

/** The steps of a credit case and their working-day dues (信用修复管理办法 Art. 16, 18), counted by hand on a calendar. */
class CreditCaseTest {

    /** 2026-09-30 (Wed) … the National Day holiday 10-01 to 10-07, Sunday 10-11 a 调休 working day. */
    private static final WorkingDays DAYS = new WorkingDays(Map.of(
            LocalDate.of(2026, 10, 1), WorkingDays.DayKind.HOLIDAY, LocalDate.of(2026, 10, 2), WorkingDays.DayKind.HOLIDAY,
            LocalDate.of(2026, 10, 5), WorkingDays.DayKind.HOLIDAY, LocalDate.of(2026, 10, 6), WorkingDays.DayKind.HOLIDAY,
            LocalDate.of(2026, 10, 7), WorkingDays.DayKind.HOLIDAY, LocalDate.of(2026, 10, 11), WorkingDays.DayKind.WORKDAY));

    /** A clock at {@code hh}:00 China time on {@code day}. */
    private static Clock at(LocalDate day, int hh) {
        return Clock.fixed(day.atTime(hh, 0).atZone(CreditCase.ZONE).toInstant(), ZoneOffset.UTC);
    }

    @Test
    void art16_aRepairIsAcceptedWithinThreeWorkingDays_theStartDayAndHolidaysNotCounted() {
        // filed late on Wed 09-30: Thu 10-08, Fri 10-09, Sun 10-11 (调休) are the three working days
        CreditCase c = CreditCase.file(CreditCase.REPAIR, DAYS, at(LocalDate.of(2026, 9, 30), 23));
        assertThat(c.stage()).isEqualTo(CreditCase.Stage.AWAITING_ACCEPTANCE);
        assertThat(c.acceptDue()).isEqualTo(LocalDate.of(2026, 10, 11));
        assertThat(c.decideDue()).isNull();
        assertThat(c.due()).isEqualTo(c.acceptDue());
        assertThat(c.deadline()).isEqualTo(LocalDate.of(2026, 10, 12).atStartOfDay(CreditCase.ZONE).toInstant());
    }

    @Test
    void art16_acceptanceSetsTheDecisionDueSevenWorkingDaysAfterTheDayOfAcceptance() {
        CreditCase c = CreditCase.of(CreditCase.REPAIR, CreditCase.Stage.AWAITING_ACCEPTANCE, LocalDate.of(2026, 10, 11), null, DAYS,
                at(LocalDate.of(2026, 10, 9), 10));
        // Fri 10-09 → Sun 10-11 (调休), Mon 12, Tue 13, Wed 14, Thu 15, Fri 16, Mon 19
        assertThat(c.accept()).isEqualTo(LocalDate.of(2026, 10, 19));
        assertThat(c.stage()).isEqualTo(CreditCase.Stage.AWAITING_DECISION);
        assertThat(c.due()).isEqualTo(LocalDate.of(2026, 10, 19));
        assertThat(c.acceptDue()).isEqualTo(LocalDate.of(2026, 10, 11));
    }

    @Test
    void art18_anObjectionHasNoAcceptanceStep_itsDecisionIsDueInSevenWorkingDays() {
        CreditCase c = CreditCase.file(CreditCase.OBJECTION, DAYS, at(LocalDate.of(2026, 11, 2), 9)); // Mon
        assertThat(c.stage()).isEqualTo(CreditCase.Stage.AWAITING_DECISION);
        assertThat(c.acceptDue()).isNull();
        assertThat(c.decideDue()).isEqualTo(LocalDate.of(2026, 11, 11)); // Tue 3 … Wed 11
        assertThatThrownBy(c::accept).isInstanceOf(CreditCase.StepNotAllowed.class)
                .satisfies(e -> assertThat(((CreditCase.StepNotAllowed) e).stage()).isEqualTo(CreditCase.Stage.AWAITING_DECISION));
        c.decide(true);
        assertThat(c.stage()).isEqualTo(CreditCase.Stage.GRANTED);
        assertThat(c.due()).isNull();
        assertThat(c.overdue()).isFalse();
    }

    @Test
    void art16_aRepairIsNeverGrantedBeforeAcceptance_butMayBeRefusedAtIntake() {
        Clock clock = at(LocalDate.of(2026, 11, 2), 9);
        CreditCase applied = CreditCase.file(CreditCase.REPAIR, DAYS, clock);
        assertThatThrownBy(() -> applied.decide(true)).isInstanceOf(CreditCase.StepNotAllowed.class)
                .satisfies(e -> assertThat(((CreditCase.StepNotAllowed) e).step()).isEqualTo("grant"));
        assertThat(applied.stage()).isEqualTo(CreditCase.Stage.AWAITING_ACCEPTANCE);
        applied.decide(false);
        assertThat(applied.stage()).isEqualTo(CreditCase.Stage.REFUSED);

        CreditCase accepted = CreditCase.file(CreditCase.REPAIR, DAYS, clock);
        accepted.accept();
        accepted.decide(false);
        assertThat(accepted.stage()).isEqualTo(CreditCase.Stage.REFUSED);
    }

    @Test
    void aDecidedCaseTakesNoFurtherStep() {
        for (CreditCase.Stage decided : new CreditCase.Stage[] {CreditCase.Stage.GRANTED, CreditCase.Stage.REFUSED}) {
            CreditCase c = CreditCase.of(CreditCase.REPAIR, decided, LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 16), DAYS,
                    at(LocalDate.of(2026, 11, 6), 9));
            assertThatThrownBy(c::accept).isInstanceOf(CreditCase.StepNotAllowed.class);
            assertThatThrownBy(() -> c.decide(true)).isInstanceOf(CreditCase.StepNotAllowed.class);
            assertThatThrownBy(() -> c.decide(false)).isInstanceOf(CreditCase.StepNotAllowed.class);
            assertThat(c.stage()).isEqualTo(decided);
        }
    }

    @Test
    void aCaseIsOverdueFromTheDayAfterItsDueDay_inChina() {
        LocalDate due = LocalDate.of(2026, 11, 11);
        Instant lastMinute = due.atTime(23, 59).atZone(CreditCase.ZONE).toInstant();
        CreditCase onTime = CreditCase.of(CreditCase.OBJECTION, CreditCase.Stage.AWAITING_DECISION, null, due, DAYS,
                Clock.fixed(lastMinute, ZoneOffset.UTC));
        assertThat(onTime.overdue()).isFalse();
        CreditCase late = CreditCase.of(CreditCase.OBJECTION, CreditCase.Stage.AWAITING_DECISION, null, due, DAYS,
                Clock.fixed(lastMinute.plusSeconds(60), ZoneOffset.UTC));
        assertThat(late.overdue()).isTrue();
        // an unaccepted repair is measured against its acceptance due, not a decision due
        CreditCase unaccepted = CreditCase.of(CreditCase.REPAIR, CreditCase.Stage.AWAITING_ACCEPTANCE, LocalDate.of(2026, 11, 5), null,
                DAYS, at(LocalDate.of(2026, 11, 6), 0));
        assertThat(unaccepted.overdue()).isTrue();
    }
}
