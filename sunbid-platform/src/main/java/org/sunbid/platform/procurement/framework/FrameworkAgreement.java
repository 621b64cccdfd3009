package org.sunbid.platform.procurement.framework;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.procurement.FrameworkError;

/**
 * A framework agreement (框架协议) as its state machine needs it: collecting responses until the deadline, then in force
 * for its term from the shortlist's publication. Every transition takes {@code now} from the caller.
 *
 * @param id               the agreement
 * @param kind             closed or open
 * @param method           price-first or quality-first
 * @param services         a services agreement (else goods)
 * @param termMonths       its term
 * @param responseDeadline when responses close
 * @param status           where it is
 * @param termStart        when the shortlist was published (null before)
 * @param termEnd          the end of the term (null before)
 * @param items            item number → its maximum unit price (最高限制单价)
 */
public record FrameworkAgreement(UUID id, AgreementKind kind, ShortlistMethod method, boolean services, int termMonths,
        Instant responseDeadline, AgreementStatus status, Instant termStart, Instant termEnd, Map<Integer, BigDecimal> items) {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    public FrameworkAgreement {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(method);
        Objects.requireNonNull(status);
        items = Map.copyOf(items);
    }

    /**
     * Checks a new agreement against {@code terms}: an allowed kind and method, at least one item, every item with a
     * positive maximum unit price (110号令: "应当在征集公告和征集文件中确定框架协议采购的最高限制单价", read), a term
     * within the rule's ([M ⚠] "一般不超过", not read), a deadline after now.
     */
    public static void checkNew(FrameworkTerms terms, AgreementKind kind, ShortlistMethod method, boolean services,
            int termMonths, Instant responseDeadline, List<BigDecimal> maxUnitPrices, Instant now) {
        terms.requireKind(kind);
        terms.requireMethod(method);
        if (maxUnitPrices.isEmpty()) {
            throw new DomainException(FrameworkError.FRAMEWORK_INVALID, "items");
        }
        for (int i = 0; i < maxUnitPrices.size(); i++) {
            BigDecimal max = maxUnitPrices.get(i);
            if (max == null || max.signum() <= 0) {
                throw new DomainException(FrameworkError.GPL110_MAX_UNIT_PRICE_REQUIRED, terms.maxUnitPriceArticle());
            }
        }
        int maxTerm = terms.maxTerm(services).whole();
        if (termMonths <= 0) {
            throw new DomainException(FrameworkError.FRAMEWORK_INVALID, "termMonths");
        }
        // [M ⚠] 110号令 is remembered to say the term is "generally" no longer than 1 year (goods) / 2 years (services);
        // that text was not found to read (STATUS-R.md). We refuse longer terms until the text and its exceptions are.
        if (termMonths > maxTerm) {
            throw new DomainException(FrameworkError.GPL110_TERM_TOO_LONG, maxTerm, termMonths, terms.maxTerm(services).article());
        }
        if (responseDeadline == null || !responseDeadline.isAfter(now)) {
            throw new DomainException(FrameworkError.FRAMEWORK_INVALID, "responseDeadline");
        }
    }

    /**
     * A supplier's response (first stage): only while collecting and before the deadline; every item priced, none above
     * its maximum unit price (110号令, 最高限制单价).
     */
    public void checkResponse(Map<Integer, BigDecimal> prices, FrameworkTerms terms, Instant now) {
        if (status != AgreementStatus.COLLECTING || !now.isBefore(responseDeadline)) {
            throw new DomainException(FrameworkError.FRAMEWORK_RESPONSE_CLOSED, responseDeadline.atZone(BEIJING).toLocalDateTime());
        }
        checkPrices(prices, terms);
    }

    /**
     * A join request of an open agreement during its term (开放式: "愿意接受协议条件的供应商可以随时申请加入"); the same
     * price checks.
     */
    public void checkJoin(Map<Integer, BigDecimal> prices, FrameworkTerms terms, Instant now) {
        if (kind != AgreementKind.OPEN) {
            throw new DomainException(FrameworkError.GPL110_CLOSED_AGREEMENT);
        }
        requireInForce(now);
        checkPrices(prices, terms);
    }

    private void checkPrices(Map<Integer, BigDecimal> prices, FrameworkTerms terms) {
        if (prices == null || !prices.keySet().equals(items.keySet())) {
            throw new DomainException(FrameworkError.FRAMEWORK_INVALID, "prices: one unit price for each item");
        }
        for (Map.Entry<Integer, BigDecimal> p : prices.entrySet()) {
            BigDecimal price = p.getValue();
            if (price == null || price.signum() <= 0 || price.scale() > 2) {
                throw new DomainException(FrameworkError.FRAMEWORK_INVALID, "prices[" + p.getKey() + "]");
            }
            BigDecimal max = items.get(p.getKey());
            if (price.compareTo(max) > 0) {
                throw new DomainException(FrameworkError.GPL110_ABOVE_MAX_UNIT_PRICE, p.getKey(), price.toPlainString(),
                        max.toPlainString(), terms.maxUnitPriceArticle());
            }
        }
    }

    /** Shortlisting is possible once the response period is over, once. */
    public void checkShortlisting(Instant now) {
        if (status != AgreementStatus.COLLECTING) {
            throw new DomainException(FrameworkError.FRAMEWORK_STATE, "already shortlisted");
        }
        if (now.isBefore(responseDeadline)) {
            throw new DomainException(FrameworkError.FRAMEWORK_STATE, "the response period is still running");
        }
    }

    /** The end of the term that starts at {@code start} (calendar months, Beijing). */
    public Instant termEndFrom(Instant start) {
        return start.atZone(BEIJING).plusMonths(termMonths).toInstant();
    }

    /** Orders and joins need the agreement in force and inside its term. */
    public void requireInForce(Instant now) {
        if (status != AgreementStatus.IN_FORCE) {
            throw new DomainException(FrameworkError.FRAMEWORK_STATE, "the agreement is not in force yet");
        }
        if (!now.isBefore(termEnd)) {
            throw new DomainException(FrameworkError.FRAMEWORK_STATE, "the agreement's term ended");
        }
    }
}
