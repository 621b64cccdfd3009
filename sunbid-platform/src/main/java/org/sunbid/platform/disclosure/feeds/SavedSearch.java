package org.sunbid.platform.disclosure.feeds;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.sunbid.platform.deals.DealKind;
import org.sunbid.platform.disclosure.DealStage;
import org.sunbid.platform.disclosure.DisclosureError;
import org.sunbid.platform.disclosure.NoticeQuery;
import org.sunbid.platform.disclosure.NoticeType;
import org.sunbid.platform.kernel.DomainException;

/**
 * A saved search (保存的搜索): a {@link NoticeQuery} without its order and page, written as the query string of the
 * feed URL in one canonical form, so that the same search is always the same string. Parameters: {@code q} (words),
 * {@code type} ({@link NoticeType}), {@code kind} (GCJS, ZFCG, TDSYQ, KYQ, GYCQ), {@code procedure}, {@code region},
 * {@code stage} ({@link DealStage}), {@code from} and {@code to} (Beijing dates, ISO), {@code min} and {@code max}
 * (yuan). The multi-valued ones may repeat or be comma-separated. Plain Java: validated here, once for feeds and
 * subscriptions alike.
 *
 * @param canonical the query string in canonical form ("" for everything)
 * @param query     the search it stands for (newest first, page 0)
 */
record SavedSearch(String canonical, NoticeQuery query) {

    static final int MAX_LENGTH = 2000;
    private static final List<String> ORDER = List.of("q", "type", "kind", "procedure", "region", "stage", "from", "to",
            "min", "max");

    /** Reads the search from request parameters; {@code regionExists} checks a region code. */
    static SavedSearch of(Map<String, ? extends Collection<String>> parameters, Predicate<String> regionExists) {
        String text = single(parameters, "q");
        Set<NoticeType> types = many(parameters, "type").stream()
                .map(t -> parseEnum(NoticeType.class, "type", t)).collect(Collectors.toCollection(TreeSet::new));
        Set<String> kinds = many(parameters, "kind").stream()
                .map(k -> parseEnum(DealKind.class, "kind", k).name()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> procedures = many(parameters, "procedure").stream().map(p -> {
            if (!p.matches("[A-Z][A-Z0-9_]{0,59}")) {
                throw new DomainException(FeedError.FEEDS_BAD_PARAMETER, "procedure", p);
            }
            return p;
        }).collect(Collectors.toCollection(TreeSet::new));
        String region = single(parameters, "region");
        if (region != null && !regionExists.test(region)) {
            throw new DomainException(DisclosureError.DISCLOSURE_UNKNOWN_REGION, region);
        }
        Set<String> stages = many(parameters, "stage").stream()
                .map(s -> parseEnum(DealStage.class, "stage", s).name()).collect(Collectors.toCollection(TreeSet::new));
        LocalDate from = date(parameters, "from");
        LocalDate to = date(parameters, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw new DomainException(DisclosureError.DISCLOSURE_BAD_DATE_RANGE, from, to);
        }
        BigDecimal min = amount(parameters, "min");
        BigDecimal max = amount(parameters, "max");
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new DomainException(FeedError.FEEDS_BAD_PARAMETER, "min", min.toPlainString());
        }
        Map<String, List<String>> kept = new LinkedHashMap<>();
        if (text != null) {
            kept.put("q", List.of(text));
        }
        kept.put("type", types.stream().map(Enum::name).toList());
        kept.put("kind", List.copyOf(kinds));
        kept.put("procedure", List.copyOf(procedures));
        kept.put("region", region == null ? List.of() : List.of(region));
        kept.put("stage", List.copyOf(stages));
        kept.put("from", from == null ? List.of() : List.of(from.toString()));
        kept.put("to", to == null ? List.of() : List.of(to.toString()));
        kept.put("min", min == null ? List.of() : List.of(min.toPlainString()));
        kept.put("max", max == null ? List.of() : List.of(max.toPlainString()));
        String canonical = ORDER.stream().filter(k -> kept.containsKey(k) && !kept.get(k).isEmpty())
                .map(k -> k + "=" + kept.get(k).stream().map(v -> URLEncoder.encode(v, StandardCharsets.UTF_8))
                        .collect(Collectors.joining(",")))
                .collect(Collectors.joining("&"));
        if (canonical.length() > MAX_LENGTH) {
            throw new DomainException(FeedError.FEEDS_SEARCH_TOO_LONG, MAX_LENGTH);
        }
        NoticeQuery query = new NoticeQuery(text, types, kinds, procedures, region, stages, from, to, min, max,
                NoticeQuery.Sort.NEWEST, 0, 100);
        return new SavedSearch(canonical, query);
    }

    /** Reads a canonical (or any) query string back, e.g. one kept with a subscription. */
    static SavedSearch parse(String queryString, Predicate<String> regionExists) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (queryString != null && !queryString.isBlank()) {
            for (String pair : queryString.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                // each comma-separated value is decoded on its own, so a comma typed inside words survives (%2C)
                List<String> values = parameters.computeIfAbsent(key, k -> new ArrayList<>());
                if (key.equals("q")) {
                    values.add(URLDecoder.decode(value, StandardCharsets.UTF_8));
                } else {
                    Arrays.stream(value.split(",")).map(v -> URLDecoder.decode(v, StandardCharsets.UTF_8)).forEach(values::add);
                }
            }
        }
        return of(parameters, regionExists);
    }

    /** The same search with its page size (the feed's length). */
    NoticeQuery page(int page, int size) {
        NoticeQuery q = query;
        return new NoticeQuery(q.text(), q.types(), q.dealKinds(), q.procedures(), q.regionCode(), q.stages(), q.from(),
                q.to(), q.minValue(), q.maxValue(), NoticeQuery.Sort.NEWEST, page, size);
    }

    private static String single(Map<String, ? extends Collection<String>> parameters, String name) {
        Collection<String> values = parameters.get(name);
        if (values == null) {
            return null;
        }
        String joined = values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip)
                .collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }

    private static List<String> many(Map<String, ? extends Collection<String>> parameters, String name) {
        Collection<String> values = parameters.get(name);
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(v -> v != null).flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(FeedError.FEEDS_BAD_PARAMETER, name, value);
        }
    }

    private static LocalDate date(Map<String, ? extends Collection<String>> parameters, String name) {
        String value = single(parameters, name);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new DomainException(FeedError.FEEDS_BAD_PARAMETER, name, value);
        }
    }

    private static BigDecimal amount(Map<String, ? extends Collection<String>> parameters, String name) {
        String value = single(parameters, name);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value.replace(",", ""));
            if (amount.signum() < 0 || amount.precision() > 20) {
                throw new NumberFormatException();
            }
            return amount.stripTrailingZeros();
        } catch (NumberFormatException e) {
            throw new DomainException(FeedError.FEEDS_BAD_PARAMETER, name, value);
        }
    }
}
