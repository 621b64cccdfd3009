package org.sunbid.platform.procurement.framework;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.procurement.FrameworkError;

/**
 * What a framework lot's dated rules (procedure {@code ZFCG_FRAMEWORK}, deals' V430, worded by V500) say, resolved at the
 * event's instant. Each limit keeps its basis text. Checked against published text (STATUS-R.md): the closed form as the
 * main one, the open form's definition, the mandatory maximum unit price, price-first and quality-first, and the
 * contract's publication within 2 working days (政府采购法实施条例 Art. 50) are read; no 110号令 article number could be
 * read ("条次待核 ⚠"), and the respondents minimum, the elimination share and the terms are still [M ⚠].
 *
 * @param closedArticle      封闭式 allowed (the norm) and its article
 * @param openArticle        开放式 allowed and its article, or null where the rules do not allow it
 * @param maxUnitPriceArticle the article that makes the 最高限制单价 mandatory
 * @param priceFirstArticle  价格优先法's article, or null
 * @param qualityFirstArticle 质量优先法's article, or null
 * @param respondentsMin     fewest qualified respondents for shortlisting
 * @param eliminationPercent the least share a closed agreement eliminates ([M ⚠] "一般不得低于20%")
 * @param eliminationMin     the fewest a closed agreement eliminates ([M ⚠] at least one)
 * @param termGoods          the longest term of a goods agreement ([M ⚠] "一般不超过1年")
 * @param termServices       the longest term of a services agreement ([M ⚠] "一般不超过2年")
 * @param orderPublication   how long after an order's contract its publication may come (2 工作日, 条例 Art. 50)
 */
public record FrameworkTerms(String closedArticle, String openArticle, String maxUnitPriceArticle, String priceFirstArticle,
        String qualityFirstArticle, Limit respondentsMin, Limit eliminationPercent, Limit eliminationMin, Limit termGoods,
        Limit termServices, Limit orderPublication) {

    public static final String CLOSED = "FRAMEWORK_CLOSED";
    public static final String OPEN = "FRAMEWORK_OPEN";
    public static final String MAX_UNIT_PRICE_REQUIRED = "MAX_UNIT_PRICE_REQUIRED";
    public static final String PRICE_FIRST = "SHORTLIST_PRICE_FIRST";
    public static final String QUALITY_FIRST = "SHORTLIST_QUALITY_FIRST";
    public static final String RESPONDENTS_MIN = "SHORTLIST_RESPONDENTS_MIN";
    public static final String ELIMINATION_MIN_PERCENT = "ELIMINATION_MIN_PERCENT";
    public static final String ELIMINATION_MIN_COUNT = "ELIMINATION_MIN_COUNT";
    public static final String TERM_GOODS = "TERM_GOODS";
    public static final String TERM_SERVICES = "TERM_SERVICES";
    public static final String ORDER_PUBLICATION = "ORDER_PUBLICATION";

    /** The terms under {@code rules} (a lot whose procedure is not a framework agreement has none: refused). */
    public static FrameworkTerms of(ProcedureRules rules) {
        if (!rules.holds(CLOSED) && !rules.holds(OPEN)) {
            throw new DomainException(FrameworkError.FRAMEWORK_STATE, "not a framework agreement procedure: " + rules.procedureCode());
        }
        return new FrameworkTerms(article(rules, CLOSED), article(rules, OPEN), article(rules, MAX_UNIT_PRICE_REQUIRED),
                article(rules, PRICE_FIRST), article(rules, QUALITY_FIRST), rules.limit(RESPONDENTS_MIN),
                rules.limit(ELIMINATION_MIN_PERCENT), rules.limit(ELIMINATION_MIN_COUNT), rules.limit(TERM_GOODS),
                rules.limit(TERM_SERVICES), rules.limit(ORDER_PUBLICATION));
    }

    private static String article(ProcedureRules rules, String key) {
        return rules.holds(key) ? rules.limit(key).article() : null;
    }

    /** Whether {@code kind} is allowed, refused otherwise. */
    public void requireKind(AgreementKind kind) {
        if ((kind == AgreementKind.CLOSED ? closedArticle : openArticle) == null) {
            throw new DomainException(FrameworkError.FRAMEWORK_INVALID, "kind " + kind + " is not allowed by the rules");
        }
    }

    /** Whether {@code method} is allowed, refused otherwise. */
    public void requireMethod(ShortlistMethod method) {
        if ((method == ShortlistMethod.PRICE_FIRST ? priceFirstArticle : qualityFirstArticle) == null) {
            throw new DomainException(FrameworkError.FRAMEWORK_INVALID, "shortlisting " + method + " is not allowed by the rules");
        }
    }

    /** The longest term of an agreement for {@code services} or goods. */
    public Limit maxTerm(boolean services) {
        return services ? termServices : termGoods;
    }

    /**
     * The fewest suppliers a closed agreement's shortlist out of {@code qualified} must eliminate: the larger of
     * ⌈20 % × qualified⌉ and 1 (⚠ "淘汰比例一般不得低于20%，且至少淘汰一家" is not yet read in the published text; the
     * figures and rounding up, our reading of "不得低于", stay to verify).
     */
    public int eliminationRequired(int qualified) {
        return eliminationRequired(AgreementKind.CLOSED, qualified);
    }

    /**
     * The fewest eliminated for an agreement of {@code kind}: none for an open agreement (every supplier accepting its
     * conditions may join, 110号令's definition), {@link #eliminationRequired(int)} for a closed one.
     */
    public int eliminationRequired(AgreementKind kind, int qualified) {
        if (kind == AgreementKind.OPEN) {
            return 0;
        }
        int byShare = BigDecimal.valueOf(qualified).multiply(eliminationPercent.amount())
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).intValueExact();
        return Math.max(byShare, eliminationMin.whole());
    }
}
