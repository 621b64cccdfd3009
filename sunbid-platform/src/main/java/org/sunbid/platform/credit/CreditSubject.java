package org.sunbid.platform.credit;

import java.util.Objects;

/**
 * Whom a record is about: an organisation by its 统一社会信用代码 (as external lists name them, so a record binds the
 * organisation on every platform and before it registers here), or an expert by the expert's id.
 *
 * @param kind whether an organisation or an expert
 * @param key  the credit code (organisation) or the expert's id (expert)
 */
public record CreditSubject(Kind kind, String key) {

    public enum Kind { ORGANISATION, EXPERT }

    public CreditSubject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("blank subject key");
        }
    }

    public static CreditSubject organisation(String creditCode) {
        return new CreditSubject(Kind.ORGANISATION, creditCode);
    }

    public static CreditSubject expert(java.util.UUID expertId) {
        return new CreditSubject(Kind.EXPERT, expertId.toString());
    }
}
