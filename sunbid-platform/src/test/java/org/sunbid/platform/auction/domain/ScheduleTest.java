package org.sunbid.platform.auction.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.auction.AuctionError;
import org.sunbid.platform.catalog.WorkingDays;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.LimitUnit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.kernel.DomainException;

/** The auction lot's schedule and price rules at publication, one test per article (domain-2 §1–3; V150's rows). */
class ScheduleTest {

    /** Monday 2026-11-23 09:30 Beijing. */
    private static final Instant PUBLISH = Instant.parse("2026-11-23T01:30:00Z");
    private static final WorkingDays CALENDAR = new WorkingDays(Map.of());
    private static final long START_PRICE = 800_000_000L; // 8,000,000.00 yuan in fen

    private static ProcedureRules rules(String code, Object... keyAmountUnit) {
        Map<String, Limit> limits = new HashMap<>();
        for (int i = 0; i < keyAmountUnit.length; i += 3) {
            limits.put((String) keyAmountUnit[i], Limit.of(((Number) keyAmountUnit[i + 1]).longValue(), (LimitUnit) keyAmountUnit[i + 2],
                    "条文 " + keyAmountUnit[i]));
        }
        return new ProcedureRules(code, LocalDate.of(2026, 11, 23), limits, CALENDAR);
    }

    private static final ProcedureRules LAND_LISTING = rules("TDSYQ_LISTING", RuleKeys.ANNOUNCEMENT_PERIOD, 20, LimitUnit.DAY,
            RuleKeys.LISTING_PERIOD, 10, LimitUnit.WORKING_DAY, RuleKeys.APPLICATION_CLOSE, 2, LimitUnit.DAY, RuleKeys.DEPOSIT_MIN, 20,
            LimitUnit.PERCENT);

    private static final ProcedureRules PROPERTY = rules("GYCQ_ONLINE_BIDDING", RuleKeys.ANNOUNCEMENT_PERIOD, 20, LimitUnit.WORKING_DAY,
            RuleKeys.APPLICATION_CLOSE, 0, LimitUnit.DAY, RuleKeys.START_AT_LEAST_APPRAISAL, 1, LimitUnit.FLAG,
            RuleKeys.APPRAISAL_APPROVAL_BELOW, 90, LimitUnit.PERCENT, RuleKeys.REDISCLOSURE_PERIOD, 20, LimitUnit.WORKING_DAY,
            RuleKeys.RELIST_AFTER, 12, LimitUnit.MONTH);

    private static Instant beijing(String dateTime) {
        return java.time.LocalDateTime.parse(dateTime).atZone(Limit.BEIJING).toInstant();
    }

    /** A land listing: bidding from {@code start}, ending 10 working days later at 15:00, applications closing 2 d + 1 h before. */
    private static Schedule listing(Instant start, long deposit) {
        Instant end = Limit.of(10, LimitUnit.WORKING_DAY, "").lastDay(start, CALENDAR).atTime(15, 0).atZone(Limit.BEIJING).toInstant();
        return new Schedule(AuctionFormat.LISTING, START_PRICE, deposit, null, start, end, end.minus(Duration.ofHours(49)), null, null);
    }

    private static String code(Optional<DomainException> refusal) {
        return refusal.map(e -> e.errorCode().code()).orElse("none");
    }

    @Test
    void land39_art8_announcementAtLeastTwentyDays() {
        Instant twentyDays = PUBLISH.plus(Duration.ofDays(20));
        assertThat(code(listing(twentyDays.minusSeconds(60), START_PRICE / 5).publicationRefusal(PUBLISH, LAND_LISTING)))
                .isEqualTo(AuctionError.AUCTION_ANNOUNCEMENT_TOO_SHORT.name());
        assertThat(code(listing(twentyDays, START_PRICE / 5).publicationRefusal(PUBLISH, LAND_LISTING))).isEqualTo("none");
    }

    @Test
    void land39_art18_listingAtLeastTenWorkingDays() {
        Instant start = beijing("2026-12-14T10:00"); // Monday
        // 10 working days after Monday 14 Dec: Monday 28 Dec; ending on Friday 25 Dec is too short
        Schedule tooShort = new Schedule(AuctionFormat.LISTING, START_PRICE, START_PRICE / 5, null, start,
                beijing("2026-12-25T15:00"), beijing("2026-12-23T10:00"), null, null);
        Optional<DomainException> refused = tooShort.publicationRefusal(PUBLISH, LAND_LISTING);
        assertThat(code(refused)).isEqualTo(AuctionError.AUCTION_LISTING_TOO_SHORT.name());
        assertThat(refused.orElseThrow().arguments()).contains("2026-12-28");
        Schedule enough = new Schedule(AuctionFormat.LISTING, START_PRICE, START_PRICE / 5, null, start, beijing("2026-12-28T15:00"),
                beijing("2026-12-26T10:00"), null, null);
        assertThat(code(enough.publicationRefusal(PUBLISH, LAND_LISTING))).isEqualTo("none");
    }

    @Test
    void land39_art11_applicationsCloseTwoDaysBeforeTheListingEnds() {
        Instant start = beijing("2026-12-14T10:00");
        Instant end = beijing("2026-12-28T15:00");
        Schedule late = new Schedule(AuctionFormat.LISTING, START_PRICE, START_PRICE / 5, null, start, end,
                end.minus(Duration.ofDays(2)).plusSeconds(1), null, null);
        assertThat(code(late.publicationRefusal(PUBLISH, LAND_LISTING))).isEqualTo(AuctionError.AUCTION_APPLICATION_CLOSE_TOO_LATE.name());
        Schedule onTime = new Schedule(AuctionFormat.LISTING, START_PRICE, START_PRICE / 5, null, start, end,
                end.minus(Duration.ofDays(2)), null, null);
        assertThat(code(onTime.publicationRefusal(PUBLISH, LAND_LISTING))).isEqualTo("none");
    }

    @Test
    void auction_applicationsCloseBeforeBiddingStarts() {
        ProcedureRules auction = rules("KYQ_AUCTION", RuleKeys.ANNOUNCEMENT_PERIOD, 20, LimitUnit.WORKING_DAY, RuleKeys.APPLICATION_CLOSE,
                2, LimitUnit.DAY);
        Instant start = beijing("2026-12-22T10:00");
        Schedule late = new Schedule(AuctionFormat.ASCENDING, START_PRICE, START_PRICE / 5, null, start, null,
                start.minus(Duration.ofDays(1)), null, null);
        assertThat(code(late.publicationRefusal(PUBLISH, auction))).isEqualTo(AuctionError.AUCTION_APPLICATION_CLOSE_TOO_LATE.name());
        Schedule onTime = new Schedule(AuctionFormat.ASCENDING, START_PRICE, START_PRICE / 5, null, start, null,
                start.minus(Duration.ofDays(2)), null, null);
        assertThat(code(onTime.publicationRefusal(PUBLISH, auction))).isEqualTo("none");
    }

    @Test
    void kyq_announcementTwentyWorkingDays() {
        ProcedureRules mining = rules("KYQ_LISTING", RuleKeys.ANNOUNCEMENT_PERIOD, 20, LimitUnit.WORKING_DAY);
        // 20 working days after Monday 23 Nov: Monday 21 Dec (no holiday in between)
        assertThat(code(listing(beijing("2026-12-18T10:00"), 0).publicationRefusal(PUBLISH, mining)))
                .isEqualTo(AuctionError.AUCTION_ANNOUNCEMENT_TOO_SHORT.name());
        assertThat(code(listing(beijing("2026-12-21T10:00"), 0).publicationRefusal(PUBLISH, mining))).isEqualTo("none");
    }

    @Test
    void land2010_34_depositAtLeastTwentyPercentOfTheStartPrice() {
        Instant start = PUBLISH.plus(Duration.ofDays(21));
        Optional<DomainException> low = listing(start, START_PRICE / 5 - 1).publicationRefusal(PUBLISH, LAND_LISTING);
        assertThat(code(low)).isEqualTo(AuctionError.AUCTION_DEPOSIT_TOO_LOW.name());
        assertThat(low.orElseThrow().arguments()).contains("1599999.99", "1600000.00");
        assertThat(code(listing(start, START_PRICE / 5).publicationRefusal(PUBLISH, LAND_LISTING))).isEqualTo("none");
    }

    private static Schedule property(long startPrice, Long appraisal, Schedule.Previous previous, Schedule.Approval approval) {
        Instant start = beijing("2026-12-21T10:00"); // the 20th working day after 23 Nov
        return new Schedule(AuctionFormat.NETWORK, startPrice, 0, appraisal, start, start.plus(Duration.ofHours(5)),
                start.minus(Duration.ofHours(1)), previous, approval);
    }

    @Test
    void gycq32_art13_formalDisclosureTwentyWorkingDays() {
        Instant start = beijing("2026-12-18T10:00");
        Schedule early = new Schedule(AuctionFormat.NETWORK, START_PRICE, 0, START_PRICE, start, start.plus(Duration.ofHours(5)),
                start.minus(Duration.ofHours(1)), null, null);
        assertThat(code(early.publicationRefusal(PUBLISH, PROPERTY))).isEqualTo(AuctionError.AUCTION_ANNOUNCEMENT_TOO_SHORT.name());
        assertThat(code(property(START_PRICE, START_PRICE, null, null).publicationRefusal(PUBLISH, PROPERTY))).isEqualTo("none");
    }

    @Test
    void gycq32_art17_firstDisclosureAtLeastTheAppraisal() {
        assertThat(code(property(START_PRICE - 1, START_PRICE, null, null).publicationRefusal(PUBLISH, PROPERTY)))
                .isEqualTo(AuctionError.AUCTION_START_BELOW_APPRAISAL.name());
        assertThat(code(property(START_PRICE, null, null, null).publicationRefusal(PUBLISH, PROPERTY)))
                .isEqualTo(AuctionError.INVALID_AUCTION_TERMS.name()); // the appraisal must be stated
    }

    @Test
    void gycq32_art18_belowNinetyPercentNeedsApproval() {
        Schedule.Previous first = new Schedule.Previous(START_PRICE, PUBLISH.minus(Duration.ofDays(60)));
        long ninety = START_PRICE * 9 / 10;
        assertThat(code(property(ninety, START_PRICE, first, null).publicationRefusal(PUBLISH, PROPERTY))).isEqualTo("none");
        Optional<DomainException> below = property(ninety - 1, START_PRICE, first, null).publicationRefusal(PUBLISH, PROPERTY);
        assertThat(code(below)).isEqualTo(AuctionError.AUCTION_APPROVAL_REQUIRED.name());
        assertThat(below.orElseThrow().arguments()).contains("7199999.99", "90", "7200000.00");
        Schedule.Approval approval = new Schedule.Approval("云州市国资委", "云国资产权〔2026〕12号", LocalDate.of(2026, 11, 20), "ab".repeat(32));
        assertThat(code(property(ninety - 1, START_PRICE, first, approval).publicationRefusal(PUBLISH, PROPERTY))).isEqualTo("none");
        // a re-disclosure lowers the price
        assertThat(code(property(START_PRICE, START_PRICE, first, null).publicationRefusal(PUBLISH, PROPERTY)))
                .isEqualTo(AuctionError.INVALID_AUCTION_TERMS.name());
    }

    @Test
    void gycq32_art18_redisclosureHasItsOwnPeriod() {
        ProcedureRules rules = rules("GYCQ_ONLINE_BIDDING", RuleKeys.ANNOUNCEMENT_PERIOD, 20, LimitUnit.WORKING_DAY,
                RuleKeys.REDISCLOSURE_PERIOD, 5, LimitUnit.WORKING_DAY);
        Instant start = beijing("2026-11-30T10:00"); // 5 working days after 23 Nov
        Schedule again = new Schedule(AuctionFormat.NETWORK, START_PRICE - 100, 0, START_PRICE, start, start.plus(Duration.ofHours(5)),
                start.minus(Duration.ofHours(1)), new Schedule.Previous(START_PRICE, PUBLISH.minus(Duration.ofDays(40))), null);
        assertThat(code(again.publicationRefusal(PUBLISH, rules))).isEqualTo("none");
        Schedule first = new Schedule(AuctionFormat.NETWORK, START_PRICE, 0, START_PRICE, start, start.plus(Duration.ofHours(5)),
                start.minus(Duration.ofHours(1)), null, null);
        assertThat(code(first.publicationRefusal(PUBLISH, rules))).isEqualTo(AuctionError.AUCTION_ANNOUNCEMENT_TOO_SHORT.name());
    }

    @Test
    void gycq32_art19_moreThanTwelveMonthsAfterTheFirstDisclosureNeedsANewAppraisal() {
        Instant firstPublished = beijing("2025-11-22T09:00");
        Schedule.Previous old = new Schedule.Previous(START_PRICE, firstPublished);
        assertThat(code(property(START_PRICE * 95 / 100, START_PRICE, old, null).publicationRefusal(PUBLISH, PROPERTY)))
                .isEqualTo(AuctionError.AUCTION_RELIST_REQUIRED.name());
        Schedule.Previous recent = new Schedule.Previous(START_PRICE, beijing("2025-11-24T09:00"));
        assertThat(code(property(START_PRICE * 95 / 100, START_PRICE, recent, null).publicationRefusal(PUBLISH, PROPERTY)))
                .isEqualTo("none");
    }

    @Test
    void gycq32_art39_capitalIncreaseFortyWorkingDays() {
        ProcedureRules increase = rules("GYCQ_CAPITAL_INCREASE", RuleKeys.ANNOUNCEMENT_PERIOD, 40, LimitUnit.WORKING_DAY);
        Instant day40 = Limit.of(40, LimitUnit.WORKING_DAY, "").lastDay(PUBLISH, CALENDAR).atTime(10, 0).atZone(Limit.BEIJING).toInstant();
        Schedule early = new Schedule(AuctionFormat.NETWORK, START_PRICE, 0, null, day40.minus(Duration.ofDays(1)),
                day40.plus(Duration.ofHours(4)), day40.minus(Duration.ofDays(2)), null, null);
        assertThat(code(early.publicationRefusal(PUBLISH, increase))).isEqualTo(AuctionError.AUCTION_ANNOUNCEMENT_TOO_SHORT.name());
        Schedule onTime = new Schedule(AuctionFormat.NETWORK, START_PRICE, 0, null, day40, day40.plus(Duration.ofHours(4)),
                day40.minus(Duration.ofDays(2)), null, null);
        assertThat(code(onTime.publicationRefusal(PUBLISH, increase))).isEqualTo("none");
    }

    @Test
    void gycq32_art48_assetTransferNoticeByValueBand() {
        ProcedureRules transfer = rules("GYCQ_ASSET_TRANSFER", RuleKeys.ANNOUNCEMENT_PERIOD, 10, LimitUnit.WORKING_DAY,
                RuleKeys.ANNOUNCEMENT_PERIOD_LARGE, 20, LimitUnit.WORKING_DAY, RuleKeys.ASSET_NOTICE_BAND, 10_000_000, LimitUnit.YUAN);
        Instant day10 = beijing("2026-12-07T10:00"); // the 10th working day after 23 Nov
        long band = 1_000_000_000L; // 10,000,000.00 yuan
        assertThat(code(new Schedule(AuctionFormat.NETWORK, band, 0, null, day10, day10.plus(Duration.ofHours(4)),
                day10.minusSeconds(60), null, null).publicationRefusal(PUBLISH, transfer))).isEqualTo("none");
        Schedule large = new Schedule(AuctionFormat.NETWORK, band + 1, 0, null, day10, day10.plus(Duration.ofHours(4)),
                day10.minusSeconds(60), null, null);
        assertThat(large.announcementPeriod(transfer).whole()).isEqualTo(20);
        assertThat(code(large.publicationRefusal(PUBLISH, transfer))).isEqualTo(AuctionError.AUCTION_ANNOUNCEMENT_TOO_SHORT.name());
    }

    @Test
    void aRuleTheProcedureLacksIsNoConstraint() {
        ProcedureRules none = rules("GYCQ_ONLINE_BIDDING");
        Instant start = PUBLISH.plus(Duration.ofHours(2));
        assertThat(code(new Schedule(AuctionFormat.NETWORK, START_PRICE, 0, null, start, start.plus(Duration.ofHours(1)),
                start.minusSeconds(1), null, null).publicationRefusal(PUBLISH, none))).isEqualTo("none");
        // but the listing and network formats need their free bidding's end
        assertThat(code(new Schedule(AuctionFormat.LISTING, START_PRICE, 0, null, start, null, start.minusSeconds(1), null, null)
                .publicationRefusal(PUBLISH, none))).isEqualTo(AuctionError.INVALID_AUCTION_TERMS.name());
    }
}
