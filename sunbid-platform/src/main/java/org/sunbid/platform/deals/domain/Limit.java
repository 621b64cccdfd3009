package org.sunbid.platform.deals.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

import org.sunbid.platform.catalog.WorkingDays;
import org.sunbid.platform.kernel.Money;

/**
 * One limit of a procedure: an amount with its unit and the article that sets it.
 *
 * <p>Periods in 日, hours and minutes are exact durations (20 日 = 20 × 24 h from the event), as the construction rules
 * have always been applied. Periods in 工作日 follow 87号令 Art. 85–86: the day of the event is not counted, the period
 * ends at 24:00 (Beijing) of its last working day, so a period can never end on a holiday.
 *
 * @param amount  how many (days, percent, people, yuan)
 * @param unit    its unit
 * @param article the article that sets it, e.g. 《招标投标法》第二十四条
 */
public record Limit(BigDecimal amount, LimitUnit unit, String article) {

    /** Beijing time: the date of an event is its date here. */
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    public Limit {
        Objects.requireNonNull(amount);
        Objects.requireNonNull(unit);
        Objects.requireNonNull(article);
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a limit is not negative: " + amount);
        }
        if ((unit == LimitUnit.DAY || unit == LimitUnit.WORKING_DAY || unit == LimitUnit.COUNT)
                && amount.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(unit + " limits are whole numbers: " + amount);
        }
    }

    /** A limit of {@code amount} {@code unit}. */
    public static Limit of(long amount, LimitUnit unit, String article) {
        return new Limit(BigDecimal.valueOf(amount), unit, article);
    }

    /** The Beijing date of an instant: the date a rule is resolved at. */
    public static LocalDate beijingDate(Instant instant) {
        return instant.atZone(BEIJING).toLocalDate();
    }

    /** The amount as a whole number (days, working days, people). */
    public int whole() {
        return amount.intValueExact();
    }

    /** A period in 日, hours or minutes as an exact duration; refused for 工作日, which has none. */
    public Duration duration() {
        return switch (unit) {
            case DAY -> Duration.ofDays(amount.longValueExact());
            case HOUR -> Duration.ofMinutes(amount.multiply(BigDecimal.valueOf(60)).longValueExact());
            case MINUTE -> Duration.ofSeconds(amount.multiply(BigDecimal.valueOf(60)).longValueExact());
            default -> throw new IllegalStateException(unit + " is not an exact duration (" + article + ")");
        };
    }

    /**
     * The end of the period that starts at {@code start}: for 日/hours/minutes {@code start} plus the duration; for
     * 工作日 24:00 of the {@code amount}-th working day after the day of {@code start} (87号令 Art. 85: the start day is
     * not counted, the period ends at the end of its last day, which is a working day).
     */
    public Instant endAfter(Instant start, WorkingDays calendar) {
        if (unit == LimitUnit.WORKING_DAY) {
            return lastDay(start, calendar).plusDays(1).atStartOfDay(BEIJING).toInstant();
        }
        if (unit == LimitUnit.MONTH) {
            return start.atZone(BEIJING).plusMonths(amount.longValueExact()).toInstant();
        }
        return start.plus(duration());
    }

    /**
     * The latest start of a period in 日, hours or minutes that ends at {@code end} ({@code end} minus the duration):
     * "no later than 10 days before the deadline". A 工作日 period counted backwards has no rule yet and is refused.
     */
    public Instant startBefore(Instant end) {
        if (unit == LimitUnit.MONTH) {
            return end.atZone(BEIJING).minusMonths(amount.longValueExact()).toInstant();
        }
        return end.minus(duration());
    }

    /** The last day of a 工作日 period starting at {@code start}: the {@code amount}-th working day after its day. */
    public LocalDate lastDay(Instant start, WorkingDays calendar) {
        if (unit != LimitUnit.WORKING_DAY) {
            return beijingDate(endAfter(start, calendar));
        }
        return calendar.plus(beijingDate(start), whole());
    }

    /**
     * Whether a minimum period from {@code start} to {@code end} is respected ("不得少于"): for 日/hours/minutes at
     * least the duration; for 工作日, {@code end} falls on or after the period's last working day (documents available
     * on each of the 5 working days after the notice's day, e.g. until 17:00 on the fifth).
     */
    public boolean atLeast(Instant start, Instant end, WorkingDays calendar) {
        if (unit == LimitUnit.WORKING_DAY) {
            return !beijingDate(end).isBefore(lastDay(start, calendar));
        }
        return !end.isBefore(endAfter(start, calendar));
    }

    /** {@code amount}% of {@code base} (a PERCENT limit). */
    public Money percentOf(Money base) {
        if (unit != LimitUnit.PERCENT) {
            throw new IllegalStateException(unit + " is not a percentage (" + article + ")");
        }
        return base.percent(amount);
    }

    /** The amount without trailing zeros, as messages show it ("2", "0.5"). */
    public String plain() {
        return amount.stripTrailingZeros().toPlainString();
    }
}
