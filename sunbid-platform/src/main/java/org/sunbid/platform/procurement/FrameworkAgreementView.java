package org.sunbid.platform.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A framework agreement (框架协议) as its collecting body, buyers, suppliers and the public see it. The shortlist (with
 * its agreement prices) is shown only once published; responses are never listed or counted before that.
 *
 * @param id               the agreement
 * @param dealCode         the project code (项目编号) of its first-stage project
 * @param lotId            its lot
 * @param name             its name
 * @param regionCode       its region
 * @param collectorId      the collecting body (征集人: 集中采购机构 or 主管预算单位)
 * @param collectorName    its name
 * @param kind             CLOSED or OPEN
 * @param shortlisting     PRICE_FIRST or QUALITY_FIRST
 * @param category         GOODS or SERVICES
 * @param termMonths       its term in months
 * @param responseDeadline when responses close
 * @param status           COLLECTING or IN_FORCE
 * @param termStart        the start of the term (the shortlist's publication), or null
 * @param termEnd          the end of the term, or null
 * @param items            its items with their maximum unit prices
 * @param members          the shortlist in rotation order (empty before publication)
 * @param notices          its public notices, oldest first
 * @param buyers           who may order under it (适用范围): named budget units, then regions
 * @param responseRound    the competition round on {@code lotId} its responses are sealed to, or null (an agreement from
 *                         before the sealed responses)
 * @param responsesOpened  whether that round was opened and its prices written into the responses
 */
public record FrameworkAgreementView(UUID id, String dealCode, UUID lotId, String name, String regionCode, UUID collectorId,
        String collectorName, String kind, String shortlisting, String category, int termMonths, Instant responseDeadline,
        String status, Instant termStart, Instant termEnd, List<Item> items, List<Member> members, List<Notice> notices,
        List<Buyer> buyers, Integer responseRound, boolean responsesOpened) {

    public FrameworkAgreementView {
        items = List.copyOf(items);
        members = List.copyOf(members);
        notices = List.copyOf(notices);
        buyers = List.copyOf(buyers);
    }

    /**
     * A purchaser or a region of the agreement's scope (适用范围).
     *
     * @param organisationId a named budget unit, or null
     * @param regionCode     a region whose budget units are covered, or null
     * @param name           the budget unit's or the region's name
     */
    public record Buyer(UUID organisationId, String regionCode, String name) {
    }

    /** An item (品目/规格) with its mandatory maximum unit price (最高限制单价). */
    public record Item(int no, String name, String unit, BigDecimal maxUnitPrice) {
    }

    /**
     * A shortlisted (入围) or admitted supplier.
     *
     * @param rank         its place in the rotation order (1 first)
     * @param supplierId   the supplier
     * @param supplierName its name
     * @param prices       item number → its agreement unit price (入围价格)
     * @param qualityScore its quality score under quality-first, or null
     * @param via          RESPONSE (first stage) or JOIN (open agreement)
     */
    public record Member(int rank, UUID supplierId, String supplierName, Map<Integer, BigDecimal> prices,
            BigDecimal qualityScore, String via) {
    }

    /**
     * A public notice of the agreement.
     *
     * @param type        SHORTLIST (入围结果), JOIN (加入结果), ROTATION (顺序轮候成交结果), ORDER_CONTRACT (合同公告),
     *                    ORDER_SUMMARY (成交结果汇总)
     */
    public record Notice(UUID id, String type, String title, String body, Instant publishedAt) {
    }
}
