package org.sunbid.platform.complaints;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.complaints.domain.Challenge;
import org.sunbid.platform.complaints.domain.ChallengeSubject;
import org.sunbid.platform.complaints.domain.LotFacts;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.Certificates;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.tendering.RegistrationView;

/**
 * Challenges (质疑, 政府采购法 Art. 52–54; 实施条例 Art. 53–54; 财政部令第94号 Ch. II). A supplier taking part in the lot
 * signs its challenge (the canonical {@link ChallengeStatement}) with a registered certificate; the purchaser or agency
 * answers. Until the answer, the challenge is seen only by its supplier, the lot's purchaser and agency, and the region's
 * supervisors: a rival learning who challenged what before the answer could pressure or imitate. Once answered it is
 * public without the supplier's name or evidence — the answer must in any case be sent in writing to every supplier
 * concerned (94号令 Art. 13), so keeping it secret after protects no one.
 */
@Service
public class Challenges {

    private final Lots lots;
    private final CaseStore store;
    private final CaseLog log;
    private final Certificates certificates;
    private final JdbcClient jdbc;
    private final Clock clock;

    Challenges(Lots lots, CaseStore store, CaseLog log, Certificates certificates, JdbcClient jdbc, Clock clock) {
        this.lots = lots;
        this.store = store;
        this.log = log;
        this.certificates = certificates;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What the supplier puts forward, before it signs. */
    public record Draft(ChallengeSubject subject, LotFacts.Step step, String claims, String facts, String evidence) {
    }

    /** The canonical statement the caller signs to raise this challenge (a page that cannot sign shows it for the bidder tool). */
    public String statement(UUID lotId, Draft draft, CurrentUser user) {
        requireSupplier(user);
        lots.get(lotId);
        if (draft == null || draft.subject() == null) {
            throw new DomainException(ComplaintsError.GPL_94_12_CHALLENGE_INCOMPLETE, "subject");
        }
        return new ChallengeStatement(lotId, draft.subject(), draft.step(), draft.claims(), draft.facts(), draft.evidence(),
                clock.instant(), lots.creditCodeOf(user.organisationId())).statement();
    }

    /**
     * Raises the challenge signed in {@code statement}: the canonical statement naming this lot and the caller's credit
     * code, signed SM3withSM2 by a certificate of the caller's organisation in force ({@code certificatePem}, or the one
     * whose key made the signature). Standing, grounds and the period are then checked by {@link Challenge#raise}.
     */
    @Transactional
    public ChallengeView raise(UUID lotId, String statement, String signature, String certificatePem, CurrentUser user) {
        requireSupplier(user);
        Lots.Lot lot = lots.get(lotId);
        if (statement == null || statement.isBlank() || signature == null || signature.isBlank()) {
            throw new DomainException(ComplaintsError.COMPLAINTS_SIGNATURE_INVALID);
        }
        ChallengeStatement signed;
        try {
            signed = ChallengeStatement.parse(statement.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException(ComplaintsError.COMPLAINTS_SIGNATURE_INVALID);
        }
        if (!signed.lotId().equals(lotId) || !signed.supplierCreditCode().equals(lots.creditCodeOf(user.organisationId()))) {
            throw new DomainException(ComplaintsError.COMPLAINTS_SIGNATURE_INVALID);
        }
        X509Certificate certificate;
        try {
            certificate = certificatePem == null || certificatePem.isBlank()
                    ? certificates.allInForce(user.organisationId()).stream().map(Certificates.InForce::certificate)
                            .filter(c -> signed.verify(c.getPublicKey(), signature)).findFirst().orElse(null)
                    : Pem.certificate(certificatePem);
        } catch (java.security.cert.CertificateException | RuntimeException e) {
            certificate = null;
        }
        UUID certificateId = certificate == null ? null : certificates.activeOf(user.organisationId(), certificate).orElse(null);
        if (certificateId == null || !signed.verify(certificate.getPublicKey(), signature)) {
            throw new DomainException(ComplaintsError.COMPLAINTS_SIGNATURE_INVALID);
        }
        Instant now = clock.instant();
        Optional<RegistrationView> registration = lots.registration(lot, user);
        String statementSm3 = Sm3.hex(signed.statement());
        // 法 Art. 52 / 实施条例 Art. 53: registered, or invited to an invitation-only lot (its invitation gives it the
        // documents; until it registers, its period for the documents runs from the end of their notice period)
        boolean standing = registration.isPresent() || lots.invited(lot, user);
        Challenge challenge = Challenge.raise(UUID.randomUUID(), lotId, user.organisationId(), standing,
                new Challenge.Grounds(signed.subject(), signed.step(), signed.claims(), signed.facts(), signed.evidence()),
                lots.facts(lot, registration), statementSm3, now, lots.rules(lot, now));
        jdbc.sql("""
                INSERT INTO complaint_challenge_signature (challenge_id, statement, signature, certificate_id, signer_pem,
                    received_at, received_by) VALUES (:id, :statement, :signature, :cert, :pem, :at, :by)""")
                .param("id", challenge.id()).param("statement", signed.statement()).param("signature", signature.strip())
                .param("cert", certificateId).param("pem", Pem.encode(certificate))
                .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("by", user.username()).update();
        save(lot, challenge, 1, user.username());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("subject", challenge.subject().name());
        payload.put("statementSm3", statementSm3);
        payload.put("periodStart", challenge.periodStart().toString());
        payload.put("answerDue", challenge.answerDue().toString());
        payload.put("holdsContract", challenge.holdsContract());
        log.bySupplier("complaints.challenge.raised", lot, challenge.id(), user, payload);
        return view(lot, challenge, now, true);
    }

    /** The purchaser or agency judges that the challenge may change the result: the contract waits for the answer. */
    @Transactional
    public ChallengeView markResultChanging(UUID challengeId, CurrentUser user) {
        CaseStore.Stored<Challenge> stored = find(challengeId);
        Lots.Lot lot = responsible(stored.state(), user);
        Challenge marked = stored.state().markResultChanging();
        save(lot, marked, stored.version() + 1, user.username());
        log.step("complaints.challenge.result-changing", lot, challengeId, user.actor(), Map.of("holdsContract", true,
                "rule", "《政府采购法实施条例》第五十四条"));
        return view(lot, marked, clock.instant(), true);
    }

    /** The purchaser or agency answers in writing; the answer frees the contract and is public. */
    @Transactional
    public ChallengeView answer(UUID challengeId, String answer, CurrentUser user) {
        CaseStore.Stored<Challenge> stored = find(challengeId);
        Lots.Lot lot = responsible(stored.state(), user);
        Instant now = clock.instant();
        Challenge answered = stored.state().answer(answer, now);
        save(lot, answered, stored.version() + 1, user.username());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("subject", answered.subject().name());
        payload.put("claims", answered.claims());
        payload.put("facts", answered.facts());
        payload.put("answer", answered.answer());
        payload.put("answerDue", answered.answerDue().toString());
        payload.put("late", !now.isBefore(answered.answerDue()));
        log.step("complaints.challenge.answered", lot, challengeId, user.actor(), payload);
        return view(lot, answered, now, true);
    }

    /** One challenge: all of it for its parties; the public part once answered; otherwise not found. */
    public ChallengeView get(UUID challengeId, CurrentUser user) {
        Challenge c = find(challengeId).state();
        Lots.Lot lot = lots.get(c.lotId());
        if (party(lot, c, user)) {
            return view(lot, c, clock.instant(), true);
        }
        if (c.answeredAt() != null) {
            return view(lot, c, clock.instant(), false);
        }
        throw new DomainException(ComplaintsError.COMPLAINTS_NOT_FOUND);
    }

    /** The lot's challenges the caller may see: its parties' in full, the answered ones' public part. */
    public List<ChallengeView> ofLot(UUID lotId, CurrentUser user) {
        Lots.Lot lot = lots.get(lotId);
        Instant now = clock.instant();
        return store.latestWhere(CaseStore.Kind.CHALLENGE, CaseStore.Filter.lot(lotId), Challenge.class).stream()
                .map(CaseStore.Stored::state).filter(c -> party(lot, c, user) || c.answeredAt() != null)
                .map(c -> view(lot, c, now, party(lot, c, user))).toList();
    }

    /** The caller's organisation's challenges (a supplier's "我的质疑"). */
    public List<ChallengeView> mine(CurrentUser user) {
        if (user == null || user.organisationId() == null) {
            return List.of();
        }
        Instant now = clock.instant();
        return store.latestWhere(CaseStore.Kind.CHALLENGE, CaseStore.Filter.party(user.organisationId()), Challenge.class).stream()
                .map(s -> view(lots.get(s.state().lotId()), s.state(), now, true)).toList();
    }

    /** Challenges awaiting the caller's organisation's answer. */
    public List<ChallengeView> toAnswer(CurrentUser user) {
        Instant now = clock.instant();
        return store.latestWhere(CaseStore.Kind.CHALLENGE, CaseStore.Filter.status("RAISED", 500), Challenge.class).stream()
                .map(CaseStore.Stored::state).map(c -> Map.entry(lots.get(c.lotId()), c))
                .filter(e -> lots.answersFor(e.getKey(), user)).map(e -> view(e.getKey(), e.getValue(), now, true)).toList();
    }

    /** The challenge as the complaint service needs it (no access check: the caller checks). */
    Optional<CaseStore.Stored<Challenge>> find(Optional<UUID> id) {
        return id.flatMap(i -> store.latest(CaseStore.Kind.CHALLENGE, i, Challenge.class));
    }

    private boolean party(Lots.Lot lot, Challenge c, CurrentUser user) {
        return user != null && (c.supplierId().equals(user.organisationId()) || lots.answersFor(lot, user) || lots.oversees(lot, user));
    }

    private Lots.Lot responsible(Challenge c, CurrentUser user) {
        Lots.Lot lot = lots.get(c.lotId());
        if (!lots.answersFor(lot, user)) {
            throw party(lot, c, user) || c.answeredAt() != null ? new DomainException(ComplaintsError.COMPLAINTS_NOT_RESPONSIBLE)
                    : new DomainException(ComplaintsError.COMPLAINTS_NOT_FOUND);
        }
        return lot;
    }

    private CaseStore.Stored<Challenge> find(UUID id) {
        return store.latest(CaseStore.Kind.CHALLENGE, id, Challenge.class)
                .orElseThrow(() -> new DomainException(ComplaintsError.COMPLAINTS_NOT_FOUND));
    }

    private static void requireSupplier(CurrentUser user) {
        if (user == null || user.role() != Role.BIDDER || user.organisationId() == null) {
            throw new DomainException(ComplaintsError.GPL_52_NO_STANDING);
        }
    }

    private void save(Lots.Lot lot, Challenge c, int version, String by) {
        store.append(CaseStore.Kind.CHALLENGE, c.id(), version, new CaseStore.Columns(lot.id(), c.supplierId(), null,
                lot.regionCode(), c.answeredAt() == null ? "RAISED" : "ANSWERED", c.answeredAt() == null ? c.answerDue() : null,
                c.holdsContract(), null, null, null), c, clock.instant(), by);
    }

    private ChallengeView view(Lots.Lot lot, Challenge c, Instant now, boolean full) {
        ProcedureRules rules = lots.rules(lot, c.raisedAt());
        Instant start = c.complaintPeriodStart(now);
        Instant complaintEnds = start == null ? null
                : rules.find(RuleKeys.COMPLAINT_PERIOD).map(l -> l.endAfter(start, rules.calendar())).orElse(null);
        return new ChallengeView(c.id(), lot.id(), lot.code(), lot.name(), full ? lots.nameOf(c.supplierId()) : null, c.subject(),
                c.step(), c.claims(), c.facts(), full ? c.evidence() : null, c.periodStart(), c.raisedAt(), c.answerDue(),
                c.resultChanging(), c.holdsContract(), c.answer(), c.answeredAt(), c.overdue(now), complaintEnds);
    }
}
