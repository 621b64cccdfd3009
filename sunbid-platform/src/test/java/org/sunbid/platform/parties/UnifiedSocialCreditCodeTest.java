package org.sunbid.platform.parties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.UnifiedSocialCreditCode.Defect;

/** GB 32100-2015: the unified social credit code and its check character. */
class UnifiedSocialCreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "911100001000013492", "91110000802100433B", "91440300708461136T"})
    void acceptsPublishedCodes(String code) {
        assertNull(UnifiedSocialCreditCode.defectOf(code));
        assertEquals(code, UnifiedSocialCreditCode.of(code).value());
    }

    @Test
    void normalisesCaseAndSurroundingSpace() {
        assertEquals("91110000802100433B", UnifiedSocialCreditCode.of("  91110000802100433b ").value());
    }

    @ParameterizedTest
    @CsvSource({
            "91350100M000100Y44, CHECK_CHARACTER",
            "91350100M000100Y4, LENGTH",
            "91350100M000100Y433, LENGTH",
            "91350100M00010OY43, CHARACTERS", // letter O is not in the alphabet
            "91350100M00010IY43, CHARACTERS",
            "9135A100M000100Y43, DIVISION_CODE"})
    void refusesDefectiveCodes(String code, Defect defect) {
        assertEquals(defect, UnifiedSocialCreditCode.defectOf(code));
        DomainException e = assertThrows(DomainException.class, () -> UnifiedSocialCreditCode.of(code));
        assertEquals(PartiesError.INVALID_CREDIT_CODE, e.errorCode());
        assertEquals(defect, e.arguments()[1]);
    }

    @Test
    void refusesNothingAtAll() {
        assertEquals(Defect.LENGTH, UnifiedSocialCreditCode.defectOf(null));
        assertThrows(DomainException.class, () -> UnifiedSocialCreditCode.of(null));
    }

    @Test
    void computesTheCheckCharacterOverTheFirstSeventeen() {
        assertEquals('3', UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4"));
        assertEquals('B', UnifiedSocialCreditCode.checkCharacter("91110000802100433"));
    }

    @Test
    void exposesTheDivisionCode() {
        assertEquals("350100", UnifiedSocialCreditCode.of("91350100M000100Y43").divisionCode());
    }
}
