package org.sunbid.screening.cardinal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Ids}: numbers in order of first meeting through growth and the memo, renumbering, serialization. */
class IdsTest {

    @Test
    void numbersAreStableForEqualStringsThroughGrowthAndMemo() {
        Ids ids = new Ids();
        Map<String, Integer> expected = new HashMap<>();
        Random r = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            // new String instances each time: equal ids must get the same number whether the memo or the table answers
            String id = new String("91110000" + r.nextInt(30_000));
            Integer known = expected.putIfAbsent(id, expected.size());
            assertEquals(known == null ? expected.size() - 1 : known, ids.number(id), id);
        }
        assertEquals(expected.size(), ids.size());
        expected.forEach((id, n) -> assertEquals(id, ids.key(n)));
    }

    @Test
    void renumberingMapsThroughTheStringsAndAddsTheMissing() throws Exception {
        Ids a = new Ids();
        Ids b = new Ids();
        for (String s : List.of("x", "y", "z")) a.number(s);
        for (String s : List.of("z", "w", "x")) b.number(s);
        int[] renumber = a.renumbering(b);
        assertEquals("[2, 3, 0]", Arrays.toString(renumber));
        assertEquals("w", a.key(3));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(a);
        }
        Ids copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (Ids) in.readObject();
        }
        List<Integer> numbers = new ArrayList<>();
        for (String s : List.of("w", "x", "v")) numbers.add(copy.number(new String(s)));
        assertEquals(List.of(3, 0, 4), numbers);
    }

    @Test
    void hashMapOrderIsTheIterationOrderOfAHashMap() {
        // keys put in natural order, so that keys sharing a bucket are also in the order the comparator breaks ties
        java.util.TreeSet<String> keys = new java.util.TreeSet<>();
        Random r = new Random(3);
        while (keys.size() < 5_000) keys.add("T" + r.nextInt(1_000_000));
        Map<String, Integer> map = new HashMap<>();
        for (String k : keys) map.put(k, 0);
        List<String> iterated = new ArrayList<>(map.keySet());
        List<String> sorted = new ArrayList<>(iterated);
        sorted.sort(Ids.hashMapOrder(Ids.hashMapCapacity(map.size())));
        assertEquals(iterated, sorted);
    }
}
