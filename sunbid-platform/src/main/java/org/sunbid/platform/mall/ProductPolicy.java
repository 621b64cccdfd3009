package org.sunbid.platform.mall;

/**
 * What the 节能产品/环境标志产品 品目清单 say of a category (财政部 发展改革委 生态环境部 市场监管总局 财库〔2019〕9号).
 */
public enum ProductPolicy {
    /** Not on the lists. */
    NONE,
    /** 优先采购: certified products are shown first and marked. ⚠ The e-mall applies no price preference. */
    GREEN_PREFERRED,
    /** 强制采购: only certified products may be listed and ordered. */
    MANDATORY
}
