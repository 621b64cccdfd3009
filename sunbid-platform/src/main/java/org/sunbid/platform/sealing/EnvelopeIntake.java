package org.sunbid.platform.sealing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.sunbid.crypto.Sm3OutputStream;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.FileStore;
import org.sunbid.sealing.Envelope;
import org.sunbid.sealing.EnvelopeException;

/**
 * An arriving envelope (a bid, a final offer, a reserve) stored in one pass (issue 21): read once, checked as it
 * streams ({@link Envelope#verify(InputStream, Sm3OutputStream)}: its structure and its signer's signature), hashed
 * once — the signature is checked over the digest of the very bytes written — and written to the file store, which
 * fsyncs it before the caller may sign a receipt. A refused envelope leaves no file. (Before, the store hashed and
 * wrote the envelope, then it was read back from disk and hashed twice more to be verified.)
 */
final class EnvelopeIntake {

    private EnvelopeIntake() {
    }

    /**
     * Stores and checks the envelope {@code body} (at most {@code limit} bytes: {@link FileStore.TooLargeException}
     * beyond); a defect is {@code ENVELOPE_INVALID}. The caller checks what the header says (tender, key, signer) and
     * closes the upload.
     */
    static FileStore.Written<Envelope.Verified> store(FileStore files, InputStream body, long limit) throws IOException {
        InputStream in = new BufferedInputStream(body, 64 * 1024);
        return files.store(limit, out -> {
            try {
                return Envelope.verify(in, out);
            } catch (EnvelopeException e) {
                // Refused as when the whole body was stored before it was checked: a body over the limit is too large
                // whatever it holds, and the client is answered once it has sent everything (not cut off mid-send).
                drain(in, limit - out.count(), limit);
                throw new DomainException(SealingError.ENVELOPE_INVALID, e.defect());
            }
        });
    }

    /** Reads {@code in} to its end without keeping anything; more than {@code left} bytes is too large. */
    private static void drain(InputStream in, long left, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            if ((left -= n) < 0) {
                throw new FileStore.TooLargeException(limit);
            }
        }
    }
}
