package org.sunbid.platform.tendering;

/** Where a tender stands in its procedure. */
public enum TenderStatus {
    /** 草稿: being prepared by the tenderee or agency; not public. */
    DRAFT,
    /** 已发布: notice published, documents available, bids may be prepared. */
    PUBLISHED,
    /** 暂停: suspended while an objection to the documents is answered (Reg. 22). */
    SUSPENDED,
    /** 投标截止: the bid deadline has passed; opening follows. */
    BIDDING_CLOSED,
    /** 终止: the procedure was ended. */
    TERMINATED;

    /** Whether nothing can happen to the tender any more in this part of the procedure. */
    public boolean isFinal() {
        return this == TERMINATED;
    }
}
