package org.sunbid.screening.cardinal;

/** A line that is not one JSON value; the message says why (the caller adds the line number). */
public final class MalformedLineException extends Exception {

    public MalformedLineException(String message) {
        super(message);
    }
}
