package org.sunbid.screening.cardinal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The word-at-a-time newline search finds the same newline as a byte loop, wherever it is. */
class LineFolderIndexOfTest {

    @Test
    void findsTheFirstNewlineLikeAByteLoop() {
        SplittableRandom r = new SplittableRandom(19);
        // bytes next to '\n' in value (0x09, 0x0B, 0x8A, 0x0A with the high bit) must never be taken for it
        byte[] alphabet = {'\n', 0x09, 0x0B, (byte) 0x8A, (byte) 0xFF, 0x00, 0x01, '"', 'a', (byte) 0xE4};
        for (int round = 0; round < 20_000; round++) {
            byte[] b = new byte[r.nextInt(1, 40)];
            for (int i = 0; i < b.length; i++) {
                b[i] = r.nextInt(6) == 0 ? alphabet[r.nextInt(alphabet.length)] : (byte) r.nextInt(256);
                if (b[i] == '\n' && r.nextInt(3) != 0) {
                    b[i] = 'x';
                }
            }
            int from = r.nextInt(b.length);
            int to = r.nextInt(from, b.length + 1);
            assertEquals(naive(b, from, to), LineFolder.indexOf(b, from, to));
        }
    }

    private static int naive(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
