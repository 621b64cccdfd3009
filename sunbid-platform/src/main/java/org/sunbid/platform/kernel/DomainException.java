package org.sunbid.platform.kernel;

import java.util.Arrays;

/**
 * A refusal by a business rule or by input validation: carries a stable {@link ErrorCode} and the arguments for its
 * message. Thrown before anything is changed, or inside the transaction that it then rolls back.
 *
 * <p>The exception message is for logs and never holds a secret; what users read comes from the message bundle.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode errorCode;
    private final transient Object[] arguments;

    public DomainException(ErrorCode errorCode, Object... arguments) {
        super(errorCode.code() + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.errorCode = errorCode;
        this.arguments = arguments.clone();
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** The arguments of the message {@code error.<code>}. */
    public Object[] arguments() {
        return arguments.clone();
    }
}
