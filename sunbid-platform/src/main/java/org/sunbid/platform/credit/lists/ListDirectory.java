package org.sunbid.platform.credit.lists;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;

/**
 * The refresh job of the external lists: reads the configured directory ({@code sunbid.credit.lists-dir}, by default
 * {@code <data-dir>/credit-lists}) for files named {@code <list code>_<yyyy-MM-dd>.csv} (e.g.
 * {@code court-debtors_2026-11-20.csv}, as the keeper's export is saved there) and imports each, oldest version first,
 * each in its own transaction: a file imported before changes nothing, a refused or outdated one is logged and skipped
 * and the others go on. Daily ({@code sunbid.credit.lists-cron}, Beijing time; {@code -} turns it off, as in tests).
 */
@Component
public class ListDirectory {

    private static final Logger log = LoggerFactory.getLogger(ListDirectory.class);
    private static final Pattern NAME = Pattern.compile("([a-z][a-z0-9-]{1,40})_(\\d{4}-\\d{2}-\\d{2})\\.csv");

    private final CreditLists lists;
    private final Path directory;

    ListDirectory(CreditLists lists, @Value("${sunbid.credit.lists-dir:${sunbid.data-dir:./data}/credit-lists}") Path directory) {
        this.lists = lists;
        this.directory = directory;
    }

    /** What one run did with each file. */
    public record FileOutcome(String file, String outcome, CreditLists.ImportView imported) {
    }

    @Scheduled(cron = "${sunbid.credit.lists-cron:0 15 4 * * *}", zone = "Asia/Shanghai")
    void daily() {
        List<FileOutcome> run = refresh(directory);
        if (!run.isEmpty()) {
            log.info("credit lists refreshed from {}: {}", directory, run.stream().map(o -> o.file() + " " + o.outcome()).toList());
        }
    }

    /** Imports every list file in {@code dir} (none if it does not exist), oldest version first. */
    public List<FileOutcome> refresh(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        record Found(Path path, String code, LocalDate date) {
        }
        List<Found> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (Files.isRegularFile(p) && m.matches()) {
                    try {
                        found.add(new Found(p, m.group(1), LocalDate.parse(m.group(2))));
                    } catch (DateTimeParseException e) {
                        log.warn("credit lists: {} is not named <list>_<yyyy-MM-dd>.csv", p.getFileName());
                    }
                }
            }
        } catch (IOException e) {
            log.warn("credit lists: cannot read {}: {}", dir, e.toString());
            return List.of();
        }
        found.sort(Comparator.comparing(Found::date).thenComparing(Found::code));
        List<FileOutcome> out = new ArrayList<>();
        for (Found f : found) {
            String name = f.path().getFileName().toString();
            try {
                if (Files.size(f.path()) > ListFile.MAX_BYTES) {
                    throw new MalformedListException(1, LineProblem.TOO_LARGE, String.valueOf(ListFile.MAX_BYTES));
                }
                CreditLists.ImportView v = lists.importVersion(f.code(), f.date(), Files.readAllBytes(f.path()), name,
                        CreditLists.Origin.DIRECTORY, Actor.SYSTEM);
                out.add(new FileOutcome(name, v.unchanged() ? "unchanged" : "imported", v));
            } catch (DomainException e) {
                log.warn("credit lists: {} refused: {}", name, e.getMessage());
                out.add(new FileOutcome(name, e.errorCode().code() + " " + java.util.Arrays.toString(e.arguments()), null));
            } catch (IOException e) {
                log.warn("credit lists: cannot read {}: {}", name, e.toString());
                out.add(new FileOutcome(name, "unreadable", null));
            }
        }
        return out;
    }
}
