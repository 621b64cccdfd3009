package org.sunbid.bidder;

import java.io.IOException;
import java.io.OutputStream;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import org.sunbid.crypto.CertificateTrust;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm3;
import org.sunbid.crypto.log.LoggedEntry;
import org.sunbid.crypto.log.ReceiptSignature;
import org.sunbid.crypto.log.TreeHead;
import org.sunbid.sealing.Envelope;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bidder tool (投标工具), on the bidder's own machine: it seals a bid folder and a price sheet into an envelope for
 * the tender's opening key and signs it with the bidder's key — the platform never sees the plaintext — then uploads it
 * and checks the platform's signed receipt. Custodians use it to release their share of the opening key at the
 * opening, decrypting it with their organisation's key locally. Experts use it to sign their sign-in challenge.
 *
 * <pre>
 *   seal     --platform URL --tender ID --folder DIR --price-sheet FILE --key KEY.pem --cert CERT.pem --out FILE
 *            [--maker-code CODE]   (the document-making tool's 机器码, sealed as its SM3 with the machine's fingerprint)
 *            [--platform-cert PLATFORM.pem] [--trusted-roots DIR|FILE]
 *            (first checks the opening key against the log entry that created it, under a head signed by the platform's
 *            certificate, and the custodians' certificates against the CA roots; pin both, else they are fetched)
 *   upload   --platform URL --tender ID --user NAME --password PW FILE          (prints and saves FILE.receipt.json)
 *   receipt  --platform URL --tender ID --user NAME --password PW               (the receipt, with its log commitment)
 *   check-receipt --platform URL [--envelope FILE] RECEIPT_FILE
 *                                         (a saved receipt, e.g. FILE.receipt.json: signed by the platform's certificate,
 *                                          on its own or with its batch, and naming this envelope)
 *   withdraw --platform URL --tender ID --user NAME --password PW --key KEY.pem --cert CERT.pem
 *                                         (before the deadline; signs the withdrawal statement, saves the platform's
 *                                          withdrawal receipt as withdrawal-TENDER.receipt.json or --out FILE)
 *   release  --platform URL --tender ID --user NAME --password PW --key ORG_KEY.pem
 *   share    --platform URL --tender ID --user NAME --password PW --key ORG_KEY.pem (prints the decrypted share, to paste)
 *   sign     --key KEY.pem --text TEXT     (prints the base64 SM3withSM2 signature of the UTF-8 text, e.g. a challenge)
 *   framework-offer --platform URL --order ID --user NAME --password PW --price P [--out FILE]
 *                                         (a shortlisted supplier's offer in a framework agreement's secondary
 *                                          competition, 二次竞价: sent over TLS and sealed on arrival to the competition
 *                                          round's key, opened with the others after the deadline; the platform-signed
 *                                          receipt saved to FILE, default framework-offer-ORDER.receipt.json)
 *   --help                                (this usage; exit 0)
 *   draw-secret --out FILE               (a supervisor: 32 random bytes for an expert draw, written to FILE in hex,
 *                                         readable by the owner only; prints the SM3 commitment to paste at the commitment.
 *                                         With FILE existing, prints the commitment of the secret it holds)
 * </pre>
 * One line of output; exit 0 done, 1 refused (by the platform or a check), 2 could not run.
 */
public final class BidderTool {

    /** The tool's id as recorded in the envelope's metadata. */
    public static final String TOOL = "sunbid-bidder 0.1";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String USAGE = "usage: sunbid-bidder seal|upload|receipt|check-receipt|withdraw|release|share|sign|draw-secret"
            + "|framework-offer"
            + " (seal --platform URL --tender ID --folder DIR --price-sheet FILE --key KEY.pem --cert CERT.pem --out FILE;"
            + " upload --platform URL --tender ID --user NAME --password PW FILE; sign --key KEY.pem --text TEXT;"
            + " release|share --platform URL --tender ID [--round N] --user NAME --password PW --key KEY.pem;"
            + " framework-offer --platform URL --order ID --user NAME --password PW --price P [--out FILE];"
            + " the guide on the platform's portal, /guide, walks through every step)";

    private BidderTool() {
    }

    /** The tool's answer. */
    public record Result(int exitCode, String line) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    public static void main(String[] args) {
        Result r = run(args);
        System.out.println(r.line());
        System.exit(r.exitCode());
    }

    /** Runs a command (never throws). */
    public static Result run(String... args) {
        try {
            Map<String, String> o = options(args);
            String command = args.length == 0 ? "" : args[0];
            return switch (command) {
                case "seal" -> seal(o);
                case "upload" -> upload(o, args[args.length - 1]);
                case "receipt" -> receipt(o);
                case "check-receipt" -> checkSavedReceipt(o, args[args.length - 1]);
                case "withdraw" -> withdraw(o);
                case "release" -> release(o);
                case "share" -> new Result(0, decryptShare(o));
                case "sign" -> new Result(0, sign(o));
                case "draw-secret" -> new Result(0, drawSecret(o));
                case "framework-offer" -> frameworkOffer(o);
                case "--help", "-h" -> new Result(0, USAGE);
                default -> new Result(2, "ERROR " + USAGE);
            };
        } catch (Refused e) {
            return new Result(1, "REFUSED " + e.getMessage());
        } catch (IOException | RuntimeException | java.security.GeneralSecurityException e) {
            return new Result(2, "ERROR " + e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(2, "ERROR interrupted");
        }
    }

    private static Result seal(Map<String, String> o) throws IOException, InterruptedException, java.security.GeneralSecurityException {
        Platform platform = new Platform(need(o, "--platform"));
        String tender = need(o, "--tender");
        JsonNode key = platform.get("/api/v1/tenders/" + tender + "/opening-key", null);
        PublicKey openingKey = Pem.publicKey(key.path("publicKeyPem").asString());
        if (!Envelope.keyId(openingKey).equals(key.path("keySm3").asString())) {
            throw new Refused("the opening key does not match its published hash");
        }
        String keyChecked = checkOpeningKey(platform, tender, key, openingKey, platformCertificate(platform, o),
                trustedRoots(platform, o));
        Path folder = Path.of(need(o, "--folder"));
        Map<String, Path> files = new TreeMap<>();
        List<Map<String, Object>> fileIds = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = folder.relativize(p).toString().replace('\\', '/');
                files.put(name, p);
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                Map<String, Object> id = new LinkedHashMap<>();
                id.put("name", name);
                id.put("sm3", Sm3.hex(Files.readAllBytes(p)));
                id.put("created", a.creationTime().toInstant().toString());
                id.put("modified", a.lastModifiedTime().toInstant().toString());
                fileIds.add(id);
            }
        }
        String priceSheet = Files.readString(Path.of(need(o, "--price-sheet")), StandardCharsets.UTF_8);
        JSON.readTree(priceSheet); // must be JSON
        PrivateKey bidderKey = Pem.privateKey(Files.readString(Path.of(need(o, "--key"))));
        X509Certificate bidder = Pem.certificate(Files.readString(Path.of(need(o, "--cert"))));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("tool", TOOL);
        Map<String, Object> machine = machineFingerprint();
        String maker = o.get("--maker-code");
        if (maker != null && !maker.isBlank()) {
            machine.put("makerSm3", Sm3.hex(maker.strip()));
        }
        metadata.put("machine", machine);
        metadata.put("files", fileIds);
        Path out = Path.of(need(o, "--out"));
        String sm3;
        try (OutputStream stream = Files.newOutputStream(out)) {
            sm3 = Envelope.seal(new Envelope.Contents(UUID.fromString(tender), priceSheet, metadata, files), openingKey, bidderKey,
                    bidder, Instant.now(), stream);
        }
        return new Result(0, "OK sealed " + files.size() + " files into " + out + " (" + Files.size(out) + " bytes), SM3 " + sm3
                + "; " + keyChecked);
    }

    /**
     * Checks the tender's opening key before anything is sealed to it, trusting only the platform's certificate and the
     * CA roots: the key is the one the log entry that created it names (with its tender), that entry is in the tree of a
     * head the platform signed, and each custodian's share went to the certificate that entry names, which chains to a
     * trusted root. A key swapped in the platform's database fails here, and the bidder seals nothing.
     */
    static String checkOpeningKey(Platform platform, String tender, JsonNode key, PublicKey openingKey,
            X509Certificate platformCert, CertificateTrust roots) throws IOException, InterruptedException,
            java.security.GeneralSecurityException {
        if (!key.path("createdLogSeq").isNumber()) {
            throw new Refused("the opening key names no log entry that created it: it cannot be checked");
        }
        long seq = key.path("createdLogSeq").asLong();
        TreeHead head = LoggedEntry.signedHead(platform.get("/api/v1/log/head", null), platformCert.getPublicKey());
        if (head == null) {
            throw new Refused("the log's head is not signed by the platform");
        }
        LoggedEntry.Read read = LoggedEntry.read(platform.log(), seq, KEY_CREATED, head);
        if (read.problem() != null) {
            throw new Refused("the opening key's log entry does not check out: " + read.problem());
        }
        JsonNode logged = read.payload();
        if (!tender.equals(read.details().path("subject").asString()) || !tender.equals(logged.path("tenderId").asString())) {
            throw new Refused("log entry " + seq + " created the opening key of another tender, not " + tender);
        }
        String served = Envelope.keyId(openingKey);
        String loggedKey = logged.path("keySm3").asString();
        if (!served.equals(loggedKey) || !served.equals(Envelope.keyId(Pem.publicKey(logged.path("publicKey").asString())))) {
            throw new Refused("the opening key served (SM3 " + served + ") is not the key logged in entry " + seq + " (SM3 "
                    + loggedKey + ")");
        }
        Map<Integer, JsonNode> byIndex = new TreeMap<>();
        logged.path("custodians").forEach(c -> byIndex.put(c.path("shareIndex").asInt(), c));
        if (byIndex.size() != key.path("custodians").size()) {
            throw new Refused("the opening key's custodians are not the " + byIndex.size() + " logged in entry " + seq);
        }
        for (JsonNode c : key.path("custodians")) {
            JsonNode l = byIndex.get(c.path("shareIndex").asInt());
            X509Certificate cert = Pem.certificate(c.path("certificatePem").asString());
            if (l == null || !l.path("custodianId").asString().equals(c.path("organisationId").asString())
                    || !Sm3.hex(cert.getEncoded()).equals(l.path("certificateSm3").asString())) {
                throw new Refused("custodian " + c.path("name").asString() + "'s certificate is not the one logged in entry " + seq);
            }
            try {
                roots.check(cert, List.of(), read.appendedAt());
            } catch (CertificateTrust.UntrustedCertificateException e) {
                throw new Refused("custodian " + c.path("name").asString() + "'s certificate is not trusted: " + e.getMessage());
            }
        }
        return "opening key checked against log entry " + seq + " under the signed head of size " + head.size()
                + ", " + byIndex.size() + " custodians' certificates trusted";
    }

    /** The log action under which the platform logs an opening key's creation. */
    static final String KEY_CREATED = "sealing.opening-key.created";

    /** The platform's certificate: pinned with {@code --platform-cert FILE}, else as the platform serves it. */
    static X509Certificate platformCertificate(Platform platform, Map<String, String> o) throws IOException,
            InterruptedException, java.security.GeneralSecurityException {
        String file = o.get("--platform-cert");
        return file != null ? Pem.certificate(Files.readAllBytes(Path.of(file)))
                : Pem.certificate(platform.get("/api/v1/ca/platform-certificate", null).path("pem").asString());
    }

    /** The CA roots: the PEM files in {@code --trusted-roots DIR} (or that one file), else the platform's list. */
    static CertificateTrust trustedRoots(Platform platform, Map<String, String> o) throws IOException, InterruptedException,
            java.security.GeneralSecurityException {
        List<X509Certificate> roots = new ArrayList<>();
        String given = o.get("--trusted-roots");
        if (given != null) {
            Path path = Path.of(given);
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(path)) {
                try (Stream<Path> list = Files.list(path)) {
                    list.filter(f -> f.toString().matches(".*\\.(pem|crt|cer)$")).sorted().forEach(files::add);
                }
            } else {
                files.add(path);
            }
            for (Path f : files) {
                roots.addAll(Pem.certificates(Files.readAllBytes(f)));
            }
        } else {
            for (JsonNode r : platform.get("/api/v1/ca/trusted-roots", null)) {
                roots.add(Pem.certificate(r.path("pem").asString()));
            }
        }
        return new CertificateTrust(roots);
    }

    /**
     * Hashes of what identifies the machine that prepared the bid (Reg. 40: same machine for several bidders), as the
     * operating system shows them to a normal user: the physical adapters' MAC addresses (java.net.NetworkInterface),
     * /etc/machine-id, the physical disk ids (/dev/disk/by-id); virtual adapters, bridges and virtual or LVM disks,
     * whose values repeat across unrelated machines, are left out ({@link MachineIds}). Sealed inside the envelope, so nobody learns them before the opening; the platform
     * keeps them only as keyed hashes per tender.
     */
    static Map<String, Object> machineFingerprint() throws IOException {
        List<String> macs = new ArrayList<>();
        for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            byte[] mac = n.getHardwareAddress();
            if (!n.isLoopback() && !n.isVirtual() && !MachineIds.virtualName(n.getDisplayName())
                    && MachineIds.identifiesMachine(n.getName(), mac)) {
                macs.add(Sm3.hex(mac));
            }
        }
        Collections.sort(macs);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("macSm3", macs);
        m.put("hostSm3", Sm3.hex(java.net.InetAddress.getLocalHost().getHostName()));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        // What else identifies the machine, where the operating system shows it to a normal user (Linux); hashed.
        Path machineId = Path.of("/etc/machine-id");
        if (Files.isReadable(machineId)) {
            m.put("machineIdSm3", Sm3.hex(Files.readString(machineId).strip()));
        }
        Path disks = Path.of("/dev/disk/by-id");
        if (Files.isDirectory(disks)) {
            try (Stream<Path> ids = Files.list(disks)) {
                m.put("diskIdSm3", ids.map(p -> p.getFileName().toString()).filter(MachineIds::identifiesDisk)
                        .sorted().map(Sm3::hex).toList());
            }
        }
        Path cpu = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpu)) {
            try (Stream<String> lines = Files.lines(cpu)) {
                lines.filter(l -> l.startsWith("model name") || l.startsWith("Serial")).findFirst()
                        .ifPresent(l -> m.put("cpuSm3", Sm3.hex(l.substring(l.indexOf(':') + 1).strip())));
            }
        }
        return m;
    }

    private static Result upload(Map<String, String> o, String file) throws IOException, InterruptedException,
            java.security.GeneralSecurityException {
        Platform platform = new Platform(need(o, "--platform"));
        String token = platform.login(need(o, "--user"), need(o, "--password"));
        Path envelope = Path.of(file);
        JsonNode receipt = platform.post("/api/v1/tenders/" + need(o, "--tender") + "/bids", token,
                HttpRequest.BodyPublishers.ofFile(envelope), "application/octet-stream");
        String checked = checkReceipt(platform, receipt, Sm3.hex(Files.readAllBytes(envelope)));
        Files.writeString(Path.of(file + ".receipt.json"), receipt.toString());
        return new Result(0, "OK " + checked);
    }

    private static Result checkSavedReceipt(Map<String, String> o, String file) throws IOException, InterruptedException,
            java.security.GeneralSecurityException {
        Platform platform = new Platform(need(o, "--platform"));
        JsonNode saved = JSON.readTree(Files.readString(Path.of(file), StandardCharsets.UTF_8));
        String envelope = o.get("--envelope");
        return new Result(0, "OK " + checkReceipt(platform, saved, envelope == null ? null : Sm3.hex(Files.readAllBytes(Path.of(envelope)))));
    }

    private static Result receipt(Map<String, String> o) throws IOException, InterruptedException,
            java.security.GeneralSecurityException {
        Platform platform = new Platform(need(o, "--platform"));
        String token = platform.login(need(o, "--user"), need(o, "--password"));
        JsonNode receipt = platform.get("/api/v1/tenders/" + need(o, "--tender") + "/bids/mine", token);
        return new Result(0, "OK " + checkReceipt(platform, receipt, null));
    }

    /**
     * Checks the platform's signature on a receipt (and the envelope's hash); returns a one-line summary. A receipt is
     * signed with its batch (its {@code batch} proof leads to a batch root the platform signed) or, if issued before
     * batches, on its own ({@code signature}).
     */
    static String checkReceipt(Platform platform, JsonNode receipt, String envelopeSm3) throws IOException,
            InterruptedException, java.security.GeneralSecurityException {
        X509Certificate cert = Pem.certificate(platform.get("/api/v1/ca/platform-certificate", null).path("pem").asString());
        String text = receipt.path("receipt").asString();
        String signedHow = signedByPlatform(cert, receipt);
        if (signedHow == null) {
            throw new Refused("the receipt is not signed by the platform");
        }
        JsonNode r = JSON.readTree(text);
        if (envelopeSm3 != null && !envelopeSm3.equals(r.path("envelopeSm3").asString())) {
            throw new Refused("the receipt names another envelope");
        }
        String committed = receipt.path("commitment").isObject()
                ? ", " + checkCommitment(platform, cert, receipt.path("commitment"), text, r.path("envelopeSm3").asString())
                : ", log commitment follows within minutes (run `receipt` again)";
        return "bid " + r.path("bidId").asString() + " received " + r.path("receivedAt").asString() + ", envelope SM3 "
                + r.path("envelopeSm3").asString() + ", " + signedHow + committed;
    }

    /**
     * How the platform signed {@code receipt} ({@code {receipt, signature|batch}} as the platform returns it), or
     * null if it has no signature at all; refuses a batch proof that fails, saying why.
     */
    static String signedByPlatform(X509Certificate platformCert, JsonNode receipt) {
        ReceiptSignature signed = ReceiptSignature.check(receipt, platformCert.getPublicKey());
        if (signed.failure() == ReceiptSignature.Failure.NOT_SIGNED) {
            return null;
        }
        if (!signed.valid()) {
            throw new Refused(signed.problem());
        }
        if (signed.batch() == null) {
            return "receipt signed by the platform";
        }
        String root = signed.batch().root();
        return "receipt signed by the platform in batch " + root.substring(0, Math.min(16, root.length())) + "… at "
                + signed.batch().signedAt();
    }

    /**
     * Checks that the receipt's record is in the transparency log: the record names this envelope and this receipt, it
     * sits under the Merkle root of the commitment entry, and that entry is in the tree the platform signed.
     */
    static String checkCommitment(Platform platform, X509Certificate platformCert, JsonNode c, String receiptText,
            String envelopeSm3) throws IOException, InterruptedException {
        String record = c.path("record").asString();
        JsonNode payload = JSON.readTree(record).path("payload");
        if (!envelopeSm3.equals(payload.path("envelopeSm3").asString())
                || !Sm3.hex(receiptText).equals(payload.path("receiptSm3").asString())) {
            throw new Refused("the committed record is not this receipt's");
        }
        long seq = c.path("committedSeq").asLong();
        JsonNode entry = platform.get("/api/v1/log/entries?start=" + seq + "&end=" + (seq + 1), null).get(0);
        String details = entry.path("details").asString();
        String entryPayload = entry.path("payload").asString();
        if (!org.sunbid.crypto.log.LogLeaf.commitment(details).equals(entry.path("commitment").asString())
                || !Sm3.hex(entryPayload).equals(JSON.readTree(details).path("payloadHash").asString())) {
            throw new Refused("log entry " + seq + " does not match its commitment");
        }
        java.util.HexFormat hex = java.util.HexFormat.of();
        List<byte[]> path = new ArrayList<>();
        c.path("path").forEach(h -> path.add(hex.parseHex(h.asString())));
        if (!org.sunbid.crypto.log.MerkleTree.verifyInclusion(
                org.sunbid.crypto.log.MerkleTree.leafHash(record.getBytes(StandardCharsets.UTF_8)), c.path("leafIndex").asLong(),
                c.path("batchSize").asLong(), path, hex.parseHex(JSON.readTree(entryPayload).path("root").asString()))) {
            throw new Refused("the receipt's record is not under the root committed in log entry " + seq);
        }
        JsonNode headJson = platform.get("/api/v1/log/head", null);
        org.sunbid.crypto.log.TreeHead head = new org.sunbid.crypto.log.TreeHead(headJson.path("size").asLong(),
                hex.parseHex(headJson.path("rootHash").asString()), Instant.parse(headJson.path("timestamp").asString()));
        if (!head.verify(platformCert.getPublicKey(), headJson.path("signature").asString())) {
            throw new Refused("the log's head is not signed by the platform");
        }
        if (seq >= head.size()) {
            return "committed in log entry " + seq + " (its record verified under the entry's root); the signed head covering it"
                    + " follows within a minute (run `receipt` again)";
        }
        byte[] leaf = org.sunbid.crypto.log.LogLeaf.hash(seq, Instant.parse(entry.path("appendedAt").asString()),
                entry.path("commitment").asString());
        JsonNode proof = platform.get("/api/v1/log/proof/inclusion?leafHash=" + hex.formatHex(leaf) + "&treeSize=" + head.size(), null);
        List<byte[]> proofPath = new ArrayList<>();
        proof.path("path").forEach(h -> proofPath.add(hex.parseHex(h.asString())));
        if (proof.path("leafIndex").asLong() != seq
                || !org.sunbid.crypto.log.MerkleTree.verifyInclusion(leaf, seq, head.size(), proofPath, head.rootHash())) {
            throw new Refused("log entry " + seq + " is not in the tree the platform signed");
        }
        return "committed in log entry " + seq + ", inclusion verified against the signed head of size " + head.size();
    }

    /**
     * Withdraws the bidder's valid bid with a signed statement (tender, envelope SM3, time, credit code), like the bid
     * itself is signed; checks the platform's signature on the withdrawal receipt and saves it.
     */
    private static Result withdraw(Map<String, String> o) throws IOException, InterruptedException,
            java.security.GeneralSecurityException {
        Platform platform = new Platform(need(o, "--platform"));
        String tender = need(o, "--tender");
        PrivateKey key = Pem.privateKey(Files.readString(Path.of(need(o, "--key")), StandardCharsets.UTF_8));
        String certificatePem = Files.readString(Path.of(need(o, "--cert")), StandardCharsets.UTF_8);
        X509Certificate certificate = Pem.certificate(certificatePem);
        String creditCode = o.containsKey("--credit-code") ? o.get("--credit-code")
                : org.sunbid.crypto.Sm2Certificates.subjectValues(certificate).stream().filter(v -> v.matches("[0-9A-Z]{18}"))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("no credit code in the certificate: give --credit-code"));
        String token = platform.login(need(o, "--user"), need(o, "--password"));
        JsonNode mine = platform.get("/api/v1/tenders/" + tender + "/bids/mine", token);
        String envelopeSm3 = JSON.readTree(mine.path("receipt").asString()).path("envelopeSm3").asString();
        org.sunbid.sealing.Withdrawal withdrawal = new org.sunbid.sealing.Withdrawal(UUID.fromString(tender), envelopeSm3,
                Instant.now(), creditCode);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statement", withdrawal.statement());
        body.put("signature", withdrawal.sign(key));
        body.put("certificatePem", certificatePem);
        JsonNode receipt = platform.post("/api/v1/tenders/" + tender + "/bids/mine/withdrawal", token,
                HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)), "application/json");
        X509Certificate platformCert = Pem.certificate(platform.get("/api/v1/ca/platform-certificate", null).path("pem").asString());
        String text = receipt.path("receipt").asString();
        if (signedByPlatform(platformCert, receipt) == null) {
            throw new Refused("the withdrawal receipt is not signed by the platform");
        }
        JsonNode r = JSON.readTree(text);
        if (!envelopeSm3.equals(r.path("envelopeSm3").asString())
                || !Sm3.hex(withdrawal.statement()).equals(r.path("statementSm3").asString())) {
            throw new Refused("the withdrawal receipt names another envelope or statement");
        }
        Path out = Path.of(o.getOrDefault("--out", "withdrawal-" + tender + ".receipt.json"));
        Files.writeString(out, receipt.toString());
        return new Result(0, "OK bid " + r.path("bidId").asString() + " withdrawn (envelope SM3 " + envelopeSm3
                + "), withdrawal receipt signed by the platform, saved to " + out);
    }

    /**
     * Fetches the caller's organisation's encrypted share and decrypts it with the organisation's key: of the tender's
     * opening key, or with {@code --round N} of the key of the tender's round N of final offers (最后报价).
     */
    private static String decryptShare(Map<String, String> o) throws IOException, InterruptedException {
        Platform platform = new Platform(need(o, "--platform"));
        String token = platform.login(need(o, "--user"), need(o, "--password"));
        String encrypted = platform.get("/api/v1/tenders/" + need(o, "--tender") + (o.containsKey("--round")
                ? "/offer-rounds/" + Integer.parseInt(o.get("--round")) + "/key/my-share" : "/opening-key/my-share"), token)
                .path("encryptedShare").asString();
        PrivateKey key = Pem.privateKey(Files.readString(Path.of(need(o, "--key"))));
        return new String(Sm2.decrypt(key, Base64.getDecoder().decode(encrypted)), StandardCharsets.UTF_8);
    }

    /**
     * The base64 SM3withSM2 signature of {@code --text} (UTF-8) with the PEM private key {@code --key}: an expert signs
     * the platform's sign-in challenge with it and pastes the line back. Nothing leaves the machine.
     */
    static String sign(Map<String, String> o) throws IOException {
        PrivateKey key = Pem.privateKey(Files.readString(Path.of(need(o, "--key")), StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(Sm2.sign(key, need(o, "--text").getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A supervisor's draw secret: generated here, never on the platform, so the platform sees only its hash until the
     * supervisor reveals it at the draw time (after the pool and the log head are fixed). The file holds the secret in
     * hex (what the reveal form takes); the line printed carries the SM3 commitment (what the commitment form takes).
     */
    static String drawSecret(Map<String, String> o) throws IOException {
        Path file = Path.of(need(o, "--out"));
        byte[] secret;
        if (Files.exists(file)) {
            secret = java.util.HexFormat.of().parseHex(Files.readString(file, StandardCharsets.UTF_8).strip());
        } else {
            secret = new byte[32];
            new java.security.SecureRandom().nextBytes(secret);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(tmp); // not a POSIX file system
            }
            Files.writeString(tmp, java.util.HexFormat.of().formatHex(secret) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        if (secret.length != 32) {
            throw new IllegalArgumentException(file + " does not hold a 32-byte secret");
        }
        return "OK draw secret in " + file + " (keep it; reveal it at the draw time); commitment (SM3) " + Sm3.hex(secret);
    }

    /**
     * An offer in a framework agreement's secondary competition (二次竞价): the unit price (two decimals) goes to the
     * platform, which checks the supplier and seals it on arrival to the competition round's key (a sealing round whose
     * key is split among the centre, the supervision department and the buyer: opened with the others after the
     * deadline, so nobody can withhold its offer after seeing another's); the signed receipt is saved.
     */
    private static Result frameworkOffer(Map<String, String> o) throws IOException, InterruptedException {
        Platform platform = new Platform(need(o, "--platform"));
        String order = UUID.fromString(need(o, "--order")).toString();
        java.math.BigDecimal price = new java.math.BigDecimal(need(o, "--price").replace(",", "").strip());
        if (price.signum() <= 0 || price.scale() > 2) {
            throw new IllegalArgumentException("--price: a positive amount with at most two decimals");
        }
        Path file = Path.of(o.getOrDefault("--out", "framework-offer-" + order + ".receipt.json"));
        String token = platform.login(need(o, "--user"), need(o, "--password"));
        JsonNode receipt = platform.post("/api/v1/framework-orders/" + order + "/offers", token,
                HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("price", price.setScale(2).toPlainString()))),
                "application/json");
        Files.writeString(file, JSON.writeValueAsString(receipt), StandardCharsets.UTF_8);
        return new Result(0, "OK offer sealed on arrival for order " + order + "; the platform-signed receipt is in " + file);
    }

    private static Result release(Map<String, String> o) throws IOException, InterruptedException {
        Platform platform = new Platform(need(o, "--platform"));
        String token = platform.login(need(o, "--user"), need(o, "--password"));
        String tender = need(o, "--tender");
        String share = decryptShare(o);
        JsonNode opening = platform.post("/api/v1/tenders/" + tender + (o.containsKey("--round")
                ? "/offer-rounds/" + Integer.parseInt(o.get("--round")) + "/shares" : "/opening/shares"), token,
                HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("share", share))), "application/json");
        return new Result(0, "OK share released; opening " + opening.path("status").asString() + " ("
                + opening.path("sharesReleased").asInt() + " of " + opening.path("threshold").asInt() + " shares)");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i++) {
            if (args[i].startsWith("--")) {
                o.put(args[i], args[i + 1]);
                i++;
            }
        }
        return o;
    }

    private static String need(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing " + name);
        }
        return v;
    }

    /** The platform refused, or a check of its answer failed. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** The platform's API over HTTP. */
    static final class Platform {
        private final String base;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15)).build();

        Platform(String base) {
            this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        }

        String login(String user, String password) throws IOException, InterruptedException {
            return post("/api/v1/auth/token", null, HttpRequest.BodyPublishers.ofString(
                    JSON.writeValueAsString(Map.of("username", user, "password", password))), "application/json")
                    .path("token").asString();
        }

        JsonNode get(String path, String token) throws IOException, InterruptedException {
            return send(request(path, token).GET());
        }

        /** The public transparency log as the shared checks read it. */
        LoggedEntry.Log log() {
            return new LoggedEntry.Log() {
                @Override
                public JsonNode entry(long seq) throws IOException, InterruptedException {
                    try {
                        JsonNode page = get("/api/v1/log/entries?start=" + seq + "&end=" + (seq + 1), null);
                        return page.isArray() && page.size() == 1 ? page.get(0) : null;
                    } catch (Refused e) {
                        return null; // beyond the log's end: the platform refuses the range
                    }
                }

                @Override
                public JsonNode inclusion(String leafHashHex, long treeSize) throws IOException, InterruptedException {
                    try {
                        return get("/api/v1/log/proof/inclusion?leafHash=" + leafHashHex + "&treeSize=" + treeSize, null);
                    } catch (Refused e) {
                        return null;
                    }
                }
            };
        }

        JsonNode post(String path, String token, HttpRequest.BodyPublisher body, String type) throws IOException, InterruptedException {
            return send(request(path, token).header("Content-Type", type).POST(body));
        }

        void delete(String path, String token) throws IOException, InterruptedException {
            HttpResponse<String> r = http.send(request(path, token).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 400) {
                JsonNode problem = JSON.readTree(r.body());
                throw new Refused(problem.path("code").asString("HTTP " + r.statusCode()) + ": " + problem.path("detail").asString(""));
            }
        }

        private HttpRequest.Builder request(String path, String token) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(30))
                    .header("Accept", "application/json, application/problem+json").header("Accept-Language", "zh-CN");
            return token == null ? b : b.header("Authorization", "Bearer " + token);
        }

        private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() >= 400) {
                JsonNode problem;
                try {
                    problem = JSON.readTree(r.body());
                } catch (RuntimeException e) {
                    throw new Refused("HTTP " + r.statusCode());
                }
                throw new Refused(problem.path("code").asString("HTTP " + r.statusCode()) + ": " + problem.path("detail").asString(""));
            }
            return JSON.readTree(r.body());
        }
    }
}
