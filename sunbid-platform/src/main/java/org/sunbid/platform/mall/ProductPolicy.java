package org.sunbid.platform.mall;

/**
 * What the 节能产品/环境标志产品 品目清单 say of a category (财政部 发展改革委 生态环境部 市场监管总局 财库〔2019〕9号,
 * read in a reprint, quoted in STATUS-R.md): "一、对政府采购节能产品、环境标志产品实施品目清单管理 … 确定实施政府优先采购
 * 和强制采购的产品类别 … 以品目清单的形式发布"; "二、依据品目清单和认证证书实施政府优先采购和强制采购 … 依据国家确定的
 * 认证机构出具的、处于有效期之内的 … 认证证书，对获得证书的产品实施政府优先采购或强制采购". ⚠ The mall keeps the
 * certificate number a listing gives; it does not yet check the certificate's validity period.
 */
public enum ProductPolicy {
    /** Not on the lists. */
    NONE,
    /**
     * 优先采购: certified products are shown first and marked. ⚠ 财库〔2019〕9号 names priority without saying how; the
     * e-mall applies no price preference.
     */
    GREEN_PREFERRED,
    /** 强制采购: only certified products may be listed and ordered. */
    MANDATORY
}
