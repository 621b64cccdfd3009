package org.sunbid.platform.mall;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One price a listing is measured against (浙江 电子卖场 listing guide 2025, domain-2 §5 [F:S28]).
 *
 * @param kind       whose price it is
 * @param price      in yuan, per unit
 * @param source     where it was read (a URL or the manufacturer's price list)
 * @param observedOn the day it was read (Beijing)
 * @param fileSm3    the SM3 (hex) of the screenshot or file kept as proof
 */
public record PriceEvidence(Kind kind, BigDecimal price, String source, LocalDate observedOn, String fileSm3) {

    public PriceEvidence {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(observedOn, "observedOn");
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("price must be positive");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source");
        }
        if (fileSm3 == null || !fileSm3.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("fileSm3");
        }
    }

    /** Whose price. */
    public enum Kind {
        /** 生产厂商官方指导价: the manufacturer's official price. */
        MANUFACTURER,
        /** 大型电商自营店同期最低价: a large e-commerce platform's self-run shop's price. */
        ECOMMERCE
    }
}
