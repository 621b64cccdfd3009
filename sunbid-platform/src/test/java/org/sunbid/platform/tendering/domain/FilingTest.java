package org.sunbid.platform.tendering.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.LimitUnit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.tendering.FilingStatus;
import org.sunbid.platform.tendering.LegalPeriods;
import org.sunbid.platform.tendering.TenderStatus;
import org.sunbid.platform.tendering.TenderingError;

/**
 * Filing of tender documents with the supervisor before publication (招标文件备案) where a region's rule requires it:
 * the rule inherited down the region tree and dated, the filing's decision, and publication waiting for it. The basis
 * is the region's own rule (maintained data), named in each test as {@code regionRule_…}.
 */
class FilingTest {

    static final Instant NOW = TenderTest.NOW; // Monday 2026-11-23 09:30 Beijing
    static final ProcedureRules LAW = LegalPeriods.LAW.rules();
    static final String BASIS = "《示范省招标投标管理办法》第十二条";
    static final Limit FIVE_WORKING_DAYS = Limit.of(5, LimitUnit.WORKING_DAY, BASIS);
    static final List<String> TOWNSHIP_UP = List.of("990121100", "990121", "990100", "990000");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static FilingRule rule(String region, String appliesTo, boolean required, LocalDate from, LocalDate to) {
        return new FilingRule(region, appliesTo, required, FIVE_WORKING_DAYS, from, to);
    }

    static final List<TenderFiling.FiledDocument> DOCS = List.of(new TenderFiling.FiledDocument("招标文件.pdf", "a".repeat(64)),
            new TenderFiling.FiledDocument("工程量清单.xlsx", "b".repeat(64)));

    static final FilingRequirement REQUIRED = new FilingRequirement(true, FIVE_WORKING_DAYS, "990100");

    static TenderFiling filed(List<TenderFiling.FiledDocument> documents) {
        return TenderFiling.file(UUID.randomUUID(), UUID.randomUUID(), 1, documents, UUID.randomUUID(), NOW, "agency",
                UUID.randomUUID(), REQUIRED, FIVE_WORKING_DAYS.endAfter(NOW, LAW.calendar()));
    }

    private static TenderingError code(Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            return (TenderingError) e.errorCode();
        }
        throw new AssertionError("expected a refusal");
    }

    // The rule: nearest region up the tree, most specific procedure, version in force on the date.

    @Test
    void regionRule_withoutAnyRuleNothingIsRequired() {
        assertThat(FilingRules.resolve(TOWNSHIP_UP, List.of(), "GCJS_OPEN_TENDER", TODAY)).isEqualTo(FilingRequirement.NONE);
    }

    @Test
    void regionRule_theNearestRegionUpTheTreeThatSetsOneDecides() {
        List<FilingRule> rules = List.of(rule("990000", "*", true, LocalDate.of(2020, 1, 1), null),
                rule("990121", "*", false, LocalDate.of(2020, 1, 1), null));
        // the county turns off what the province requires, for itself and its townships
        assertThat(FilingRules.resolve(TOWNSHIP_UP, rules, "GCJS_OPEN_TENDER", TODAY).required()).isFalse();
        assertThat(FilingRules.resolve(TOWNSHIP_UP, rules, "GCJS_OPEN_TENDER", TODAY).regionCode()).isEqualTo("990121");
        // a city tender inherits the province's rule
        FilingRequirement city = FilingRules.resolve(List.of("990100", "990000"), rules, "GCJS_OPEN_TENDER", TODAY);
        assertThat(city.required()).isTrue();
        assertThat(city.regionCode()).isEqualTo("990000");
        assertThat(city.review()).isEqualTo(FIVE_WORKING_DAYS);
        assertThat(city.basis()).isEqualTo(BASIS);
    }

    @Test
    void regionRule_theProcedureBeatsItsKindWhichBeatsEveryProcedure() {
        List<FilingRule> rules = List.of(rule("990100", "*", true, LocalDate.of(2020, 1, 1), null),
                rule("990100", "ZFCG", false, LocalDate.of(2020, 1, 1), null),
                rule("990100", "ZFCG_OPEN_TENDER", true, LocalDate.of(2020, 1, 1), null));
        List<String> up = List.of("990100", "990000");
        assertThat(FilingRules.resolve(up, rules, "GCJS_OPEN_TENDER", TODAY).required()).isTrue();
        assertThat(FilingRules.resolve(up, rules, "ZFCG_INQUIRY", TODAY).required()).isFalse();
        assertThat(FilingRules.resolve(up, rules, "ZFCG_OPEN_TENDER", TODAY).required()).isTrue();
        // a rule for another procedure only does not apply at all: the province above decides
        List<FilingRule> other = List.of(rule("990100", "ZFCG", true, LocalDate.of(2020, 1, 1), null));
        assertThat(FilingRules.resolve(up, other, "GCJS_OPEN_TENDER", TODAY)).isEqualTo(FilingRequirement.NONE);
    }

    @Test
    void regionRule_theVersionInForceOnTheEventsDateApplies_eachSideOfTheChange() {
        List<FilingRule> rules = List.of(rule("990100", "*", false, LocalDate.of(2020, 1, 1), LocalDate.of(2026, 11, 30)),
                rule("990100", "*", true, LocalDate.of(2026, 12, 1), null));
        List<String> up = List.of("990100");
        assertThat(FilingRules.resolve(up, rules, "GCJS_OPEN_TENDER", LocalDate.of(2026, 11, 30)).required()).isFalse();
        assertThat(FilingRules.resolve(up, rules, "GCJS_OPEN_TENDER", LocalDate.of(2026, 12, 1)).required()).isTrue();
        // before the first version the region has no rule, so the tree above decides (none here)
        assertThat(FilingRules.resolve(up, rules, "GCJS_OPEN_TENDER", LocalDate.of(2019, 12, 31))).isEqualTo(FilingRequirement.NONE);
    }

    @Test
    void regionRule_aRuleIsRefusedWithoutItsBasisOrInAnotherUnitOrEndingBeforeItBegins() {
        LocalDate from = LocalDate.of(2026, 1, 1);
        assertThatThrownBy(() -> new FilingRule("990100", "*", true, Limit.of(5, LimitUnit.HOUR, BASIS), from, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FilingRule("990100", "*", true, Limit.of(5, LimitUnit.DAY, " "), from, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FilingRule("990100", "*", true, Limit.of(0, LimitUnit.DAY, BASIS), from, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FilingRule("990100", " ", true, FIVE_WORKING_DAYS, from, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FilingRule("990100", "*", true, FIVE_WORKING_DAYS, from, from.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // The filing and its decision.

    @Test
    void regionRule_theSupervisorDecidesWithinFiveWorkingDays_startDayNotCounted() {
        TenderFiling filing = filed(DOCS);
        // filed on Monday 09:30: Tue, Wed, Thu, Fri, Mon → ends at 24:00 Beijing on Monday 2026-11-30
        assertThat(filing.due()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(filing.status()).isEqualTo(FilingStatus.PENDING);
        assertThat(filing.overdue(Instant.parse("2026-11-30T15:59:59Z"))).isFalse();
        assertThat(filing.overdue(Instant.parse("2026-11-30T16:00:01Z"))).isTrue();
    }

    @Test
    void regionRule_aReturnNeedsReasons_andChangesNothingWithout() {
        TenderFiling filing = filed(DOCS);
        assertThat(code(() -> filing.returnWith("  ", NOW, "supervisor"))).isEqualTo(TenderingError.FILING_REASONS_REQUIRED);
        assertThat(code(() -> filing.returnWith(null, NOW, "supervisor"))).isEqualTo(TenderingError.FILING_REASONS_REQUIRED);
        assertThat(filing.status()).isEqualTo(FilingStatus.PENDING);
        assertThat(filing.decidedAt()).isNull();
        filing.returnWith(" 评标办法未载明价格分计算公式 ", NOW, "supervisor");
        assertThat(filing.status()).isEqualTo(FilingStatus.RETURNED);
        assertThat(filing.reasons()).isEqualTo("评标办法未载明价格分计算公式");
    }

    @Test
    void regionRule_aFilingIsDecidedOnce_evenLate() {
        TenderFiling filing = filed(DOCS);
        Instant late = filing.due().plus(Duration.ofDays(1));
        filing.accept(late, "supervisor");
        assertThat(filing.status()).isEqualTo(FilingStatus.ACCEPTED);
        assertThat(filing.overdue(late.plus(Duration.ofDays(9)))).isTrue(); // judged at the decision
        assertThat(code(() -> filing.returnWith("再看看", late, "supervisor"))).isEqualTo(TenderingError.FILING_DECIDED);
        assertThat(code(() -> filing.accept(late, "supervisor"))).isEqualTo(TenderingError.FILING_DECIDED);
        assertThat(filing.status()).isEqualTo(FilingStatus.ACCEPTED);
    }

    @Test
    void regionRule_nothingToFileWhereNotRequiredOrWithoutDocuments() {
        assertThat(code(() -> TenderFiling.file(UUID.randomUUID(), UUID.randomUUID(), 1, DOCS, UUID.randomUUID(), NOW, "agency",
                UUID.randomUUID(), FilingRequirement.NONE, NOW))).isEqualTo(TenderingError.FILING_NOT_REQUIRED);
        assertThat(code(() -> filed(List.of()))).isEqualTo(TenderingError.TENDER_DOCUMENTS_MISSING);
    }

    @Test
    void theFiledDocumentsAreKnownByTheirNamesAndSm3_inAnyOrder() {
        TenderFiling filing = filed(DOCS);
        assertThat(filing.covers(List.of(DOCS.get(1), DOCS.get(0)))).isTrue();
        assertThat(filing.covers(List.of(DOCS.get(0)))).isFalse();
        assertThat(filing.covers(List.of(DOCS.get(0), new TenderFiling.FiledDocument("工程量清单.xlsx", "c".repeat(64))))).isFalse();
        assertThat(filing.documentsSm3()).hasSize(64).isEqualTo(TenderFiling.digest(List.of(DOCS.get(1), DOCS.get(0))));
    }

    // Publication waits for an accepted filing of the documents as they are.

    @Test
    void regionRule_publicationIsRefusedUntilTheDocumentsAsTheyAreAreAccepted() {
        Tender tender = TenderTest.draft(Duration.ofDays(25));
        FilingState never = FilingState.of(REQUIRED, null, DOCS);
        assertThat(code(() -> tender.publish(NOW, LAW, 2, never))).isEqualTo(TenderingError.FILING_REQUIRED);
        TenderFiling filing = filed(DOCS);
        assertThat(code(() -> tender.publish(NOW, LAW, 2, FilingState.of(REQUIRED, filing, DOCS))))
                .isEqualTo(TenderingError.FILING_NOT_ACCEPTED);
        filing.returnWith("资格条件设置过高", NOW, "supervisor");
        DomainException returned = tender.publicationRefusal(NOW, LAW, 2, FilingState.of(REQUIRED, filing, DOCS));
        assertThat(returned.errorCode()).isEqualTo(TenderingError.FILING_RETURNED);
        assertThat(returned.arguments()).containsExactly("资格条件设置过高");
        assertThat(tender.status()).isEqualTo(TenderStatus.DRAFT);

        TenderFiling again = filed(DOCS);
        again.accept(NOW, "supervisor");
        // a document added after the acceptance needs a new filing
        List<TenderFiling.FiledDocument> more = List.of(DOCS.get(0), DOCS.get(1),
                new TenderFiling.FiledDocument("补充说明.pdf", "d".repeat(64)));
        assertThat(code(() -> tender.publish(NOW, LAW, 3, FilingState.of(REQUIRED, again, more))))
                .isEqualTo(TenderingError.FILING_REQUIRED);
        assertThat(tender.publishedAt()).isNull();
        tender.publish(NOW, LAW, 2, FilingState.of(REQUIRED, again, DOCS));
        assertThat(tender.status()).isEqualTo(TenderStatus.PUBLISHED);
    }

    @Test
    void whereFilingIsNotRequiredPublicationIsAsBefore() {
        Tender tender = TenderTest.draft(Duration.ofDays(25));
        FilingState off = FilingState.of(new FilingRequirement(false, FIVE_WORKING_DAYS, "990121"), null, DOCS);
        assertThat(tender.publicationRefusal(NOW, LAW, 1, off)).isNull();
        // documents missing still comes first
        assertThat(tender.publicationRefusal(NOW, LAW, 0, FilingState.of(REQUIRED, null, List.of())).errorCode())
                .isEqualTo(TenderingError.TENDER_DOCUMENTS_MISSING);
        tender.publish(NOW, LAW, 1, FilingState.NOT_REQUIRED);
        assertThat(tender.status()).isEqualTo(TenderStatus.PUBLISHED);
    }
}
