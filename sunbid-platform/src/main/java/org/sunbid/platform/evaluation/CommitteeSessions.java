package org.sunbid.platform.evaluation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.evaluation.EvaluationStore.Loaded;
import org.sunbid.platform.evaluation.domain.CommitteeLeader;
import org.sunbid.platform.evaluation.domain.EvaluationPlan;
import org.sunbid.platform.experts.ExpertDraws;
import org.sunbid.platform.experts.SeatedCommittee;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

/**
 * The committee's session opens: the start (bids opened, plan set, every accepted expert signed in; K drawn from the
 * opening record's SM3) and the leader (组长), elected by a majority of the members or appointed by the tenderee.
 */
@Component
class CommitteeSessions {

    private final JdbcClient jdbc;
    private final Tenders tenders;
    private final ExpertDraws draws;
    private final Openings openings;
    private final EvaluationPlans plans;
    private final EvaluationStore store;
    private final EvaluationQueries queries;
    private final AuditLog log;
    private final Clock clock;
    private final ProcurementRules procurement;
    private final org.sunbid.platform.parties.Accounts accounts;

    CommitteeSessions(JdbcClient jdbc, Tenders tenders, ExpertDraws draws, Openings openings, EvaluationPlans plans,
            EvaluationStore store, EvaluationQueries queries, AuditLog log, Clock clock, ProcurementRules procurement,
            org.sunbid.platform.parties.Accounts accounts) {
        this.procurement = procurement;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.tenders = tenders;
        this.draws = draws;
        this.openings = openings;
        this.plans = plans;
        this.store = store;
        this.queries = queries;
        this.log = log;
        this.clock = clock;
    }

    @Transactional
    public EvaluationView start(UUID tenderId, CurrentUser user) {
        TenderView tender = tenders.findPublished(tenderId).orElseThrow(() -> new DomainException(EvaluationError.EVALUATION_NOT_FOUND));
        SeatedCommittee committee = draws.seated(tenderId).orElse(null);
        boolean member = committee != null && committee.signedIn().stream().anyMatch(m -> m.username().equals(user.username()));
        boolean staff = (user.role() == Role.CENTRE_STAFF || user.role() == Role.ADMINISTRATOR) && tenders.mayInspect(tenderId, user);
        if (!member && !staff) {
            throw new DomainException(EvaluationError.NOT_A_MEMBER);
        }
        boolean opened = openings.lock(tenderId); // the evaluation's own row for the tender: one start at a time
        if (queries.exists(tenderId)) {
            return queries.view(tenderId, user);
        }
        Openings.Opening opening = opened ? openings.find(tenderId).orElseThrow() : null;
        if (opening == null || opening.bids().isEmpty()) {
            throw new DomainException(EvaluationError.EVALUATION_NOT_READY, "bids not opened");
        }
        String planJson = plans.stored(tenderId)
                .orElseThrow(() -> new DomainException(EvaluationError.EVALUATION_NOT_READY, "no evaluation plan"));
        if (committee == null || !committee.complete()) {
            throw new DomainException(EvaluationError.EVALUATION_NOT_READY, committee == null ? "no committee"
                    : "signed in " + committee.signedIn().size() + "/" + committee.accepted());
        }
        EvaluationPlan plan = EvaluationPlan.parse(store.readMap(planJson), EvaluationStore.lowestEvaluatedPrice(tender));
        String kSeed = opening.recordSm3();
        BigDecimal k = plan.kRange() == null ? null : plan.kRange().draw(HexFormat.of().parseHex(kSeed));
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO evaluation (tender_id, draw_id, stage, plan, k, started_at, started_by)
                VALUES (:t, :d, 'QUALIFICATION', :p, :k, :at, :by)""")
                .param("t", tenderId).param("d", committee.drawId()).param("p", planJson).param("k", k)
                .param("at", EvaluationStore.utc(now)).param("by", user.username()).update();
        int position = 0;
        for (SeatedCommittee.Member m : committee.signedIn()) {
            jdbc.sql("""
                    INSERT INTO evaluation_member (tender_id, username, account_id, expert_id, name, specialty, position)
                    VALUES (:t, :u, :a, :e, :n, :s, :p)""")
                    .param("t", tenderId).param("u", m.username()).param("a", m.accountId()).param("e", m.expertId())
                    .param("n", m.name()).param("s", m.specialty()).param("p", ++position).update();
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("tenderId", tenderId.toString());
        payload.put("drawId", committee.drawId().toString());
        payload.put("members", (long) committee.signedIn().size());
        payload.put("planSm3", Sm3.hex(planJson));
        payload.put("openingRecordSm3", kSeed);
        if (k != null) {
            payload.put("k", k.toPlainString());
            payload.put("kRange", Map.of("min", plan.kRange().min().toPlainString(), "max", plan.kRange().max().toPlainString(),
                    "step", plan.kRange().step().toPlainString()));
            payload.put("kRule", "K = min + j × step, j = SM3-DRBG(SM3(opening record)) uniform over every step of the range");
        }
        log.record(AuditRecord.of("evaluation.started", tenderId.toString(), tender.regionCode(), user.actor(), payload));
        return queries.view(tenderId, user);
    }

    @Transactional
    public EvaluationView chooseLeader(UUID tenderId, String candidate, CurrentUser user) {
        Loaded ev = store.lock(tenderId);
        if (ev.leader() != null) {
            throw new DomainException(EvaluationError.EVALUATION_STAGE, "leader " + ev.leader());
        }
        if (procurement.at(tenderId, clock.instant()).isPresent()) {
            // 87号令 Art. 45(4): the purchaser's representative — any account of the purchaser (or its agency) — may not
            // lead the panel, whoever puts them forward; the check names the rule rather than "not a member".
            java.util.Set<String> representatives = purchaserRepresentatives(tenderId, candidate);
            java.util.Set<String> candidates = new java.util.HashSet<>(ev.members());
            candidates.addAll(representatives);
            CommitteeLeader.check(candidate, candidates, representatives, true);
        }
        if (!ev.members().contains(candidate)) {
            throw new DomainException(EvaluationError.NOT_A_MEMBER);
        }
        if (ev.members().contains(user.username())) {
            jdbc.sql("""
                    INSERT INTO evaluation_leader_vote (tender_id, voter, candidate, voted_at) VALUES (:t, :v, :c, :at)
                    ON CONFLICT (tender_id, voter) DO UPDATE SET candidate = :c, voted_at = :at""")
                    .param("t", tenderId).param("v", user.username()).param("c", candidate)
                    .param("at", EvaluationStore.utc(clock.instant())).update();
            long votes = jdbc.sql("SELECT COUNT(*) FROM evaluation_leader_vote WHERE tender_id = :t AND candidate = :c")
                    .param("t", tenderId).param("c", candidate).query(Long.class).single();
            if (votes * 2 > ev.members().size()) {
                setLeader(ev, candidate, "ELECTED", user);
            }
        } else if (tenders.owns(tenderId, user)) {
            setLeader(ev, candidate, "APPOINTED", user);
        } else {
            throw new DomainException(EvaluationError.NOT_A_MEMBER);
        }
        return queries.view(tenderId, user);
    }

    /** {@code candidate} if it is an account of the purchaser's side (the tender's owner or agency), else none. */
    private java.util.Set<String> purchaserRepresentatives(UUID tenderId, String candidate) {
        return accounts.findByUsername(candidate == null ? "" : candidate).filter(a -> tenders.owns(tenderId, a))
                .map(a -> java.util.Set.of(a.username())).orElse(java.util.Set.of());
    }

    private void setLeader(Loaded ev, String leader, String how, CurrentUser user) {
        jdbc.sql("UPDATE evaluation SET leader = :l, leader_by = :h, version = version + 1 WHERE tender_id = :t")
                .param("l", leader).param("h", how).param("t", ev.tenderId()).update();
        log.record(AuditRecord.of("evaluation.leader", ev.tenderId().toString(), ev.region(), user.actor(),
                Map.of("tenderId", ev.tenderId().toString(), "leader", store.nameOf(ev.tenderId(), leader), "how", how)));
    }
}
