package org.sunbid.platform.experts;

/** Conduct violations a rating may record (评标专家不良行为); each counts towards the region's status rule. */
public enum Violation {
    /** 无故缺席. */
    ABSENT,
    /** 迟到、早退. */
    LATE,
    /** 应回避而未回避. */
    UNDECLARED_CONFLICT,
    /** 评审明显不公正、不按评标办法评审. */
    UNFAIR_EVALUATION,
    /** 私下接触投标人、收受财物. */
    IMPROPER_CONTACT,
    /** 泄露评审情况. */
    DISCLOSURE
}
