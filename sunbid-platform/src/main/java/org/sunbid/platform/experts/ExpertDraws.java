package org.sunbid.platform.experts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.sunbid.platform.parties.CurrentUser;

/**
 * The verifiable expert draw (专家随机抽取):
 * <ol>
 *   <li>the tender's owners or centre staff request a committee (experts per specialty, pool regions, tenderee
 *       representatives, evaluation start; Law 37 checked, feasibility checked);</li>
 *   <li>a supervisor of the region commits to a secret their own tool generated ({@code sunbid-bidder draw-secret}):
 *       only its SM3 reaches the platform, logged under the supervisor's account;</li>
 *   <li>at the draw time (default one hour before the start) the avoidance rules are applied, the eligible pool's hash is
 *       logged and a tree head is signed over the log: pool and head are fixed before anyone but the supervisor knows
 *       the secret, so a modified platform cannot try secrets or heads. The draw then waits for the supervisor;</li>
 *   <li>the supervisor reveals the secret; the platform checks it against the commitment, and the seed
 *       SM3(secret ‖ head root ‖ draw id) walks each specialty's ranking ({@link DrawWalk});</li>
 *   <li>drawn experts are called through the {@link Notifier} with a reply code; a decline or silence past the reply
 *       time is replaced by the next of the same ranking. Who was drawn is kept encrypted ({@link DrawVault});
 *       the log and staff see positions, specialties and outcomes only;</li>
 *   <li>experts sign in at the evaluation with their certificate, which reveals their names;</li>
 *   <li>after the evaluation the secret, seed, pool, avoidances and contacts are published, and
 *       {@code sunbid-verifier verify-draw} recomputes the committee from them.</li>
 * </ol>
 *
 * <p>This class is the context's API for the draw; each step is its own class: {@link DrawRequests} (request, commitment),
 * {@link DrawFeasibility} (avoidance, Hall's condition), {@link DrawRuns} (pool, head, reveal, walk), {@link DrawCalls}
 * (notices, replies, replacements), {@link DrawSignIns} (sign-in, the seated committee), {@link DrawRecords}
 * (publication, the verifiable record), {@link DrawRatings} (conduct) and {@link DrawQueries} (views, to-do lists).
 */
@Service
public class ExpertDraws {

    private final DrawRequests requests;
    private final DrawRuns runs;
    private final DrawCalls calls;
    private final DrawSignIns signIns;
    private final DrawRecords records;
    private final DrawRatings ratings;
    private final DrawQueries queries;

    ExpertDraws(DrawRequests requests, DrawRuns runs, DrawCalls calls, DrawSignIns signIns, DrawRecords records,
            DrawRatings ratings, DrawQueries queries) {
        this.requests = requests;
        this.runs = runs;
        this.calls = calls;
        this.signIns = signIns;
        this.records = records;
        this.ratings = ratings;
        this.queries = queries;
    }

    /** A requested number of experts of one specialty. */
    public record SpecialtyCount(String code, int count) {
    }

    /**
     * What a draw request asks for.
     *
     * @param avoid the manual avoidance list: expert ids or exact names (every expert of that name is avoided)
     */
    public record DrawRequest(Instant evaluationStart, String evaluationVenue, int representatives,
            List<SpecialtyCount> specialties, List<String> poolRegions, List<String> avoid) {
    }

    /** What the platform answers the gateway for one reply. */
    public enum ReplyAnswer {
        /** Taken: the expert's confirmation or decline was recorded. */
        RECORDED,
        /** No pending notice has this code for this number (forged, mistyped or another number): nothing changed. */
        UNKNOWN_CODE,
        /** The notice was already answered (a reused code): nothing changed. */
        ALREADY_ANSWERED,
        /** The reply came after the reply time; a replacement is (or will be) drawn: nothing changed. */
        EXPIRED,
        /** The text is not "1 code" or "2 code": nothing changed. */
        UNREADABLE
    }

    // ------------------------------------------------------------------------------------------------------ requests

    /** Requests a committee for a tender's evaluation; refused with the shortfall named when it could not be met. */
    public DrawView request(UUID tenderId, DrawRequest input, CurrentUser user) {
        return requests.request(tenderId, input, user);
    }

    /**
     * A supervisor of the tender's region commits to the draw's secret by its SM3 ({@code secretHash}, 64 hex digits),
     * logged under their account. The secret itself stays on the supervisor's machine until {@link #reveal}.
     */
    public DrawView commit(UUID drawId, String secretHash, CurrentUser user) {
        return requests.commit(drawId, secretHash, user);
    }

    // ------------------------------------------------------------------------------------------------------ draw run

    /**
     * The supervisor reveals the draw's secret (64 hex digits) once the pool is fixed and the head signed: it must hash to
     * the commitment, else nothing changes. Then the draw runs: the seed SM3(secret ‖ head root ‖ draw id) walks the
     * rankings and the first round of experts is called. The secret is kept sealed until the record is published.
     */
    public DrawView reveal(UUID drawId, String secretHex, CurrentUser user) {
        return runs.reveal(drawId, secretHex, user);
    }

    /** Fixes the pool and signs the head of every committed draw whose time has come (also scheduled). */
    public int runDue() {
        return runs.runDue();
    }

    // ------------------------------------------------------------------------------------------------------ calls

    /**
     * A reply relayed by the gateway: {@code body} is the exact JSON it signed ({phone, text, receivedAt}) and
     * {@code signature} its base64 SM3withSM2 signature.
     */
    public ReplyAnswer reply(byte[] body, String signature) {
        return calls.reply(body, signature);
    }

    /** Marks unanswered notices past their reply time as no answer and draws their replacements (also scheduled). */
    public int expireDue() {
        return calls.expireDue();
    }

    // ------------------------------------------------------------------------------------------------------ sign-in

    /** The text an expert signs to sign in to draw {@code drawId}. */
    public static String challenge(UUID drawId, String username) {
        return "阳光交易 评标专家签到 sunbid-expert-sign-in:" + drawId + ":" + username;
    }

    /**
     * A confirmed member signs in at the evaluation with their certificate: the signature over
     * {@link #challenge} must verify with the expert's personal certificate in force. Signing in reveals the name.
     */
    public MyDraw signIn(UUID drawId, String signature, CurrentUser user) {
        return signIns.signIn(drawId, signature, user);
    }

    /**
     * The tender's committee at the evaluation (for the evaluation context): its newest complete or published draw,
     * with the experts who have signed in. Empty while no draw of the tender is complete.
     */
    public Optional<SeatedCommittee> seated(UUID tenderId) {
        return signIns.seated(tenderId);
    }

    // ------------------------------------------------------------------------------------------------------ records

    /**
     * Publishes the draw record once the evaluation is under way and every member has signed in: the secret, the
     * seed, the pools, who was avoided why and every contact, in a public log entry and at {@link #record}.
     */
    public DrawView publish(UUID drawId, CurrentUser user) {
        return records.publish(drawId, user);
    }

    /** Whether draw {@code drawId}'s record may be published now (the same rule {@link #publish} enforces). */
    public boolean mayPublish(UUID drawId) {
        return records.mayPublish(drawId);
    }

    /** Publishes the record as the platform (after the evaluation ends, for the evaluation context). */
    public DrawView publishAfterEvaluation(UUID drawId) {
        return records.publishAfterEvaluation(drawId);
    }

    /** The published draw record (public), from which {@code sunbid-verifier verify-draw} recomputes the committee. */
    public Map<String, Object> record(UUID drawId) {
        return records.record(drawId);
    }

    /**
     * Rates a committee member's conduct after the evaluation (评价): the tender's owners rate as the tenderee's side,
     * centre staff as the centre; once per side and member. Violations feed the region's status rule.
     */
    public void rate(UUID drawId, UUID expertId, int score, List<Violation> violations, String note, CurrentUser user) {
        ratings.rate(drawId, expertId, score, violations, note, user);
    }

    // ------------------------------------------------------------------------------------------------------ views

    /** A draw as its tender's owners, the region's staff and supervisors may see it. */
    public DrawView get(UUID drawId, CurrentUser user) {
        return queries.get(drawId, user);
    }

    /** The draws of a tender, newest first, for its owners and the region's staff and supervisors. */
    public List<DrawView> ofTender(UUID tenderId, CurrentUser user) {
        return queries.ofTender(tenderId, user);
    }

    /** The draws that contacted the signed-in expert, newest first. */
    public List<MyDraw> mine(CurrentUser user) {
        return queries.mine(user);
    }

    /**
     * The draws waiting for the signed-in supervisor, soonest first: those requested and awaiting the commitment to a
     * secret (until the draw time, by {@link #commit}'s rules) and those whose pool is fixed and await the secret's
     * reveal ({@link #reveal}). A supervisor's to-do.
     */
    public List<DrawView> awaitingSupervisor(CurrentUser user) {
        return queries.awaitingSupervisor(user);
    }

    /**
     * The signed-in expert's draws that wait for them: a notice to answer before its answer time, or, once accepted, the
     * sign-in at the evaluation (until the evaluation has begun). An expert's to-do.
     */
    public List<MyDraw> awaitingExpert(CurrentUser user) {
        return queries.awaitingExpert(user);
    }

    /** Draws in the caller's region subtree (staff, supervisors), newest evaluation first. */
    public List<DrawView> inMyRegion(CurrentUser user) {
        return queries.inMyRegion(user);
    }

    /** The published draw records, newest first (public). */
    public List<DrawView> published(int limit) {
        return queries.published(limit);
    }

    /** One published draw (public), its committee by name. */
    public DrawView publishedView(UUID drawId) {
        return queries.publishedView(drawId);
    }
}
