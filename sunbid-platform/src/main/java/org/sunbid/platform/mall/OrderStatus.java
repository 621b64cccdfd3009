package org.sunbid.platform.mall;

/** Where an e-mall order stands. The order is the contract (合同), published when placed. */
public enum OrderStatus {
    /** 已下单: placed, the contract published; the supplier delivers. */
    PLACED,
    /** 已验收: the buyer accepted the delivery (政府采购法实施条例 Art. 45); payment is due. */
    ACCEPTED,
    /** 验收不合格: the buyer refused the delivery, with its reason. */
    REJECTED,
    /** 已付款: paid. */
    PAID
}
