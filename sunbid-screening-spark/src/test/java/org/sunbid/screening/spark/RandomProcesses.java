package org.sunbid.screening.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * OCDS compiled releases made at random (seeded) with every field the eleven indicators read, in a small world of
 * buyers, procuring entities, tenderers and item classes, so that every indicator finds something and ties between
 * keys happen: a test input larger than Cardinal's fixtures, for comparing the Spark run with the CLI's.
 */
final class RandomProcesses {

    private static final String[] METHODS = {"open", "open", "selective", "limited", "direct"};
    private static final String[] DETAILS = {null, null, "Licitación Pública", "Concurso", "NPC", "EXC"};
    private static final String[] BID_STATUS = {"valid", "valid", "valid", "valid", "disqualified", "invited",
            "withdrawn", "pending"};
    private static final String[] AWARD_STATUS = {"active", "active", "active", "active", "cancelled", "unsuccessful",
            "pending"};

    private RandomProcesses() {
    }

    /** Writes {@code n} processes to {@code file}, one JSON line each (a few lines of other kinds among them). */
    static void write(Path file, int n, long seed) throws IOException {
        Random r = new Random(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                if (r.nextInt(200) == 0) {
                    out.write(r.nextBoolean() ? "" : "[1,2]"); // blank, or JSON that is not an object
                    out.newLine();
                }
                out.write(process(r, i));
                out.newLine();
            }
        }
    }

    private static String process(Random r, int i) {
        StringBuilder j = new StringBuilder(512);
        j.append("{\"ocid\":\"ocds-rnd-").append(i).append('"');
        j.append(",\"buyer\":{\"id\":\"B").append(r.nextInt(25)).append("\"}");
        LocalDate start = LocalDate.of(2024, 1, 1).plusDays(r.nextInt(700));
        j.append(",\"tender\":{\"status\":\"").append(r.nextInt(40) == 0 ? "cancelled" : "active").append('"');
        j.append(",\"procurementMethod\":\"").append(pick(r, METHODS)).append('"');
        String details = pick(r, DETAILS);
        if (details != null) {
            j.append(",\"procurementMethodDetails\":\"").append(details).append('"');
        }
        List<String> bidders = new ArrayList<>();
        int bids = r.nextInt(9);
        for (int b = 0; b < bids; b++) {
            bidders.add("T" + (r.nextInt(10) == 0 ? r.nextInt(3) : r.nextInt(60)));
        }
        if (r.nextInt(4) > 0) {
            j.append(",\"numberOfTenderers\":").append(r.nextInt(5) == 0 ? r.nextInt(9) : bids);
        }
        j.append(",\"procuringEntity\":{\"id\":\"P").append(r.nextInt(20)).append("\"}");
        j.append(",\"tenderPeriod\":{\"startDate\":\"").append(start).append("T09:00:00Z\",\"endDate\":\"")
                .append(start.plusDays(r.nextInt(45))).append("T17:00:00+08:00\"}}");
        if (bids > 0 || r.nextBoolean()) {
            j.append(",\"bids\":{\"details\":[");
            double base = 1000 + r.nextInt(100_000);
            for (int b = 0; b < bids; b++) {
                if (b > 0) {
                    j.append(',');
                }
                j.append("{\"id\":").append(b).append(",\"status\":\"").append(pick(r, BID_STATUS)).append('"');
                j.append(",\"date\":\"").append(start.plusDays(r.nextInt(50))).append("T10:00:00Z\"");
                if (r.nextInt(10) > 0) {
                    double amount = r.nextInt(6) == 0 ? base : Math.round(base * (0.7 + r.nextDouble() * 0.6) * 100) / 100.0;
                    j.append(",\"value\":{\"amount\":").append(amount).append(",\"currency\":\"")
                            .append(r.nextInt(30) == 0 ? "USD" : "CNY").append("\"}");
                }
                j.append(",\"tenderers\":[{\"id\":\"").append(bidders.get(b)).append("\"}");
                if (r.nextInt(12) == 0) {
                    j.append(",{\"id\":\"T").append(r.nextInt(60)).append("\"}");
                }
                j.append("]}");
            }
            j.append("]}");
        }
        if (bids > 0 && r.nextInt(5) > 0) {
            j.append(",\"awards\":[");
            int awards = 1 + (r.nextInt(6) == 0 ? 1 : 0);
            for (int a = 0; a < awards; a++) {
                if (a > 0) {
                    j.append(',');
                }
                j.append("{\"id\":").append(a).append(",\"status\":\"").append(pick(r, AWARD_STATUS))
                        .append("\",\"suppliers\":[{\"id\":\"").append(bidders.get(r.nextInt(bidders.size())))
                        .append("\"}],\"items\":[{\"classification\":{\"id\":\"C").append(r.nextInt(15))
                        .append("\"}}]}");
            }
            j.append(']');
        }
        return j.append('}').toString();
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }
}
