package org.sunbid.platform.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunbid.platform.credit.CreditClass;
import org.sunbid.platform.credit.CreditObjections;
import org.sunbid.platform.credit.CreditProfiles;
import org.sunbid.platform.credit.CreditPublication;
import org.sunbid.platform.credit.CreditRecords;
import org.sunbid.platform.credit.CreditRepairs;
import org.sunbid.platform.credit.CreditRules;
import org.sunbid.platform.credit.CreditSubject;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Organisations;

/**
 * The demo's credit records (issue 20 K), decided by 云州市住房和城乡建设局 at dates before today, their publication derived
 * by the rule of each decision's day: records of each class on bidder5 … bidder8 and bidder3 — published ones (one
 * under the superseded 527号 rule), one whose publication ended (logged by the publication job), one repaired early
 * (applied, accepted and approved by the city's supervisor), one repair awaiting acceptance, one objection awaiting its
 * decision, a 轻微 one not published — and the city's score rule (100 minus 2/5/10 per class). None restricts a gate.
 */
@Component
class DemoCredit {

    private static final Logger log = LoggerFactory.getLogger(DemoCredit.class);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String BODY = "云州市住房和城乡建设局";

    private final CreditRecords records;
    private final CreditRepairs repairs;
    private final CreditObjections objections;
    private final CreditProfiles profiles;
    private final CreditPublication publication;
    private final Accounts accounts;
    private final Organisations organisations;
    private final java.time.Clock clock;

    DemoCredit(CreditRecords records, CreditRepairs repairs, CreditObjections objections, CreditProfiles profiles,
            CreditPublication publication, Accounts accounts, Organisations organisations, java.time.Clock clock) {
        this.records = records;
        this.repairs = repairs;
        this.objections = objections;
        this.profiles = profiles;
        this.publication = publication;
        this.accounts = accounts;
        this.organisations = organisations;
        this.clock = clock;
    }

    void load() {
        profiles.defineScoreRule(new CreditProfiles.ScoreRule("990100", LocalDate.of(2026, 4, 1), 100,
                Map.of(CreditClass.MINOR, 2, CreditClass.GENERAL, 5, CreditClass.SERIOUS, 10),
                "云州市公共资源交易市场主体信用评分办法（示范）：基础分100分，每条公示中或限制中的轻微、一般、严重失信记录分别扣2、5、10分"),
                Actor.SYSTEM);
        Instant now = clock.instant();
        // published: a general record too recent to repair, and a serious one
        record("bidder6", CreditClass.GENERAL, now.minus(Duration.ofDays(40)), "无正当理由放弃中标资格",
                "招标投标法实施条例第七十四条", "1");
        record("bidder6", CreditClass.SERIOUS, now.minus(Duration.ofDays(400)), "以他人名义投标、提供虚假业绩骗取中标",
                "招标投标法第五十四条；招标投标法实施条例第六十八条", "2");
        // decided under the superseded rule (527号: 严重 6 months to 3 years)
        record("bidder5", CreditClass.SERIOUS, ZonedDateTime.of(2026, 2, 10, 10, 0, 0, 0, BEIJING).toInstant(),
                "中标后无正当理由不与招标人订立合同", "招标投标法实施条例第七十四条", "3");
        // its one-year publication ended before today: the job logs the end
        record("bidder7", CreditClass.GENERAL, now.minus(Duration.ofDays(380)), "投标文件中隐瞒在建工程",
                "招标投标法实施条例第六十八条", "4");
        // repaired early: past its 3-month minimum, applied for, accepted and approved
        UUID repaired = record("bidder7", CreditClass.GENERAL, now.minus(Duration.ofDays(150)), "拒不按规定缴纳履约保证金",
                "招标投标法实施条例第七十四条", "5");
        CurrentUser bidder7 = accounts.findByUsername("bidder7").orElseThrow();
        CurrentUser supervisor = accounts.findByUsername("supervisor").orElseThrow();
        UUID done = repairs.apply(repaired, "已足额缴纳履约保证金并完成整改，按要求作出信用承诺。",
                List.of("履约保证金缴纳凭证.pdf", "信用承诺书.pdf"), bidder7).id();
        repairs.accept(done, "材料齐全，予以受理。", supervisor);
        repairs.decide(done, true, "整改到位，最短公示期已满，准予信用修复，提前停止公示。", supervisor);
        // a repair awaiting acceptance
        UUID pending = record("bidder8", CreditClass.GENERAL, now.minus(Duration.ofDays(120)), "开标后撤销投标文件",
                "招标投标法实施条例第三十五条", "6");
        repairs.apply(pending, "已主动纠正失信行为，并参加信用修复培训。", List.of("信用修复培训结业证明.pdf"),
                accounts.findByUsername("bidder8").orElseThrow());
        // 轻微: not published
        record("bidder8", CreditClass.MINOR, now.minus(Duration.ofDays(20)), "未按时提交合同备案材料", "云州市公共资源交易管理办法第二十条", "7");
        // an objection awaiting its decision
        UUID objected = record("bidder3", CreditClass.SERIOUS, now.minus(Duration.ofDays(60)), "串通投标",
                "招标投标法第五十三条；招标投标法实施条例第六十七条", "8");
        objections.file(objected, "涉案投标文件雷同系同一造价软件模板所致，处罚决定认定事实有误，已申请行政复议。",
                List.of("行政复议申请书.pdf"), accounts.findByUsername("bidder3").orElseThrow());
        List<UUID> ended = publication.endPublications();
        log.info("demo: credit records of bidder3, bidder5 … bidder8 loaded; {} publication(s) ended", ended.size());
    }

    private UUID record(String username, CreditClass c, Instant decided, String conduct, String basis, String number) {
        Organisation o = organisations.find(accounts.findByUsername(username).orElseThrow().organisationId()).orElseThrow();
        CreditRules.Publication p = CreditRules.publication(c, decided, false, false);
        int year = decided.atZone(BEIJING).getYear();
        return records.record(new CreditRecords.NewRecord(CreditSubject.organisation(o.creditCode().value()), o.name(), c, conduct,
                basis, BODY, "云建罚〔" + year + "〕" + (30 + Integer.parseInt(number)) + "号", "platform", "demo-credit-" + number,
                "990100", Set.of(), null, null, p.from(), p.until()), decided, false, Actor.SYSTEM);
    }
}
