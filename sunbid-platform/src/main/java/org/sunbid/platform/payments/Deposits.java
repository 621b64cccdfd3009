package org.sunbid.platform.payments;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.audit.ConfidentialRecords;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.parties.BasicAccount;
import org.sunbid.platform.parties.BasicAccounts;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.tendering.BidderRegistered;
import org.sunbid.platform.tendering.BiddingClosed;
import org.sunbid.platform.tendering.DepositTerms;
import org.sunbid.platform.tendering.TenderStatus;
import org.sunbid.platform.tendering.Tenders;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payments context's API: deposit sub-accounts, bank notifications, guarantees, and who paid once bidding has
 * closed. Like registrations, deposits are confidential until then: every fact is a {@link ConfidentialRecords}
 * record, and only the bidder sees its own deposit.
 */
@Service
public class Deposits {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Deposits.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Banks banks;
    private final Tenders tenders;
    private final BasicAccounts basicAccounts;
    private final Organisations organisations;
    private final ConfidentialRecords confidential;
    private final AuditLog auditLog;
    private final Clock clock;
    private final JsonMapper json;
    /** The annual demand-deposit rate for Reg. 57's interest (中国人民银行活期存款基准利率 0.35% by default). */
    private final BigDecimal interestRate;
    /** The annual benchmark loan rate a late refund's charge is raised from (87号令 Art. 38; 1-year 4.35% by default). */
    private final BigDecimal benchmarkLoanRate;
    private final org.sunbid.platform.deals.Projects projects;
    private final org.sunbid.platform.deals.Procedures procedures;

    Deposits(JdbcClient jdbc, Banks banks, Tenders tenders, BasicAccounts basicAccounts, Organisations organisations,
            ConfidentialRecords confidential,
            AuditLog auditLog, Clock clock, JsonMapper json,
            @org.springframework.beans.factory.annotation.Value("${sunbid.payments.deposit-interest-rate:0.0035}") BigDecimal interestRate,
            @org.springframework.beans.factory.annotation.Value("${sunbid.payments.benchmark-loan-rate:0.0435}") BigDecimal benchmarkLoanRate,
            org.sunbid.platform.deals.Projects projects, org.sunbid.platform.deals.Procedures procedures) {
        this.interestRate = interestRate;
        this.benchmarkLoanRate = benchmarkLoanRate;
        this.projects = projects;
        this.procedures = procedures;
        this.jdbc = jdbc;
        this.banks = banks;
        this.tenders = tenders;
        this.basicAccounts = basicAccounts;
        this.organisations = organisations;
        this.confidential = confidential;
        this.auditLog = auditLog;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Opens the registration's deposit sub-account, in the registering transaction. It must share that transaction
     * (so it stays an {@code @EventListener}, not an after-commit {@code @ApplicationModuleListener}): closing waits for
     * a registration in flight (the tender's shared lock) and then discloses every registration with its deposit; an
     * account opened after the registration's commit could miss that disclosure, and a registered bidder would for a
     * while have nothing to pay into. The registration and its account commit together or not at all, and nothing
     * about them reaches the public log before bidding closes (Law 22).
     */
    @EventListener
    void on(BidderRegistered registered) {
        DepositTerms terms = tenders.depositTerms(registered.tenderId());
        Bank bank = banks.depositBank();
        DepositStatus status = terms.deposit().yuan().signum() == 0 ? DepositStatus.NOT_REQUIRED : DepositStatus.AWAITING;
        for (int attempt = 0; ; attempt++) {
            String number = subAccountNumber(bank.accountPrefix());
            int inserted = jdbc.sql("""
                    INSERT INTO deposit_account (id, registration_id, tender_id, bidder_id, bank_code, sub_account, status, opened_at)
                    VALUES (:id, :reg, :tender, :bidder, :bank, :sub, :status, :at) ON CONFLICT (sub_account) DO NOTHING""")
                    .param("id", UUID.randomUUID()).param("reg", registered.registrationId())
                    .param("tender", registered.tenderId()).param("bidder", registered.bidderId())
                    .param("bank", bank.code()).param("sub", number).param("status", status.name())
                    .param("at", utc(clock.instant())).update();
            if (inserted == 1) {
                return;
            }
            if (attempt >= 5) { // 10^12 numbers per bank: a sixth collision in a row means something else is wrong
                throw new IllegalStateException("no free sub-account number at bank " + bank.code());
            }
        }
    }

    /** A sub-account number: the bank's prefix, 12 random digits and a Luhn check digit. Never sequential. */
    static String subAccountNumber(String prefix) {
        StringBuilder digits = new StringBuilder(prefix);
        for (int i = 0; i < 12; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.append(luhn(digits)).toString();
    }

    static int luhn(CharSequence digits) {
        int sum = 0;
        boolean twice = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }

    /** The caller's own deposit for a tender. */
    public DepositView mine(UUID tenderId, CurrentUser user) {
        Account account = ownAccount(tenderId, user);
        return view(account, tenders.depositTerms(tenderId), false);
    }

    /**
     * Whether the caller's own deposit for a tender lets it bid: what {@link #mine} would show — its status settled, and
     * no guarantee that ends before the bid validity does — false where the caller has no deposit account. For the bid
     * upload, which has read the tender's {@code terms} already (one read of the tender per upload, not three) and needs
     * neither the payments nor the refunds.
     */
    public boolean settledForBidding(UUID tenderId, CurrentUser user, DepositTerms terms) {
        if (user == null || user.role() != Role.BIDDER || user.organisationId() == null) {
            return false;
        }
        Optional<Account> account = jdbc.sql(ACCOUNT_SELECT + " WHERE a.tender_id = :t AND a.bidder_id = :b")
                .param("t", tenderId).param("b", user.organisationId()).query(Deposits::account).optional();
        if (account.isEmpty() || !account.get().status().settled()) {
            return false;
        }
        // the guarantee as view() reads it (with its issuer), only how long it runs
        return jdbc.sql("""
                SELECT g.valid_until FROM deposit_guarantee g
                JOIN guarantee_issuer i ON i.fingerprint = g.issuer_fingerprint WHERE g.deposit_account_id = :id""")
                .param("id", account.get().id())
                .query((rs, i) -> rs.getObject("valid_until", OffsetDateTime.class).toInstant()).optional()
                .map(validUntil -> !validUntil.isBefore(terms.guaranteeRequiredUntil())).orElse(true);
    }

    /**
     * The caller's organisation's deposits still to be paid (or guaranteed) while they still can be: registered, nothing
     * valid received, bidding open (the state in which payments and guarantees are accepted). A bidder's to-do.
     */
    public List<DepositView> awaitingMine(CurrentUser user) {
        if (user.organisationId() == null) {
            return List.of();
        }
        Instant now = clock.instant();
        return jdbc.sql("SELECT tender_id FROM deposit_account WHERE bidder_id = :b AND status = 'AWAITING' ORDER BY opened_at")
                .param("b", user.organisationId()).query(UUID.class).list().stream()
                .filter(t -> {
                    DepositTerms terms = tenders.depositTerms(t);
                    return now.isBefore(terms.bidDeadline())
                            && (terms.status() == TenderStatus.PUBLISHED || terms.status() == TenderStatus.SUSPENDED);
                })
                .map(t -> mine(t, user)).filter(v -> !v.status().settled()).toList();
    }

    /** Every deposit of a tender, with payer accounts and the Reg. 40(6) flag: owners and staff, once bidding has closed. */
    public List<DepositView> list(UUID tenderId, CurrentUser user) {
        if (!tenders.mayInspect(tenderId, user)) {
            throw new DomainException(CommonError.NOT_FOUND);
        }
        DepositTerms terms = tenders.depositTerms(tenderId);
        if (terms.status() != TenderStatus.BIDDING_CLOSED || sealedUntilBiddingEnds(tenderId)) {
            throw new DomainException(PaymentsError.DEPOSITS_SEALED);
        }
        Set<String> shared = sharedPayerAccounts(tenderId);
        return accounts(tenderId).stream().map(a -> {
            DepositView v = view(a, terms, false);
            boolean flagged = v.payments().stream().anyMatch(p -> shared.contains(p.payerAccount()));
            return view(a, terms, flagged);
        }).toList();
    }

    /**
     * Payer accounts that paid deposits for more than one bidder in a tender. Reg. 40(6) deems bids whose deposits were
     * paid from the same unit's or person's account as colluding.
     */
    Set<String> sharedPayerAccounts(UUID tenderId) {
        return jdbc.sql("""
                SELECT p.payer_account FROM bank_payment p JOIN deposit_account a ON a.id = p.deposit_account_id
                WHERE a.tender_id = :t GROUP BY p.payer_account HAVING COUNT(DISTINCT a.bidder_id) > 1""")
                .param("t", tenderId).query(String.class).set();
    }

    /**
     * Handles a bank notification: verifies the bank's signature over the exact bytes received, then applies it once.
     * A replay (same bank transaction id) answers as the first time and changes nothing.
     */
    @Transactional
    public NotificationAnswer receive(String bankCode, byte[] body, String signatureBase64) {
        X509Certificate certificate = banks.certificate(bankCode)
                .orElseThrow(() -> new DomainException(PaymentsError.BANK_UNKNOWN));
        Instant now = clock.instant();
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signatureBase64 == null ? "" : signatureBase64.strip());
            certificate.checkValidity(java.util.Date.from(now));
        } catch (IllegalArgumentException | java.security.cert.CertificateException e) {
            throw new DomainException(PaymentsError.BANK_SIGNATURE_INVALID);
        }
        if (signature.length == 0 || !Sm2.verify(certificate.getPublicKey(), body, signature)) {
            throw new DomainException(PaymentsError.BANK_SIGNATURE_INVALID);
        }
        Map<String, Object> fields;
        try {
            fields = json.readValue(body, JSON_OBJECT);
        } catch (RuntimeException e) {
            throw new DomainException(PaymentsError.BANK_NOTIFICATION_INVALID);
        }
        BankNotification n = BankNotification.parse(fields);
        String sm3 = Sm3.hex(body);
        return n.type().equals("credit") ? credit(bankCode, n, sm3, now) : refundOutcome(bankCode, n, now);
    }

    private NotificationAnswer credit(String bankCode, BankNotification n, String sm3, Instant now) {
        // Locks in one order everywhere: the tender (shared, so bidding cannot close meanwhile), then the account.
        Optional<UUID> tenderId = jdbc.sql("SELECT tender_id FROM deposit_account WHERE bank_code = :bank AND sub_account = :sub")
                .param("bank", bankCode).param("sub", n.subAccount()).query(UUID.class).optional();
        DepositTerms terms = tenderId.map(tenders::depositTermsHeld).orElse(null);
        Optional<Account> account = jdbc.sql(ACCOUNT_SELECT + " WHERE a.bank_code = :bank AND a.sub_account = :sub FOR UPDATE OF a")
                .param("bank", bankCode).param("sub", n.subAccount()).query(Deposits::account).optional().map(this::named);
        Optional<NotificationAnswer> earlier = earlierAnswer(bankCode, n.txnId(), sm3);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        // A deposit counts only if booked before the deadline and known before bidding closed: at closing the list of
        // deposits was fixed and published, so one notified later goes back even if the bank booked it in time.
        PaymentOutcome outcome;
        if (account.isEmpty() || terms == null) {
            outcome = PaymentOutcome.UNKNOWN_ACCOUNT;
        } else if (!n.bookedAt().isBefore(terms.bidDeadline()) || terms.status() == TenderStatus.BIDDING_CLOSED
                || terms.status() == TenderStatus.TERMINATED) {
            outcome = PaymentOutcome.LATE;
        } else if (account.get().status().settled()) {
            outcome = PaymentOutcome.DUPLICATE;
        } else if (!fromBasicAccount(account.get().bidderId(), n)) {
            outcome = PaymentOutcome.NOT_BASIC_ACCOUNT;
        } else if (n.amount().compareTo(terms.deposit()) != 0) {
            outcome = PaymentOutcome.WRONG_AMOUNT;
        } else {
            outcome = PaymentOutcome.CREDITED;
        }
        UUID paymentId = UUID.randomUUID();
        int inserted = jdbc.sql("""
                INSERT INTO bank_payment (id, bank_code, bank_txn_id, sub_account, deposit_account_id, amount, payer_name,
                                          payer_account, booked_at, received_at, outcome, notification_sm3)
                VALUES (:id, :bank, :txn, :sub, :account, :amount, :payerName, :payerAccount, :booked, :received, :outcome, :sm3)
                ON CONFLICT (bank_code, bank_txn_id) DO NOTHING""")
                .param("id", paymentId).param("bank", bankCode).param("txn", n.txnId()).param("sub", n.subAccount())
                .param("account", account.map(Account::id).orElse(null)).param("amount", n.amount().yuan())
                .param("payerName", n.payerName()).param("payerAccount", n.payerAccount()).param("booked", utc(n.bookedAt()))
                .param("received", utc(now)).param("outcome", outcome.name()).param("sm3", sm3).update();
        if (inserted == 0) { // a concurrent replay of an unknown sub-account won the race
            return earlierAnswer(bankCode, n.txnId(), sm3).orElseThrow();
        }
        UUID refundId = null;
        if (outcome == PaymentOutcome.CREDITED) {
            jdbc.sql("UPDATE deposit_account SET status = 'PAID', settled_at = :at, version = version + 1 WHERE id = :id")
                    .param("at", utc(now)).param("id", account.get().id()).update();
        } else {
            refundId = UUID.randomUUID();
            jdbc.sql("""
                    INSERT INTO refund_instruction (id, payment_id, bank_code, amount, payee_name, payee_account, reason,
                                                    status, created_at, updated_at)
                    VALUES (:id, :payment, :bank, :amount, :name, :account, :reason, 'PENDING', :at, :at)""")
                    .param("id", refundId).param("payment", paymentId).param("bank", bankCode)
                    .param("amount", n.amount().yuan()).param("name", n.payerName()).param("account", n.payerAccount())
                    .param("reason", outcome.name()).param("at", utc(now)).update();
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("paymentId", paymentId.toString());
        payload.put("bank", bankCode);
        payload.put("bankTxnId", n.txnId());
        payload.put("subAccount", n.subAccount());
        payload.put("amount", n.amount().toString());
        // The payer's name and account stay off the record, which is disclosed in public at closing; the hash of the
        // notification commits to them.
        payload.put("bookedAt", n.bookedAt().toString());
        payload.put("outcome", outcome.name());
        payload.put("notificationSm3", sm3);
        payload.put("refundInstructionId", refundId == null ? null : refundId.toString());
        if (outcome == PaymentOutcome.NOT_BASIC_ACCOUNT) {
            // Flagged in public when bidding closes (who registered stays secret until then); the operator sees it now.
            log.warn("Reg. 26: deposit payment {} for tender {} is not from the bidder's basic account: refund {}",
                    paymentId, terms.tenderId(), refundId);
        }
        confidential.record(paymentId, AuditRecord.of("payments.deposit.notified",
                terms == null ? null : terms.tenderId().toString(), terms == null ? null : terms.regionCode(),
                Actor.SYSTEM, payload));
        return new NotificationAnswer(n.txnId(), outcome.name(), refundId, false);
    }

    /**
     * Reg. 26 (《招标投标法实施条例》第二十六条): a cash deposit comes from the bidder's basic account (基本账户), the one
     * registered when the bank booked the payment. Without one registered, no payment qualifies.
     */
    private boolean fromBasicAccount(UUID bidderId, BankNotification n) {
        String payer = BasicAccount.normalise(n.payerAccount());
        return payer != null && basicAccounts.at(bidderId, n.bookedAt())
                .map(b -> b.accountNumber().equals(payer)).orElse(false);
    }

    /** What the supervisor's flag for a Reg. 26 case says. */
    static final String REG_26 = "《招标投标法实施条例》第二十六条：以现金或者支票形式提交的投标保证金应当从其基本账户转出";

        /**
     * The answer given to an earlier notification of the same transaction: a replay. The same transaction id with a
     * different body is no replay but a conflict the bank must look into; nothing changes either way.
     */
    private Optional<NotificationAnswer> earlierAnswer(String bankCode, String txnId, String sm3) {
        return jdbc.sql("""
                SELECT p.outcome, p.notification_sm3, r.id AS refund_id FROM bank_payment p
                LEFT JOIN refund_instruction r ON r.payment_id = p.id
                WHERE p.bank_code = :bank AND p.bank_txn_id = :txn""")
                .param("bank", bankCode).param("txn", txnId)
                .query((rs, i) -> {
                    if (!rs.getString("notification_sm3").equals(sm3)) {
                        throw new DomainException(PaymentsError.BANK_NOTIFICATION_CONFLICT);
                    }
                    return new NotificationAnswer(txnId, rs.getString("outcome"), rs.getObject("refund_id", UUID.class), true);
                })
                .optional();
    }

    private NotificationAnswer refundOutcome(String bankCode, BankNotification n, Instant now) {
        UUID id;
        try {
            id = UUID.fromString(n.instructionId());
        } catch (IllegalArgumentException e) {
            throw new DomainException(PaymentsError.BANK_NOTIFICATION_INVALID);
        }
        String current = jdbc.sql("SELECT status FROM refund_instruction WHERE id = :id AND bank_code = :bank FOR UPDATE")
                .param("id", id).param("bank", bankCode).query(String.class).optional()
                .orElseThrow(() -> new DomainException(PaymentsError.BANK_NOTIFICATION_INVALID));
        if (current.equals("COMPLETED") || current.equals("FAILED")) {
            return new NotificationAnswer(n.txnId(), current, id, true);
        }
        jdbc.sql("""
                UPDATE refund_instruction SET status = :status, failure = :failure, updated_at = :at,
                       completed_at = CASE WHEN :status = 'COMPLETED' THEN CAST(:at AS TIMESTAMP WITH TIME ZONE) END,
                       bank_reference = COALESCE(bank_reference, :txn) WHERE id = :id""")
                .param("status", n.status()).param("failure", n.status().equals("FAILED") ? n.reason() : null)
                .param("at", utc(now)).param("txn", n.txnId()).param("id", id).update();
        confidential.record(UUID.randomUUID(), AuditRecord.of("payments.refund." + n.status().toLowerCase(), id.toString(),
                null, Actor.SYSTEM, Map.of("instructionId", id.toString(), "bankTxnId", n.txnId(), "reason", n.reason())));
        return new NotificationAnswer(n.txnId(), n.status(), id, false);
    }

    /** The caller's own deposit account for a tender. */
    Account ownAccount(UUID tenderId, CurrentUser user) {
        if (user == null || user.role() != Role.BIDDER || user.organisationId() == null) {
            throw new DomainException(PaymentsError.DEPOSIT_ACCOUNT_NOT_FOUND);
        }
        return jdbc.sql(ACCOUNT_SELECT + " WHERE a.tender_id = :t AND a.bidder_id = :b")
                .param("t", tenderId).param("b", user.organisationId()).query(Deposits::account).optional().map(this::named)
                .orElseThrow(() -> new DomainException(PaymentsError.DEPOSIT_ACCOUNT_NOT_FOUND));
    }

    /**
     * Discloses a tender's deposits in a public log entry when bidding closes, each payment and guarantee with its
     * committed record and inclusion path (payer names and accounts stay off the log; the records commit to them).
     * In the closing transaction (an {@code @EventListener}, deliberately): a bank notification takes the tender's lock
     * shared ({@link #receive}), so it either committed before the closing or finds the tender closed and is
     * LATE; disclosed in the same transaction, the list is exactly the deposits known at closing, and the closing and
     * its disclosure commit together. After the commit, a late payment could slip into the list.
     */
    @EventListener
    void on(BiddingClosed closed) {
        if (tenders.liveBidding(closed.tenderId(), clock.instant())) {
            return; // issue 17: a live-bidding lot's deposits are disclosed when bidding ends (discloseDeferred)
        }
        disclose(closed.tenderId(), closed.regionCode());
    }

    /**
     * The bidders of lot {@code tenderId} whose deposit is settled (paid, guaranteed, or none required) once
     * applications closed: the qualified bidders of a live-bidding lot (39号令 Art. 13; 32号令 Art. 17). For the context
     * that runs the auction; never shown to anyone while the bidders' identities are sealed. Empty before closing.
     */
    public Set<UUID> settledBidders(UUID tenderId) {
        if (tenders.depositTerms(tenderId).status() != TenderStatus.BIDDING_CLOSED) {
            return Set.of();
        }
        return accounts(tenderId).stream().filter(a -> a.status().settled()).map(Account::bidderId)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * The bidders of lot {@code tenderId} whose deposit is settled so far, also while applications are open: a listing
     * admits its bidders during the listing (39号令 Art. 17–19). For the context that runs the auction; never shown to
     * anyone while the bidders' identities are sealed.
     */
    public Set<UUID> settledSoFar(UUID tenderId) {
        return accounts(tenderId).stream().filter(a -> a.status().settled()).map(Account::bidderId)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * Discloses the deposits of live-bidding lot {@code tenderId} in a public log entry (what closing does for other
     * lots), once its bidding ended: called by the context that runs the auction.
     */
    @org.springframework.transaction.annotation.Transactional
    public void discloseDeferred(UUID tenderId) {
        DepositTerms terms = tenders.depositTerms(tenderId);
        if (terms.status() != TenderStatus.BIDDING_CLOSED) {
            throw new DomainException(PaymentsError.DEPOSITS_SEALED);
        }
        if (jdbc.sql("INSERT INTO deposit_disclosure (tender_id, disclosed_at) VALUES (:t, :at) ON CONFLICT (tender_id) DO NOTHING")
                .param("t", tenderId).param("at", utc(clock.instant())).update() == 0) {
            return; // disclosed before
        }
        disclose(tenderId, terms.regionCode());
        flag(new BiddingClosed(tenderId, terms.regionCode())); // Reg. 26's flags name bidders: only now for a live lot
    }

    /**
     * Issue 17: a live-bidding lot (its rules hold LIVE_BIDDING) keeps who paid its deposits sealed after the close of
     * applications until bidding ended and the auction disclosed them ({@link #discloseDeferred}): bidders stay anonymous
     * to the owner's side and the centre's staff while they bid (39号令 Art. 13; 32号令 Art. 22).
     */
    private boolean sealedUntilBiddingEnds(UUID tenderId) {
        return tenders.liveBidding(tenderId, clock.instant())
                && jdbc.sql("SELECT COUNT(*) FROM deposit_disclosure WHERE tender_id = :t").param("t", tenderId)
                        .query(Long.class).single() == 0;
    }

    private void disclose(UUID tenderId, String regionCode) {
        BiddingClosed closed = new BiddingClosed(tenderId, regionCode);
        List<Map<String, Object>> disclosed = accounts(closed.tenderId()).stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bidderId", a.bidderId().toString());
            m.put("subAccount", a.subAccount());
            m.put("status", a.status().name());
            List<UUID> facts = jdbc.sql("""
                    SELECT id FROM bank_payment WHERE deposit_account_id = :a
                    UNION ALL SELECT id FROM deposit_guarantee WHERE deposit_account_id = :a""")
                    .param("a", a.id()).query(UUID.class).list();
            m.put("commitments", facts.stream().map(id -> confidential.disclosure(id)
                    .map(ConfidentialRecords.Disclosure::toMap).orElse(null)).filter(java.util.Objects::nonNull).toList());
            return m;
        }).toList();
        auditLog.record(AuditRecord.of("payments.deposits.disclosed", closed.tenderId().toString(), closed.regionCode(),
                Actor.SYSTEM, Map.of("deposits", disclosed, "sharedPayerAccounts", sharedPayerAccounts(closed.tenderId()).size())));
    }

    /**
     * Reg. 26 at closing: each payment refused as not from the bidder's basic account is flagged in public for the
     * region's supervisor (bidder, amount, when; the payer's name and account stay off the log). After the closing
     * commits, in its own transaction (issue 15): the set is fixed by then (a notification after closing is LATE
     * before it is anything else), the publication is in {@code event_publication} from the closing transaction on, so
     * a failure or a crash before this commits leaves it incomplete and it runs again (on restart, or when failed
     * publications are resubmitted); {@code deposit_payment_flag} makes a second run flag nothing twice.
     */
    @ApplicationModuleListener
    void flagNotFromBasicAccount(BiddingClosed closed) {
        if (tenders.liveBidding(closed.tenderId(), clock.instant())) {
            return; // issue 17: a flag names the bidder; a live lot's are flagged when bidding ends (discloseDeferred)
        }
        flag(closed);
    }

    private void flag(BiddingClosed closed) {
        record Refused(UUID paymentId, UUID bidderId, BigDecimal amount, Instant bookedAt, UUID refundId) {
        }
        List<Refused> refused = jdbc.sql("""
                SELECT p.id, a.bidder_id, p.amount, p.booked_at, r.id AS refund_id FROM bank_payment p
                JOIN deposit_account a ON a.id = p.deposit_account_id
                LEFT JOIN refund_instruction r ON r.payment_id = p.id
                WHERE a.tender_id = :t AND p.outcome = 'NOT_BASIC_ACCOUNT' ORDER BY p.booked_at, p.id""")
                .param("t", closed.tenderId())
                .query((rs, i) -> new Refused(rs.getObject("id", UUID.class), rs.getObject("bidder_id", UUID.class),
                        rs.getBigDecimal("amount"), rs.getObject("booked_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("refund_id", UUID.class)))
                .list();
        List<AuditRecord> flags = new java.util.ArrayList<>();
        for (Refused p : refused) {
            // A re-run of this publication (after a failure, a crash or a restart) flags nothing twice; a concurrent
            // one waits for this row and then finds it.
            boolean first = jdbc.sql("""
                    INSERT INTO deposit_payment_flag (payment_id, flagged_at) VALUES (:p, :at)
                    ON CONFLICT (payment_id) DO NOTHING""")
                    .param("p", p.paymentId()).param("at", utc(clock.instant())).update() == 1;
            if (!first) {
                continue;
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("paymentId", p.paymentId().toString());
            payload.put("bidderId", p.bidderId().toString());
            payload.put("bidder", organisations.find(p.bidderId()).map(Organisation::name).orElse(null));
            payload.put("amount", new Money(p.amount()).toString());
            payload.put("bookedAt", p.bookedAt().toString());
            payload.put("refundInstructionId", p.refundId() == null ? null : p.refundId().toString());
            payload.put("reason", REG_26);
            flags.add(AuditRecord.of("payments.deposit.not-basic-account", closed.tenderId().toString(), closed.regionCode(),
                    Actor.SYSTEM, payload));
        }
        auditLog.recordAll(flags);
    }

    private List<Account> accounts(UUID tenderId) {
        return named(jdbc.sql(ACCOUNT_SELECT + " WHERE a.tender_id = :t ORDER BY a.opened_at, a.id").param("t", tenderId)
                .query(Deposits::account).list());
    }

    private DepositView view(Account a, DepositTerms terms, boolean shared) {
        List<DepositView.Payment> payments = jdbc.sql("""
                SELECT bank_txn_id, amount, payer_name, payer_account, booked_at, outcome FROM bank_payment
                WHERE deposit_account_id = :id ORDER BY booked_at, id""").param("id", a.id())
                .query((rs, i) -> new DepositView.Payment(rs.getString("bank_txn_id"), new Money(rs.getBigDecimal("amount")),
                        rs.getString("payer_name"), rs.getString("payer_account"),
                        rs.getObject("booked_at", OffsetDateTime.class).toInstant(), PaymentOutcome.valueOf(rs.getString("outcome"))))
                .list();
        DepositView.Guarantee guarantee = jdbc.sql("""
                SELECT g.guarantee_no, i.name, g.amount, g.valid_until, g.document_sm3 FROM deposit_guarantee g
                JOIN guarantee_issuer i ON i.fingerprint = g.issuer_fingerprint WHERE g.deposit_account_id = :id""")
                .param("id", a.id())
                .query((rs, i) -> {
                    Instant validUntil = rs.getObject("valid_until", OffsetDateTime.class).toInstant();
                    return new DepositView.Guarantee(rs.getString("guarantee_no"), rs.getString("name"),
                            new Money(rs.getBigDecimal("amount")), validUntil, rs.getString("document_sm3"),
                            !validUntil.isBefore(terms.guaranteeRequiredUntil()));
                })
                .optional().orElse(null);
        List<DepositView.Refund> refunds = jdbc.sql("""
                SELECT r.* FROM refund_instruction r
                JOIN bank_payment p ON p.id = r.payment_id WHERE p.deposit_account_id = :id ORDER BY r.created_at, r.id""")
                .param("id", a.id()).query((rs, i) -> refund(rs, clock.instant())).list();
        return new DepositView(a.tenderId(), a.bidderId(), a.bidderName(), banks.name(a.bankCode()).orElse(a.bankCode()),
                a.subAccount(), terms.deposit(), a.status(), terms.bidDeadline(), payments, guarantee, refunds, shared);
    }

    /** A refund row as it stands at {@code now} (the late charge of one still not completed runs up to now). */
    static DepositView.Refund refund(java.sql.ResultSet rs, Instant now) throws java.sql.SQLException {
        OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class);
        OffsetDateTime completed = rs.getObject("completed_at", OffsetDateTime.class);
        BigDecimal interest = rs.getBigDecimal("interest");
        BigDecimal lateRate = rs.getBigDecimal("late_rate");
        BigDecimal lateCharge = BigDecimal.ZERO.setScale(2);
        if (lateRate != null && due != null) {
            Instant refunded = completed == null ? now : completed.toInstant();
            lateCharge = lateCharge(rs.getBigDecimal("amount").subtract(interest), lateRate, due.toInstant(), refunded);
        }
        return new DepositView.Refund(rs.getObject("id", UUID.class), new Money(rs.getBigDecimal("amount")),
                new Money(interest), rs.getString("payee_account"), RefundReason.valueOf(rs.getString("reason")),
                RefundStatus.valueOf(rs.getString("status")), due == null ? null : due.toInstant(),
                completed == null ? null : completed.toInstant(), rs.getObject("overdue_flagged_at") != null,
                new Money(lateCharge), rs.getString("due_article"));
    }

    /**
     * 87号令 Art. 38: the charge on a deposit refunded after it fell due (超期资金占用费) — {@code lateRate} (the benchmark
     * loan rate raised by 20%) as simple interest over the calendar days after the due day up to the refund (Beijing
     * dates, 360-day year, to the fen; {@link DepositInterest}). {@code due} is the end of the due day (24:00), so a
     * refund on the due day costs nothing and one on the next day costs a day. Zero when refunded in time.
     */
    static BigDecimal lateCharge(BigDecimal deposit, BigDecimal lateRate, Instant due, Instant refunded) {
        if (!refunded.isAfter(due)) {
            return BigDecimal.ZERO.setScale(2);
        }
        return DepositInterest.of(deposit, lateRate, due.minus(java.time.Duration.ofDays(1)), refunded);
    }

    // ------------------------------------------------------------------------------------------------ Reg. 57 refunds

    /** Reg. 57: deposits and their interest go back within 5 days (construction; each procedure's DEPOSIT_REFUND rule decides). */
    public static final java.time.Duration REFUND_WITHIN = java.time.Duration.ofDays(5);

    /** A deposit refund due after the award, for the tender's parties and supervisors. */
    public record AwardRefund(UUID bidderId, String bidder, DepositView.Refund refund) {
    }

    /**
     * Reg. 57 at the award: every bidder of the tender but {@code winnerId} gets its deposit back with the interest for
     * the same period, due within 5 days. Guarantees (保函) are released, nothing to pay. In the award's transaction.
     * The due time is the lot's procedure's DEPOSIT_REFUND rule in force at the award (construction 5 日, Reg. 57;
     * government procurement 5 工作日 of the award notice, 87号令 Art. 38, which also charges a late refund the benchmark
     * loan rate raised by LATE_REFUND_MARKUP).
     */
    @Transactional
    public int refundNotAwarded(UUID tenderId, UUID winnerId, Instant awardedAt) {
        return refundDeposits(tenderId, winnerId, false, awardedAt, RefundReason.NOT_AWARDED);
    }

    /** Reg. 57 at the contract: the winner's deposit back with interest, due within 5 days of the signature. */
    @Transactional
    public int refundWinner(UUID tenderId, UUID winnerId, Instant contractSignedAt) {
        return refundDeposits(tenderId, winnerId, true, contractSignedAt, RefundReason.AWARDED_CONTRACT_SIGNED);
    }

    /**
     * The lot failed without an award (e.g. a negotiation stopped with too few suppliers, 74号令 Art. 37, 214号 Art. 21):
     * every deposit goes back with its interest, due by the lot's DEPOSIT_REFUND rule from {@code failedAt} (no
     * supplier was awarded: {@code NOT_AWARDED}). In the failure's transaction; a deposit already refunded is not again.
     */
    @Transactional
    public int refundFailedLot(UUID tenderId, Instant failedAt) {
        return refundDeposits(tenderId, null, false, failedAt, RefundReason.NOT_AWARDED);
    }

    private int refundDeposits(UUID tenderId, UUID winnerId, boolean winner, Instant at, RefundReason reason) {
        record Paid(UUID paymentId, UUID bidderId, String bankCode, BigDecimal amount, String payerName, String payerAccount,
                Instant bookedAt) {
        }
        List<Paid> paid = jdbc.sql("""
                SELECT p.id, a.bidder_id, p.bank_code, p.amount, p.payer_name, p.payer_account, p.booked_at
                FROM bank_payment p JOIN deposit_account a ON a.id = p.deposit_account_id
                WHERE a.tender_id = :t AND p.outcome = 'CREDITED' AND COALESCE(a.bidder_id = CAST(:w AS UUID), FALSE) = :winner
                  AND NOT EXISTS (SELECT 1 FROM refund_instruction r WHERE r.payment_id = p.id)
                  AND NOT EXISTS (SELECT 1 FROM deposit_earnest e WHERE e.payment_id = p.id)
                  AND NOT EXISTS (SELECT 1 FROM deposit_forfeiture f WHERE f.payment_id = p.id)
                ORDER BY p.booked_at, p.id""")
                .param("t", tenderId).param("w", winnerId).param("winner", winner)
                .query((rs, i) -> new Paid(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getBigDecimal(4), rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant()))
                .list();
        String region = tenders.findPublished(tenderId).map(t -> t.regionCode()).orElse(null);
        var rules = procedures.rulesAt(projects.procedureOfLot(tenderId).orElse("GCJS_OPEN_TENDER"), at);
        var limit = rules.limit(org.sunbid.platform.deals.domain.RuleKeys.DEPOSIT_REFUND);
        Instant due = limit.endAfter(at, rules.calendar());
        BigDecimal lateRate = rules.find(org.sunbid.platform.deals.domain.RuleKeys.LATE_REFUND_MARKUP)
                .map(m -> benchmarkLoanRate.multiply(BigDecimal.ONE.add(m.amount().movePointLeft(2)))).orElse(null);
        // 国土资源部令第39号第二十一条: land deposits go back without interest (不计利息), a dated rule of the lot's procedure;
        // elsewhere Reg. 57's bank interest for the same period
        var withoutInterest = rules.holds(org.sunbid.platform.deals.domain.RuleKeys.REFUND_WITHOUT_INTEREST)
                ? rules.find(org.sunbid.platform.deals.domain.RuleKeys.REFUND_WITHOUT_INTEREST) : Optional.<org.sunbid.platform.deals.domain.Limit>empty();
        boolean auction = rules.holds(org.sunbid.platform.deals.domain.RuleKeys.LIVE_BIDDING);
        for (Paid p : paid) {
            BigDecimal interest = withoutInterest.isPresent() ? BigDecimal.ZERO.setScale(2)
                    : DepositInterest.of(p.amount(), interestRate, p.bookedAt(), at);
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    INSERT INTO refund_instruction (id, payment_id, bank_code, amount, interest, payee_name, payee_account, reason,
                                                    status, due_at, created_at, updated_at, late_rate, due_article)
                    VALUES (:id, :payment, :bank, :amount, :interest, :name, :account, :reason, 'PENDING', :due, :at, :at,
                            :lateRate, :article)""")
                    .param("id", id).param("payment", p.paymentId()).param("bank", p.bankCode())
                    .param("amount", p.amount().add(interest)).param("interest", interest).param("name", p.payerName())
                    .param("account", p.payerAccount()).param("reason", reason.name()).param("due", utc(due))
                    .param("at", utc(clock.instant())).param("lateRate", lateRate).param("article", limit.article()).update();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("instructionId", id.toString());
            payload.put("bidderId", p.bidderId().toString());
            payload.put("reason", reason.name());
            payload.put("deposit", p.amount().toPlainString());
            payload.put("interest", interest.toPlainString());
            payload.put("rate", withoutInterest.isPresent() ? "0" : interestRate.toPlainString());
            withoutInterest.ifPresent(l -> payload.put("interestRule", l.article()));
            payload.put("dueAt", due.toString());
            if (lateRate != null) {
                payload.put("lateRate", lateRate.toPlainString());
            }
            payload.put("rule", limit.article() + "：" + (auction
                    ? "竞价结果确定后（流拍的，自结果公布时起）" + limit.plain() + "个工作日内退还"
                            + (winner ? "竞得人" : winnerId == null ? "各竞买人" : "未竞得人") + "的竞买保证金" + (withoutInterest.isPresent() ? "，不计利息" : "及银行同期存款利息")
                    : limit.unit() == org.sunbid.platform.deals.domain.LimitUnit.WORKING_DAY
                    ? "中标通知书发出后（中标人为合同签订后）" + limit.plain() + "个工作日内退还投标保证金，逾期退还的支付超期资金占用费"
                    : "最迟在书面合同签订后" + limit.plain() + "日内退还投标保证金及银行同期存款利息"));
            auditLog.record(AuditRecord.of("payments.refund.due", tenderId.toString(), region, Actor.SYSTEM, payload));
        }
        return paid.size();
    }

    // ------------------------------------------------------------------------ issue 20 fix D: forfeited deposits

    /** A deposit forfeited (没收保证金): how much of it, on which basis, why, when and by whom. */
    public record Forfeiture(UUID tenderId, UUID bidderId, Money amount, int payments, String basis, String reason,
            Instant forfeitedAt) {
    }

    /**
     * {@code bidderId}'s deposit for lot {@code tenderId} is forfeited (没收, e.g. 招标投标法实施条例 Art. 74: 投标保证金不予
     * 退还; a 竞得人's earnest money, 民法典 Art. 587): every credited payment of it not already refunded (a refund
     * instruction made earlier stays: money on its way back is not recalled here) is marked forfeited, so no refund path
     * returns it and no refund is ever flagged overdue for it; earnest money (定金) it became is marked forfeited too.
     * Logged in public with its basis. Idempotent: a second call marks nothing and returns the same forfeiture. A
     * guarantee (保函) holds no money: the claim on the guarantor is outside the platform; the forfeiture is then empty.
     */
    @Transactional
    public Forfeiture forfeit(UUID tenderId, UUID bidderId, String basis, String reason, Actor actor) {
        if (tenderId == null || bidderId == null || basis == null || basis.isBlank() || basis.length() > 200
                || reason == null || reason.isBlank() || reason.length() > 500) {
            throw new DomainException(PaymentsError.FORFEITURE_INVALID);
        }
        Instant now = clock.instant();
        List<UUID> taken = jdbc.sql("""
                INSERT INTO deposit_forfeiture (payment_id, tender_id, bidder_id, amount, basis, reason, forfeited_at, forfeited_by)
                SELECT p.id, a.tender_id, a.bidder_id, p.amount, :basis, :reason, :at, :by
                FROM bank_payment p JOIN deposit_account a ON a.id = p.deposit_account_id
                WHERE a.tender_id = :t AND a.bidder_id = :b AND p.outcome = 'CREDITED'
                  AND NOT EXISTS (SELECT 1 FROM refund_instruction r WHERE r.payment_id = p.id)
                ON CONFLICT (payment_id) DO NOTHING RETURNING payment_id""")
                .param("t", tenderId).param("b", bidderId).param("basis", basis.strip()).param("reason", reason.strip())
                .param("at", utc(now)).param("by", actor.username()).query(UUID.class).list();
        if (!taken.isEmpty()) {
            jdbc.sql("UPDATE deposit_earnest SET status = 'FORFEITED' WHERE payment_id IN (:ids)").param("ids", taken).update();
        }
        Forfeiture f = forfeiture(tenderId, bidderId).orElse(new Forfeiture(tenderId, bidderId, new Money(BigDecimal.ZERO.setScale(2)),
                0, basis.strip(), reason.strip(), now));
        if (!taken.isEmpty()) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("bidderId", bidderId.toString());
            payload.put("amount", f.amount().toString());
            payload.put("payments", taken.size());
            payload.put("basis", f.basis());
            payload.put("reason", f.reason());
            payload.put("rule", f.basis() + "：保证金不予退还");
            auditLog.record(AuditRecord.of("payments.deposit.forfeited", tenderId.toString(),
                    tenders.findPublished(tenderId).map(t -> t.regionCode()).orElse(null), actor, payload));
        }
        return f;
    }

    /** {@code bidderId}'s forfeited deposit for lot {@code tenderId}, if any. */
    public Optional<Forfeiture> forfeiture(UUID tenderId, UUID bidderId) {
        record Row(BigDecimal amount, String basis, String reason, OffsetDateTime at) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT amount, basis, reason, forfeited_at FROM deposit_forfeiture WHERE tender_id = :t AND bidder_id = :b
                ORDER BY forfeited_at, payment_id""").param("t", tenderId).param("b", bidderId)
                .query((rs, i) -> new Row(rs.getBigDecimal(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class)))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Forfeiture(tenderId, bidderId, new Money(rows.stream().map(Row::amount).reduce(BigDecimal.ZERO, BigDecimal::add)),
                rows.size(), rows.get(0).basis(), rows.get(0).reason(), rows.get(0).at().toInstant()));
    }

    // ------------------------------------------------------------------------------- issue 17: earnest money (定金)

    /** The winner's deposit credited to the price as earnest money (定金): how much, its status, since when. */
    public record Earnest(UUID tenderId, UUID bidderId, Money amount, String status, Instant creditedAt) {
    }

    /**
     * 国土资源部令第39号第二十一条 (and the property and mining rules alike): the winner's deposit is not refunded but
     * becomes earnest money (定金) credited to the price. Every credited payment of {@code bidderId}'s deposit for
     * {@code tenderId} not already refunded is marked {@code CREDITED_TO_PRICE} (so no refund path returns it) and the
     * change is logged in public. Idempotent: a second call changes nothing and returns the same earnest money. A
     * guarantee (保函) holds no money: the earnest money is then zero and the result empty.
     */
    @Transactional
    public Optional<Earnest> becomeEarnest(UUID tenderId, UUID bidderId, Instant at) {
        List<UUID> turned = jdbc.sql("""
                INSERT INTO deposit_earnest (payment_id, tender_id, bidder_id, amount, status, credited_at)
                SELECT p.id, a.tender_id, a.bidder_id, p.amount, 'CREDITED_TO_PRICE', :at
                FROM bank_payment p JOIN deposit_account a ON a.id = p.deposit_account_id
                WHERE a.tender_id = :t AND a.bidder_id = :b AND p.outcome = 'CREDITED'
                  AND NOT EXISTS (SELECT 1 FROM refund_instruction r WHERE r.payment_id = p.id)
                  AND NOT EXISTS (SELECT 1 FROM deposit_forfeiture f WHERE f.payment_id = p.id)
                ON CONFLICT (payment_id) DO NOTHING RETURNING payment_id""")
                .param("t", tenderId).param("b", bidderId).param("at", utc(at)).query(UUID.class).list();
        Optional<Earnest> earnest = earnest(tenderId);
        if (!turned.isEmpty() && earnest.isPresent()) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("bidderId", bidderId.toString());
            payload.put("amount", earnest.get().amount().toString());
            payload.put("status", earnest.get().status());
            payload.put("rule", "国土资源部令第39号第二十一条：竞得人的竞买保证金转作受让地块的定金，抵作成交价款");
            auditLog.record(AuditRecord.of("payments.deposit.earnest", tenderId.toString(),
                    tenders.findPublished(tenderId).map(t -> t.regionCode()).orElse(null), Actor.SYSTEM, payload));
        }
        return earnest;
    }

    /** The earnest money of lot {@code tenderId}'s winner, once its deposit became earnest money. */
    public Optional<Earnest> earnest(UUID tenderId) {
        record Row(UUID bidderId, BigDecimal amount, String status, OffsetDateTime at) {
        }
        List<Row> rows = jdbc.sql("SELECT bidder_id, amount, status, credited_at FROM deposit_earnest WHERE tender_id = :t")
                .param("t", tenderId).query((rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getBigDecimal(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class))).list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal total = rows.stream().map(Row::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(new Earnest(tenderId, rows.get(0).bidderId(), new Money(total), rows.get(0).status(),
                rows.stream().map(r -> r.at().toInstant()).min(Instant::compareTo).orElseThrow()));
    }

    /** The tender's deposit refunds after the award, for its owners, the region's staff and supervisors. */
    public List<AwardRefund> awardRefunds(UUID tenderId, CurrentUser user) {
        if (!tenders.mayInspect(tenderId, user)) {
            throw new DomainException(PaymentsError.DEPOSIT_ACCOUNT_NOT_FOUND);
        }
        record Row(UUID bidderId, OffsetDateTime createdAt, DepositView.Refund refund) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT r.*, a.bidder_id FROM refund_instruction r
                JOIN bank_payment p ON p.id = r.payment_id JOIN deposit_account a ON a.id = p.deposit_account_id
                WHERE a.tender_id = :t AND r.reason IN ('NOT_AWARDED', 'AWARDED_CONTRACT_SIGNED') ORDER BY r.created_at, r.id""")
                .param("t", tenderId)
                .query((rs, i) -> new Row(rs.getObject("bidder_id", UUID.class), rs.getObject("created_at", OffsetDateTime.class),
                        refund(rs, clock.instant())))
                .list();
        Map<UUID, String> names = new java.util.HashMap<>();
        organisations.findAll(rows.stream().map(Row::bidderId).toList()).forEach(o -> names.put(o.id(), o.name()));
        return rows.stream()
                .sorted(java.util.Comparator.comparing(Row::createdAt).thenComparing(r -> names.getOrDefault(r.bidderId(), "")))
                .map(r -> new AwardRefund(r.bidderId(), names.get(r.bidderId()), r.refund())).toList();
    }

    /**
     * Flags the refunds still not completed when they fell due (Reg. 57) in a public log entry, for the region's
     * supervisor; each once. Returns how many were flagged.
     */
    @Scheduled(fixedDelayString = "${sunbid.payments.refund-overdue-interval:PT1H}")
    @Transactional
    public int flagOverdueRefunds() {
        Instant now = clock.instant();
        record Late(UUID id, UUID tenderId, UUID bidderId, Instant due, String status, String article, BigDecimal lateRate) {
        }
        List<Late> late = jdbc.sql("""
                UPDATE refund_instruction r SET overdue_flagged_at = :now FROM bank_payment p, deposit_account a
                WHERE p.id = r.payment_id AND a.id = p.deposit_account_id AND r.due_at < :now
                  AND r.overdue_flagged_at IS NULL AND r.status <> 'COMPLETED'
                  AND NOT EXISTS (SELECT 1 FROM deposit_forfeiture f WHERE f.payment_id = r.payment_id)
                RETURNING r.id, a.tender_id, a.bidder_id, r.due_at, r.status, r.due_article, r.late_rate""")
                .param("now", utc(now))
                .query((rs, i) -> new Late(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getString(6), rs.getBigDecimal(7)))
                .list();
        for (Late l : late) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("instructionId", l.id().toString());
            payload.put("bidderId", l.bidderId().toString());
            payload.put("dueAt", l.due().toString());
            payload.put("status", l.status());
            if (l.lateRate() != null) { // 87号令 Art. 38: the charge runs from the due day until the refund
                payload.put("lateRate", l.lateRate().toPlainString());
            }
            payload.put("rule", l.article() == null ? "《招标投标法实施条例》第五十七条" : l.article());
            auditLog.record(AuditRecord.of("payments.refund.overdue", l.tenderId().toString(),
                    tenders.findPublished(l.tenderId()).map(t -> t.regionCode()).orElse(null), Actor.SYSTEM, payload));
        }
        return late.size();
    }

    static final String ACCOUNT_SELECT = """
            SELECT a.id, a.tender_id, a.bidder_id, a.bank_code, a.sub_account, a.status FROM deposit_account a""";

    /** An account row, without its bidder's name and credit code yet: those are parties' ({@link #named}). */
    static Account account(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Account(rs.getObject("id", UUID.class), rs.getObject("tender_id", UUID.class),
                rs.getObject("bidder_id", UUID.class), null, null,
                rs.getString("bank_code"), rs.getString("sub_account"), DepositStatus.valueOf(rs.getString("status")));
    }

    /** The account with its bidder's name and credit code, asked of parties (issue 15: its table is not ours to join). */
    private Account named(Account a) {
        return named(List.of(a)).get(0);
    }

    private List<Account> named(List<Account> rows) {
        Map<UUID, Organisation> bidders = new java.util.HashMap<>();
        organisations.findAll(rows.stream().map(Account::bidderId).toList()).forEach(o -> bidders.put(o.id(), o));
        return rows.stream().map(a -> {
            Organisation o = bidders.get(a.bidderId());
            return new Account(a.id(), a.tenderId(), a.bidderId(), o == null ? null : o.name(),
                    o == null ? null : o.creditCode().value(), a.bankCode(), a.subAccount(), a.status());
        }).toList();
    }

    record Account(UUID id, UUID tenderId, UUID bidderId, String bidderName, String bidderCreditCode, String bankCode,
            String subAccount, DepositStatus status) {
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
