package org.sunbid.platform.payments;

import java.security.cert.X509Certificate;

import org.sunbid.platform.kernel.Money;

/**
 * The port to a bank holding the platform's deposit accounts. Credits arrive the other way, as signed notifications
 * (see {@link BankNotification}); through the port the platform instructs refunds.
 */
public interface Bank {

    /** The bank's code on the platform. */
    String code();

    /** The bank's name as bidders see it. */
    String name();

    /** The digits every virtual sub-account number at this bank starts with. */
    String accountPrefix();

    /** The certificate whose key signs the bank's notifications. */
    X509Certificate certificate();

    /**
     * Instructs a refund; returns the bank's reference. The outcome arrives later as a {@code refund} notification.
     *
     * @throws BankUnavailableException if the bank could not take the instruction (it stays pending and is retried)
     */
    String refund(RefundOrder order) throws BankUnavailableException;

    /** A refund as the bank receives it. */
    record RefundOrder(String instructionId, Money amount, String payeeName, String payeeAccount, String originalTxnId) {
    }

    /** The bank did not take an instruction. */
    class BankUnavailableException extends Exception {
        public BankUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
