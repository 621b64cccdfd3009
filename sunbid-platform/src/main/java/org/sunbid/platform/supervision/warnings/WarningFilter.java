package org.sunbid.platform.supervision.warnings;

import java.util.Locale;

import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.supervision.WarningDraft;

/**
 * Which warnings of the queue to show: each criterion null for any.
 *
 * @param status     where it stands; {@code open} (not closed) is {@link #OPEN_ONLY}
 * @param openOnly   only warnings not closed
 * @param severity   how urgent
 * @param source     its source code ({@code screen}, {@code art40}, {@code overdue}, ...)
 * @param minAgeDays raised at least this many days ago
 * @param maxAgeDays raised at most this many days ago
 * @param overdue    only corrections past their deadline
 */
public record WarningFilter(WarningStatus status, boolean openOnly, WarningDraft.Severity severity, String source,
        Integer minAgeDays, Integer maxAgeDays, boolean overdue) {

    /** Every warning. */
    public static final WarningFilter ALL = new WarningFilter(null, false, null, null, null, null, false);
    /** The status parameter's value for "not closed". */
    public static final String OPEN_ONLY = "open";

    /** The filter from request parameters as typed (blank for any); a bad value: WARNING_PARAMETER_INVALID. */
    public static WarningFilter parse(String status, String severity, String source, String minAgeDays, String maxAgeDays,
            String overdue) {
        WarningStatus s = null;
        boolean open = false;
        if (present(status)) {
            if (status.strip().equalsIgnoreCase(OPEN_ONLY)) {
                open = true;
            } else {
                s = parseEnum(WarningStatus.class, "status", status);
            }
        }
        WarningDraft.Severity sev = present(severity) ? parseEnum(WarningDraft.Severity.class, "severity", severity) : null;
        String src = null;
        if (present(source)) {
            src = source.strip();
            if (!src.matches("[a-z0-9-]{1,40}")) {
                throw new DomainException(WarningError.WARNING_PARAMETER_INVALID, "source", source);
            }
        }
        return new WarningFilter(s, open, sev, src, days("minAge", minAgeDays), days("maxAge", maxAgeDays),
                present(overdue) && Boolean.parseBoolean(overdue.strip()));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static Integer days(String name, String value) {
        if (!present(value)) {
            return null;
        }
        try {
            int days = Integer.parseInt(value.strip());
            if (days < 0 || days > 36_500) {
                throw new NumberFormatException();
            }
            return days;
        } catch (NumberFormatException e) {
            throw new DomainException(WarningError.WARNING_PARAMETER_INVALID, name, value);
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(WarningError.WARNING_PARAMETER_INVALID, name, value);
        }
    }
}
