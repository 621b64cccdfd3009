package org.sunbid.platform.procurement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.catalog.WorkingDays;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.LimitUnit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.procurement.NegotiationError;

/** The negotiation rounds, article by article, under the rules as V93 dates them (hand-copied here). */
class NegotiationTest {

    static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    static final ProcedureRules NEGOTIATION = new ProcedureRules("ZFCG_NEGOTIATION", DAY, Map.of(
            RuleKeys.FINAL_OFFERS_MIN, Limit.of(3, LimitUnit.COUNT, "财政部令第74号第三十三条"),
            RuleKeys.NEGOTIATION_ROUNDS, Limit.of(1, LimitUnit.FLAG, "财政部令第74号第三十一条、第三十二条"),
            RuleKeys.ROUND_CHANGE_RESPONSE, Limit.of(30, LimitUnit.MINUTE, "财政部令第74号第三十二条")), new WorkingDays(Map.of()));
    static final ProcedureRules CONSULTATION = new ProcedureRules("ZFCG_CONSULTATION", DAY, Map.of(
            RuleKeys.FINAL_OFFERS_MIN, Limit.of(3, LimitUnit.COUNT, "财库〔2014〕214号第二十一条"),
            RuleKeys.FINAL_OFFERS_MIN_SERVICES, Limit.of(2, LimitUnit.COUNT, "财库〔2015〕124号"),
            RuleKeys.NEGOTIATION_ROUNDS, Limit.of(1, LimitUnit.FLAG, "财库〔2014〕214号第十七条、第十八条"),
            RuleKeys.ROUND_CHANGE_RESPONSE, Limit.of(30, LimitUnit.MINUTE, "财库〔2014〕214号第十八条")), new WorkingDays(Map.of()));
    static final ProcedureRules INQUIRY = new ProcedureRules("ZFCG_INQUIRY", DAY, Map.of(
            RuleKeys.OPENING_MIN, Limit.of(3, LimitUnit.COUNT, "财政部令第74号第五十条"),
            RuleKeys.LOWEST_PRICE_ONLY, Limit.of(1, LimitUnit.FLAG, "财政部令第74号第四十九条")), new WorkingDays(Map.of()));
    static final ProcedureRules SINGLE_SOURCE = new ProcedureRules("ZFCG_SINGLE_SOURCE", DAY, Map.of(
            RuleKeys.NEGOTIATION_ROUNDS, Limit.of(1, LimitUnit.FLAG, "财政部令第74号第四十二条")), new WorkingDays(Map.of()));

    final UUID lot = UUID.randomUUID();
    final UUID a = UUID.randomUUID();
    final UUID b = UUID.randomUUID();
    final UUID c = UUID.randomUUID();

    Map<UUID, String> suppliers(UUID... ids) {
        Map<UUID, String> out = new LinkedHashMap<>();
        for (UUID id : ids) {
            out.put(id, "供应商" + out.size());
        }
        return out;
    }

    Negotiation threeSuppliers(ProcedureRules rules, boolean services) {
        return Negotiation.start(lot, NegotiationTerms.of(rules, services), suppliers(a, b, c), T0);
    }

    static NegotiationError code(Runnable r) {
        try {
            r.run();
        } catch (DomainException e) {
            return (NegotiationError) e.errorCode();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void gpl74_art31_roundsNumberedFromOneWithEverySupplierWhoseResponseWasOpened() {
        Negotiation n = threeSuppliers(NEGOTIATION, false);
        assertThat(n.round()).isEqualTo(1);
        assertThat(n.status()).isEqualTo(NegotiationStatus.NEGOTIATING);
        assertThat(n.remaining()).containsExactly(a, b, c);
    }

    @Test
    void gpl74_art51_inquiryRefusesAnyRound() {
        NegotiationTerms terms = NegotiationTerms.of(INQUIRY, false);
        assertThat(terms.roundsAllowed()).isFalse();
        assertThat(code(() -> Negotiation.start(lot, terms, suppliers(a, b, c), T0))).isEqualTo(NegotiationError.GPL74_ART51_NO_NEGOTIATION);
    }

    @Test
    void gpl74_art32_aChangeIsDeliveredToEveryRemainingSupplierAtOnce() {
        Negotiation n = threeSuppliers(NEGOTIATION, false);
        Negotiation.Change change = n.change(UUID.randomUUID(), T0.plusSeconds(60));
        assertThat(change.notices().keySet()).containsExactlyInAnyOrder(a, b, c);
        assertThat(change.notices().values()).allSatisfy(x -> assertThat(x.deliveredAt()).isEqualTo(T0.plusSeconds(60)));
        assertThat(change.round()).isEqualTo(1);
    }

    @Test
    void gpl74_art32_finalOffersRefusedBeforeEveryAcknowledgementAndAcceptedOnceAllAcknowledged() {
        Negotiation n = threeSuppliers(NEGOTIATION, false);
        UUID id = UUID.randomUUID();
        n.change(id, T0);
        n.acknowledge(id, a, T0.plusSeconds(10));
        n.acknowledge(id, b, T0.plusSeconds(20));
        Instant deadline = T0.plus(Duration.ofHours(2));
        assertThat(code(() -> n.callFinalOffers(deadline, T0.plusSeconds(30)))).isEqualTo(NegotiationError.GPL74_ART32_CHANGE_RESPONSE_TIME);
        assertThat(n.status()).isEqualTo(NegotiationStatus.NEGOTIATING);
        n.acknowledge(id, c, T0.plusSeconds(40));
        assertThat(n.callFinalOffers(deadline, T0.plusSeconds(50))).containsExactly(a, b, c);
        assertThat(n.status()).isEqualTo(NegotiationStatus.AWAITING_OFFERS);
        assertThat(n.current().offerDeadline()).isEqualTo(deadline);
    }

    @Test
    void gpl74_art32_responseTimeOnEachSideOfTheLimit() {
        Negotiation n = threeSuppliers(NEGOTIATION, false);
        UUID id = UUID.randomUUID();
        n.change(id, T0);
        Instant deadline = T0.plus(Duration.ofHours(2));
        // 30 minutes after the delivery, not one second less
        assertThat(code(() -> n.callFinalOffers(deadline, T0.plus(Duration.ofMinutes(30)).minusSeconds(1))))
                .isEqualTo(NegotiationError.GPL74_ART32_CHANGE_RESPONSE_TIME);
        assertThat(n.callFinalOffers(deadline, T0.plus(Duration.ofMinutes(30)))).hasSize(3);
    }

    @Test
    void gpl74_art32_aChangeMissingASuppliersDeliveryBlocksTheCall() {
        UUID id = UUID.randomUUID();
        // as stored: the delivery to c was never recorded
        Negotiation n = new Negotiation(lot, NegotiationTerms.of(NEGOTIATION, false), NegotiationStatus.NEGOTIATING,
                Negotiation.start(lot, NegotiationTerms.of(NEGOTIATION, false), suppliers(a, b, c), T0).suppliers(),
                java.util.List.of(new Negotiation.Round(1, T0, null, null, null)),
                java.util.List.of(new Negotiation.Change(id, 1, T0, Map.of(a, new Negotiation.Notice(a, T0, T0),
                        b, new Negotiation.Notice(b, T0, T0)))), null);
        assertThat(code(() -> n.callFinalOffers(T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofHours(5)))))
                .isEqualTo(NegotiationError.GPL74_ART32_CHANGE_NOT_NOTIFIED);
    }

    @Test
    void gpl74_art32_aChangeOfAnEarlierRoundDoesNotHoldTheNextRound() {
        Negotiation n = threeSuppliers(NEGOTIATION, false);
        UUID id = UUID.randomUUID();
        n.change(id, T0);
        n.callFinalOffers(T0.plus(Duration.ofHours(3)), T0.plus(Duration.ofHours(1)));
        n.offersOpened(1, T0.plus(Duration.ofHours(3)));
        n.nextRound(T0.plus(Duration.ofHours(4)));
        assertThat(n.round()).isEqualTo(2);
        assertThat(n.callFinalOffers(T0.plus(Duration.ofHours(6)), T0.plus(Duration.ofHours(4)))).hasSize(3);
    }

    @Test
    void gpl74_art33_anExcludedSupplierIsOutOfLaterRoundsAndItsThreadCloses() {
        Negotiation n = Negotiation.start(lot, NegotiationTerms.of(NEGOTIATION, false), suppliers(a, b, c, UUID.randomUUID()), T0);
        Negotiation.Supplier out = n.exclude(b, "未实质性响应谈判文件", T0.plusSeconds(5));
        assertThat(out.excludedInRound()).isEqualTo(1);
        assertThat(n.remaining()).doesNotContain(b).hasSize(3);
        assertThat(code(() -> n.checkThreadOpen(b))).isEqualTo(NegotiationError.SUPPLIER_NOT_IN_NEGOTIATION);
        Negotiation.Change change = n.change(UUID.randomUUID(), T0.plusSeconds(6));
        assertThat(change.notices()).doesNotContainKey(b);
        assertThat(n.callFinalOffers(T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofMinutes(31)))).doesNotContain(b);
        assertThat(code(() -> n.acknowledge(change.id(), b, T0.plus(Duration.ofMinutes(32))))).isEqualTo(NegotiationError.NEGOTIATION_NOT_FOUND);
    }

    @Test
    void gpl74_art37_negotiationWithFewerThanThreeSuppliersStops() {
        Negotiation n = threeSuppliers(NEGOTIATION, false);
        n.exclude(c, "报价明显不合理", T0.plusSeconds(5));
        assertThat(n.status()).isEqualTo(NegotiationStatus.STOPPED);
        assertThat(n.stop()).isEqualTo(new Negotiation.Stop(Negotiation.TOO_FEW_SUPPLIERS, 2, 3, "财政部令第74号第三十三条"));
        assertThat(code(() -> n.callFinalOffers(T0.plus(Duration.ofHours(1)), T0.plusSeconds(10)))).isEqualTo(NegotiationError.NEGOTIATION_STATE);
        // and a negotiation that starts with two responses stops at once
        assertThat(Negotiation.start(lot, NegotiationTerms.of(NEGOTIATION, false), suppliers(a, b), T0).status())
                .isEqualTo(NegotiationStatus.STOPPED);
    }

    @Test
    void cz2015_124_consultationForServicesGoesOnWithTwoAndStopsWithOne() {
        Negotiation services = threeSuppliers(CONSULTATION, true);
        services.exclude(c, "不符合磋商文件实质性要求", T0.plusSeconds(5));
        assertThat(services.status()).isEqualTo(NegotiationStatus.NEGOTIATING);
        services.exclude(b, "不符合磋商文件实质性要求", T0.plusSeconds(6));
        assertThat(services.status()).isEqualTo(NegotiationStatus.STOPPED);
        assertThat(services.stop().minimum()).isEqualTo(2);
        assertThat(services.stop().article()).isEqualTo("财库〔2015〕124号");
    }

    @Test
    void cz2014_214_art21_consultationForGoodsStopsBelowThree() {
        Negotiation goods = threeSuppliers(CONSULTATION, false);
        goods.exclude(c, "不符合磋商文件实质性要求", T0.plusSeconds(5));
        assertThat(goods.status()).isEqualTo(NegotiationStatus.STOPPED);
        assertThat(goods.stop().article()).isEqualTo("财库〔2014〕214号第二十一条");
    }

    @Test
    void gpl74_art42_singleSourceNegotiatesWithItsOneSupplierAndItsChangeWaitsForTheAcknowledgement() {
        Negotiation n = Negotiation.start(lot, NegotiationTerms.of(SINGLE_SOURCE, false), suppliers(a), T0);
        assertThat(n.status()).isEqualTo(NegotiationStatus.NEGOTIATING);
        UUID id = UUID.randomUUID();
        n.change(id, T0);
        // no response time in the rules: only the acknowledgement releases the call, however long it takes
        assertThat(code(() -> n.callFinalOffers(T0.plus(Duration.ofDays(3)), T0.plus(Duration.ofDays(2)))))
                .isEqualTo(NegotiationError.GPL74_ART32_CHANGE_RESPONSE_TIME);
        n.acknowledge(id, a, T0.plus(Duration.ofDays(2)));
        assertThat(n.callFinalOffers(T0.plus(Duration.ofDays(3)), T0.plus(Duration.ofDays(2)))).containsExactly(a);
    }

    @Test
    void roundDoneOnlyWhenItsOffersAreOpenedThenNextRoundOrClose() {
        Negotiation n = threeSuppliers(NEGOTIATION, false);
        assertThat(code(() -> n.offersOpened(1, T0))).isEqualTo(NegotiationError.NEGOTIATION_STATE);
        assertThat(code(() -> n.callFinalOffers(T0, T0))).isEqualTo(NegotiationError.OFFER_DEADLINE_INVALID);
        n.callFinalOffers(T0.plus(Duration.ofHours(1)), T0);
        assertThat(code(() -> n.nextRound(T0.plusSeconds(1)))).isEqualTo(NegotiationError.NEGOTIATION_STATE);
        assertThat(code(() -> n.checkThreadOpen(a))).isEqualTo(NegotiationError.NEGOTIATION_STATE);
        assertThat(n.offersOpened(1, T0.plus(Duration.ofHours(1)))).isTrue();
        assertThat(n.offersOpened(1, T0.plus(Duration.ofHours(1)))).isFalse();
        assertThat(n.status()).isEqualTo(NegotiationStatus.ROUND_DONE);
        n.nextRound(T0.plus(Duration.ofHours(2)));
        assertThat(n.round()).isEqualTo(2);
        assertThat(n.offersOpened(1, T0.plus(Duration.ofHours(2)))).isFalse();
        n.callFinalOffers(T0.plus(Duration.ofHours(4)), T0.plus(Duration.ofHours(3)));
        n.offersOpened(2, T0.plus(Duration.ofHours(4)));
        n.close();
        assertThat(n.status()).isEqualTo(NegotiationStatus.CLOSED);
        assertThat(code(() -> n.nextRound(T0.plus(Duration.ofHours(5))))).isEqualTo(NegotiationError.NEGOTIATION_STATE);
    }
}
