package org.sunbid.verifier;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm3;
import org.sunbid.crypto.log.LogLeaf;
import org.sunbid.crypto.log.MerkleTree;
import org.sunbid.crypto.log.TreeHead;
import org.sunbid.sealing.Envelope;
import org.sunbid.sealing.EnvelopeException;
import org.sunbid.sealing.OpeningKeys;

import tools.jackson.databind.JsonNode;

/**
 * {@code verify-reserve URL LOT_ID}: the sealed reserve (底价) of an auction lot, from public data only (issue 17; 国土资源部令
 * 第39号 Art. 10). The whole log is checked against the platform-signed head; then: the reserve's envelope SM3 was
 * committed in the log ({@code sealing.reserve.sealed}) before its deadline and before bidding ended, and is the last
 * one committed (no later replacement ignored); the platform-signed opening record names that envelope and the key
 * whose creation the log holds; the record's opening key is the private half of that key, and opening the published
 * envelope with it gives exactly the published reserve; the published bids hash to the log's bid entries (part C's
 * batches and the end entry: SM3 over {@code seq|bidderNumber|amountFen|receivedAt|phase} lines); and the outcome is
 * recomputed from the bids and the reserve: the highest bid (the earlier receipt on a tie) wins if there is no reserve or
 * it is at least the reserve; below it, or with no bid, no deal.
 */
final class ReserveCheck {

    static final String KEY_CREATED = "sealing.reserve.key-created";
    static final String SEALED = "sealing.reserve.sealed";
    static final String OPENED = "sealing.reserve.opened";
    static final String PUBLISHED = "auction.reserve.opened";
    static final String BIDS = "auction.bids.accepted";
    static final String ENDED = "auction.bidding.ended";
    private static final int PAGE = 1000;

    private ReserveCheck() {
    }

    /** One log entry about the lot, checked against its commitment. */
    record Entry(long seq, Instant appendedAt, String action, JsonNode payload) {
    }

    /** The lot's entries, the whole log verified against the signed head; or a verdict saying what is wrong. */
    static Object scan(LogClient client, String lotId, X509Certificate platform) throws IOException, InterruptedException {
        JsonNode headJson = client.head();
        TreeHead head = new TreeHead(headJson.path("size").asLong(), HexFormat.of().parseHex(headJson.path("rootHash").asString()),
                Instant.parse(headJson.path("timestamp").asString()));
        if (!head.verify(platform.getPublicKey(), headJson.path("signature").asString())) {
            return Verdict.fail("the tree head of size " + head.size() + " is not signed by the platform");
        }
        List<byte[]> leaves = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (long start = 0; start < head.size(); start += PAGE) {
            for (JsonNode entry : client.entries(start, Math.min(start + PAGE, head.size()))) {
                long seq = entry.path("seq").asLong();
                if (seq != leaves.size()) {
                    return Verdict.fail("entry " + leaves.size() + " is missing from the log");
                }
                String commitment = entry.path("commitment").asString();
                Instant at = Instant.parse(entry.path("appendedAt").asString());
                leaves.add(LogLeaf.hash(seq, at, commitment));
                if (entry.path("details").isNull() || entry.path("details").isMissingNode() || entry.path("payload").isNull()) {
                    continue;
                }
                String details = entry.path("details").asString();
                String payload = entry.path("payload").asString();
                JsonNode d = LogClient.json().readTree(details);
                if (!LogLeaf.commitment(details).equals(commitment) || !Sm3.hex(payload).equals(d.path("payloadHash").asString())) {
                    return Verdict.fail("entry " + seq + ": its details or payload do not match its commitment (changed?)");
                }
                if (lotId.equals(d.path("subject").asString(""))) {
                    entries.add(new Entry(seq, at, d.path("action").asString(), LogClient.json().readTree(payload)));
                }
            }
        }
        if (leaves.size() != head.size() || !Arrays.equals(MerkleTree.root(leaves), head.rootHash())) {
            return Verdict.fail("the entries do not add up to the signed root " + head.rootHex() + " (run `log` to find which)");
        }
        return entries;
    }

    /** The outcome recomputed, or the first thing wrong ({@code problem} non-null). */
    record Outcome(Long reserveFen, String winner, Long price, int bids, String problem) {

        String text() {
            String reserve = reserveFen == null ? "no reserve" : "reserve " + yuan(reserveFen);
            if (bids == 0) {
                return reserve + "; no bid: no deal";
            }
            return winner != null ? reserve + "; " + bids + " bids; deal: bidder " + winner + " at " + yuan(price)
                    : reserve + "; " + bids + " bids; the highest, " + yuan(price) + ", is below the reserve: no deal";
        }
    }

    /**
     * Checks the lot's log {@code entries}, the published reserve record's envelope ({@code envelope}: its bytes, null
     * where no reserve was sealed) and the published bids ({@code bidLines}) against each other; recomputes the outcome.
     */
    static Outcome check(List<Entry> entries, byte[] envelope, List<String> bidLines, PublicKey platform, String lotId) {
        Entry ended = last(entries, ENDED);
        if (ended == null) {
            return problem("bidding has not ended (no " + ENDED + " entry): the reserve is not opened before");
        }
        // The bids: the end entry's SM3 over every line, each batch's over its range.
        String all = lines(bidLines);
        if (!Sm3.hex(all).equals(ended.payload().path("bidsSm3").asString())
                || bidLines.size() != ended.payload().path("bids").asLong()) {
            return problem("the published bids do not hash to the end entry " + ended.seq());
        }
        for (Entry batch : entries) {
            if (!batch.action().equals(BIDS)) {
                continue;
            }
            int from = (int) batch.payload().path("fromSeq").asLong();
            int to = (int) batch.payload().path("toSeq").asLong();
            if (from < 1 || to > bidLines.size() || from > to
                    || !Sm3.hex(lines(bidLines.subList(from - 1, to))).equals(batch.payload().path("bidsSm3").asString())) {
                return problem("the published bids " + from + "–" + to + " do not hash to their batch entry " + batch.seq());
            }
        }
        Entry published = last(entries, PUBLISHED);
        if (published == null) {
            return problem("the reserve was not published yet (no " + PUBLISHED + " entry)");
        }
        Long reserve = null;
        List<Entry> sealed = entries.stream().filter(e -> e.action().equals(SEALED)).toList();
        Entry opened = last(entries, OPENED);
        if (sealed.isEmpty()) {
            if (opened != null || !published.payload().path("reserve").isNull()) {
                return problem("a reserve was published but none was ever committed in the log");
            }
        } else {
            if (opened == null) {
                return problem("a reserve was committed but its opening record is not in the log");
            }
            String recordJson = opened.payload().path("record").asString();
            if (!Sm2.verify(platform, recordJson.getBytes(StandardCharsets.UTF_8),
                    Base64.getDecoder().decode(opened.payload().path("signature").asString()))) {
                return problem("the reserve record of entry " + opened.seq() + " is not signed by the platform");
            }
            JsonNode record = LogClient.json().readTree(recordJson);
            Entry counting = sealed.get(sealed.size() - 1);
            if (counting.seq() != record.path("envelopeLogSeq").asLong()
                    || !counting.payload().path("envelopeSm3").asString().equals(record.path("envelopeSm3").asString())) {
                return problem("the opened envelope is not the last one committed (entry " + counting.seq() + ")");
            }
            Instant deadline = Instant.parse(counting.payload().path("deadline").asString());
            if (!counting.appendedAt().isBefore(deadline) || counting.seq() > ended.seq()
                    || !deadline.toString().equals(record.path("deadline").asString())) {
                return problem("the reserve's envelope was committed in entry " + counting.seq() + " at "
                        + counting.appendedAt() + ", not before its deadline " + deadline + " and the end of bidding");
            }
            Entry key = last(entries, KEY_CREATED);
            if (key == null || key.seq() > counting.seq()
                    || !key.payload().path("keySm3").asString().equals(record.path("keySm3").asString())) {
                return problem("the reserve record names a key whose creation is not in the log before the envelope");
            }
            PublicKey publicKey = Pem.publicKey(key.payload().path("publicKey").asString());
            PrivateKey privateKey = OpeningKeys.privateKey(HexFormat.of().parseHex(record.path("openingKey").asString()));
            byte[] probe = Sm3.hash(lotId.getBytes(StandardCharsets.UTF_8));
            if (!Sm2.verify(publicKey, probe, Sm2.sign(privateKey, probe))) {
                return problem("the record's opening key is not the private half of the logged reserve key");
            }
            if (envelope == null || !Sm3.hex(envelope).equals(record.path("envelopeSm3").asString())) {
                return problem("the published envelope is not the committed one");
            }
            long fen;
            try {
                fen = openReserve(envelope, privateKey);
            } catch (IOException | EnvelopeException | RuntimeException e) {
                return problem("the committed envelope does not open with the record's key: " + e.getMessage());
            }
            if (fen != record.path("reserveFen").asLong() || !Objects.equals(yuan(fen), published.payload().path("reserve").asString())) {
                return problem("the envelope holds " + yuan(fen) + ", not the published reserve");
            }
            reserve = fen;
        }
        return outcome(reserve, bidLines);
    }

    /** The reserve in fen inside the envelope (its price sheet's {@code totalPrice}, yuan). */
    private static long openReserve(byte[] envelope, PrivateKey key) throws IOException, EnvelopeException {
        Path dir = Files.createTempDirectory("reserve");
        Path file = dir.resolve("reserve.sbenv");
        Files.write(file, envelope);
        try {
            Envelope.Opened opened = Envelope.open(file, key, dir.resolve("opened"), 1 << 20);
            String total = LogClient.json().readTree(opened.priceSheet()).path("totalPrice").asString();
            return new BigDecimal(total).movePointRight(2).longValueExact();
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The outcome from the bids and the reserve (fen, null for none). */
    static Outcome outcome(Long reserve, List<String> bidLines) {
        String winner = null;
        long best = -1;
        for (String line : bidLines) { // in receipt order: a tie keeps the earlier
            String[] f = line.split("\\|");
            long amount = Long.parseLong(f[2]);
            if (amount > best) {
                best = amount;
                winner = f[1];
            }
        }
        if (bidLines.isEmpty()) {
            return new Outcome(reserve, null, null, 0, null);
        }
        boolean deal = reserve == null || best >= reserve;
        return new Outcome(reserve, deal ? winner : null, best, bidLines.size(), null);
    }

    private static Outcome problem(String text) {
        return new Outcome(null, null, null, 0, text);
    }

    private static Entry last(List<Entry> entries, String action) {
        Entry found = null;
        for (Entry e : entries) {
            if (e.action().equals(action)) {
                found = e;
            }
        }
        return found;
    }

    static String lines(List<String> bidLines) {
        StringBuilder b = new StringBuilder();
        bidLines.forEach(l -> b.append(l).append('\n'));
        return b.toString();
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** {@code verify-reserve URL LOT_ID}. */
    @SuppressWarnings("unchecked")
    static Verdict verifyReserve(LogClient client, String lotId, X509Certificate platform) throws IOException, InterruptedException {
        Object scanned = scan(client, lotId, platform);
        if (scanned instanceof Verdict v) {
            return v;
        }
        List<Entry> entries = (List<Entry>) scanned;
        JsonNode view = client.get("/api/v1/auctions/" + lotId + "/reserve");
        List<String> bids = new ArrayList<>();
        view.path("bids").forEach(b -> bids.add(b.asString()));
        byte[] envelope = view.path("openedAt").isNull() || view.path("openedAt").isMissingNode() ? null
                : client.bytes("/api/v1/auctions/" + lotId + "/reserve/envelope");
        Outcome outcome = check(entries, envelope, bids, platform.getPublicKey(), lotId);
        if (outcome.problem() != null) {
            return outcome.problem().startsWith("bidding has not ended") || outcome.problem().startsWith("the reserve was not published")
                    ? Verdict.error("lot " + lotId + ": " + outcome.problem())
                    : Verdict.fail("lot " + lotId + ": " + outcome.problem());
        }
        return Verdict.ok("lot " + lotId + ": " + (outcome.reserveFen() == null ? "no reserve was sealed"
                : "the opened reserve is the envelope committed before its deadline") + "; " + outcome.text());
    }
}
