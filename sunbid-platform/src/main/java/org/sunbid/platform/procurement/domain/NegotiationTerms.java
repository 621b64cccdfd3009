package org.sunbid.platform.procurement.domain;

import java.time.Duration;
import java.util.Optional;

import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleKeys;

/**
 * What a lot's dated rules say about its negotiation, resolved at the event's instant (never from the method's name).
 *
 * @param roundsAllowed  {@link RuleKeys#NEGOTIATION_ROUNDS}: whether the method negotiates at all (谈判, 磋商, 单一来源 do;
 *                       询价 does not — 74号令 Art. 51)
 * @param roundsArticle  the article of that rule, or of its absence
 * @param finalOffersMin the fewest remaining suppliers the negotiation goes on with ({@link RuleKeys#FINAL_OFFERS_MIN},
 *                       or {@link RuleKeys#FINAL_OFFERS_MIN_SERVICES} for a services lot where that rule is in force), or
 *                       empty where the method has none (单一来源)
 * @param changeResponse {@link RuleKeys#ROUND_CHANGE_RESPONSE}: how long after a document change the final offers may be
 *                       called although a supplier has not acknowledged it, or empty (acknowledgement only)
 */
public record NegotiationTerms(boolean roundsAllowed, String roundsArticle, Optional<Limit> finalOffersMin,
        Optional<Limit> changeResponse) {

    /** 74号令 Art. 51: 询价 has no negotiation; the article named when a lot's rules have no rounds. */
    public static final String NO_ROUNDS_ARTICLE = "财政部令第74号第五十一条";

    public NegotiationTerms {
        finalOffersMin = finalOffersMin == null ? Optional.empty() : finalOffersMin;
        changeResponse = changeResponse == null ? Optional.empty() : changeResponse;
    }

    /** The terms of a lot under {@code rules}; {@code services}: the lot buys services (政府购买服务, 财库〔2015〕124号). */
    public static NegotiationTerms of(ProcedureRules rules, boolean services) {
        boolean rounds = rules.holds(RuleKeys.NEGOTIATION_ROUNDS);
        Optional<Limit> min = services && rules.find(RuleKeys.FINAL_OFFERS_MIN_SERVICES).isPresent()
                ? rules.find(RuleKeys.FINAL_OFFERS_MIN_SERVICES) : rules.find(RuleKeys.FINAL_OFFERS_MIN);
        return new NegotiationTerms(rounds, rounds ? rules.limit(RuleKeys.NEGOTIATION_ROUNDS).article() : NO_ROUNDS_ARTICLE,
                min, rules.find(RuleKeys.ROUND_CHANGE_RESPONSE));
    }

    /** The response time after a change, or empty. */
    public Optional<Duration> responseTime() {
        return changeResponse.map(Limit::duration);
    }
}
