package org.sunbid.platform.intermediaries.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Lowest-quote selection (最低价选取): after the deadline the lowest quote wins; equal quotes go to the one submitted
 * first (then by id, so the result never depends on the database's order).
 */
public final class QuoteOpening {

    private QuoteOpening() {
    }

    /** A quote as submitted. */
    public record Quote(UUID organisationId, BigDecimal amount, Instant submittedAt) {
    }

    /** The winning quote, if any was made. */
    public static Optional<Quote> lowest(List<Quote> quotes) {
        return quotes.stream().min(Comparator.comparing(Quote::amount).thenComparing(Quote::submittedAt)
                .thenComparing(q -> q.organisationId().toString()));
    }
}
