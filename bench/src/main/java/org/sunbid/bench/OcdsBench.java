package org.sunbid.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.sunbid.platform.disclosure.ocds.OcdsBulkFiles;
import org.sunbid.platform.disclosure.ocds.OcdsJson;

/**
 * OCDS export benchmark (issue 18): streams 10^6 generated releases (shaped as the platform's: a tender release with
 * buyer and agency, then bids releases with five bids and their tenderers, award releases) through the platform's own
 * serializer ({@link OcdsJson}) into the bulk file's own stream ({@link OcdsBulkFiles#gzip}: gzip, SM3 of the compressed
 * bytes) — beside the raw limit measured in the same run: the same bytes, already serialized, written through the same
 * stream to another file. Releases are generated in batches outside the timed part (never all in memory). Prints as its
 * last line {@code ocds: <releases/s> releases/s, <MB/s> MB/s, raw <MB/s> MB/s, ratio <r>} (MB of JSON lines before
 * compression; ratio = ocds MB/s ÷ raw MB/s).
 * Usage: {@code mvn -B -ntp -pl bench exec:exec@ocds [-Docds.releases=1000000]}. Not a test: it prints figures.
 */
public final class OcdsBench {

    private static final int BATCH = 10_000;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    public static void main(String[] args) throws Exception {
        long total = args.length >= 2 && args[0].equals("--releases") ? Long.parseLong(args[1]) : 1_000_000;
        System.out.printf("Sunbid OCDS export benchmark — JDK %s (%s), %d cores, max heap %d MB, %,d releases%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, total);
        Path dir = Files.createTempDirectory("sunbid-ocds-bench-");
        OcdsJson json = new OcdsJson();
        // warm-up: a tenth of the run, not counted
        run(json, dir, Math.max(BATCH, total / 10), false);
        long[] r = run(json, dir, total, true);
        double convertSeconds = r[0] / 1e9;
        double rawSeconds = r[1] / 1e9;
        double mb = r[2] / 1e6;
        double ocdsMbs = mb / convertSeconds;
        double rawMbs = mb / rawSeconds;
        System.out.printf("JSON lines %,.1f MB, gzip %,.1f MB (ocds file) / %,.1f MB (raw file)%n", mb, r[3] / 1e6, r[4] / 1e6);
        try (var files = Files.list(dir)) {
            files.forEach(p -> p.toFile().delete());
        }
        Files.deleteIfExists(dir);
        System.out.printf("ocds: %,.0f releases/s, %.1f MB/s, raw %.1f MB/s, ratio %.2f%n", total / convertSeconds, ocdsMbs,
                rawMbs, ocdsMbs / rawMbs);
    }

    /** Nanoseconds converting+writing, nanoseconds writing raw, JSON bytes, ocds file bytes, raw file bytes. */
    private static long[] run(OcdsJson json, Path dir, long total, boolean report) throws IOException {
        Path ocdsFile = dir.resolve("ocds.jsonl.gz");
        Path rawFile = dir.resolve("raw.jsonl.gz");
        long convert = 0;
        long raw = 0;
        long bytes = 0;
        try (OutputStream ocdsOut = OcdsBulkFiles.gzip(Files.newOutputStream(ocdsFile), new SM3Digest());
                OutputStream rawOut = OcdsBulkFiles.gzip(Files.newOutputStream(rawFile), new SM3Digest())) {
            for (long done = 0; done < total; done += BATCH) {
                int n = (int) Math.min(BATCH, total - done);
                List<Map<String, Object>> batch = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    batch.add(release(done + i));
                }
                // the same bytes, serialized outside the timed part, for the raw writer
                List<byte[]> lines = new ArrayList<>(n);
                for (Map<String, Object> r : batch) {
                    lines.add(json.bytes(r));
                }
                long t0 = System.nanoTime();
                for (Map<String, Object> r : batch) {
                    json.writeLine(r, ocdsOut);
                }
                long t1 = System.nanoTime();
                for (byte[] line : lines) {
                    rawOut.write(line);
                    rawOut.write('\n');
                    bytes += line.length + 1;
                }
                long t2 = System.nanoTime();
                convert += t1 - t0;
                raw += t2 - t1;
            }
        }
        return new long[] {convert, raw, bytes, Files.size(ocdsFile), Files.size(rawFile)};
    }

    /** A generated release: per process of 5, a tender, an amendment, a bids release, an award and a contract. */
    private static Map<String, Object> release(long n) {
        long process = n / 5;
        int event = (int) (n % 5);
        String dealCode = String.format("GCJS-91530100MA6K000001-2026%02d%02d-%04d", 1 + process % 12, 1 + process % 28,
                process % 10_000);
        String ocid = "ocds-sunbid-" + dealCode;
        Instant at = Instant.parse("2026-01-01T01:30:00Z").plusSeconds(process * 600 + event * 86_400L);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ocid", ocid);
        r.put("id", ocid + "-1-" + switch (event) {
            case 0 -> "tender";
            case 1 -> "amendment-" + process;
            case 2 -> "bids";
            case 3 -> "award";
            default -> "contract";
        });
        r.put("date", DATE.format(at.atOffset(ZoneOffset.ofHours(8))));
        r.put("tag", List.of(switch (event) {
            case 0 -> "tender";
            case 1 -> "tenderAmendment";
            case 2 -> "tenderUpdate";
            case 3 -> "award";
            default -> "contract";
        }));
        r.put("initiationType", "tender");
        r.put("language", "zh");
        BigDecimal budget = BigDecimal.valueOf(10_000_000L + process % 90_000_000L, 2).movePointRight(2);
        switch (event) {
            case 0 -> {
                r.put("parties", List.of(party("91530100MA6K000001", "云州市城市建设投资集团有限公司", "buyer"),
                        party("91530100MA6K000002", "云州招标代理有限公司", "procuringEntity")));
                r.put("buyer", ref("91530100MA6K000001", "云州市城市建设投资集团有限公司"));
                Map<String, Object> tender = new LinkedHashMap<>();
                tender.put("id", dealCode);
                tender.put("title", "云州市第" + process + "中学教学楼及配套工程施工");
                tender.put("status", "active");
                tender.put("procuringEntity", ref("91530100MA6K000002", "云州招标代理有限公司"));
                tender.put("value", value(budget));
                tender.put("procurementMethod", "open");
                tender.put("procurementMethodDetails", "公开招标");
                tender.put("mainProcurementCategory", "works");
                tender.put("tenderPeriod", Map.of("startDate", r.get("date"), "endDate",
                        DATE.format(at.plusSeconds(20 * 86_400L).atOffset(ZoneOffset.ofHours(8)))));
                tender.put("items", List.of(Map.of("id", dealCode + "-1", "description", "一标段（预算 " + budget.toPlainString() + " 元）")));
                r.put("tender", tender);
            }
            case 1 -> r.put("tender", Map.of("id", dealCode, "amendments", List.of(Map.of("id", "c" + process, "date", r.get("date"),
                    "rationale", "澄清/修改（一标段）", "description", "第三章工程量清单第 12 项数量更正为 1,280 平方米，投标截止时间不变。"))));
            case 2 -> {
                List<Object> parties = new ArrayList<>();
                List<Object> details = new ArrayList<>();
                for (int b = 0; b < 5; b++) {
                    String code = "91530100MA6K1000" + b + (char) ('A' + b);
                    parties.add(party(code, "云州第" + b + "建筑工程有限公司", "tenderer"));
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("id", java.util.UUID.nameUUIDFromBytes((ocid + b).getBytes()).toString());
                    d.put("date", r.get("date"));
                    d.put("status", "pending");
                    d.put("tenderers", List.of(ref(code, "云州第" + b + "建筑工程有限公司")));
                    d.put("value", value(budget.subtract(BigDecimal.valueOf(b * 12_345L, 2))));
                    details.add(d);
                }
                r.put("parties", parties);
                r.put("tender", Map.of("id", dealCode));
                r.put("bids", Map.of("statistics", List.of(Map.of("id", ocid + "-1-bids", "measure", "bids", "value", 5)),
                        "details", details));
            }
            case 3 -> {
                r.put("parties", List.of(party("91530100MA6K10000A", "云州第0建筑工程有限公司", "tenderer")));
                r.put("awards", List.of(Map.of("id", dealCode + "-1", "title", "中标（成交）结果（一标段）", "status", "active",
                        "date", r.get("date"), "value", value(budget), "suppliers", List.of(ref("91530100MA6K10000A", "云州第0建筑工程有限公司")))));
            }
            default -> r.put("contracts", List.of(Map.of("id", dealCode + "-1", "awardID", dealCode + "-1", "status", "active",
                    "value", value(budget), "dateSigned", r.get("date"))));
        }
        return r;
    }

    private static Map<String, Object> party(String code, String name, String role) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", "CN-USCC-" + code);
        p.put("name", name);
        p.put("identifier", Map.of("scheme", "CN-USCC", "id", code, "legalName", name));
        p.put("roles", List.of(role));
        return p;
    }

    private static Map<String, Object> ref(String code, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "CN-USCC-" + code);
        m.put("name", name);
        return m;
    }

    private static Map<String, Object> value(BigDecimal amount) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("amount", amount);
        v.put("currency", "CNY");
        return v;
    }
}
