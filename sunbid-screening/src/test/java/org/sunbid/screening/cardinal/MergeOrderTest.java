package org.sunbid.screening.cardinal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * All eleven indicators at once over varied generated processes (statuses, currencies, repeated ocids, missing
 * fields): the text of the output is the same for one sequential fold, any chunking on several threads, and parts
 * merged in a shuffled order.
 */
class MergeOrderTest {

    private static final String ALL = """
            [R003]
            [R018]
            [R024]
            [R025]
            [R028]
            [R030]
            [R035]
            [R036]
            [R038]
            minimum_contracting_processes = 1
            [R048]
            minimum_contracting_processes = 2
            [R058]
            """;

    @TempDir
    Path temp;

    static String generate(int processes, long seed) {
        Random r = new Random(seed);
        String[] bidStatus = {"valid", "valid", "valid", "disqualified", "invited", "withdrawn", "pending"};
        String[] awardStatus = {"active", "active", "active", "cancelled", "unsuccessful", "pending"};
        String[] currencies = {"CNY", "CNY", "CNY", "USD"};
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < processes; i++) {
            String ocid = "ocds-" + (r.nextInt(10) == 0 ? r.nextInt(i + 1) : i);
            int bids = r.nextInt(8);
            String[] tenderers = new String[bids];
            for (int j = 0; j < bids; j++) tenderers[j] = "T" + r.nextInt(25);
            b.append("{\"ocid\":\"").append(ocid).append('"');
            b.append(",\"buyer\":{\"id\":\"B").append(r.nextInt(8)).append("\"}");
            b.append(",\"tender\":{\"procurementMethod\":\"").append(r.nextBoolean() ? "open" : "limited").append('"');
            if (r.nextInt(20) == 0) b.append(",\"status\":\"cancelled\"");
            if (r.nextInt(10) == 0) b.append(",\"procurementMethodDetails\":\"NPC\"");
            b.append(",\"numberOfTenderers\":").append(r.nextInt(4));
            b.append(",\"procuringEntity\":{\"id\":\"P").append(r.nextInt(5)).append("\"}");
            b.append(",\"tenderPeriod\":{\"startDate\":\"2024-03-01T08:00:00+08:00\",\"endDate\":\"2024-03-")
                    .append(String.format("%02d", 2 + r.nextInt(27))).append("T08:00:00+08:00\"}}");
            b.append(",\"bids\":{\"details\":[");
            for (int j = 0; j < bids; j++) {
                if (j > 0) b.append(',');
                b.append("{\"status\":\"").append(bidStatus[r.nextInt(bidStatus.length)]).append('"');
                b.append(",\"date\":\"2024-03-").append(String.format("%02d", 2 + r.nextInt(27))).append("T00:00:00Z\"");
                if (r.nextInt(10) > 0) {
                    b.append(",\"value\":{\"amount\":").append(100 + r.nextInt(20) * 5)
                            .append(",\"currency\":\"").append(currencies[r.nextInt(currencies.length)]).append("\"}");
                }
                b.append(",\"tenderers\":[{\"id\":\"").append(tenderers[j]).append("\"}");
                if (r.nextInt(15) == 0) b.append(",{\"id\":\"T").append(r.nextInt(25)).append("\"}");
                b.append("]}");
            }
            b.append("]},\"awards\":[");
            int awards = bids == 0 ? 0 : 1 + (r.nextInt(5) == 0 ? 1 : 0);
            for (int k = 0; k < awards; k++) {
                if (k > 0) b.append(',');
                b.append("{\"status\":\"").append(awardStatus[r.nextInt(awardStatus.length)]).append('"');
                b.append(",\"suppliers\":[{\"id\":\"").append(tenderers[r.nextInt(bids)]).append("\"}]");
                b.append(",\"items\":[{\"classification\":{\"id\":\"").append(10 + r.nextInt(30)).append("1234\"}}]}");
            }
            b.append("]}\n");
        }
        return b.toString();
    }

    @Test
    void theOutputDoesNotDependOnHowTheInputIsSplitOrMerged() throws Exception {
        String data = generate(1500, 19);
        Path file = Files.writeString(temp.resolve("gen.jsonl"), data);
        Engine engine = new Engine(Settings.parse("no_price_comparison_procurement_methods = NPC\n" + ALL));

        String sequential = engine.finish(new LineFolder(engine, JacksonProcessReader::new, 1, 1 << 24, false,
                w -> { }).fold(file)).toJson(true);
        for (int chunk : new int[] {500, 4096, 65536}) {
            String parallel = engine.finish(new LineFolder(engine, JacksonProcessReader::new, 4, chunk, false,
                    w -> { }).fold(file)).toJson(true);
            assertEquals(sequential, parallel, "chunks of " + chunk);
        }

        // One fold per line, merged in a shuffled order.
        JacksonProcessReader reader = new JacksonProcessReader();
        List<Fold> parts = new ArrayList<>();
        long offset = 0;
        for (String line : data.split("\n")) {
            Fold f = engine.newFold();
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            f.add(reader.read(bytes, 0, bytes.length, offset));
            parts.add(f);
            offset += bytes.length + 1;
        }
        Collections.shuffle(parts, new Random(7));
        Fold merged = parts.get(0);
        for (int i = 1; i < parts.size(); i++) merged = merged.merge(parts.get(i));
        assertEquals(sequential, engine.finish(merged).toJson(true), "parts merged in a shuffled order");

        for (Indicator i : Indicator.values()) {
            assertTrue(sequential.contains("\"" + i.name() + "\""), i + " appears in the generated case");
        }
    }
}
