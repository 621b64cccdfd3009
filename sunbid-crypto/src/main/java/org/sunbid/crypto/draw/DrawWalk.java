package org.sunbid.crypto.draw;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.Sm3;

/**
 * How a committee is drawn across specialties from one seed, and how anyone re-walks it from the published record:
 * <ol>
 *   <li>each requested specialty has its own eligible pool (ids) and its own stream: specialty seed =
 *       SM3(seed ‖ code), the pool ranked by {@link VerifiableDraw#rank};</li>
 *   <li>the first round contacts, specialty by specialty in the request's order, the first {@code count} experts of
 *       that specialty's ranking not contacted already (an expert eligible for two specialties sits once);</li>
 *   <li>each decline or unanswered notice is replaced, in the order they happened, by the next expert of the same
 *       specialty's ranking not contacted already;</li>
 *   <li>the committee is the experts who accepted.</li>
 * </ol>
 * The pool hash is SM3 over the canonical JSON of {@code [{"code", "count", "pool"}]} in the request's order, each pool
 * sorted.
 */
public final class DrawWalk {

    /** A specialty's requested count and its eligible pool. */
    public record Specialty(String code, int count, List<String> pool) {
        public Specialty {
            pool = pool.stream().sorted().toList();
        }
    }

    /** What came of a notice. */
    public enum Outcome {
        PENDING, ACCEPTED, DECLINED, NO_ANSWER
    }

    /** One expert contacted for one specialty, in the order contacts were made. */
    public record Contact(String specialty, String expertId, Outcome outcome) {
    }

    private final Map<String, Specialty> specialties = new LinkedHashMap<>();
    private final Map<String, List<String>> rankings = new LinkedHashMap<>();

    public DrawWalk(byte[] seed, List<Specialty> requested) {
        for (Specialty s : requested) {
            if (specialties.put(s.code(), s) != null) {
                throw new IllegalArgumentException("specialty " + s.code() + " is requested twice");
            }
            rankings.put(s.code(), VerifiableDraw.rank(s.pool(), specialtySeed(seed, s.code())));
        }
    }

    /** The seed of one specialty's stream. */
    public static byte[] specialtySeed(byte[] seed, String code) {
        byte[] c = code.getBytes(StandardCharsets.UTF_8);
        byte[] joined = new byte[seed.length + c.length];
        System.arraycopy(seed, 0, joined, 0, seed.length);
        System.arraycopy(c, 0, joined, seed.length, c.length);
        return Sm3.hash(joined);
    }

    /** SM3 (hex) of the pool snapshot: what is logged before the head the seed uses is signed. */
    public static String poolHash(List<Specialty> requested) {
        List<Object> json = new ArrayList<>();
        for (Specialty s : requested) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", s.code());
            m.put("count", (long) s.count());
            m.put("pool", List.copyOf(s.pool()));
            json.add(m);
        }
        return Sm3.hex(CanonicalJson.write(json).getBytes(StandardCharsets.UTF_8));
    }

    /** The specialty's ranking (sorted pool shuffled by its stream). */
    public List<String> ranking(String code) {
        List<String> r = rankings.get(code);
        if (r == null) {
            throw new IllegalArgumentException("specialty " + code + " was not requested");
        }
        return r;
    }

    /** The next expert of {@code code}'s ranking not in {@code contacted}; empty when the pool is exhausted. */
    public Optional<String> next(String code, Set<String> contacted) {
        return ranking(code).stream().filter(id -> !contacted.contains(id)).findFirst();
    }

    /** The first round: {@code count} per specialty in request order (fewer where a pool runs out). */
    public List<Contact> firstRound() {
        List<Contact> contacts = new ArrayList<>();
        Set<String> contacted = new HashSet<>();
        for (Specialty s : specialties.values()) {
            for (int i = 0; i < s.count(); i++) {
                Optional<String> next = next(s.code(), contacted);
                if (next.isEmpty()) {
                    break;
                }
                contacted.add(next.get());
                contacts.add(new Contact(s.code(), next.get(), Outcome.PENDING));
            }
        }
        return contacts;
    }

    /**
     * Checks a published sequence of contacts against the walk: the first round as {@link #firstRound()} makes it,
     * then each further contact replacing an earlier decline or silence of its specialty with the next expert of that
     * specialty's ranking. Returns empty when it holds, else the first discrepancy.
     */
    public Optional<String> check(List<Contact> contacts) {
        List<Contact> first = firstRound();
        if (contacts.size() < first.size()) {
            return Optional.of("the record lists " + contacts.size() + " contacts; the first round alone makes " + first.size());
        }
        Set<String> contacted = new HashSet<>();
        Map<String, Integer> replacementsOwed = new LinkedHashMap<>();
        for (int i = 0; i < contacts.size(); i++) {
            Contact c = contacts.get(i);
            if (!specialties.containsKey(c.specialty())) {
                return Optional.of("contact " + (i + 1) + " names specialty " + c.specialty() + ", which was not requested");
            }
            if (i >= first.size()) {
                int owed = replacementsOwed.getOrDefault(c.specialty(), 0);
                if (owed == 0) {
                    return Optional.of("contact " + (i + 1) + " replaces nobody in specialty " + c.specialty());
                }
                replacementsOwed.put(c.specialty(), owed - 1);
            } else if (!first.get(i).specialty().equals(c.specialty())) {
                return Optional.of("contact " + (i + 1) + " should be for specialty " + first.get(i).specialty());
            }
            Optional<String> expected = next(c.specialty(), contacted);
            if (expected.isEmpty() || !expected.get().equals(c.expertId())) {
                return Optional.of("contact " + (i + 1) + " (specialty " + c.specialty() + ") should be "
                        + expected.orElse("nobody: the pool is exhausted") + ", the record says " + c.expertId());
            }
            contacted.add(c.expertId());
            if (c.outcome() == Outcome.DECLINED || c.outcome() == Outcome.NO_ANSWER) {
                replacementsOwed.merge(c.specialty(), 1, Integer::sum);
            }
        }
        return Optional.empty();
    }

    /** The committee the contacts end in: who accepted, in contact order. */
    public static List<Contact> committee(List<Contact> contacts) {
        return contacts.stream().filter(c -> c.outcome() == Outcome.ACCEPTED).toList();
    }
}
