package org.sunbid.platform.procurement;

/** Where an invitation draw's pool comes from (87号令 Art. 14). */
public enum PoolSource {
    /** The platform's supplier database (供应商库): the pool holds at least INVITATION_POOL_FACTOR × the number drawn. */
    DATABASE,
    /** A list of suppliers that passed the purchaser's prequalification (资格预审): no factor. */
    PREQUALIFIED
}
