package org.sunbid.platform.supervision.warnings;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
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
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.audit.LogEntry;
import org.sunbid.platform.credit.CreditClass;
import org.sunbid.platform.credit.CreditRecords;
import org.sunbid.platform.credit.CreditSubject;
import org.sunbid.platform.credit.Gate;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.supervision.SanctionDecided;
import org.sunbid.platform.supervision.Scope;
import org.sunbid.platform.supervision.WarningDraft;
import org.sunbid.platform.supervision.Warnings;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The warning queue (监督预警): raises warnings once per source and key, shows each user the warnings of the regions it
 * watches (the administrator all; centre staff and supervisors their region's subtree; anyone else none), and moves a
 * warning through its life ({@link WarningCase}) at the hands of a supervisor of its region only. Every raising and
 * every step is appended to the transparency log in the same transaction. A raise is logged SEALED (the public log
 * shows only that a sealed entry exists, with its commitment): while the lot is still evaluated, bidders must not learn
 * of a suspicion. The decision (at triage or after investigation) reveals it: its public entry repeats the sealed
 * entry's details and payload (source, severity, project, lot, legal basis, evidence count, content digest), which
 * anyone can check against the commitment. The content digest is SM3 over the content and a random nonce kept with
 * the warning, so it commits to the content without letting anyone confirm a content guessed from public records.
 */
@Service
public class WarningQueue implements Warnings {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final TypeReference<List<WarningDraft.Evidence>> EVIDENCE = new TypeReference<>() {
    };
    private static final String COLUMNS = """
            id, source, source_key, severity, region_code, project_id, lot_id, title, detail, legal_basis, evidence::text AS evidence,
            log_entries, status, decision, decision_basis, decision_reason, decided_at, decided_by, correction_due, corrected_at,
            correction_note, raised_seq, created_at""";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final java.util.HexFormat HEX = java.util.HexFormat.of();

    private final JdbcClient jdbc;
    private final AuditLog log;
    private final Scope scope;
    private final Clock clock;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final CreditRecords credits;
    private final org.sunbid.platform.parties.Organisations organisations;

    WarningQueue(JdbcClient jdbc, AuditLog log, Scope scope, Clock clock, JsonMapper json, ApplicationEventPublisher events,
            CreditRecords credits, org.sunbid.platform.parties.Organisations organisations) {
        this.credits = credits;
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.log = log;
        this.scope = scope;
        this.clock = clock;
        this.json = json;
        this.events = events;
    }

    // --- raising ---------------------------------------------------------------------------------------------------

    /**
     * Raises {@code draft} once per source and key. Concurrent raises of the same key meet on the unique constraint:
     * the later one waits for the first to commit, inserts nothing and returns the first one's id.
     */
    @Override
    @Transactional
    public UUID raise(WarningDraft draft) {
        return raiseIfNew(draft).orElseGet(() -> jdbc.sql(
                "SELECT id FROM supervision_warning WHERE source = :source AND source_key = :key")
                .param("source", draft.source()).param("key", draft.key()).query(UUID.class).single());
    }

    /** Raises {@code draft} unless its source and key are known: the new warning's id, or empty. */
    @Transactional
    public Optional<UUID> raiseIfNew(WarningDraft draft) {
        if (draft.source().length() > 40 || draft.key().length() > 400) {
            throw new DomainException(WarningError.WARNING_PARAMETER_INVALID, "source/key", draft.source());
        }
        scope.region(draft.regionCode()); // an unknown region is refused (REGION_NOT_FOUND)
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        byte[] nonceBytes = new byte[16];
        RANDOM.nextBytes(nonceBytes);
        String nonce = HEX.formatHex(nonceBytes);
        Optional<UUID> inserted = jdbc.sql("""
                INSERT INTO supervision_warning (id, source, source_key, severity, region_code, project_id, lot_id, title, detail,
                    legal_basis, evidence, log_entries, status, digest_nonce, created_at, created_by, updated_at, updated_by)
                VALUES (:id, :source, :key, :severity, :region, :project, :lot, :title, :detail, :basis, CAST(:evidence AS JSONB),
                    :entries, 'OPEN', :nonce, :now, 'system', :now, 'system')
                ON CONFLICT ON CONSTRAINT supervision_warning_source_key DO NOTHING
                RETURNING id""")
                .param("id", id).param("source", draft.source()).param("key", draft.key())
                .param("severity", draft.severity().name()).param("region", draft.regionCode())
                .param("project", draft.projectId()).param("lot", draft.lotId()).param("title", draft.title())
                .param("detail", draft.detail()).param("basis", draft.legalBasis())
                .param("evidence", json.writeValueAsString(draft.evidence()))
                .param("entries", draft.logEntries().toArray(Long[]::new)).param("nonce", nonce).param("now", now)
                .query(UUID.class).optional();
        if (inserted.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("source", draft.source());
        payload.put("severity", draft.severity().name());
        payload.put("projectId", draft.projectId() == null ? null : draft.projectId().toString());
        payload.put("lotId", draft.lotId() == null ? null : draft.lotId().toString());
        payload.put("legalBasis", draft.legalBasis());
        payload.put("evidenceCount", draft.evidence().size());
        payload.put("contentDigest", digest(draft, nonce));
        // sealed until the decision reveals it (see decisionPayload): one log entry per raise, as before
        LogEntry entry = log.append(AuditRecord.of("supervision.warning.raised", id.toString(), draft.regionCode(),
                Actor.SYSTEM, payload).sealed());
        jdbc.sql("UPDATE supervision_warning SET raised_seq = :seq WHERE id = :id").param("seq", entry.seq()).param("id", id)
                .update();
        return Optional.of(id);
    }

    /**
     * SM3 over the warning's content as raised and its nonce: anyone shown the warning and its nonce can check it against
     * the log once the decision reveals the digest; without the nonce a guessed content cannot be confirmed.
     */
    static String digest(WarningDraft d, String nonce) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("nonce", nonce);
        content.put("key", d.key());
        content.put("title", d.title());
        content.put("detail", d.detail());
        List<Object> evidence = new ArrayList<>();
        for (WarningDraft.Evidence e : d.evidence()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("label", e.label());
            item.put("value", e.value());
            item.put("link", e.link());
            evidence.add(item);
        }
        content.put("evidence", evidence);
        return Sm3.hex(CanonicalJson.write(content));
    }

    // --- reading ---------------------------------------------------------------------------------------------------

    /**
     * The warnings {@code user} may see that match {@code filter}, open ones first then newest first (at most
     * {@code limit}). Only the administrator, centre staff and supervisors have a queue: anyone else is FORBIDDEN.
     */
    public List<WarningView> queue(CurrentUser user, WarningFilter filter, int limit) {
        List<String> watched = watched(user);
        Instant now = clock.instant();
        return jdbc.sql("SELECT " + COLUMNS + " FROM supervision_warning WHERE (CAST(:all AS BOOLEAN) OR region_code = ANY(:scope))"
                        + " AND (CAST(:status AS VARCHAR) IS NULL OR status = CAST(:status AS VARCHAR))"
                        + " AND (NOT CAST(:open AS BOOLEAN) OR status <> 'CLOSED')"
                        + " AND (CAST(:severity AS VARCHAR) IS NULL OR severity = CAST(:severity AS VARCHAR))"
                        + " AND (CAST(:source AS VARCHAR) IS NULL OR source = CAST(:source AS VARCHAR))"
                        + " AND (CAST(:raisedBefore AS TIMESTAMPTZ) IS NULL OR created_at <= CAST(:raisedBefore AS TIMESTAMPTZ))"
                        + " AND (CAST(:raisedAfter AS TIMESTAMPTZ) IS NULL OR created_at >= CAST(:raisedAfter AS TIMESTAMPTZ))"
                        + " AND (NOT CAST(:overdue AS BOOLEAN) OR (status = 'CORRECTING' AND correction_due < CAST(:today AS DATE)))"
                        + " ORDER BY (status = 'CLOSED'), created_at DESC, id LIMIT :limit")
                .param("all", watched == null).param("scope", watched == null ? new String[0] : watched.toArray(String[]::new))
                .param("status", filter.status() == null ? null : filter.status().name()).param("open", filter.openOnly())
                .param("severity", filter.severity() == null ? null : filter.severity().name())
                .param("source", filter.source())
                .param("raisedBefore", filter.minAgeDays() == null ? null
                        : now.minus(Duration.ofDays(filter.minAgeDays())).atOffset(java.time.ZoneOffset.UTC))
                .param("raisedAfter", filter.maxAgeDays() == null ? null
                        : now.minus(Duration.ofDays(filter.maxAgeDays())).atOffset(java.time.ZoneOffset.UTC))
                .param("overdue", filter.overdue()).param("today", today())
                .param("limit", Math.max(1, Math.min(limit, 1000)))
                .query(this::map).list();
    }

    /** The age bands of {@link Summary}, in days: under 1, 1 to under 7, 7 to under 30, 30 and more. */
    public static final List<Integer> AGE_BANDS = List.of(1, 7, 30);

    /**
     * The open (not closed) warnings of {@code user}'s regions in numbers, for the monitoring page.
     *
     * @param bySeverity for HIGH, MEDIUM and LOW (in that order): the count per age band of {@link #AGE_BANDS}
     * @param open       every open warning
     * @param untriaged  awaiting triage
     * @param overdue    corrections past their deadline
     */
    public record Summary(Map<WarningDraft.Severity, List<Long>> bySeverity, long open, long untriaged, long overdue) {
    }

    /** The open warnings of {@code user}'s regions by severity and age (FORBIDDEN for a user without a queue). */
    public Summary summary(CurrentUser user) {
        List<WarningView> open = queue(user, new WarningFilter(null, true, null, null, null, null, false), 1000);
        Map<WarningDraft.Severity, List<Long>> by = new LinkedHashMap<>();
        for (WarningDraft.Severity s : List.of(WarningDraft.Severity.HIGH, WarningDraft.Severity.MEDIUM, WarningDraft.Severity.LOW)) {
            long[] bands = new long[AGE_BANDS.size() + 1];
            open.stream().filter(w -> w.severity() == s).forEach(w -> bands[band(w.ageDays())]++);
            by.put(s, java.util.Arrays.stream(bands).boxed().toList());
        }
        return new Summary(by, open.size(), open.stream().filter(w -> w.status() == WarningStatus.OPEN).count(),
                open.stream().filter(WarningView::overdue).count());
    }

    static int band(long ageDays) {
        for (int i = 0; i < AGE_BANDS.size(); i++) {
            if (ageDays < AGE_BANDS.get(i)) {
                return i;
            }
        }
        return AGE_BANDS.size();
    }

    /** The sources of the warnings {@code user} may see, for the queue's filter. */
    public List<String> sources(CurrentUser user) {
        List<String> watched = watched(user);
        return jdbc.sql("SELECT DISTINCT source FROM supervision_warning WHERE (CAST(:all AS BOOLEAN) OR region_code = ANY(:scope))"
                        + " ORDER BY source")
                .param("all", watched == null).param("scope", watched == null ? new String[0] : watched.toArray(String[]::new))
                .query(String.class).list();
    }

    /** The warning with its steps if {@code user} may see it; WARNING_NOT_FOUND otherwise (out of region, or no queue). */
    public WarningView get(UUID id, CurrentUser user) {
        WarningView w = find(id).filter(v -> visible(user, v.regionCode()))
                .orElseThrow(() -> new DomainException(WarningError.WARNING_NOT_FOUND, id));
        return w.withSteps(steps(id));
    }

    /** Whether {@code user} may act on the warning: a supervisor of its region (the page shows the forms only then). */
    public boolean mayAct(CurrentUser user, WarningView w) {
        return scope.supervises(user, w.regionCode());
    }

    /** The warning without a scope check (for a source that raised it, or the demo). */
    public Optional<WarningView> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM supervision_warning WHERE id = :id").param("id", id).query(this::map)
                .optional();
    }

    /** Which of {@code keys} are raised already (by any source): what a sweep need not build again. */
    java.util.Set<String> known(List<String> keys) {
        if (keys.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("SELECT source_key FROM supervision_warning WHERE source_key = ANY(:keys)")
                .param("keys", keys.toArray(String[]::new)).query(String.class).list());
    }

    /** The warning raised by {@code source} under {@code key}, if any. */
    public Optional<WarningView> find(String source, String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM supervision_warning WHERE source = :source AND source_key = :key")
                .param("source", source).param("key", key).query(this::map).optional();
    }

    /** The steps of a warning, oldest first. */
    private List<WarningView.Step> steps(UUID id) {
        return jdbc.sql("""
                SELECT kind, body, log_seq, created_at, created_by FROM supervision_warning_step WHERE warning_id = :id
                ORDER BY created_at, log_seq""")
                .param("id", id)
                .query((rs, i) -> new WarningView.Step(rs.getString("kind"), rs.getString("body"), rs.getLong("log_seq"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by")))
                .list();
    }

    private List<String> watched(CurrentUser user) {
        if (user == null || !(user.seesAllRegions() || user.seesRegionSubtree())) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        return scope.watched(user);
    }

    private boolean visible(CurrentUser user, String region) {
        return user != null && (user.seesAllRegions() || user.seesRegionSubtree()) && scope.sees(user, null, region);
    }

    // --- the life of a warning -------------------------------------------------------------------------------------

    /** Triage: the supervisor accepts the warning for investigation (立案调查). */
    @Transactional
    public WarningView accept(UUID id, String note, CurrentUser user) {
        Locked w = lock(id, user);
        WarningCase next = w.current().accept();
        String body = note == null || note.isBlank() ? null : note.strip();
        if (body != null && body.length() > WarningCase.MAX_TEXT) {
            throw new DomainException(WarningError.WARNING_TEXT_REQUIRED, WarningField.NOTE);
        }
        store(w, next, user, Map.of());
        step(w.view(), "accepted", body, "supervision.warning.accepted", payload("noteDigest", digest(body)), user);
        return get(id, user);
    }

    /** Triage: the supervisor dismisses the warning at once (不予立案), with its reason and basis. */
    @Transactional
    public WarningView dismiss(UUID id, String reason, String basis, CurrentUser user) {
        Locked w = lock(id, user);
        WarningCase next = w.current().dismiss(reason, basis);
        store(w, next, user, Map.of("decision_basis", basis.strip(), "decision_reason", reason.strip()));
        Map<String, Object> payload = payload("decision", Decision.DISMISSED.name());
        payload.put("atTriage", true);
        payload.put("legalBasis", basis.strip());
        payload.put("raised", revealRaise(w.view()));
        payload.put("reasonDigest", digest(reason.strip()));
        step(w.view(), "dismissed", reason.strip(), "supervision.warning.dismissed", payload, user);
        return get(id, user);
    }

    /** An investigation note (调查记录), until the warning is closed. */
    @Transactional
    public WarningView note(UUID id, String text, CurrentUser user) {
        Locked w = lock(id, user);
        w.current().note(text);
        jdbc.sql("UPDATE supervision_warning SET updated_at = :now, updated_by = :by WHERE id = :id")
                .param("now", OffsetDateTime.now(clock)).param("by", user.username()).param("id", id).update();
        step(w.view(), "noted", text.strip(), "supervision.warning.noted", payload("noteDigest", digest(text.strip())), user);
        return get(id, user);
    }

    /**
     * What a supervisor decides after investigation. For a sanction, the credit terms (issue 20), each optional and
     * defaulting from the basis ({@link SanctionTerms}): the record's class, the restriction's last day in force, the
     * gates it bars, and the decision document's number.
     */
    public record DecisionForm(Decision decision, String reason, String basis, LocalDate correctionDue,
            String partyCreditCode, String partyName, CreditClass creditClass, LocalDate restrictionLastDay, Set<Gate> gates,
            String document) {

        /** A decision without credit terms (they default from the basis). */
        public DecisionForm(Decision decision, String reason, String basis, LocalDate correctionDue, String partyCreditCode,
                String partyName) {
            this(decision, reason, basis, correctionDue, partyCreditCode, partyName, null, null, null, null);
        }

        boolean hasCreditTerms() {
            return creditClass != null || restrictionLastDay != null || gates != null && !gates.isEmpty();
        }
    }

    /**
     * The decision after investigation, with its legal basis; a correction (责令改正) waits for its deadline. A sanction
     * publishes {@link SanctionDecided} for the credit records.
     */
    @Transactional
    public WarningView decide(UUID id, DecisionForm form, CurrentUser user) {
        Locked w = lock(id, user);
        WarningCase next = w.current().decide(form.decision(), form.reason(), form.basis(), form.correctionDue(), today());
        String party = trim(form.partyName(), 200);
        String credit = form.partyCreditCode() == null || form.partyCreditCode().isBlank() ? null
                : org.sunbid.platform.parties.UnifiedSocialCreditCode.of(form.partyCreditCode()).value();
        if (form.decision() == Decision.SANCTIONED && party == null && credit == null) {
            throw new DomainException(WarningError.WARNING_TEXT_REQUIRED, WarningField.PARTY); // the credit records need whom
        }
        if (form.decision() == Decision.SANCTIONED && credit == null && form.hasCreditTerms()) {
            throw new DomainException(WarningError.WARNING_SANCTION_CREDIT_CODE_REQUIRED);
        }
        if (form.decision() != Decision.SANCTIONED && (form.hasCreditTerms() || form.document() != null)) {
            throw new DomainException(WarningError.WARNING_PARAMETER_INVALID, "creditClass", form.decision());
        }
        String document = trim(form.document(), 100);
        OffsetDateTime now = OffsetDateTime.now(clock);
        SanctionTerms.Terms terms = form.decision() == Decision.SANCTIONED && credit != null
                ? SanctionTerms.of(form.basis().strip(), form.creditClass(), form.restrictionLastDay(), form.gates(), now.toInstant())
                : null;
        store(w, next, user, Map.of("decision_basis", form.basis().strip(), "decision_reason", form.reason().strip()));
        Map<String, Object> payload = payload("decision", form.decision().name());
        payload.put("legalBasis", form.basis().strip());
        payload.put("correctionDue", form.correctionDue() == null ? null : form.correctionDue().toString());
        payload.put("reasonDigest", digest(form.reason().strip()));
        payload.put("raised", revealRaise(w.view()));
        if (form.decision() == Decision.SANCTIONED) {
            payload.put("partyCreditCode", credit);
            payload.put("partyName", party);
            payload.put("document", document);
        }
        String body = form.reason().strip();
        long seq = step(w.view(), "decided", body, "supervision.warning.decided", payload, user);
        if (form.decision() == Decision.SANCTIONED) {
            WarningView v = w.view();
            events.publishEvent(new SanctionDecided(id, v.regionCode(), v.projectId(), v.lotId(), v.source(), credit, party,
                    form.basis().strip(), body, now.toInstant(), user.username(), seq));
            if (terms != null) {
                // the credit record (issue 20), once per warning: a retried decision cannot make a second one
                String issuer = user.organisationId() == null ? null
                        : organisations.find(user.organisationId()).map(org.sunbid.platform.parties.Organisation::name).orElse(null);
                credits.record(new CreditRecords.NewRecord(CreditSubject.organisation(credit), party != null ? party : credit,
                        terms.creditClass(), body, form.basis().strip(), issuer != null ? issuer : user.username(),
                        document, "platform", "supervision.sanction:" + id, v.regionCode(), terms.gates(),
                        terms.restrictionFrom(), terms.restrictionUntil(), terms.publicationFrom(), terms.publicationUntil()),
                        user.actor());
            }
        }
        return get(id, user);
    }

    /** The correction was made (整改完成), as the supervisor verified it: the warning closes (late or not). */
    @Transactional
    public WarningView corrected(UUID id, String note, CurrentUser user) {
        Locked w = lock(id, user);
        WarningCase next = w.current().corrected(note);
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean late = w.current().overdue(today());
        store(w, next, user, Map.of());
        jdbc.sql("UPDATE supervision_warning SET corrected_at = :now, correction_note = :note WHERE id = :id")
                .param("now", now).param("note", note.strip()).param("id", id).update();
        Map<String, Object> payload = payload("late", late);
        payload.put("correctionDue", w.current().correctionDue() == null ? null : w.current().correctionDue().toString());
        payload.put("noteDigest", digest(note.strip()));
        step(w.view(), "corrected", note.strip(), "supervision.warning.corrected", payload, user);
        return get(id, user);
    }

    private record Locked(WarningView view, WarningCase current) {
    }

    /** The warning locked for a step: not visible → not found; visible but not its supervisor → forbidden. */
    private Locked lock(UUID id, CurrentUser user) {
        WarningView v = jdbc.sql("SELECT " + COLUMNS + " FROM supervision_warning WHERE id = :id FOR UPDATE").param("id", id)
                .query(this::map).optional().filter(x -> visible(user, x.regionCode()))
                .orElseThrow(() -> new DomainException(WarningError.WARNING_NOT_FOUND, id));
        if (!scope.supervises(user, v.regionCode())) {
            throw new DomainException(WarningError.WARNING_NOT_SUPERVISOR);
        }
        return new Locked(v, WarningCase.of(v.status(), v.decision(), v.correctionDue()));
    }

    private void store(Locked w, WarningCase next, CurrentUser user, Map<String, String> decision) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean decided = next.decision() != null && w.current().decision() == null;
        jdbc.sql("""
                UPDATE supervision_warning SET status = :status, decision = :decision, correction_due = :due,
                    decision_basis = COALESCE(:basis, decision_basis), decision_reason = COALESCE(:reason, decision_reason),
                    decided_at = CASE WHEN :decided THEN :now ELSE decided_at END,
                    decided_by = CASE WHEN :decided THEN :by ELSE decided_by END,
                    updated_at = :now, updated_by = :by, version = version + 1
                WHERE id = :id""")
                .param("status", next.status().name()).param("decision", next.decision() == null ? null : next.decision().name())
                .param("due", next.correctionDue()).param("basis", decision.get("decision_basis"))
                .param("reason", decision.get("decision_reason")).param("decided", decided).param("now", now)
                .param("by", user.username()).param("id", w.view().id()).update();
    }

    private long step(WarningView w, String kind, String body, String action, Map<String, Object> payload, CurrentUser user) {
        LogEntry entry = log.append(AuditRecord.of(action, w.id().toString(), w.regionCode(), user.actor(), payload));
        jdbc.sql("""
                INSERT INTO supervision_warning_step (id, warning_id, kind, body, log_seq, created_at, created_by)
                VALUES (:id, :warning, :kind, :body, :seq, :now, :by)""")
                .param("id", UUID.randomUUID()).param("warning", w.id()).param("kind", kind).param("body", body)
                .param("seq", entry.seq()).param("now", OffsetDateTime.now(clock)).param("by", user.username()).update();
        return entry.seq();
    }

    /**
     * What the decision's public entry reveals of the sealed raise: the warning's source, lot and legal basis as raised,
     * and the sealed entry's sequence number, details and payload (with the content digest), which anyone can check
     * against the commitment the sealed entry published. Null for a warning raised without a log entry.
     */
    private Map<String, Object> revealRaise(WarningView w) {
        if (w.raisedSeq() == null) {
            return null;
        }
        AuditLog.Withheld sealed = log.withheld(w.raisedSeq());
        @SuppressWarnings("unchecked")
        Map<String, Object> raised = json.readValue(sealed.payload(), Map.class);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sealedSeq", w.raisedSeq());
        out.put("source", w.source());
        out.put("projectId", w.projectId() == null ? null : w.projectId().toString());
        out.put("lotId", w.lotId() == null ? null : w.lotId().toString());
        out.put("legalBasis", w.legalBasis());
        out.put("contentDigest", raised.get("contentDigest"));
        out.put("details", sealed.details());
        out.put("payload", sealed.payload());
        return out;
    }

    private static Map<String, Object> payload(String key, Object value) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put(key, value);
        return payload;
    }

    private static String digest(String text) {
        return text == null ? null : Sm3.hex(text);
    }

    private static String trim(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new DomainException(WarningError.WARNING_PARAMETER_INVALID, "party", v);
        }
        return v;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(BEIJING));
    }

    private WarningView map(ResultSet rs, int row) throws SQLException {
        Array entries = rs.getArray("log_entries");
        List<Long> seqs = new ArrayList<>();
        if (entries != null) {
            for (Object o : (Object[]) entries.getArray()) {
                seqs.add(((Number) o).longValue());
            }
        }
        String decision = rs.getString("decision");
        OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
        OffsetDateTime corrected = rs.getObject("corrected_at", OffsetDateTime.class);
        Instant raised = rs.getObject("created_at", OffsetDateTime.class).toInstant();
        WarningStatus status = WarningStatus.valueOf(rs.getString("status"));
        LocalDate due = rs.getObject("correction_due", LocalDate.class);
        Object raisedSeq = rs.getObject("raised_seq");
        LocalDate today = today();
        return new WarningView(rs.getObject("id", UUID.class), rs.getString("source"), rs.getString("source_key"),
                WarningDraft.Severity.valueOf(rs.getString("severity")), rs.getString("region_code"),
                rs.getObject("project_id", UUID.class), rs.getObject("lot_id", UUID.class), rs.getString("title"),
                rs.getString("detail"), rs.getString("legal_basis"), json.readValue(rs.getString("evidence"), EVIDENCE), seqs,
                status, decision == null ? null : Decision.valueOf(decision), rs.getString("decision_basis"),
                rs.getString("decision_reason"), decided == null ? null : decided.toInstant(), rs.getString("decided_by"), due,
                corrected == null ? null : corrected.toInstant(), rs.getString("correction_note"), raised,
                raisedSeq == null ? null : ((Number) raisedSeq).longValue(),
                WarningCase.of(status, null, due).overdue(today),
                Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(raised.atZone(BEIJING).toLocalDate(), today)), List.of());
    }
}
