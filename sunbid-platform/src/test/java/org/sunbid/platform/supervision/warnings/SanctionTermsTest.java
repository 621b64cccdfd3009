package org.sunbid.platform.supervision.warnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.credit.CreditClass;
import org.sunbid.platform.credit.Gate;
import org.sunbid.platform.kernel.DomainException;

class SanctionTermsTest {

    /** 2026-11-23 09:30 in Beijing. */
    static final Instant AT = Instant.parse("2026-11-23T01:30:00Z");

    private static Instant beijing(String day) {
        return LocalDate.parse(day).atStartOfDay(SanctionTerms.BEIJING).toInstant();
    }

    private static String code(Runnable r) {
        try {
            r.run();
            return null;
        } catch (DomainException e) {
            return e.errorCode().code();
        }
    }

    @Test
    void reg67_collusionBansOneYearByDefaultSeriousPublishedOneYear() {
        SanctionTerms.Terms t = SanctionTerms.of("《招标投标法实施条例》第六十七条", null, null, null, AT);
        assertThat(t.creditClass()).isEqualTo(CreditClass.SERIOUS);
        assertThat(t.gates()).containsExactlyInAnyOrder(Gate.BIDDING, Gate.INVITATION);
        assertThat(t.restrictionFrom()).isEqualTo(AT);
        assertThat(t.restrictionUntil()).isEqualTo(beijing("2027-11-23")); // last day 2027-11-22
        assertThat(t.publicationFrom()).isEqualTo(AT);
        assertThat(t.publicationUntil()).isEqualTo(beijing("2027-11-23"));
    }

    @Test
    void reg67_aBanOverTwoYearsIsRefusedTwoYearsIsTaken() {
        assertThat(code(() -> SanctionTerms.of("招标投标法实施条例第六十七条", null, LocalDate.of(2028, 11, 23), null, AT)))
                .isEqualTo("WARNING_SANCTION_TERM_INVALID");
        assertThat(code(() -> SanctionTerms.of("招标投标法实施条例第六十七条", null, LocalDate.of(2027, 6, 1), null, AT)))
                .isEqualTo("WARNING_SANCTION_TERM_INVALID");
        assertThat(SanctionTerms.of("招标投标法实施条例第六十七条", null, LocalDate.of(2028, 11, 22), null, AT).restrictionUntil())
                .isEqualTo(beijing("2028-11-23"));
    }

    @Test
    void reg68_fraudAndGpl77_upToThreeYearsPublishedAsLongAsRestricted() {
        SanctionTerms.Terms fraud = SanctionTerms.of("招标投标法实施条例第六十八条", null, LocalDate.of(2029, 11, 22), null, AT);
        assertThat(fraud.restrictionUntil()).isEqualTo(beijing("2029-11-23"));
        assertThat(fraud.publicationUntil()).isEqualTo(beijing("2029-11-23")); // 严重: at most 3 years (信用修复管理办法 Art. 12)
        SanctionTerms.Terms gp = SanctionTerms.of("政府采购法第七十七条", null, null, null, AT);
        assertThat(gp.gates()).contains(Gate.AGENCY_SELECTION);
        assertThat(code(() -> SanctionTerms.of("政府采购法第七十七条", null, LocalDate.of(2029, 11, 23), null, AT)))
                .isEqualTo("WARNING_SANCTION_TERM_INVALID");
    }

    @Test
    void gplReg72_refusingToSignBansOneToThreeYearsReg74_none() {
        SanctionTerms.Terms gp = SanctionTerms.of("《政府采购法实施条例》第七十二条第一款第（一）项", null, null, null, AT);
        assertThat(gp.creditClass()).isEqualTo(CreditClass.SERIOUS);
        assertThat(gp.restrictionUntil()).isEqualTo(beijing("2027-11-23"));
        SanctionTerms.Terms works = SanctionTerms.of("《招标投标法实施条例》第七十四条", null, null, null, AT);
        assertThat(works.creditClass()).isEqualTo(CreditClass.GENERAL);
        assertThat(works.gates()).isEmpty();
        assertThat(works.publicationUntil()).isEqualTo(beijing("2027-02-23"));
    }

    @Test
    void theRegulationsArticleIsNotTheLawsArticle() {
        assertThat(SanctionTerms.banOf("政府采购法实施条例第七十七条")).isEmpty();
        assertThat(SanctionTerms.banOf("招标投标法第六十七条")).isEmpty();
        assertThat(SanctionTerms.banOf("招标投标法第五十三条")).get().extracting(SanctionTerms.Ban::law).isEqualTo("招标投标法");
    }

    @Test
    void anotherBasisIsGeneralWithoutRestrictionUnlessGivenWithItsEnd() {
        SanctionTerms.Terms t = SanctionTerms.of("某市公共资源交易管理办法第二十条", null, null, null, AT);
        assertThat(t.creditClass()).isEqualTo(CreditClass.GENERAL);
        assertThat(t.gates()).isEmpty();
        assertThat(t.restrictionFrom()).isNull();
        assertThat(t.publicationUntil()).isEqualTo(beijing("2027-02-23")); // 一般: at least 3 months
        assertThat(code(() -> SanctionTerms.of("某办法第二十条", null, null, Set.of(Gate.BIDDING), AT)))
                .isEqualTo("WARNING_SANCTION_TERM_INVALID");
        SanctionTerms.Terms given = SanctionTerms.of("某办法第二十条", CreditClass.MINOR, LocalDate.of(2027, 5, 22),
                Set.of(Gate.EXPERT_DRAW), AT);
        assertThat(given.gates()).containsExactly(Gate.EXPERT_DRAW);
        assertThat(given.publicationFrom()).isNull(); // 轻微: not published
    }
}
