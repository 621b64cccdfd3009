package org.sunbid.platform.sealing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.audit.ConfidentialRecords;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.FileStore;
import org.sunbid.platform.parties.Certificates;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.payments.DepositView;
import org.sunbid.platform.payments.Deposits;
import org.sunbid.platform.tendering.DepositTerms;
import org.sunbid.platform.tendering.Registrations;
import org.sunbid.platform.tendering.TenderStatus;
import org.sunbid.platform.tendering.Tenders;
import org.sunbid.platform.trust.PlatformIdentity;
import org.sunbid.sealing.Envelope;
import org.sunbid.sealing.EnvelopeException;

/**
 * Bid submission (投标): a sealed envelope, streamed to the file store with bounded memory, checked without opening
 * (structure, the bidder's signature, this tender and its opening key, the bidder's registered certificate), and
 * accepted only from a registered bidder with a settled deposit, strictly before the deadline by the platform's clock
 * at the moment the whole envelope has arrived. Replacing and withdrawing are allowed until then; the last valid
 * envelope counts. Each acceptance is a confidential record (the count of bids is as secret as that of registrations,
 * Law 22) and earns a platform-signed receipt, which gains its log inclusion once the record is committed.
 */
@Service
public class Bids {

    private final JdbcClient jdbc;
    private final FileStore files;
    private final Tenders tenders;
    private final Registrations registrations;
    private final Deposits deposits;
    private final Certificates certificates;
    private final TenderKeys keys;
    private final ConfidentialRecords confidential;
    private final PlatformIdentity platform;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final long maxSize;
    private final int maxReplacements;

    Bids(JdbcClient jdbc, FileStore files, Tenders tenders, Registrations registrations, Deposits deposits,
            Certificates certificates, TenderKeys keys, ConfidentialRecords confidential, PlatformIdentity platform,
            TransactionTemplate tx, Clock clock, @Value("${sunbid.sealing.max-envelope-size:1073741824}") long maxSize,
            @Value("${sunbid.sealing.max-replacements:10}") int maxReplacements) {
        this.jdbc = jdbc;
        this.files = files;
        this.tenders = tenders;
        this.registrations = registrations;
        this.deposits = deposits;
        this.certificates = certificates;
        this.keys = keys;
        this.confidential = confidential;
        this.platform = platform;
        this.tx = tx;
        this.clock = clock;
        this.maxSize = maxSize;
        this.maxReplacements = maxReplacements;
    }

    /** Receives an envelope from the calling bidder; {@code declaredSize} is the Content-Length or -1. */
    public BidReceipt submit(UUID tenderId, InputStream body, long declaredSize, String ip, CurrentUser user) {
        precheck(tenderId, declaredSize, user);
        return store(tenderId, body, ip, user, false);
    }

    private void precheck(UUID tenderId, long declaredSize, CurrentUser user) {
        if (user == null || user.role() != Role.BIDDER || user.organisationId() == null) {
            throw new DomainException(org.sunbid.platform.kernel.CommonError.FORBIDDEN);
        }
        registrations.mine(tenderId, user); // NOT_REGISTERED otherwise
        checkOpen(tenders.depositTerms(tenderId), clock.instant());
        checkDeposit(tenderId, user);
        checkReplacements(tenderId, user); // also before the body is read
        if (declaredSize > maxSize) {
            throw new DomainException(SealingError.ENVELOPE_TOO_LARGE, maxSize);
        }
    }

    /**
     * The web path: one bid file arrives in plain text and is sealed while it streams in — encrypted to the tender's
     * opening key before anything is written, so the plaintext never touches the disk. A browser cannot sign with the
     * bidder's certificate, so the platform signs the envelope, and the receipt says it was sealed on arrival for the
     * signed-in account.
     */
    public BidReceipt sealOnArrival(UUID tenderId, String fileName, String priceSheet, InputStream plain, long declaredSize,
            String ip, CurrentUser user) {
        precheck(tenderId, declaredSize, user);
        PriceSheets.check(priceSheet); // an amount of absurd size never reaches the envelope
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("tool", "sunbid web (sealed on arrival)");
        metadata.put("sealedFor", user.username());
        metadata.put("uploadIp", ip == null ? "" : ip);
        Path sealed = null;
        try {
            sealed = Files.createTempFile("sealed-on-arrival", ".sbenv"); // ciphertext only
            try (OutputStream out = Files.newOutputStream(sealed)) {
                Envelope.sealStream(tenderId, priceSheet, metadata, fileName, new LimitedInput(plain, maxSize),
                        org.sunbid.crypto.Pem.publicKey(keys.view(tenderId).publicKeyPem()), platform::sign,
                        platform.certificate(), clock.instant(), out);
            }
            try (InputStream in = Files.newInputStream(sealed)) {
                return store(tenderId, in, ip, user, true);
            }
        } catch (LimitedInput.TooLarge e) {
            throw new DomainException(SealingError.ENVELOPE_TOO_LARGE, maxSize);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("not an acceptable file name")) {
                throw new DomainException(SealingError.ENVELOPE_INVALID, org.sunbid.sealing.EnvelopeDefect.UNACCEPTABLE_CONTENT);
            }
            throw new UncheckedIOException(e);
        } finally {
            if (sealed != null) {
                try {
                    Files.deleteIfExists(sealed);
                } catch (IOException e) {
                    // a temporary ciphertext; harmless
                }
            }
        }
    }

    /** Reads at most {@code limit} bytes, then refuses. */
    private static final class LimitedInput extends java.io.FilterInputStream {
        static final class TooLarge extends IOException {
        }

        private long left;

        LimitedInput(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && --left < 0) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0 && (left -= n) < 0) {
                throw new TooLarge();
            }
            return n;
        }
    }

    private BidReceipt store(UUID tenderId, InputStream body, String ip, CurrentUser user, boolean sealedOnArrival) {
        // The store keeps the file if anything refers to it (the same bytes may be another party's document) and
        // removes it on failure only if this upload created it.
        try (FileStore.Upload upload = files.store(body, maxSize)) {
            return accept(tenderId, upload, ip, user, sealedOnArrival);
        } catch (FileStore.TooLargeException e) {
            throw new DomainException(SealingError.ENVELOPE_TOO_LARGE, maxSize);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BidReceipt accept(UUID tenderId, FileStore.Upload upload, String ip, CurrentUser user, boolean sealedOnArrival) {
        Path file = upload.path();
        Envelope.Verified envelope;
        try (InputStream in = Files.newInputStream(file)) {
            envelope = Envelope.verify(in);
        } catch (EnvelopeException e) {
            throw new DomainException(SealingError.ENVELOPE_INVALID, e.defect());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OpeningKeyView key = keys.view(tenderId);
        if (!envelope.header().tenderId().equals(tenderId) || !envelope.header().openingKeySm3().equals(key.keySm3())) {
            throw new DomainException(SealingError.ENVELOPE_WRONG_TENDER);
        }
        UUID certificateId;
        if (sealedOnArrival) { // signed by the platform on the bidder's behalf; recorded against the bidder's certificate in force
            if (!envelope.header().bidder().equals(platform.certificate())) {
                throw new DomainException(SealingError.ENVELOPE_SIGNER_NOT_BIDDER);
            }
            certificateId = certificates.inForce(user.organisationId()).map(Certificates.InForce::id)
                    .orElseThrow(() -> new DomainException(SealingError.ENVELOPE_SIGNER_NOT_BIDDER));
        } else {
            certificateId = certificates.activeOf(user.organisationId(), envelope.header().bidder())
                    .orElseThrow(() -> new DomainException(SealingError.ENVELOPE_SIGNER_NOT_BIDDER));
        }
        return tx.execute(status -> {
            DepositTerms terms = tenders.depositTermsHeld(tenderId); // closing waits for this acceptance
            Instant now = clock.instant(); // the moment the whole envelope is in and checked
            checkOpen(terms, now);
            checkReplacements(tenderId, user); // again under the tender's lock: uploads in parallel count too
            OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
            jdbc.sql("""
                    UPDATE bid_envelope SET status = 'REPLACED', status_at = :at
                    WHERE tender_id = :t AND bidder_id = :b AND status = 'VALID'""")
                    .param("at", at).param("t", tenderId).param("b", user.organisationId()).update();
            UUID bidId = UUID.randomUUID();
            Map<String, Object> receipt = new LinkedHashMap<>();
            receipt.put("type", "sunbid.bid-receipt");
            receipt.put("tenderId", tenderId.toString());
            receipt.put("bidId", bidId.toString());
            receipt.put("bidderId", user.organisationId().toString());
            receipt.put("envelopeSm3", envelope.sm3());
            receipt.put("size", envelope.size());
            receipt.put("receivedAt", now.toString());
            receipt.put("sealedBy", sealedOnArrival ? "platform-on-arrival" : "bidder");
            String receiptJson = CanonicalJson.write(receipt);
            String signature = Base64.getEncoder().encodeToString(platform.sign(receiptJson.getBytes(StandardCharsets.UTF_8)));
            try {
                jdbc.sql("""
                        INSERT INTO bid_envelope (id, tender_id, bidder_id, envelope_sm3, size_bytes, certificate_id, received_at,
                                                  received_ip, received_by, status, status_at, receipt, receipt_signature)
                        VALUES (:id, :t, :b, :sm3, :size, :cert, :at, :ip, :by, 'VALID', :at, :receipt, :sig)""")
                        .param("id", bidId).param("t", tenderId).param("b", user.organisationId()).param("sm3", envelope.sm3())
                        .param("size", envelope.size()).param("cert", certificateId).param("at", at)
                        .param("ip", ip == null ? "" : ip).param("by", user.username()).param("receipt", receiptJson)
                        .param("sig", signature).update();
            } catch (DuplicateKeyException e) {
                throw new DomainException(SealingError.ENVELOPE_ALREADY_RECEIVED);
            }
            files.reference(envelope.sm3(), fileHolder(bidId));
            confidential.record(bidId, AuditRecord.of("sealing.bid.received", tenderId.toString(), terms.regionCode(),
                    user.actor(), Map.of("bidId", bidId.toString(), "envelopeSm3", envelope.sm3(), "receiptSm3", Sm3.hex(receiptJson))));
            return new BidReceipt(receiptJson, signature, Sm3.hex(platformCertificate()), null);
        });
    }

    /** Withdraws the caller's valid bid (before the deadline). */
    public void withdraw(UUID tenderId, CurrentUser user) {
        if (user == null || user.organisationId() == null) {
            throw new DomainException(SealingError.BID_NOT_FOUND);
        }
        tx.executeWithoutResult(status -> {
            DepositTerms terms = tenders.depositTermsHeld(tenderId);
            Instant now = clock.instant();
            checkOpen(terms, now);
            UUID id = jdbc.sql("""
                    UPDATE bid_envelope SET status = 'WITHDRAWN', status_at = :at
                    WHERE tender_id = :t AND bidder_id = :b AND status = 'VALID' RETURNING id""")
                    .param("at", now.atOffset(ZoneOffset.UTC)).param("t", tenderId).param("b", user.organisationId())
                    .query(UUID.class).optional().orElseThrow(() -> new DomainException(SealingError.BID_NOT_FOUND));
            confidential.record(UUID.randomUUID(), AuditRecord.of("sealing.bid.withdrawn", tenderId.toString(), terms.regionCode(),
                    user.actor(), Map.of("bidId", id.toString())));
        });
    }

    /** The receipt of the caller's valid bid, with its log commitment once committed. */
    public BidReceipt myReceipt(UUID tenderId, CurrentUser user) {
        if (user == null || user.organisationId() == null) {
            throw new DomainException(SealingError.BID_NOT_FOUND);
        }
        record Row(UUID id, String receipt, String signature) {
        }
        Row row = jdbc.sql("""
                SELECT id, receipt, receipt_signature FROM bid_envelope
                WHERE tender_id = :t AND bidder_id = :b AND status = 'VALID'""")
                .param("t", tenderId).param("b", user.organisationId())
                .query((rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).optional()
                .orElseThrow(() -> new DomainException(SealingError.BID_NOT_FOUND));
        return new BidReceipt(row.receipt(), row.signature(), Sm3.hex(platformCertificate()),
                confidential.disclosure(row.id()).map(ConfidentialRecords.Disclosure::toMap).orElse(null));
    }

    private byte[] platformCertificate() {
        try {
            return platform.certificate().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkOpen(DepositTerms terms, Instant now) {
        if (terms.status() != TenderStatus.PUBLISHED && terms.status() != TenderStatus.SUSPENDED
                || !now.isBefore(terms.bidDeadline())) {
            throw new DomainException(SealingError.BIDDING_CLOSED);
        }
    }

    /**
     * Each envelope a bidder sends stays (replaced or withdrawn ones too, until the deadline): the first bid and at
     * most {@code sunbid.sealing.max-replacements} more, so nobody can fill the store through one registration.
     */
    private void checkReplacements(UUID tenderId, CurrentUser user) {
        long sent = jdbc.sql("SELECT COUNT(*) FROM bid_envelope WHERE tender_id = :t AND bidder_id = :b")
                .param("t", tenderId).param("b", user.organisationId()).query(Long.class).single();
        if (sent > maxReplacements) {
            throw new DomainException(SealingError.BID_REPLACEMENTS_EXHAUSTED, maxReplacements);
        }
    }

    private void checkDeposit(UUID tenderId, CurrentUser user) {
        DepositView deposit;
        try {
            deposit = deposits.mine(tenderId, user);
        } catch (DomainException e) {
            throw new DomainException(SealingError.DEPOSIT_NOT_SETTLED);
        }
        boolean guaranteeShort = deposit.guarantee() != null && !deposit.guarantee().coversBidValidity();
        if (!deposit.status().settled() || guaranteeShort) {
            throw new DomainException(SealingError.DEPOSIT_NOT_SETTLED);
        }
    }

    /** How bid envelopes name themselves to the file store. */
    static String fileHolder(UUID bidId) {
        return "sealing.bid:" + bidId;
    }
}
