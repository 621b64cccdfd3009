package org.sunbid.platform.sealing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.trust.PlatformIdentity;
import org.sunbid.sealing.Envelope;

/**
 * Sealing on arrival (the web path): a price sheet and one plain file, encrypted to an opening key while they stream in
 * — before anything is written, so the plaintext never touches the disk — and signed by the platform on the signed-in
 * account's behalf (a browser cannot sign with the supplier's certificate; the receipt says so). Used by {@link Bids}
 * for bids and by {@link OfferRounds} for final offers, so both seal the same way.
 */
@Component
class ArrivalSealing {

    private final PlatformIdentity platform;
    private final Clock clock;

    ArrivalSealing(PlatformIdentity platform, Clock clock) {
        this.platform = platform;
        this.clock = clock;
    }

    /** What the caller does with the sealed envelope (a temporary file of ciphertext only, deleted afterwards). */
    interface Consumer<T> {
        T accept(InputStream sealed) throws IOException;
    }

    /**
     * Seals {@code priceSheet} and the file {@code plain} (at most {@code maxSize} bytes, {@code ENVELOPE_TOO_LARGE}
     * beyond) for {@code tenderId} to {@code openingKey}, and hands the envelope to {@code then}.
     */
    <T> T seal(UUID tenderId, String fileName, String priceSheet, InputStream plain, long maxSize, PublicKey openingKey,
            String ip, CurrentUser user, Consumer<T> then) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("tool", "sunbid web (sealed on arrival)");
        metadata.put("sealedFor", user.username());
        // A browser gives no machine fingerprint: recorded as none at the opening. The address stays out of the envelope
        // (sealing keeps only its keyed hash, Bids).
        metadata.put("machine", Map.of());
        Path sealed = null;
        try {
            sealed = Files.createTempFile("sealed-on-arrival", ".sbenv"); // ciphertext only
            try (OutputStream out = Files.newOutputStream(sealed)) {
                Envelope.sealStream(tenderId, priceSheet, metadata, fileName, new LimitedInput(plain, maxSize), openingKey,
                        platform::sign, platform.certificate(), clock.instant(), out);
            }
            try (InputStream in = Files.newInputStream(sealed)) {
                return then.accept(in);
            }
        } catch (LimitedInput.TooLarge e) {
            throw new DomainException(SealingError.ENVELOPE_TOO_LARGE, maxSize);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("not an acceptable file name")) {
                throw new DomainException(SealingError.ENVELOPE_INVALID, org.sunbid.sealing.EnvelopeDefect.UNACCEPTABLE_CONTENT);
            }
            throw new UncheckedIOException(e);
        } finally {
            if (sealed != null) {
                try {
                    Files.deleteIfExists(sealed);
                } catch (IOException e) {
                    // a temporary ciphertext; harmless
                }
            }
        }
    }

    /** Reads at most {@code limit} bytes, then refuses. */
    private static final class LimitedInput extends java.io.FilterInputStream {
        static final class TooLarge extends IOException {
        }

        private long left;

        LimitedInput(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && --left < 0) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0 && (left -= n) < 0) {
                throw new TooLarge();
            }
            return n;
        }
    }
}
