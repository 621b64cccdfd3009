package org.sunbid.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sunbid.crypto.log.MerkleTree;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A disclosure of confidential records (e.g. who registered for a tender) is checked against the Merkle root an
 * earlier commitment entry published: a record the platform did not commit before, or changed since, fails.
 */
class DisclosureCheckTest {

    private static final HexFormat HEX = HexFormat.of();

    private static final List<String> RECORDS = List.of("{\"id\":\"a\",\"salt\":\"01\"}", "{\"id\":\"b\",\"salt\":\"02\"}",
            "{\"id\":\"c\",\"salt\":\"03\"}");

    private static List<byte[]> leaves() {
        List<byte[]> leaves = new ArrayList<>();
        RECORDS.forEach(r -> leaves.add(MerkleTree.leafHash(r.getBytes(StandardCharsets.UTF_8))));
        return leaves;
    }

    private static JsonNode disclosure(String record, int index, long committedSeq) {
        ObjectNode d = LogClient.json().createObjectNode();
        d.put("record", record);
        d.put("committedSeq", committedSeq);
        d.put("leafIndex", index);
        d.put("batchSize", RECORDS.size());
        var path = d.putArray("path");
        MerkleTree.inclusionProof(index, RECORDS.size(), MerkleTree.of(leaves())).forEach(h -> path.add(HEX.formatHex(h)));
        ObjectNode payload = LogClient.json().createObjectNode();
        payload.putArray("registrations").addObject().set("commitment", d);
        return payload;
    }

    @Test
    void aCommittedRecordVerifiesAndAChangedOrUncommittedOneFails() {
        Map<Long, String> roots = Map.of(7L, HEX.formatHex(MerkleTree.root(leaves())));
        int[] count = {0};
        assertNull(Verifier.checkDisclosures(disclosure(RECORDS.get(1), 1, 7), roots, count));
        assertEquals(1, count[0]);

        String changed = RECORDS.get(1).replace("\"b\"", "\"x\"");
        assertNotNull(Verifier.checkDisclosures(disclosure(changed, 1, 7), roots, count));
        assertNotNull(Verifier.checkDisclosures(disclosure(RECORDS.get(1), 2, 7), roots, count));
        assertNotNull(Verifier.checkDisclosures(disclosure(RECORDS.get(1), 1, 8), roots, count), "no commitment at 8");
        assertEquals(1, count[0]);
    }

    @Test
    void aRevealedSealedEntryMustMatchItsCommitment() {
        String payload = "{\"objectorId\":\"o-1\"}";
        String details = "{\"action\":\"tendering.objection.raised\",\"payloadHash\":\"" + org.sunbid.crypto.Sm3.hex(payload)
                + "\",\"salt\":\"00\"}";
        Map<Long, String> sealed = Map.of(3L, org.sunbid.crypto.log.LogLeaf.commitment(details));
        int[] count = {0};
        ObjectNode disclosure = LogClient.json().createObjectNode();
        disclosure.put("sealedSeq", 3);
        disclosure.put("details", details);
        disclosure.put("payload", payload);
        assertNull(Verifier.checkRevealed(disclosure, sealed, count));
        assertEquals(1, count[0]);
        disclosure.put("payload", "{\"objectorId\":\"o-2\"}");
        assertNotNull(Verifier.checkRevealed(disclosure, sealed, count));
        disclosure.put("payload", payload);
        disclosure.put("details", details.replace("00", "01"));
        assertNotNull(Verifier.checkRevealed(disclosure, sealed, count));
        disclosure.put("sealedSeq", 4);
        assertNotNull(Verifier.checkRevealed(disclosure, sealed, count));
    }
}
