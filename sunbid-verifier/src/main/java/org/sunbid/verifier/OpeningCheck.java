package org.sunbid.verifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm3;
import org.sunbid.crypto.log.LogLeaf;
import org.sunbid.crypto.log.MerkleTree;
import org.sunbid.crypto.log.ReceiptSignature;
import org.sunbid.crypto.log.TreeHead;
import org.sunbid.sealing.Withdrawal;

import tools.jackson.databind.JsonNode;

/**
 * A tender's bid set and opening, checked from the public log only. At closing the platform discloses every envelope it
 * received (live, replaced, withdrawn with the bidder's signed statement) and every confidential record of a bid
 * received or withdrawn that it committed before the deadline; the opening record must then account for every live
 * bid. {@link #verifyOpening} checks all of it; {@link #checkReceipt} answers one bidder holding its receipt.
 */
final class OpeningCheck {

    private static final HexFormat HEX = HexFormat.of();
    private static final int PAGE = 1000;
    static final String CLOSED = "tendering.bidding.closed";
    static final String DISCLOSED = "sealing.bids.disclosed";
    static final String RECEIVED = "sealing.bid.received";
    static final String WITHDRAWN = "sealing.bid.withdrawn";

    private OpeningCheck() {
    }

    /** What the log says about one tender, its entries verified against the signed head. */
    record Loaded(X509Certificate platform, long size, Map<Long, String> committedRoots, Instant deadline, long closedSeq,
            JsonNode disclosure, long disclosureSeq, JsonNode opening, long openingSeq) {
    }

    /** Reads the whole log, checks every entry and the signed root, and picks out the tender's entries. */
    static Object load(LogClient client, String tenderId, X509Certificate platform) throws IOException, InterruptedException {
        JsonNode headJson = client.head();
        TreeHead head = new TreeHead(headJson.path("size").asLong(), HEX.parseHex(headJson.path("rootHash").asString()),
                Instant.parse(headJson.path("timestamp").asString()));
        if (!head.verify(platform.getPublicKey(), headJson.path("signature").asString())) {
            return Verdict.fail("the tree head of size " + head.size() + " is not signed by the platform");
        }
        List<byte[]> leaves = new ArrayList<>();
        Map<Long, String> roots = new HashMap<>();
        Instant deadline = null;
        long closedSeq = -1;
        long disclosureSeq = -1;
        long openingSeq = -1;
        JsonNode disclosure = null;
        JsonNode opening = null;
        for (long start = 0; start < head.size(); start += PAGE) {
            for (JsonNode entry : client.entries(start, Math.min(start + PAGE, head.size()))) {
                long seq = entry.path("seq").asLong();
                if (seq != leaves.size()) {
                    return Verdict.fail("entry " + leaves.size() + " is missing from the log");
                }
                String commitment = entry.path("commitment").asString();
                leaves.add(LogLeaf.hash(seq, Instant.parse(entry.path("appendedAt").asString()), commitment));
                if (entry.path("details").isNull() || entry.path("details").isMissingNode() || entry.path("payload").isNull()) {
                    continue;
                }
                String details = entry.path("details").asString();
                String payload = entry.path("payload").asString();
                JsonNode d = LogClient.json().readTree(details);
                if (!LogLeaf.commitment(details).equals(commitment) || !Sm3.hex(payload).equals(d.path("payloadHash").asString())) {
                    return Verdict.fail("entry " + seq + ": its details or payload do not match its commitment (changed?)");
                }
                String action = d.path("action").asString();
                if (Verifier.CONFIDENTIAL_COMMITTED.equals(action)) {
                    roots.put(seq, LogClient.json().readTree(payload).path("root").asString());
                }
                if (!tenderId.equals(d.path("subject").asString(""))) {
                    continue;
                }
                JsonNode body = LogClient.json().readTree(payload);
                switch (action) {
                    case CLOSED -> {
                        closedSeq = seq;
                        deadline = Instant.parse(body.path("bidDeadline").asString());
                    }
                    case DISCLOSED -> {
                        disclosure = body;
                        disclosureSeq = seq;
                    }
                    case "sealing.opening.recorded", "sealing.opening.failed" -> {
                        opening = body;
                        openingSeq = seq;
                    }
                    default -> {
                    }
                }
            }
        }
        if (leaves.size() != head.size()) {
            return Verdict.fail("entry " + leaves.size() + " is missing from the log");
        }
        if (!Arrays.equals(MerkleTree.root(leaves), head.rootHash())) {
            return Verdict.fail("the entries do not add up to the signed root " + head.rootHex() + " (run `log` to find which)");
        }
        return new Loaded(platform, head.size(), roots, deadline, closedSeq, disclosure, disclosureSeq, opening, openingSeq);
    }

    /** The tender's bid set as disclosed and checked, or the first thing wrong with it. */
    record BidSet(Map<String, JsonNode> bids, Map<String, JsonNode> opened, String problem) {
    }

    /** Checks the disclosure against the commitments, the withdrawals against their signatures, the opening record. */
    static BidSet check(Loaded l, String tenderId, List<X509Certificate> roots) {
        Map<String, JsonNode> bids = new LinkedHashMap<>();
        if (l.disclosure() == null) {
            return new BidSet(bids, null, l.closedSeq() < 0 ? null
                    : "bidding closed in entry " + l.closedSeq() + " but the bid set was never disclosed");
        }
        l.disclosure().path("bids").forEach(b -> bids.put(b.path("bidId").asString(), b));
        Map<String, JsonNode> opened = null;
        if (l.opening() != null) {
            String recordText = l.opening().path("record").asString();
            if (!Sm2.verify(l.platform().getPublicKey(), recordText.getBytes(StandardCharsets.UTF_8),
                    Base64.getDecoder().decode(l.opening().path("signature").asString()))) {
                return new BidSet(bids, null, "the opening record in entry " + l.openingSeq() + " is not signed by the platform");
            }
            Map<String, JsonNode> listed = new LinkedHashMap<>();
            LogClient.json().readTree(recordText).path("bids").forEach(b -> listed.put(b.path("bidId").asString(), b));
            opened = listed;
        }
        Map<String, JsonNode> received = new LinkedHashMap<>();
        Map<String, JsonNode> withdrawn = new LinkedHashMap<>();
        Map<String, Long> committedIn = new HashMap<>();
        for (JsonNode c : l.disclosure().path("committed")) {
            long seq = c.path("committedSeq").asLong();
            String root = l.committedRoots().get(seq);
            if (root == null || seq > l.disclosureSeq()) {
                return new BidSet(bids, opened, "a disclosed bid record names entry " + seq + ", which is no earlier commitment");
            }
            String text = c.path("record").asString();
            List<byte[]> path = new ArrayList<>();
            c.path("path").forEach(h -> path.add(HEX.parseHex(h.asString())));
            if (!MerkleTree.verifyInclusion(MerkleTree.leafHash(text.getBytes(StandardCharsets.UTF_8)), c.path("leafIndex").asLong(),
                    c.path("batchSize").asLong(), path, HEX.parseHex(root))) {
                return new BidSet(bids, opened, "a disclosed bid record is not the one committed in entry " + seq + " (changed?)");
            }
            JsonNode record = LogClient.json().readTree(text);
            if (!tenderId.equals(record.path("subject").asString()) || l.deadline() == null
                    || !Instant.parse(record.path("recordedAt").asString()).isBefore(l.deadline())) {
                return new BidSet(bids, opened, "a disclosed bid record committed in entry " + seq + " is not of this tender before its deadline");
            }
            String bidId = record.path("payload").path("bidId").asString();
            (RECEIVED.equals(record.path("action").asString()) ? received : withdrawn).put(bidId, record.path("payload"));
            committedIn.putIfAbsent(bidId, seq);
        }
        for (var r : received.entrySet()) {
            JsonNode bid = bids.get(r.getKey());
            if (bid == null || !bid.path("envelopeSm3").asString().equals(r.getValue().path("envelopeSm3").asString())
                    || !bid.path("receiptSm3").asString().equals(r.getValue().path("receiptSm3").asString())) {
                return new BidSet(bids, opened, "the receipt of bid " + r.getKey() + " (envelope " + r.getValue().path("envelopeSm3").asString()
                        + "), committed in entry " + committedIn.get(r.getKey()) + " before the deadline, is missing from the disclosed bid set");
            }
        }
        for (JsonNode bid : bids.values()) {
            String id = bid.path("bidId").asString();
            String status = bid.path("status").asString();
            if (!received.containsKey(id)) {
                return new BidSet(bids, opened, "bid " + id + " is disclosed without a receipt committed before the deadline");
            }
            if (status.equals("WITHDRAWN")) {
                String bad = withdrawal(bid, tenderId, withdrawn.get(id), roots);
                if (bad != null) {
                    return new BidSet(bids, opened, bad);
                }
            } else if (withdrawn.containsKey(id)) {
                return new BidSet(bids, opened, "bid " + id + " was withdrawn by its bidder's signed statement but is disclosed as " + status);
            } else if (status.equals("REPLACED") && bids.values().stream().noneMatch(o -> o != bid
                    && o.path("bidderId").asString().equals(bid.path("bidderId").asString())
                    && Instant.parse(o.path("receivedAt").asString()).isAfter(Instant.parse(bid.path("receivedAt").asString())))) {
                return new BidSet(bids, opened, "bid " + id + " is marked replaced, but no later bid of its bidder was received");
            } else if (!status.equals("VALID") && !status.equals("REPLACED")) {
                return new BidSet(bids, opened, "bid " + id + " has an unknown status " + status);
            }
        }
        if (opened == null) {
            return new BidSet(bids, null, null);
        }
        for (JsonNode bid : bids.values()) {
            if (!bid.path("status").asString().equals("VALID")) {
                continue;
            }
            JsonNode o = opened.get(bid.path("bidId").asString());
            if (o == null || !o.path("envelopeSm3").asString().equals(bid.path("envelopeSm3").asString())) {
                return new BidSet(bids, opened, "live bid " + bid.path("bidId").asString() + " (envelope "
                        + bid.path("envelopeSm3").asString() + ") is missing from the opening record");
            }
            if (!o.path("status").asString().equals("OPENED") && o.path("reason").asString("").isBlank()) {
                return new BidSet(bids, opened, "bid " + bid.path("bidId").asString() + " is not opened and the record gives no reason");
            }
        }
        for (String id : opened.keySet()) {
            if (!bids.containsKey(id) || !bids.get(id).path("status").asString().equals("VALID")) {
                return new BidSet(bids, opened, "the opening record lists bid " + id + ", which is not a live bid of the disclosed set");
            }
        }
        return new BidSet(bids, opened, null);
    }

    /** A withdrawn bid's withdrawal: the bidder's statement for this envelope, signed, committed before the deadline. */
    private static String withdrawal(JsonNode bid, String tenderId, JsonNode committed, List<X509Certificate> roots) {
        String id = bid.path("bidId").asString();
        JsonNode w = bid.path("withdrawal");
        if (!w.isObject()) {
            return "bid " + id + " is marked withdrawn without the bidder's signed withdrawal";
        }
        try {
            String statement = w.path("statement").asString();
            Withdrawal withdrawal = Withdrawal.parse(statement);
            X509Certificate certificate = Pem.certificate(w.path("certificatePem").asString());
            PublicKey key = certificate.getPublicKey();
            if (!withdrawal.tenderId().toString().equals(tenderId)
                    || !withdrawal.envelopeSm3().equals(bid.path("envelopeSm3").asString())
                    || !withdrawal.verify(key, w.path("signature").asString())
                    || !org.sunbid.crypto.Sm2Certificates.subjectValues(certificate).contains(withdrawal.bidderCreditCode())
                    || roots.stream().noneMatch(r -> issuedBy(certificate, r))) {
                return "bid " + id + " is marked withdrawn, but its withdrawal is not signed by the bidder's certificate";
            }
            if (committed == null || !Sm3.hex(statement).equals(committed.path("statementSm3").asString())) {
                return "bid " + id + " is marked withdrawn, but no withdrawal of it was committed before the deadline";
            }
            return null;
        } catch (IllegalArgumentException | CertificateException e) {
            return "bid " + id + " is marked withdrawn without the bidder's signed withdrawal";
        }
    }

    private static boolean issuedBy(X509Certificate certificate, X509Certificate root) {
        try {
            certificate.verify(root.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    static List<X509Certificate> trustedRoots(LogClient client) throws IOException, InterruptedException, CertificateException {
        List<X509Certificate> roots = new ArrayList<>();
        for (JsonNode r : client.get("/api/v1/ca/trusted-roots")) {
            roots.add(Pem.certificate(r.path("pem").asString()));
        }
        return roots;
    }

    /** {@code verify-opening URL TENDER_ID}. */
    static Verdict verifyOpening(LogClient client, String tenderId, X509Certificate platform)
            throws IOException, InterruptedException, CertificateException {
        Object loaded = load(client, tenderId, platform);
        if (loaded instanceof Verdict v) {
            return v;
        }
        Loaded l = (Loaded) loaded;
        if (l.closedSeq() < 0) {
            return Verdict.error("bidding on tender " + tenderId + " has not closed: its bids are not disclosed yet");
        }
        BidSet set = check(l, tenderId, trustedRoots(client));
        if (set.problem() != null) {
            return Verdict.fail("tender " + tenderId + ": " + set.problem());
        }
        long live = set.bids().values().stream().filter(b -> b.path("status").asString().equals("VALID")).count();
        String opening = set.opened() == null ? "the opening is not recorded yet"
                : "every live bid is in the opening record of entry " + l.openingSeq() + " ("
                        + set.opened().values().stream().filter(b -> b.path("status").asString().equals("OPENED")).count() + " opened)";
        return Verdict.ok("tender " + tenderId + ": " + set.bids().size() + " bids disclosed in entry " + l.disclosureSeq()
                + ", each receipt committed before the deadline and every committed receipt disclosed; " + live + " live, "
                + opening + "; log of " + l.size() + " entries verified");
    }

    /**
     * Null if the platform signed the saved receipt ({@code {receipt, signature|batch}}): with its batch or, if issued
     * before batches, on its own ({@link ReceiptSignature}); else what is wrong.
     */
    static String receiptUnsigned(JsonNode saved, X509Certificate platform) {
        return ReceiptSignature.check(saved, platform.getPublicKey()).problem();
    }

    /** {@code check-receipt RECEIPT_FILE URL}: is this receipt's bid in the disclosed set and the opening record? */
    static Verdict checkReceipt(LogClient client, Path file, X509Certificate platform)
            throws IOException, InterruptedException, CertificateException {
        JsonNode saved;
        try {
            saved = LogClient.json().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Verdict.error("cannot read the receipt " + file + ": " + e.getMessage());
        }
        String text = saved.path("receipt").asString("");
        String unsigned = receiptUnsigned(saved, platform);
        if (unsigned != null) {
            return Verdict.fail(unsigned);
        }
        JsonNode receipt = LogClient.json().readTree(text);
        String tenderId = receipt.path("tenderId").asString();
        String bidId = receipt.path("bidId").asString();
        String sm3 = receipt.path("envelopeSm3").asString();
        Object loaded = load(client, tenderId, platform);
        if (loaded instanceof Verdict v) {
            return v;
        }
        Loaded l = (Loaded) loaded;
        if (l.closedSeq() < 0) {
            return Verdict.error("bidding on tender " + tenderId + " has not closed: nothing is disclosed yet");
        }
        BidSet set = check(l, tenderId, trustedRoots(client));
        JsonNode bid = set.bids().get(bidId);
        if ("sunbid.withdrawal-receipt".equals(receipt.path("type").asString())) {
            if (bid == null || !bid.path("envelopeSm3").asString().equals(sm3) || !bid.path("status").asString().equals("WITHDRAWN")
                    || !bid.path("withdrawal").path("receiptSm3").asString().equals(Sm3.hex(text))) {
                return Verdict.fail("receipt signed by the platform but the withdrawal of bid " + sm3
                        + " is missing from the disclosed bid set of " + tenderId);
            }
            if (set.problem() != null && set.problem().contains(bidId)) {
                return Verdict.fail("bid " + sm3 + " of " + tenderId + ": " + set.problem());
            }
            return Verdict.ok("bid " + sm3 + " is in the disclosed bid set of " + tenderId + " as WITHDRAWN (this signed withdrawal)");
        }
        if (bid == null || !bid.path("envelopeSm3").asString().equals(sm3) || !bid.path("receiptSm3").asString().equals(Sm3.hex(text))) {
            return Verdict.fail("receipt signed by the platform but bid " + sm3 + " is missing from the disclosed bid set of " + tenderId);
        }
        String status = bid.path("status").asString();
        if (!status.equals("VALID")) {
            if (set.problem() != null && set.problem().contains(bidId)) {
                return Verdict.fail("bid " + sm3 + " of " + tenderId + ": " + set.problem());
            }
            return Verdict.ok("bid " + sm3 + " is in the disclosed bid set of " + tenderId + " as " + status
                    + (status.equals("WITHDRAWN") ? " (withdrawn by the bidder's signed statement)" : " (replaced by a later bid)"));
        }
        if (set.opened() == null) {
            if (set.problem() != null && set.problem().contains(bidId)) {
                return Verdict.fail("bid " + sm3 + " of " + tenderId + ": " + set.problem());
            }
            return Verdict.ok("bid " + sm3 + " is in the disclosed bid set of " + tenderId + " as live; the opening is not recorded yet");
        }
        JsonNode opened = set.opened().get(bidId);
        if (opened == null || !opened.path("envelopeSm3").asString().equals(sm3)) {
            return Verdict.fail("receipt signed by the platform but bid " + sm3 + " is missing from the opening record of " + tenderId);
        }
        return Verdict.ok("bid " + sm3 + " is in the opening record of " + tenderId + " as " + opened.path("status").asString());
    }
}
