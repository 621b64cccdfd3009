package org.sunbid.platform.deals.domain;

/** The unit of a limit. 日 and 工作日 are never converted into each other (87号令 Art. 85–86). */
public enum LimitUnit {
    /** 日: calendar days. */
    DAY,
    /** 工作日: working days of the calendar (holidays skipped, 调休 weekends counted). */
    WORKING_DAY,
    /** 小时. */
    HOUR,
    /** 分钟. */
    MINUTE,
    /** A percentage (2 = 2%). */
    PERCENT,
    /** A number of people or things. */
    COUNT,
    /** An amount in yuan. */
    YUAN,
    /** 月: calendar months (issue 17: balances within a year, relisting after 12 months), the same day-of-month n months on in Beijing time. */
    MONTH,
    /** A yes/no rule of the procedure (amount 1 = it holds), e.g. {@code LOWEST_PRICE_ONLY}. */
    FLAG;

    /** Whether the limit is a period of time. */
    public boolean isPeriod() {
        return this == DAY || this == WORKING_DAY || this == HOUR || this == MINUTE || this == MONTH;
    }
}
