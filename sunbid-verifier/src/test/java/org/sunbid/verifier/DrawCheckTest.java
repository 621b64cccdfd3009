package org.sunbid.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm2Certificates;
import org.sunbid.crypto.Sm3;
import org.sunbid.crypto.draw.DrawWalk;
import org.sunbid.crypto.draw.DrawWalk.Contact;
import org.sunbid.crypto.draw.DrawWalk.Outcome;
import org.sunbid.crypto.draw.DrawWalk.Specialty;
import org.sunbid.crypto.draw.VerifiableDraw;
import org.sunbid.crypto.log.LogLeaf;
import org.sunbid.crypto.log.MerkleTree;
import org.sunbid.crypto.log.TreeHead;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A published draw record verifies when its committee is the walk's from its secret, head and pools; changing any of
 * them, the contacts or the committee fails. Online, the head must be signed and the secret and pool logged, in order,
 * in the tree it signs.
 */
class DrawCheckTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DRAW = "5b0e4a2c-3f1d-4a8e-9c61-2f7d8e9a0b14";
    private static final Instant SIGNED = Instant.parse("2026-11-23T01:30:00Z");

    private static List<String> ids(int from, int to) {
        List<String> p = new ArrayList<>();
        for (int i = to; i >= from; i--) { // given unsorted: the pool hash and the walk sort
            p.add(String.format("expert-%03d", i));
        }
        return p;
    }

    /** A01 asks for 3 of 10, B02 for 2 of 8; experts 8 to 10 are eligible in both. */
    private static final List<Specialty> SPECIALTIES = List.of(new Specialty("A01", 3, ids(1, 10)),
            new Specialty("B02", 2, ids(8, 15)));

    /**
     * The record of an honest draw: the second expert contacted declines, the fourth does not answer, each is replaced,
     * everyone else accepts.
     */
    private static ObjectNode record(byte[] secret, byte[] root, long headSize, long commitmentSeq, long poolSeq) {
        byte[] seed = VerifiableDraw.seed(secret, root, DRAW);
        DrawWalk walk = new DrawWalk(seed, SPECIALTIES);
        List<Contact> first = walk.firstRound();
        List<Contact> contacts = new ArrayList<>();
        Set<String> contacted = new HashSet<>();
        List<String> owed = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            Outcome outcome = i == 1 ? Outcome.DECLINED : i == 3 ? Outcome.NO_ANSWER : Outcome.ACCEPTED;
            contacts.add(new Contact(first.get(i).specialty(), first.get(i).expertId(), outcome));
            contacted.add(first.get(i).expertId());
            if (outcome != Outcome.ACCEPTED) {
                owed.add(first.get(i).specialty());
            }
        }
        for (String specialty : owed) {
            String next = walk.next(specialty, contacted).orElseThrow();
            contacted.add(next);
            contacts.add(new Contact(specialty, next, Outcome.ACCEPTED));
        }

        ObjectNode r = LogClient.json().createObjectNode();
        r.put("drawId", DRAW);
        r.put("tenderId", "0d9c7b6a-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
        r.put("projectCode", "YZ-2026-GC-0101");
        r.put("secretHash", Sm3.hex(secret));
        r.put("commitmentSeq", commitmentSeq);
        r.put("poolHash", DrawWalk.poolHash(SPECIALTIES));
        r.put("poolSeq", poolSeq);
        ObjectNode head = r.putObject("head");
        head.put("size", headSize);
        head.put("rootHash", HEX.formatHex(root));
        head.put("timestamp", SIGNED.toString());
        head.put("signature", "");
        r.put("secret", HEX.formatHex(secret));
        r.put("seed", HEX.formatHex(seed));
        ArrayNode specialties = r.putArray("specialties");
        for (Specialty s : SPECIALTIES) {
            ObjectNode o = specialties.addObject();
            o.put("code", s.code());
            o.put("count", s.count());
            ArrayNode pool = o.putArray("pool");
            ids(1, 15).stream().filter(s.pool()::contains).forEach(pool::add); // published in another order than sorted
        }
        ObjectNode avoided = r.putArray("avoided").addObject();
        avoided.put("expertId", "expert-099");
        avoided.put("rule", "SAME_EMPLOYER_AS_BIDDER");
        ArrayNode c = r.putArray("contacts");
        for (Contact contact : contacts) {
            ObjectNode o = c.addObject();
            o.put("specialty", contact.specialty());
            o.put("expertId", contact.expertId());
            o.put("outcome", contact.outcome().name());
        }
        ArrayNode committee = r.putArray("committee");
        for (Contact member : DrawWalk.committee(contacts)) {
            ObjectNode o = committee.addObject();
            o.put("specialty", member.specialty());
            o.put("expertId", member.expertId());
        }
        return r;
    }

    private static byte[] random32() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return b;
    }

    private static ObjectNode honest() {
        return record(random32(), random32(), 131, 123, 130);
    }

    private static String fails(ObjectNode record, Consumer<ObjectNode> change) {
        ObjectNode changed = record.deepCopy();
        change.accept(changed);
        Verdict v = DrawCheck.offline(changed);
        assertFalse(v.ok(), "verified although changed: " + changed);
        assertEquals(1, v.exitCode());
        assertEquals(v.line().substring("FAIL ".length()), DrawCheck.problem(changed));
        return v.line();
    }

    private static ObjectNode at(JsonNode node, String field, int index) {
        return (ObjectNode) node.path(field).get(index);
    }

    /** Another expert of the contact's specialty's pool, not contacted in the record. */
    private static String uncontacted(ObjectNode record, String specialty) {
        Set<String> contacted = new HashSet<>();
        record.path("contacts").forEach(c -> contacted.add(c.path("expertId").asString()));
        Specialty s = SPECIALTIES.stream().filter(x -> x.code().equals(specialty)).findFirst().orElseThrow();
        return s.pool().stream().filter(id -> !contacted.contains(id)).findFirst().orElseThrow();
    }

    @Test
    void anHonestRecordVerifiesOffline() {
        ObjectNode record = honest();
        Verdict v = DrawCheck.offline(record);
        assertTrue(v.ok(), v.line());
        assertEquals("OK draw " + DRAW + ": committee of 5 recomputed from the published pool, secret and head (entries 123, 130 and"
                + " head 131 not checked against the log)", v.line());
        assertNull(DrawCheck.problem(record));
        assertEquals(7, record.path("contacts").size());
    }

    @Test
    void aChangedPoolSecretHeadOrCountFails() {
        ObjectNode record = honest();
        assertTrue(fails(record, r -> ((ArrayNode) at(r, "specialties", 1).path("pool")).set(2, "expert-042"))
                .contains("pool hash fixed in entry 130"));
        assertTrue(fails(record, r -> {
            byte[] secret = HEX.parseHex(r.path("secret").asString());
            secret[0] ^= 1;
            r.put("secret", HEX.formatHex(secret));
        }).contains("the secret does not match the hash committed in entry 123"));
        assertTrue(fails(record, r -> {
            byte[] root = HEX.parseHex(r.path("head").path("rootHash").asString());
            root[31] ^= 1;
            ((ObjectNode) r.path("head")).put("rootHash", HEX.formatHex(root));
        }).contains("the seed is not SM3(secret ‖ root of head 131 ‖ draw id)"));
        assertTrue(fails(record, r -> at(r, "specialties", 0).put("count", 4)).contains("pool hash"));
        assertTrue(fails(record, r -> r.put("drawId", "5b0e4a2c-3f1d-4a8e-9c61-2f7d8e9a0b15")).contains("the seed"));
        assertTrue(fails(record, r -> r.put("seed", HEX.formatHex(random32()))).contains("the seed"));
    }

    /** Recomputing the hashes after a change does not help: the walk from the other inputs is another. */
    @Test
    void aChangeWithItsHashesRecomputedStillFails() {
        ObjectNode record = honest();
        assertTrue(fails(record, r -> {
            at(r, "specialties", 0).put("count", 4);
            List<Specialty> more = List.of(new Specialty("A01", 4, SPECIALTIES.get(0).pool()), SPECIALTIES.get(1));
            r.put("poolHash", DrawWalk.poolHash(more));
        }).contains("the contacts are not the draw's"));
        assertTrue(fails(record, r -> {
            byte[] secret = random32();
            r.put("secret", HEX.formatHex(secret));
            r.put("secretHash", Sm3.hex(secret));
            r.put("seed", HEX.formatHex(VerifiableDraw.seed(secret, HEX.parseHex(r.path("head").path("rootHash").asString()), DRAW)));
        }).contains("the contacts are not the draw's"));
    }

    @Test
    void aChangedContactFails() {
        ObjectNode record = honest();
        for (int i = 0; i < record.path("contacts").size(); i++) {
            int index = i;
            String specialty = at(record, "contacts", i).path("specialty").asString();
            String other = uncontacted(record, specialty);
            assertTrue(fails(record, r -> at(r, "contacts", index).put("expertId", other))
                    .contains("the contacts are not the draw's: contact " + (index + 1)));
        }
        // The decline turned into an acceptance: its replacement replaces nobody.
        assertTrue(fails(record, r -> at(r, "contacts", 1).put("outcome", "ACCEPTED")).contains("replaces nobody"));
        // A contact for a specialty that was not requested.
        assertTrue(fails(record, r -> at(r, "contacts", 6).put("specialty", "C03")).contains("not requested"));
        assertTrue(fails(record, r -> at(r, "contacts", 0).put("outcome", "MAYBE")).contains("malformed"));
    }

    @Test
    void aChangedCommitteeFails() {
        ObjectNode record = honest();
        String outsider = uncontacted(record, "A01");
        assertTrue(fails(record, r -> at(r, "committee", 0).put("expertId", outsider)).contains("committee member 1 is " + outsider));
        String declined = at(record, "contacts", 1).path("expertId").asString();
        assertTrue(fails(record, r -> at(r, "committee", 4).put("expertId", declined)).contains("committee member 5"));
        assertTrue(fails(record, r -> ((ArrayNode) r.path("committee")).remove(4)).contains("leaves out"));
        assertTrue(fails(record, r -> ((ArrayNode) r.path("committee")).addObject().put("specialty", "A01").put("expertId", outsider))
                .contains("did not accept"));
        assertTrue(fails(record, r -> {
            ArrayNode committee = (ArrayNode) r.path("committee");
            JsonNode first = committee.remove(0);
            committee.add(first);
        }).contains("committee member 1"));
    }

    @Test
    void aSpecialtyShortOfItsCountFails() {
        ObjectNode record = honest();
        // The silence in B02 never replaced: the walk holds, the committee is who accepted, but B02 has one expert of two.
        assertEquals("B02", at(record, "contacts", 6).path("specialty").asString());
        assertTrue(fails(record, r -> {
            ((ArrayNode) r.path("contacts")).remove(6);
            ((ArrayNode) r.path("committee")).remove(4);
        }).contains("specialty B02 asked for 2 experts; the committee has 1"));
    }

    @Test
    void anAvoidedExpertInAPoolFails() {
        ObjectNode record = honest();
        assertTrue(fails(record, r -> at(r, "avoided", 0).put("expertId", "expert-009"))
                .contains("avoided expert expert-009 (SAME_EMPLOYER_AS_BIDDER) is in the pool of specialty A01"));
    }

    @Test
    void aMalformedRecordFails() {
        ObjectNode record = honest();
        assertTrue(fails(record, r -> r.remove("contacts")).contains("malformed: it has no contacts list"));
        assertTrue(fails(record, r -> ((ObjectNode) r.path("head")).put("rootHash", "abcd")).contains("malformed"));
        assertTrue(fails(record, r -> r.put("secret", "not hex")).contains("malformed: secret is not hex"));
        assertTrue(fails(record, r -> r.put("commitmentSeq", "123")).contains("malformed"));
        assertTrue(fails(record, r -> ((ArrayNode) r.path("specialties")).add(r.path("specialties").get(0).deepCopy()))
                .contains("malformed: specialty A01 is listed twice"));
        assertTrue(fails(record, r -> ((ArrayNode) at(r, "specialties", 0).path("pool")).add("expert-001"))
                .contains("malformed: the pool of specialty A01 lists an expert twice"));
    }

    @Test
    void theCommandChecksASavedRecord(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("draw.json");
        Files.writeString(file, honest().toString(), StandardCharsets.UTF_8);
        Verdict v = Verifier.run("verify-draw", "--file", file.toString());
        assertEquals(0, v.exitCode(), v.line());
        ObjectNode changed = honest();
        at(changed, "committee", 0).put("expertId", "expert-015");
        Files.writeString(file, changed.toString(), StandardCharsets.UTF_8);
        assertEquals(1, Verifier.run("verify-draw", "--file", file.toString()).exitCode());
        assertEquals(2, Verifier.run("verify-draw", "--file", dir.resolve("missing.json").toString()).exitCode());
        Verdict usage = Verifier.run("verify-draw");
        assertEquals(2, usage.exitCode());
        assertTrue(usage.line().contains("verify-draw URL DRAW_ID [--cert PEM]"), usage.line());
    }

    // Online: a log of 9 entries, the head signed over the first 7; the secret committed at 2, the pool fixed at 5.

    private static final long COMMITTED = 2;
    private static final long POOL = 5;
    private static final int HEAD = 7;

    /** A log, its entries as the API publishes them and their leaf hashes. */
    private record FakeLog(List<ObjectNode> entries, List<byte[]> leaves) implements DrawCheck.Log {

        @Override
        public JsonNode entry(long seq) {
            return seq < entries.size() ? entries.get((int) seq) : null;
        }

        @Override
        public JsonNode inclusion(String leafHashHex, long treeSize) {
            for (int i = 0; i < leaves.size(); i++) {
                if (HEX.formatHex(leaves.get(i)).equals(leafHashHex) && i < treeSize) {
                    ObjectNode proof = LogClient.json().createObjectNode();
                    proof.put("leafIndex", i);
                    proof.put("treeSize", treeSize);
                    ArrayNode path = proof.putArray("path");
                    MerkleTree.inclusionProof(i, treeSize, MerkleTree.of(leaves.subList(0, (int) treeSize)))
                            .forEach(h -> path.add(HEX.formatHex(h)));
                    return proof;
                }
            }
            return null;
        }

        byte[] root() {
            return MerkleTree.root(leaves.subList(0, HEAD));
        }
    }

    private static ObjectNode entry(long seq, String action, Map<String, Object> payload) {
        String payloadJson = CanonicalJson.write(payload);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("v", 1);
        details.put("action", action);
        details.put("payloadHash", Sm3.hex(payloadJson));
        details.put("salt", HEX.formatHex(random32()));
        String detailsJson = CanonicalJson.write(details);
        ObjectNode e = LogClient.json().createObjectNode();
        e.put("seq", seq);
        e.put("appendedAt", SIGNED.minusSeconds(600 - seq).toString());
        e.put("commitment", LogLeaf.commitment(detailsJson));
        e.put("details", detailsJson);
        e.put("payload", payloadJson);
        e.put("sealed", false);
        return e;
    }

    private static FakeLog log(String secretHash, String poolHash, String poolDrawId) {
        List<ObjectNode> entries = new ArrayList<>();
        for (long seq = 0; seq < 9; seq++) {
            ObjectNode e;
            if (seq == COMMITTED) {
                e = entry(seq, DrawCheck.COMMITTED, Map.of("drawId", DRAW, "secretHash", secretHash));
            } else if (seq == POOL) {
                e = entry(seq, DrawCheck.POOL_FIXED, Map.of("drawId", poolDrawId, "poolHash", poolHash, "experts", 15L));
            } else {
                e = entry(seq, "tendering.tender.published", Map.of("tenderId", "t-" + seq));
            }
            entries.add(e);
        }
        List<byte[]> leaves = new ArrayList<>();
        for (ObjectNode e : entries) {
            byte[] leaf = LogLeaf.hash(e.path("seq").asLong(), Instant.parse(e.path("appendedAt").asString()),
                    e.path("commitment").asString());
            e.put("leafHash", HEX.formatHex(leaf));
            leaves.add(leaf);
        }
        return new FakeLog(entries, leaves);
    }

    /** The record of a draw whose secret and pool {@code log} holds, its head signed with {@code key}. */
    private static ObjectNode signed(byte[] secret, FakeLog log, KeyPair key) {
        ObjectNode record = record(secret, log.root(), HEAD, COMMITTED, POOL);
        ((ObjectNode) record.path("head")).put("signature", new TreeHead(HEAD, log.root(), SIGNED).sign(key.getPrivate()));
        return record;
    }

    /**
     * An intermediary draw (中介超市, issue 20) runs the same algorithm; its record says {@code "kind": "INTERMEDIARY"} and
     * its entries are the intermediaries' actions: an expert draw's entries do not stand in for them, nor the reverse,
     * and a kind the verifier does not know is refused.
     */
    @Test
    void anIntermediaryDrawNeedsTheIntermediaryActionsInTheLog() throws Exception {
        KeyPair platform = Sm2.generateKeyPair();
        byte[] secret = random32();
        FakeLog expertLog = log(Sm3.hex(secret), DrawWalk.poolHash(SPECIALTIES), DRAW);
        ObjectNode record = signed(secret, expertLog, platform);
        assertTrue(DrawCheck.online(record, platform.getPublic(), expertLog).ok());
        ObjectNode asIntermediary = record.deepCopy();
        asIntermediary.put("kind", "INTERMEDIARY");
        assertTrue(DrawCheck.offline(asIntermediary).ok(), "the algorithm is the same");
        assertTrue(DrawCheck.online(asIntermediary, platform.getPublic(), expertLog).line().startsWith("FAIL "),
                "an expert draw's entries are not an intermediary draw's");

        List<ObjectNode> entries = new ArrayList<>(expertLog.entries());
        entries.set((int) COMMITTED, entry(COMMITTED, "intermediaries.draw.committed",
                Map.of("drawId", DRAW, "secretHash", Sm3.hex(secret))));
        entries.set((int) POOL, entry(POOL, "intermediaries.draw.pool-fixed",
                Map.of("drawId", DRAW, "poolHash", DrawWalk.poolHash(SPECIALTIES))));
        List<byte[]> leaves = new ArrayList<>();
        for (ObjectNode e : entries) {
            byte[] leaf = LogLeaf.hash(e.path("seq").asLong(), Instant.parse(e.path("appendedAt").asString()),
                    e.path("commitment").asString());
            e.put("leafHash", HEX.formatHex(leaf));
            leaves.add(leaf);
        }
        FakeLog intermediaryLog = new FakeLog(entries, leaves);
        ObjectNode signedIntermediary = signed(secret, intermediaryLog, platform);
        signedIntermediary.put("kind", "INTERMEDIARY");
        Verdict v = DrawCheck.online(signedIntermediary, platform.getPublic(), intermediaryLog);
        assertTrue(v.ok(), v.line());
        ObjectNode asExpert = signedIntermediary.deepCopy();
        asExpert.remove("kind");
        assertFalse(DrawCheck.online(asExpert, platform.getPublic(), intermediaryLog).ok());
        ObjectNode unknown = signedIntermediary.deepCopy();
        unknown.put("kind", "LOTTERY");
        assertTrue(DrawCheck.offline(unknown).line().contains("kind LOTTERY"), DrawCheck.offline(unknown).line());
    }

    @Test
    void onlineTheSecretAndPoolMustBeLoggedInOrderInTheSignedTree() throws Exception {
        KeyPair platform = Sm2.generateKeyPair();
        byte[] secret = random32();
        String poolHash = DrawWalk.poolHash(SPECIALTIES);
        FakeLog log = log(Sm3.hex(secret), poolHash, DRAW);
        ObjectNode record = signed(secret, log, platform);

        Verdict v = DrawCheck.online(record, platform.getPublic(), log);
        assertTrue(v.ok(), v.line());
        assertEquals("OK draw " + DRAW + ": committee of 5 recomputed from the published pool, secret and head (entries 2, 5, head 7)",
                v.line());

        // Another key's signature; no signature.
        assertTrue(DrawCheck.online(record, Sm2.generateKeyPair().getPublic(), log).line()
                .contains("the head of size 7 the seed uses is not signed by the platform"));
        ObjectNode unsigned = record.deepCopy();
        ((ObjectNode) unsigned.path("head")).remove("signature");
        assertFalse(DrawCheck.online(unsigned, platform.getPublic(), log).ok());

        // Offline failures still fail online.
        ObjectNode changed = record.deepCopy();
        at(changed, "committee", 0).put("expertId", "expert-015");
        assertTrue(DrawCheck.online(changed, platform.getPublic(), log).line().contains("committee member 1"));

        // The log committed another secret, fixed another pool, or fixed it for another draw.
        FakeLog otherSecret = log(Sm3.hex(random32()), poolHash, DRAW);
        assertEquals("FAIL the secret hash logged in entry 2 is not the record's",
                DrawCheck.online(signed(secret, otherSecret, platform), platform.getPublic(), otherSecret).line());
        FakeLog otherPool = log(Sm3.hex(secret), Sm3.hex("another pool"), DRAW);
        assertEquals("FAIL the pool hash logged in entry 5 is not the record's",
                DrawCheck.online(signed(secret, otherPool, platform), platform.getPublic(), otherPool).line());
        FakeLog otherDraw = log(Sm3.hex(secret), poolHash, "another-draw");
        assertTrue(DrawCheck.online(signed(secret, otherDraw, platform), platform.getPublic(), otherDraw).line()
                .contains("entry 5 is about draw another-draw"));

        // Out of order: the pool fixed before the secret, or after the head.
        ObjectNode swapped = record.deepCopy();
        swapped.put("commitmentSeq", POOL);
        swapped.put("poolSeq", COMMITTED);
        assertTrue(DrawCheck.online(swapped, platform.getPublic(), log).line().contains("was not committed before the pool"));
        ObjectNode late = record.deepCopy();
        late.put("poolSeq", HEAD);
        assertTrue(DrawCheck.online(late, platform.getPublic(), log).line()
                .contains("the pool (entry 7) was not fixed before the head of size 7"));

        // The record names entries of other actions.
        ObjectNode wrongEntry = record.deepCopy();
        wrongEntry.put("commitmentSeq", 1);
        assertTrue(DrawCheck.online(wrongEntry, platform.getPublic(), log).line().contains("entry 1 is tendering.tender.published"));

        // The supervisor revealed the secret before the seed's head was signed: the platform could have picked the head.
        ObjectNode early = record.deepCopy();
        early.put("revealedSeq", 6);
        assertEquals("FAIL the secret was revealed (entry 6) before the head of size 7 the seed uses was signed",
                DrawCheck.online(early, platform.getPublic(), log).line());
        ObjectNode after = record.deepCopy();
        after.put("revealedSeq", HEAD);
        assertTrue(DrawCheck.online(after, platform.getPublic(), log).ok());

        // The log serves an entry whose payload or time changed since the head was signed.
        ObjectNode payload = log.entries().get((int) POOL);
        String original = payload.path("payload").asString();
        payload.put("payload", original.replace("15", "16"));
        assertTrue(DrawCheck.online(record, platform.getPublic(), log).line().contains("entry 5: its payload does not match"));
        payload.put("payload", original);
        payload.put("appendedAt", SIGNED.toString());
        assertEquals("FAIL entry 5 is not in the tree of head 7 (root " + HEX.formatHex(log.root()) + ")",
                DrawCheck.online(record, platform.getPublic(), log).line());
    }
    /** The command end to end over HTTP: the record, the platform certificate, the two entries and their proofs. */
    @Test
    void theCommandFetchesTheRecordAndTheLog() throws Exception {
        KeyPair platform = Sm2.generateKeyPair();
        String pem = Pem.encode(Sm2Certificates.selfSignedRoot("CN=Sunbid platform", platform, SIGNED.minusSeconds(86_400),
                SIGNED.plusSeconds(86_400 * 365L)));
        byte[] secret = random32();
        FakeLog log = log(Sm3.hex(secret), DrawWalk.poolHash(SPECIALTIES), DRAW);
        ObjectNode record = signed(secret, log, platform);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = new LinkedHashMap<>();
            String raw = exchange.getRequestURI().getQuery();
            if (raw != null) {
                for (String pair : raw.split("&")) {
                    query.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                }
            }
            JsonNode body = null;
            if (path.equals("/api/v1/expert-draws/" + DRAW + "/record")) {
                body = record;
            } else if (path.equals("/api/v1/ca/platform-certificate")) {
                body = LogClient.json().createObjectNode().put("pem", pem);
            } else if (path.equals("/api/v1/log/entries")) {
                ArrayNode page = LogClient.json().createArrayNode();
                long end = Math.min(Long.parseLong(query.get("end")), log.entries().size());
                for (long seq = Long.parseLong(query.get("start")); seq < end; seq++) {
                    page.add(log.entries().get((int) seq));
                }
                body = page;
            } else if (path.equals("/api/v1/log/proof/inclusion")) {
                body = log.inclusion(query.get("leafHash"), Long.parseLong(query.get("treeSize")));
            }
            byte[] bytes = (body == null ? "{\"code\":\"NOT_FOUND\"}" : body.toString()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://localhost:" + server.getAddress().getPort() + "/";
            Verdict v = Verifier.run("verify-draw", url, DRAW);
            assertEquals("OK draw " + DRAW + ": committee of 5 recomputed from the published pool, secret and head (entries 2, 5, head 7)",
                    v.line());
            Path other = Files.createTempFile("other-platform", ".pem");
            try {
                Files.writeString(other, Pem.encode(Sm2Certificates.selfSignedRoot("CN=Someone else", Sm2.generateKeyPair(),
                        SIGNED.minusSeconds(86_400), SIGNED.plusSeconds(86_400))));
                Verdict foreign = Verifier.run("verify-draw", url, DRAW, "--cert", other.toString());
                assertEquals(1, foreign.exitCode(), foreign.line());
                assertTrue(foreign.line().contains("not signed by the platform"), foreign.line());
            } finally {
                Files.delete(other);
            }
            assertEquals(2, Verifier.run("verify-draw", url, "no-such-draw").exitCode(), "the platform refused");

            // The log no longer holds the pool entry as it was when the head was signed.
            log.entries().get((int) POOL).put("appendedAt", SIGNED.toString());
            Verdict moved = Verifier.run("verify-draw", url, DRAW);
            assertEquals(1, moved.exitCode(), moved.line());
            assertTrue(moved.line().contains("entry 5 is not in the tree of head 7"), moved.line());
        } finally {
            server.stop(0);
        }
    }
}
