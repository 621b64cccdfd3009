package org.sunbid.crypto;

/** A cryptographic operation failed for a reason other than bad input that the caller can correct. */
public class CryptoException extends RuntimeException {

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }

    public CryptoException(String message) {
        super(message);
    }
}
