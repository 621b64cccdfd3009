package org.sunbid.platform.catalog;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * The working-day calendar (工作日历): Monday to Friday are working days, except public holidays; weekend days that
 * the State Council declares working days (调休) are working days. The exceptions are maintained data.
 */
public final class WorkingDays {

    /** What a listed day is. */
    public enum DayKind {
        /** 法定节假日: not a working day although it may fall on a weekday. */
        HOLIDAY,
        /** 调休上班: a working day although it falls on a weekend. */
        WORKDAY
    }

    private final Map<LocalDate, DayKind> exceptions;

    public WorkingDays(Map<LocalDate, DayKind> exceptions) {
        this.exceptions = Map.copyOf(Objects.requireNonNull(exceptions));
    }

    public boolean isWorkingDay(LocalDate date) {
        DayKind kind = exceptions.get(date);
        if (kind != null) {
            return kind == DayKind.WORKDAY;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /**
     * The date {@code n} working days after {@code start}, counting from the day after it ("within 3 working days of
     * the 10th"): {@code plus(start, 0)} is {@code start} itself.
     */
    public LocalDate plus(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        LocalDate date = start;
        int counted = 0;
        while (counted < n) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /** Working days in {@code (from, to]}: the days after {@code from} up to and including {@code to}. */
    public int between(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }
}
