package org.sunbid.sealing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm2Certificates;
import org.sunbid.crypto.Sm3;
import org.sunbid.crypto.Sm3OutputStream;

/**
 * Checking an envelope while it streams to storage ({@link Envelope#verify(InputStream, Sm3OutputStream)}) decides
 * exactly as checking it afterwards ({@link Envelope#verify(InputStream)}): the same result on a good envelope, the same
 * defect and message on every bad one {@link EnvelopeTest} builds and on more; what it copies is what it read.
 */
class EnvelopeOnePassTest {

    private static final Instant NOW = Instant.parse("2026-11-23T01:30:00Z");
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;

    private final UUID tenderId = UUID.randomUUID();
    private KeyPair opening;
    private KeyPair bidderKeys;
    private X509Certificate bidder;

    @BeforeEach
    void setUp() throws IOException {
        opening = Sm2.generateKeyPair();
        bidderKeys = Sm2.generateKeyPair();
        KeyPair ca = Sm2.generateKeyPair();
        X509Certificate root = Sm2Certificates.selfSignedRoot("CN=Test CA", ca, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
        bidder = Sm2Certificates.issue(root, ca.getPrivate(), "CN=云州第一建筑工程有限公司,C=CN", bidderKeys.getPublic(),
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
    }

    /** An envelope with one file of {@code size} random bytes; checks that sealing answered the SM3 of its bytes. */
    private byte[] seal(int size, java.security.PrivateKey signer) throws IOException {
        byte[] file = new byte[size];
        new Random(size).nextBytes(file);
        Path bid = dir.resolve("bid-" + size + ".pdf");
        Files.write(bid, file);
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("商务标.pdf", bid);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String sm3 = Envelope.seal(new Envelope.Contents(tenderId, "{\"totalPrice\":\"36280000.00\"}",
                Map.of("tool", "sunbid-bidder 0.1"), files), opening.getPublic(), signer, bidder, NOW, out);
        byte[] envelope = out.toByteArray();
        assertEquals(Sm3.hex(envelope), sm3);
        return envelope;
    }

    /** What a check decided, as text: the whole verified result, or the defect and its message. */
    private static String afterwards(byte[] envelope) {
        try {
            return describe(Envelope.verify(new ByteArrayInputStream(envelope)));
        } catch (EnvelopeException e) {
            return e.defect() + ": " + e.getMessage();
        } catch (RuntimeException e) {
            return "THREW " + e;
        }
    }

    /**
     * The one-pass check of {@code envelope}, with what it copied checked: the bytes it read, no more (the rest is
     * still in the stream), all of them when it accepts, and a copy digest that is the envelope's SM3.
     */
    private static String onePass(byte[] envelope) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(envelope);
        ByteArrayOutputStream copied = new ByteArrayOutputStream();
        Sm3OutputStream copy = new Sm3OutputStream(copied);
        String decided;
        try {
            Envelope.Verified verified = Envelope.verify(in, copy);
            assertArrayEquals(envelope, copied.toByteArray());
            assertEquals(copy.hex(), verified.sm3());
            decided = describe(verified);
        } catch (EnvelopeException e) {
            decided = e.defect() + ": " + e.getMessage();
        } catch (RuntimeException e) {
            decided = "THREW " + e;
        }
        byte[] read = copied.toByteArray();
        assertEquals(copy.count(), read.length);
        assertArrayEquals(Arrays.copyOf(envelope, read.length), read, "the copy is what was read");
        assertEquals(envelope.length - read.length, in.available(), "nothing was read ahead of the copy");
        return decided;
    }

    private static String describe(Envelope.Verified v) {
        Envelope.Header h = v.header();
        return "VALID v" + h.version() + " " + h.tenderId() + " " + h.bidder().getSubjectX500Principal() + " "
                + HEX.formatHex(h.bidder().getPublicKey().getEncoded()) + " " + h.openingKeySm3() + " "
                + HEX.formatHex(h.wrappedKey()) + " " + HEX.formatHex(h.nonce()) + " " + h.sealedAt() + " "
                + HEX.formatHex(h.raw()) + " sm3 " + v.sm3() + " size " + v.size();
    }

    private static String same(byte[] envelope) throws IOException {
        String expected = afterwards(envelope);
        assertEquals(expected, onePass(envelope));
        return expected;
    }

    private static byte[] with(byte[] envelope, int at, int... bytes) {
        byte[] altered = envelope.clone();
        for (int i = 0; i < bytes.length; i++) {
            altered[at + i] = (byte) bytes[i];
        }
        return altered;
    }

    private static int headerLength(byte[] envelope) {
        return ((envelope[6] & 0xff) << 24) | ((envelope[7] & 0xff) << 16) | ((envelope[8] & 0xff) << 8) | (envelope[9] & 0xff);
    }

    @Test
    void aGoodEnvelopeGivesTheSameResultAndIsCopiedWhole() throws Exception {
        byte[] good = seal(3 * 1024 * 1024 + 17, bidderKeys.getPrivate());
        String decided = same(good);
        assertTrue(decided.startsWith("VALID") && decided.contains("sm3 " + Sm3.hex(good) + " size " + good.length), decided);
        assertTrue(same(seal(0, bidderKeys.getPrivate())).startsWith("VALID"));
    }

    @Test
    void everyDefectIsTheSameDefectWithTheSameMessage() throws Exception {
        byte[] good = seal(3 * 1024 * 1024 + 17, bidderKeys.getPrivate());
        int header = headerLength(good);
        int signatureAt = -1; // where the signature's u16 length sits: found from the end (an SM2 signature is ~70 bytes)
        for (int length = 64; length <= 128 && signatureAt < 0; length++) {
            int at = good.length - length - 2;
            if (((good[at] & 0xff) << 8 | (good[at + 1] & 0xff)) == length) {
                signatureAt = at;
            }
        }
        assertTrue(signatureAt > 0);
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("a byte of ciphertext", with(good, good.length / 2, good[good.length / 2] ^ 1));
        cases.put("a byte of the header", with(good, 60, good[60] ^ 1));
        cases.put("a byte of the header JSON's syntax", with(good, 10, '['));
        cases.put("truncated", Arrays.copyOf(good, good.length - 10));
        cases.put("a byte after the signature", Arrays.copyOf(good, good.length + 1));
        cases.put("a zip", "PK\u0003\u0004 a zip, not an envelope".getBytes(StandardCharsets.ISO_8859_1));
        cases.put("nothing", new byte[0]);
        cases.put("the magic alone", Arrays.copyOf(good, 6));
        cases.put("a header of length 0", with(good, 6, 0, 0, 0, 0));
        cases.put("a header too long", with(good, 6, 0, 1, 0, 1));
        cases.put("a header longer than the envelope", with(Arrays.copyOf(good, 10 + header - 1), 6, 0, 0, header >>> 8, header & 0xff));
        cases.put("a chunk too long", with(good, 10 + header, 0, 1, 0, 1));
        cases.put("a negative chunk length", with(good, 10 + header, 0x80, 0, 0, 0));
        cases.put("a chunk longer than the envelope", with(good, 10 + header, 0, 0, 0xff, 0xff));
        cases.put("a signature of length 0", with(good, signatureAt, 0, 0));
        cases.put("a signature too long", with(good, signatureAt, 0, 200));
        cases.put("a signature longer than the envelope", with(good, signatureAt, 0, 100));
        cases.put("the signature cut", Arrays.copyOf(good, signatureAt + 2));
        ByteArrayOutputStream resigned = new ByteArrayOutputStream(); // another key cannot keep the bidder's certificate
        Envelope.seal(new Envelope.Contents(tenderId, "{}", Map.of(), Map.of()), opening.getPublic(),
                Sm2.generateKeyPair().getPrivate(), bidder, NOW, resigned);
        cases.put("signed by another key", resigned.toByteArray());

        for (var c : cases.entrySet()) {
            String decided = same(c.getValue());
            assertTrue(!decided.startsWith("VALID"), c.getKey() + " was accepted");
        }
        assertTrue(same(cases.get("a byte of ciphertext")).startsWith("SIGNATURE_MISMATCH"));
        assertTrue(same(cases.get("a zip")).startsWith("NOT_AN_ENVELOPE"));
        assertTrue(same(cases.get("a byte after the signature")).startsWith("TRUNCATED: data after the signature"));
        assertTrue(same(cases.get("a chunk too long")).startsWith("MALFORMED: malformed content"));
        assertTrue(same(cases.get("a signature of length 0")).startsWith("MALFORMED: malformed signature"));
    }

    @Test
    void anEnvelopeCutAnywhereIsTheSameDefect() throws Exception {
        byte[] small = seal(100, bidderKeys.getPrivate());
        for (int length = 0; length < small.length; length += 3) {
            assertTrue(same(Arrays.copyOf(small, length)).startsWith("TRUNCATED") || length <= 10,
                    "cut at " + length + ": " + afterwards(Arrays.copyOf(small, length)));
        }
        for (int at = 0; at < small.length; at += 5) { // any single byte flipped: never accepted, decided alike
            assertTrue(!same(with(small, at, small[at] ^ 0x40)).startsWith("VALID"), "flipped at " + at);
        }
    }

    @Test
    void aFailingStreamIsAnUnreadableEnvelopeAfterwardsAndAnErrorOfTheStreamInOnePass() throws Exception {
        byte[] good = seal(200_000, bidderKeys.getPrivate());
        EnvelopeException unreadable = assertThrows(EnvelopeException.class, () -> Envelope.verify(failingAfter(good, 100_000)));
        assertEquals(EnvelopeDefect.MALFORMED, unreadable.defect());
        assertTrue(unreadable.getMessage().startsWith("unreadable envelope: connection reset"), unreadable.getMessage());
        // Streaming an upload, a broken connection is no defect of the envelope: it is the stream's error.
        IOException reset = assertThrows(IOException.class,
                () -> Envelope.verify(failingAfter(good, 100_000), new Sm3OutputStream(OutputStream.nullOutputStream())));
        assertEquals("connection reset", reset.getMessage());
        // Nor is a copy that cannot take more (a full disk, a size limit).
        OutputStream full = new OutputStream() {
            long left = 50_000;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if ((left -= len) < 0) {
                    throw new IOException("no space left");
                }
            }
        };
        IOException noSpace = assertThrows(IOException.class,
                () -> Envelope.verify(new ByteArrayInputStream(good), new Sm3OutputStream(full)));
        assertEquals("no space left", noSpace.getMessage());
        // A copy that already holds bytes would give a wrong digest: refused before anything is read.
        Sm3OutputStream used = new Sm3OutputStream(OutputStream.nullOutputStream());
        used.write(1);
        assertThrows(IllegalArgumentException.class, () -> Envelope.verify(new ByteArrayInputStream(good), used));
    }

    private static InputStream failingAfter(byte[] bytes, int after) {
        return new InputStream() {
            int at;

            @Override
            public int read() throws IOException {
                if (at >= after) {
                    throw new IOException("connection reset");
                }
                return bytes[at++] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (at >= after) {
                    throw new IOException("connection reset");
                }
                int n = Math.min(len, after - at);
                System.arraycopy(bytes, at, b, off, n);
                at += n;
                return n;
            }
        };
    }
}
