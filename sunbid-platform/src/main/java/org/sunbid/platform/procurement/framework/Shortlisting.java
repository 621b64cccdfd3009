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
 * The first stage's shortlist (入围): the qualified responses ranked by the agreement's method. A closed agreement
 * shortlists the first {@code count} and eliminates the rest, refused if that eliminates fewer than the rule requires
 * (⚠ ≥ 20 % and ≥ 1, {@link FrameworkTerms#eliminationRequired}); the ranking methods (价格优先法, 质量优先法) are those
 * of the closed procedure. An open agreement eliminates nobody: it is one that "愿意接受协议条件的供应商可以随时申请加入"
 * (110号令's definition of 开放式框架协议采购, quoted in STATUS-R.md), so every qualified respondent is admitted, in
 * ranked order. Either is refused if fewer than the minimum responded.
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

    /** Ranks {@code qualified} by {@code method} and shortlists the first {@code count} of a closed agreement. */
    public static Result shortlist(List<Response> qualified, int count, ShortlistMethod method, FrameworkTerms terms) {
        return shortlist(qualified, count, AgreementKind.CLOSED, method, terms);
    }

    /**
     * Ranks {@code qualified} by {@code method}; a closed agreement shortlists the first {@code count}, an open one
     * admits them all ({@code count} 0, i.e. not given, or exactly their number).
     */
    public static Result shortlist(List<Response> qualified, int count, AgreementKind kind, ShortlistMethod method,
            FrameworkTerms terms) {
        int n = qualified.size();
        if (n < terms.respondentsMin().whole()) {
            throw new DomainException(FrameworkError.GPL110_RESPONDENTS_TOO_FEW, terms.respondentsMin().whole(), n,
                    terms.respondentsMin().article());
        }
        if (kind == AgreementKind.OPEN) {
            if (count != 0 && count != n) {
                throw new DomainException(FrameworkError.GPL110_OPEN_ADMITS_ALL, n, count);
            }
            count = n;
        }
        int required = terms.eliminationRequired(kind, n);
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
