package org.sunbid.platform.procurement.framework;

/** Closed or open framework agreement (封闭式/开放式框架协议). */
public enum AgreementKind {
    /** 封闭式: the shortlist is fixed for the term (the norm). */
    CLOSED,
    /** 开放式: suppliers that meet the terms may join during the term. */
    OPEN
}
