package org.sunbid.platform.payments;

import java.time.Instant;
import java.util.Map;

import org.sunbid.crypto.CanonicalJson;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Money;

/**
 * A bank's notification, as the canonical JSON the bank signs (SM3withSM2, signature in the {@code X-Bank-Signature}
 * header, base64). {@code type} is {@code credit} (money arrived on a sub-account: txnId, subAccount, amount,
 * payerName, payerAccount, bookedAt) or {@code refund} (the outcome of an instruction: txnId, instructionId, status
 * COMPLETED or FAILED, reason, bookedAt).
 */
public record BankNotification(String type, String txnId, String subAccount, Money amount, String payerName,
        String payerAccount, String instructionId, String status, String reason, Instant bookedAt) {

    /** The JSON to sign for a credit. */
    public static String credit(String txnId, String subAccount, Money amount, String payerName, String payerAccount,
            Instant bookedAt) {
        return CanonicalJson.write(Map.of("type", "credit", "txnId", txnId, "subAccount", subAccount,
                "amount", amount.toString(), "payerName", payerName, "payerAccount", payerAccount,
                "bookedAt", bookedAt.toString()));
    }

    /** The JSON to sign for a refund outcome. */
    public static String refund(String txnId, String instructionId, boolean completed, String reason, Instant bookedAt) {
        return CanonicalJson.write(Map.of("type", "refund", "txnId", txnId, "instructionId", instructionId,
                "status", completed ? "COMPLETED" : "FAILED", "reason", reason == null ? "" : reason,
                "bookedAt", bookedAt.toString()));
    }

    /** Reads a notification; any missing or malformed field is {@link PaymentsError#BANK_NOTIFICATION_INVALID}. */
    static BankNotification parse(Map<String, Object> json) {
        try {
            String type = text(json, "type", 10);
            String txnId = text(json, "txnId", 64);
            Instant bookedAt = Instant.parse(text(json, "bookedAt", 40));
            if (type.equals("credit")) {
                Money amount = Money.parse(text(json, "amount", 20));
                if (amount.yuan().signum() <= 0) {
                    throw new IllegalArgumentException("amount");
                }
                String sub = text(json, "subAccount", 32);
                return new BankNotification(type, txnId, sub, amount, text(json, "payerName", 200),
                        text(json, "payerAccount", 40), null, null, null, bookedAt);
            }
            if (type.equals("refund")) {
                String status = text(json, "status", 10);
                if (!status.equals("COMPLETED") && !status.equals("FAILED")) {
                    throw new IllegalArgumentException("status");
                }
                Object reason = json.get("reason");
                return new BankNotification(type, txnId, null, null, null, null, text(json, "instructionId", 64), status,
                        reason == null ? "" : reason.toString(), bookedAt);
            }
            throw new IllegalArgumentException("type");
        } catch (RuntimeException e) {
            throw new DomainException(PaymentsError.BANK_NOTIFICATION_INVALID);
        }
    }

    private static String text(Map<String, Object> json, String field, int max) {
        Object v = json.get(field);
        if (!(v instanceof String s) || s.isBlank() || s.length() > max) {
            throw new IllegalArgumentException(field);
        }
        return s;
    }
}
