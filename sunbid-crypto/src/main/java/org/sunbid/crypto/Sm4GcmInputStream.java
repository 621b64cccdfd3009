package org.sunbid.crypto;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.io.InvalidCipherTextIOException;

/**
 * Decrypts the underlying stream with {@link Sm4GcmCipher}, with the guarantees of BouncyCastle's
 * {@code CipherInputStream} over its GCM cipher, which it replaces: plaintext is returned as it is decrypted (the
 * last 16 bytes read are always held back, since they may be the tag); at the end of the stream the tag is checked
 * and a mismatch makes that read throw {@link InvalidCipherTextIOException} without returning the last partial block;
 * closing the stream before its end checks the tag over what was read so far (so it throws unless everything was
 * read). Memory is bounded: one chunk in, one chunk out.
 */
final class Sm4GcmInputStream extends FilterInputStream {

    private static final int CHUNK = 64 * 1024;

    private final Sm4GcmCipher cipher;
    /** Ciphertext read and not yet decrypted: always the last 16 to 31 bytes read, once 16 are there. */
    private byte[] input = new byte[CHUNK + 32];
    private int inputLength;
    private byte[] output = new byte[CHUNK + 32];
    private int outputPosition;
    private int outputLength;
    private boolean finished;

    Sm4GcmInputStream(InputStream in, Sm4GcmCipher cipher) {
        super(in);
        this.cipher = cipher;
    }

    @Override
    public int read() throws IOException {
        if (outputPosition >= outputLength && nextChunk() < 0) {
            return -1;
        }
        return output[outputPosition++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (outputPosition >= outputLength && len >= CHUNK) {
            // a large read: decrypt straight into the caller's array (one copy of every byte less)
            return fill(b, off, len);
        }
        if (outputPosition >= outputLength && nextChunk() < 0) {
            return -1;
        }
        int n = Math.min(len, outputLength - outputPosition);
        System.arraycopy(output, outputPosition, b, off, n);
        outputPosition += n;
        return n;
    }

    /** Decrypts the next chunk into {@code output}: its length, or -1 at the end. */
    private int nextChunk() throws IOException {
        outputPosition = 0;
        outputLength = 0;
        int n = fill(output, 0, output.length);
        outputLength = Math.max(n, 0);
        return n;
    }

    /**
     * Decrypts the next ciphertext read into {@code target} from {@code off}, at most {@code max} (at least
     * {@link #CHUNK}) bytes: how many, or -1 at the end. Never leaves anything in {@code output}.
     */
    private int fill(byte[] target, int off, int max) throws IOException {
        if (input == null) {
            throw new IOException("SM4-GCM stream closed");
        }
        while (!finished) {
            int n = in.read(input, inputLength, input.length - inputLength);
            if (n < 0) {
                int partial = finish();
                if (partial > 0) {
                    if (target != output) {
                        System.arraycopy(output, 0, target, off, partial);
                        Arrays.fill(output, 0, partial, (byte) 0);
                    }
                    return partial;
                }
                break;
            }
            inputLength += n;
            int whole = Math.min((inputLength - Sm4GcmCipher.TAG_LENGTH) & ~15, max & ~15);
            if (whole > 0) {
                try {
                    cipher.blocks(input, 0, target, off, whole / 16);
                } catch (IllegalStateException e) {
                    throw new IOException(e.getMessage(), e);
                }
                System.arraycopy(input, whole, input, 0, inputLength - whole);
                inputLength -= whole;
                return whole;
            }
        }
        return -1;
    }

    /**
     * Decrypts the last partial block into {@code output} and checks the tag (the last 16 bytes read): the length of
     * that partial block.
     */
    private int finish() throws IOException {
        finished = true;
        if (inputLength < Sm4GcmCipher.TAG_LENGTH) {
            throw new InvalidCipherTextIOException("Error finalising cipher", new InvalidCipherTextException("data too short"));
        }
        int partial = inputLength - Sm4GcmCipher.TAG_LENGTH;
        byte[] tag = cipher.finish(input, 0, partial, output, 0);
        if (!Sm4GcmCipher.tagMatches(tag, input, partial)) {
            Arrays.fill(output, 0, partial, (byte) 0);
            throw new InvalidCipherTextIOException("Error finalising cipher", new InvalidCipherTextException("mac check in GCM failed"));
        }
        return partial;
    }

    /** Skips by reading (and so decrypting and authenticating) what it skips. */
    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n) {
            if (outputPosition >= outputLength && nextChunk() < 0) {
                break;
            }
            int step = (int) Math.min(n - skipped, outputLength - outputPosition);
            outputPosition += step;
            skipped += step;
        }
        return skipped;
    }

    @Override
    public int available() {
        return outputLength - outputPosition;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    @Override
    public void close() throws IOException {
        if (input == null) {
            return;
        }
        try {
            in.close();
        } finally {
            try {
                if (!finished) {
                    outputLength = finish(); // as BouncyCastle's stream does: the tag over what was read, so an early close throws
                }
            } finally {
                Arrays.fill(input, (byte) 0);
                Arrays.fill(output, (byte) 0);
                input = null;
                outputPosition = outputLength = 0;
            }
        }
    }
}
