package org.sunbid.platform.credit.lists;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.credit.CreditRecordChanged;
import org.sunbid.platform.credit.CreditRecords;
import org.sunbid.platform.credit.CreditSubject;
import org.sunbid.platform.credit.Gate;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;

/**
 * External credit lists (外部信用名单: 失信被执行人, 重大税收违法失信主体, 政府采购严重违法失信行为记录名单, …, 财库〔2016〕125号)
 * imported as data, each entry a credit record whose source is the list's name, kept with the version that brought it.
 * <ul>
 * <li>A version is a file and its list date. The same file (same SM3) of a list a second time changes nothing: no
 * record, no log entry; the first import is returned.</li>
 * <li>A file is read whole before anything changes ({@link ListFile}); the first bad line refuses it all.</li>
 * <li>A version must be newer than the list's latest imported one (a list date is a version: an older or another file
 * of the same date is refused, {@link CreditListError#CREDIT_LIST_NOT_NEWER}).</li>
 * <li>An entry in a newer version with the same content as before stays as it is; one with changed content ends and a
 * new record is made; an entry the newer version no longer lists ends: its record is withdrawn at the import's time with
 * the reason (the keeper removed it: repaired, expired or corrected at the source). An entry's own end dates end its
 * restriction and publication by the clock without any import.</li>
 * </ul>
 * Every import that changes something is one log entry ({@code credit.list.imported}) besides each new record's
 * ({@code credit.record.made}) and each ended entry's ({@code credit.list.entry.ended}).
 */
@Service
public class CreditLists {

    private final JdbcClient jdbc;
    private final CreditRecords records;
    private final AuditLog log;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CreditLists(JdbcClient jdbc, CreditRecords records, AuditLog log, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.records = records;
        this.log = log;
        this.clock = clock;
        this.events = events;
    }

    /** Where an import came from. */
    public enum Origin {
        /** Uploaded by centre staff or an administrator through the API. */
        UPLOAD,
        /** Read from the configured directory by the refresh job. */
        DIRECTORY,
        /** Loaded with the demo data. */
        DEMO
    }

    /**
     * A list the platform imports.
     *
     * @param code          the list's key (in file names and URLs)
     * @param name          its name, the source of its entries' records
     * @param keeper        who keeps it
     * @param legalBasis    why its entries are excluded
     * @param gates         the gates its entries bar while their restriction is in force
     * @param latestVersion the list date of the latest imported version, or null
     * @param currentEntries the entries of the latest version
     */
    public record ListView(String code, String name, String keeper, String legalBasis, Set<Gate> gates, LocalDate latestVersion,
            int currentEntries) {
    }

    /**
     * An import of a version.
     *
     * @param unchanged true when this call changed nothing (the same file was imported before: its first import)
     */
    public record ImportView(UUID id, String listCode, String listName, LocalDate listDate, String fileSm3, String fileName,
            Origin origin, int entries, int added, int ended, Instant importedAt, String importedBy, Long logSeq,
            boolean unchanged) {
    }

    /** An entry of a list as imported. */
    public record EntryView(UUID recordId, String listCode, String entryId, String creditCode, String name, String conduct,
            String legalBasis, String issuingBody, String document, LocalDate listDate, int line, Instant endedAt,
            String endedReason) {
    }

    /** Every list, with its latest version. */
    public List<ListView> lists() {
        return jdbc.sql("""
                SELECT l.code, l.name, l.keeper, l.legal_basis, l.gates,
                    (SELECT MAX(i.list_date) FROM credit_list_import i WHERE i.list_code = l.code) AS latest,
                    (SELECT COUNT(*) FROM credit_list_entry e WHERE e.list_code = l.code AND e.ended_at IS NULL) AS current
                FROM credit_list l ORDER BY l.code""").query(CreditLists::list).list();
    }

    /** The list {@code code}. */
    public ListView list(String code) {
        return lists().stream().filter(l -> l.code().equals(code)).findFirst()
                .orElseThrow(() -> new DomainException(CreditListError.CREDIT_LIST_UNKNOWN, code));
    }

    /** The imports of list {@code code}, newest first. */
    public List<ImportView> imports(String code, int limit) {
        ListView l = list(code);
        return jdbc.sql("SELECT * FROM credit_list_import WHERE list_code = :c ORDER BY list_date DESC, created_at DESC LIMIT :n")
                .param("c", code).param("n", Math.max(1, Math.min(limit, 500)))
                .query((rs, i) -> importView(rs, l.name(), false)).list();
    }

    /** The current entries of list {@code code} (and, with {@code ended}, those ended too), by line of their version. */
    public List<EntryView> entries(String code, boolean ended) {
        list(code);
        return jdbc.sql("""
                SELECT e.record_id, e.list_code, e.entry_id, r.subject_key, r.subject_name, r.conduct, r.legal_basis,
                    r.issuing_body, r.document, i.list_date, e.line, e.ended_at, e.ended_reason
                FROM credit_list_entry e JOIN credit_record r ON r.id = e.record_id JOIN credit_list_import i ON i.id = e.import_id
                WHERE e.list_code = :c AND (:ended OR e.ended_at IS NULL) ORDER BY i.list_date DESC, e.line""")
                .param("c", code).param("ended", ended)
                .query((rs, i) -> new EntryView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getObject(10, LocalDate.class), rs.getInt(11), instant(rs, 12), rs.getString(13)))
                .list();
    }

    /**
     * Imports version {@code listDate} of list {@code code} from {@code file}: all of it or nothing. The same file again
     * returns its first import unchanged.
     */
    @Transactional
    public ImportView importVersion(String code, LocalDate listDate, byte[] file, String fileName, Origin origin, Actor actor) {
        if (listDate == null) {
            throw new DomainException(CreditListError.CREDIT_LIST_REQUEST_INVALID, "listDate");
        }
        if (file == null) {
            throw new DomainException(CreditListError.CREDIT_LIST_REQUEST_INVALID, "csv");
        }
        if (fileName != null && (fileName.length() > 200 || fileName.chars().anyMatch(Character::isISOControl))) {
            throw new DomainException(CreditListError.CREDIT_LIST_REQUEST_INVALID, "fileName");
        }
        list(code); // unknown list: refused before anything is locked
        // one import of a list at a time: the version order and the entries' ends are decided on the latest state, so the
        // list (with its latest version) is read only once its lock is held (issue 20 fix K)
        jdbc.sql("SELECT code FROM credit_list WHERE code = :c FOR UPDATE").param("c", code).query(String.class).single();
        ListView list = list(code);
        String sm3 = Sm3.hex(file);
        Optional<ImportView> known = jdbc.sql("SELECT * FROM credit_list_import WHERE list_code = :c AND file_sm3 = :h")
                .param("c", code).param("h", sm3).query((rs, i) -> importView(rs, list.name(), true)).optional();
        if (known.isPresent()) {
            return known.get();
        }
        List<ListFile.Entry> entries = ListFile.parse(file);
        LocalDate latest = list.latestVersion();
        if (latest != null && !listDate.isAfter(latest)) {
            throw new DomainException(CreditListError.CREDIT_LIST_NOT_NEWER, listDate, latest);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        UUID importId = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO credit_list_import (id, list_code, list_date, file_sm3, file_name, origin, entries, added, ended,
                    created_by, created_at)
                VALUES (:id, :c, :d, :h, :f, :o, :n, 0, 0, :by, :now)""")
                .param("id", importId).param("c", code).param("d", listDate).param("h", sm3).param("f", fileName)
                .param("o", origin.name()).param("n", entries.size()).param("by", actor.username()).param("now", now).update();

        Map<String, Current> current = new HashMap<>();
        jdbc.sql("SELECT entry_id, record_id, content_sm3 FROM credit_list_entry WHERE list_code = :c AND ended_at IS NULL")
                .param("c", code).query((rs, i) -> current.put(rs.getString(1),
                        new Current(rs.getObject(2, UUID.class), rs.getString(3)))).list();
        List<String> added = new ArrayList<>();
        List<String> ended = new ArrayList<>();
        for (ListFile.Entry e : entries) {
            Current was = current.remove(e.entryId());
            if (was != null && was.contentSm3().equals(e.contentSm3())) {
                continue;
            }
            if (was != null) {
                end(code, e.entryId(), was.recordId(), importId, "「" + list.name() + "」" + listDate + " 版本变更了该条目", now, actor);
                ended.add(e.entryId());
            }
            UUID recordId = records.record(new CreditRecords.NewRecord(CreditSubject.organisation(e.creditCode()), e.name(),
                    e.creditClass(), e.conduct(), e.legalBasis(), e.issuingBody(), e.document(), list.name(),
                    e.entryId() + "@" + listDate, null, list.gates(), e.restrictionFrom(), e.restrictionUntil(),
                    e.publicationFrom(), e.publicationUntil()), actor);
            jdbc.sql("""
                    INSERT INTO credit_list_entry (record_id, list_code, entry_id, content_sm3, import_id, line, created_at)
                    VALUES (:r, :c, :e, :h, :i, :l, :now)""")
                    .param("r", recordId).param("c", code).param("e", e.entryId()).param("h", e.contentSm3())
                    .param("i", importId).param("l", e.line()).param("now", now).update();
            added.add(e.entryId());
        }
        for (Map.Entry<String, Current> gone : current.entrySet()) {
            end(code, gone.getKey(), gone.getValue().recordId(), importId, "「" + list.name() + "」" + listDate + " 版本不再列入",
                    now, actor);
            ended.add(gone.getKey());
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("list", code);
        payload.put("listName", list.name());
        payload.put("listDate", listDate.toString());
        payload.put("fileSm3", sm3);
        payload.put("origin", origin.name());
        payload.put("entries", entries.size());
        payload.put("added", added.size());
        payload.put("ended", ended.size());
        long seq = log.append(AuditRecord.of("credit.list.imported", importId.toString(), null, actor, payload)).seq();
        jdbc.sql("UPDATE credit_list_import SET added = :a, ended = :e, log_seq = :s WHERE id = :id")
                .param("a", added.size()).param("e", ended.size()).param("s", seq).param("id", importId).update();
        return jdbc.sql("SELECT * FROM credit_list_import WHERE id = :id").param("id", importId)
                .query((rs, i) -> importView(rs, list.name(), false)).single();
    }

    private record Current(UUID recordId, String contentSm3) {
    }

    private void end(String code, String entryId, UUID recordId, UUID importId, String reason, OffsetDateTime now, Actor actor) {
        jdbc.sql("""
                UPDATE credit_list_entry SET ended_import = :i, ended_at = :now, ended_reason = :reason
                WHERE record_id = :r AND ended_at IS NULL""")
                .param("i", importId).param("now", now).param("reason", reason).param("r", recordId).update();
        jdbc.sql("UPDATE credit_record SET withdrawn_at = :now, withdrawn_reason = :reason WHERE id = :r AND withdrawn_at IS NULL")
                .param("now", now).param("reason", reason).param("r", recordId).update();
        records.find(recordId).ifPresent(r -> events.publishEvent(new CreditRecordChanged(recordId, r.subject())));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("list", code);
        payload.put("entryId", entryId);
        payload.put("recordId", recordId.toString());
        payload.put("import", importId.toString());
        payload.put("reason", reason);
        log.record(AuditRecord.of("credit.list.entry.ended", recordId.toString(), null, actor, payload));
    }

    private static ListView list(ResultSet rs, int row) throws SQLException {
        Set<Gate> gates = EnumSet.noneOf(Gate.class);
        Array array = rs.getArray("gates");
        for (Object g : (Object[]) array.getArray()) {
            gates.add(Gate.valueOf((String) g));
        }
        return new ListView(rs.getString("code"), rs.getString("name"), rs.getString("keeper"), rs.getString("legal_basis"), gates,
                rs.getObject("latest", LocalDate.class), rs.getInt("current"));
    }

    private static ImportView importView(ResultSet rs, String listName, boolean unchanged) throws SQLException {
        Long seq = rs.getObject("log_seq", Long.class);
        return new ImportView(rs.getObject("id", UUID.class), rs.getString("list_code"), listName,
                rs.getObject("list_date", LocalDate.class), rs.getString("file_sm3"), rs.getString("file_name"),
                Origin.valueOf(rs.getString("origin")), rs.getInt("entries"), rs.getInt("added"), rs.getInt("ended"),
                instant(rs, "created_at"), rs.getString("created_by"), seq, unchanged);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
