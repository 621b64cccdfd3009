package org.sunbid.platform.supervision.warnings;

/** The texts a step of a warning asks for, named in WARNING_TEXT_REQUIRED (shown by their label {@code WarningField.*}). */
public enum WarningField {
    /** 研判意见 / 调查记录 / 核查情况. */
    NOTE,
    /** 理由. */
    REASON,
    /** 被处罚单位. */
    PARTY
}
