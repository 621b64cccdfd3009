package org.sunbid.platform.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.kernel.TimeTravel;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.BasicAccounts;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.tendering.EvaluationMethod;
import org.sunbid.platform.tendering.TenderTerms;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

/**
 * The deadline surge's fixture (issue 21, {@code bench/…/SurgeBench}), loaded only when asked:
 * {@code sunbid.demo.surge-bidders=N} adds N bidder companies ({@code surge1} … {@code surgeN}, each with its demo key
 * and certificate from the demo CA in {@code data/demo-keys} and a basic account) and one tender,
 * {@value #CODE}, whose deadline is {@code sunbid.demo.surge-deadline} (default 10 minutes) after the demo has loaded.
 * The law wants at least 20 days from the notice to the deadline (法 Art. 24), so the tender is published 21 days
 * before its deadline, while the demo's clock may still travel; its documents are available until the deadline, so the
 * bidders register and pay their deposits now, through the API, as bidders do.
 */
@Component
class DemoSurge {

    private static final Logger log = LoggerFactory.getLogger(DemoSurge.class);

    /** The surge tender's project code. */
    static final String CODE = "YZ-2026-GC-0199";

    private final Environment environment;
    private final Accounts accounts;
    private final BasicAccounts basicAccounts;
    private final Tenders tenders;
    private final java.time.Clock clock;

    DemoSurge(Environment environment, Accounts accounts, BasicAccounts basicAccounts, Tenders tenders, java.time.Clock clock) {
        this.environment = environment;
        this.accounts = accounts;
        this.basicAccounts = basicAccounts;
        this.tenders = tenders;
        this.clock = clock;
    }

    /** Loads the fixture if asked, at the end of the demo's load (its deadline counts from then). */
    void load(DemoData data, TimeTravel travel) {
        int bidders = environment.getProperty("sunbid.demo.surge-bidders", Integer.class, 0);
        if (bidders <= 0) {
            return;
        }
        if (travel == null) {
            log.warn("demo: the surge tender needs a clock that can travel (it is published 21 days before its deadline)");
            return;
        }
        for (int i = 1; i <= bidders; i++) {
            Organisation bidder = data.organisation("91", "990100", 1000 + i, "云州压测" + i + "号建设工程有限公司", OrganisationKind.BIDDER);
            data.account("surge" + i, "压测投标人" + i, Role.BIDDER, bidder, null);
            basicAccounts.register(bidder.id(), "中国工商银行云州分行营业部", String.format("9558%04d%011d", 8000 + i % 1000, 40_000_000_000L + i),
                    Actor.SYSTEM);
        }
        Duration delay = Duration.parse(environment.getProperty("sunbid.demo.surge-deadline", "PT10M"));
        Instant deadline = clock.instant().plus(delay).truncatedTo(ChronoUnit.SECONDS);
        CurrentUser agency = accounts.findByUsername("agency").orElseThrow();
        CurrentUser tenderee = accounts.findByUsername("tenderee").orElseThrow();
        travel.travelTo(deadline.minus(Duration.ofDays(21)));
        try {
            String name = "云州市会展中心二期工程（截止时刻并发演示）";
            TenderTerms terms = new TenderTerms(CODE, name, "房屋建筑工程", Money.yuan("56000000"), Money.yuan("800000"),
                    "具有房屋建筑工程施工总承包一级及以上资质。", EvaluationMethod.COMPREHENSIVE, deadline,
                    "云州市公共资源交易中心第一开标室", 90, deadline,
                    "根据《中华人民共和国招标投标法》等规定，本项目已具备招标条件，现对" + name + "进行公开招标，欢迎符合条件的投标人参加投标。",
                    List.of(new TenderTerms.Lot("施工总承包", Money.yuan("56000000"))));
            TenderView tender = tenders.create(terms, tenderee.organisationId(), agency);
            data.document(tender, agency);
            tenders.publish(tender.id(), agency);
            log.info("demo: surge tender {} ({}) with {} bidders, deadline {}", CODE, tender.id(), bidders, deadline);
        } finally {
            travel.returnToPresent();
        }
    }
}
