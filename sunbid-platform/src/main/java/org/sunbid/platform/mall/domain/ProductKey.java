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

    static String norm(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
