package org.sunbid.crypto;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * An output stream that passes every byte to the stream it wraps and hashes it with SM3 on the way, so what is written
 * and what is hashed come from one pass over the bytes. Only bytes the wrapped stream accepted are hashed and counted
 * (a write that throws leaves both as they were before it).
 *
 * <p>{@link #digest()} may be asked at any point and the stream goes on: the digest of a prefix (say, the signed part
 * of an envelope) and of the whole are both had from a single hashing of the bytes. Not thread-safe.
 */
public final class Sm3OutputStream extends FilterOutputStream {

    private final SM3Digest digest = new SM3Digest();
    private long count;

    /** Hashes what is written to {@code out} ({@link OutputStream#nullOutputStream()} to only hash). */
    public Sm3OutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        digest.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        digest.update(b, off, len);
        count += len;
    }

    /** The SM3 digest of every byte written so far; writing may go on. */
    public byte[] digest() {
        byte[] out = new byte[Sm3.DIGEST_LENGTH];
        new SM3Digest(digest).doFinal(out, 0);
        return out;
    }

    /** {@link #digest()} as lower-case hex. */
    public String hex() {
        return java.util.HexFormat.of().formatHex(digest());
    }

    /** How many bytes were written so far. */
    public long count() {
        return count;
    }
}
