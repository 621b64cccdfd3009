package org.sunbid.crypto;

import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.io.CipherInputStream;
import org.bouncycastle.crypto.io.CipherOutputStream;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM4 in GCM mode (128-bit key, 96-bit nonce, 128-bit tag) over streams, with bounded memory: for bid files of
 * hundreds of megabytes. Decryption fails at the end of the stream if the ciphertext or the associated data was altered.
 *
 * <p>Two implementations give the same bytes (the tests check them against each other and the standard vectors):
 * {@link Implementation#TABLES}, this module's own, tuned for the JVM and the default, and
 * {@link Implementation#BOUNCY_CASTLE}, the reference. The system property {@code sunbid.sm4} picks the default:
 * {@code bc} for BouncyCastle (where the table-based cipher's cache-timing exposure matters, see {@link Sm4}),
 * {@code tables} or unset for the tables.
 */
public final class Sm4Gcm {

    /** Key length in bytes. */
    public static final int KEY_LENGTH = 16;
    /** Nonce length in bytes. */
    public static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The implementation {@link #encrypting} and {@link #decrypting} use, from {@code -Dsunbid.sm4}. */
    public static final Implementation DEFAULT = Implementation.fromProperty(System.getProperty("sunbid.sm4"));

    /** Who computes SM4-GCM. */
    public enum Implementation {
        /**
         * Table-based SM4 and Shoup's 8-bit GHASH tables, this module's ({@link Sm4}, {@link Sm4GcmCipher}): about
         * 2.8× BouncyCastle's speed (docs/performance.md).
         */
        TABLES,
        /** BouncyCastle's {@code SM4Engine} in its {@code GCMBlockCipher}: the reference. */
        BOUNCY_CASTLE;

        static Implementation fromProperty(String value) {
            if (value == null || value.isBlank() || value.equalsIgnoreCase("tables")) {
                return TABLES;
            }
            if (value.equalsIgnoreCase("bc") || value.equalsIgnoreCase("bouncycastle")) {
                return BOUNCY_CASTLE;
            }
            throw new IllegalArgumentException("sunbid.sm4 must be 'tables' or 'bc', not '" + value + "'");
        }
    }

    private Sm4Gcm() {
    }

    /** A fresh random content key. */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_LENGTH];
        RANDOM.nextBytes(key);
        return key;
    }

    /** A fresh random nonce: never use one twice with the same key. */
    public static byte[] newNonce() {
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    /** A stream that encrypts what is written to it into {@code out}; closing it writes the tag (and closes {@code out}). */
    public static OutputStream encrypting(OutputStream out, byte[] key, byte[] nonce, byte[] associatedData) {
        return encrypting(DEFAULT, out, key, nonce, associatedData);
    }

    /** {@link #encrypting(OutputStream, byte[], byte[], byte[])} by the given implementation. */
    public static OutputStream encrypting(Implementation implementation, OutputStream out, byte[] key, byte[] nonce,
            byte[] associatedData) {
        check(key, nonce);
        return switch (implementation) {
            case TABLES -> new Sm4GcmOutputStream(out, new Sm4GcmCipher(true, key, nonce, associatedData));
            case BOUNCY_CASTLE -> new CipherOutputStream(out, cipher(true, key, nonce, associatedData));
        };
    }

    /**
     * A stream that decrypts {@code in}. Reading to its end checks the tag; an altered ciphertext makes the last read
     * throw {@link java.io.IOException} (BouncyCastle's {@code InvalidCipherTextIOException}) and withholds the last
     * partial block. Plaintext before it is returned as it is decrypted, before the tag is checked: a reader must
     * treat what it read as unauthenticated until the end (the envelope's opening reads to the end and fails as a
     * whole if the tag does not match). Closing the stream before its end checks the tag over what was read, so it throws.
     */
    public static InputStream decrypting(InputStream in, byte[] key, byte[] nonce, byte[] associatedData) {
        return decrypting(DEFAULT, in, key, nonce, associatedData);
    }

    /** {@link #decrypting(InputStream, byte[], byte[], byte[])} by the given implementation. */
    public static InputStream decrypting(Implementation implementation, InputStream in, byte[] key, byte[] nonce,
            byte[] associatedData) {
        check(key, nonce);
        return switch (implementation) {
            case TABLES -> new Sm4GcmInputStream(in, new Sm4GcmCipher(false, key, nonce, associatedData));
            case BOUNCY_CASTLE -> new CipherInputStream(in, cipher(false, key, nonce, associatedData));
        };
    }

    private static void check(byte[] key, byte[] nonce) {
        if (key.length != KEY_LENGTH || nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("SM4-GCM needs a 16-byte key and a 12-byte nonce");
        }
    }

    private static org.bouncycastle.crypto.modes.GCMModeCipher cipher(boolean encrypt, byte[] key, byte[] nonce, byte[] associatedData) {
        org.bouncycastle.crypto.modes.GCMModeCipher cipher = GCMBlockCipher.newInstance(new SM4Engine());
        cipher.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, associatedData));
        return cipher;
    }
}
