package org.sunbid.platform.mall.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What makes two listings the same product (no duplicate listings, domain-2 §5 [F:S28]): the brand, the model and the
 * specification values, compared without case, full-width forms or spaces, in attribute order. A supplier lists a
 * product once per category; the same product under a different name is still a duplicate.
 */
public final class ProductKey {

    private ProductKey() {
    }

    public static String of(String brand, String model, Map<String, String> specs) {
        StringBuilder key = new StringBuilder(norm(brand)).append('|').append(norm(model));
        new TreeMap<>(specs).forEach((k, v) -> key.append('|').append(norm(k)).append('=').append(norm(v)));
        return key.toString();
    }

    /**
     * Whether a listing's specification values meet {@code asked} (a reverse auction's or group purchase's item): every
     * attribute asked for has the same value, compared as the key compares them; attributes not asked for are free.
     */
    public static boolean meets(Map<String, String> listing, Map<String, String> asked) {
        Map<String, String> have = new TreeMap<>();
        listing.forEach((k, v) -> have.put(norm(k), norm(v)));
        return asked.entrySet().stream().allMatch(e -> norm(e.getValue()).equals(have.get(norm(e.getKey()))));
    }

    static String norm(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
