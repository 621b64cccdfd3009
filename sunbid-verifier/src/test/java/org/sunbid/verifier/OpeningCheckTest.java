package org.sunbid.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm2Certificates;
import org.sunbid.crypto.Sm3;
import org.sunbid.crypto.log.MerkleTree;
import org.sunbid.sealing.Withdrawal;

import tools.jackson.databind.JsonNode;

/**
 * The bid-set check on its own, over hand-built disclosures: three bids (one replaced, one withdrawn with the bidder's
 * signature, one live and opened) verify; each insider change — a committed receipt left out, a withdrawal nobody
 * signed, a replacement without a later bid, a live bid left out of the opening record, a record committed after the
 * deadline — is named.
 */
class OpeningCheckTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String TENDER = "7d0f2b5e-3c1a-4b8e-9f00-0123456789ab";
    private static final Instant DEADLINE = Instant.parse("2026-12-20T01:30:00Z");
    private static final Instant T0 = Instant.parse("2026-12-01T01:30:00Z");
    private static final String CREDIT_CODE = "91320100MA1TEST01X";

    private final KeyPair platformKeys = Sm2.generateKeyPair();
    private final KeyPair caKeys = Sm2.generateKeyPair();
    private final X509Certificate ca = Sm2Certificates.selfSignedRoot("CN=Test CA,C=CN", caKeys, T0.minusSeconds(86400),
            DEADLINE.plusSeconds(86400 * 365));
    private final X509Certificate platform = Sm2Certificates.selfSignedRoot("CN=Platform,C=CN", platformKeys,
            T0.minusSeconds(86400), DEADLINE.plusSeconds(86400 * 365));
    private final KeyPair bidderKeys = Sm2.generateKeyPair();
    private final X509Certificate bidderCert = Sm2Certificates.issue(ca, caKeys.getPrivate(),
            "CN=投标人,SERIALNUMBER=" + CREDIT_CODE + ",C=CN", bidderKeys.getPublic(), T0.minusSeconds(86400),
            DEADLINE.plusSeconds(86400 * 365));

    /** What the platform would disclose, as maps, before it is turned into the log's JSON. */
    private final List<Map<String, Object>> bids = new ArrayList<>();
    private final List<Map<String, Object>> records = new ArrayList<>();
    private final List<Map<String, Object>> opened = new ArrayList<>();

    private Map<String, Object> bid(String bidder, String sm3, Instant at, String status) {
        Map<String, Object> b = new LinkedHashMap<>();
        String id = UUID.randomUUID().toString();
        b.put("bidId", id);
        b.put("bidderId", bidder);
        b.put("envelopeSm3", sm3);
        b.put("receivedAt", at.toString());
        b.put("status", status);
        b.put("receiptSm3", Sm3.hex("receipt " + id));
        b.put("withdrawal", null);
        bids.add(b);
        records.add(record("sealing.bid.received", at, Map.of("bidId", id, "envelopeSm3", sm3, "receiptSm3", Sm3.hex("receipt " + id))));
        return b;
    }

    private static Map<String, Object> record(String action, Instant at, Map<String, Object> payload) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", UUID.randomUUID().toString());
        r.put("recordedAt", at.toString());
        r.put("action", action);
        r.put("subject", TENDER);
        r.put("payload", payload);
        r.put("salt", "00");
        return r;
    }

    private void honest() {
        String bidderA = UUID.randomUUID().toString();
        String bidderB = UUID.randomUUID().toString();
        bid(bidderA, "a".repeat(64), T0, "REPLACED");
        Map<String, Object> live = bid(bidderA, "b".repeat(64), T0.plusSeconds(60), "VALID");
        Map<String, Object> withdrawn = bid(bidderB, "c".repeat(64), T0.plusSeconds(120), "WITHDRAWN");
        Withdrawal w = new Withdrawal(UUID.fromString(TENDER), "c".repeat(64), T0.plusSeconds(180), CREDIT_CODE);
        Map<String, Object> signed = new LinkedHashMap<>();
        signed.put("withdrawalId", UUID.randomUUID().toString());
        signed.put("statement", w.statement());
        signed.put("signature", w.sign(bidderKeys.getPrivate()));
        signed.put("certificatePem", Pem.encode(bidderCert));
        signed.put("receiptSm3", Sm3.hex("withdrawal receipt"));
        withdrawn.put("withdrawal", signed);
        records.add(record("sealing.bid.withdrawn", T0.plusSeconds(180), Map.of("bidId", withdrawn.get("bidId"),
                "envelopeSm3", "c".repeat(64), "statementSm3", Sm3.hex(w.statement()))));
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("bidId", live.get("bidId"));
        o.put("envelopeSm3", live.get("envelopeSm3"));
        o.put("status", "OPENED");
        opened.add(o);
    }

    /** The loaded log: all records committed in entry 10, disclosed in entry 12, opening record in entry 13. */
    private String check() {
        List<String> texts = records.stream().map(CanonicalJson::write).toList();
        List<byte[]> leaves = texts.stream().map(t -> MerkleTree.leafHash(t.getBytes(StandardCharsets.UTF_8))).toList();
        List<Map<String, Object>> committed = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("record", texts.get(i));
            c.put("committedSeq", 10);
            c.put("leafIndex", i);
            c.put("batchSize", texts.size());
            c.put("path", MerkleTree.inclusionProof(i, texts.size(), MerkleTree.of(leaves)).stream().map(HEX::formatHex).toList());
            committed.add(c);
        }
        Map<Long, String> roots = new HashMap<>();
        roots.put(10L, HEX.formatHex(MerkleTree.root(leaves)));
        Map<String, Object> disclosure = new LinkedHashMap<>();
        disclosure.put("tenderId", TENDER);
        disclosure.put("bids", bids);
        disclosure.put("committed", committed);
        String record = CanonicalJson.write(Map.of("type", "sunbid.opening-record", "tenderId", TENDER, "bids", opened));
        String signature = Base64.getEncoder().encodeToString(Sm2.sign(platformKeys.getPrivate(), record.getBytes(StandardCharsets.UTF_8)));
        JsonNode opening = LogClient.json().readTree(CanonicalJson.write(Map.of("record", record, "signature", signature)));
        OpeningCheck.Loaded loaded = new OpeningCheck.Loaded(platform, 20, roots, DEADLINE, 11,
                LogClient.json().readTree(CanonicalJson.write(disclosure)), 12, opening, 13);
        return OpeningCheck.check(loaded, TENDER, List.of(ca)).problem();
    }

    private String checkAfter(Consumer<OpeningCheckTest> change) {
        honest();
        change.accept(this);
        return check();
    }

    @Test
    void theHonestBidSetVerifies() {
        honest();
        assertNull(check());
    }

    @Test
    void aCommittedReceiptMissingFromTheDisclosedSetIsNamed() {
        String[] gone = new String[1];
        String problem = checkAfter(t -> gone[0] = (String) t.bids.remove(1).get("bidId"));
        assertTrue(problem.startsWith("the receipt of bid " + gone[0] + " (envelope " + "b".repeat(64) + "), committed in entry 10"),
                problem);
        assertTrue(problem.endsWith("is missing from the disclosed bid set"), problem);
    }

    @Test
    void aWithdrawalNobodySignedIsNamed() {
        String problem = checkAfter(t -> {
            t.bids.get(1).put("status", "WITHDRAWN"); // the live bid, marked withdrawn by an UPDATE
            t.opened.clear();
        });
        assertEquals("bid " + bids.get(1).get("bidId") + " is marked withdrawn without the bidder's signed withdrawal", problem);
    }

    @Test
    void aWithdrawalSignedByAnotherKeyIsNamed() {
        String problem = checkAfter(t -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> w = (Map<String, Object>) t.bids.get(2).get("withdrawal");
            w.put("signature", Withdrawal.parse((String) w.get("statement")).sign(Sm2.generateKeyPair().getPrivate()));
        });
        assertEquals("bid " + bids.get(2).get("bidId") + " is marked withdrawn, but its withdrawal is not signed by the bidder's certificate",
                problem);
    }

    @Test
    void aReplacementWithoutALaterBidIsNamed() {
        String problem = checkAfter(t -> {
            t.bids.get(1).put("status", "REPLACED");
            t.opened.clear();
            t.bids.get(0).put("receivedAt", T0.plusSeconds(600).toString());
            t.bids.get(1).put("receivedAt", T0.plusSeconds(600).toString());
        });
        assertTrue(problem.contains("is marked replaced, but no later bid of its bidder was received"), problem);
    }

    @Test
    void aLiveBidLeftOutOfTheOpeningRecordIsNamed() {
        String problem = checkAfter(t -> t.opened.clear());
        assertEquals("live bid " + bids.get(1).get("bidId") + " (envelope " + "b".repeat(64) + ") is missing from the opening record",
                problem);
    }

    @Test
    void aRecordCommittedForAfterTheDeadlineIsNamed() {
        String problem = checkAfter(t -> t.records.get(0).put("recordedAt", DEADLINE.toString()));
        assertTrue(problem.contains("is not of this tender before its deadline"), problem);
    }

    @Test
    void aBidDisclosedWithAnotherEnvelopeThanItsReceiptNamesIsNamed() {
        String problem = checkAfter(t -> {
            t.bids.get(1).put("envelopeSm3", "d".repeat(64));
            t.opened.get(0).put("envelopeSm3", "d".repeat(64));
        });
        assertTrue(problem.contains("is missing from the disclosed bid set"), problem);
    }
}
