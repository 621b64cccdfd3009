package org.sunbid.platform.mall.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A comparison (比价) among suppliers' quotes: at least {@link #MIN_QUOTES} quotes from as many different suppliers
 * (as 询价 needs three, 政府采购法 Art. 40, which live e-malls follow for 比价 [F:code]); the lowest price wins, a tie
 * goes to the earlier quote (server time decides, domain-2 §0).
 */
public final class Comparison {

    public static final int MIN_QUOTES = 3;

    private Comparison() {
    }

    /** One supplier's quote for the unit. */
    public record Quote(UUID listingId, UUID supplierId, BigDecimal unitPrice, Instant at) {
        public Quote {
            Objects.requireNonNull(listingId);
            Objects.requireNonNull(supplierId);
            Objects.requireNonNull(unitPrice);
            Objects.requireNonNull(at);
        }
    }

    /** Whether {@code quotes} are enough: {@link #MIN_QUOTES} or more, each from a different supplier. */
    public static boolean enough(List<Quote> quotes) {
        long suppliers = quotes.stream().map(Quote::supplierId).distinct().count();
        return suppliers == quotes.size() && suppliers >= MIN_QUOTES;
    }

    /** The winning quote: the lowest price, then the earliest. */
    public static Quote winner(List<Quote> quotes) {
        if (!enough(quotes)) {
            throw new IllegalArgumentException("at least " + MIN_QUOTES + " quotes from different suppliers");
        }
        return lowest(quotes);
    }

    /**
     * The lowest price, then the earliest: how a comparison, a reverse auction and a group purchase all pick their
     * winner ({@code quotes} must not be empty).
     */
    public static Quote lowest(List<Quote> quotes) {
        return quotes.stream().min(ORDER).orElseThrow();
    }

    /** The order of quotes from the winner down: the lowest price, then the earliest. */
    public static final Comparator<Quote> ORDER = Comparator.comparing(Quote::unitPrice).thenComparing(Quote::at);
}
