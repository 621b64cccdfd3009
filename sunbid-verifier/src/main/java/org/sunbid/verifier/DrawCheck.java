package org.sunbid.verifier;

import java.io.IOException;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.sunbid.crypto.Sm3;
import org.sunbid.crypto.draw.DrawWalk;
import org.sunbid.crypto.draw.DrawWalk.Contact;
import org.sunbid.crypto.draw.DrawWalk.Outcome;
import org.sunbid.crypto.draw.DrawWalk.Specialty;
import org.sunbid.crypto.draw.VerifiableDraw;
import org.sunbid.crypto.log.LoggedEntry;
import org.sunbid.crypto.log.TreeHead;
import tools.jackson.databind.JsonNode;

/**
 * Checks a published expert draw record ({@code GET /api/v1/expert-draws/{drawId}/record}): that its committee is the one the
 * documented walk ({@link DrawWalk}) makes from the committed secret, the log head and the logged pool.
 * <p>
 * {@link #offline} needs the record only: SM3(secret) is the committed secret hash; the pools hash to the pool hash;
 * seed = SM3(secret ‖ head root ‖ draw id) and is the record's seed; no avoided expert is in a pool; the contacts are the
 * walk's (first round, then replacements of declines and silences only); the committee is who accepted, in contact
 * order, and each specialty has the count it asked for. {@link #online} adds what only the log can show: the head is
 * signed by the platform; entry {@code commitmentSeq} ({@value #COMMITTED}) committed this draw's secret hash and entry
 * {@code poolSeq} ({@value #POOL_FIXED}) this pool hash, in that order and before the head; and both entries are in the
 * tree the head signs — so the secret was fixed before the pool, and both before the head that fed the seed existed.
 */
final class DrawCheck {

    /** The action of the entry committing the draw's secret (by its hash). */
    static final String COMMITTED = "experts.draw.committed";
    /** The action of the entry fixing the draw's pools (by their hash). */
    static final String POOL_FIXED = "experts.draw.pool-fixed";

    private static final HexFormat HEX = HexFormat.of();

    private DrawCheck() {
    }

    /** The transparency log, as far as the online checks read it. */
    interface Log extends LoggedEntry.Log {
        /** The log's newest signed head as {@code /api/v1/log/head} publishes it; null when not available. */
        default JsonNode currentHead() throws IOException, InterruptedException {
            return null;
        }
    }

    /** The log action of the supervisor's reveal of the secret, after the seed's head was signed. */
    static final String REVEALED = "experts.draw.revealed";

    /**
     * The log actions of each kind of draw the platform runs with this algorithm (the record's {@code kind}; absent:
     * an expert draw): committed, pool fixed, revealed. Fixed here, so a record cannot name entries of another kind.
     */
    private static final java.util.Map<String, List<String>> ACTIONS = java.util.Map.of(
            "EXPERT", List.of(COMMITTED, POOL_FIXED, REVEALED),
            "INTERMEDIARY", List.of("intermediaries.draw.committed", "intermediaries.draw.pool-fixed", "intermediaries.draw.revealed"));

    /** A record that does not say what a draw record must. */
    private static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message);
        }
    }

    /** The record, read. */
    private record Draw(List<String> actions, String drawId, String secretHash, long commitmentSeq, String poolHash, long poolSeq, TreeHead head,
            String signature, byte[] secret, String seed, List<Specialty> specialties, List<String[]> avoided,
            List<Contact> contacts, List<String[]> committee) {
    }

    /** Checks what the record alone can show; OK names the committee, FAIL the first thing wrong. */
    static Verdict offline(JsonNode record) {
        try {
            Draw d = read(record);
            String bad = recompute(d);
            return bad != null ? Verdict.fail(bad)
                    : Verdict.ok(summary(d) + " (entries " + d.commitmentSeq() + ", " + d.poolSeq() + " and head " + d.head().size()
                            + " not checked against the log)");
        } catch (Malformed | IllegalArgumentException e) {
            return Verdict.fail("the draw record is malformed: " + e.getMessage());
        }
    }

    /** What the record alone shows wrong, or null (the offline check as a failure string). */
    static String problem(JsonNode record) {
        Verdict v = offline(record);
        return v.ok() ? null : v.line().substring("FAIL ".length());
    }

    /** The offline checks, then the head's signature by {@code platform} and the two entries in the signed tree. */
    static Verdict online(JsonNode record, PublicKey platform, Log log) throws IOException, InterruptedException {
        Draw d;
        try {
            d = read(record);
            String bad = recompute(d);
            if (bad != null) {
                return Verdict.fail(bad);
            }
        } catch (Malformed | IllegalArgumentException e) {
            return Verdict.fail("the draw record is malformed: " + e.getMessage());
        }
        TreeHead head = d.head();
        if (d.signature() == null || !head.verify(platform, d.signature())) {
            return Verdict.fail("the head of size " + head.size() + " the seed uses is not signed by the platform");
        }
        if (d.commitmentSeq() < 0 || d.commitmentSeq() >= d.poolSeq()) {
            return Verdict.fail("the secret (entry " + d.commitmentSeq() + ") was not committed before the pool was fixed (entry "
                    + d.poolSeq() + ")");
        }
        if (d.poolSeq() >= head.size()) {
            return Verdict.fail("the pool (entry " + d.poolSeq() + ") was not fixed before the head of size " + head.size()
                    + " the seed uses");
        }
        String bad = logged(d, log, d.commitmentSeq(), d.actions().get(0), "secretHash", d.secretHash(), "the secret hash");
        if (bad == null) {
            bad = logged(d, log, d.poolSeq(), d.actions().get(1), "poolHash", d.poolHash(), "the pool hash");
        }
        if (bad == null && record.path("revealedSeq").isNumber()) {
            bad = revealedAfterHead(d, record.path("revealedSeq").asLong(), platform, log);
        }
        return bad != null ? Verdict.fail(bad)
                : Verdict.ok(summary(d) + " (entries " + d.commitmentSeq() + ", " + d.poolSeq() + ", head " + head.size()
                        + (record.path("revealedSeq").isNumber() ? ", revealed in entry " + record.path("revealedSeq").asLong() : "")
                        + ")");
    }

    /**
     * The supervisor revealed the secret only after the head that feeds the seed was signed (its entry lies beyond that
     * head), and the reveal entry is this draw's, in the tree of the log's current signed head.
     */
    private static String revealedAfterHead(Draw d, long seq, PublicKey platform, Log log) throws IOException,
            InterruptedException {
        if (seq < d.head().size()) {
            return "the secret was revealed (entry " + seq + ") before the head of size " + d.head().size()
                    + " the seed uses was signed";
        }
        JsonNode current = log.currentHead();
        if (current == null) {
            return null; // a log without a current head: the order above is what can be checked
        }
        TreeHead head = LoggedEntry.signedHead(current, platform);
        if (head == null) {
            return "the log's current head is not signed by the platform";
        }
        LoggedEntry.Read read = LoggedEntry.read(log, seq, d.actions().get(2), head);
        if (read.problem() != null) {
            return read.problem();
        }
        if (!d.drawId().equals(read.payload().path("drawId").asString())
                || !d.secretHash().equalsIgnoreCase(read.payload().path("secretHash").asString())) {
            return "entry " + seq + " is not the reveal of this draw's secret";
        }
        return null;
    }

    private static String summary(Draw d) {
        return "draw " + d.drawId() + ": committee of " + d.committee().size()
                + " recomputed from the published pool, secret and head";
    }

    /** The offline checks on a read record: the first failure, or null. */
    private static String recompute(Draw d) {
        if (!Sm3.hex(d.secret()).equalsIgnoreCase(d.secretHash())) {
            return "the secret does not match the hash committed in entry " + d.commitmentSeq();
        }
        if (!DrawWalk.poolHash(d.specialties()).equalsIgnoreCase(d.poolHash())) {
            return "the published pools do not match the pool hash fixed in entry " + d.poolSeq();
        }
        byte[] seed = VerifiableDraw.seed(d.secret(), d.head().rootHash(), d.drawId());
        if (!HEX.formatHex(seed).equalsIgnoreCase(d.seed())) {
            return "the seed is not SM3(secret ‖ root of head " + d.head().size() + " ‖ draw id): it should be " + HEX.formatHex(seed);
        }
        for (String[] avoided : d.avoided()) {
            for (Specialty s : d.specialties()) {
                if (s.pool().contains(avoided[0])) {
                    return "avoided expert " + avoided[0] + " (" + avoided[1] + ") is in the pool of specialty " + s.code();
                }
            }
        }
        Optional<String> walk = new DrawWalk(seed, d.specialties()).check(d.contacts());
        if (walk.isPresent()) {
            return "the contacts are not the draw's: " + walk.get();
        }
        List<Contact> accepted = DrawWalk.committee(d.contacts());
        for (int i = 0; i < Math.max(accepted.size(), d.committee().size()); i++) {
            if (i >= d.committee().size()) {
                return "the committee leaves out " + accepted.get(i).expertId() + " (specialty " + accepted.get(i).specialty()
                        + "), who accepted";
            }
            String[] member = d.committee().get(i);
            if (i >= accepted.size()) {
                return "committee member " + (i + 1) + ", " + member[1] + " (specialty " + member[0] + "), did not accept";
            }
            if (!accepted.get(i).specialty().equals(member[0]) || !accepted.get(i).expertId().equals(member[1])) {
                return "committee member " + (i + 1) + " is " + member[1] + " (specialty " + member[0] + "), but acceptance "
                        + (i + 1) + " in contact order is " + accepted.get(i).expertId() + " (specialty " + accepted.get(i).specialty()
                        + ")";
            }
        }
        for (Specialty s : d.specialties()) {
            long seated = accepted.stream().filter(c -> c.specialty().equals(s.code())).count();
            if (seated != s.count()) {
                return "specialty " + s.code() + " asked for " + s.count() + " experts; the committee has " + seated;
            }
        }
        return null;
    }

    /**
     * Checks entry {@code seq}: published with details that make its commitment and name its payload, of the expected
     * action, for this draw, carrying {@code value} under {@code field}, and in the tree the record's head signs.
     */
    private static String logged(Draw d, Log log, long seq, String action, String field, String value, String what)
            throws IOException, InterruptedException {
        LoggedEntry.Read read = LoggedEntry.read(log, seq, action, d.head());
        if (read.problem() != null) {
            return read.problem();
        }
        JsonNode body = read.payload();
        if (!d.drawId().equals(body.path("drawId").asString())) {
            return "entry " + seq + " is about draw " + body.path("drawId").asString("(none)") + ", not " + d.drawId();
        }
        if (!value.equalsIgnoreCase(body.path(field).asString())) {
            return what + " logged in entry " + seq + " is not the record's";
        }
        return null;
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        array.forEach(h -> out.add(HEX.parseHex(h.asString())));
        return out;
    }

    // Reading the record ------------------------------------------------------------------------------------------

    private static Draw read(JsonNode r) {
        JsonNode head = r.path("head");
        byte[] root = hex(head, "rootHash", "head.rootHash");
        if (root.length != 32) {
            throw new Malformed("head.rootHash is not 32 bytes");
        }
        Instant time;
        try {
            time = Instant.parse(text(head, "timestamp", "head.timestamp"));
        } catch (DateTimeParseException e) {
            throw new Malformed("head.timestamp is not a time");
        }
        TreeHead treeHead = new TreeHead(number(head, "size", "head.size"), root, time);
        String signature = head.path("signature").isString() ? head.path("signature").asString() : null;

        List<Specialty> specialties = new ArrayList<>();
        for (JsonNode s : array(r, "specialties")) {
            List<String> pool = new ArrayList<>();
            for (JsonNode id : array(s, "pool")) {
                if (!id.isString()) {
                    throw new Malformed("a pool lists " + id + ", not an expert id");
                }
                pool.add(id.asString());
            }
            String code = text(s, "code", "specialties[].code");
            long count = number(s, "count", "specialties[].count");
            if (count < 0 || count > Integer.MAX_VALUE) {
                throw new Malformed("specialty " + code + " asks for " + count + " experts");
            }
            if (specialties.stream().anyMatch(other -> other.code().equals(code))) {
                throw new Malformed("specialty " + code + " is listed twice");
            }
            if (new HashSet<>(pool).size() != pool.size()) {
                throw new Malformed("the pool of specialty " + code + " lists an expert twice");
            }
            specialties.add(new Specialty(code, (int) count, pool));
        }
        List<String[]> avoided = new ArrayList<>();
        if (!r.path("avoided").isMissingNode() && !r.path("avoided").isNull()) {
            for (JsonNode a : array(r, "avoided")) {
                avoided.add(new String[] {text(a, "expertId", "avoided[].expertId"), a.path("rule").asString("no rule given")});
            }
        }
        List<Contact> contacts = new ArrayList<>();
        for (JsonNode c : array(r, "contacts")) {
            String outcome = text(c, "outcome", "contacts[].outcome");
            if (!List.of("ACCEPTED", "DECLINED", "NO_ANSWER").contains(outcome)) {
                throw new Malformed("a contact's outcome is " + outcome + ", not ACCEPTED, DECLINED or NO_ANSWER");
            }
            contacts.add(new Contact(text(c, "specialty", "contacts[].specialty"), text(c, "expertId", "contacts[].expertId"),
                    Outcome.valueOf(outcome)));
        }
        List<String[]> committee = new ArrayList<>();
        for (JsonNode m : array(r, "committee")) {
            committee.add(new String[] {text(m, "specialty", "committee[].specialty"), text(m, "expertId", "committee[].expertId")});
        }
        String kind = r.path("kind").isMissingNode() || r.path("kind").isNull() ? "EXPERT" : r.path("kind").asString();
        List<String> actions = ACTIONS.get(kind);
        if (actions == null) {
            throw new Malformed("its kind " + kind + " is not a draw this verifier knows");
        }
        return new Draw(actions, text(r, "drawId", "drawId"), text(r, "secretHash", "secretHash"), number(r, "commitmentSeq", "commitmentSeq"),
                text(r, "poolHash", "poolHash"), number(r, "poolSeq", "poolSeq"), treeHead, signature, hex(r, "secret", "secret"),
                text(r, "seed", "seed"), specialties, avoided, contacts, committee);
    }

    private static String text(JsonNode node, String field, String name) {
        JsonNode v = node.path(field);
        if (!v.isString() || v.asString().isEmpty()) {
            throw new Malformed("it has no " + name);
        }
        return v.asString();
    }

    private static long number(JsonNode node, String field, String name) {
        JsonNode v = node.path(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new Malformed("it has no " + name);
        }
        return v.asLong();
    }

    private static byte[] hex(JsonNode node, String field, String name) {
        String text = text(node, field, name);
        try {
            return HEX.parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new Malformed(name + " is not hex");
        }
    }

    private static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isArray()) {
            throw new Malformed("it has no " + field + " list");
        }
        return v;
    }
}
