package org.sunbid.platform.experts;

/** Where a draw request stands. */
public enum DrawStatus {
    /** 已申请: awaiting the supervisor's commitment to a secret. */
    REQUESTED,
    /** 待抽取: the secret's hash is committed; at the draw time the pool is fixed and a log head signed. */
    SCHEDULED,
    /** 待揭示密钥: pool and head are fixed; the draw waits for the supervisor to reveal the committed secret. */
    AWAITING_SECRET,
    /** 通知中: drawn; experts are being called and replacements drawn for declines and silence. */
    NOTIFYING,
    /** 已组建: every requested place is confirmed. */
    COMPLETE,
    /** 人数不足: too few eligible experts (the shortfall is named); staff must amend or redraw. */
    SHORT,
    /** 已公开: after the evaluation, the secret, seed and pool are published for anyone to verify. */
    PUBLISHED,
    /** 已撤销. */
    CANCELLED
}
