package org.sunbid.platform.sealing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes down, at the opening and only then, the facts of each opened bid that 招标投标法实施条例 Art. 40 asks about
 * ({@link BidEvidence}), each as a keyed hash ({@link EvidenceVault}): the machine fingerprint the bidder's tool sealed
 * inside the envelope (a browser upload carries none, recorded as {@link BidEvidence.Kind#NO_FINGERPRINT}), the hashed
 * upload address kept since the upload, the declared project manager, every opened file and every distinctive line of
 * its text, and which rival bidders the text names. Nothing is compared here: supervision does that.
 *
 * <p>Capture never makes the opening fail: a file that cannot be read is recorded as {@link BidEvidence.Kind#UNREADABLE}
 * (its name, keyed-hashed, and the name as detail), a bid whose capture fails anyway is logged and left with what was
 * gathered, and the rows are written in batches inside a savepoint, so a failed write rolls back only the evidence.
 */
@Component
class BidEvidenceCapture {

    /** A line shorter than this (in code points, after collapsing blanks) is too common to mean anything. */
    static final int MIN_LINE = 10;
    /**
     * At most this many distinct lines per bid are kept. Identical odd lines (a shared typo, a copied paragraph) show in
     * the first hundred pages of a bid's own text as well as anywhere; 5,000 distinct lines of at least {@link #MIN_LINE}
     * code points is about that much, and keeps a lot of 30 bids under 150,000 rows written at the opening (the files
     * are read in name order, so which lines are kept does not vary between runs).
     */
    static final int MAX_LINES = 5_000;
    /** Rows per batch written. */
    static final int BATCH = 1_000;
    /** A declared project manager's name shorter than this (code points, blanks removed) says nothing ("无", "-"). */
    static final int MIN_NAME = 2;
    /** A registration number (注册编号) shorter than this (blanks removed) is not one. */
    static final int MIN_REGISTRATION = 6;

    private static final Logger log = LoggerFactory.getLogger(BidEvidenceCapture.class);
    /** Files larger than this are hashed but not read as text. */
    static final long MAX_TEXT_BYTES = 4L * 1024 * 1024;

    /** One opened bid as the opening saw it. */
    record Opened(UUID bidId, UUID bidderId, String bidderName, Map<String, Object> metadata, Map<String, Object> priceSheet,
            Path dir) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate savepoint;
    private final EvidenceVault vault;
    private final Clock clock;
    private final org.sunbid.platform.tendering.TenderDocuments documents;
    private final org.sunbid.platform.kernel.FileStore store;

    BidEvidenceCapture(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions, EvidenceVault vault,
            Clock clock, org.sunbid.platform.tendering.TenderDocuments documents, org.sunbid.platform.kernel.FileStore store) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.vault = vault;
        this.clock = clock;
        this.documents = documents;
        this.store = store;
    }

    /**
     * What the tender's own documents hold, which a bid may copy without meaning anything: the documents' SM3 and their
     * text lines (normalised as a bid's are).
     */
    private record Template(java.util.Set<String> files, java.util.Set<String> lines) {
    }

    private Template template(UUID tenderId) {
        java.util.Set<String> files = new java.util.HashSet<>(documents.documentSm3s(tenderId));
        java.util.Set<String> lines = new java.util.HashSet<>();
        for (String sm3 : files) {
            store.find(sm3).ifPresent(p -> {
                try {
                    if (Files.size(p) <= MAX_TEXT_BYTES) {
                        String text = text(Files.readAllBytes(p));
                        if (text != null) {
                            for (String line : text.split("\\R")) {
                                lines.add(normalised(line));
                            }
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // the bids are still compared, only without this document's lines set aside
                    log.warn("Art. 40 capture: tender {} document {} unreadable ({})", tenderId, sm3, e.getClass().getSimpleName());
                }
            });
        }
        return new Template(files, lines);
    }

    static String normalised(String line) {
        return line.strip().replaceAll("\\s+", " ");
    }

    /** Records the facts of {@code bids}, the opened bids of {@code tenderId}; once (a second call adds nothing). */
    void capture(UUID tenderId, List<Opened> bids) {
        Map<UUID, String> names = new LinkedHashMap<>();
        bids.forEach(b -> names.put(b.bidderId(), b.bidderName()));
        Map<UUID, String> addresses = new LinkedHashMap<>();
        jdbc.sql("SELECT id, received_ip FROM bid_envelope_received WHERE tender_id = :t").param("t", tenderId)
                .query((rs, n) -> addresses.put(rs.getObject("id", UUID.class), rs.getString("received_ip"))).list();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Template template;
        try {
            template = template(tenderId);
        } catch (RuntimeException e) {
            log.warn("Art. 40 capture: tender {} documents not read ({})", tenderId, e.getClass().getSimpleName());
            template = new Template(java.util.Set.of(), java.util.Set.of());
        }
        List<Object[]> rows = new java.util.ArrayList<>();
        for (Opened bid : bids) {
            Map<String, BidEvidence> facts = new LinkedHashMap<>();
            try {
                machine(tenderId, bid, facts);
                String address = addresses.get(bid.bidId());
                if (address != null && address.startsWith(EvidenceVault.HASHED)) {
                    put(facts, new BidEvidence(bid.bidId(), bid.bidderId(), BidEvidence.Kind.UPLOAD_IP,
                            address.substring(EvidenceVault.HASHED.length()), null));
                }
                projectManager(tenderId, bid, facts);
                files(tenderId, bid, names, template, facts);
            } catch (RuntimeException e) {
                // what was gathered is kept; the opening goes on
                log.warn("Art. 40 capture: tender {} bid {} incomplete ({})", tenderId, bid.bidId(), e.getClass().getSimpleName());
                put(facts, new BidEvidence(bid.bidId(), bid.bidderId(), BidEvidence.Kind.UNREADABLE,
                        vault.hash(tenderId, BidEvidence.Kind.UNREADABLE, "capture"), "capture incomplete"));
            }
            for (BidEvidence e : facts.values()) {
                rows.add(new Object[] {tenderId, e.bidId(), e.bidderId(), e.kind().name(), e.hash(), e.detail(), now});
            }
        }
        try {
            savepoint.executeWithoutResult(status -> {
                for (int from = 0; from < rows.size(); from += BATCH) {
                    batch.batchUpdate("""
                            INSERT INTO bid_evidence (tender_id, bid_id, bidder_id, kind, value_hash, detail, created_at, created_by)
                            VALUES (?, ?, ?, ?, ?, ?, ?, 'system') ON CONFLICT DO NOTHING""",
                            rows.subList(from, Math.min(rows.size(), from + BATCH)));
                }
            });
        } catch (RuntimeException e) {
            // rolled back to the savepoint: the opening stands without its Art. 40 facts
            log.warn("Art. 40 capture: tender {} facts not written ({})", tenderId, e.getClass().getSimpleName());
        }
    }

    /** What {@link #capture} recorded for {@code tenderId}. */
    List<BidEvidence> of(UUID tenderId) {
        return jdbc.sql("SELECT bid_id, bidder_id, kind, value_hash, detail FROM bid_evidence WHERE tender_id = :t"
                        + " ORDER BY bidder_id, kind, value_hash")
                .param("t", tenderId).query((rs, n) -> new BidEvidence(rs.getObject("bid_id", UUID.class),
                        rs.getObject("bidder_id", UUID.class), BidEvidence.Kind.valueOf(rs.getString("kind")),
                        rs.getString("value_hash"), rs.getString("detail"))).list();
    }

    private void machine(UUID tenderId, Opened bid, Map<String, BidEvidence> facts) {
        Object m = bid.metadata().get("machine");
        int found = 0;
        if (m instanceof Map<?, ?> machine) {
            found += add(tenderId, bid, BidEvidence.Kind.MAC, machine.get("macSm3"), facts);
            found += add(tenderId, bid, BidEvidence.Kind.MACHINE_ID, machine.get("machineIdSm3"), facts);
            found += add(tenderId, bid, BidEvidence.Kind.DISK_ID, machine.get("diskIdSm3"), facts);
            found += add(tenderId, bid, BidEvidence.Kind.MAKER_CODE, machine.get("makerSm3"), facts);
        }
        if (found == 0) {
            Object tool = bid.metadata().get("tool");
            put(facts, new BidEvidence(bid.bidId(), bid.bidderId(), BidEvidence.Kind.NO_FINGERPRINT, "-",
                    clip(tool == null ? "unknown" : String.valueOf(tool))));
        }
    }

    /** Adds the hashes the tool sent (one value or a list of them) as facts of {@code kind}; how many. */
    private int add(UUID tenderId, Opened bid, BidEvidence.Kind kind, Object values, Map<String, BidEvidence> facts) {
        Collection<?> list = values instanceof Collection<?> c ? c : values == null ? List.of() : List.of(values);
        int n = 0;
        for (Object v : list) {
            String s = v == null ? "" : String.valueOf(v).strip().toLowerCase(java.util.Locale.ROOT);
            if (!s.isEmpty()) {
                put(facts, new BidEvidence(bid.bidId(), bid.bidderId(), kind, vault.hash(tenderId, kind, s), null));
                n++;
            }
        }
        return n;
    }

    /**
     * The project manager the price sheet declares ({@code projectManager}: a name as text, or {@code name} with the
     * registration number {@code registrationNo}): the registration number, when given, as
     * {@link BidEvidence.Kind#PROJECT_MANAGER} (one number, one person), and the name as
     * {@link BidEvidence.Kind#PROJECT_MANAGER_NAME} (two people may share it: supervision weighs it as such); both
     * compared without blanks, each only when long enough to mean anything.
     */
    private void projectManager(UUID tenderId, Opened bid, Map<String, BidEvidence> facts) {
        Object pm = bid.priceSheet().get("projectManager");
        Object no = null;
        Object name = pm;
        if (pm instanceof Map<?, ?> m) {
            no = m.get("registrationNo");
            name = m.get("name");
        }
        String shown = name == null ? null : String.valueOf(name);
        String number = no == null ? "" : String.valueOf(no).replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
        if (number.length() >= MIN_REGISTRATION) {
            put(facts, new BidEvidence(bid.bidId(), bid.bidderId(), BidEvidence.Kind.PROJECT_MANAGER,
                    vault.hash(tenderId, BidEvidence.Kind.PROJECT_MANAGER, "no:" + number), clip(shown)));
        }
        String plain = shown == null ? "" : shown.replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
        if (plain.codePointCount(0, plain.length()) >= MIN_NAME) {
            put(facts, new BidEvidence(bid.bidId(), bid.bidderId(), BidEvidence.Kind.PROJECT_MANAGER_NAME,
                    vault.hash(tenderId, BidEvidence.Kind.PROJECT_MANAGER_NAME, plain), clip(shown)));
        }
    }

    private void files(UUID tenderId, Opened bid, Map<UUID, String> names, Template template, Map<String, BidEvidence> facts) {
        if (bid.dir() == null || !Files.isDirectory(bid.dir())) {
            return;
        }
        List<Path> paths;
        try (var walk = Files.walk(bid.dir())) {
            paths = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            log.warn("Art. 40 capture: bid {} files not listed ({})", bid.bidId(), e.getClass().getSimpleName());
            put(facts, new BidEvidence(bid.bidId(), bid.bidderId(), BidEvidence.Kind.UNREADABLE,
                    vault.hash(tenderId, BidEvidence.Kind.UNREADABLE, "/"), "/"));
            return;
        }
        int lines = 0;
        for (Path p : paths) {
            String name = bid.dir().relativize(p).toString().replace('\\', '/');
            try {
                long size = Files.size(p);
                if (size == 0) {
                    continue;
                }
                String fileSm3;
                try (InputStream in = Files.newInputStream(p)) {
                    fileSm3 = sm3(in);
                }
                if (template.files().contains(fileSm3)) {
                    continue; // the tender's own document, attached as issued
                }
                put(facts, new BidEvidence(bid.bidId(), bid.bidderId(), BidEvidence.Kind.FILE,
                        vault.hash(tenderId, BidEvidence.Kind.FILE, fileSm3), clip(name)));
                if (size > MAX_TEXT_BYTES || lines >= MAX_LINES) {
                    continue;
                }
                String text = text(Files.readAllBytes(p));
                if (text == null) {
                    continue;
                }
                String[] split = text.split("\\R");
                for (int i = 0; i < split.length && lines < MAX_LINES; i++) {
                    String line = normalised(split[i]);
                    if (line.isEmpty() || template.lines().contains(line)) {
                        continue; // what the tender's documents say, every bidder may repeat
                    }
                    String where = clip(name + ":" + (i + 1));
                    if (line.codePointCount(0, line.length()) >= MIN_LINE && put(facts, new BidEvidence(bid.bidId(),
                            bid.bidderId(), BidEvidence.Kind.LINE, vault.hash(tenderId, BidEvidence.Kind.LINE, line), where))) {
                        lines++;
                    }
                    // its own name may contain a rival's (云州建设 / 云州建设集团): only what is left counts
                    String others = bid.bidderName() == null || bid.bidderName().isEmpty() ? line : line.replace(bid.bidderName(), "\u0000");
                    for (Map.Entry<UUID, String> rival : names.entrySet()) {
                        if (!rival.getKey().equals(bid.bidderId()) && rival.getValue() != null
                                && rival.getValue().length() >= 4 && others.contains(rival.getValue())) {
                            put(facts, new BidEvidence(bid.bidId(), bid.bidderId(), BidEvidence.Kind.MENTION,
                                    rival.getKey().toString(), where));
                        }
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                // a fact of its own (the bid holds a file the opening could not read), never a failed opening
                log.warn("Art. 40 capture: bid {} file unreadable ({})", bid.bidId(), e.getClass().getSimpleName());
                put(facts, new BidEvidence(bid.bidId(), bid.bidderId(), BidEvidence.Kind.UNREADABLE,
                        vault.hash(tenderId, BidEvidence.Kind.UNREADABLE, name), clip(name)));
            }
        }
    }

    /** The file as UTF-8 text, or null when it is not (binary, another encoding). */
    static String text(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The SM3 (hex) of a stream, read in blocks (opened files may be large). */
    static String sm3(InputStream in) throws IOException {
        org.bouncycastle.crypto.digests.SM3Digest digest = new org.bouncycastle.crypto.digests.SM3Digest();
        byte[] buffer = new byte[65536];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return java.util.HexFormat.of().formatHex(out);
    }

    private static boolean put(Map<String, BidEvidence> facts, BidEvidence e) {
        return facts.putIfAbsent(e.kind() + "|" + e.hash(), e) == null;
    }

    private static String clip(String s) {
        return s == null ? null : s.length() <= 300 ? s : s.substring(0, 300);
    }

}
