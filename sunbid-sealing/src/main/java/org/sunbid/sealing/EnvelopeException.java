package org.sunbid.sealing;

/** An envelope that is malformed, altered, not signed by its bidder, or cannot be opened; the message says which. */
public class EnvelopeException extends Exception {

    private final EnvelopeDefect defect;

    public EnvelopeException(EnvelopeDefect defect, String message) {
        super(message);
        this.defect = defect;
    }

    public EnvelopeException(EnvelopeDefect defect, String message, Throwable cause) {
        super(message, cause);
        this.defect = defect;
    }

    /** What is wrong, as a code to word in the reader's language. */
    public EnvelopeDefect defect() {
        return defect;
    }
}
