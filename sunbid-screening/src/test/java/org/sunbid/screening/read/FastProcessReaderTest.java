package org.sunbid.screening.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.sunbid.screening.cardinal.JacksonProcessReader;
import org.sunbid.screening.cardinal.MalformedLineException;
import org.sunbid.screening.cardinal.Process;

/** The fast reader gives the same {@link Process} as the reference {@link JacksonProcessReader}, line by line. */
class FastProcessReaderTest {

    /** Lines that probe the corners: repeated keys, wrong types, escapes, numbers, nesting, blanks, non-objects. */
    static final List<String> CORNERS = List.of(
            "{}",
            "  {\"ocid\":\"a\"}  \r",
            "{\"ocid\":1,\"tender\":{\"status\":\"cancelled\"}}",
            "{\"ocid\":\"x\",\"tender\":{\"status\":\"cancelled\",\"status\":\"active\"}}",
            "{\"ocid\":\"x\",\"tender\":{\"status\":\"active\"},\"tender\":{\"procurementMethod\":\"open\"}}",
            "{\"ocid\":\"x\",\"tender\":{\"status\":5,\"procurementMethodDetails\":null,\"numberOfTenderers\":1}}",
            "{\"ocid\":\"x\",\"tender\":{\"numberOfTenderers\":1.0}}",
            "{\"ocid\":\"x\",\"tender\":{\"numberOfTenderers\":-0}}",
            "{\"ocid\":\"x\",\"tender\":{\"numberOfTenderers\":-3}}",
            "{\"ocid\":\"x\",\"tender\":{\"numberOfTenderers\":1e0}}",
            "{\"ocid\":\"x\",\"tender\":{\"numberOfTenderers\":99999999999999999999999}}",
            "{\"ocid\":\"x\",\"tender\":{\"numberOfTenderers\":9223372036854775807}}",
            "{\"ocid\":\"x\",\"tender\":{\"numberOfTenderers\":9223372036854775808}}",
            "{\"ocid\":\"x\",\"tender\":{\"tenderPeriod\":{\"startDate\":\"2000-01-01T00:00:00Z\",\"endDate\":7}}}",
            "{\"ocid\":\"x\",\"tender\":{\"tenderPeriod\":[],\"procuringEntity\":{\"id\":\"P\",\"id\":3}}}",
            "{\"ocid\":\"x\",\"buyer\":{\"name\":\"B\",\"id\":\"B1\"},\"buyer\":{\"id\":\"B2\"}}",
            "{\"ocid\":\"x\",\"buyer\":\"B\"}",
            "{\"ocid\":\"\\u0078\\n\\\"\",\"buyer\":{\"\\u0069d\":\"\\u4e2d\\ud83d\\ude00\"}}",
            "{\"ocid\":\"中文ocid\",\"buyer\":{\"id\":\"采购人\"}}",
            "{\"ocid\":\"x\",\"bids\":{\"details\":[]}}",
            "{\"ocid\":\"x\",\"bids\":{\"details\":{}}}",
            "{\"ocid\":\"x\",\"bids\":[]}",
            "{\"ocid\":\"x\",\"bids\":{\"details\":[1,null,\"s\",{},[],{\"status\":\"valid\"}]}}",
            "{\"ocid\":\"x\",\"bids\":{\"details\":[{\"status\":\"valid\"}],\"details\":[{\"status\":\"pending\"}]}}",
            "{\"ocid\":\"x\",\"bids\":{\"details\":[{\"status\":\"invited\",\"date\":\"d\",\"tenderers\":[{\"id\":\"A\"},{\"id\":2},3,{}]},"
                    + "{\"status\":\"withdrawn\",\"tenderers\":{}},{\"status\":\"disqualified\",\"tenderers\":[]},{\"status\":\"Valid\"}]}}",
            "{\"ocid\":\"x\",\"bids\":{\"details\":[{\"value\":{\"amount\":100,\"currency\":\"CNY\"}},"
                    + "{\"value\":{\"amount\":1.5e3,\"currency\":\"USD\",\"amount\":\"7\"}},{\"value\":{\"amount\":-0}},"
                    + "{\"value\":{\"amount\":-0.0}},{\"value\":{\"amount\":0.1}},{\"value\":{\"amount\":123456789.123456789}},"
                    + "{\"value\":{\"amount\":12345678901234567890123}},{\"value\":{\"amount\":1E-7}},{\"value\":7},"
                    + "{\"value\":{\"amount\":9007199254740993}},{\"value\":{\"amount\":0.30000000000000004}}]}}",
            "{\"ocid\":\"x\",\"awards\":[{\"status\":\"active\",\"suppliers\":[{\"id\":\"S\"}],\"items\":[{\"classification\":"
                    + "{\"id\":\"45233120\"}},{\"classification\":{\"id\":4}},{},5,{\"classification\":\"c\"}]},"
                    + "{\"status\":\"unsuccessful\"},{\"status\":\"cancelled\"},{\"status\":\"pending\"},{\"status\":null},7]}",
            "{\"ocid\":\"x\",\"bids\":{\"details\":[{\"value\":{\"amount\":1,\"currency\":\"CNY\"}},{\"value\":{\"amount\":2,"
                    + "\"currency\":\"CNY\"}},{\"value\":{\"currency\":\"C\\u004eY\"}},{\"value\":{\"currency\":\"人民币\"}},"
                    + "{\"value\":{\"currency\":\"人民币\"}},{\"value\":{\"currency\":\"CN\"}},{\"value\":{\"currency\":\"CNYY\"}}]},"
                    + "\"tender\":{\"procurementMethod\":\"open\",\"procurementMethodDetails\":\"公开招标\"}}",
            "{\"ocid\":\"y\",\"tender\":{\"procurementMethod\":\"ope\",\"procurementMethodDetails\":\"公开招\"}}",
            "{\"ocid\":\"x\",\"awards\":{}}",
            "{\"ocid\":\"x\",\"awards\":[{\"items\":{}}],\"awards\":[{\"suppliers\":null}]}",
            "{\"a\":[[[[{\"b\":[true,false,null,{\"c\":-1.5E+10}]}]]]],\"ocid\":\"deep\",\"tender\":{\"x\":{\"y\":[\"z\"]}}}",
            "[1,2,3]",
            "\"just a string\"",
            "42",
            "",
            "   ",
            "\t\r");

    /** Lines neither reader accepts. */
    static final List<String> INVALID = List.of(
            "{",
            "{\"ocid\":\"x\",}",
            "{\"ocid\":\"x\"} x",
            "{\"ocid\":\"x\"}{}",
            "{\"ocid\":01}",
            "{\"ocid\":1.}",
            "{\"ocid\":-}",
            "{\"ocid\":tru}",
            "{\"ocid\":\"a\tb\"}",
            "{\"ocid\":\"\\x\"}",
            "{\"ocid\":\"\\u12\"}",
            "{'ocid':'x'}",
            "{\"ocid\" \"x\"}",
            "[1,]",
            "nul");

    @Test
    void sameProcessAsJacksonForCardinalsFixturesAndTheCorners() throws Exception {
        List<String> lines = new ArrayList<>(CORNERS);
        Path dir = Path.of(FastProcessReaderTest.class.getResource("/cardinal").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
            }
        }
        assertTrue(lines.size() > 100, "fixtures found");
        JacksonProcessReader jackson = new JacksonProcessReader();
        FastProcessReader fast = new FastProcessReader();
        long seq = 0;
        for (String line : lines) {
            byte[] b = (line + "\n").getBytes(StandardCharsets.UTF_8);
            Process expected = jackson.read(b, 0, b.length - 1, seq);
            assertSame(expected, fast.read(b, 0, b.length - 1, seq), line);
            // unterminated (the file's last line): the reader copies it
            byte[] bare = line.getBytes(StandardCharsets.UTF_8);
            assertSame(expected, fast.read(bare, 0, bare.length, seq), line);
            seq++;
        }
    }

    @Test
    void sameProcessAsJacksonForRandomStringsAtEveryOffset() throws Exception {
        // strings long and short, ASCII, Chinese, escapes and (rarely) a raw control character, placed so that every
        // special byte falls at every position of an eight-byte word somewhere
        String[] pieces = {"a", "91330106MA2", "\\\"", "\\\\", "\\u4e2d", "招标", "é", " ", "/", "~", "\\n", "\t", "0"};
        java.util.SplittableRandom r = new java.util.SplittableRandom(19);
        JacksonProcessReader jackson = new JacksonProcessReader();
        FastProcessReader fast = new FastProcessReader();
        for (int n = 0; n < 5_000; n++) {
            StringBuilder[] v = new StringBuilder[4];
            for (int k = 0; k < v.length; k++) {
                v[k] = new StringBuilder();
                int len = r.nextInt(0, 12);
                for (int p = 0; p < len; p++) {
                    String piece = pieces[r.nextInt(pieces.length)];
                    if (piece.equals("\t") && r.nextInt(20) != 0) {
                        piece = "t";
                    }
                    v[k].append(piece);
                }
            }
            String line = " ".repeat(r.nextInt(8)) + "{\"ocid\":\"" + v[0] + "\",\"parties\":[{\"name\":\"" + v[1]
                    + "\"}],\"buyer\":{\"id\":\"" + v[2] + "\"},\"bids\":{\"details\":[{\"status\":\"valid\",\"date\":\""
                    + v[3] + "\",\"tenderers\":[{\"id\":\"" + v[1] + "\"}]}]}}";
            byte[] b = (line + "\n").getBytes(StandardCharsets.UTF_8);
            Process expected;
            try {
                expected = jackson.read(b, 0, b.length - 1, n);
            } catch (MalformedLineException e) {
                assertThrows(MalformedLineException.class, () -> fast.read(b, 0, b.length - 1, 0), line);
                continue;
            }
            assertSame(expected, fast.read(b, 0, b.length - 1, n), line);
        }
    }

    @Test
    void rejectsWhatJacksonRejects() {
        JacksonProcessReader jackson = new JacksonProcessReader();
        FastProcessReader fast = new FastProcessReader();
        for (String line : INVALID) {
            byte[] b = (line + "\n").getBytes(StandardCharsets.UTF_8);
            assertThrows(MalformedLineException.class, () -> jackson.read(b, 0, b.length - 1, 0), line);
            assertThrows(MalformedLineException.class, () -> fast.read(b, 0, b.length - 1, 0), line);
        }
    }

    @Test
    void rejectsWhatCardinalRejectsEvenWhereJacksonIsLenient() throws Exception {
        FastProcessReader fast = new FastProcessReader();
        // a lone surrogate escape, an invalid UTF-8 byte, a surrogate encoded in UTF-8, nesting deeper than 128
        List<byte[]> lines = List.of(
                "{\"ocid\":\"\\ud800\"}".getBytes(StandardCharsets.UTF_8),
                new byte[] {'{', '"', 'o', '"', ':', '"', (byte) 0xFF, '"', '}'},
                new byte[] {'{', '"', 'o', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
                ("{\"a\":" + "[".repeat(200) + "]".repeat(200) + "}").getBytes(StandardCharsets.UTF_8));
        for (byte[] line : lines) {
            assertThrows(MalformedLineException.class, () -> fast.read(line, 0, line.length, 0));
        }
        byte[] ok = ("{\"a\":" + "[".repeat(100) + "]".repeat(100) + ",\"ocid\":\"o\"}").getBytes(StandardCharsets.UTF_8);
        assertEquals("o", fast.read(ok, 0, ok.length, 0).ocid());
    }

    @Test
    void readsALineInTheMiddleOfABuffer() throws Exception {
        byte[] b = "xx\n{\"ocid\":\"mid\",\"buyer\":{\"id\":\"B\"}}\n{\"ocid\":\"next\"}\n".getBytes(StandardCharsets.UTF_8);
        String line = "{\"ocid\":\"mid\",\"buyer\":{\"id\":\"B\"}}";
        Process p = new FastProcessReader().read(b, 3, line.length(), 3);
        assertNotNull(p);
        assertEquals("mid", p.ocid());
        assertEquals("B", p.buyerId());
        assertNull(p.bids());
    }

    static void assertSame(Process expected, Process actual, String line) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, line);
            return;
        }
        assertEquals(describe(expected), describe(actual), line);
    }

    /** Every component, arrays by content, amounts by their bits (so -0.0 and 0.0 differ). */
    static String describe(Process p) {
        StringBuilder s = new StringBuilder();
        s.append(p.seq()).append('|').append(p.ocid()).append('|').append(p.cancelled()).append('|')
                .append(p.procurementMethod()).append('|').append(p.procurementMethodDetails()).append('|')
                .append(p.numberOfTenderers()).append('|').append(p.tenderStartDate()).append('|')
                .append(p.tenderEndDate()).append('|').append(p.buyerId()).append('|').append(p.procuringEntityId());
        if (p.bids() == null) {
            s.append("|bids:null");
        } else {
            for (Process.Bid b : p.bids()) {
                s.append("|bid(").append(b.status()).append(',').append(b.date()).append(',')
                        .append(Double.doubleToRawLongBits(b.amount())).append(',').append(b.currency()).append(',')
                        .append(Arrays.toString(b.tenderers())).append(')');
            }
        }
        if (p.awards() == null) {
            s.append("|awards:null");
        } else {
            for (Process.Award a : p.awards()) {
                s.append("|award(").append(a.status()).append(',').append(Arrays.toString(a.suppliers())).append(',')
                        .append(Arrays.toString(a.itemClassifications())).append(')');
            }
        }
        return s.toString();
    }
}
