package org.sunbid.platform.complaints;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.complaints.domain.Challenge;
import org.sunbid.platform.complaints.domain.Complaint;
import org.sunbid.platform.complaints.domain.ComplaintStatus;
import org.sunbid.platform.complaints.domain.Outcome;
import org.sunbid.platform.complaints.domain.PauseReason;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Role;

/**
 * Complaints (投诉) to the department above the lot's region: lodged by a supplier (government procurement: after its
 * own challenge, 法 Art. 55; construction: within 10 日 of knowing, 招标投标法实施条例 Art. 60), taken in, copied to the
 * parties, replied to, possibly suspending the procurement (法 Art. 57; 条例 Art. 62), decided with reasons and
 * published (94号令 Art. 33). Every step is in the transparency log; every open step has its due instant.
 */
@Service
public class ComplaintHandling {

    private final Lots lots;
    private final CaseStore store;
    private final CaseLog log;
    private final Challenges challenges;
    private final JdbcClient jdbc;
    private final Clock clock;

    private final org.sunbid.platform.credit.CreditRecords credits;
    private final org.sunbid.platform.parties.Organisations organisations;

    ComplaintHandling(Lots lots, CaseStore store, CaseLog log, Challenges challenges, JdbcClient jdbc, Clock clock,
            org.sunbid.platform.credit.CreditRecords credits, org.sunbid.platform.parties.Organisations organisations) {
        this.credits = credits;
        this.organisations = organisations;
        this.lots = lots;
        this.store = store;
        this.log = log;
        this.challenges = challenges;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * What the complainant puts forward: the challenge it follows (government procurement) or when it knew of the
     * matter (construction), its claims, facts and evidence.
     */
    public record Lodging(UUID challengeId, Instant knownAt, String claims, String facts, String evidence) {
    }

    /** A supplier lodges a complaint about the lot. */
    @Transactional
    public ComplaintView lodge(UUID lotId, Lodging l, CurrentUser user) {
        if (user == null || user.role() != Role.BIDDER || user.organisationId() == null) {
            throw new DomainException(ComplaintsError.GPL_52_NO_STANDING);
        }
        Lots.Lot lot = lots.get(lotId);
        Instant now = clock.instant();
        ProcedureRules rules = lots.rules(lot, now);
        Instant start;
        UUID challengeId = null;
        if (rules.find(RuleKeys.CHALLENGE_PERIOD).isPresent()) {
            // 法 Art. 55: where the procedure has challenges, a complaint follows the complainant's own challenge
            Challenge challenge = challenges.find(Optional.ofNullable(l.challengeId())).map(CaseStore.Stored::state)
                    .filter(c -> c.lotId().equals(lotId) && c.supplierId().equals(user.organisationId()))
                    .orElseThrow(() -> new DomainException(ComplaintsError.GPL_55_CHALLENGE_FIRST));
            start = challenge.complaintPeriodStart(now);
            if (start == null) {
                throw new DomainException(ComplaintsError.GPL_55_ANSWER_PERIOD_RUNNING, challenge.answerDue().toString());
            }
            challengeId = challenge.id();
        } else {
            if (lots.registration(lot, user).isEmpty()) {
                throw new DomainException(ComplaintsError.GPL_52_NO_STANDING);
            }
            if (l.knownAt() == null || l.knownAt().isAfter(now)) {
                throw new DomainException(ComplaintsError.REG_60_KNOWN_AT_REQUIRED);
            }
            start = l.knownAt();
        }
        UUID department = lots.department(lot).map(Organisation::id).orElse(null);
        Complaint complaint = Complaint.lodge(UUID.randomUUID(), lotId, challengeId, user.organisationId(), department,
                lot.ownerId(), l.claims(), l.facts(), l.evidence(), start, now, rules);
        save(lot, complaint, 1, user.username(), now);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("periodStart", start.toString());
        payload.put("intakeDue", complaint.intakeDue().toString());
        payload.put("departmentId", String.valueOf(department));
        log.bySupplier("complaints.complaint.lodged", lot, complaint.id(), user, payload);
        return view(lot, complaint, now, user);
    }

    /** The complainant completes what the department asked for (补正). */
    @Transactional
    public ComplaintView complete(UUID id, Lodging l, CurrentUser user) {
        CaseStore.Stored<Complaint> stored = find(id);
        Lots.Lot lot = lots.get(stored.state().lotId());
        if (user == null || !stored.state().complainantId().equals(user.organisationId())) {
            throw notYours(lot, stored.state(), user);
        }
        Instant now = clock.instant();
        Complaint completed = stored.state().complete(l.claims(), l.facts(), l.evidence(), now, rules(lot, stored.state()));
        save(lot, completed, stored.version() + 1, user.username(), now);
        log.bySupplier("complaints.complaint.completed", lot, id, user, Map.of("intakeDue", completed.intakeDue().toString()));
        return view(lot, completed, now, user);
    }

    /** The department's intake decision. */
    @Transactional
    public ComplaintView intake(UUID id, Complaint.Intake decision, String reason, CurrentUser user) {
        return byDepartment(id, user, (c, rules, now) -> c.intake(decision == null ? Complaint.Intake.ACCEPT : decision, reason, now, rules),
                "complaints.complaint.intake", c -> {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("decision", String.valueOf(decision));
                    p.put("reason", c.intakeReason());
                    p.put("decisionDue", c.decisionDue() == null ? null : c.decisionDue().toString());
                    p.put("copiesDue", c.copiesDue() == null ? null : c.copiesDue().toString());
                    return p;
                });
    }

    /** Copies go to the respondent and the other parties concerned ({@code parties}: organisation ids). */
    @Transactional
    public ComplaintView sendCopies(UUID id, List<UUID> parties, CurrentUser user) {
        return byDepartment(id, user, (c, rules, now) -> c.sendCopies(parties == null ? List.of() : parties, now),
                "complaints.complaint.copied", c -> Map.of("to", c.copiedTo().stream().map(UUID::toString).toList(),
                        "repliesDue", String.valueOf(c.repliesDue(rules(lots.get(c.lotId()), c)))));
    }

    /** The department suspends the procurement until {@code until}. */
    @Transactional
    public ComplaintView suspend(UUID id, Instant until, String reason, CurrentUser user) {
        return byDepartment(id, user, (c, rules, now) -> c.suspend(until, reason, now, rules), "complaints.procurement.suspended",
                c -> Map.of("until", String.valueOf(until), "reason", String.valueOf(reason), "rule", "《政府采购法》第五十七条／《招标投标法实施条例》第六十二条"));
    }

    /** The department lifts the suspension in force. */
    @Transactional
    public ComplaintView lift(UUID id, CurrentUser user) {
        return byDepartment(id, user, (c, rules, now) -> c.lift(now), "complaints.procurement.resumed", c -> Map.of());
    }

    /** The department stops the decision's clock for a test, inspection, appraisal or expert review (实施条例 Art. 58). */
    @Transactional
    public ComplaintView pause(UUID id, PauseReason reason, String note, CurrentUser user) {
        return byDepartment(id, user, (c, rules, now) -> c.pause(reason, note, now), "complaints.decision.paused",
                c -> Map.of("reason", String.valueOf(reason), "note", String.valueOf(note), "rule", "《政府采购法实施条例》第五十八条"));
    }

    /** The department restarts the decision's clock; the due date moves by the paused working days. */
    @Transactional
    public ComplaintView resume(UUID id, CurrentUser user) {
        return byDepartment(id, user, (c, rules, now) -> c.resume(now, rules), "complaints.decision.resumed",
                c -> Map.of("decisionDue", String.valueOf(c.decisionDue())));
    }

    /** The department decides, with its reasons; the decision is published (94号令 Art. 33). */
    @Transactional
    public ComplaintView decide(UUID id, Outcome outcome, String reasons, CurrentUser user) {
        ComplaintView decided = byDepartment(id, user, (c, rules, now) -> c.decide(outcome, reasons, now, rules),
                "complaints.complaint.decided", c -> {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("outcome", String.valueOf(c.outcome()));
                    p.put("reasons", c.reasons());
                    p.put("complainant", lots.nameOf(c.complainantId()));
                    p.put("claims", c.claims());
                    p.put("decisionDue", String.valueOf(c.decisionDue()));
                    return p;
                });
        if (outcome == Outcome.UNFOUNDED) {
            recordRepeatUnfounded(find(id).state(), user);
        }
        return decided;
    }

    /** A copied party (the respondent through its purchaser's or agency's staff) replies in writing. */
    @Transactional
    public ComplaintView reply(UUID id, String text, CurrentUser user) {
        CaseStore.Stored<Complaint> stored = find(id);
        Complaint c = stored.state();
        Lots.Lot lot = lots.get(c.lotId());
        UUID party = lots.answersFor(lot, user) ? c.respondentId() : user == null ? null : user.organisationId();
        if (party == null || !c.copiedTo().contains(party)) {
            throw notYours(lot, c, user);
        }
        Instant now = clock.instant();
        Complaint replied = c.reply(party, text, now, rules(lot, c));
        save(lot, replied, stored.version() + 1, user.username(), now);
        Complaint.Reply r = replied.replies().get(replied.replies().size() - 1);
        log.step("complaints.complaint.replied", lot, id, user.actor(), Map.of("partyId", party.toString(), "late", r.late()));
        return view(lot, replied, now, user);
    }

    /** One complaint, for its complainant, the department, the respondent, the parties copied and the region's supervisors. */
    public ComplaintView get(UUID id, CurrentUser user) {
        Complaint c = find(id).state();
        Lots.Lot lot = lots.get(c.lotId());
        if (!visibleTo(lot, c, user)) {
            throw new DomainException(ComplaintsError.COMPLAINTS_NOT_FOUND);
        }
        return view(lot, c, clock.instant(), user);
    }

    /** The caller's organisation's complaints (a supplier's "我的投诉"). */
    public List<ComplaintView> mine(CurrentUser user) {
        if (user == null || user.organisationId() == null) {
            return List.of();
        }
        Instant now = clock.instant();
        return store.latestWhere(CaseStore.Kind.COMPLAINT, CaseStore.Filter.party(user.organisationId()), Complaint.class).stream()
                .map(s -> view(lots.get(s.state().lotId()), s.state(), now, user)).toList();
    }

    /** The complaints the caller's department handles (its handling page), open ones first. */
    public List<ComplaintView> toHandle(CurrentUser user) {
        if (user == null || user.role() != Role.SUPERVISOR || user.organisationId() == null) {
            return List.of();
        }
        Instant now = clock.instant();
        return store.latestWhere(CaseStore.Kind.COMPLAINT, CaseStore.Filter.handler(user.organisationId()), Complaint.class).stream()
                .map(s -> view(lots.get(s.state().lotId()), s.state(), now, user))
                .sorted(java.util.Comparator.comparing((ComplaintView v) -> v.status().isFinal())).toList();
    }

    /** Complaints copied to the caller's organisation (or its purchaser's) and awaiting its reply. */
    public List<ComplaintView> toReply(CurrentUser user) {
        if (user == null || user.organisationId() == null) {
            return List.of();
        }
        Instant now = clock.instant();
        List<ComplaintView> out = new ArrayList<>();
        for (var s : store.latestWhere(CaseStore.Kind.COMPLAINT, CaseStore.Filter.status("ACCEPTED", 500), Complaint.class)) {
            Complaint c = s.state();
            Lots.Lot lot = lots.get(c.lotId());
            UUID party = lots.answersFor(lot, user) ? c.respondentId() : user.organisationId();
            if (c.copiedTo().contains(party) && c.replies().stream().noneMatch(r -> r.partyId().equals(party))) {
                out.add(view(lot, c, now, user));
            }
        }
        return out;
    }

    /** The published decisions, newest first (public). */
    public List<DecisionView> decisions(int limit) {
        return store.latestWhere(CaseStore.Kind.COMPLAINT, CaseStore.Filter.status("DECIDED", Math.max(1, Math.min(limit, 500))),
                Complaint.class).stream().map(s -> decision(s.state())).toList();
    }

    /** The lot's published decisions (public). */
    public List<DecisionView> decisionsOfLot(UUID lotId) {
        return store.latestWhere(CaseStore.Kind.COMPLAINT, CaseStore.Filter.lot(lotId), Complaint.class).stream()
                .map(CaseStore.Stored::state).filter(c -> c.status() == ComplaintStatus.DECIDED).map(this::decision).toList();
    }

    /**
     * A record of repeat unfounded complaints (财政部令第94号 Art. 37), for the credit records to come.
     *
     * @param complaintIds the unfounded complaints within the 12 months that made it
     */
    public record RepeatRecord(UUID id, UUID supplierId, String supplier, List<UUID> complaintIds, int unfounded, String rule,
            Instant recordedAt) {
    }

    /** The repeat-unfounded records, for supervisors and staff (of a supplier, or all when null). */
    public List<RepeatRecord> repeatRecords(UUID supplierId, CurrentUser user) {
        if (user == null || !(user.seesAllRegions() || user.seesRegionSubtree())) {
            throw new DomainException(ComplaintsError.COMPLAINTS_NOT_RESPONSIBLE);
        }
        return jdbc.sql("""
                SELECT id, supplier_id, complaint_ids, unfounded, rule, recorded_at FROM complaint_unfounded_record
                WHERE CAST(:s AS UUID) IS NULL OR supplier_id = :s ORDER BY recorded_at DESC, id""")
                .param("s", supplierId)
                .query((rs, i) -> new RepeatRecord(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        lots.nameOf(rs.getObject(2, UUID.class)), List.of((UUID[]) rs.getArray(3).getArray()), rs.getInt(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()))
                .list();
    }

    private void recordRepeatUnfounded(Complaint decided, CurrentUser user) {
        Lots.Lot lot = lots.get(decided.lotId());
        Instant now = decided.decidedAt();
        Limit max = lots.rules(lot, now).find(RuleKeys.UNFOUNDED_COMPLAINTS_MAX).orElse(null);
        if (max == null) {
            return;
        }
        List<Complaint> unfounded = store.latestWhere(CaseStore.Kind.COMPLAINT, CaseStore.Filter.party(decided.complainantId()),
                Complaint.class).stream().map(CaseStore.Stored::state)
                .filter(c -> c.outcome() == Outcome.UNFOUNDED && c.decidedAt() != null
                        && c.decidedAt().isAfter(now.atZone(Limit.BEIJING).minusMonths(12).toInstant()))
                .toList();
        if (!Complaint.repeatUnfounded(unfounded.stream().map(Complaint::decidedAt).toList(), now, max)) {
            return;
        }
        UUID recordId = UUID.randomUUID();
        UUID[] ids = unfounded.stream().map(Complaint::id).toArray(UUID[]::new);
        jdbc.sql("""
                INSERT INTO complaint_unfounded_record (id, supplier_id, complaint_ids, unfounded, rule, recorded_at)
                VALUES (:id, :s, :ids, :n, :rule, :at)""")
                .param("id", recordId).param("s", decided.complainantId()).param("ids", ids).param("n", ids.length)
                .param("rule", max.article()).param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("supplierId", decided.complainantId().toString());
        payload.put("bidder", String.valueOf(lots.nameOf(decided.complainantId())));
        payload.put("unfounded", ids.length);
        payload.put("rule", max.article());
        payload.put("reason", "12个月内" + ids.length + "次投诉查无实据，列入不良行为记录（" + max.article() + "）");
        payload.put("to", "SUPERVISOR");
        log.step("complaints.unfounded.repeated", lot, recordId, Actor.SYSTEM, payload);
        creditRecord(decided, lot, ids.length, max.article(), user);
    }

    /**
     * The complainant's credit record (issue 20) for repeat unfounded complaints, 财政部令第94号 Art. 37 (列入不良行为记录名单):
     * no restriction (Art. 37 sets none; a false or malicious complaint is banned by a sanction under 政府采购法实施条例
     * Art. 73), class 一般, published for the minimum of 3 months (信用修复管理办法 Art. 12); once per deciding complaint.
     */
    private void creditRecord(Complaint decided, Lots.Lot lot, int unfounded, String article, CurrentUser user) {
        org.sunbid.platform.parties.Organisation complainant = organisations.find(decided.complainantId()).orElse(null);
        if (complainant == null) {
            return;
        }
        Instant at = decided.decidedAt();
        String issuer = user == null || user.organisationId() == null ? null
                : organisations.find(user.organisationId()).map(org.sunbid.platform.parties.Organisation::name).orElse(null);
        credits.record(new org.sunbid.platform.credit.CreditRecords.NewRecord(
                org.sunbid.platform.credit.CreditSubject.organisation(complainant.creditCode().value()), complainant.name(),
                org.sunbid.platform.credit.CreditClass.GENERAL, "12个月内" + unfounded + "次投诉查无实据", article,
                issuer != null ? issuer : String.valueOf(user == null ? "system" : user.username()), null, "platform",
                "complaints.repeat-unfounded:" + decided.id(), lot.regionCode(), java.util.Set.of(), null, null, at,
                at.atZone(Limit.BEIJING).plusMonths(3).toInstant()), user == null ? Actor.SYSTEM : user.actor());
    }

    @FunctionalInterface
    private interface Step {
        Complaint apply(Complaint c, ProcedureRules rules, Instant now);
    }

    private ComplaintView byDepartment(UUID id, CurrentUser user, Step step, String action,
            java.util.function.Function<Complaint, Map<String, Object>> payload) {
        CaseStore.Stored<Complaint> stored = find(id);
        Lots.Lot lot = lots.get(stored.state().lotId());
        if (!Lots.ofDepartment(stored.state().departmentId(), user)) {
            throw notYours(lot, stored.state(), user);
        }
        Instant now = clock.instant();
        Complaint next = step.apply(stored.state(), rules(lot, stored.state()), now);
        save(lot, next, stored.version() + 1, user.username(), now);
        // the lot itself stops (and restarts) taking bids, responses and final offers: tendering's own rule
        boolean before = stored.state().suspendedAt(now);
        boolean after = next.suspendedAt(now);
        if (!before && after) {
            lots.suspend(lot, id, next.suspensionAt(now).orElseThrow().end(), user.actor());
        } else if (before && !after) {
            lots.resume(lot, id, user.actor());
        }
        Map<String, Object> p = new LinkedHashMap<>(payload.apply(next));
        p.put("status", next.status().name());
        log.step(action, lot, id, user.actor(), p);
        return view(lot, next, now, user);
    }

    private DomainException notYours(Lots.Lot lot, Complaint c, CurrentUser user) {
        return visibleTo(lot, c, user) ? new DomainException(ComplaintsError.COMPLAINTS_NOT_RESPONSIBLE)
                : new DomainException(ComplaintsError.COMPLAINTS_NOT_FOUND);
    }

    private boolean visibleTo(Lots.Lot lot, Complaint c, CurrentUser user) {
        if (user == null) {
            return false;
        }
        return c.complainantId().equals(user.organisationId()) || Lots.ofDepartment(c.departmentId(), user)
                || lots.oversees(lot, user) || lots.answersFor(lot, user)
                || (user.organisationId() != null && c.copiedTo().contains(user.organisationId()));
    }

    private ProcedureRules rules(Lots.Lot lot, Complaint c) {
        return lots.rules(lot, c.lodgedAt());
    }

    private CaseStore.Stored<Complaint> find(UUID id) {
        return store.latest(CaseStore.Kind.COMPLAINT, id, Complaint.class)
                .orElseThrow(() -> new DomainException(ComplaintsError.COMPLAINTS_NOT_FOUND));
    }

    private void save(Lots.Lot lot, Complaint c, int version, String by, Instant now) {
        Complaint.Suspension s = c.suspensionAt(now).orElse(null);
        store.append(CaseStore.Kind.COMPLAINT, c.id(), version, new CaseStore.Columns(lot.id(), c.complainantId(), c.departmentId(),
                lot.regionCode(), c.status().name(), c.nextDue(rules(lot, c)), false, s == null ? null : s.from(),
                s == null ? null : s.end(), c.outcome() == null ? null : c.outcome().name()), c, now, by);
    }

    private ComplaintView view(Lots.Lot lot, Complaint c, Instant now, CurrentUser user) {
        ProcedureRules rules = rules(lot, c);
        Instant due = c.nextDue(rules);
        String step = switch (c.status()) {
            case LODGED -> "INTAKE";
            case ACCEPTED -> c.openPause().isPresent() ? "PAUSED" : c.copiesSentAt() == null && c.copiesDue() != null ? "COPIES" : "DECISION";
            case INCOMPLETE -> "COMPLETION";
            default -> null;
        };
        return new ComplaintView(c.id(), lot.id(), lot.code(), lot.name(), c.challengeId(), lots.nameOf(c.complainantId()),
                lots.nameOf(c.departmentId()), lots.nameOf(c.respondentId()), c.status(), c.claims(), c.facts(), c.evidence(),
                c.periodStart(), c.lodgedAt(), c.receivedAt(), c.intakeDue(), c.intakeReason(), c.acceptedAt(), c.copiesDue(),
                c.copiesSentAt(), c.copiedTo(), c.replies(), c.repliesDue(rules), c.suspensions(), c.pauses(),
                c.pausedWorkingDays(now, rules), c.decisionDue(), step, due, due != null && !now.isBefore(due),
                c.suspensionAt(now).map(Complaint.Suspension::end).orElse(null), c.outcome(), c.reasons(), c.decidedAt());
    }

    private DecisionView decision(Complaint c) {
        Lots.Lot lot = lots.get(c.lotId());
        long seconds = c.suspensions().stream().mapToLong(s -> Duration.between(s.from(), s.end()).toSeconds()).sum();
        return new DecisionView(c.id(), lot.id(), lot.code(), lot.name(), lots.nameOf(c.complainantId()), lots.nameOf(c.departmentId()),
                lots.nameOf(c.respondentId()), c.claims(), c.outcome(), c.reasons(), c.lodgedAt(), c.decidedAt(),
                (seconds + 86399) / 86400);
    }
}
