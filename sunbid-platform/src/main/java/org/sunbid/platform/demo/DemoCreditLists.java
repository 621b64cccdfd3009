package org.sunbid.platform.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Component;
import org.sunbid.platform.credit.lists.CreditLists;
import org.sunbid.platform.credit.lists.ListFile;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.parties.UnifiedSocialCreditCode;

/**
 * The demo's external credit lists (issue 20 S): a small version of 失信被执行人 and of 政府采购严重违法失信行为记录名单,
 * dated a few days before today, imported as the refresh job would, so the portal's credit pages show imported entries
 * with their source. The companies are invented and none is registered on the platform (no demo bidder is barred).
 */
@Component
class DemoCreditLists {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final CreditLists lists;
    private final Clock clock;

    DemoCreditLists(CreditLists lists, Clock clock) {
        this.lists = lists;
        this.clock = clock;
    }

    void load() {
        LocalDate today = LocalDate.now(clock.withZone(BEIJING));
        String header = String.join(",", ListFile.HEADER) + "\n";
        String courts = header
                + row(code("91990100MA0", 1), "云州市恒通建材贸易有限公司", "有履行能力而拒不履行生效法律文书确定的义务",
                        "《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条第（一）项", "云州市中级人民法院",
                        "（2026）云01执恢123号", "严重", today.minusMonths(7), today.minusMonths(7).plusYears(2),
                        today.minusMonths(7), today.minusMonths(7).plusYears(2), "FY-2026-0123")
                + row(code("91990121MA0", 2), "青山县鑫达土石方工程有限公司", "违反财产报告制度",
                        "《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条第（五）项", "青山县人民法院",
                        "（2026）云0121执456号", "一般", today.minusMonths(2), today.minusMonths(2).plusYears(2),
                        today.minusMonths(2), today.minusMonths(2).plusYears(2), "FY-2026-0456");
        String procurement = header
                + row(code("91990000MA0", 3), "示范省华信办公设备有限公司", "提供虚假材料谋取中标",
                        "《政府采购法》第七十七条第一款第（一）项", "示范省财政厅", "示财采罚〔2026〕7号", "严重",
                        today.minusMonths(5), today.minusMonths(5).plusYears(1).minusDays(1), today.minusMonths(5),
                        today.minusMonths(5).plusYears(1).minusDays(1), "CG-2026-007");
        lists.importVersion("court-debtors", today.minusDays(3), courts.getBytes(StandardCharsets.UTF_8),
                "court-debtors_" + today.minusDays(3) + ".csv", CreditLists.Origin.DEMO, Actor.SYSTEM);
        lists.importVersion("gp-serious", today.minusDays(5), procurement.getBytes(StandardCharsets.UTF_8),
                "gp-serious_" + today.minusDays(5) + ".csv", CreditLists.Origin.DEMO, Actor.SYSTEM);
    }

    private static String code(String first11, int n) {
        String first17 = first11 + String.format("%06d", 20_260 + n);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    private static String row(String code, String name, String conduct, String basis, String body, String document, String cls,
            LocalDate rf, LocalDate ru, LocalDate pf, LocalDate pu, String entryId) {
        return String.join(",", code, name, conduct, basis, body, document, cls, rf.toString(), ru.toString(), pf.toString(),
                pu.toString(), entryId) + "\n";
    }
}
