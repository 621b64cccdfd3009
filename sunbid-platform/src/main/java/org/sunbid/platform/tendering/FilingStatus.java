package org.sunbid.platform.tendering;

/** Where a filing of tender documents with the supervisor (招标文件备案) stands. */
public enum FilingStatus {
    /** 待审查: filed, the supervision department has not decided. */
    PENDING,
    /** 已接受: the documents may be published as filed. */
    ACCEPTED,
    /** 已退回: returned with the department's reasons; the owner changes the documents and files again. */
    RETURNED
}
