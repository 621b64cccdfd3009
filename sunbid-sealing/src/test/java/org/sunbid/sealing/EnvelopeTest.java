package org.sunbid.sealing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm2Certificates;
import org.sunbid.crypto.Sm3;

/**
 * The bid envelope: sealed by the bidder, checked by anyone without a key, opened only with the tender's opening key —
 * which exists only when enough custodians put their shares together.
 */
class EnvelopeTest {

    private static final Instant NOW = Instant.parse("2026-11-23T01:30:00Z");

    @TempDir
    Path dir;

    private final UUID tenderId = UUID.randomUUID();
    private KeyPair opening;
    private KeyPair bidderKeys;
    private X509Certificate bidder;
    private Map<String, Path> files;
    private byte[] bigFile;

    @BeforeEach
    void setUp() throws IOException {
        opening = Sm2.generateKeyPair();
        bidderKeys = Sm2.generateKeyPair();
        KeyPair ca = Sm2.generateKeyPair();
        X509Certificate root = Sm2Certificates.selfSignedRoot("CN=Test CA", ca, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
        bidder = Sm2Certificates.issue(root, ca.getPrivate(), "CN=云州第一建筑工程有限公司,C=CN", bidderKeys.getPublic(),
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
        bigFile = new byte[3 * 1024 * 1024 + 17];
        new Random(1).nextBytes(bigFile);
        Files.createDirectories(dir.resolve("bid"));
        Files.write(dir.resolve("bid/商务标.pdf"), bigFile);
        Files.writeString(dir.resolve("bid/技术标.docx"), "施工组织设计……");
        files = new LinkedHashMap<>();
        files.put("商务标.pdf", dir.resolve("bid/商务标.pdf"));
        files.put("技术/技术标.docx", dir.resolve("bid/技术标.docx"));
    }

    private Path seal() throws IOException {
        Path envelope = dir.resolve("bid.sbenv");
        try (OutputStream out = Files.newOutputStream(envelope)) {
            Envelope.seal(new Envelope.Contents(tenderId, "{\"totalPrice\":\"36280000.00\",\"durationDays\":540}",
                    Map.of("machine", Sm3.hex("MAC 00:11:22:33:44:55"), "tool", "sunbid-bidder 0.1"), files),
                    opening.getPublic(), bidderKeys.getPrivate(), bidder, NOW, out);
        }
        return envelope;
    }

    @Test
    void anyoneChecksTheSignatureAndOnlyTheOpeningKeyOpens() throws Exception {
        Path envelope = seal();
        Envelope.Verified verified;
        try (var in = Files.newInputStream(envelope)) {
            verified = Envelope.verify(in);
        }
        assertEquals(tenderId, verified.header().tenderId());
        assertEquals(Envelope.keyId(opening.getPublic()), verified.header().openingKeySm3());
        assertEquals(Sm3.hex(Files.readAllBytes(envelope)), verified.sm3());
        assertEquals(Files.size(envelope), verified.size());
        // Nothing of the bid shows in the envelope's bytes.
        String raw = new String(Files.readAllBytes(envelope), StandardCharsets.ISO_8859_1);
        assertTrue(!raw.contains("36280000") && !raw.contains("totalPrice"));

        Envelope.Opened opened = Envelope.open(envelope, opening.getPrivate(), dir.resolve("opened"), 100_000_000);
        assertEquals("{\"totalPrice\":\"36280000.00\",\"durationDays\":540}", opened.priceSheet());
        assertEquals("sunbid-bidder 0.1", opened.metadata().get("tool"));
        assertArrayEquals(bigFile, Files.readAllBytes(dir.resolve("opened/商务标.pdf")));
        assertEquals("施工组织设计……", Files.readString(dir.resolve("opened/技术/技术标.docx")));

        EnvelopeException wrongKey = assertThrows(EnvelopeException.class,
                () -> Envelope.open(envelope, Sm2.generateKeyPair().getPrivate(), dir.resolve("x"), 100_000_000));
        assertTrue(wrongKey.getMessage().contains("does not open"));
    }

    /**
     * Envelopes sealed before the bid's files went in as STORED zip entries (every entry DEFLATED at level 0, as sealing
     * wrote them until session 10) still verify and open to the same files: bids sealed then must open at their opening.
     */
    @Test
    void anEnvelopeSealedTheOldWayWithDeflatedEntriesStillVerifiesAndOpens() throws Exception {
        Path envelope = dir.resolve("old.sbenv");
        String sm3;
        try (OutputStream out = Files.newOutputStream(envelope)) {
            sm3 = Envelope.write(tenderId, opening.getPublic(), bidderKeys.getPrivate(), bidder, NOW, out, zip -> {
                // the former Envelope.seal's body, verbatim: default entries, so DEFLATED (write sets level 0)
                zip.putNextEntry(new ZipEntry(Envelope.PRICE_SHEET));
                zip.write("{\"totalPrice\":\"36280000.00\"}".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(Envelope.METADATA));
                zip.write("{\"tool\":\"sunbid-bidder 0.1\"}".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                for (var f : files.entrySet()) {
                    ZipEntry entry = new ZipEntry(Envelope.FILES + f.getKey());
                    zip.putNextEntry(entry);
                    Files.copy(f.getValue(), zip);
                    zip.closeEntry();
                    assertEquals(ZipEntry.DEFLATED, entry.getMethod());
                }
            });
        }
        try (var in = Files.newInputStream(envelope)) {
            assertEquals(sm3, Envelope.verify(in).sm3());
        }
        Envelope.Opened opened = Envelope.open(envelope, opening.getPrivate(), dir.resolve("opened-old"), 100_000_000);
        assertEquals(sm3, opened.envelope().sm3());
        assertEquals("{\"totalPrice\":\"36280000.00\"}", opened.priceSheet());
        assertEquals("sunbid-bidder 0.1", opened.metadata().get("tool"));
        assertArrayEquals(bigFile, Files.readAllBytes(dir.resolve("opened-old/商务标.pdf")));
        assertEquals("施工组织设计……", Files.readString(dir.resolve("opened-old/技术/技术标.docx")));
    }

    /**
     * The early-opening property in miniature: the opening key is split 2-of-3 and erased; one share alone is refused,
     * two rebuild a key that opens.
     */
    @Test
    void theOpeningKeyExistsOnlyWhenTwoOfThreeCustodiansCombineTheirShares() throws Exception {
        Path envelope = seal();
        List<Shamir.Share> shares = Shamir.split(OpeningKeys.scalar(opening.getPrivate()), 3, 2);
        opening = new KeyPair(opening.getPublic(), null); // the whole private key is gone

        assertThrows(IllegalArgumentException.class, () -> Shamir.combine(List.of(shares.get(1))));
        PrivateKey rebuilt = OpeningKeys.privateKey(Shamir.combine(List.of(shares.get(2), shares.get(0))));
        assertEquals("{\"totalPrice\":\"36280000.00\",\"durationDays\":540}",
                Envelope.open(envelope, rebuilt, dir.resolve("opened"), 100_000_000).priceSheet());
    }

    @Test
    void anAlteredTruncatedOrResignedEnvelopeIsRejectedWithTheReason() throws Exception {
        byte[] good = Files.readAllBytes(seal());

        byte[] content = good.clone();
        content[good.length / 2] ^= 1; // a byte of ciphertext
        assertTrue(reject(content).startsWith("SIGNATURE_MISMATCH"));

        byte[] header = good.clone();
        header[60] ^= 1; // inside the header JSON
        String why = reject(header);
        assertTrue(why.contains("header") || why.contains("signature"), why);

        assertTrue(reject(java.util.Arrays.copyOf(good, good.length - 10)).contains("truncated"));
        assertTrue(reject(java.util.Arrays.copyOf(good, good.length + 1)).contains("after the signature"));
        assertTrue(reject("PK\u0003\u0004 a zip, not an envelope".getBytes(StandardCharsets.ISO_8859_1)).contains("not a Sunbid"));

        // Someone else re-signing a bidder's envelope cannot keep the bidder's certificate in the header.
        Path other = dir.resolve("other.sbenv");
        try (OutputStream out = Files.newOutputStream(other)) {
            Envelope.seal(new Envelope.Contents(tenderId, "{}", Map.of(), Map.of()), opening.getPublic(),
                    Sm2.generateKeyPair().getPrivate(), bidder, NOW, out);
        }
        assertTrue(reject(Files.readAllBytes(other)).contains("signature"));
    }

    private static String reject(byte[] envelope) {
        EnvelopeException e = assertThrows(EnvelopeException.class, () -> Envelope.verify(new ByteArrayInputStream(envelope)));
        assertTrue(e.defect() != null);
        return e.defect() + " " + e.getMessage();
    }

    @Test
    void aSignedEnvelopeWithAHostileFileNameIsNotUnpackedOutsideTheTarget() throws Exception {
        Path envelope = dir.resolve("hostile.sbenv");
        try (OutputStream out = Files.newOutputStream(envelope)) {
            Envelope.write(tenderId, opening.getPublic(), bidderKeys.getPrivate(), bidder, NOW, out, zip -> {
                zip.putNextEntry(new ZipEntry(Envelope.PRICE_SHEET));
                zip.write("{}".getBytes(StandardCharsets.UTF_8));
                zip.putNextEntry(new ZipEntry("files/../../escaped.txt"));
                zip.write("x".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            });
        }
        EnvelopeException hostile = assertThrows(EnvelopeException.class,
                () -> Envelope.open(envelope, opening.getPrivate(), dir.resolve("t"), 1000));
        assertTrue(hostile.getMessage().contains("not an acceptable file name"), hostile.getMessage());
        try (Stream<Path> all = Files.walk(dir)) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().equals("escaped.txt")));
        }
        // and files beyond the size limit stop the unpacking
        EnvelopeException tooBig = assertThrows(EnvelopeException.class,
                () -> Envelope.open(seal(), opening.getPrivate(), dir.resolve("small"), 1024));
        assertTrue(tooBig.getMessage().contains("exceed 1024 bytes"), tooBig.getMessage());
    }

    /** {@code size} zero bytes, never held in memory: deflate packs them about a thousand to one. */
    static java.io.InputStream zeros(long size) {
        return new java.io.InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }

    @Test
    void aZipBombIsRejectedAsSuchAndUnpackingStopsAtTheRatioLimit() throws Exception {
        Path envelope = dir.resolve("bomb.sbenv");
        try (OutputStream out = Files.newOutputStream(envelope)) { // 256 MiB of zeros, deflated, sealed and signed
            Envelope.write(tenderId, opening.getPublic(), bidderKeys.getPrivate(), bidder, NOW, out, zip -> {
                zip.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
                zip.putNextEntry(new ZipEntry(Envelope.PRICE_SHEET));
                zip.write("{\"totalPrice\":\"1.00\"}".getBytes(StandardCharsets.UTF_8));
                zip.putNextEntry(new ZipEntry("files/bomb.bin"));
                zeros(256L << 20).transferTo(zip);
                zip.closeEntry();
            });
        }
        assertTrue(Files.size(envelope) < (1 << 20), "the envelope is small: " + Files.size(envelope));
        EnvelopeException bomb = assertThrows(EnvelopeException.class, () -> Envelope.open(envelope, opening.getPrivate(),
                dir.resolve("bomb"), new Envelope.Limits(4L << 30, 100, 10_000)));
        assertEquals(EnvelopeDefect.ZIP_BOMB, bomb.defect());
        assertTrue(bomb.getMessage().contains("100 times"), bomb.getMessage());
        assertTrue(Files.size(dir.resolve("bomb/bomb.bin")) < (8L << 20), "unpacking stopped early");

        // an ordinary bid (random bytes, 3 MiB) opens within the same limits
        Envelope.Opened ok = Envelope.open(seal(), opening.getPrivate(), dir.resolve("ok"), new Envelope.Limits(4L << 30, 100, 10_000));
        assertEquals(2, ok.files().size());
    }

    @Test
    void tooManyFilesAreAZipBomb() throws Exception {
        Path envelope = dir.resolve("many.sbenv");
        try (OutputStream out = Files.newOutputStream(envelope)) {
            Envelope.write(tenderId, opening.getPublic(), bidderKeys.getPrivate(), bidder, NOW, out, zip -> {
                zip.putNextEntry(new ZipEntry(Envelope.PRICE_SHEET));
                zip.write("{}".getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < 50; i++) {
                    zip.putNextEntry(new ZipEntry("files/" + i + ".txt"));
                    zip.write('x');
                }
                zip.closeEntry();
            });
        }
        EnvelopeException many = assertThrows(EnvelopeException.class, () -> Envelope.open(envelope, opening.getPrivate(),
                dir.resolve("many"), new Envelope.Limits(1 << 20, 100, 20)));
        assertEquals(EnvelopeDefect.ZIP_BOMB, many.defect());
    }
}
