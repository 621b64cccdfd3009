package org.sunbid.platform.credit.lists;

/** What is wrong with a line of an external list's file (its label: {@code LineProblem.<NAME>} in the message bundles). */
public enum LineProblem {
    /** The first line is not {@link ListFile#HEADER}. */
    WRONG_HEADER,
    /** Not UTF-8. */
    NOT_UTF8,
    /** A quote out of place or never closed. */
    BAD_QUOTE,
    /** Not as many fields as the header. */
    WRONG_FIELD_COUNT,
    /** A required field is empty. */
    MISSING_FIELD,
    /** A field longer than {@link ListFile#MAX_FIELD}. */
    FIELD_TOO_LONG,
    /** A control character in a field. */
    CONTROL_CHARACTER,
    /** Not a valid 统一社会信用代码 (GB 32100-2015). */
    BAD_CREDIT_CODE,
    /** Not 轻微/一般/严重 (MINOR/GENERAL/SERIOUS). */
    BAD_CLASS,
    /** Not a date yyyy-MM-dd. */
    BAD_DATE,
    /** An end before its start, or an end without a start. */
    BAD_PERIOD,
    /** An entry id a line above already used. */
    DUPLICATE_ENTRY,
    /** Only the header. */
    NO_ENTRIES,
    /** Over the size or entry limit. */
    TOO_LARGE
}
