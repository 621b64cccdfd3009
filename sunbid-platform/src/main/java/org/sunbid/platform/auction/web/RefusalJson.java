package org.sunbid.platform.auction.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.ProblemDetail;
import org.sunbid.platform.auction.AuctionError;
import org.sunbid.platform.auction.domain.BidDecision;
import org.sunbid.platform.kernel.Problems;

/**
 * A refused bid's RFC 9457 problem+json, written without Jackson or MessageFormat on the hot path (most answers under
 * load are refusals): per error code and locale the message is rendered ONCE by {@link Problems} with sentinel
 * arguments and kept as a template split at them; a refusal then only concatenates the template with its exact server
 * times and least acceptable bid. The fields are those {@link Problems#of} and Spring MVC give any problem: type,
 * title, status, detail, instance, code, plus {@code receivedAt}, {@code endedAt}, {@code minimumNext} where they apply.
 * The message patterns of these codes take their arguments as plain {@code {n}}, which MessageFormat renders by
 * {@code toString()} — the same text as the template's concatenation.
 */
final class RefusalJson {

    private static final char MARK = '\u0001';
    private static final int MAX_TEMPLATES = 256;

    /** The message split at the sentinel arguments: text, arg index, text, … (parts[2k] text, args[k] its argument). */
    private record Template(String head, String[] texts, int[] args) {
    }

    private final Problems problems;
    private final Map<String, Template> templates = new ConcurrentHashMap<>();

    RefusalJson(Problems problems) {
        this.problems = problems;
    }

    /** The problem+json body of refusal {@code r} answered to a request for {@code path}, in {@code locale}. */
    byte[] of(BidDecision.Refused r, Locale locale, String path) {
        return text(r, locale, path).getBytes(StandardCharsets.UTF_8);
    }

    /** {@link #of} as text (the bid socket embeds it in its answer frame). */
    String text(BidDecision.Refused r, Locale locale, String path) {
        AuctionError code = r.code();
        String key = code.name() + '|' + locale.toLanguageTag();
        Template t = templates.get(key);
        if (t == null) {
            t = template(code, locale);
            if (templates.size() < MAX_TEMPLATES) { // a locale comes from the caller's cookie: never an unbounded cache
                templates.put(key, t);
            }
        }
        String received = r.receivedAt().toString();
        String ended = r.endedAt() == null ? "" : r.endedAt().toString();
        String minimum = SnapshotJson.yuan(r.minimumNext());
        StringBuilder b = new StringBuilder(512).append(t.head());
        for (int i = 0; i < t.texts().length; i++) {
            b.append(t.texts()[i]);
            if (i < t.args().length) {
                int a = t.args()[i];
                b.append(escape(a == 0 ? received : a == 1 ? ended : minimum));
            }
        }
        b.append("\",\"instance\":\"").append(SnapshotJson.escape(path)).append("\",\"code\":\"").append(code.code())
                .append("\",\"receivedAt\":\"").append(received).append('"');
        if (r.endedAt() != null) {
            b.append(",\"endedAt\":\"").append(ended).append('"');
        }
        if (r.minimumNext() > 0) {
            b.append(",\"minimumNext\":\"").append(minimum).append('"');
        }
        return b.append('}').toString();
    }

    private Template template(AuctionError code, Locale locale) {
        ProblemDetail p = problems.of(code, locale, MARK + "0" + MARK, MARK + "1" + MARK, MARK + "2" + MARK);
        String head = "{\"type\":\"" + escape(String.valueOf(p.getType())) + "\",\"title\":\"" + escape(p.getTitle())
                + "\",\"status\":" + p.getStatus() + ",\"detail\":\"";
        String detail = p.getDetail() == null ? "" : p.getDetail();
        java.util.List<String> texts = new java.util.ArrayList<>();
        java.util.List<Integer> args = new java.util.ArrayList<>();
        int from = 0;
        while (true) {
            int at = detail.indexOf(MARK, from);
            if (at < 0 || at + 2 >= detail.length() || detail.charAt(at + 2) != MARK) {
                texts.add(escape(detail.substring(from)));
                break;
            }
            texts.add(escape(detail.substring(from, at)));
            args.add(detail.charAt(at + 1) - '0');
            from = at + 3;
        }
        return new Template(head, texts.toArray(String[]::new), args.stream().mapToInt(Integer::intValue).toArray());
    }

    /** JSON string escaping (quotes, backslash, control characters; other characters as they are, like Jackson). */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                if (b == null) {
                    b = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> b.append(String.format("\\u%04x", (int) c));
                }
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? text : b.toString();
    }

}
