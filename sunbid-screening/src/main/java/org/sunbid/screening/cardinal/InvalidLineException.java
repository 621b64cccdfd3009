package org.sunbid.screening.cardinal;

/** A line of the input that is not JSON, with its 1-based line number. */
public final class InvalidLineException extends Exception {

    private final long line;

    public InvalidLineException(long line, String reason) {
        super("line " + line + " is invalid JSON: " + reason);
        this.line = line;
    }

    /** The 1-based line number. */
    public long line() {
        return line;
    }
}
