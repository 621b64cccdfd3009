package org.sunbid.platform.tendering;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.deals.Procedures;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.tendering.domain.Tender;

/**
 * The invitation list of a tender whose procedure is by invitation only (the lot's rules hold INVITATION_ONLY: 法
 * Art. 34, 74号令 Art. 12, 财库〔2014〕214号 Art. 6): who may register, deposit and respond. Written once per supplier
 * (append-only). Who was invited is the purchaser's knowledge, not the other suppliers': each entry is logged sealed
 * (Law 22's anonymity of who may bid holds for invitations too) and the list is shown only to the tender's owners and
 * to each supplier its own invitations. The procurement context fills the list (its draw and recommendations).
 */
@Service
public class TenderInvitations {

    private final JdbcClient jdbc;
    private final TenderRepository tenders;
    private final Organisations organisations;
    private final Procedures procedures;
    private final Projects projects;
    private final AuditLog auditLog;
    private final Clock clock;
    private final CreditGate credit;

    TenderInvitations(JdbcClient jdbc, TenderRepository tenders, Organisations organisations, Procedures procedures,
            Projects projects, AuditLog auditLog, Clock clock, CreditGate credit) {
        this.credit = credit;
        this.jdbc = jdbc;
        this.tenders = tenders;
        this.organisations = organisations;
        this.procedures = procedures;
        this.projects = projects;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** How a supplier came to be invited, with a reference (the draw's id, the recommender's name). */
    public record Invitee(UUID supplierId, String source, String reference) {
    }

    /**
     * Adds suppliers to the tender's invitation list (an existing invitation stays as it was). Only before the
     * deadline, on a draft or published tender; each invitee must be a supplier organisation on the platform and not
     * barred. The caller (procurement) has checked who may invite.
     */
    @Transactional
    public void invite(UUID tenderId, List<Invitee> invitees, Actor actor) {
        Tender tender = tenders.find(tenderId).orElseThrow(() -> new DomainException(TenderingError.TENDER_NOT_FOUND, tenderId));
        Instant now = clock.instant();
        boolean open = tender.status() == TenderStatus.DRAFT || tender.status() == TenderStatus.PUBLISHED
                || tender.status() == TenderStatus.SUSPENDED;
        if (!open || !now.isBefore(tender.bidDeadline())) {
            throw new DomainException(TenderingError.INVALID_TENDER_STATE, tender.status());
        }
        if (invitees == null || invitees.isEmpty()) {
            throw new DomainException(TenderingError.INVALID_INVITATION);
        }
        Map<UUID, Organisation> found = new HashMap<>();
        organisations.findAll(invitees.stream().map(Invitee::supplierId).toList()).forEach(o -> found.put(o.id(), o));
        for (Invitee i : invitees) {
            Organisation o = found.get(i.supplierId());
            if (o == null || o.kind() != OrganisationKind.BIDDER || o.blacklisted()) {
                throw new DomainException(TenderingError.INVALID_INVITATION);
            }
        }
        // issue 20: a supplier restricted now at Gate.INVITATION is not invited (招标投标法实施条例 Art. 67–68, 政府采购法
        // Art. 22/77); the records are named, the refusal kept as a confidential record (the list is sealed until closing)
        credit.requireEach(org.sunbid.platform.credit.Gate.INVITATION, found.values(), now, tenderId.toString(),
                tender.regionCode(), actor);
        java.util.Set<UUID> already = new java.util.HashSet<>(jdbc.sql(
                "SELECT supplier_id FROM tender_invitation WHERE tender_id = :t").param("t", tenderId).query(UUID.class).list());
        Map<UUID, Invitee> fresh = new LinkedHashMap<>();
        invitees.stream().filter(i -> !already.contains(i.supplierId())).forEach(i -> fresh.putIfAbsent(i.supplierId(), i));
        if (fresh.isEmpty()) {
            return;
        }
        List<Map<String, Object>> logged = new ArrayList<>();
        for (Invitee i : fresh.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("supplierId", i.supplierId().toString());
            m.put("source", i.source());
            m.put("reference", i.reference());
            logged.add(m);
        }
        // sealed: the log shows that invitations were sent, not to whom, until bidding closes ({@link #disclose})
        long seq = auditLog.append(AuditRecord.of("tendering.invitations.sent", tenderId.toString(), tender.regionCode(), actor,
                Map.of("invitations", logged)).sealed()).seq();
        for (Invitee i : fresh.values()) {
            jdbc.sql("""
                    INSERT INTO tender_invitation (tender_id, supplier_id, source, reference, invited_at, invited_by, logged_seq)
                    VALUES (:t, :s, :source, :ref, :at, :by, :seq)""")
                    .param("t", tenderId).param("s", i.supplierId()).param("source", i.source()).param("ref", i.reference())
                    .param("at", now.atOffset(ZoneOffset.UTC)).param("by", actor.username()).param("seq", seq).update();
        }
    }

    /**
     * When bidding closes, who was invited no longer protects anyone: each sealed entry is disclosed in a public one
     * repeating its salted details and payload, which anyone can check against the commitment the sealed entry
     * published. Called by {@link Tenders} in the closing transaction.
     */
    void disclose(Tender tender) {
        List<Long> seqs = jdbc.sql("SELECT DISTINCT logged_seq FROM tender_invitation WHERE tender_id = :t ORDER BY logged_seq")
                .param("t", tender.id()).query(Long.class).list();
        for (long seq : seqs) {
            AuditLog.Withheld w = auditLog.withheld(seq);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("sealedSeq", seq);
            payload.put("details", w.details());
            payload.put("payload", w.payload());
            auditLog.record(AuditRecord.of("tendering.invitations.disclosed", tender.id().toString(), tender.regionCode(),
                    Actor.SYSTEM, payload));
        }
    }

    /** Whether the tender's procedure is by invitation only, by the lot's rules at {@code at}. */
    public boolean invitationOnly(UUID tenderId, Instant at) {
        return projects.procedureOfLot(tenderId).map(code -> procedures.rulesAt(code, at).holds(RuleKeys.INVITATION_ONLY))
                .orElse(false);
    }

    /** Whether {@code supplierId} is on the tender's invitation list. */
    public boolean invited(UUID tenderId, UUID supplierId) {
        return supplierId != null && jdbc.sql("SELECT count(*) FROM tender_invitation WHERE tender_id = :t AND supplier_id = :s")
                .param("t", tenderId).param("s", supplierId).query(Long.class).single() > 0;
    }

    /** How many suppliers the tender's invitation list holds. */
    public int count(UUID tenderId) {
        return jdbc.sql("SELECT count(*) FROM tender_invitation WHERE tender_id = :t").param("t", tenderId)
                .query(Long.class).single().intValue();
    }

    /** The caller's organisation's invitations (我的邀请), newest first. */
    public List<InvitationView> mine(CurrentUser user) {
        if (user == null || user.organisationId() == null) {
            return List.of();
        }
        return rows(null, user.organisationId());
    }

    /**
     * The tender's invitation list, for the platform's own use (procurement shows it to the tender's owners only, and
     * publishes it once bidding has closed).
     */
    public List<InvitationView> ofTender(UUID tenderId) {
        return rows(tenderId, null);
    }

    private List<InvitationView> rows(UUID tenderId, UUID supplierId) {
        record Row(UUID tenderId, UUID supplierId, String source, String reference, Instant invitedAt) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT tender_id, supplier_id, source, reference, invited_at FROM tender_invitation
                WHERE (CAST(:t AS UUID) IS NULL OR tender_id = :t) AND (CAST(:s AS UUID) IS NULL OR supplier_id = :s)
                ORDER BY invited_at DESC, supplier_id""")
                .param("t", tenderId).param("s", supplierId)
                .query((rs, i) -> new Row(rs.getObject("tender_id", UUID.class), rs.getObject("supplier_id", UUID.class),
                        rs.getString("source"), rs.getString("reference"),
                        rs.getObject("invited_at", OffsetDateTime.class).toInstant()))
                .list();
        Map<UUID, String> names = new HashMap<>();
        organisations.findAll(rows.stream().map(Row::supplierId).distinct().toList()).forEach(o -> names.put(o.id(), o.name()));
        Map<UUID, Tender> byId = new HashMap<>();
        List<InvitationView> views = new ArrayList<>();
        for (Row r : rows) {
            Tender t = byId.computeIfAbsent(r.tenderId(), id -> tenders.find(id).orElse(null));
            if (t == null) {
                continue;
            }
            views.add(new InvitationView(r.tenderId(), t.terms().projectCode(), t.terms().name(), r.supplierId(),
                    names.get(r.supplierId()), r.source(), r.reference(), r.invitedAt(), t.bidDeadline(), t.status()));
        }
        return views;
    }
}
