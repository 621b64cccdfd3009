package org.sunbid.platform.mall;

/** Where a listing (商品上架) stands; only an approved listing can be ordered from. */
public enum ListingStatus {
    /** 待审核: submitted, waiting for the collecting body's review. */
    PENDING,
    /** 已上架: approved and orderable. */
    APPROVED,
    /** 已退回: returned by the reviewer with a reason; the supplier corrects and submits again. */
    RETURNED,
    /** 已暂停: newer price evidence shows the price above a cap; not orderable until the price is corrected. */
    SUSPENDED,
    /** 已下架: withdrawn by the supplier. */
    WITHDRAWN
}
