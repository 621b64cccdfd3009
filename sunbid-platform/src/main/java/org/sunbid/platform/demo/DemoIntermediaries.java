package org.sunbid.platform.demo;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.credit.CreditClass;
import org.sunbid.platform.credit.CreditRecords;
import org.sunbid.platform.credit.CreditSubject;
import org.sunbid.platform.credit.Gate;
import org.sunbid.platform.intermediaries.Intermediaries;
import org.sunbid.platform.intermediaries.Selections;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.TimeTravel;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Role;

/**
 * The demo's intermediary market (中介超市, issue 20): intermediaries of several kinds registered and approved (one
 * with an expired qualification, one barred by a credit record, one still awaiting review), a direct-selection
 * threshold, and three finished selections of the city investment group — a random draw (whose record verifies with
 * {@code sunbid-verifier verify-draw}), a lowest-quote selection and a direct selection — two of them rated.
 */
@Component
class DemoIntermediaries {

    private static final Logger log = LoggerFactory.getLogger(DemoIntermediaries.class);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** username, region, name, contact, kinds with grade ("KIND:grade"), areas. */
    static final String[][] FIRMS = {
            {"inter1", "990100", "云州正诚工程造价咨询有限公司", "许文", "COST_CONSULTING:甲级", "990100"},
            {"inter2", "990000", "示范省天衡造价师事务所有限公司", "邓佳", "COST_CONSULTING:乙级", "990000"},
            {"inter3", "990000", "示范省建科工程监理有限公司", "曹刚", "CONSTRUCTION_SUPERVISION:甲级", "990000"},
            {"inter4", "990100", "云州远景工程监理咨询有限公司", "袁媛", "CONSTRUCTION_SUPERVISION:乙级,COST_CONSULTING:乙级", "990100"},
            {"inter5", "990100", "云州中正资产评估有限公司", "彭亮", "ASSET_APPRAISAL:A级", "990100"},
            {"inter6", "990121", "青山县恒准测绘有限公司", "蔡勤", "SURVEYING:乙级", "990121"},
            {"inter7", "990100", "云州博远工程设计有限公司", "潘晓", "DESIGN:乙级", "990100"},
            {"inter8", "990100", "云州诚达造价咨询有限公司", "董杰", "COST_CONSULTING:乙级", "990100"}};

    private final Intermediaries intermediaries;
    private final Selections selections;
    private final Accounts accounts;
    private final CreditRecords credit;
    private final java.time.Clock clock;

    DemoIntermediaries(Intermediaries intermediaries, Selections selections, Accounts accounts, CreditRecords credit,
            java.time.Clock clock) {
        this.intermediaries = intermediaries;
        this.selections = selections;
        this.accounts = accounts;
        this.credit = credit;
        this.clock = clock;
    }

    /**
     * Loads the market. With {@code travel} (the platform starting), the selections happen in the last three weeks and
     * are finished; without it they are made now and the quotes stay open.
     */
    void load(DemoData data, TimeTravel travel, Instant present) {
        try {
            if (travel != null) {
                travel.travelTo(present.minus(Duration.ofDays(20)));
            }
            List<Organisation> firms = register(data, present);
            selections(firms, travel, present);
        } catch (RuntimeException e) {
            log.warn("demo: the intermediary market stopped where a service refused it: {}", e.toString(), e);
        } finally {
            if (travel != null) {
                travel.returnToPresent();
            }
        }
        // one registration still awaiting the centre's review
        Organisation pending = data.organisation("91", "990100", 349, "云州新锐造价咨询有限公司", OrganisationKind.INTERMEDIARY);
        data.account("inter9", "石磊", Role.AGENCY, pending, null);
        LocalDate today = LocalDate.now(clock.withZone(BEIJING));
        intermediaries.register(pending.id(), new Intermediaries.Registration("石磊", "0871-6630 0349", "新设立的造价咨询机构。",
                List.of(new Intermediaries.QualificationForm("COST_CONSULTING", "YZ-ZJ-2026-0349", "乙级", today.minusDays(10),
                        today.plusYears(3))), List.of("990100")), Actor.SYSTEM);
    }

    private List<Organisation> register(DemoData data, Instant present) {
        LocalDate today = LocalDate.now(clock.withZone(BEIJING));
        List<Organisation> out = new ArrayList<>();
        for (int i = 0; i < FIRMS.length; i++) {
            String[] f = FIRMS[i];
            Organisation org = data.organisation("91", f[1], 340 + i, f[2], OrganisationKind.INTERMEDIARY);
            data.account(f[0], f[3], Role.AGENCY, org, null);
            List<Intermediaries.QualificationForm> quals = new ArrayList<>();
            for (String kg : f[4].split(",")) {
                String[] p = kg.split(":");
                boolean expired = f[0].equals("inter7"); // its certificate ran out a month ago: shown, never eligible
                quals.add(new Intermediaries.QualificationForm(p[0], "YZ-" + p[0].substring(0, 3) + "-" + (2024 + i % 2) + "-0" + (340 + i),
                        p[1], today.minusYears(3), expired ? today.minusDays(30) : today.plusYears(2)));
            }
            intermediaries.register(org.id(), new Intermediaries.Registration(f[3], "0871-6630 0" + (340 + i),
                    f[2] + "，服务" + (f[5].equals("990000") ? "全省" : f[5].equals("990100") ? "云州市" : "青山县") + "。", quals,
                    List.of(f[5])), Actor.SYSTEM);
            // the city centre reviews the city's own; a province-level firm is reviewed by the administrator
            intermediaries.review(org.id(), true, "资质、业绩材料核验无误。", user(f[1].equals("990000") ? "admin" : "centre"));
            out.add(org);
        }
        // the agency registers its 招标代理 service too
        java.util.UUID agency = user("agency").organisationId();
        intermediaries.register(agency, new Intermediaries.Registration("郑磊", "0871-6630 0006", "招标代理、政府采购代理。",
                List.of(new Intermediaries.QualificationForm("BIDDING_AGENCY", "YZ-ZBDL-2023-0006", "甲级", today.minusYears(3),
                        today.plusYears(2))), List.of("990000")), Actor.SYSTEM);
        intermediaries.review(agency, true, "资质、业绩材料核验无误。", user("centre"));
        // inter8 was sanctioned: barred from agency selection for a year (shown to staff when it is left out)
        Organisation barred = out.get(7);
        Instant from = present.minus(Duration.ofDays(60));
        credit.record(new CreditRecords.NewRecord(CreditSubject.organisation(barred.creditCode().value()), barred.name(),
                CreditClass.SERIOUS, "出具虚假造价咨询报告", "《工程造价咨询企业管理办法》第二十七条", "云州市住房和城乡建设局",
                "云建罚〔2026〕34号", "demo-intermediaries", "demo-inter8-sanction", "990100", Set.of(Gate.AGENCY_SELECTION),
                from, from.plus(Duration.ofDays(365)), from, from.plus(Duration.ofDays(365))), Actor.SYSTEM);
        intermediaries.defineThreshold(new Intermediaries.Threshold(null, "990100", null, new BigDecimal("100000.00"),
                LocalDate.of(2026, 1, 1), null, "云州市中介服务网上交易平台管理办法（演示）第十八条：单项服务金额10万元以下的，业主可直接选取"),
                Actor.SYSTEM);
        return out;
    }

    private void selections(List<Organisation> firms, TimeTravel travel, Instant present) {
        CurrentUser owner = user("tenderee");
        LocalDate today = LocalDate.now(clock.withZone(BEIJING));
        // 1. A random draw of a cost consultant for a 青山县 project: three eligible (inter8 left out for its record)
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Selections.RequestView drawn = selections.request(new Selections.ServiceRequest("COST_CONSULTING", "990121",
                "青山县城区排水管网改造工程全过程造价咨询", new BigDecimal("380000.00"), today.plusDays(3), today.plusDays(200),
                Selections.Method.RANDOM_DRAW, null, null, null, null, null), owner);
        // the centre's staff, not the owner, commits the secret (witnessed by the owner and the centre) and reveals it
        CurrentUser centre = user("centre");
        selections.commitDraw(drawn.id(), Sm3.hex(secret), List.of("tenderee", "centre"), centre);
        if (travel != null) {
            travel.travelTo(clock.instant().plus(Duration.ofMinutes(20)));
        }
        selections.reveal(drawn.id(), HexFormat.of().formatHex(secret), centre);

        // 2. Lowest quote for construction supervision: two quote, the lower wins once the deadline has passed
        Instant deadline = clock.instant().plus(Duration.ofDays(3));
        Selections.RequestView quoted = selections.request(new Selections.ServiceRequest("CONSTRUCTION_SUPERVISION", "990100",
                "云州市滨河公园二期工程施工监理", new BigDecimal("650000.00"), today.plusDays(10), today.plusDays(300),
                Selections.Method.LOWEST_QUOTE, deadline, null, null, null, null), owner);
        if (travel != null) {
            travel.travelTo(clock.instant().plus(Duration.ofDays(1)));
        }
        selections.quote(quoted.id(), new BigDecimal("598000.00"), user("inter3"));
        selections.quote(quoted.id(), new BigDecimal("566000.00"), user("inter4"));

        // 3. A direct selection within the city's threshold
        Selections.RequestView direct = selections.request(new Selections.ServiceRequest("ASSET_APPRAISAL", "990100",
                "云州市城投集团闲置办公用房租赁价格评估", new BigDecimal("48000.00"), today.plusDays(2), today.plusDays(40),
                Selections.Method.DIRECT, null, firms.get(4).id(), "该机构曾承担同一资产的年度评估，熟悉情况", null, null), owner);
        if (travel == null) {
            return; // without time travel the quotes stay open and nothing is rated yet
        }
        travel.travelTo(deadline.plus(Duration.ofHours(1)));
        selections.openQuotes(quoted.id(), owner);
        travel.travelTo(present.minus(Duration.ofDays(2)));
        selections.rate(drawn.id(), 5, "响应及时，结算审核严谨。", owner);
        selections.rate(direct.id(), 4, "报告按期提交，个别取值说明不够充分。", owner);
    }

    private CurrentUser user(String username) {
        return accounts.findByUsername(username).orElseThrow();
    }
}
