package org.sunbid.platform.complaints.domain;

/** The department's decision on a complaint (财政部令第94号 Art. 29–32). */
public enum Outcome {
    /** 投诉事项成立. */
    FOUNDED,
    /** 投诉事项不成立 (缺乏事实依据): counts towards repeat unfounded complaints (94号令 Art. 37). */
    UNFOUNDED,
    /** 部分成立. */
    PARTLY
}
