package org.sunbid.platform.auction.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random bidder numbers (竞买号) for the qualified bidders of one lot: six digits, never starting with 0, unique within
 * the lot, drawn by the caller's random source (a {@code SecureRandom} in the application), so that a number says
 * nothing about who holds it or in which order the bidders registered. Plain Java.
 */
public final class BidderNumbers {

    /** How many distinct numbers exist (100000–999999). */
    public static final int SPACE = 900_000;

    private BidderNumbers() {
    }

    /** {@code count} distinct numbers, in random order. */
    public static List<String> draw(int count, Random random) {
        if (count < 0 || count > SPACE / 2) {
            throw new IllegalArgumentException("cannot draw " + count + " bidder numbers");
        }
        Set<String> numbers = new LinkedHashSet<>();
        while (numbers.size() < count) {
            numbers.add(String.valueOf(100_000 + random.nextInt(SPACE)));
        }
        List<String> out = new ArrayList<>(numbers);
        Collections.shuffle(out, random);
        return out;
    }

    /** Whether {@code number} has the shape of a bidder number. */
    public static boolean valid(String number) {
        return number != null && number.matches("[1-9][0-9]{5}");
    }
}
