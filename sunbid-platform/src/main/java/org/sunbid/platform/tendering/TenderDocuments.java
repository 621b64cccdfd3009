package org.sunbid.platform.tendering;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.audit.ConfidentialRecords;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.FileStore;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;

/**
 * Tender documents (招标文件): uploaded by the tenderee or agency while bidding is open (after publication, each upload
 * is also a clarification under Law 23 that may move the deadline), listed in public with their SM3 hashes, downloaded by registered bidders while the documents are available (Reg. 16) and by the owners and staff.
 * Each bidder's download is recorded with its IP address as a confidential record (a public one would count bidders).
 */
@Service
public class TenderDocuments {

    private final JdbcClient jdbc;
    private final Tenders tenders;
    private final Registrations registrations;
    private final FileStore files;
    private final AuditLog auditLog;
    private final ConfidentialRecords confidential;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final long maxSize;

    TenderDocuments(JdbcClient jdbc, Tenders tenders, Registrations registrations, FileStore files, AuditLog auditLog,
            ConfidentialRecords confidential, TransactionTemplate tx, Clock clock,
            @Value("${sunbid.tendering.max-document-size:1073741824}") long maxSize) {
        this.jdbc = jdbc;
        this.tenders = tenders;
        this.registrations = registrations;
        this.files = files;
        this.auditLog = auditLog;
        this.confidential = confidential;
        this.tx = tx;
        this.clock = clock;
        this.maxSize = maxSize;
    }

    /** The largest document accepted, in bytes. */
    public long maxSize() {
        return maxSize;
    }

    /** A document as listed: public once the tender is. */
    public record Document(UUID id, UUID tenderId, String name, String contentType, long size, String sm3, Instant uploadedAt) {
    }

    /** A document to send: its listing and where its bytes are. */
    public record Download(Document document, Path file) {

        /** The HTTP answer that sends it: an attachment under its own (UTF-8) name, with its SM3 in X-Content-SM3. */
        public org.springframework.http.ResponseEntity<org.springframework.core.io.Resource> asAttachment() {
            return org.springframework.http.ResponseEntity.ok()
                    .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                            .attachment().filename(document.name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                    .header("X-Content-SM3", document.sm3())
                    .contentType(org.springframework.http.MediaType.parseMediaType(document.contentType()))
                    .contentLength(document.size())
                    .body(new org.springframework.core.io.FileSystemResource(file));
        }
    }

    /**
     * Adds a document, streamed from {@code content}. {@code declaredSize} (the Content-Length, or -1) lets an
     * oversized upload be refused before a byte is read.
     */
    public Document upload(UUID tenderId, String name, String contentType, long declaredSize, InputStream content,
            CurrentUser user) {
        TenderView tender = tenders.asOwner(tenderId, user);
        if (tender.status() == TenderStatus.BIDDING_CLOSED || tender.status() == TenderStatus.TERMINATED) {
            throw new DomainException(TenderingError.INVALID_TENDER_STATE);
        }
        String clean = name == null ? "" : name.strip().replaceAll("[\\\\/\\p{Cntrl}]", "_");
        if (clean.isEmpty() || clean.length() > 200) {
            throw new DomainException(TenderingError.INVALID_DOCUMENT_NAME);
        }
        if (declaredSize > maxSize) {
            throw new DomainException(TenderingError.DOCUMENT_TOO_LARGE, declaredSize, maxSize);
        }
        try (FileStore.Upload upload = files.store(content, maxSize)) {
            return record(tenderId, tender, clean, contentType, upload.stored(), user);
        } catch (FileStore.TooLargeException e) {
            throw new DomainException(TenderingError.DOCUMENT_TOO_LARGE, declaredSize, maxSize);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Document record(UUID tenderId, TenderView tender, String clean, String contentType, FileStore.Stored stored,
            CurrentUser user) {
        String type = mediaType(contentType);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        return tx.execute(s -> {
            try {
                jdbc.sql("""
                        INSERT INTO tender_document (id, tender_id, name, content_type, size_bytes, sm3, uploaded_at, uploaded_by)
                        VALUES (:id, :t, :name, :type, :size, :sm3, :at, :by)""")
                        .param("id", id).param("t", tenderId).param("name", clean).param("type", type)
                        .param("size", stored.size()).param("sm3", stored.sm3()).param("at", now.atOffset(ZoneOffset.UTC))
                        .param("by", user.username()).update();
            } catch (DuplicateKeyException e) {
                throw new DomainException(TenderingError.DOCUMENT_NAME_TAKEN, clean);
            }
            files.reference(stored.sm3(), "tendering.document:" + id);
            auditLog.record(AuditRecord.of("tendering.document.added", tenderId.toString(), tender.regionCode(), user.actor(),
                    Map.of("documentId", id.toString(), "name", clean, "size", stored.size(), "sm3", stored.sm3())));
            if (tender.status() != TenderStatus.DRAFT) {
                // A document added after publication amends the tender documents: it is a clarification that affects
                // bid preparation, and moves the deadline if fewer than 15 days remain (Law 23, Reg. 21).
                tenders.clarify(tenderId, "招标文件补充：" + clean + "（SM3 " + stored.sm3() + "）", true, user);
            }
            return new Document(id, tenderId, clean, type, stored.size(), stored.sm3(), now);
        });
    }

    /** The uploader's content type if it is a well-formed media type, else application/octet-stream. */
    static String mediaType(String given) {
        if (given == null || given.length() > 100) {
            return "application/octet-stream";
        }
        try {
            return org.springframework.http.MediaType.parseMediaType(given).toString();
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            return "application/octet-stream";
        }
    }

    /** A tender's documents, for whoever may see the tender. */
    public List<Document> list(UUID tenderId, CurrentUser user) {
        tenders.get(tenderId, user);
        return jdbc.sql("""
                SELECT id, tender_id, name, content_type, size_bytes, sm3, uploaded_at FROM tender_document
                WHERE tender_id = :t ORDER BY uploaded_at, name""").param("t", tenderId)
                .query((rs, i) -> new Document(rs.getObject("id", UUID.class), rs.getObject("tender_id", UUID.class),
                        rs.getString("name"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sm3"),
                        rs.getObject("uploaded_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * The SM3 of each of a tender's documents (public once the tender is, as {@link #list} shows them): for other
     * contexts that compare bids against the documents' own text (sealing's Art. 40 evidence leaves out what every
     * bidder copies from the documents).
     */
    public List<String> documentSm3s(UUID tenderId) {
        return jdbc.sql("SELECT sm3 FROM tender_document WHERE tender_id = :t ORDER BY uploaded_at, name").param("t", tenderId)
                .query(String.class).list();
    }

    /**
     * A document for download: registered bidders while the documents are available (the download is recorded with
     * {@code ip}), the owners and the region's staff at any time.
     */
    public Download download(UUID tenderId, UUID documentId, String ip, CurrentUser user) {
        TenderView tender = tenders.get(tenderId, user);
        Document document = list(tenderId, user).stream().filter(d -> d.id().equals(documentId)).findFirst()
                .orElseThrow(() -> new DomainException(CommonError.NOT_FOUND));
        if (user == null) {
            throw new DomainException(TenderingError.NOT_REGISTERED, tenderId);
        }
        if (user.role() == Role.BIDDER) {
            RegistrationView mine = registrations.mine(tenderId, user);
            Instant now = clock.instant();
            if (now.isAfter(tender.terms().documentsAvailableUntil()) || !now.isBefore(tender.bidDeadline())) {
                throw new DomainException(TenderingError.DOCUMENTS_UNAVAILABLE);
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("documentId", documentId.toString());
            payload.put("sm3", document.sm3());
            payload.put("bidderId", mine.bidderId().toString());
            payload.put("ip", ip);
            tx.executeWithoutResult(s -> confidential.record(UUID.randomUUID(), AuditRecord.of("tendering.document.downloaded",
                    tenderId.toString(), tender.regionCode(), user.actor(), payload)));
        } else if (!tenders.mayInspect(tenderId, user)) {
            throw new DomainException(TenderingError.NOT_REGISTERED, tenderId);
        }
        Path file = files.find(document.sm3()).orElseThrow(() -> new IllegalStateException("document file missing: " + document.sm3()));
        return new Download(document, file);
    }
}
