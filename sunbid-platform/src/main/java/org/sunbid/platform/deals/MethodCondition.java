package org.sunbid.platform.deals;

import java.time.LocalDate;

/**
 * One condition of use of a procurement method (适用情形), maintained and dated data ({@code deal_method_condition}):
 * e.g. 竞争性谈判 "技术复杂或者性质特殊" (74号令 Art. 27), 单一来源 "只能从唯一供应商处采购" (政府采购法 Art. 31).
 *
 * @param procedureCode     the method, e.g. {@code ZFCG_NEGOTIATION}
 * @param code              the condition's stable code, named after its article (e.g. {@code GPL74_27_2_COMPLEX})
 * @param position          its place in the article's list
 * @param textZh            the article's words
 * @param textEn            an English rendering
 * @param article           the article, e.g. 财政部令第74号第二十七条第一款第（二）项
 * @param requiresPublicity whether choosing it above the open-tender threshold needs a publicity before approval
 *                          (实施条例 Art. 38: the unique supplier of a single source)
 * @param effectiveFrom     first day in force (Beijing date)
 * @param effectiveTo       last day in force, or null
 */
public record MethodCondition(String procedureCode, String code, int position, String textZh, String textEn, String article,
        boolean requiresPublicity, LocalDate effectiveFrom, LocalDate effectiveTo) {

    /** Whether the condition is in force on {@code date}. */
    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }
}
