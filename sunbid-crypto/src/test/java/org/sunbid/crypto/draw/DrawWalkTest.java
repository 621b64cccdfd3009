package org.sunbid.crypto.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sunbid.crypto.Sm3;
import org.sunbid.crypto.draw.DrawWalk.Contact;
import org.sunbid.crypto.draw.DrawWalk.Outcome;
import org.sunbid.crypto.draw.DrawWalk.Specialty;

/**
 * The walk across specialties: the first round in request order, one contact per expert, replacements only for
 * declines and silences, and a check that accepts the honest sequence and rejects any other.
 */
class DrawWalkTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SEED = VerifiableDraw.seed("supervisor's secret".getBytes(StandardCharsets.UTF_8),
            HEX.parseHex("2fed45fdfa56bdc6000000000000000000000000000000000000000000000000"), "draw-2026-0001");

    private static List<String> ids(String prefix, int from, int to) {
        List<String> p = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            p.add(String.format("%s-%03d", prefix, i));
        }
        Collections.shuffle(p); // the order given does not matter: the pool is sorted
        return p;
    }

    /** A01 and B02 share experts e-005 … e-008: each is eligible in both. */
    private static List<Specialty> overlapping() {
        return List.of(new Specialty("A01", 3, ids("e", 1, 8)), new Specialty("B02", 2, ids("e", 5, 12)));
    }

    /**
     * What the platform does: the first round, then each decline or silence (in the order they happen) replaced by the
     * next expert of its specialty not contacted yet. Experts in {@code declining} decline, those in {@code silent} do
     * not answer, everyone else accepts.
     */
    private static List<Contact> honest(DrawWalk walk, Set<String> declining, Set<String> silent) {
        List<Contact> contacts = new ArrayList<>();
        Set<String> contacted = new HashSet<>();
        Deque<String> owed = new ArrayDeque<>();
        for (Contact c : walk.firstRound()) {
            contacts.add(answered(c.specialty(), c.expertId(), declining, silent, owed));
            contacted.add(c.expertId());
        }
        while (!owed.isEmpty()) {
            String specialty = owed.poll();
            Optional<String> next = walk.next(specialty, contacted);
            if (next.isEmpty()) {
                continue;
            }
            contacted.add(next.get());
            contacts.add(answered(specialty, next.get(), declining, silent, owed));
        }
        return contacts;
    }

    private static Contact answered(String specialty, String id, Set<String> declining, Set<String> silent, Deque<String> owed) {
        Outcome outcome = declining.contains(id) ? Outcome.DECLINED : silent.contains(id) ? Outcome.NO_ANSWER : Outcome.ACCEPTED;
        if (outcome != Outcome.ACCEPTED) {
            owed.add(specialty);
        }
        return new Contact(specialty, id, outcome);
    }

    private static List<Contact> with(List<Contact> contacts, int index, Contact replacement) {
        List<Contact> changed = new ArrayList<>(contacts);
        changed.set(index, replacement);
        return changed;
    }

    @Test
    void theFirstRoundTakesTheCountOfEachSpecialtyInRequestOrder() {
        Specialty a = new Specialty("A01", 3, ids("a", 1, 8));
        Specialty b = new Specialty("B02", 2, ids("b", 1, 6));
        DrawWalk walk = new DrawWalk(SEED, List.of(a, b));
        assertEquals(VerifiableDraw.rank(a.pool(), DrawWalk.specialtySeed(SEED, "A01")), walk.ranking("A01"));
        assertNotEquals(walk.ranking("A01"), VerifiableDraw.rank(a.pool(), SEED), "each specialty has its own stream");

        List<Contact> expected = new ArrayList<>();
        walk.ranking("A01").subList(0, 3).forEach(id -> expected.add(new Contact("A01", id, Outcome.PENDING)));
        walk.ranking("B02").subList(0, 2).forEach(id -> expected.add(new Contact("B02", id, Outcome.PENDING)));
        assertEquals(expected, walk.firstRound());

        // Requested the other way round: B02 first, each specialty's picks unchanged (its stream is its own).
        List<Contact> reversed = new DrawWalk(SEED, List.of(b, a)).firstRound();
        assertEquals(expected.subList(3, 5), reversed.subList(0, 2));
        assertEquals(expected.subList(0, 3), reversed.subList(2, 5));

        // A pool smaller than its count gives what it has.
        List<Contact> short_ = new DrawWalk(SEED, List.of(new Specialty("A01", 5, List.of("x", "y")), b)).firstRound();
        assertEquals(4, short_.size());
        assertEquals(List.of("A01", "A01", "B02", "B02"), short_.stream().map(Contact::specialty).toList());
    }

    @Test
    void anExpertEligibleInTwoSpecialtiesIsContactedOnlyOnce() {
        DrawWalk walk = new DrawWalk(SEED, List.of(new Specialty("A01", 4, ids("e", 1, 6)), new Specialty("B02", 2, ids("e", 1, 6))));
        List<Contact> first = walk.firstRound();
        List<String> a = first.subList(0, 4).stream().map(Contact::expertId).toList();
        assertEquals(walk.ranking("A01").subList(0, 4), a);
        Set<String> b = new HashSet<>(first.subList(4, 6).stream().map(Contact::expertId).toList());
        Set<String> rest = new HashSet<>(ids("e", 1, 6));
        a.forEach(rest::remove);
        assertEquals(rest, b, "B02 gets the two A01 did not take");
        assertTrue(walk.ranking("B02").subList(0, 2).stream().anyMatch(a::contains),
                "the seed makes B02's own ranking start with someone A01 already took (else this test shows nothing)");
        assertEquals(Optional.empty(), walk.next("B02", new HashSet<>(ids("e", 1, 6))), "the pool is exhausted");
        assertEquals(Optional.empty(), walk.check(first));
    }

    @Test
    void checkAcceptsTheHonestSequenceWithADeclineAndASilenceReplaced() {
        DrawWalk walk = new DrawWalk(SEED, overlapping());
        List<Contact> first = walk.firstRound();
        String declined = first.get(1).expertId(); // A01
        String silent = first.get(3).expertId(); // B02
        List<Contact> contacts = honest(walk, Set.of(declined), Set.of(silent));
        assertEquals(first.size() + 2, contacts.size());
        assertEquals(Outcome.DECLINED, contacts.get(1).outcome());
        assertEquals(Outcome.NO_ANSWER, contacts.get(3).outcome());
        assertEquals("A01", contacts.get(5).specialty());
        assertEquals("B02", contacts.get(6).specialty());
        assertEquals(contacts.size(), contacts.stream().map(Contact::expertId).distinct().count());
        assertEquals(Optional.empty(), walk.check(contacts));

        List<Contact> committee = DrawWalk.committee(contacts);
        assertEquals(5, committee.size());
        assertEquals(3, committee.stream().filter(c -> c.specialty().equals("A01")).count());
        assertFalse(committee.stream().anyMatch(c -> c.expertId().equals(declined) || c.expertId().equals(silent)));

        // A replacement that declines in turn is replaced too.
        String alsoDeclines = contacts.get(5).expertId();
        List<Contact> twice = honest(walk, Set.of(declined, alsoDeclines), Set.of(silent));
        assertEquals(contacts.size() + 1, twice.size());
        assertEquals(Optional.empty(), walk.check(twice));
        assertEquals(5, DrawWalk.committee(twice).size());
    }

    @Test
    void checkRejectsASwappedExpert() {
        DrawWalk walk = new DrawWalk(SEED, overlapping());
        List<Contact> contacts = honest(walk, Set.of(walk.firstRound().get(0).expertId()), Set.of());
        Set<String> used = new HashSet<>(contacts.stream().map(Contact::expertId).toList());
        String outsider = walk.ranking("A01").stream().filter(id -> !used.contains(id)).findFirst().orElseThrow();
        for (int i = 0; i < contacts.size(); i++) {
            Contact c = contacts.get(i);
            String other = c.specialty().equals("A01") ? outsider : walk.next("B02", used).orElseThrow();
            Optional<String> bad = walk.check(with(contacts, i, new Contact(c.specialty(), other, c.outcome())));
            assertTrue(bad.isPresent(), "contact " + i + " swapped");
            assertTrue(bad.get().contains("contact " + (i + 1)), bad.get());
        }
        // Two first-round experts of one specialty in the other order.
        List<Contact> reordered = new ArrayList<>(contacts);
        Collections.swap(reordered, 0, 1);
        assertTrue(walk.check(reordered).isPresent());
    }

    @Test
    void checkRejectsAReplacementWithoutADecline() {
        DrawWalk walk = new DrawWalk(SEED, overlapping());
        List<Contact> contacts = honest(walk, Set.of(), Set.of());
        assertEquals(Optional.empty(), walk.check(contacts));
        Set<String> contacted = new HashSet<>(contacts.stream().map(Contact::expertId).toList());
        List<Contact> extra = new ArrayList<>(contacts);
        extra.add(new Contact("A01", walk.next("A01", contacted).orElseThrow(), Outcome.ACCEPTED));
        assertTrue(walk.check(extra).orElseThrow().contains("replaces nobody"));

        // A decline in A01 owes a replacement in A01, not in B02.
        List<Contact> declined = honest(walk, Set.of(contacts.get(0).expertId()), Set.of());
        List<Contact> elsewhere = with(declined, declined.size() - 1,
                new Contact("B02", walk.next("B02", contacted).orElseThrow(), Outcome.ACCEPTED));
        assertTrue(walk.check(elsewhere).orElseThrow().contains("replaces nobody"));

        // An acceptance followed by a "replacement" of the same specialty.
        List<Contact> accepted = with(declined, 0, new Contact("A01", declined.get(0).expertId(), Outcome.ACCEPTED));
        assertTrue(walk.check(accepted).isPresent());
    }

    @Test
    void checkRejectsAContactForAnUnrequestedSpecialty() {
        DrawWalk walk = new DrawWalk(SEED, overlapping());
        List<Contact> contacts = honest(walk, Set.of(walk.firstRound().get(0).expertId()), Set.of());
        Contact last = contacts.get(contacts.size() - 1);
        assertTrue(walk.check(with(contacts, contacts.size() - 1, new Contact("C03", last.expertId(), last.outcome())))
                .orElseThrow().contains("not requested"));
        Contact first = contacts.get(0);
        assertTrue(walk.check(with(contacts, 0, new Contact("C03", first.expertId(), first.outcome())))
                .orElseThrow().contains("not requested"));
        List<Contact> appended = new ArrayList<>(contacts);
        appended.add(new Contact("C03", "e-099", Outcome.ACCEPTED));
        assertTrue(walk.check(appended).isPresent());
        assertThrows(IllegalArgumentException.class, () -> walk.ranking("C03"));
    }

    @Test
    void checkRejectsAShortenedFirstRound() {
        DrawWalk walk = new DrawWalk(SEED, overlapping());
        List<Contact> first = walk.firstRound();
        List<Contact> honest = honest(walk, Set.of(), Set.of());
        assertEquals(first.size(), honest.size());
        assertTrue(walk.check(honest.subList(0, honest.size() - 1)).isPresent(), "the last first-round contact left out");
        assertTrue(walk.check(List.of()).isPresent());

        // A01 asked only two and the third made to look like a replacement of a decline: B02's first comes too early.
        List<Contact> withDecline = honest(walk, Set.of(first.get(0).expertId()), Set.of());
        List<Contact> shortened = new ArrayList<>(withDecline);
        shortened.remove(2);
        assertEquals(first.size(), shortened.size());
        assertTrue(walk.check(shortened).isPresent());
    }

    @Test
    void poolHashChangesWithAnyPoolIdCountOrTheOrderOfSpecialties() {
        List<Specialty> base = overlapping();
        String hash = DrawWalk.poolHash(base);
        assertEquals(hash, DrawWalk.poolHash(overlapping()), "the order ids are given in does not matter");

        List<String> changedPool = new ArrayList<>(base.get(1).pool());
        changedPool.set(3, "e-099");
        assertNotEquals(hash, DrawWalk.poolHash(List.of(base.get(0), new Specialty("B02", 2, changedPool))));
        List<String> fewer = new ArrayList<>(base.get(0).pool());
        fewer.remove(0);
        assertNotEquals(hash, DrawWalk.poolHash(List.of(new Specialty("A01", 3, fewer), base.get(1))));
        assertNotEquals(hash, DrawWalk.poolHash(List.of(new Specialty("A01", 4, base.get(0).pool()), base.get(1))));
        assertNotEquals(hash, DrawWalk.poolHash(List.of(base.get(1), base.get(0))));
        assertNotEquals(hash, DrawWalk.poolHash(List.of(base.get(0))));
        assertNotEquals(hash, DrawWalk.poolHash(List.of(new Specialty("A02", 3, base.get(0).pool()), base.get(1))));
    }

    @Test
    void poolsAreSortedWhateverTheOrderGiven() {
        Specialty s = new Specialty("A01", 2, List.of("e-3", "e-1", "e-2"));
        assertEquals(List.of("e-1", "e-2", "e-3"), s.pool());
        assertEquals(s, new Specialty("A01", 2, List.of("e-2", "e-3", "e-1")));
        // The documented bytes, so a verifier in any language can recompute the hash.
        assertEquals(Sm3.hex("[{\"code\":\"A01\",\"count\":2,\"pool\":[\"e-1\",\"e-2\",\"e-3\"]}]"),
                DrawWalk.poolHash(List.of(new Specialty("A01", 2, List.of("e-2", "e-1", "e-3")))));
        assertEquals(new DrawWalk(SEED, List.of(s)).firstRound(),
                new DrawWalk(SEED, List.of(new Specialty("A01", 2, List.of("e-2", "e-3", "e-1")))).firstRound());
        assertThrows(IllegalArgumentException.class, () -> new DrawWalk(SEED, List.of(s, s)), "a specialty requested twice");
        assertThrows(IllegalArgumentException.class,
                () -> new DrawWalk(SEED, List.of(new Specialty("A01", 1, List.of("e-1", "e-1")))), "an expert listed twice");
    }

    /** A pinned vector: a change to the walk (which would break published draws' verification) fails here. */
    @Test
    void pinnedVector() {
        List<Specialty> requested = List.of(new Specialty("A01", 3, ids("e", 1, 8)), new Specialty("B02", 2, ids("e", 5, 12)));
        List<String> first = new DrawWalk(VerifiableDraw.seed("s".getBytes(StandardCharsets.UTF_8), new byte[32], "r"), requested)
                .firstRound().stream().map(c -> c.specialty() + ":" + c.expertId()).toList();
        assertEquals(PINNED, first.toString());
        assertEquals(PINNED_POOL_HASH, DrawWalk.poolHash(requested));
    }

    static final String PINNED = "[A01:e-005, A01:e-006, A01:e-004, B02:e-011, B02:e-008]";
    static final String PINNED_POOL_HASH = "62e021d51a771835344a86baba314fe60d6c1d04f221084d69660b92740f1bc7";
}
