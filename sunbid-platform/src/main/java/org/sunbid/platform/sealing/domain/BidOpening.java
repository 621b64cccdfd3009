package org.sunbid.platform.sealing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.UUID;

import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.sealing.SealingError;

/**
 * A tender's bid opening (开标): the aggregate that owns its state machine. At the deadline a tender with fewer valid
 * envelopes than its lot's opening minimum (rule {@code OPENING_MIN}: 3 under Law 28 / Reg. 44, 87号令 Art. 41, 74号令
 * Art. 37 and 50; 1 for a single source, 政府采购法 Art. 31) is not opened (FAILED_TOO_FEW_BIDS); otherwise it awaits the
 * custodians' shares, accepted only in that state, each custodian's once; with the threshold reached and the key made
 * it is OPENING (the envelopes are being opened, no more shares accepted), then the signed opening record (唱标记录) is written — once, never changed after (the record is final, and the
 * storage refuses a second write too). Then, within the response window, each bidder whose bid was opened confirms or
 * objects once (不见面开标); a bidder without a bid on record may object on its platform-signed receipt; the tenderee
 * answers each objection once (Reg. 44). Every transition takes the current time from the caller. Plain Java.
 */
public final class BidOpening {

    /** Law 28: fewer than this many bids, and the tender is not opened — where the lot's rules set no OPENING_MIN. */
    public static final int MINIMUM_BIDS = 3;

    /** A bidder's response to the opening record: confirmed, or an objection with the tenderee's answer (once). */
    public record Response(UUID bidderId, boolean objected, String objection, Instant respondedAt, String respondedBy,
            String answer, Instant answeredAt, String answeredBy) {

        /** Whether this is an objection still waiting for the tenderee's answer. */
        public boolean awaitingAnswer() {
            return objected && answer == null;
        }
    }

    private final UUID tenderId;
    private OpeningStatus status;
    private final int validEnvelopes;
    private final int threshold;
    private final Instant closedAt;
    private Instant openedAt;
    private String record;
    private String recordSignature;
    private final ShareReleases shares;
    private final List<Response> responses;
    private final List<Response> newResponses = new ArrayList<>();
    private final List<Response> newAnswers = new ArrayList<>();
    private boolean recordWritten;
    private boolean openingStarted;

    private BidOpening(UUID tenderId, OpeningStatus status, int validEnvelopes, int threshold, Instant closedAt,
            Instant openedAt, String record, String recordSignature, java.util.Collection<Integer> released,
            java.util.Map<Integer, String> releasedShares, List<Response> responses) {
        this.tenderId = Objects.requireNonNull(tenderId);
        this.status = Objects.requireNonNull(status);
        this.validEnvelopes = validEnvelopes;
        this.threshold = threshold;
        this.closedAt = Objects.requireNonNull(closedAt);
        this.openedAt = openedAt;
        this.record = record;
        this.recordSignature = recordSignature;
        this.shares = new ShareReleases(threshold, released, releasedShares);
        this.responses = new ArrayList<>(responses);
    }

    /** As {@link #close(UUID, int, int, int, Instant)} with the statutory {@value #MINIMUM_BIDS} (Law 28). */
    public static BidOpening close(UUID tenderId, int validEnvelopes, int threshold, Instant now) {
        return close(tenderId, validEnvelopes, MINIMUM_BIDS, threshold, now);
    }

    /**
     * Bidding closed at {@code now} with {@code validEnvelopes} live envelopes and a key of which {@code threshold}
     * shares rebuild the private key: fewer than {@code minimum} (the lot's OPENING_MIN), and the opening fails at once
     * (Law 28, 87号令 Art. 41, 74号令 Art. 37/50) — its record still to be written by {@link #recordFailure}; otherwise it
     * awaits the shares.
     */
    public static BidOpening close(UUID tenderId, int validEnvelopes, int minimum, int threshold, Instant now) {
        if (minimum < 1) {
            throw new IllegalArgumentException("an opening needs at least one bid");
        }
        boolean tooFew = validEnvelopes < minimum;
        return new BidOpening(tenderId, tooFew ? OpeningStatus.FAILED_TOO_FEW_BIDS : OpeningStatus.AWAITING_SHARES,
                validEnvelopes, threshold, now, tooFew ? now : null, null, null, List.of(), java.util.Map.of(), List.of());
    }

    /** Rebuilds a stored opening (no rule is re-checked). */
    public static BidOpening restore(UUID tenderId, OpeningStatus status, int validEnvelopes, int threshold, Instant closedAt,
            Instant openedAt, String record, String recordSignature, java.util.Collection<Integer> released,
            java.util.Map<Integer, String> releasedShares, List<Response> responses) {
        return new BidOpening(tenderId, status, validEnvelopes, threshold, closedAt, openedAt, record, recordSignature,
                released, releasedShares, responses);
    }

    /** Law 28: the signed record of an opening that failed for too few bids; written once. */
    public void recordFailure(String failureRecord, String signature) {
        if (status != OpeningStatus.FAILED_TOO_FEW_BIDS || record != null) {
            throw new DomainException(SealingError.OPENING_NOT_READY);
        }
        record = Objects.requireNonNull(failureRecord);
        recordSignature = Objects.requireNonNull(signature);
        recordWritten = true;
    }

    /** Refuses a share unless the opening awaits shares: not before the deadline, not once opened or failed. */
    public void checkAcceptsShares() {
        if (status != OpeningStatus.AWAITING_SHARES) {
            throw new DomainException(SealingError.OPENING_NOT_READY);
        }
    }

    /**
     * Custodian share {@code shareIndex} released at {@code now} (its plaintext JSON, as the custodian's tool decrypted
     * it). The same share again changes nothing; a different one for an index already released is refused. Returns
     * whether this release is new.
     */
    public boolean release(int shareIndex, String shareJson, Instant now, String by) {
        checkAcceptsShares();
        return shares.release(shareIndex, shareJson, now, by);
    }

    /** Whether enough shares are in to try rebuilding the key. */
    public boolean thresholdReached() {
        return status == OpeningStatus.AWAITING_SHARES && shares.thresholdReached();
    }

    /**
     * The threshold of shares is in and they make the key: the envelopes are now being opened (OPENING); no more shares
     * are accepted. Once only: a second trigger finds the opening no longer awaiting shares.
     */
    public void startOpening() {
        checkAcceptsShares();
        if (!thresholdReached()) {
            throw new DomainException(SealingError.OPENING_NOT_READY);
        }
        status = OpeningStatus.OPENING;
        openingStarted = true;
    }

    /**
     * The bids were opened at {@code now} with the released shares: the signed opening record is written, once; the
     * plaintext shares are no longer kept (that secret must not outlive its use).
     */
    public void open(Instant now, String openingRecord, String signature) {
        if (status != OpeningStatus.OPENING || !shares.thresholdReached() || record != null) {
            throw new DomainException(SealingError.OPENING_NOT_READY);
        }
        status = OpeningStatus.OPENED;
        openedAt = now;
        record = Objects.requireNonNull(openingRecord);
        recordSignature = Objects.requireNonNull(signature);
        shares.forget();
        recordWritten = true;
    }

    /**
     * A bidder responds at {@code now}: confirms the record, or objects ({@code objection} not blank). A bidder with a
     * live bid only once the bids were opened; one without a bid on record ({@code receiptShown}: it showed a bid
     * receipt the platform signed for it on this tender) only to object, also to a failed opening; both within
     * {@code window} after the opening, once.
     */
    public Response respond(UUID bidderId, String objection, boolean liveBid, boolean receiptShown, Instant now,
            Duration window, String by) {
        boolean objects = objection != null && !objection.isBlank();
        boolean may = liveBid ? status == OpeningStatus.OPENED : receiptShown && objects && openedAt != null;
        if (!may || now.isAfter(openedAt.plus(window))) {
            throw new DomainException(SealingError.OPENING_RESPONSE_CLOSED);
        }
        if (responseOf(bidderId).isPresent()) {
            throw new DomainException(SealingError.OPENING_ALREADY_RESPONDED);
        }
        Response response = new Response(bidderId, objects, objects ? objection.strip() : null, now, by, null, null, null);
        responses.add(response);
        newResponses.add(response);
        return response;
    }

    /** The tenderee (or its agency) answers bidder {@code bidderId}'s objection at {@code now} (Reg. 44); once. */
    public Response answer(UUID bidderId, String answer, Instant now, String by) {
        Response objection = responseOf(bidderId).filter(Response::awaitingAnswer)
                .orElseThrow(() -> new DomainException(SealingError.OPENING_OBJECTION_NOT_FOUND));
        Response answered = new Response(bidderId, true, objection.objection(), objection.respondedAt(),
                objection.respondedBy(), answer.strip(), now, by);
        responses.set(responses.indexOf(objection), answered);
        newAnswers.add(answered);
        return answered;
    }

    /** Bidder {@code bidderId}'s response, if it responded. */
    public Optional<Response> responseOf(UUID bidderId) {
        return responses.stream().filter(r -> r.bidderId().equals(bidderId)).findFirst();
    }

    /** Whether an objection to the record still waits for the tenderee's answer. */
    public boolean objectionAwaitingAnswer() {
        return responses.stream().anyMatch(Response::awaitingAnswer);
    }

    public UUID tenderId() {
        return tenderId;
    }

    public OpeningStatus status() {
        return status;
    }

    public int validEnvelopes() {
        return validEnvelopes;
    }

    public int threshold() {
        return threshold;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public String record() {
        return record;
    }

    public String recordSignature() {
        return recordSignature;
    }

    /** The indices of the shares released so far (their release is kept after the opening, the shares are not). */
    public SortedSet<Integer> released() {
        return shares.released();
    }

    /** The plaintext shares released and not yet used, by index (empty once opened). */
    public List<String> releasedShares() {
        return shares.shares();
    }

    public List<Response> responses() {
        return List.copyOf(responses);
    }

    /** The releases accepted by this instance, to be stored. */
    public List<ShareReleases.Release> newReleases() {
        return shares.newReleases();
    }

    /** The responses made through this instance, to be stored. */
    public List<Response> newResponses() {
        return List.copyOf(newResponses);
    }

    /** The answers given through this instance, to be stored. */
    public List<Response> newAnswers() {
        return List.copyOf(newAnswers);
    }

    /** Whether this instance started the opening (AWAITING_SHARES to OPENING), to be stored once. */
    public boolean openingStarted() {
        return openingStarted;
    }

    /** Whether this instance wrote the record (completing the opening), to be stored once. */
    public boolean recordWritten() {
        return recordWritten;
    }
}
