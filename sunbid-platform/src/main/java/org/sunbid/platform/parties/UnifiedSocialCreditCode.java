package org.sunbid.platform.parties;

import java.util.Locale;

import org.sunbid.platform.kernel.DomainException;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character alphabet (no I, O,
 * S, V, Z), positions 3–8 the registering region's division code, the last a check character over the first 17.
 *
 * @param value the normalised (trimmed, upper-case) code
 */
public record UnifiedSocialCreditCode(String value) {

    /** The code's alphabet; a character's value is its index. */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** Why a code is refused; each has a message {@code credit-code.<reason>}. */
    public enum Defect {
        /** Not 18 characters long. */
        LENGTH,
        /** Holds a character outside the alphabet. */
        CHARACTERS,
        /** Positions 3–8 are not a six-digit division code. */
        DIVISION_CODE,
        /** The 18th character does not match the check computed from the first 17. */
        CHECK_CHARACTER
    }

    public UnifiedSocialCreditCode {
        Defect defect = defectOf(value);
        if (defect != null) {
            throw new DomainException(PartiesError.INVALID_CREDIT_CODE, String.valueOf(value), defect);
        }
    }

    /** Normalises (trim, upper case) and validates {@code text}. */
    public static UnifiedSocialCreditCode of(String text) {
        return new UnifiedSocialCreditCode(text == null ? null : text.strip().toUpperCase(Locale.ROOT));
    }

    /** What is wrong with {@code code}, or null if it is a valid, normalised code. */
    public static Defect defectOf(String code) {
        if (code == null || code.length() != 18) {
            return Defect.LENGTH;
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Defect.CHARACTERS;
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return Defect.DIVISION_CODE;
            }
        }
        return code.charAt(17) == checkCharacter(code.substring(0, 17)) ? null : Defect.CHECK_CHARACTER;
    }

    /** The check character for the first 17 characters of a code (all from the alphabet). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** The six-digit division code of the registering region (positions 3–8). */
    public String divisionCode() {
        return value.substring(2, 8);
    }

    @Override
    public String toString() {
        return value;
    }
}
