package org.sunbid.platform.kernel;

/**
 * A stable, machine-readable error code. Each context has an enum of its own codes; the code is what API clients
 * match on, and the message bundle key {@code error.<code>} gives the text people read (zh-CN first).
 */
public interface ErrorCode {

    /** The stable code, e.g. {@code INVALID_CREDIT_CODE}: an enum constant's name. Never changes once published. */
    default String code() {
        return ((Enum<?>) this).name();
    }

    /** The HTTP status this error maps to. */
    int httpStatus();
}
