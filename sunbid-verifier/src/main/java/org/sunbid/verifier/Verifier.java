package org.sunbid.verifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm3;
import org.sunbid.crypto.log.LogLeaf;
import org.sunbid.crypto.log.MerkleTree;
import org.sunbid.crypto.log.TreeHead;
import tools.jackson.databind.JsonNode;

/**
 * Verifies a Sunbid platform's transparency log from outside, trusting nothing but the platform's certificate, and
 * the expert draws whose inputs it commits:
 *
 * <pre>
 *   sunbid-verifier log URL [--state FILE] [--cert PEM]      check every entry, the signed head and, with a state
 *                                                             file, that the log only grew since the last run
 *   sunbid-verifier inclusion URL LEAF_HASH [--cert PEM]     check one entry (e.g. from a receipt) is in the log
 *   sunbid-verifier verify-draw URL DRAW_ID [--cert PEM]     recompute a draw's committee from its published record
 *                                                             (secret, signed head, pools, contacts) and check the
 *                                                             secret and the pool were logged, in that order, in the
 *                                                             tree of the head that fed the seed, and the supervisor
 *                                                             revealed the secret only after that head
 *                                                             (an intermediary draw of the 中介超市 the same way)
 *   sunbid-verifier verify-draw --file RECORD.json           the same from a saved record, without the log (the
 *                                                             head's signature and the entries are not checked)
 *   sunbid-verifier verify-opening URL TENDER_ID [--cert PEM] the bid set disclosed at closing: every disclosed bid
 *                                                             in a commitment made before the deadline, every committed
 *                                                             receipt disclosed, every withdrawal signed by its bidder,
 *                                                             every live bid in the opening record
 *   sunbid-verifier verify-reserve URL LOT_ID [--cert PEM]   an auction lot's sealed reserve (底价): committed before its
 *                                                             deadline, opened into the published amount with the
 *                                                             record's key; the published bids match the log's bid
 *                                                             entries; the outcome recomputed from bids and reserve
 *   sunbid-verifier check-receipt RECEIPT_FILE URL [--cert PEM] one bidder's receipt (as the bidder tool saved it):
 *                                                             is its bid in the disclosed set and the opening record
 *   sunbid-verifier sm3 FILE...                              each file's SM3 hash, as sm3sum prints it ("HASH  FILE"),
 *                                                             e.g. to compare a download with the hash the portal shows
 *   sunbid-verifier --help                                   this usage
 * </pre>
 *
 * Prints a one-line verdict; exits 0 when verified, 1 when verification failed, 2 when it could not check.
 */
public final class Verifier {

    private static final HexFormat HEX = HexFormat.of();
    private static final int PAGE = 1000;
    private static final String USAGE = "usage: sunbid-verifier log URL [--state FILE] [--cert PEM] | inclusion URL LEAF_HASH [--cert PEM]"
            + " | verify-draw URL DRAW_ID [--cert PEM] | verify-draw --file RECORD.json"
            + " | verify-report URL TENDER_ID [--pdf REPORT.pdf] [--cert PEM] [--root PEM]"
            + " | verify-opening URL TENDER_ID [--cert PEM] | verify-reserve URL LOT_ID [--cert PEM] | check-receipt RECEIPT_FILE URL [--cert PEM] | sm3 FILE...";

    private Verifier() {
    }

    public static void main(String[] args) {
        Verdict verdict = run(args);
        System.out.println(verdict.line());
        System.exit(verdict.exitCode());
    }

    /** Runs a command and returns its verdict (never throws). */
    public static Verdict run(String... args) {
        try {
            if (args.length >= 2 && args[0].equals("log")) {
                return verifyLog(new LogClient(args[1]), option(args, "--state"), option(args, "--cert"));
            }
            if (args.length >= 3 && args[0].equals("inclusion")) {
                return verifyInclusion(new LogClient(args[1]), args[2], option(args, "--cert"));
            }
            if (args.length >= 2 && args[0].equals("verify-draw")) {
                String file = option(args, "--file");
                if (file != null) {
                    return verifyDrawFile(Path.of(file));
                }
                if (args.length >= 3 && !args[1].startsWith("--") && !args[2].startsWith("--")) {
                    return verifyDraw(new LogClient(args[1]), args[2], option(args, "--cert"));
                }
            }
            if (args.length >= 3 && args[0].equals("verify-report") && !args[1].startsWith("--") && !args[2].startsWith("--")) {
                return verifyReport(new LogClient(args[1]), args[2], option(args, "--pdf"), option(args, "--cert"),
                        option(args, "--root"));
            }
            if (args.length >= 3 && args[0].equals("verify-opening") && !args[1].startsWith("--") && !args[2].startsWith("--")) {
                LogClient client = new LogClient(args[1]);
                return OpeningCheck.verifyOpening(client, args[2], certificate(client, option(args, "--cert")));
            }
            if (args.length >= 3 && args[0].equals("verify-reserve") && !args[1].startsWith("--") && !args[2].startsWith("--")) {
                LogClient client = new LogClient(args[1]);
                return ReserveCheck.verifyReserve(client, args[2], certificate(client, option(args, "--cert")));
            }
            if (args.length >= 3 && args[0].equals("check-receipt") && !args[1].startsWith("--") && !args[2].startsWith("--")) {
                LogClient client = new LogClient(args[2]);
                return OpeningCheck.checkReceipt(client, Path.of(args[1]), certificate(client, option(args, "--cert")));
            }
            if (args.length >= 2 && args[0].equals("sm3")) {
                return sm3(Arrays.copyOfRange(args, 1, args.length));
            }
            if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
                return new Verdict(0, USAGE);
            }
            return Verdict.error(USAGE);
        } catch (LogClient.Refused e) {
            return Verdict.error("the platform refused a request: " + e.getMessage());
        } catch (IOException e) {
            return Verdict.error("cannot reach the platform: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.error("interrupted");
        } catch (RuntimeException | CertificateException e) {
            return Verdict.error(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** {@code sm3 FILE...}: one line per file, {@code HASH  FILE}, like sm3sum; exit 2 when a file cannot be read. */
    static Verdict sm3(String... files) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String file : files) {
            lines.add(Sm3.hex(Files.readAllBytes(Path.of(file))) + "  " + file);
        }
        return new Verdict(0, String.join(System.lineSeparator(), lines));
    }

    static Verdict verifyLog(LogClient client, String stateFile, String certFile)
            throws IOException, InterruptedException, CertificateException {
        X509Certificate platform = certificate(client, certFile);
        State previous = stateFile == null ? null : State.read(Path.of(stateFile));
        String fingerprint = Sm3.hex(platform.getEncoded());
        if (previous != null && !previous.certificate().equals(fingerprint)) {
            return Verdict.fail("the platform's certificate is not the one seen before (" + previous.certificate().substring(0, 16) + "…)");
        }
        JsonNode headJson = client.head();
        TreeHead head = head(headJson);
        if (!head.verify(platform.getPublicKey(), headJson.path("signature").asString())) {
            return Verdict.fail("the tree head of size " + head.size() + " is not signed by the platform");
        }

        List<byte[]> leaves = new ArrayList<>();
        java.util.Map<Long, String> committedRoots = new java.util.HashMap<>();
        java.util.Map<Long, String> sealedCommitments = new java.util.HashMap<>();
        int[] disclosures = {0};
        for (long start = 0; start < head.size(); start += PAGE) {
            JsonNode page = client.entries(start, Math.min(start + PAGE, head.size()));
            for (JsonNode entry : page) {
                long seq = entry.path("seq").asLong();
                if (seq != leaves.size()) {
                    return Verdict.fail("entry " + leaves.size() + " is missing from the log");
                }
                String commitment = entry.path("commitment").asString();
                Instant time = Instant.parse(entry.path("appendedAt").asString());
                if (!entry.path("details").isNull() && !entry.path("details").isMissingNode()) {
                    String details = entry.path("details").asString();
                    if (!LogLeaf.commitment(details).equals(commitment)) {
                        return Verdict.fail("entry " + seq + ": its details do not match its commitment (changed?)");
                    }
                    String payload = entry.path("payload").isNull() ? null : entry.path("payload").asString();
                    String payloadHash = LogClient.json().readTree(details).path("payloadHash").asString();
                    if (payload != null && !Sm3.hex(payload).equals(payloadHash)) {
                        return Verdict.fail("entry " + seq + ": its payload does not match its details (changed?)");
                    }
                    if (payload != null) {
                        String action = LogClient.json().readTree(details).path("action").asString();
                        JsonNode body = LogClient.json().readTree(payload);
                        if (CONFIDENTIAL_COMMITTED.equals(action)) {
                            committedRoots.put(seq, body.path("root").asString());
                        }
                        String bad = checkDisclosures(body, committedRoots, disclosures);
                        if (bad == null) {
                            bad = checkRevealed(body, sealedCommitments, disclosures);
                        }
                        if (bad != null) {
                            return Verdict.fail("entry " + seq + ": " + bad);
                        }
                    }
                }
                if (entry.path("details").isNull() || entry.path("details").isMissingNode()) {
                    sealedCommitments.put(seq, commitment);
                }
                leaves.add(LogLeaf.hash(seq, time, commitment));
            }
            if (leaves.size() < Math.min(start + PAGE, head.size())) {
                return Verdict.fail("entry " + leaves.size() + " is missing from the log");
            }
        }

        if (!Arrays.equals(MerkleTree.root(leaves), head.rootHash())) {
            return firstEntryNotInTree(client, leaves, head);
        }

        String grown = "";
        if (previous != null) {
            if (previous.size() > head.size()) {
                return Verdict.fail("the log shrank from " + previous.size() + " to " + head.size() + " entries");
            }
            List<byte[]> proof = hashes(client.consistency(previous.size(), head.size()).path("path"));
            byte[] previousRoot = HEX.parseHex(previous.root());
            if (!MerkleTree.verifyConsistency(previous.size(), head.size(), previousRoot, head.rootHash(), proof)
                    || !Arrays.equals(MerkleTree.root(leaves.subList(0, (int) previous.size())), previousRoot)) {
                return Verdict.fail("the log of " + head.size() + " entries does not extend the " + previous.size()
                        + " entries seen before: history was rewritten");
            }
            grown = ", consistent with the " + previous.size() + " entries seen before";
        }
        if (stateFile != null) {
            new State(head.size(), head.rootHex(), fingerprint).write(Path.of(stateFile));
        }
        return Verdict.ok("log of " + head.size() + " entries verified, root " + head.rootHex().substring(0, 16) + "…" + grown
                + (disclosures[0] > 0 ? ", " + disclosures[0] + " disclosed records committed before their disclosure" : ""));
    }

    /** The action of the entries that commit confidential records by a Merkle root. */
    static final String CONFIDENTIAL_COMMITTED = "audit.confidential.committed";

    /**
     * Checks every disclosed confidential record in {@code node} (an object with record, committedSeq, leafIndex,
     * batchSize, path) against the root of the earlier commitment entry it names; returns what is wrong, or null.
     */
    static String checkDisclosures(JsonNode node, java.util.Map<Long, String> committedRoots, int[] count) {
        if (node.isObject() && node.has("record") && node.has("committedSeq") && node.has("path")) {
            long committed = node.path("committedSeq").asLong();
            String root = committedRoots.get(committed);
            if (root == null) {
                return "a disclosed record names entry " + committed + ", which is no earlier commitment";
            }
            byte[] leaf = MerkleTree.leafHash(node.path("record").asString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (!MerkleTree.verifyInclusion(leaf, node.path("leafIndex").asLong(), node.path("batchSize").asLong(),
                    hashes(node.path("path")), HEX.parseHex(root))) {
                return "a disclosed record is not the one committed in entry " + committed + " (changed?)";
            }
            count[0]++;
            return null;
        }
        for (JsonNode child : node) {
            String bad = checkDisclosures(child, committedRoots, count);
            if (bad != null) {
                return bad;
            }
        }
        return null;
    }

    /**
     * Checks a disclosure of a sealed entry (an object with sealedSeq, details, payload): the details must make the
     * commitment the sealed entry published, and the payload must be the one its details name.
     */
    static String checkRevealed(JsonNode node, java.util.Map<Long, String> sealedCommitments, int[] count) {
        if (node.isObject() && node.has("sealedSeq") && node.has("details")) {
            long sealed = node.path("sealedSeq").asLong();
            String commitment = sealedCommitments.get(sealed);
            if (commitment == null) {
                return "a disclosure names entry " + sealed + ", which is no earlier sealed entry";
            }
            String details = node.path("details").asString();
            if (!LogLeaf.commitment(details).equals(commitment)) {
                return "the disclosure of entry " + sealed + " does not match what it committed to";
            }
            String payload = node.path("payload").asString();
            if (!Sm3.hex(payload).equals(LogClient.json().readTree(details).path("payloadHash").asString())) {
                return "the disclosed payload of entry " + sealed + " is not the one committed";
            }
            count[0]++;
            return null;
        }
        return null;
    }

    /** Finds the first entry whose recomputed leaf the platform cannot prove to be in the signed tree. */
    private static Verdict firstEntryNotInTree(LogClient client, List<byte[]> leaves, TreeHead head)
            throws IOException, InterruptedException {
        for (int i = 0; i < leaves.size(); i++) {
            String leaf = HEX.formatHex(leaves.get(i));
            boolean included;
            try {
                JsonNode proof = client.inclusion(leaf, head.size());
                included = proof.path("leafIndex").asLong() == i && MerkleTree.verifyInclusion(leaves.get(i), i,
                        head.size(), hashes(proof.path("path")), head.rootHash());
            } catch (LogClient.Refused e) {
                included = false;
            }
            if (!included) {
                return Verdict.fail("entry " + i + " is not the entry the signed tree holds (changed, removed or reordered)");
            }
        }
        return Verdict.fail("the entries do not add up to the signed root " + head.rootHex());
    }

    static Verdict verifyInclusion(LogClient client, String leafHash, String certFile)
            throws IOException, InterruptedException, CertificateException {
        X509Certificate platform = certificate(client, certFile);
        JsonNode headJson = client.head();
        TreeHead head = head(headJson);
        if (!head.verify(platform.getPublicKey(), headJson.path("signature").asString())) {
            return Verdict.fail("the tree head of size " + head.size() + " is not signed by the platform");
        }
        JsonNode proof;
        try {
            proof = client.inclusion(leafHash, head.size());
        } catch (LogClient.Refused e) {
            return Verdict.fail("entry " + leafHash + " is not in the log");
        }
        long index = proof.path("leafIndex").asLong();
        if (!MerkleTree.verifyInclusion(HEX.parseHex(leafHash), index, head.size(), hashes(proof.path("path")), head.rootHash())) {
            return Verdict.fail("the proof does not place entry " + leafHash + " in the signed tree");
        }
        return Verdict.ok("entry " + index + " is in the signed log of " + head.size() + " entries");
    }

    /** Checks a saved draw record on its own: everything but the head's signature and the log entries. */
    static Verdict verifyDrawFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Verdict.error("cannot read " + file + ": " + e.getMessage());
        }
        return DrawCheck.offline(LogClient.json().readTree(text));
    }

    /** Fetches a draw's record and checks it, its signed head and the two log entries it names. */
    static Verdict verifyDraw(LogClient client, String drawId, String certFile)
            throws IOException, InterruptedException, CertificateException {
        JsonNode record = client.drawRecord(drawId);
        if (!drawId.equals(record.path("drawId").asString())) {
            return Verdict.fail("the platform answered with the record of draw " + record.path("drawId").asString("(none)")
                    + ", not " + drawId);
        }
        X509Certificate platform = certificate(client, certFile);
        return DrawCheck.online(record, platform.getPublicKey(), log(client));
    }

    /** The log as the record checks read it, over HTTP. */
    static DrawCheck.Log log(LogClient client) {
        return new DrawCheck.Log() {
            @Override
            public JsonNode entry(long seq) throws IOException, InterruptedException {
                JsonNode page = client.entries(seq, seq + 1);
                return page.isArray() && page.size() == 1 ? page.get(0) : null;
            }

            @Override
            public JsonNode currentHead() throws IOException, InterruptedException {
                return client.head();
            }

            @Override
            public JsonNode inclusion(String leafHashHex, long treeSize) throws IOException, InterruptedException {
                try {
                    return client.inclusion(leafHashHex, treeSize);
                } catch (LogClient.Refused e) {
                    if (e.status >= 500) {
                        throw e; // could not check, rather than not included
                    }
                    return null;
                }
            }
        };
    }

    /**
     * Checks a tender's evaluation report: the PDF (downloaded, or {@code pdfFile}) against the SM3 its members signed,
     * each signature with its certificate under a trusted root (the platform's list, or {@code rootFile}), and the log.
     */
    static Verdict verifyReport(LogClient client, String tenderId, String pdfFile, String certFile, String rootFile)
            throws IOException, InterruptedException, CertificateException {
        byte[] pdf = pdfFile != null ? Files.readAllBytes(Path.of(pdfFile))
                : client.bytes("/api/v1/tenders/" + java.net.URLEncoder.encode(tenderId, StandardCharsets.UTF_8) + "/evaluation/report");
        List<X509Certificate> roots = new ArrayList<>();
        if (rootFile != null) {
            roots.add(Pem.certificate(Files.readAllBytes(Path.of(rootFile))));
        } else {
            for (JsonNode r : client.get("/api/v1/ca/trusted-roots")) {
                roots.add(Pem.certificate(r.path("pem").asString()));
            }
        }
        return ReportCheck.check(client, log(client), tenderId, pdf, roots, certificate(client, certFile).getPublicKey());
    }

    private static X509Certificate certificate(LogClient client, String certFile)
            throws IOException, InterruptedException, CertificateException {
        if (certFile != null) {
            return Pem.certificate(Files.readAllBytes(Path.of(certFile)));
        }
        return Pem.certificate(client.platformCertificate().path("pem").asString());
    }

    private static TreeHead head(JsonNode json) {
        return new TreeHead(json.path("size").asLong(), HEX.parseHex(json.path("rootHash").asString()),
                Instant.parse(json.path("timestamp").asString()));
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        array.forEach(h -> out.add(HEX.parseHex(h.asString())));
        return out;
    }

    private static String option(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }

    /** What the verifier remembers between runs: the last verified head and the platform certificate's fingerprint. */
    record State(long size, String root, String certificate) {

        static State read(Path file) throws IOException {
            if (!Files.exists(file)) {
                return null;
            }
            JsonNode json = LogClient.json().readTree(Files.readString(file, StandardCharsets.UTF_8));
            return new State(json.path("size").asLong(), json.path("rootHash").asString(),
                    json.path("certificateSm3").asString());
        }

        void write(Path file) throws IOException {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("size", size);
            json.put("rootHash", root);
            json.put("certificateSm3", certificate);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, LogClient.json().writeValueAsString(json), StandardCharsets.UTF_8);
        }
    }
}
