package org.sunbid.screening.cardinal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Line splitting across chunks: every line is read exactly once whatever the chunk size and thread count. */
class LineFolderTest {

    @TempDir
    Path temp;

    private static String line(int i) {
        return "{\"ocid\":\"o" + i + "\",\"tender\":{\"procurementMethod\":\"open\",\"numberOfTenderers\":1}"
                + " ".repeat(i % 50) + "}";
    }

    private static String lines(int n, String eol, boolean finalEol) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(line(i));
            if (i < n - 1 || finalEol) b.append(eol);
            if (i % 7 == 0) b.append(eol); // blank lines
        }
        return b.toString();
    }

    private static long count(Output out) {
        return out.results().get(Group.OCID).size();
    }

    @Test
    void everyLineOnceForAnyChunkSizeAndThreads() throws Exception {
        Engine engine = new Engine(Settings.parse("[R018]\n"));
        for (String eol : new String[] {"\n", "\r\n"}) {
            for (boolean finalEol : new boolean[] {true, false}) {
                Path file = Files.writeString(temp.resolve("f.jsonl"), lines(300, eol, finalEol));
                String reference = null;
                for (int chunk : new int[] {2, 3, 50, 97, 1000, 1 << 20}) {
                    for (int threads : new int[] {1, 4}) {
                        LineFolder folder = new LineFolder(engine, JacksonProcessReader::new, threads, chunk, false,
                                w -> { });
                        Output out = engine.finish(folder.fold(file));
                        assertEquals(300, count(out), "chunk " + chunk + ", threads " + threads);
                        String json = out.toJson(true);
                        if (reference == null) reference = json;
                        assertEquals(reference, json, "same text, keys in file order");
                    }
                }
                LineFolder stream = new LineFolder(engine, JacksonProcessReader::new, 1, 64, false, w -> { });
                Output fromStream = engine.finish(stream.fold(new ByteArrayInputStream(
                        Files.readAllBytes(file))));
                assertEquals(reference, fromStream.toJson(true), "standard input gives the same");
            }
        }
    }

    @Test
    void theFirstInvalidLineOfTheFileIsReportedWhateverTheThreads() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 200; i++) b.append(i == 57 || i == 150 ? "{oops" : line(i)).append('\n');
        Path file = Files.writeString(temp.resolve("bad.jsonl"), b.toString());
        Engine engine = new Engine(Settings.parse("[R018]\n"));
        for (int chunk : new int[] {10, 333, 1 << 20}) {
            LineFolder folder = new LineFolder(engine, JacksonProcessReader::new, 4, chunk, false, w -> { });
            InvalidLineException e = assertThrows(InvalidLineException.class, () -> folder.fold(file));
            assertEquals(57, e.line());
        }
        LineFolder stream = new LineFolder(engine, JacksonProcessReader::new, 1, 64, false, w -> { });
        assertEquals(57, assertThrows(InvalidLineException.class, () -> stream.fold(
                new ByteArrayInputStream(b.toString().getBytes(StandardCharsets.UTF_8)))).line());
    }

    @Test
    void anEmptyFileGivesNothing() throws Exception {
        Engine engine = new Engine(Settings.parse("[R018]\n"));
        Path file = Files.writeString(temp.resolve("empty.jsonl"), "");
        LineFolder folder = new LineFolder(engine, JacksonProcessReader::new, 2, 16, false, w -> { });
        assertEquals("{}", engine.finish(folder.fold(file)).toJson(false));
    }
}
