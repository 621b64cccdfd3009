package org.sunbid.platform.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Component;
import org.sunbid.platform.deals.DealKind;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.supervision.Category;
import org.sunbid.platform.supervision.ExemptionView;
import org.sunbid.platform.supervision.Exemptions;
import org.sunbid.platform.supervision.MustTradeCatalogue;
import org.sunbid.platform.supervision.OffPlatformDeals;

/**
 * The demo's supervision records, made through supervision's API as the people would: the city widens the catalogue
 * for construction works; the city investment group's classified works were approved to trade elsewhere (published);
 * the county water bureau reported one computer purchase made off the platform and has not reported a second whose
 * result is 30 days old — the supervisor's home shows that overdue report and the two purchases as a suspected split
 * (same purchaser, same 品目, same year, together above the threshold).
 */
@Component
class DemoSupervision {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final MustTradeCatalogue catalogue;
    private final Exemptions exemptions;
    private final OffPlatformDeals deals;
    private final Accounts accounts;
    private final Clock clock;
    private final DemoWarnings warnings;

    DemoSupervision(MustTradeCatalogue catalogue, Exemptions exemptions, OffPlatformDeals deals, Accounts accounts, Clock clock,
            DemoWarnings warnings) {
        this.warnings = warnings;
        this.catalogue = catalogue;
        this.exemptions = exemptions;
        this.deals = deals;
        this.accounts = accounts;
        this.clock = clock;
    }

    void load() {
        CurrentUser admin = user("admin");
        CurrentUser cityInvestment = user("tenderee");
        CurrentUser waterBureau = user("tenderee2");
        CurrentUser supervisor = user("supervisor");
        LocalDate today = LocalDate.now(clock.withZone(BEIJING));

        // 云州市 widens the catalogue: construction works from 1 million yuan must trade on its platform.
        catalogue.add("990100", new MustTradeCatalogue.NewEntry(DealKind.GCJS, Category.WORKS, new BigDecimal("1000000.00"),
                "云州市公共资源交易目录（示范）：市本级及所属区县施工单项合同估算价100万元以上的工程建设项目进场交易",
                LocalDate.of(2026, 1, 1), null), admin);

        ExemptionView classified = exemptions.apply(new Exemptions.Application(DealKind.GCJS, Category.WORKS, null,
                "YZ-2026-GC-0120", "云州市人防指挥所涉密改造工程", "990100", new BigDecimal("6800000.00"),
                "项目涉及国家秘密，不适宜进行公开招标和进场交易。",
                "《中华人民共和国招标投标法》第六十六条；《招标投标法实施条例》第九条"), cityInvestment);
        exemptions.approve(classified.id(), "经核实，项目涉及国家秘密，同意不进场交易。", supervisor);

        deals.declare(new OffPlatformDeals.Declaration(DealKind.ZFCG, Category.GOODS, "A02010104", "QS-2026-CG-0031",
                "青山县水利局办公计算机采购", "990121", new BigDecimal("1200000.00"), today.minusDays(12), null),
                new OffPlatformDeals.Result(today.minusDays(10), new BigDecimal("1186000.00"), "青山数码科技有限公司",
                        "询价采购，三家供应商报价，最低价成交。"), waterBureau);
        deals.declare(new OffPlatformDeals.Declaration(DealKind.ZFCG, Category.GOODS, "A02010104", "QS-2026-CG-0044",
                "青山县水利局防汛指挥中心计算机采购", "990121", new BigDecimal("900000.00"), today.minusDays(30), null),
                null, waterBureau);
        warnings.load(); // issue 19: the flags above (and the history's) in the supervisors' warning queue
    }

    private CurrentUser user(String username) {
        return accounts.findByUsername(username).orElseThrow();
    }
}
