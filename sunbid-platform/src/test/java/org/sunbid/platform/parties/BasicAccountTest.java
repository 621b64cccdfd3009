package org.sunbid.platform.parties;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reg. 26: what a basic account number and bank name may look like. */
class BasicAccountTest {

    @Test
    void reg26_anAccountNumberIsItsDigitsWithSpacesBetweenGroupsAllowed() {
        assertThat(BasicAccount.normalise("6216 6100 0000 1234")).isEqualTo("6216610000001234");
        assertThat(BasicAccount.normalise("12345678")).isEqualTo("12345678");
        assertThat(BasicAccount.normalise("1".repeat(32))).isEqualTo("1".repeat(32));
    }

    @Test
    void reg26_anythingElseIsNoAccountNumber() {
        assertThat(BasicAccount.normalise(null)).isNull();
        assertThat(BasicAccount.normalise("")).isNull();
        assertThat(BasicAccount.normalise("1234567")).isNull(); // too short
        assertThat(BasicAccount.normalise("1".repeat(33))).isNull(); // too long
        assertThat(BasicAccount.normalise("6216-6100-0000-1234")).isNull();
        assertThat(BasicAccount.normalise("62166100000012AB")).isNull();
        assertThat(BasicAccount.normalise("１２３４５６７８９")).isNull(); // full-width digits
        assertThat(BasicAccount.normalise("٣".repeat(10))).isNull(); // other scripts' digits
        assertThat(BasicAccount.normalise("1 ".repeat(40))).isNull(); // padding cannot stretch the input
    }

    @Test
    void reg26_aBankNameIsNeededWithoutControlCharacters() {
        assertThat(BasicAccount.bankName("  中国工商银行云州分行营业部 ")).isEqualTo("中国工商银行云州分行营业部");
        assertThat(BasicAccount.bankName(" ")).isNull();
        assertThat(BasicAccount.bankName(null)).isNull();
        assertThat(BasicAccount.bankName("中国\n银行")).isNull();
        assertThat(BasicAccount.bankName("银".repeat(101))).isNull();
    }
}
