package org.sunbid.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class Sm3OutputStreamTest {

    @Test
    void hashesWhatPassesThroughAsTheGbT32905Examples() throws IOException {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        Sm3OutputStream out = new Sm3OutputStream(copy);
        out.write('a');
        out.write("bc".getBytes(StandardCharsets.US_ASCII));
        assertEquals("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", out.hex());
        assertEquals("abc", copy.toString(StandardCharsets.US_ASCII));
        assertEquals(3, out.count());
    }

    @Test
    void aPrefixDigestLeavesTheWholeDigestUntouched() throws IOException {
        byte[] data = new byte[200_003];
        new Random(7).nextBytes(data);
        Sm3OutputStream out = new Sm3OutputStream(OutputStream.nullOutputStream());
        out.write(data, 0, 70_001);
        assertArrayEquals(Sm3.hash(Arrays.copyOf(data, 70_001)), out.digest());
        assertArrayEquals(Sm3.hash(Arrays.copyOf(data, 70_001)), out.digest()); // asking twice changes nothing
        for (int i = 70_001; i < 70_100; i++) {
            out.write(data[i]);
        }
        out.write(data, 70_100, data.length - 70_100);
        assertArrayEquals(Sm3.hash(data), out.digest());
        assertEquals(data.length, out.count());
    }

    @Test
    void aRefusedWriteIsNeitherHashedNorCounted() throws IOException {
        OutputStream full = new OutputStream() {
            long left = 10;

            @Override
            public void write(int b) throws IOException {
                if (left-- <= 0) {
                    throw new IOException("full");
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (len > left) {
                    throw new IOException("full");
                }
                left -= len;
            }
        };
        Sm3OutputStream out = new Sm3OutputStream(full);
        out.write("0123456789".getBytes(StandardCharsets.US_ASCII));
        assertThrows(IOException.class, () -> out.write("more".getBytes(StandardCharsets.US_ASCII)));
        assertThrows(IOException.class, () -> out.write('x'));
        assertEquals(10, out.count());
        assertEquals(Sm3.hex("0123456789"), out.hex());
    }
}
