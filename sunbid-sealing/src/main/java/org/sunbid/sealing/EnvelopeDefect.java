package org.sunbid.sealing;

/** What is wrong with an envelope, for a message in the reader's language. */
public enum EnvelopeDefect {
    /** Not an envelope at all. */
    NOT_AN_ENVELOPE,
    /** A part of the layout is malformed or of an unsupported version. */
    MALFORMED,
    /** The envelope ends early, or has data after its signature. */
    TRUNCATED,
    /** The signature does not match the content: altered, or not signed by the bidder in its header. */
    SIGNATURE_MISMATCH,
    /** The content does not decrypt with the opening key: altered, or sealed for another key. */
    UNDECRYPTABLE,
    /** The content holds what a bid may not: unsafe file names, unexpected entries, no price sheet. */
    UNACCEPTABLE_CONTENT,
    /**
     * A zip bomb: the content decompresses beyond the opening's limits (total size, compression ratio or number of
     * files); unpacking stops at the limit.
     */
    ZIP_BOMB
}
