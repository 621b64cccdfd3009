package org.sunbid.platform.payments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The bank's interest for the same period (银行同期存款利息, Reg. 57) on a deposit: simple interest at the annual
 * demand-deposit rate over the calendar days (Beijing time) from the day it was booked to the day it is refunded, on
 * the banks' 360-day year, rounded to the fen (half up).
 */
public final class DepositInterest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private DepositInterest() {
    }

    public static BigDecimal of(BigDecimal amount, BigDecimal annualRate, Instant booked, Instant refunded) {
        if (amount.signum() < 0 || annualRate.signum() < 0) {
            throw new IllegalArgumentException("amount and rate must not be negative");
        }
        long days = Math.max(0, ChronoUnit.DAYS.between(booked.atZone(BEIJING).toLocalDate(), refunded.atZone(BEIJING).toLocalDate()));
        return amount.multiply(annualRate).multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(360), 2, RoundingMode.HALF_UP);
    }
}
