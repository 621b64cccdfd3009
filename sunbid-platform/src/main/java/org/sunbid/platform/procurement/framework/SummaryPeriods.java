package org.sunbid.platform.procurement.framework;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The periods of a framework agreement's order summaries (成交结果汇总公告), and when each is ready to publish.
 *
 * <p>⚠ Our reading: 财政部令第110号 asks the collecting body for one summary of the whole term after the term ends
 * ("有效期满后10个工作日内", from memory; the official text was not in the library). It names no periodic summary, and
 * quarterly summaries are not in it as far as we know. The platform also publishes one per calendar month of the term
 * (Beijing), clipped to the term: a practice of ours, so that buyers' orders become visible in one place while the
 * agreement runs, not a legal duty. A month with no order gets a summary too ("本期无成交"): a published nil is
 * information, a missing summary is not.
 *
 * <p>A summary lists the orders concluded (成交) in its period. It waits until every such order's contract is published
 * or its publication period (2 工作日) is over, so that a summary never shows an order before its own notice could.
 */
public final class SummaryPeriods {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** The platform's monthly summary: a practice, not a rule of the text (⚠). */
    public static final String MONTH_RULE = "平台按自然月发布（财政部令第110号未规定定期汇总 ⚠）";
    /** The term summary's rule (⚠ from memory). */
    public static final String TERM_RULE = "财政部令第110号（框架协议有效期满后10个工作日内发布成交结果汇总公告）⚠";

    private SummaryPeriods() {
    }

    /** MONTH (a calendar month of the term) or TERM (the whole term). */
    public enum Kind { MONTH, TERM }

    /**
     * A summary period, {@code [start, end)}.
     *
     * @param from the first Beijing date it covers
     * @param to   the last Beijing date it covers
     */
    public record Period(Kind kind, Instant start, Instant end, LocalDate from, LocalDate to) {

        public boolean contains(Instant at) {
            return at != null && !at.isBefore(start) && at.isBefore(end);
        }

        /** Whether it shares an instant with {@code [otherStart, otherEnd)}. */
        public boolean overlaps(Instant otherStart, Instant otherEnd) {
            return start.isBefore(otherEnd) && otherStart.isBefore(end);
        }

        public String rule() {
            return kind == Kind.TERM ? TERM_RULE : MONTH_RULE;
        }
    }

    /** An order as a summary needs it: when it was concluded, whether published, when its publication was due. */
    public record Concluded(Instant concludedAt, boolean published, Instant publicationDue) {
    }

    private static Period period(Kind kind, Instant start, Instant end) {
        return new Period(kind, start, end, LocalDate.ofInstant(start, BEIJING), LocalDate.ofInstant(end.minusNanos(1), BEIJING));
    }

    /** Every period of the term {@code [termStart, termEnd)}: its months in order, then the term. */
    public static List<Period> of(Instant termStart, Instant termEnd) {
        List<Period> periods = new ArrayList<>();
        Instant start = termStart;
        while (start.isBefore(termEnd)) {
            ZonedDateTime next = start.atZone(BEIJING).toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay(BEIJING);
            Instant end = next.toInstant().isBefore(termEnd) ? next.toInstant() : termEnd;
            periods.add(period(Kind.MONTH, start, end));
            start = end;
        }
        periods.add(period(Kind.TERM, termStart, termEnd));
        return periods;
    }

    /** The periods over by {@code now} (their end reached), in order. */
    public static List<Period> over(Instant termStart, Instant termEnd, Instant now) {
        return of(termStart, termEnd).stream().filter(p -> !now.isBefore(p.end())).toList();
    }

    /**
     * Whether {@code period} may be summarised at {@code now}: it is over, and each order concluded in it has its
     * contract published or its publication period ended.
     */
    public static boolean ready(Period period, List<Concluded> orders, Instant now) {
        if (now.isBefore(period.end())) {
            return false;
        }
        return orders.stream().filter(o -> period.contains(o.concludedAt()))
                .allMatch(o -> o.published() || o.publicationDue() == null || !now.isBefore(o.publicationDue()));
    }
}
