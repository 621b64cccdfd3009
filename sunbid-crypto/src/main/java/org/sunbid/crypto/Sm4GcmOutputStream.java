package org.sunbid.crypto;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Encrypts what is written to it with {@link Sm4GcmCipher} into the underlying stream, in whole blocks as they fill
 * (as BouncyCastle's {@code CipherOutputStream} does: at most 15 bytes wait in it between writes); closing it
 * encrypts the last partial block, writes the tag, and closes the underlying stream.
 */
final class Sm4GcmOutputStream extends FilterOutputStream {

    private static final int CHUNK = 16 * 1024;

    private final Sm4GcmCipher cipher;
    private final byte[] pending = new byte[16];
    private int pendingLength;
    private byte[] buffer;
    private boolean closed;

    Sm4GcmOutputStream(OutputStream out, Sm4GcmCipher cipher) {
        super(out);
        this.cipher = cipher;
    }

    @Override
    public void write(int b) throws IOException {
        if (closed) {
            throw new IOException("SM4-GCM stream closed");
        }
        pending[pendingLength++] = (byte) b; // no allocation per byte (ZipOutputStream writes its headers so)
        if (pendingLength == 16) {
            process(pending, 0, pending, 0, 1);
            out.write(pending, 0, 16);
            pendingLength = 0;
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("SM4-GCM stream closed");
        }
        if (pendingLength > 0) {
            int n = Math.min(len, 16 - pendingLength);
            System.arraycopy(b, off, pending, pendingLength, n);
            pendingLength += n;
            off += n;
            len -= n;
            if (pendingLength < 16) {
                return;
            }
            process(pending, 0, pending, 0, 1);
            out.write(pending, 0, 16);
            pendingLength = 0;
        }
        int whole = len & ~15;
        if (whole > 0) {
            if (buffer == null) {
                buffer = new byte[CHUNK];
            }
            for (int done = 0; done < whole; ) {
                int n = Math.min(whole - done, CHUNK);
                process(b, off + done, buffer, 0, n / 16);
                out.write(buffer, 0, n);
                done += n;
            }
        }
        int rest = len - whole;
        System.arraycopy(b, off + whole, pending, 0, rest);
        pendingLength = rest;
    }

    private void process(byte[] in, int inOff, byte[] to, int toOff, int blocks) throws IOException {
        try {
            cipher.blocks(in, inOff, to, toOff, blocks);
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Flushes the underlying stream; a partial block (under 16 bytes) waits for more or for {@link #close()}. */
    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        IOException error = null;
        try {
            byte[] last = new byte[16 + Sm4GcmCipher.TAG_LENGTH];
            byte[] tag = cipher.finish(pending, 0, pendingLength, last, 0);
            System.arraycopy(tag, 0, last, pendingLength, tag.length);
            out.write(last, 0, pendingLength + tag.length);
        } catch (IOException e) {
            error = e;
        } catch (IllegalStateException e) {
            error = new IOException(e.getMessage(), e);
        } finally {
            Arrays.fill(pending, (byte) 0);
            if (buffer != null) {
                Arrays.fill(buffer, (byte) 0);
            }
        }
        try {
            out.flush();
            out.close();
        } catch (IOException e) {
            if (error == null) {
                error = e;
            }
        }
        if (error != null) {
            throw error;
        }
    }
}
