package org.sunbid.platform.credit;

/** The class of a record of bad behaviour (失信行为分类), 信用修复管理办法 (发改委令第36号) Art. 7–10. */
public enum CreditClass {
    /** 轻微: not published (or at most 3 months where needed). */
    MINOR,
    /** 一般: published 3 months to 1 year. */
    GENERAL,
    /** 严重: published 1 to 3 years. */
    SERIOUS
}
