package org.sunbid.platform.disclosure.search;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import org.sunbid.platform.deals.DealKind;
import org.sunbid.platform.deals.Procedures;
import org.sunbid.platform.disclosure.DealStage;
import org.sunbid.platform.disclosure.DisclosureError;
import org.sunbid.platform.disclosure.NoticeQuery;
import org.sunbid.platform.disclosure.NoticeType;
import org.sunbid.platform.kernel.DomainException;

/**
 * A search's request parameters as people and programs send them (the API and the page share this): each list may be
 * repeated or comma-separated; anything not understood is {@code DISCLOSURE_SEARCH_BAD_PARAMETER} naming the parameter
 * and the value, never silently ignored.
 */
record SearchParameters(String q, List<String> type, List<String> kind, List<String> procedure, String region,
        List<String> stage, String from, String to, String min, String max, String sort, String page, String size) {

    /** The longest query text accepted. */
    static final int MAX_TEXT = 200;

    /** The query; {@code firstPage} is the number of the first page (0 for the API, 1 for the portal's page). */
    NoticeQuery toQuery(Procedures procedures, int firstPage, int defaultSize) {
        String text = q == null ? "" : q.strip();
        if (text.length() > MAX_TEXT) {
            throw bad("q", text.substring(0, 20) + "…");
        }
        Set<NoticeType> types = new LinkedHashSet<>();
        for (String t : values("type", type, v -> isName(NoticeType.class, v))) {
            types.add(NoticeType.valueOf(t));
        }
        Set<String> kinds = values("kind", kind, v -> isName(DealKind.class, v));
        Set<String> procs = values("procedure", procedure, v -> procedures.find(v).isPresent());
        Set<String> stages = values("stage", stage, v -> isName(DealStage.class, v) && !v.equals(DealStage.DRAFT.name()));
        String regionCode = blank(region) ? null : region.strip();
        if (regionCode != null && !regionCode.matches("\\d{6}|\\d{9}|\\d{12}")) {
            throw bad("region", regionCode);
        }
        NoticeQuery.Sort order = null;
        if (!blank(sort)) {
            if (!isName(NoticeQuery.Sort.class, sort.strip().toUpperCase(Locale.ROOT))) {
                throw bad("sort", sort);
            }
            order = NoticeQuery.Sort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
        }
        int pageNo = integer("page", page, firstPage, firstPage, Integer.MAX_VALUE / 200) - firstPage;
        int pageSize = integer("size", size, defaultSize, 1, 100);
        return new NoticeQuery(text, types, kinds, procs, regionCode, stages, date("from", from), date("to", to),
                amount("min", min), amount("max", max), order, pageNo, pageSize);
    }

    private static Set<String> values(String name, List<String> given, Predicate<String> valid) {
        Set<String> out = new LinkedHashSet<>();
        if (given != null) {
            for (String g : given) {
                for (String v : g.split(",")) {
                    String s = v.strip().toUpperCase(Locale.ROOT);
                    if (s.isEmpty()) {
                        continue;
                    }
                    if (!valid.test(s)) {
                        throw bad(name, v.strip());
                    }
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static <E extends Enum<E>> boolean isName(Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static int integer(String name, String value, int otherwise, int min, int max) {
        if (blank(value)) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw bad(name, value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw bad(name, value);
        }
    }

    private static LocalDate date(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw bad(name, value);
        }
    }

    private static BigDecimal amount(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            BigDecimal yuan = new BigDecimal(value.strip());
            if (yuan.signum() < 0 || yuan.scale() > 2 || yuan.precision() - yuan.scale() > 15) {
                throw bad(name, value);
            }
            return yuan;
        } catch (NumberFormatException e) {
            throw bad(name, value);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static DomainException bad(String name, String value) {
        return new DomainException(DisclosureError.DISCLOSURE_SEARCH_BAD_PARAMETER, name, value);
    }
}
