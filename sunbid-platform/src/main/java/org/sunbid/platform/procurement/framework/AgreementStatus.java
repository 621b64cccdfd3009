package org.sunbid.platform.procurement.framework;

/** Where a framework agreement is. */
public enum AgreementStatus {
    /** 征集中: suppliers respond until the response deadline. */
    COLLECTING,
    /** 已入围/生效: the shortlist is published; orders may be placed during the term. */
    IN_FORCE
}
