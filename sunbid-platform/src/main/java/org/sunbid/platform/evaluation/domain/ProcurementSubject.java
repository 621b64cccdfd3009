package org.sunbid.platform.evaluation.domain;

/** What a government procurement buys (采购标的, 政府采购法 Art. 2): the kind decides the price weight's floor (87号令 Art. 55). */
public enum ProcurementSubject {
    /** 货物. */
    GOODS,
    /** 服务. */
    SERVICES
}
