package org.sunbid.platform.payments.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.payments.DepositView;
import org.sunbid.platform.payments.Deposits;
import org.sunbid.platform.payments.GuaranteeUpload;
import org.sunbid.platform.payments.Guarantees;
import org.sunbid.platform.payments.NotificationAnswer;
import org.sunbid.platform.payments.PaymentsError;
import org.sunbid.platform.payments.Sandbox;

/** Deposits over HTTP: bank notifications, the bidder's deposit and guarantee, staff lists after closing, the sandbox. */
@RestController
class PaymentsApi {

    private final Deposits deposits;
    private final Guarantees guarantees;
    private final Sandbox sandbox;

    PaymentsApi(Deposits deposits, Guarantees guarantees, Sandbox sandbox) {
        this.deposits = deposits;
        this.guarantees = guarantees;
        this.sandbox = sandbox;
    }

    /** A notification is a few hundred bytes; anything much larger is refused unread (the endpoint needs no login). */
    private static final int MAX_NOTIFICATION = 64 * 1024;

    /** A bank's notification: the raw body is what the bank signed; the signature comes in X-Bank-Signature. */
    @PostMapping("/api/v1/payments/banks/{bank}/notifications")
    NotificationAnswer notification(@PathVariable String bank, HttpServletRequest request,
            @RequestHeader(name = "X-Bank-Signature", required = false) String signature) throws IOException {
        byte[] body = org.sunbid.platform.kernel.SignedBodies.read(request, MAX_NOTIFICATION, PaymentsError.BANK_NOTIFICATION_INVALID);
        return deposits.receive(bank, body, signature);
    }

    @GetMapping("/api/v1/tenders/{id}/deposit")
    DepositView myDeposit(@PathVariable UUID id, CurrentUser user) {
        return deposits.mine(id, user);
    }

    @PostMapping("/api/v1/tenders/{id}/deposit/guarantee")
    DepositView guarantee(@PathVariable UUID id, @RequestBody GuaranteeUpload upload, CurrentUser user) {
        return guarantees.submit(id, upload, user);
    }

    @GetMapping("/api/v1/tenders/{id}/deposits")
    List<DepositView> deposits(@PathVariable UUID id, CurrentUser user) {
        return deposits.list(id, user);
    }

    @GetMapping("/api/v1/payments/guarantee-issuers")
    List<Guarantees.Issuer> issuers() {
        return guarantees.issuers();
    }

    record IssuerInput(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 20000) String certificate) {
    }

    @PostMapping("/api/v1/payments/guarantee-issuers")
    Guarantees.Issuer registerIssuer(@Valid @RequestBody IssuerInput body, CurrentUser user) {
        return guarantees.registerIssuer(body.name(), body.certificate(), user);
    }

    record TransferInput(@NotNull UUID tenderId, BigDecimal amount, @Size(max = 200) String payerName,
            @Size(max = 40) String payerAccount) {
    }

    /** Sandbox: the caller's bank pays the deposit (or the amount given) and notifies the platform. */
    @PostMapping("/api/v1/sandbox/bank/transfers")
    Sandbox.Transfer transfer(@Valid @RequestBody TransferInput body, CurrentUser user) {
        Money amount;
        try {
            amount = body.amount() == null ? null : new Money(body.amount());
        } catch (IllegalArgumentException e) {
            throw new DomainException(PaymentsError.BANK_NOTIFICATION_INVALID);
        }
        return sandbox.payDeposit(body.tenderId(), amount, body.payerName(), body.payerAccount(), user);
    }

    record GuaranteeRequest(@NotNull UUID tenderId) {
    }

    /** Sandbox: the sandbox insurer issues a guarantee for the caller's deposit, to be uploaded next. */
    @PostMapping("/api/v1/sandbox/insurer/guarantees")
    GuaranteeUpload issueGuarantee(@Valid @RequestBody GuaranteeRequest body, CurrentUser user) {
        return sandbox.issueGuarantee(body.tenderId(), user);
    }
}
