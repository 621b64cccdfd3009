package org.sunbid.platform.payments;

import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.parties.BasicAccount;
import org.sunbid.platform.parties.BasicAccounts;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.tendering.Tenders;

/**
 * What a bidder can ask of the sandbox bank and insurer: the bidder's side of paying a deposit or taking out a
 * guarantee, which in production happens at a real bank. Refused with {@link PaymentsError#SANDBOX_DISABLED} when the
 * sandbox is off.
 */
@Service
public class Sandbox {

    private final ObjectProvider<SandboxBank> bank;
    private final ObjectProvider<SandboxInsurer> insurer;
    private final Deposits deposits;
    private final Tenders tenders;
    private final BasicAccounts basicAccounts;
    private final java.time.Clock clock;

    Sandbox(ObjectProvider<SandboxBank> bank, ObjectProvider<SandboxInsurer> insurer, Deposits deposits, Tenders tenders,
            BasicAccounts basicAccounts, java.time.Clock clock) {
        this.basicAccounts = basicAccounts;
        this.clock = clock;
        this.bank = bank;
        this.insurer = insurer;
        this.deposits = deposits;
        this.tenders = tenders;
    }

    /** The bank's answer to a transfer: its transaction id and what the platform replied to its notification. */
    public record Transfer(String txnId, int platformStatus, String platformAnswer) {
    }

    /**
     * The caller's bank pays {@code amount} (the deposit if null) into the caller's sub-account for {@code tenderId},
     * from the caller's basic account (基本账户, Reg. 26) unless {@code payerAccount} names another. A bidder that has
     * registered none pays from another account of its own, which the platform refuses as the deposit.
     */
    public Transfer payDeposit(UUID tenderId, Money amount, String payerName, String payerAccount, CurrentUser user) {
        SandboxBank b = bank.getIfAvailable();
        if (b == null) {
            throw new DomainException(PaymentsError.SANDBOX_DISABLED);
        }
        Deposits.Account account = deposits.ownAccount(tenderId, user);
        Money pay = amount != null ? amount : tenders.depositTerms(tenderId).deposit();
        SandboxBank.Delivery d = b.pay(account.subAccount(), pay,
                payerName == null || payerName.isBlank() ? account.bidderName() : payerName.strip(),
                payerAccount == null || payerAccount.isBlank() ? payingAccount(account.bidderId()) : payerAccount.strip());
        return new Transfer(d.txnId(), d.status(), d.answer());
    }

    /** The account a bidder pays from by default: its basic account now, else {@link #defaultAccount}. */
    private String payingAccount(UUID organisationId) {
        return basicAccounts.at(organisationId, clock.instant()).map(BasicAccount::accountNumber)
                .orElseGet(() -> defaultAccount(organisationId));
    }

    /** Some other (sandbox) bank account number of the organisation's, not its basic account: stable per organisation. */
    static String defaultAccount(UUID organisationId) {
        long n = Math.abs(organisationId.getMostSignificantBits() % 1_000_000_000_000L);
        return "6222" + String.format("%012d", n);
    }

    /** The sandbox insurer issues a guarantee for the caller's deposit on {@code tenderId}, ready to upload. */
    public GuaranteeUpload issueGuarantee(UUID tenderId, CurrentUser user) {
        SandboxInsurer i = insurer.getIfAvailable();
        if (i == null) {
            throw new DomainException(PaymentsError.SANDBOX_DISABLED);
        }
        Deposits.Account account = deposits.ownAccount(tenderId, user);
        return i.issue(tenders.depositTerms(tenderId), account.bidderId());
    }

    /** The sandbox bank books the refunds it has taken and notifies the platform (what its schedule does); how many. */
    public int completeRefunds() {
        SandboxBank b = bank.getIfAvailable();
        return b == null ? 0 : b.completeRefunds();
    }
}
