package org.sunbid.platform.tendering.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.sunbid.crypto.Sm3;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.tendering.FilingStatus;
import org.sunbid.platform.tendering.TenderingError;

/**
 * One filing (备案) of a draft tender's documents with the supervision department of its region: the documents filed
 * (name and SM3 of each), by whom and when, and by when the department decides under the region's rule. The department
 * accepts it, or returns it with its reasons; each happens once. A returned filing stays as it was: the owner files
 * again (a new filing, the next number). A decision after the time limit is still taken, and marked overdue.
 */
public final class TenderFiling {

    /** A document as filed. */
    public record FiledDocument(String name, String sm3) {
        public FiledDocument {
            Objects.requireNonNull(name);
            Objects.requireNonNull(sm3);
        }
    }

    private final UUID id;
    private final UUID tenderId;
    private final int number;
    private final List<FiledDocument> documents;
    private final UUID supervisorId;
    private final Instant filedAt;
    private final String filedBy;
    private final UUID filerId;
    private final Instant due;
    private final Limit review;
    private FilingStatus status;
    private String reasons;
    private Instant decidedAt;
    private String decidedBy;

    private TenderFiling(UUID id, UUID tenderId, int number, List<FiledDocument> documents, UUID supervisorId,
            Instant filedAt, String filedBy, UUID filerId, Instant due, Limit review, FilingStatus status, String reasons,
            Instant decidedAt, String decidedBy) {
        this.id = Objects.requireNonNull(id);
        this.tenderId = Objects.requireNonNull(tenderId);
        this.number = number;
        this.documents = List.copyOf(documents);
        this.supervisorId = Objects.requireNonNull(supervisorId);
        this.filedAt = Objects.requireNonNull(filedAt);
        this.filedBy = Objects.requireNonNull(filedBy);
        this.filerId = Objects.requireNonNull(filerId);
        this.due = Objects.requireNonNull(due);
        this.review = Objects.requireNonNull(review);
        this.status = status;
        this.reasons = reasons;
        this.decidedAt = decidedAt;
        this.decidedBy = decidedBy;
    }

    /**
     * Files {@code documents} at {@code now} under {@code requirement}: the department decides within its time limit
     * (日 as exact days, 工作日 by the calendar: {@link Limit#endAfter}). Refused without documents, or where the region
     * requires no filing.
     *
     * @param due when the time limit ends, computed by the caller from {@code requirement.review()} and the calendar
     */
    public static TenderFiling file(UUID id, UUID tenderId, int number, List<FiledDocument> documents, UUID supervisorId,
            Instant now, String filedBy, UUID filerId, FilingRequirement requirement, Instant due) {
        if (!requirement.required()) {
            throw new DomainException(TenderingError.FILING_NOT_REQUIRED);
        }
        if (documents.isEmpty()) {
            throw new DomainException(TenderingError.TENDER_DOCUMENTS_MISSING);
        }
        return new TenderFiling(id, tenderId, number, documents, supervisorId, now, filedBy, filerId, due,
                requirement.review(), FilingStatus.PENDING, null, null, null);
    }

    /** Rebuilds a stored filing (no rule re-checked). */
    public static TenderFiling restore(UUID id, UUID tenderId, int number, List<FiledDocument> documents, UUID supervisorId,
            Instant filedAt, String filedBy, UUID filerId, Instant due, Limit review, FilingStatus status, String reasons,
            Instant decidedAt, String decidedBy) {
        return new TenderFiling(id, tenderId, number, documents, supervisorId, filedAt, filedBy, filerId, due, review,
                status, reasons, decidedAt, decidedBy);
    }

    /** The department accepts the filing: once, while it is pending. */
    public void accept(Instant now, String by) {
        requirePending();
        status = FilingStatus.ACCEPTED;
        reasons = reasons == null ? "" : reasons;
        decidedAt = now;
        decidedBy = by;
    }

    /** The department returns the filing: once, while pending, and only with its reasons (the owner must know what to change). */
    public void returnWith(String why, Instant now, String by) {
        requirePending();
        if (why == null || why.isBlank()) {
            throw new DomainException(TenderingError.FILING_REASONS_REQUIRED);
        }
        status = FilingStatus.RETURNED;
        reasons = why.strip();
        decidedAt = now;
        decidedBy = by;
    }

    private void requirePending() {
        if (status != FilingStatus.PENDING) {
            throw new DomainException(TenderingError.FILING_DECIDED, status);
        }
    }

    /** Whether the decision came (or, while pending, would now come) after the time limit. */
    public boolean overdue(Instant now) {
        return (decidedAt == null ? now : decidedAt).isAfter(due);
    }

    /** Whether this filing's documents are exactly {@code current} (same names and SM3s, in any order). */
    public boolean covers(List<FiledDocument> current) {
        return digest(documents).equals(digest(current));
    }

    /** The SM3 of a document list (each name and SM3 on a line, sorted by name): what the log records as filed. */
    public static String digest(List<FiledDocument> documents) {
        StringBuilder lines = new StringBuilder();
        documents.stream().sorted(Comparator.comparing(FiledDocument::name).thenComparing(FiledDocument::sm3))
                .forEach(d -> lines.append(d.name()).append('\t').append(d.sm3()).append('\n'));
        return Sm3.hex(lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    public String documentsSm3() {
        return digest(documents);
    }

    public UUID id() {
        return id;
    }

    public UUID tenderId() {
        return tenderId;
    }

    public int number() {
        return number;
    }

    public List<FiledDocument> documents() {
        return documents;
    }

    public UUID supervisorId() {
        return supervisorId;
    }

    public Instant filedAt() {
        return filedAt;
    }

    public String filedBy() {
        return filedBy;
    }

    public UUID filerId() {
        return filerId;
    }

    public Instant due() {
        return due;
    }

    public Limit review() {
        return review;
    }

    public FilingStatus status() {
        return status;
    }

    public String reasons() {
        return reasons;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decidedBy() {
        return decidedBy;
    }
}
