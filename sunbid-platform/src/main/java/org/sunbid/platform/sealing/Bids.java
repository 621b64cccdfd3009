package org.sunbid.platform.sealing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.log.ReceiptBatch;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.audit.ConfidentialRecords;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.FileStore;
import org.sunbid.platform.parties.Certificates;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.payments.Deposits;
import org.sunbid.platform.sealing.domain.SealedBid;
import org.sunbid.platform.tendering.DepositTerms;
import org.sunbid.platform.tendering.Registrations;
import org.sunbid.platform.tendering.Tenders;
import org.sunbid.platform.trust.PlatformIdentity;
import org.sunbid.platform.trust.ReceiptSigner;
import org.sunbid.sealing.Envelope;
import org.sunbid.sealing.Withdrawal;

/**
 * Bid submission (投标): a sealed envelope, streamed to the file store with bounded memory, checked without opening
 * (structure, the bidder's signature, this tender and its opening key, the bidder's registered certificate), and
 * accepted only from a registered bidder with a settled deposit, strictly before the deadline by the platform's clock
 * at the moment the whole envelope has arrived (tendering's rule, {@code DepositTerms.acceptsBids}: never while the
 * tender is suspended). The envelope is durable in the file store before the receipt is signed. Replacing and
 * withdrawing are allowed until then — a withdrawal only on the bidder's signed statement — and the last valid
 * envelope counts. Each acceptance is a confidential record (the count of bids is as secret as that of registrations,
 * Law 22) and earns a platform-signed receipt, which gains its log inclusion once the record is committed.
 *
 * <p>The rules are the aggregate's ({@link SealedBid}); this service streams and verifies the envelope, asks the other
 * contexts what the aggregate needs (registration, deposit, the tender's terms), loads the bidder's bid under its lock,
 * lets the aggregate decide, saves it ({@code SealedBidRepository}), signs the receipt and records it.
 */
@Service
public class Bids {

    private final SealedBidRepository repository;
    private final FileStore files;
    private final Tenders tenders;
    private final Registrations registrations;
    private final Deposits deposits;
    private final Certificates certificates;
    private final TenderKeys keys;
    private final ConfidentialRecords confidential;
    private final PlatformIdentity platform;
    private final Organisations organisations;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;
    private final BiddingCredit credit;
    private final ArrivalSealing arrival;
    private final Clock clock;
    private final long maxSize;
    private final int maxReplacements;
    private final LiveBidding liveBidding;
    private final EvidenceVault evidenceVault;
    private final ReceiptSigner receiptSigner;

    Bids(SealedBidRepository repository, FileStore files, Tenders tenders, Registrations registrations, Deposits deposits,
            Certificates certificates, TenderKeys keys, ConfidentialRecords confidential, PlatformIdentity platform,
            Organisations organisations, TransactionTemplate tx, ArrivalSealing arrival, Clock clock, @Value("${sunbid.sealing.max-envelope-size:1073741824}") long maxSize,
            @Value("${sunbid.sealing.max-replacements:10}") int maxReplacements, LiveBidding liveBidding,
            EvidenceVault evidenceVault, BiddingCredit credit, ReceiptSigner receiptSigner) {
        this.receiptSigner = receiptSigner;
        this.credit = credit;
        this.evidenceVault = evidenceVault;
        this.liveBidding = liveBidding;
        this.repository = repository;
        this.files = files;
        this.tenders = tenders;
        this.registrations = registrations;
        this.deposits = deposits;
        this.certificates = certificates;
        this.keys = keys;
        this.confidential = confidential;
        this.platform = platform;
        this.organisations = organisations;
        this.tx = tx;
        this.readOnly = new TransactionTemplate(tx.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.arrival = arrival;
        this.clock = clock;
        this.maxSize = maxSize;
        this.maxReplacements = maxReplacements;
    }

    /** Receives an envelope from the calling bidder; {@code declaredSize} is the Content-Length or -1. */
    public BidReceipt submit(UUID tenderId, InputStream body, long declaredSize, String ip, CurrentUser user) {
        SealedBid.Bidder bidder = precheck(tenderId, declaredSize, user);
        return store(tenderId, body, ip, user, bidder, false);
    }

    /**
     * Refuses, before the body is read, what the aggregate would refuse once it has arrived; returns the bidder as the
     * aggregate needs to know it: registered (tendering's registration, NOT_REGISTERED otherwise) and whether its
     * deposit is settled (payments).
     *
     * <p>Issue 21: all of these reads share one read-only transaction, i.e. one connection borrowed from the pool per
     * upload instead of one per read (registration, tender, credit records, deposit, the bidder's bid, the lot's rules:
     * a dozen borrows, and in a deadline surge most request threads were waiting in the pool). Nothing here is cached:
     * registration, deposit, credit restrictions and the tender's state can change at any moment, and each is read
     * from the database as before (read committed: each statement sees what is committed when it runs). The accepting
     * transaction checks the revocable facts again at the upload instant.
     */
    private SealedBid.Bidder precheck(UUID tenderId, long declaredSize, CurrentUser user) {
        if (user == null || user.role() != Role.BIDDER || user.organisationId() == null) {
            throw new DomainException(org.sunbid.platform.kernel.CommonError.FORBIDDEN);
        }
        return readOnly.execute(status -> precheckReads(tenderId, declaredSize, user));
    }

    private SealedBid.Bidder precheckReads(UUID tenderId, long declaredSize, CurrentUser user) {
        if (liveBidding.live(tenderId, clock.instant())) {
            // issue 17: the lot's rules hold LIVE_BIDDING; bids go to the auction room, never into an envelope
            throw new DomainException(SealingError.LIVE_BIDDING_NO_SEALED_BIDS);
        }
        registrations.mine(tenderId, user); // NOT_REGISTERED otherwise
        // the tender read once for the whole check (TENDER_NOT_FOUND here): the credit gate's region, the deposit's
        // guarantee period and the aggregate's deadline all come from these terms (issue 21: it was read three times)
        DepositTerms terms = tenders.depositTerms(tenderId);
        // issue 20: refused before the body is read where a record bars it now; again at the upload instant below
        credit.require(tenderId, user.organisationId(), clock.instant(), terms.regionCode(), user.actor());
        SealedBid.Bidder bidder = new SealedBid.Bidder(user.organisationId(), true,
                deposits.settledForBidding(tenderId, user, terms));
        repository.find(tenderId, user.organisationId()).checkAcceptable(terms, bidder, clock.instant(), maxReplacements);
        if (declaredSize > maxSize) {
            throw new DomainException(SealingError.ENVELOPE_TOO_LARGE, maxSize);
        }
        return bidder;
    }

    /**
     * The web path: one bid file arrives in plain text and is sealed while it streams in — encrypted to the tender's
     * opening key before anything is written, so the plaintext never touches the disk. A browser cannot sign with the
     * bidder's certificate, so the platform signs the envelope, and the receipt says it was sealed on arrival for the
     * signed-in account.
     */
    public BidReceipt sealOnArrival(UUID tenderId, String fileName, String priceSheet, InputStream plain, long declaredSize,
            String ip, CurrentUser user) {
        SealedBid.Bidder bidder = precheck(tenderId, declaredSize, user);
        PriceSheets.check(priceSheet); // an amount of absurd size never reaches the envelope
        return arrival.seal(tenderId, fileName, priceSheet, plain, maxSize,
                org.sunbid.crypto.Pem.publicKey(keys.keyOf(tenderId).publicKeyPem()), ip, user,
                sealed -> store(tenderId, sealed, ip, user, bidder, true));
    }

    private BidReceipt store(UUID tenderId, InputStream body, String ip, CurrentUser user, SealedBid.Bidder bidder,
            boolean sealedOnArrival) {
        // The store keeps the file if anything refers to it (the same bytes may be another party's document) and
        // removes it on failure only if this upload created it; a refused envelope is never kept.
        try (FileStore.Written<Envelope.Verified> upload = EnvelopeIntake.store(files, body, maxSize)) {
            BidReceipt receipt = accept(tenderId, upload.value(), ip, user, bidder, sealedOnArrival);
            upload.upload().keep(); // the bid's reference to the file is committed with it
            return receipt;
        } catch (FileStore.TooLargeException e) {
            throw new DomainException(SealingError.ENVELOPE_TOO_LARGE, maxSize);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Accepts an envelope stored and verified in one pass ({@link EnvelopeIntake}), durable already. */
    private BidReceipt accept(UUID tenderId, Envelope.Verified envelope, String ip, CurrentUser user, SealedBid.Bidder bidder,
            boolean sealedOnArrival) {
        String keySm3 = keys.keyOf(tenderId).sm3(); // kept in memory once read: a tender's opening key never changes
        if (!envelope.header().tenderId().equals(tenderId) || !envelope.header().openingKeySm3().equals(keySm3)) {
            throw new DomainException(SealingError.ENVELOPE_WRONG_TENDER);
        }
        if (sealedOnArrival && !envelope.header().bidder().equals(platform.certificate())) {
            throw new DomainException(SealingError.ENVELOPE_SIGNER_NOT_BIDDER);
        }
        // Issue 21: the signer's certificate is read in the accepting transaction (one connection borrow for both, and
        // a revocation is seen as late as the upload instant); it is never cached, since certificates are revoked.
        return tx.execute(status -> {
            UUID certificateId = sealedOnArrival // signed by the platform on the bidder's behalf: the bidder's certificate in force
                    ? certificates.inForce(user.organisationId()).map(Certificates.InForce::id)
                            .orElseThrow(() -> new DomainException(SealingError.ENVELOPE_SIGNER_NOT_BIDDER))
                    : certificates.activeOf(user.organisationId(), envelope.header().bidder())
                            .orElseThrow(() -> new DomainException(SealingError.ENVELOPE_SIGNER_NOT_BIDDER));
            DepositTerms terms = tenders.depositTermsHeld(tenderId); // closing waits for this acceptance
            Instant now = clock.instant(); // the moment the whole envelope is in and checked
            credit.require(tenderId, user.organisationId(), now, terms.regionCode(), user.actor()); // at the upload instant
            SealedBid bid = repository.lock(tenderId, user.organisationId()); // uploads in parallel count too
            UUID bidId = UUID.randomUUID();
            bid.receive(bidId, envelope.sm3(), terms, bidder, now, maxReplacements);
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
            // Signed with its batch (see BidReceipt) while this transaction holds its connection (the signer's merge
            // delay, 1 ms, plus one SM2 signature per batch). Issue 21 asked whether to sign after commit instead; not
            // done: the receipt names bidId and receivedAt, decided here under the bid's lock, so it can only be
            // signed after they are fixed; signing after commit would need a second transaction to store the proof
            // (one more borrow, not one fewer), an UPDATE of the append-only bid row, and a recovery path for a bid
            // committed without its proof (kill -9 between the two). As it is, a proof exists only inside a
            // transaction that stores it with the bid, and the client gets it only after that commit: every receipt a
            // client holds has its bid (SurgeCrashIT); a rollback after signing leaves a proof nobody ever received.
            ReceiptBatch.Proof batch = receiptSigner.sign(receiptJson);
            // The source address is kept only as its keyed hash (Art. 40's comparison needs equality, nobody the address).
            repository.save(bid, new SealedBidRepository.Received(envelope.size(), certificateId,
                    evidenceVault.uploadAddress(tenderId, ip), user.username(),
                    receiptJson, null, batch.toJson()));
            files.reference(envelope.sm3(), fileHolder(bidId));
            confidential.record(bidId, AuditRecord.of(RECEIVED, tenderId.toString(), terms.regionCode(),
                    user.actor(), Map.of("bidId", bidId.toString(), "envelopeSm3", envelope.sm3(), "receiptSm3", Sm3.hex(receiptJson))));
            return new BidReceipt(receiptJson, null, Sm3.hex(platformCertificate()), null, batch);
        });
    }

    /**
     * The statement the caller signs to withdraw its valid bid (for a page that cannot sign: the bidder signs it with
     * {@code sunbid-bidder sign} and pastes the signature back).
     */
    public String withdrawalStatement(UUID tenderId, CurrentUser user) {
        if (user == null || user.organisationId() == null) {
            throw new DomainException(SealingError.BID_NOT_FOUND);
        }
        String sm3 = repository.find(tenderId, user.organisationId()).live().map(SealedBid.Envelope::sm3)
                .orElseThrow(() -> new DomainException(SealingError.BID_NOT_FOUND));
        return new Withdrawal(tenderId, sm3, clock.instant(), creditCode(user)).statement();
    }

    /**
     * Withdraws the caller's valid bid (before the deadline, Law 29) on the bidder's signed statement: the canonical
     * {@link Withdrawal} naming this tender, this very envelope and the bidder's credit code, signed SM3withSM2 by a
     * registered, valid, trusted certificate of the bidder ({@code certificatePem}, or the one in force when null).
     * The withdrawal is kept as signed, is a confidential record like the bid, and earns a platform-signed receipt.
     */
    public BidReceipt withdraw(UUID tenderId, String statement, String signature, String certificatePem, String ip, CurrentUser user) {
        if (user == null || user.role() != Role.BIDDER || user.organisationId() == null) {
            throw new DomainException(SealingError.BID_NOT_FOUND);
        }
        tenders.depositTerms(tenderId); // TENDER_NOT_FOUND first
        if (statement == null || statement.isBlank() || signature == null || signature.isBlank()) {
            throw new DomainException(SealingError.WITHDRAWAL_UNSIGNED);
        }
        Withdrawal withdrawal;
        try {
            withdrawal = Withdrawal.parse(statement.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException(SealingError.WITHDRAWAL_INVALID);
        }
        if (!withdrawal.tenderId().equals(tenderId) || !withdrawal.bidderCreditCode().equals(creditCode(user))) {
            throw new DomainException(SealingError.WITHDRAWAL_INVALID);
        }
        java.security.cert.X509Certificate certificate;
        try {
            // Without a certificate named, the bidder's certificate in force whose key made the signature (an
            // organisation may hold several, one per USB key).
            certificate = certificatePem == null || certificatePem.isBlank()
                    ? certificates.allInForce(user.organisationId()).stream().map(Certificates.InForce::certificate)
                            .filter(c -> withdrawal.verify(c.getPublicKey(), signature)).findFirst().orElse(null)
                    : org.sunbid.crypto.Pem.certificate(certificatePem);
        } catch (java.security.cert.CertificateException | RuntimeException e) {
            certificate = null;
        }
        UUID signedBy = certificate == null ? null : certificates.activeOf(user.organisationId(), certificate).orElse(null);
        if (signedBy == null || !withdrawal.verify(certificate.getPublicKey(), signature)) {
            throw new DomainException(SealingError.WITHDRAWAL_SIGNATURE_INVALID);
        }
        String signerPem = org.sunbid.crypto.Pem.encode(certificate);
        return tx.execute(status -> {
            DepositTerms terms = tenders.depositTermsHeld(tenderId);
            Instant now = clock.instant();
            SealedBid bid = repository.lock(tenderId, user.organisationId());
            SealedBid.Envelope withdrawn = bid.withdraw(withdrawal.envelopeSm3(), terms, now);
            UUID withdrawalId = UUID.randomUUID();
            String statementText = withdrawal.statement();
            Map<String, Object> receipt = new LinkedHashMap<>();
            receipt.put("type", "sunbid.withdrawal-receipt");
            receipt.put("tenderId", tenderId.toString());
            receipt.put("bidId", withdrawn.id().toString());
            receipt.put("withdrawalId", withdrawalId.toString());
            receipt.put("bidderId", user.organisationId().toString());
            receipt.put("envelopeSm3", withdrawn.sm3());
            receipt.put("statementSm3", Sm3.hex(statementText));
            receipt.put("receivedAt", now.toString());
            String receiptJson = CanonicalJson.write(receipt);
            ReceiptBatch.Proof batch = receiptSigner.sign(receiptJson);
            repository.saveWithdrawal(bid, withdrawn.id(), now, new SealedBidRepository.SignedWithdrawal(withdrawalId,
                    statementText, signature.strip(), signedBy, signerPem, evidenceVault.uploadAddress(tenderId, ip), user.username(),
                    receiptJson, null, batch.toJson()));
            confidential.record(withdrawalId, AuditRecord.of(WITHDRAWN, tenderId.toString(), terms.regionCode(), user.actor(),
                    Map.of("bidId", withdrawn.id().toString(), "envelopeSm3", withdrawn.sm3(), "statementSm3", Sm3.hex(statementText),
                            "receiptSm3", Sm3.hex(receiptJson))));
            return new BidReceipt(receiptJson, null, Sm3.hex(platformCertificate()), null, batch);
        });
    }

    /** The receipt of the caller's latest withdrawal on this tender, with its log commitment once committed. */
    public BidReceipt myWithdrawal(UUID tenderId, CurrentUser user) {
        if (user == null || user.organisationId() == null) {
            throw new DomainException(SealingError.BID_NOT_FOUND);
        }
        SealedBidRepository.StoredReceipt row = repository.latestWithdrawalReceipt(tenderId, user.organisationId())
                .orElseThrow(() -> new DomainException(SealingError.BID_NOT_FOUND));
        return new BidReceipt(row.receipt(), row.signature(), Sm3.hex(platformCertificate()),
                confidential.disclosure(row.id()).map(ConfidentialRecords.Disclosure::toMap).orElse(null), row.batch());
    }

    /** The action of a received bid's confidential record. */
    public static final String RECEIVED = "sealing.bid.received";
    /** The action of a signed withdrawal's confidential record. */
    public static final String WITHDRAWN = "sealing.bid.withdrawn";

    private String creditCode(CurrentUser user) {
        return organisations.find(user.organisationId()).map(o -> o.creditCode().value())
                .orElseThrow(() -> new DomainException(SealingError.BID_NOT_FOUND));
    }

    /** The receipt of the caller's valid bid, with its log commitment once committed. */
    public BidReceipt myReceipt(UUID tenderId, CurrentUser user) {
        if (user == null || user.organisationId() == null) {
            throw new DomainException(SealingError.BID_NOT_FOUND);
        }
        SealedBidRepository.StoredReceipt row = repository.liveReceipt(tenderId, user.organisationId())
                .orElseThrow(() -> new DomainException(SealingError.BID_NOT_FOUND));
        return new BidReceipt(row.receipt(), row.signature(), Sm3.hex(platformCertificate()),
                confidential.disclosure(row.id()).map(ConfidentialRecords.Disclosure::toMap).orElse(null), row.batch());
    }

    private byte[] platformCertificate() {
        try {
            return platform.certificate().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How bid envelopes name themselves to the file store. */
    static String fileHolder(UUID bidId) {
        return "sealing.bid:" + bidId;
    }
}
