package org.sunbid.platform.parties;

import java.time.Instant;
import java.util.UUID;

/**
 * An organisation's basic account (基本账户): the one bank account a unit keeps for its day-to-day settlements, from
 * which Reg. 26 (《招标投标法实施条例》第二十六条) requires a cash deposit to be paid.
 *
 * @param organisationId whose account it is
 * @param bankName       the bank (and branch) holding it, as the organisation gave it
 * @param accountNumber  its number, digits only
 * @param validFrom      when it was registered
 * @param createdBy      who registered it
 * @param validUntil     when another replaced it; null while current
 * @param supersededBy   who replaced it; null while current
 */
public record BasicAccount(UUID organisationId, String bankName, String accountNumber, Instant validFrom, String createdBy,
        Instant validUntil, String supersededBy) {

    /** Digits of a bank account number: at least this many. */
    public static final int MIN_DIGITS = 8;
    /** Digits of a bank account number: at most this many. */
    public static final int MAX_DIGITS = 32;
    /** Characters of a bank name: at most this many. */
    public static final int MAX_BANK_NAME = 100;

    /** Whether this is the organisation's current basic account. */
    public boolean current() {
        return validUntil == null;
    }

    /**
     * An account number as banks print it (groups of digits separated by spaces) reduced to its digits; null if it is
     * anything else or not {@value #MIN_DIGITS}–{@value #MAX_DIGITS} digits long.
     */
    public static String normalise(String number) {
        if (number == null || number.length() > 2 * MAX_DIGITS) {
            return null;
        }
        String digits = number.replace(" ", "").replace("\u3000", "");
        if (digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return digits;
    }

    /** A bank name stripped of surrounding blanks; null if empty, too long or holding control characters. */
    public static String bankName(String name) {
        if (name == null) {
            return null;
        }
        String s = name.strip();
        if (s.isEmpty() || s.length() > MAX_BANK_NAME || s.codePoints().anyMatch(Character::isISOControl)) {
            return null;
        }
        return s;
    }
}
