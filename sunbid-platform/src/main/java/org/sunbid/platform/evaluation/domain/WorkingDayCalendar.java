package org.sunbid.platform.evaluation.domain;

import java.time.LocalDate;

/**
 * The working-day calendar a rule counts with (工作日, with holidays and 调休), supplied by the caller — in the
 * application {@code catalog.WorkingDays} of the tender's region: {@code WorkingDayCalendar.of(days::isWorkingDay,
 * days::plus)}.
 */
public interface WorkingDayCalendar {

    /** Whether {@code date} is a working day. */
    boolean isWorkingDay(LocalDate date);

    /** The date {@code n} working days after {@code start}, the start day not counted; {@code n = 0} gives {@code start}. */
    LocalDate plusWorkingDays(LocalDate start, int n);

    /** A calendar from the two functions. */
    static WorkingDayCalendar of(java.util.function.Predicate<LocalDate> isWorkingDay,
            java.util.function.BiFunction<LocalDate, Integer, LocalDate> plusWorkingDays) {
        return new WorkingDayCalendar() {
            @Override
            public boolean isWorkingDay(LocalDate date) {
                return isWorkingDay.test(date);
            }

            @Override
            public LocalDate plusWorkingDays(LocalDate start, int n) {
                return plusWorkingDays.apply(start, n);
            }
        };
    }
}
