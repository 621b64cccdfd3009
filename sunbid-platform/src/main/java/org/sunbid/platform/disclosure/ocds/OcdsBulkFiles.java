package org.sunbid.platform.disclosure.ocds;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.SunbidProperties;

/**
 * The daily OCDS bulk file (数据开放 · OCDS 批量下载): every public release dated before the end of a Beijing day, one JSON
 * line each ({@link OcdsJson}), gzip, under {@code <data dir>/open-data/ocds/ocds-releases-<yyyy-MM-dd>.jsonl.gz}. Written
 * process by process as it streams (never the whole export in memory); its SM3 is computed while writing and appended
 * to the transparency log ({@code disclosure.ocds.bulk}: file, day, sm3, bytes, releases), so anyone can check the file
 * they downloaded against the log. The same day with the same data gives the same bytes (releases are stable, the gzip
 * header carries no time): a second run then keeps the file and logs nothing new. Written each night for the day before
 * (and on demand). Public for the portal's 数据开放 page.
 */
@Service
public class OcdsBulkFiles {

    private static final Logger log = LoggerFactory.getLogger(OcdsBulkFiles.class);

    private static final Pattern NAME = Pattern.compile("ocds-releases-(\\d{4}-\\d{2}-\\d{2})\\.jsonl\\.gz");

    /** What the log entry calls it. */
    static final String ACTION = "disclosure.ocds.bulk";

    private final OcdsReleases releases;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Path dir;
    private final OcdsJson json = new OcdsJson();

    OcdsBulkFiles(OcdsReleases releases, AuditLog auditLog, Clock clock, SunbidProperties properties) {
        this.releases = releases;
        this.auditLog = auditLog;
        this.clock = clock;
        this.dir = properties.dataDir().resolve("open-data").resolve("ocds").toAbsolutePath();
    }

    /**
     * A bulk file: its day, file name, size, number of releases and lowercase hex SM3 of its bytes.
     *
     * @param logSeq the transparency-log entry that holds its SM3
     */
    public record BulkFile(LocalDate day, String name, long bytes, long releases, String sm3, long logSeq) {
    }

    /** Each night (Beijing time) the file of the day before. */
    @Scheduled(cron = "${sunbid.disclosure.ocds-bulk-cron:0 20 0 * * *}", zone = "Asia/Shanghai")
    void nightly() {
        try {
            write(Limit.beijingDate(clock.instant()).minusDays(1));
        } catch (RuntimeException e) {
            log.warn("the OCDS bulk file was not written", e);
        }
    }

    /** Writes (or re-checks) the file of {@code day}: every release dated before the day's end, Beijing time. */
    public BulkFile write(LocalDate day) {
        Instant until = day.plusDays(1).atStartOfDay(Limit.BEIJING).toInstant();
        String name = "ocds-releases-" + day + ".jsonl.gz";
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, name, ".tmp");
            SM3Digest sm3 = new SM3Digest();
            long[] count = {0};
            try (OutputStream file = Files.newOutputStream(tmp); OutputStream gz = gzip(file, sm3)) {
                releases.forEachProcess(process -> process.stream()
                        .filter(r -> OcdsMapping.instant(r).isBefore(until)).forEach(r -> {
                            json.writeLine(r, gz);
                            count[0]++;
                        }));
            }
            byte[] digest = new byte[32];
            sm3.doFinal(digest, 0);
            String hex = HexFormat.of().formatHex(digest);
            long bytes = Files.size(tmp);
            Path target = dir.resolve(name);
            Optional<BulkFile> existing = find(day);
            if (existing.isPresent() && existing.get().sm3().equals(hex) && Files.exists(target)) {
                Files.delete(tmp);
                return existing.get(); // the same bytes: already written and logged
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("file", name);
            payload.put("day", day.toString());
            payload.put("sm3", hex);
            payload.put("bytes", bytes);
            payload.put("releases", count[0]);
            long seq = auditLog.append(AuditRecord.of(ACTION, name, null, Actor.SYSTEM, payload)).seq();
            BulkFile written = new BulkFile(day, name, bytes, count[0], hex, seq);
            Files.writeString(dir.resolve(name + ".sm3"), hex + " " + bytes + " " + count[0] + " " + seq + "\n",
                    StandardCharsets.UTF_8);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bulk file's stream over {@code file}: gzip (no time in its header), the compressed bytes fed to {@code sm3} as
     * they go. Public so the benchmark writes through exactly this path.
     */
    public static OutputStream gzip(OutputStream file, SM3Digest sm3) throws IOException {
        return new GZIPOutputStream(new BufferedOutputStream(new Digesting(file, sm3), 1 << 16), 1 << 16);
    }

    /** The file of {@code day}, if written. */
    public Optional<BulkFile> find(LocalDate day) {
        String name = "ocds-releases-" + day + ".jsonl.gz";
        Path sidecar = dir.resolve(name + ".sm3");
        if (!Files.exists(sidecar) || !Files.exists(dir.resolve(name))) {
            return Optional.empty();
        }
        try {
            String[] f = Files.readString(sidecar, StandardCharsets.UTF_8).strip().split(" ");
            return Optional.of(new BulkFile(day, name, Long.parseLong(f[1]), Long.parseLong(f[2]), f[0], Long.parseLong(f[3])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Every file written, newest day first. */
    public List<BulkFile> files() {
        List<BulkFile> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> list = Files.list(dir)) {
            list.map(p -> NAME.matcher(p.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> LocalDate.parse(m.group(1))).sorted(java.util.Comparator.reverseOrder())
                    .forEach(d -> find(d).ifPresent(out::add));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The bytes of the file of {@code day}, to stream to a downloader. */
    InputStream open(LocalDate day) throws IOException {
        return Files.newInputStream(dir.resolve("ocds-releases-" + day + ".jsonl.gz"));
    }

    /** Feeds every byte written through to the SM3 digest. */
    private static final class Digesting extends FilterOutputStream {

        private final SM3Digest digest;

        Digesting(OutputStream out, SM3Digest digest) {
            super(out);
            this.digest = digest;
        }

        @Override
        public void write(int b) throws IOException {
            digest.update((byte) b);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            digest.update(b, off, len);
            out.write(b, off, len);
        }
    }
}
