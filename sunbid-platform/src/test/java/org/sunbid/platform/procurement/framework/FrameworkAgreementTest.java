package org.sunbid.platform.procurement.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.catalog.WorkingDays;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.LimitUnit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.procurement.FrameworkError;

/**
 * Framework agreements' rules as deals' V430 states them and V500 words them (财政部令第110号): each test named after
 * the rule it checks; "reg50" is 政府采购法实施条例 Art. 50, read in the published text. No article number of 110号令
 * could be read (STATUS-R.md), so the tests carry none and the rule texts below are V500's. Plain Java with an injected
 * clock; no Spring.
 */
class FrameworkAgreementTest {

    static final String A110 = "财政部令第110号";
    static final String ELIMINATION = A110 + "（封闭式：淘汰比例一般不得低于20%）[M ⚠ 原文与条次均待核]";
    static final String MAX_PRICE = A110 + "（集中采购机构或者主管预算单位应当在征集公告和征集文件中确定框架协议采购的最高限制单价）⚠ 条次待核";
    /** Monday 2026-12-07 10:00 Beijing. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final WorkingDays CALENDAR = new WorkingDays(Map.of(LocalDate.of(2027, 1, 1), WorkingDays.DayKind.HOLIDAY));

    static final FrameworkTerms TERMS = FrameworkTerms.of(new ProcedureRules("ZFCG_FRAMEWORK", LocalDate.of(2026, 12, 7),
            Map.ofEntries(
                    Map.entry(FrameworkTerms.CLOSED, Limit.of(1, LimitUnit.FLAG, A110 + "（封闭式框架协议采购是框架协议采购的主要形式）")),
                    Map.entry(FrameworkTerms.OPEN, Limit.of(1, LimitUnit.FLAG, A110 + "（开放式框架协议采购）")),
                    Map.entry(FrameworkTerms.MAX_UNIT_PRICE_REQUIRED, Limit.of(1, LimitUnit.FLAG, MAX_PRICE)),
                    Map.entry(FrameworkTerms.PRICE_FIRST, Limit.of(1, LimitUnit.FLAG, A110 + "（价格优先法）")),
                    Map.entry(FrameworkTerms.QUALITY_FIRST, Limit.of(1, LimitUnit.FLAG, A110 + "（质量优先法）")),
                    Map.entry(FrameworkTerms.RESPONDENTS_MIN, Limit.of(2, LimitUnit.COUNT, A110 + "（响应且合格的供应商均不少于2家）")),
                    Map.entry(FrameworkTerms.ELIMINATION_MIN_PERCENT, Limit.of(20, LimitUnit.PERCENT, ELIMINATION)),
                    Map.entry(FrameworkTerms.ELIMINATION_MIN_COUNT, Limit.of(1, LimitUnit.COUNT, A110 + "（且至少淘汰一家供应商）")),
                    Map.entry(FrameworkTerms.TERM_GOODS, Limit.of(12, LimitUnit.MONTH, A110 + "（货物项目一般不超过1年）")),
                    Map.entry(FrameworkTerms.TERM_SERVICES, Limit.of(24, LimitUnit.MONTH, A110 + "（服务项目一般不超过2年）")),
                    Map.entry(FrameworkTerms.ORDER_PUBLICATION, Limit.of(2, LimitUnit.WORKING_DAY, "《政府采购法实施条例》第五十条"))),
            CALENDAR));

    static final Map<Integer, BigDecimal> MAXIMA = Map.of(1, new BigDecimal("5000.00"), 2, new BigDecimal("800.00"));

    static Instant now() {
        return CLOCK.instant();
    }

    static FrameworkAgreement collecting(AgreementKind kind) {
        return new FrameworkAgreement(UUID.randomUUID(), kind, ShortlistMethod.PRICE_FIRST, false, 12,
                now().plus(Duration.ofDays(10)), AgreementStatus.COLLECTING, null, null, MAXIMA);
    }

    static FrameworkAgreement inForce(AgreementKind kind) {
        Instant start = now().minus(Duration.ofDays(1));
        FrameworkAgreement a = collecting(kind);
        return new FrameworkAgreement(a.id(), kind, a.method(), false, 12, start.minus(Duration.ofDays(1)), AgreementStatus.IN_FORCE,
                start, a.termEndFrom(start), MAXIMA);
    }

    static FrameworkError code(Throwable t) {
        return (FrameworkError) ((DomainException) t).errorCode();
    }

    static Map<Integer, BigDecimal> prices(String p1, String p2) {
        return Map.of(1, new BigDecimal(p1), 2, new BigDecimal(p2));
    }

    // ------------------------------------------------------------------------------------------- first stage

    @Test
    void order110_maxUnitPrice_aResponseAboveAnItemsMaximumIsRefused_atOrBelowIsAccepted() {
        FrameworkAgreement a = collecting(AgreementKind.CLOSED);
        assertThatThrownBy(() -> a.checkResponse(prices("5000.01", "700"), TERMS, now()))
                .satisfies(t -> assertThat(code(t)).isEqualTo(FrameworkError.GPL110_ABOVE_MAX_UNIT_PRICE))
                .satisfies(t -> assertThat(((DomainException) t).arguments()).containsExactly(1, "5000.01", "5000.00", MAX_PRICE));
        a.checkResponse(prices("5000.00", "800.00"), TERMS, now());
        // every item must be priced
        assertThatThrownBy(() -> a.checkResponse(Map.of(1, new BigDecimal("4000")), TERMS, now()))
                .satisfies(t -> assertThat(code(t)).isEqualTo(FrameworkError.FRAMEWORK_INVALID));
    }

    @Test
    void order110_maxUnitPrice_everyItemOfANewAgreementNeedsOne() {
        Instant deadline = now().plus(Duration.ofDays(10));
        assertThatThrownBy(() -> FrameworkAgreement.checkNew(TERMS, AgreementKind.CLOSED, ShortlistMethod.PRICE_FIRST, false, 12,
                deadline, java.util.Arrays.asList(new BigDecimal("100"), null), now()))
                .satisfies(t -> assertThat(code(t)).isEqualTo(FrameworkError.GPL110_MAX_UNIT_PRICE_REQUIRED));
        FrameworkAgreement.checkNew(TERMS, AgreementKind.CLOSED, ShortlistMethod.PRICE_FIRST, false, 12, deadline,
                List.of(new BigDecimal("100")), now());
    }

    @Test
    void order110_term_goodsAtMostTwelveMonths_servicesTwentyFour() {
        Instant deadline = now().plus(Duration.ofDays(10));
        List<BigDecimal> maxima = List.of(new BigDecimal("100"));
        assertThatThrownBy(() -> FrameworkAgreement.checkNew(TERMS, AgreementKind.CLOSED, ShortlistMethod.PRICE_FIRST, false, 13,
                deadline, maxima, now()))
                .satisfies(t -> assertThat(code(t)).isEqualTo(FrameworkError.GPL110_TERM_TOO_LONG));
        FrameworkAgreement.checkNew(TERMS, AgreementKind.CLOSED, ShortlistMethod.PRICE_FIRST, true, 24, deadline, maxima, now());
        assertThatThrownBy(() -> FrameworkAgreement.checkNew(TERMS, AgreementKind.CLOSED, ShortlistMethod.PRICE_FIRST, true, 25,
                deadline, maxima, now()))
                .satisfies(t -> assertThat(code(t)).isEqualTo(FrameworkError.GPL110_TERM_TOO_LONG));
    }

    @Test
    void order110_responsesCloseAtTheDeadline_shortlistingOnlyAfterIt() {
        FrameworkAgreement a = collecting(AgreementKind.CLOSED);
        Instant deadline = a.responseDeadline();
        a.checkResponse(prices("1", "1"), TERMS, deadline.minusMillis(1));
        assertThatThrownBy(() -> a.checkResponse(prices("1", "1"), TERMS, deadline))
                .satisfies(t -> assertThat(code(t)).isEqualTo(FrameworkError.FRAMEWORK_RESPONSE_CLOSED));
        assertThatThrownBy(() -> a.checkShortlisting(deadline.minusMillis(1)))
                .satisfies(t -> assertThat(code(t)).isEqualTo(FrameworkError.FRAMEWORK_STATE));
        a.checkShortlisting(deadline);
    }

    @Test
    void order110_elimination_atLeastTwentyPercentRoundedUp_andAtLeastOne() {
        assertThat(TERMS.eliminationRequired(2)).isEqualTo(1);
        assertThat(TERMS.eliminationRequired(5)).isEqualTo(1);
        assertThat(TERMS.eliminationRequired(6)).isEqualTo(2); // 1.2 → 2
        assertThat(TERMS.eliminationRequired(10)).isEqualTo(2);
        assertThat(TERMS.eliminationRequired(11)).isEqualTo(3); // 2.2 → 3
    }

    static List<Shortlisting.Response> responses(String... totals) {
        java.util.ArrayList<Shortlisting.Response> list = new java.util.ArrayList<>();
        for (int i = 0; i < totals.length; i++) {
            list.add(new Shortlisting.Response(new UUID(0, i + 1), new BigDecimal(totals[i]), BigDecimal.valueOf(90 - i),
                    now().plusSeconds(i)));
        }
        return list;
    }

    @Test
    void order110_elimination_aShortlistEliminatingTooFewIsRefused() {
        List<Shortlisting.Response> six = responses("600", "500", "400", "300", "200", "100");
        assertThatThrownBy(() -> Shortlisting.shortlist(six, 5, ShortlistMethod.PRICE_FIRST, TERMS))
                .satisfies(t -> assertThat(code(t)).isEqualTo(FrameworkError.GPL110_ELIMINATION_TOO_LOW))
                .satisfies(t -> assertThat(((DomainException) t).arguments()).containsExactly(2, 1, ELIMINATION));
        assertThatThrownBy(() -> Shortlisting.shortlist(six, 6, ShortlistMethod.PRICE_FIRST, TERMS))
                .satisfies(t -> assertThat(code(t)).isEqualTo(FrameworkError.GPL110_ELIMINATION_TOO_LOW));
        assertThat(Shortlisting.shortlist(six, 4, ShortlistMethod.PRICE_FIRST, TERMS).eliminated()).hasSize(2);
    }

    @Test
    void order110_respondents_fewerThanTwoCannotBeShortlisted() {
        assertThatThrownBy(() -> Shortlisting.shortlist(responses("100"), 1, ShortlistMethod.PRICE_FIRST, TERMS))
                .satisfies(t -> assertThat(code(t)).isEqualTo(FrameworkError.GPL110_RESPONDENTS_TOO_FEW));
        assertThat(Shortlisting.shortlist(responses("100", "90"), 1, ShortlistMethod.PRICE_FIRST, TERMS).shortlisted())
                .extracting(Shortlisting.Response::totalPrice).containsExactly(new BigDecimal("90"));
    }

    @Test
    void order110_priceFirst_lowestFirst_theEarlierResponseBreaksATie() {
        List<Shortlisting.Response> r = responses("300", "100", "200", "100", "400");
        Shortlisting.Result result = Shortlisting.shortlist(r, 3, ShortlistMethod.PRICE_FIRST, TERMS);
        assertThat(result.shortlisted()).extracting(Shortlisting.Response::supplierId)
                .containsExactly(new UUID(0, 2), new UUID(0, 4), new UUID(0, 3));
        assertThat(result.eliminated()).extracting(Shortlisting.Response::supplierId).containsExactly(new UUID(0, 1), new UUID(0, 5));
    }

    @Test
    void order110_qualityFirst_highestScoreFirst_theLowerPriceBreaksATie() {
        Instant t = now();
        List<Shortlisting.Response> r = List.of(
                new Shortlisting.Response(new UUID(0, 1), new BigDecimal("100"), new BigDecimal("80"), t),
                new Shortlisting.Response(new UUID(0, 2), new BigDecimal("300"), new BigDecimal("95"), t),
                new Shortlisting.Response(new UUID(0, 3), new BigDecimal("200"), new BigDecimal("95"), t),
                new Shortlisting.Response(new UUID(0, 4), new BigDecimal("50"), new BigDecimal("60"), t));
        assertThat(Shortlisting.shortlist(r, 3, ShortlistMethod.QUALITY_FIRST, TERMS).shortlisted())
                .extracting(Shortlisting.Response::supplierId).containsExactly(new UUID(0, 3), new UUID(0, 2), new UUID(0, 1));
        // a response without a score cannot be ranked by quality
        List<Shortlisting.Response> unscored = List.of(r.get(0), new Shortlisting.Response(new UUID(0, 9), BigDecimal.TEN, null, t));
        assertThatThrownBy(() -> Shortlisting.shortlist(unscored, 1, ShortlistMethod.QUALITY_FIRST, TERMS))
                .satisfies(x -> assertThat(code(x)).isEqualTo(FrameworkError.FRAMEWORK_INVALID));
    }

    /**
     * 开放式框架协议采购: "愿意接受协议条件的供应商可以随时申请加入" — nobody who qualifies is eliminated, so the closed
     * agreement's elimination rule does not apply; a number below the qualified count is refused, none (0) admits all.
     */
    @Test
    void order110_openAgreement_eliminatesNobody_everyQualifiedRespondentIsAdmittedInRankOrder() {
        List<Shortlisting.Response> three = responses("300", "100", "200");
        assertThat(TERMS.eliminationRequired(AgreementKind.OPEN, 3)).isZero();
        assertThat(TERMS.eliminationRequired(AgreementKind.CLOSED, 3)).isEqualTo(1);
        Shortlisting.Result all = Shortlisting.shortlist(three, 0, AgreementKind.OPEN, ShortlistMethod.PRICE_FIRST, TERMS);
        assertThat(all.eliminated()).isEmpty();
        assertThat(all.shortlisted()).extracting(Shortlisting.Response::supplierId)
                .containsExactly(new UUID(0, 2), new UUID(0, 3), new UUID(0, 1));
        assertThat(Shortlisting.shortlist(three, 3, AgreementKind.OPEN, ShortlistMethod.PRICE_FIRST, TERMS).shortlisted()).hasSize(3);
        assertThatThrownBy(() -> Shortlisting.shortlist(three, 2, AgreementKind.OPEN, ShortlistMethod.PRICE_FIRST, TERMS))
                .satisfies(t -> assertThat(code(t)).isEqualTo(FrameworkError.GPL110_OPEN_ADMITS_ALL))
                .satisfies(t -> assertThat(((DomainException) t).arguments()).containsExactly(3, 2));
        // the same three under a closed agreement must lose one
        assertThatThrownBy(() -> Shortlisting.shortlist(three, 3, AgreementKind.CLOSED, ShortlistMethod.PRICE_FIRST, TERMS))
                .satisfies(t -> assertThat(code(t)).isEqualTo(FrameworkError.GPL110_ELIMINATION_TOO_LOW));
        // the respondents minimum holds for both kinds
        assertThatThrownBy(() -> Shortlisting.shortlist(responses("100"), 0, AgreementKind.OPEN, ShortlistMethod.PRICE_FIRST, TERMS))
                .satisfies(t -> assertThat(code(t)).isEqualTo(FrameworkError.GPL110_RESPONDENTS_TOO_FEW));
    }

    @Test
    void order110_openAgreement_suppliersJoinDuringTheTerm_aClosedOneRefuses() {
        inForce(AgreementKind.OPEN).checkJoin(prices("4000", "700"), TERMS, now());
        assertThatThrownBy(() -> inForce(AgreementKind.CLOSED).checkJoin(prices("4000", "700"), TERMS, now()))
                .satisfies(t -> assertThat(code(t)).isEqualTo(FrameworkError.GPL110_CLOSED_AGREEMENT));
        assertThatThrownBy(() -> inForce(AgreementKind.OPEN).checkJoin(prices("5001", "700"), TERMS, now()))
                .satisfies(t -> assertThat(code(t)).isEqualTo(FrameworkError.GPL110_ABOVE_MAX_UNIT_PRICE));
        FrameworkAgreement open = inForce(AgreementKind.OPEN);
        assertThatThrownBy(() -> open.checkJoin(prices("4000", "700"), TERMS, open.termEnd()))
                .satisfies(t -> assertThat(code(t)).isEqualTo(FrameworkError.FRAMEWORK_STATE));
    }

    @Test
    void order110_term_endsTwelveCalendarMonthsAfterTheShortlistInBeijing() {
        Instant start = Instant.parse("2026-12-07T02:00:00Z");
        assertThat(collecting(AgreementKind.CLOSED).termEndFrom(start)).isEqualTo(Instant.parse("2027-12-07T02:00:00Z"));
    }

    // ------------------------------------------------------------------------------------------- second stage

    @Test
    void order110_rotation_inThePublishedOrder_wrapsAround_passesOverABarredSupplier() {
        UUID a = new UUID(0, 1), b = new UUID(0, 2), c = new UUID(0, 3);
        List<UUID> order = List.of(a, b, c);
        Rotation.Turn first = Rotation.next(order, 0, Set.of());
        assertThat(first).isEqualTo(new Rotation.Turn(a, 0, 1));
        assertThat(Rotation.next(order, 2, Set.of())).isEqualTo(new Rotation.Turn(c, 2, 0));
        assertThat(Rotation.next(order, 1, Set.of(b))).isEqualTo(new Rotation.Turn(c, 2, 0));
        assertThatThrownBy(() -> Rotation.next(order, 0, Set.of(a, b, c)))
                .satisfies(t -> assertThat(code(t)).isEqualTo(FrameworkError.GPL110_ROTATION_EXHAUSTED));
    }

    @Test
    void order110_secondaryCompetition_lowestValidPriceWins_notAboveItsAgreementPrice_earlierTieWins() {
        UUID a = new UUID(0, 1), b = new UUID(0, 2), c = new UUID(0, 3), d = new UUID(0, 4), e = new UUID(0, 5);
        Instant t = now();
        List<CompetitionOffer> offers = List.of(
                new CompetitionOffer(a, new BigDecimal("4100"), t.plusSeconds(3)),
                new CompetitionOffer(b, new BigDecimal("3900"), t.plusSeconds(1)), // above its own agreement price
                new CompetitionOffer(c, new BigDecimal("4100"), t.plusSeconds(2)),
                new CompetitionOffer(d, null, t), // opened without a price for the item
                new CompetitionOffer(e, new BigDecimal("1000"), t)); // no ceiling: not a member, or restricted now
        Map<UUID, BigDecimal> ceilings = Map.of(a, new BigDecimal("4500"), b, new BigDecimal("3800"), c, new BigDecimal("4300"),
                d, new BigDecimal("5000"));
        assertThat(CompetitionOffer.winner(offers, ceilings)).map(CompetitionOffer::supplierId).contains(c);
        assertThat(CompetitionOffer.winner(List.of(offers.get(3), offers.get(4)), ceilings)).isEmpty();
    }

    @Test
    void reg50_anOrdersContractIsPublishedWithinTwoWorkingDaysOfSignature_theStartDayNotCounted() {
        Limit publication = TERMS.orderPublication();
        // concluded Thursday 2026-1231 15:00 Beijing; 2027-01-01 is a holiday: Monday 4th and Tuesday 5th count
        Instant concluded = Instant.parse("2026-12-31T07:00:00Z");
        assertThat(publication.endAfter(concluded, CALENDAR)).isEqualTo(Instant.parse("2027-01-05T16:00:00Z"));
        // concluded Monday: the period ends at Wednesday 24:00
        assertThat(publication.endAfter(now(), CALENDAR)).isEqualTo(Instant.parse("2026-12-09T16:00:00Z"));
    }
}
