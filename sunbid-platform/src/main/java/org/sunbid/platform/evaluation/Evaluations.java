package org.sunbid.platform.evaluation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.sunbid.platform.parties.CurrentUser;

/**
 * The evaluation context's API for the committee (电子评标), one entry for the web API, the workbench and the demo over
 * the classes that each own one responsibility:
 * <ul>
 * <li>the plan (评标办法, {@code EvaluationPlans}): set with the tender documents, locked at the deadline (Reg. 49);</li>
 * <li>the session ({@code CommitteeSessions}): once the bids are opened (the evaluation's copy of sealing's
 * {@code BidsOpened}) and every drawn expert has signed in, the start draws K from the signed opening record's SM3; the
 * leader is elected by the members or appointed by the tenderee;</li>
 * <li>the review ({@code QualificationReviews}): each member reviews every bid item by item (a fail needs a majority);</li>
 * <li>the scoring ({@code ScoreSheets}): the qualified bids scored once and independently — the price part computed,
 * never typed; nobody sees another's scores until all have submitted; extreme scores need a written reason and are
 * flagged to the supervisor; the ranking follows the plan's rules;</li>
 * <li>the report ({@code EvaluationReports}): the leader generates the PDF, every member signs its SM3 with their
 * certificate, and the candidates' publicity starts ({@link Awards});</li>
 * <li>the queries ({@code EvaluationQueries}): what each caller may see.</li>
 * </ul>
 * Each step is in the public log.
 */
@Service
public class Evaluations {

    private final EvaluationPlans plans;
    private final CommitteeSessions sessions;
    private final QualificationReviews reviews;
    private final ScoreSheets scoring;
    private final EvaluationReports reports;
    private final EvaluationQueries queries;
    private final PriceReviews priceReviews;
    private final NegotiationStage negotiations;

    Evaluations(EvaluationPlans plans, CommitteeSessions sessions, QualificationReviews reviews, ScoreSheets scoring,
            EvaluationReports reports, EvaluationQueries queries, PriceReviews priceReviews, NegotiationStage negotiations) {
        this.negotiations = negotiations;
        this.priceReviews = priceReviews;
        this.plans = plans;
        this.sessions = sessions;
        this.reviews = reviews;
        this.scoring = scoring;
        this.reports = reports;
        this.queries = queries;
    }

    /** The text a member signs to sign the report whose SM3 is {@code reportSm3}. */
    public static String reportChallenge(UUID tenderId, String reportSm3) {
        return "阳光交易 评标报告签署 sunbid-evaluation-report:" + tenderId + ":" + reportSm3;
    }

    /**
     * The tenderee or agency sets the evaluation plan (评标办法) while the tender is a draft or open for bids; it is
     * read and checked as data (the parts adding up to 100, the K range) and logged in public with the documents.
     */
    public Map<String, Object> setPlan(UUID tenderId, Map<String, Object> input, CurrentUser user) {
        return plans.setPlan(tenderId, input, user);
    }

    /** The plan: public once the tender is published; a draft's only for those who may see the draft. */
    public Map<String, Object> plan(UUID tenderId, CurrentUser user) {
        return plans.plan(tenderId, user);
    }

    /**
     * Starts the evaluation: the bids are opened, the plan is set, and every expert who accepted has signed in. A member
     * or the region's centre staff starts it; K (benchmark price) is drawn from the SM3 of the signed opening record.
     * Starting a started evaluation shows it.
     */
    public EvaluationView start(UUID tenderId, CurrentUser user) {
        return sessions.start(tenderId, user);
    }

    /**
     * A member votes for the leader (组长) — a majority elects — or the tenderee's side appoints one of the members.
     * Either way once: a leader, once chosen, stays.
     */
    public EvaluationView chooseLeader(UUID tenderId, String candidate, CurrentUser user) {
        return sessions.chooseLeader(tenderId, candidate, user);
    }

    /** A member's qualification review: every opened bid, every item; once. The last one fixes the results. */
    public EvaluationView review(UUID tenderId, Map<String, Map<String, ReviewVote>> input, CurrentUser user) {
        return reviews.review(tenderId, input, user);
    }

    /**
     * 谈判/磋商/单一来源 (rules with NEGOTIATION_ROUNDS): the panel's leader closes the negotiation; the last opened
     * round's sealed offers (sealing's {@code OffersOpened}) become the prices of the qualified suppliers still in it, the
     * stop rules apply (FINAL_OFFERS_MIN, 74号令 Art. 33/37; BUDGET_STOPS, Art. 43), then the ranking or the scoring.
     */
    public EvaluationView closeNegotiation(UUID tenderId, CurrentUser user) {
        return negotiations.close(tenderId, user);
    }

    /**
     * The last round of sealed final offers the evaluation has received from sealing's {@code OffersOpened} (0 before
     * any): the round a close of the negotiation would take. The event arrives on its own listener after sealing's
     * commit, so whoever closes right after an opening (the demo loader) waits until this shows the round.
     */
    public int lastOfferRound(UUID tenderId) {
        return negotiations.rounds(tenderId).keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** A cost-evidence file of a price explanation: its name and its bytes in Base64 (at most 10 MB, 5 files). */
    public record PriceEvidence(String name, String contentBase64) {
    }

    /**
     * Government procurement (财政部令第87号 Art. 60; 财库〔2026〕2号): the supplier whose price is under an
     * abnormal-price review explains in writing with cost evidence, by the review's deadline — a bidder account of
     * that organisation. Its own review after the explanation.
     */
    public Map<String, Object> explainPrice(UUID tenderId, String text, List<PriceEvidence> evidence, CurrentUser user) {
        return priceReviews.explain(tenderId, text, evidence, user);
    }

    /** The caller's organisation's abnormal-price review on {@code tenderId} (status, deadline, explanation). */
    public Map<String, Object> myPriceReview(UUID tenderId, CurrentUser user) {
        return priceReviews.mine(tenderId, user);
    }

    /**
     * The panel's leader records the panel's decision on an explained price (87号令 Art. 60): accepted, or the bid is
     * invalid; with the reason. Once every review is decided the scoring (or the ranking) follows.
     */
    public EvaluationView decidePriceReview(UUID tenderId, String bidderId, boolean accept, String reason, CurrentUser user) {
        return priceReviews.decide(tenderId, bidderId, accept, reason, user);
    }

    /** Reviews past their deadline with no explanation lapse: those bids are invalid (87号令 Art. 60). Also scheduled. */
    public int lapseDuePriceReviews() {
        return priceReviews.lapseDue();
    }

    /**
     * A member's scores for every qualified bid (criterion by criterion, within each criterion's range) with reasons
     * for any score they know to be unusual; once. The last submission — or the last missing reason — fixes the ranking.
     */
    public EvaluationView score(UUID tenderId, Map<String, Map<String, BigDecimal>> scores, Map<String, String> reasons,
            CurrentUser user) {
        return scoring.score(tenderId, scores, reasons, user);
    }

    /** A member gives the written reason for an extreme score of theirs (the score itself stays). */
    public EvaluationView explain(UUID tenderId, String bidderId, String reason, CurrentUser user) {
        return scoring.explain(tenderId, bidderId, reason, user);
    }

    /** The leader generates the report once the ranking stands; its SM3 goes into the log. */
    public EvaluationView generateReport(UUID tenderId, CurrentUser user) {
        return reports.generate(tenderId, user);
    }

    /** The report PDF: for the committee, owners, the region's staff and supervisors; public from the publicity on. */
    public byte[] report(UUID tenderId, CurrentUser user) {
        return reports.pdf(tenderId, user);
    }

    /** A member signs the report: a signature over {@link #reportChallenge} with their certificate in force. */
    public EvaluationView signReport(UUID tenderId, String signature, CurrentUser user) {
        return reports.sign(tenderId, signature, user);
    }

    /**
     * The report's SM3, where it is in the log, and every member's signature with their certificate: what
     * {@code sunbid-verifier verify-report} checks. Same access as the report.
     */
    public Map<String, Object> reportSignatures(UUID tenderId, CurrentUser user) {
        return reports.signatures(tenderId, user);
    }

    /**
     * The evaluation's stage, for the deal's overall status shown to everyone (which stage it is in is not a secret; what
     * the committee has written is); empty before the evaluation starts.
     */
    public Optional<Stage> stage(UUID tenderId) {
        return queries.stage(tenderId);
    }

    /**
     * Whether the evaluation has received the tender's opened bids: sealing's {@code BidsOpened} reaches the evaluation
     * after sealing's transaction commits, on another thread, so for a moment after an opening this is still false.
     */
    public boolean opened(UUID tenderId) {
        return queries.opened(tenderId);
    }

    /** Whether the tender's evaluation has started. */
    public boolean exists(UUID tenderId) {
        return queries.exists(tenderId);
    }

    /** A decrypted file of an opened bid, for the committee's members only. */
    public BidFile bidFile(UUID tenderId, UUID bidId, String name, CurrentUser user) {
        return queries.bidFile(tenderId, bidId, name, user);
    }

    /** The evaluations the signed-in expert sits on, newest first (tender ids). */
    public List<UUID> mine(CurrentUser user) {
        return queries.mine(user);
    }

    /**
     * The evaluations where the signed-in member still has something to do (review, score, give a reason, sign the
     * report: {@link EvaluationView#awaiting()}). An expert's to-do.
     */
    public List<EvaluationView> awaitingMember(CurrentUser user) {
        return queries.awaitingMember(user);
    }

    /** The evaluation as {@code user} may see it (see {@link EvaluationView}). */
    public EvaluationView view(UUID tenderId, CurrentUser user) {
        return queries.view(tenderId, user);
    }

    /** A bid's decrypted file on disk, and the HTTP answer that sends it (the API and the workspace page alike). */
    public record BidFile(java.nio.file.Path file) {

        public ResponseEntity<Resource> asAttachment() {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(file.getFileName().toString(), StandardCharsets.UTF_8).build().toString())
                    .body(new FileSystemResource(file));
        }
    }
}
