package org.sunbid.platform.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunbid.platform.kernel.TimeTravel;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.procurement.FrameworkAgreementView;
import org.sunbid.platform.procurement.FrameworkAgreements;
import org.sunbid.platform.procurement.FrameworkOrderView;
import org.sunbid.platform.procurement.FrameworkOrders;
import org.sunbid.platform.procurement.NewFrameworkAgreement;
import org.sunbid.platform.procurement.NewFrameworkOrder;
import org.sunbid.platform.sealing.OfferRounds;

/**
 * The demo's framework agreement (框架协议采购, issue 22): the agency, as the city's 集中采购机构, ran a closed price-first
 * agreement for desktop computers and printers about two months ago, for two named buyers (适用范围: the city investment
 * group and the county water bureau); six IT suppliers (vendor1 … vendor6, demo accounts of their own) responded, four
 * were shortlisted (two eliminated, 110号令's ≥ 20 % and ≥ 1); in the term's first weeks the county water bureau and
 * the city investment group ordered by direct selection, by rotation (twice) and by a sealed secondary competition,
 * each contract published (the competition's offers sealed on arrival to a competition round's key and opened once
 * the custodians released their shares); two hours ago one more order, its contract still to publish; a secondary
 * competition for printers still running, two offers sealed in. The monthly order summaries
 * of the months already over are published (the first with the orders, a later one possibly "本期无成交"). Only with a
 * clock that can travel (the platform starting): the steps need their deadlines to pass.
 */
@Component
class DemoFramework {

    private static final Logger log = LoggerFactory.getLogger(DemoFramework.class);

    private final FrameworkAgreements agreements;
    private final FrameworkOrders orders;
    private final Accounts accounts;
    private final org.sunbid.platform.parties.BasicAccounts basicAccounts;

    private final OfferRounds offerRounds;

    DemoFramework(FrameworkAgreements agreements, FrameworkOrders orders, Accounts accounts,
            org.sunbid.platform.parties.BasicAccounts basicAccounts, OfferRounds offerRounds) {
        this.offerRounds = offerRounds;
        this.agreements = agreements;
        this.orders = orders;
        this.accounts = accounts;
        this.basicAccounts = basicAccounts;
    }

    /** IT suppliers of the city: username, contact, name. */
    static final String[][] VENDORS = {{"vendor1", "钟明", "云州数码科技有限公司"}, {"vendor2", "叶红", "云州信达电脑设备有限公司"},
            {"vendor3", "蒋峰", "示范省联创办公设备有限公司"}, {"vendor4", "沈丽", "云州启航信息技术有限公司"},
            {"vendor5", "韩冰", "青山县万联电子科技有限公司"}, {"vendor6", "杨帆", "云州博文办公用品有限公司"}};

    void load(DemoData data, TimeTravel travel, Instant present) {
        for (int i = 0; i < VENDORS.length; i++) {
            Organisation o = data.organisation("91", i == 2 ? "990000" : i == 4 ? "990121" : "990100", 380 + i, VENDORS[i][2],
                    OrganisationKind.BIDDER);
            data.account(VENDORS[i][0], VENDORS[i][1], Role.BIDDER, o, null);
            // Reg. 26: like every demo bidder, a basic account its cash deposits would come from
            basicAccounts.register(o.id(), "中国银行云州分行营业部", String.format("6217%04d%011d", 9901 + i, 30_270_000_000L + 7_919L * (i + 1)),
                    org.sunbid.platform.kernel.Actor.SYSTEM);
        }
        if (travel == null) {
            return;
        }
        try {
            run(data, travel, present);
        } catch (RuntimeException e) {
            log.warn("demo: the framework agreement stopped where a service refused it: {}", e.toString(), e);
        } finally {
            travel.returnToPresent();
        }
    }

    private void run(DemoData data, TimeTravel travel, Instant present) {
        // 60 days back: the term starts 53 days ago, so at least one calendar month of it is over (its summary published)
        Instant start = present.minus(Duration.ofDays(60));
        travel.travelTo(start);
        Instant deadline = start.plus(Duration.ofDays(7));
        List<UUID> buyers = List.of(user("tenderee").organisationId(), user("tenderee2").organisationId());
        FrameworkAgreementView a = agreements.create(new NewFrameworkAgreement("云州市2026—2027年度台式计算机及打印机框架协议采购",
                "990100", "CLOSED", "PRICE_FIRST", "GOODS", "A02010104", new BigDecimal("6000000.00"), deadline, null,
                List.of(new NewFrameworkAgreement.NewItem("台式计算机（通用办公型）", "台", new BigDecimal("5200.00")),
                        new NewFrameworkAgreement.NewItem("A4黑白激光打印机", "台", new BigDecimal("1800.00"))), buyers, null),
                user("agency"));
        String[][] responses = {{"vendor1", "4680.00", "1390.00"}, {"vendor2", "4520.00", "1460.00"},
                {"vendor3", "4950.00", "1650.00"}, {"vendor4", "4590.00", "1350.00"}, {"vendor5", "5100.00", "1720.00"},
                {"vendor6", "4730.00", "1420.00"}};
        for (int i = 0; i < responses.length; i++) {
            travel.travelTo(start.plus(Duration.ofHours(20 + 7 * i)));
            String[] r = responses[i];
            agreements.respond(a.id(), Map.of(1, new BigDecimal(r[1]), 2, new BigDecimal(r[2])), user(r[0]));
        }
        // the responses were sealed on arrival to the agreement's response round; after the deadline its custodians (the
        // centre, the supervisor, the agency as collecting body) release their shares and the responses are opened
        data.commitConfidential();
        travel.travelTo(deadline.plus(Duration.ofMinutes(30)));
        releaseResponseShares(data, a.lotId(), a.responseRound());
        travel.travelTo(deadline.plus(Duration.ofHours(1)));
        FrameworkAgreementView shortlisted = agreements.shortlist(a.id(), 4, Map.of(), user("agency"));
        List<UUID> members = shortlisted.members().stream().map(FrameworkAgreementView.Member::supplierId).toList();

        // direct selection by the county water bureau, 30 computers at the second member's agreement price less 20 yuan
        travel.travelTo(deadline.plus(Duration.ofDays(2)));
        CurrentUser water = user("tenderee2");
        BigDecimal agreed = shortlisted.members().get(1).prices().get(1);
        FrameworkOrderView direct = orders.place(a.id(), new NewFrameworkOrder(1, new BigDecimal("30"), "DIRECT", members.get(1),
                agreed.subtract(new BigDecimal("20")), null), water);
        travel.travelTo(deadline.plus(Duration.ofDays(2)).plus(Duration.ofHours(3)));
        orders.publish(direct.id(), water);

        // rotation: the city investment group twice (printers, then computers), both published
        CurrentUser city = user("tenderee");
        travel.travelTo(deadline.plus(Duration.ofDays(6)));
        FrameworkOrderView r1 = orders.place(a.id(), new NewFrameworkOrder(2, new BigDecimal("12"), "ROTATION", null, null, null), city);
        orders.publish(r1.id(), city);
        travel.travelTo(deadline.plus(Duration.ofDays(8)));
        FrameworkOrderView r2 = orders.place(a.id(), new NewFrameworkOrder(1, new BigDecimal("50"), "ROTATION", null, null, null), city);
        orders.publish(r2.id(), city);

        // a secondary competition among the shortlist for 120 computers: offers sealed on arrival to the competition
        // round's key; after the deadline the custodians (the centre, the supervisor, the buyer) release their shares,
        // the offers are opened together and the lowest valid one wins
        travel.travelTo(deadline.plus(Duration.ofDays(12)));
        Instant competitionDeadline = deadline.plus(Duration.ofDays(13));
        FrameworkOrderView competition = orders.place(a.id(), new NewFrameworkOrder(1, new BigDecimal("120"), "COMPETITION", null, null,
                competitionDeadline), city);
        offer(competition, Map.of(members.get(0), within(shortlisted, 0, 1, "4460.00"), members.get(1),
                within(shortlisted, 1, 1, "4395.00"), members.get(2), within(shortlisted, 2, 1, "4480.00")));
        data.commitConfidential();
        travel.travelTo(competitionDeadline.plus(Duration.ofMinutes(30)));
        releaseShares(data, competition);
        orders.close(competition.id(), city); // concluded from the opened round (or already, by sealing's event)
        travel.travelTo(competitionDeadline.plus(Duration.ofHours(2)));
        orders.publish(competition.id(), city);

        // one more direct order two hours ago, its contract still to publish; then the summaries of the months over
        travel.travelTo(present.minus(Duration.ofHours(2)));
        orders.place(a.id(), new NewFrameworkOrder(2, new BigDecimal("6"), "DIRECT", members.get(3), null, null), water);
        // a secondary competition still running: the water bureau asks for 20 printers, two offers already sealed in
        travel.travelTo(present.minus(Duration.ofHours(1)));
        FrameworkOrderView running = orders.place(a.id(), new NewFrameworkOrder(2, new BigDecimal("20"), "COMPETITION", null, null,
                present.plus(Duration.ofDays(3))), water);
        offer(running, Map.of(members.get(0), within(shortlisted, 0, 2, "1330.00"), members.get(3), within(shortlisted, 3, 2, "1340.00")));
        data.commitConfidential();
        travel.travelTo(present);
        orders.publishDueSummaries();
    }

    /** {@code wanted}, or the member's own agreement price for the item if that is lower (an offer may not exceed it). */
    private static String within(FrameworkAgreementView shortlisted, int member, int item, String wanted) {
        return new BigDecimal(wanted).min(shortlisted.members().get(member).prices().get(item)).setScale(2).toPlainString();
    }

    /** Each supplier of {@code prices} offers its unit price: checked by procurement, sealed on arrival by sealing. */
    private void offer(FrameworkOrderView order, Map<UUID, String> prices) {
        for (String[] vendor : VENDORS) {
            CurrentUser supplier = user(vendor[0]);
            String price = prices.get(supplier.organisationId());
            if (price != null) {
                orders.offer(order.id(), new BigDecimal(price), null, supplier);
            }
        }
    }

    /**
     * The custodians of the competition round's key release their shares from their own tools (the demo decrypts each
     * with the custodian's demo key) until the threshold is reached and the round is opened.
     */
    private void releaseShares(DemoData data, FrameworkOrderView order) {
        FrameworkOrderView o = orders.view(order.id(), user("tenderee"));
        for (String custodian : List.of("centre", "supervisor", "tenderee", "qs-centre")) {
            if ("OPENED".equals(offerRounds.view(o.lotId(), o.offerRound()).orElseThrow().status())) {
                return;
            }
            CurrentUser c = user(custodian);
            String encrypted;
            try {
                encrypted = offerRounds.myEncryptedShare(o.lotId(), o.offerRound(), c);
            } catch (org.sunbid.platform.kernel.DomainException notACustodian) {
                continue;
            }
            offerRounds.releaseShare(o.lotId(), o.offerRound(), data.decryptForCustodian(c, encrypted), c);
        }
    }

    /**
     * The custodians of the agreement's response round (the centre, the supervisor, the agency as collecting body)
     * release their shares from their own tools until the round is opened and the responses with it.
     */
    private void releaseResponseShares(DemoData data, UUID lotId, int round) {
        for (String custodian : List.of("centre", "supervisor", "agency", "qs-centre")) {
            if ("OPENED".equals(offerRounds.view(lotId, round).orElseThrow().status())) {
                return;
            }
            CurrentUser c = user(custodian);
            String encrypted;
            try {
                encrypted = offerRounds.myEncryptedShare(lotId, round, c);
            } catch (org.sunbid.platform.kernel.DomainException notACustodian) {
                continue;
            }
            offerRounds.releaseShare(lotId, round, data.decryptForCustodian(c, encrypted), c);
        }
    }

    private CurrentUser user(String username) {
        return accounts.findByUsername(username).orElseThrow();
    }
}
