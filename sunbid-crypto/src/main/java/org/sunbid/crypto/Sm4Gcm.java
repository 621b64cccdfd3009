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
 */
public final class Sm4Gcm {

    /** Key length in bytes. */
    public static final int KEY_LENGTH = 16;
    /** Nonce length in bytes. */
    public static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

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
        return new CipherOutputStream(out, cipher(true, key, nonce, associatedData));
    }

    /**
     * A stream that decrypts {@code in}. Reading to its end checks the tag; an altered ciphertext makes the last read
     * throw {@link java.io.IOException} (BouncyCastle's {@code InvalidCipherTextIOException}).
     */
    public static InputStream decrypting(InputStream in, byte[] key, byte[] nonce, byte[] associatedData) {
        return new CipherInputStream(in, cipher(false, key, nonce, associatedData));
    }

    private static org.bouncycastle.crypto.modes.GCMModeCipher cipher(boolean encrypt, byte[] key, byte[] nonce, byte[] associatedData) {
        if (key.length != KEY_LENGTH || nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("SM4-GCM needs a 16-byte key and a 12-byte nonce");
        }
        org.bouncycastle.crypto.modes.GCMModeCipher cipher = GCMBlockCipher.newInstance(new SM4Engine());
        cipher.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, associatedData));
        return cipher;
    }
}
