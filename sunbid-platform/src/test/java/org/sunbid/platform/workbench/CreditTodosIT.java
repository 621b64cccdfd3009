package org.sunbid.platform.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.WebSession;
import org.sunbid.platform.catalog.Calendars;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.credit.CreditClass;
import org.sunbid.platform.credit.CreditParties;
import org.sunbid.platform.credit.CreditRecords;
import org.sunbid.platform.credit.CreditRules;
import org.sunbid.platform.credit.CreditSubject;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.supervision.WarningRegions;

/**
 * Credit cases on the supervisors' to-do lists (信用修复管理办法 Art. 16: accept a repair within 3 working days, decide within
 * 7 after; Art. 18: decide an objection within 7): a case of a record of the test county 甲县 is listed for 甲县's supervisor
 * and the city's (whose region holds the county), with its due day and, once past it, 已逾期; not for the sibling county's
 * supervisor, the centre or the organisation itself; a case leaves the list with the step it awaited.
 */
class CreditTodosIT extends PlatformIT {

    private static final Pattern ITEM = Pattern.compile(
            "<li class=\"todo\" data-kind=\"([a-z-]+)\">\\s*<a href=\"([^\"]+)\">\\s*<span class=\"todo-kind\">([^<]*)</span>\\s*"
                    + "<span class=\"todo-title\">([^<]*)</span>\\s*</a>(.*?)</li>", Pattern.DOTALL);

    record Entry(String kind, String link, String label, String title, String deadline) {
    }

    @Autowired CreditRecords records;
    @Autowired Organisations organisations;
    @Autowired Accounts accounts;
    @Autowired Regions regions;
    @Autowired Calendars calendars;

    @AfterEach
    void resetClock() {
        clock.set(START);
    }

    private List<Entry> todos(String username) throws Exception {
        WebSession session = new WebSession(baseUrl());
        assertThat(session.login(username).statusCode()).isEqualTo(302);
        HttpResponse<String> home = session.get("/workbench");
        assertThat(home.statusCode()).isEqualTo(200);
        Matcher m = ITEM.matcher(home.body());
        return m.results().map(r -> new Entry(r.group(1), r.group(2), r.group(3).strip(), r.group(4).strip(),
                r.group(5).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip())).toList();
    }

    private static List<Entry> about(List<Entry> entries, String caseId) {
        return entries.stream().filter(e -> e.link().endsWith("#credit-" + caseId)).toList();
    }

    /** A record of a fresh organisation of 甲县, decided 130 days ago (past the 3-month minimum: repairable). */
    private UUID record(Organisation o, String ref) {
        Instant decided = clock.instant().minus(Duration.ofDays(130));
        CreditRules.Publication p = CreditRules.publication(CreditClass.GENERAL, decided, false, false);
        return records.record(new CreditRecords.NewRecord(CreditSubject.organisation(o.creditCode().value()), o.name(), CreditClass.GENERAL,
                "无正当理由不与中标人订立合同", "招标投标法实施条例第七十三条", "监督测试甲县发展和改革局", "甲发改罚〔2026〕" + ref + "号",
                "platform", "todo-" + UUID.randomUUID(), WarningRegions.COUNTY, Set.of(), null, null, p.from(), p.until()),
                decided, false, Actor.SYSTEM);
    }

    private static String application(String reason) {
        return ApiClient.json(Map.of("reason", reason, "documents", List.of("整改报告.pdf")));
    }

    @Test
    void art16_art18_pendingRepairsAndObjectionsAreOnTheRegionsSupervisorsToDosWithTheirDues_overdueShown_forNoOneElse()
            throws Exception {
        WarningRegions.ensure(regions, organisations, accounts);
        CreditParties.Party party = CreditParties.party(organisations, accounts, "信用待办测试有限公司", WarningRegions.COUNTY);
        Organisation o = party.organisation();
        String staff = party.username();
        UUID repaired = record(o, "11");
        UUID objected = record(o, "12");
        ApiClient api = new ApiClient(baseUrl());
        String repair = api.post("/api/v1/credit/records/" + repaired + "/repairs", application("已整改"), api.token(staff))
                .json().path("id").asString();
        String objection = api.post("/api/v1/credit/records/" + objected + "/objections", application("文书号有误"), api.token(staff))
                .json().path("id").asString();
        LocalDate today = clock.instant().atZone(CreditRules.ZONE).toLocalDate();
        LocalDate acceptDue = calendars.workingDays().plus(today, 3);
        LocalDate objectionDue = calendars.workingDays().plus(today, 7);

        for (String supervisor : List.of(WarningRegions.QINGSHAN, "supervisor")) { // the county's and the city's (its subtree)
            List<Entry> seen = todos(supervisor);
            assertThat(about(seen, repair)).as(supervisor).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo("credit-repair-acceptance");
                assertThat(e.label()).isEqualTo("受理信用修复申请（3个工作日内，信用修复管理办法第十六条）");
                assertThat(e.title()).isEqualTo("信用待办测试有限公司 · " + acceptDue);
                assertThat(e.deadline()).startsWith("截止 " + acceptDue.plusDays(1) + " 00:00").doesNotContain("已逾期");
            });
            assertThat(about(seen, objection)).as(supervisor).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo("credit-objection-decision");
                assertThat(e.title()).isEqualTo("信用待办测试有限公司 · " + objectionDue);
                assertThat(e.deadline()).startsWith("截止 " + objectionDue.plusDays(1) + " 00:00").doesNotContain("已逾期");
            });
        }
        for (String other : List.of(WarningRegions.LINJIANG, "centre", "admin", staff, "bidder1")) {
            List<Entry> seen = todos(other);
            assertThat(about(seen, repair)).as(other).isEmpty();
            assertThat(about(seen, objection)).as(other).isEmpty();
        }

        // past the acceptance's due day: overdue; accepted, the decision is due 7 working days after the day of acceptance
        clock.set(acceptDue.plusDays(1).atTime(9, 0).atZone(CreditRules.ZONE).toInstant());
        assertThat(about(todos(WarningRegions.QINGSHAN), repair)).singleElement()
                .satisfies(e -> assertThat(e.deadline()).contains("已逾期"));
        assertThat(about(todos(WarningRegions.QINGSHAN), objection)).singleElement()
                .satisfies(e -> assertThat(e.deadline()).doesNotContain("已逾期"));
        String qs = api.freshToken(WarningRegions.QINGSHAN);
        assertThat(api.post("/api/v1/credit/repairs/" + repair + "/acceptance", "{}", qs).status()).isEqualTo(200);
        LocalDate decideDue = calendars.workingDays().plus(acceptDue.plusDays(1), 7);
        assertThat(about(todos("supervisor"), repair)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("credit-repair-decision");
            assertThat(e.deadline()).startsWith("截止 " + decideDue.plusDays(1) + " 00:00").doesNotContain("已逾期");
        });

        // decided: off every list
        assertThat(api.post("/api/v1/credit/repairs/" + repair + "/decision",
                ApiClient.json(Map.of("decision", "REFUSE", "reason", "材料不足")), qs).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/credit/objections/" + objection + "/decision",
                ApiClient.json(Map.of("decision", "DISMISS", "reason", "文书号无误")), qs).status()).isEqualTo(200);
        for (String supervisor : List.of(WarningRegions.QINGSHAN, "supervisor")) {
            List<Entry> seen = todos(supervisor);
            assertThat(about(seen, repair)).as(supervisor).isEmpty();
            assertThat(about(seen, objection)).as(supervisor).isEmpty();
        }
    }
}
