package org.sunbid.platform.procurement.framework;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.procurement.FrameworkError;

/**
 * The first stage's shortlist (入围): the qualified responses ranked by the agreement's method, the first {@code count}
 * shortlisted, the rest eliminated. Refused if fewer than the minimum responded, or if it would eliminate fewer than the
 * rule requires (⚠ ≥ 20 % and ≥ 1, {@link FrameworkTerms#eliminationRequired}).
 */
public final class Shortlisting {

    private Shortlisting() {
    }

    /**
     * A qualified response.
     *
     * @param supplierId   the supplier
     * @param totalPrice   the sum of its unit prices over the items (价格优先法 ranks by it)
     * @param qualityScore its quality score (质量优先法), or null under price-first
     * @param submittedAt  when it arrived (the earlier one wins a full tie)
     */
    public record Response(UUID supplierId, BigDecimal totalPrice, BigDecimal qualityScore, Instant submittedAt) {
        public Response {
            Objects.requireNonNull(supplierId);
            Objects.requireNonNull(totalPrice);
            Objects.requireNonNull(submittedAt);
        }
    }

    /** The outcome: the shortlisted in rank order (rank 1 first; also the rotation order) and the eliminated. */
    public record Result(List<Response> shortlisted, List<Response> eliminated) {
    }

    /** Ranks {@code qualified} by {@code method} and shortlists the first {@code count}. */
    public static Result shortlist(List<Response> qualified, int count, ShortlistMethod method, FrameworkTerms terms) {
        int n = qualified.size();
        if (n < terms.respondentsMin().whole()) {
            throw new DomainException(FrameworkError.GPL110_RESPONDENTS_TOO_FEW, terms.respondentsMin().whole(), n,
                    terms.respondentsMin().article());
        }
        int required = terms.eliminationRequired(n);
        if (count < 1 || count > n || n - count < required) {
            throw new DomainException(FrameworkError.GPL110_ELIMINATION_TOO_LOW, required, Math.max(0, n - count),
                    terms.eliminationPercent().article());
        }
        Comparator<Response> byPrice = Comparator.comparing(Response::totalPrice);
        Comparator<Response> order = method == ShortlistMethod.PRICE_FIRST ? byPrice
                : Comparator.comparing((Response r) -> quality(r)).reversed().thenComparing(byPrice);
        List<Response> ranked = new ArrayList<>(qualified);
        ranked.sort(order.thenComparing(Response::submittedAt));
        return new Result(List.copyOf(ranked.subList(0, count)), List.copyOf(ranked.subList(count, n)));
    }

    private static BigDecimal quality(Response r) {
        if (r.qualityScore() == null) {
            throw new DomainException(FrameworkError.FRAMEWORK_INVALID, "qualityScores: one for each response");
        }
        return r.qualityScore();
    }
}
