package org.sunbid.sealing;

/** An envelope that is malformed, altered, not signed by its bidder, or cannot be opened; the message says which. */
public class EnvelopeException extends Exception {

    public EnvelopeException(String message) {
        super(message);
    }

    public EnvelopeException(String message, Throwable cause) {
        super(message, cause);
    }
}
