package org.sunbid.screening.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineChunksTest {

    @TempDir
    Path dir;

    @Test
    void everyLineReachesExactlyOneWorkerWhole() throws IOException {
        StringBuilder text = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            String line = "{\"ocid\":\"" + i + "\",\"pad\":\"" + "招".repeat(i % 50) + "\"}";
            expected.add(line);
            text.append(line).append('\n');
        }
        Path file = write(text.toString());
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        // chunks far smaller than the file (and than some lines): cuts fall inside lines and inside UTF-8 sequences
        long bytes = LineChunks.read(file, 3, 64, t -> (buf, from, to) -> collect(buf, from, to, seen));
        assertEquals(Files.size(file), bytes);
        Collections.sort(seen);
        Collections.sort(expected);
        assertEquals(expected, seen);
    }

    @Test
    void lastLineWithoutNewlineAndLinesLongerThanTheBuffer() throws IOException {
        String longLine = "x".repeat(10_000);
        Path file = write("a\n" + longLine + "\nb");
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        LineChunks.read(file, 2, 16, t -> (buf, from, to) -> collect(buf, from, to, seen));
        Collections.sort(seen);
        assertEquals(List.of("a", "b", longLine), seen);
    }

    @Test
    void aWorkersFailureStopsTheRunAndIsRethrown() throws IOException {
        Path file = write("a\n".repeat(100_000));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LineChunks.read(file, 2, 64,
                t -> (buf, from, to) -> {
                    throw new IllegalStateException("bad line");
                }));
        assertTrue(e.getMessage().contains("bad line"));
    }

    private static void collect(byte[] buf, int from, int to, List<String> seen) {
        int start = from;
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                seen.add(new String(buf, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < to) {
            seen.add(new String(buf, start, to - start, StandardCharsets.UTF_8));
        }
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("lines.jsonl"), text, StandardCharsets.UTF_8);
    }
}
