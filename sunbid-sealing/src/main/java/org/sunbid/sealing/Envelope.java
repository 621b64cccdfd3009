package org.sunbid.sealing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.CryptoException;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm3;
import org.sunbid.crypto.Sm3OutputStream;
import org.sunbid.crypto.Sm4Gcm;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sealed bid (投标文件密封): the bid's files, its price sheet and its preparation metadata, zipped and encrypted with a
 * fresh SM4-GCM content key; the content key wrapped with the tender's SM2 opening public key; the whole signed with
 * the bidder's SM2 key (SM3withSM2). Anyone can check the structure and the bidder's signature without any key; only
 * the opening private key — rebuilt from enough custodians' shares — decrypts.
 *
 * <p>Layout, all streamable with bounded memory:
 * <pre>
 *   "SBENV1"  u32 header length  header (canonical JSON, UTF-8)
 *   chunks: (u32 length, bytes)* terminated by length 0       SM4-GCM ciphertext and tag, AAD = SM3(header)
 *   u16 signature length  signature                           SM3withSM2 over SM3(everything before it)
 * </pre>
 * The header holds the version, tender id, the bidder's certificate (PEM), the SM3 of the opening public key, the
 * wrapped content key, the nonce and the sealing time. Nothing in it reveals the bid. The envelope's identity is the
 * SM3 of all its bytes.
 *
 * <p>The plaintext is a zip: {@code price-sheet.json}, {@code metadata.json}, and the bid's files under {@code files/}.
 * {@link #seal} writes every entry STORED (sizes and CRC-32 in the local headers), so opening copies the files out
 * without an inflater; {@link #sealStream}, whose file's size is known only at its end, writes that file DEFLATED at
 * level 0. Envelopes sealed before session 10 have every entry DEFLATED at level 0. The opening reads both alike.
 */
public final class Envelope {

    static final byte[] MAGIC = "SBENV1".getBytes(StandardCharsets.US_ASCII);
    static final int CHUNK = 64 * 1024;
    static final int MAX_HEADER = 64 * 1024;
    static final int MAX_SIGNATURE = 128;
    /** The buffer an opened file is copied out through: large reads and writes, few system calls. */
    static final int OPENED_BUFFER = 256 * 1024;
    static final String PRICE_SHEET = "price-sheet.json";
    static final String METADATA = "metadata.json";
    static final String FILES = "files/";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final HexFormat HEX = HexFormat.of();

    private Envelope() {
    }

    /**
     * What to seal.
     *
     * @param priceSheet the structured price sheet (total price, duration, quality, project manager, ...) as JSON
     * @param metadata   bid-preparation metadata for collusion checks (machine fingerprint hashes, tool id, file
     *                   creation ids), sealed with the bid
     * @param files      the bid's files by the name they carry in the envelope (relative, '/'-separated)
     */
    public record Contents(UUID tenderId, String priceSheet, Map<String, Object> metadata, Map<String, Path> files) {
    }

    /** The header of an envelope, as read and checked. */
    public record Header(int version, UUID tenderId, X509Certificate bidder, String openingKeySm3, byte[] wrappedKey,
            byte[] nonce, Instant sealedAt, byte[] raw) {
    }

    /** A structurally sound envelope whose signature verifies with the certificate in its header. */
    public record Verified(Header header, String sm3, long size) {
    }

    /** An opened envelope: its price sheet, metadata and the files written under the target directory. */
    public record Opened(Verified envelope, String priceSheet, Map<String, Object> metadata, List<Path> files) {
    }

    /** The SM3 (hex) identifying an opening public key in envelope headers. */
    public static String keyId(PublicKey openingKey) {
        return Sm3.hex(openingKey.getEncoded());
    }

    /**
     * Seals {@code contents} for the tender whose opening public key is {@code openingKey}, signed by
     * {@code bidderKey} (whose certificate is {@code bidder}), into {@code out}; returns the envelope's SM3 (hex).
     */
    public static String seal(Contents contents, PublicKey openingKey, PrivateKey bidderKey, X509Certificate bidder,
            Instant now, OutputStream out) throws IOException {
        Map<String, byte[]> inline = new LinkedHashMap<>();
        inline.put(PRICE_SHEET, contents.priceSheet().getBytes(StandardCharsets.UTF_8));
        inline.put(METADATA, CanonicalJson.write(contents.metadata()).getBytes(StandardCharsets.UTF_8));
        for (String name : contents.files().keySet()) {
            checkName(name);
        }
        return write(contents.tenderId(), openingKey, bidderKey, bidder, now, out, zip -> {
            for (var e : inline.entrySet()) {
                putStored(zip, e.getKey(), e.getValue());
            }
            for (var f : contents.files().entrySet()) {
                // STORED, not DEFLATED: the size and CRC-32 go before the bytes, so the file is read twice here (the
                // CRC-32 pass costs little beside SM4-GCM), and the opening copies it out without running an inflater
                ZipEntry entry = new ZipEntry(FILES + f.getKey());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(Files.size(f.getValue()));
                entry.setCompressedSize(entry.getSize());
                entry.setCrc(crc32(f.getValue()));
                zip.putNextEntry(entry);
                Files.copy(f.getValue(), zip); // a file changed since its CRC-32 fails closeEntry: no envelope
                zip.closeEntry();
            }
        });
    }

    /** Writes {@code bytes} as one STORED entry (its size and CRC-32 in the local header). */
    private static void putStored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static long crc32(Path file) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[OPENED_BUFFER];
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
            }
        }
        return crc.getValue();
    }

    /** Writes an envelope's zip content (see {@link #write}). */
    public interface ZipWriter {
        void write(ZipOutputStream zip) throws IOException;
    }

    /** Whoever signs an envelope: SM3withSM2 over the 32-byte digest given. */
    public interface Signer {
        byte[] sign(byte[] digest);
    }

    /**
     * Seals one file streamed from {@code content} (never written anywhere in plain text), signed by {@code signer}
     * whose certificate is {@code signerCertificate}: the platform's path for bids sealed on arrival.
     */
    public static String sealStream(UUID tenderId, String priceSheet, Map<String, Object> metadata, String fileName,
            InputStream content, PublicKey openingKey, Signer signer, X509Certificate signerCertificate, Instant now,
            OutputStream out) throws IOException {
        checkName(fileName);
        return write(tenderId, openingKey, signer, signerCertificate, now, out, zip -> {
            putStored(zip, PRICE_SHEET, priceSheet.getBytes(StandardCharsets.UTF_8));
            putStored(zip, METADATA, CanonicalJson.write(metadata).getBytes(StandardCharsets.UTF_8));
            // a stream's size and CRC-32 are known only at its end: DEFLATED at level 0 (a data descriptor follows)
            zip.putNextEntry(new ZipEntry(FILES + fileName));
            content.transferTo(zip);
            zip.closeEntry();
        });
    }

    /**
     * Writes an envelope whose zip content {@code body} supplies, sealed and signed like any other. The format is
     * open, so anyone can do this: tests use it to craft hostile content (unsafe names, zip bombs) that the platform
     * must refuse at opening.
     */
    public static String write(UUID tenderId, PublicKey openingKey, PrivateKey bidderKey, X509Certificate bidder, Instant now,
            OutputStream out, ZipWriter body) throws IOException {
        return write(tenderId, openingKey, digest -> Sm2.sign(bidderKey, digest), bidder, now, out, body);
    }

    static String write(UUID tenderId, PublicKey openingKey, Signer signer, X509Certificate bidder, Instant now,
            OutputStream out, ZipWriter body) throws IOException {
        byte[] key = Sm4Gcm.newKey();
        byte[] nonce = Sm4Gcm.newNonce();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("v", 1);
        header.put("tenderId", tenderId.toString());
        header.put("bidderCertificate", Pem.encode(bidder));
        header.put("openingKeySm3", keyId(openingKey));
        header.put("wrappedKey", Base64.getEncoder().encodeToString(Sm2.encrypt(openingKey, key)));
        header.put("nonce", Base64.getEncoder().encodeToString(nonce));
        header.put("sealedAt", now.toString());
        byte[] headerBytes = CanonicalJson.write(header).getBytes(StandardCharsets.UTF_8);

        // One hashing of the bytes gives both digests: the signed part's is the digest of a prefix of the whole.
        Sm3OutputStream all = new Sm3OutputStream(new BufferedOutputStream(out, CHUNK));
        all.write(MAGIC);
        writeInt(all, headerBytes.length);
        all.write(headerBytes);
        try (ZipOutputStream zip = new ZipOutputStream(Sm4Gcm.encrypting(new Chunks(all), key, nonce, Sm3.hash(headerBytes)))) {
            // Bid files are mostly PDFs, scans and archives, compressed already: deflating them again costs a third of
            // the sealing time for nothing (measured in bench/EnvelopeBench).
            zip.setLevel(java.util.zip.Deflater.NO_COMPRESSION);
            body.write(zip);
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
        byte[] signature = signer.sign(all.digest());
        all.write(signature.length >>> 8);
        all.write(signature.length & 0xff);
        all.write(signature);
        all.flush();
        return HEX.formatHex(all.digest());
    }

    /**
     * Reads a whole envelope and checks its structure and its bidder's signature, without any key: what anyone does
     * with an envelope at hand. A stream that cannot be read is a {@link EnvelopeDefect#MALFORMED} envelope.
     */
    public static Verified verify(InputStream in) throws EnvelopeException {
        try {
            return read(new BufferedInputStream(in, CHUNK), new Sm3OutputStream(OutputStream.nullOutputStream()));
        } catch (IOException e) {
            throw new EnvelopeException(EnvelopeDefect.MALFORMED, "unreadable envelope: " + e.getMessage(), e);
        }
    }

    /**
     * Checks an envelope as {@link #verify(InputStream)} does — the same checks, the same defects, the same result —
     * while it streams: every byte read from {@code in} is written to {@code copy} as it is read, nothing more, so
     * a valid envelope is copied whole (read to its end) and a refused one up to where its defect showed. The
     * signature is checked over the digest {@code copy} computed of the bytes it passed on, and the envelope's SM3 is
     * {@code copy}'s digest at the end: the bytes are hashed once, and what was verified is exactly what was written.
     * This is how the platform stores an arriving envelope in one pass (the copy goes to its file store).
     *
     * <p>{@code in} is read with small reads where the layout asks for them (lengths); give a buffered stream if
     * single-byte reads are dear. Nothing is read ahead of what the layout needs, so the caller may go on reading
     * {@code in} after a refusal (say, to drain an upload).
     *
     * @param copy a fresh stream (nothing written yet); it is neither flushed nor closed here
     * @throws EnvelopeException the envelope's defect, as {@link #verify(InputStream)} would report it
     * @throws IOException       {@code in} or {@code copy} failed (other than {@code in} ending early, a defect:
     *                           {@link EnvelopeDefect#TRUNCATED}); not a defect of the envelope
     */
    public static Verified verify(InputStream in, Sm3OutputStream copy) throws EnvelopeException, IOException {
        if (copy.count() != 0) {
            throw new IllegalArgumentException("the copy must start empty: its digest is the envelope's");
        }
        return read(in, copy);
    }

    private static Verified read(InputStream raw, Sm3OutputStream copy) throws EnvelopeException, IOException {
        DataInputStream in = new DataInputStream(new Tee(raw, copy));
        try {
            Header header = readHeader(in);
            byte[] buffer = new byte[CHUNK];
            while (true) {
                int length = in.readInt();
                if (length == 0) {
                    break;
                }
                if (length < 0 || length > CHUNK) {
                    throw new EnvelopeException(EnvelopeDefect.MALFORMED, "malformed content");
                }
                in.readFully(buffer, 0, length);
            }
            return readSignature(in, copy, header);
        } catch (EOFException e) {
            throw new EnvelopeException(EnvelopeDefect.TRUNCATED, "truncated envelope", e);
        }
    }

    /** The magic and the header, read from the start of an envelope. */
    private static Header readHeader(DataInputStream in) throws IOException, EnvelopeException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new EnvelopeException(EnvelopeDefect.NOT_AN_ENVELOPE, "not a Sunbid envelope");
        }
        int headerLength = in.readInt();
        if (headerLength <= 0 || headerLength > MAX_HEADER) {
            throw new EnvelopeException(EnvelopeDefect.MALFORMED, "malformed header");
        }
        byte[] headerBytes = in.readNBytes(headerLength);
        if (headerBytes.length != headerLength) {
            throw new EnvelopeException(EnvelopeDefect.TRUNCATED, "truncated envelope");
        }
        return header(headerBytes);
    }

    /**
     * The signature that ends an envelope, read after its content and checked against the bidder's certificate over
     * the digest of what {@code copy} has passed on so far (the signed part); the envelope's SM3 is {@code copy}'s
     * digest at the end: the bytes are hashed once.
     */
    private static Verified readSignature(DataInputStream in, Sm3OutputStream copy, Header header)
            throws IOException, EnvelopeException {
        byte[] signed = copy.digest(); // everything before the signature: the prefix read so far
        int signatureLength = in.readUnsignedShort();
        if (signatureLength == 0 || signatureLength > MAX_SIGNATURE) {
            throw new EnvelopeException(EnvelopeDefect.MALFORMED, "malformed signature");
        }
        byte[] signature = in.readNBytes(signatureLength);
        if (signature.length != signatureLength || in.read() != -1) {
            throw new EnvelopeException(EnvelopeDefect.TRUNCATED, signature.length != signatureLength ? "truncated envelope" : "data after the signature");
        }
        if (!Sm2.verify(header.bidder().getPublicKey(), signed, signature)) {
            throw new EnvelopeException(EnvelopeDefect.SIGNATURE_MISMATCH, "the signature does not match the envelope (altered, or not signed by the bidder)");
        }
        return new Verified(header, HEX.formatHex(copy.digest()), copy.count());
    }

    private static Header header(byte[] bytes) throws EnvelopeException {

        try {
            Map<String, Object> h = JSON.readValue(bytes, MAP);
            if (!Integer.valueOf(1).equals(h.get("v"))) {
                throw new EnvelopeException(EnvelopeDefect.MALFORMED, "unsupported envelope version " + h.get("v"));
            }
            X509Certificate bidder = Pem.certificate((String) h.get("bidderCertificate"));
            return new Header(1, UUID.fromString((String) h.get("tenderId")), bidder, (String) h.get("openingKeySm3"),
                    Base64.getDecoder().decode((String) h.get("wrappedKey")), Base64.getDecoder().decode((String) h.get("nonce")),
                    Instant.parse((String) h.get("sealedAt")), bytes);
        } catch (CertificateException | RuntimeException e) {
            throw new EnvelopeException(EnvelopeDefect.MALFORMED, "malformed header", e);
        }
    }

    /**
     * What unpacking an envelope may cost: at most {@code maxBytes} bytes of files, {@code maxFiles} files, and once
     * more than {@link #RATIO_GRACE} bytes are out, at most {@code maxRatio} bytes out per byte of compressed content.
     */
    public record Limits(long maxBytes, long maxRatio, int maxFiles) {
        /** Bytes unpacked before the ratio counts (a small file of zeros compresses very well and harms nobody). */
        public static final long RATIO_GRACE = 1 << 20;

        public Limits {
            if (maxBytes <= 0 || maxRatio <= 0 || maxFiles <= 0) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }
    }

    /** {@link #open(Path, PrivateKey, Path, Limits)} with a ratio of at most 100 and at most 10,000 files. */
    public static Opened open(Path envelope, PrivateKey openingKey, Path into, long maxBytes) throws EnvelopeException {
        return open(envelope, openingKey, into, new Limits(maxBytes, 100, 10_000));
    }

    /**
     * Opens an envelope file with the tender's opening private key, in one read of the file: its structure and signature
     * are checked while its content is decrypted and unpacked under {@code into} within {@code limits}
     * ({@link EnvelopeDefect#ZIP_BOMB} beyond them). The defect reported is the one checking first would report: when
     * the content fails, the rest of the envelope is still read, and a broken structure or signature is what is named.
     * On any defect, what was written under {@code into} is to be discarded (as when the GCM tag fails at the end).
     */
    public static Opened open(Path envelope, PrivateKey openingKey, Path into, Limits limits) throws EnvelopeException {
        Sm3OutputStream copy = new Sm3OutputStream(OutputStream.nullOutputStream()); // hashes what is read, once
        try (InputStream file = Files.newInputStream(envelope)) {
            DataInputStream in = new DataInputStream(new Tee(new BufferedInputStream(file, CHUNK), copy));
            Header header;
            try {
                header = readHeader(in);
            } catch (EOFException e) {
                throw new EnvelopeException(EnvelopeDefect.TRUNCATED, "truncated envelope", e);
            }
            CiphertextStream chunks = new CiphertextStream(in);
            Unpacked unpacked;
            try {
                unpacked = unpack(header, openingKey, chunks, into, limits);
            } catch (EnvelopeException | RuntimeException content) {
                verifyRest(in, copy, header, chunks); // a broken envelope is named as such first
                throw content;
            }
            Verified verified = verifyRest(in, copy, header, chunks);
            return new Opened(verified, unpacked.priceSheet(), unpacked.metadata(), unpacked.files());
        } catch (IOException e) {
            throw new EnvelopeException(EnvelopeDefect.MALFORMED, "unreadable envelope file", e);
        }
    }

    /** What an envelope's content unpacked to. */
    private record Unpacked(String priceSheet, Map<String, Object> metadata, List<Path> files) {
    }

    /** The rest of an envelope after its content (the chunks the content left, then the signature), checked. */
    private static Verified verifyRest(DataInputStream in, Sm3OutputStream copy, Header header, CiphertextStream chunks)
            throws EnvelopeException {
        try {
            chunks.drain();
            return readSignature(in, copy, header);
        } catch (EOFException e) {
            throw new EnvelopeException(EnvelopeDefect.TRUNCATED, "truncated envelope", e);
        } catch (IOException e) {
            throw new EnvelopeException(EnvelopeDefect.MALFORMED, "unreadable envelope: " + e.getMessage(), e);
        }
    }

    /** Decrypts and unpacks the content {@code chunks} carry under {@code into}, within {@code limits}. */
    private static Unpacked unpack(Header header, PrivateKey openingKey, CiphertextStream chunks, Path into, Limits limits)
            throws EnvelopeException {
        long maxBytes = limits.maxBytes();
        byte[] key;
        try {
            key = Sm2.decrypt(openingKey, header.wrappedKey());
        } catch (CryptoException e) {
            throw new EnvelopeException(EnvelopeDefect.UNDECRYPTABLE, "the content key does not open with this key", e);
        }
        try (InputStream plain = Sm4Gcm.decrypting(chunks, key, header.nonce(), Sm3.hash(header.raw()));
             Counting compressed = new Counting(plain);
             ZipInputStream zip = new ZipInputStream(compressed)) {
            String priceSheet = null;
            Map<String, Object> metadata = null;
            List<Path> files = new ArrayList<>();
            long written = 0;
            byte[] buffer = null;
            Files.createDirectories(into);
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (files.size() >= limits.maxFiles()) {
                    throw new EnvelopeException(EnvelopeDefect.ZIP_BOMB, "more than " + limits.maxFiles() + " files");
                }
                String name = entry.getName();
                if (name.equals(PRICE_SHEET)) {
                    priceSheet = new String(readLimited(zip, MAX_HEADER), StandardCharsets.UTF_8);
                } else if (name.equals(METADATA)) {
                    metadata = JSON.readValue(readLimited(zip, MAX_HEADER), MAP);
                } else if (name.startsWith(FILES)) {
                    String relative = name.substring(FILES.length());
                    try {
                        checkName(relative);
                    } catch (IOException e) {
                        throw new EnvelopeException(EnvelopeDefect.UNACCEPTABLE_CONTENT, e.getMessage());
                    }
                    Path target = into.resolve(relative).normalize();
                    if (!target.startsWith(into.normalize())) {
                        throw new EnvelopeException(EnvelopeDefect.UNACCEPTABLE_CONTENT, "a file name leaves the target directory: " + relative);
                    }
                    Files.createDirectories(target.getParent());
                    if (buffer == null) {
                        buffer = new byte[OPENED_BUFFER];
                    }
                    try (OutputStream out = Files.newOutputStream(target)) {
                        // whole buffers: a STORED entry is decrypted straight into it, and each write is one system call
                        for (int n; (n = zip.readNBytes(buffer, 0, buffer.length)) > 0; ) {
                            written += n;
                            if (written > maxBytes) {
                                throw new EnvelopeException(EnvelopeDefect.ZIP_BOMB, "the bid's files exceed " + maxBytes + " bytes");
                            }
                            if (written > Limits.RATIO_GRACE && written / Math.max(1, compressed.count) > limits.maxRatio()) {
                                throw new EnvelopeException(EnvelopeDefect.ZIP_BOMB, "the bid's files decompress more than "
                                        + limits.maxRatio() + " times their compressed size");
                            }
                            out.write(buffer, 0, n);
                        }
                    }
                    files.add(target);
                } else {
                    throw new EnvelopeException(EnvelopeDefect.UNACCEPTABLE_CONTENT, "unexpected entry " + name);
                }
            }
            compressed.transferTo(OutputStream.nullOutputStream()); // to the end: the GCM tag is checked there
            if (priceSheet == null) {
                throw new EnvelopeException(EnvelopeDefect.UNACCEPTABLE_CONTENT, "the envelope has no price sheet");
            }
            return new Unpacked(priceSheet, metadata == null ? Map.of() : metadata, files);
        } catch (IOException e) {
            throw new EnvelopeException(EnvelopeDefect.UNDECRYPTABLE, "the content does not decrypt (altered or not sealed for this tender)", e);
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
    }

    /** Counts the bytes read through it (the compressed size consumed so far). */
    private static final class Counting extends java.io.FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    private static byte[] readLimited(InputStream in, int max) throws IOException, EnvelopeException {
        byte[] bytes = in.readNBytes(max + 1);
        if (bytes.length > max) {
            throw new EnvelopeException(EnvelopeDefect.UNACCEPTABLE_CONTENT, "an entry is too large");
        }
        return bytes;
    }

    private static void checkName(String name) throws IOException {
        if (name.isEmpty() || name.length() > 500 || name.startsWith("/") || name.contains("\\") || name.contains("\0")
                || List.of(name.split("/")).stream().anyMatch(p -> p.isEmpty() || p.equals(".") || p.equals(".."))) {
            throw new IOException("not an acceptable file name in an envelope: " + name);
        }
    }

    private static void writeInt(OutputStream out, int v) throws IOException {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    /** Frames what is written into chunks of at most {@link #CHUNK} bytes; closing writes the terminator only. */
    private static final class Chunks extends OutputStream {
        private final OutputStream out;
        private final byte[] buffer = new byte[CHUNK];
        private int used;
        private boolean closed;

        Chunks(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            if (used == CHUNK) {
                emit();
            }
            buffer[used++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (used == CHUNK) {
                    emit();
                }
                int n = Math.min(len, CHUNK - used);
                System.arraycopy(b, off, buffer, used, n);
                used += n;
                off += n;
                len -= n;
            }
        }

        private void emit() throws IOException {
            if (used > 0) {
                writeInt(out, used);
                out.write(buffer, 0, used);
                used = 0;
            }
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                emit();
                writeInt(out, 0);
            }
        }
    }

    /** Writes every byte read through it to {@code copy}, as it is read. */
    private static final class Tee extends InputStream {
        private final InputStream in;
        private final OutputStream copy;

        Tee(InputStream in, OutputStream copy) {
            this.in = in;
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                copy.write(b, off, n);
            }
            return n;
        }
    }

    /**
     * The ciphertext of an envelope, read through its chunk framing from the stream positioned after the header (the
     * same stream that hashes it for the signature). Never closes that stream.
     */
    private static final class CiphertextStream extends InputStream {
        private final DataInputStream in;
        private int remaining;
        private boolean done;
        private IOException broken;

        CiphertextStream(DataInputStream in) {
            this.in = in;
        }

        private boolean more() throws IOException {
            if (broken != null) {
                throw broken;
            }
            if (done) {
                return false;
            }
            if (remaining == 0) {
                try {
                    int length = in.readInt();
                    if (length < 0 || length > CHUNK) {
                        throw new IOException("malformed content");
                    }
                    remaining = length;
                } catch (IOException e) {
                    broken = e;
                    throw e;
                }
                if (remaining == 0) {
                    done = true;
                    return false;
                }
            }
            return true;
        }

        /** Reads (and so hashes: never skips) whatever ciphertext the content did not read, to the end of the chunks. */
        void drain() throws IOException {
            byte[] buffer = null;
            while (more()) {
                try {
                    if (buffer == null) {
                        buffer = new byte[CHUNK];
                    }
                    in.readFully(buffer, 0, remaining);
                } catch (IOException e) {
                    broken = e;
                    throw e;
                }
                remaining = 0;
            }
        }

        @Override
        public int read() throws IOException {
            if (!more()) {
                return -1;
            }
            int b = in.read();
            if (b < 0) {
                broken = new EOFException("truncated envelope");
                throw broken;
            }
            remaining--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!more()) {
                return -1;
            }
            int n = in.read(b, off, Math.min(len, remaining));
            if (n < 0) {
                broken = new EOFException("truncated envelope");
                throw broken;
            }
            remaining -= n;
            return n;
        }
    }
}
