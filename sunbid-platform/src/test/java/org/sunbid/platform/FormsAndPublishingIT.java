package org.sunbid.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Forms and irreversible steps in the workbench, over real HTTP with a signed-in session (docs/ui-conventions.md):
 * a refused form names each field with what is expected, marks it and keeps the input; amounts are accepted as people
 * type them; publishing checks its preconditions, shows what is missing and asks for confirmation with the legal
 * dates; drafts are edited and deleted by their owners only.
 */
class FormsAndPublishingIT extends PlatformIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private ApiClient api() {
        return new ApiClient(baseUrl());
    }

    private String cityInvestment() {
        return jdbc.sql("SELECT CAST(id AS TEXT) FROM organisation WHERE name = '云州市城市建设投资集团有限公司'")
                .query(String.class).single();
    }

    /** The new-tender form's fields, valid, with {@code overrides}. */
    private String tenderForm(Map<String, String> overrides) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), BEIJING).withSecond(0).withNano(0);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("tendereeId", cityInvestment());
        f.put("projectCode", Fixtures.projectCode());
        f.put("name", "云州市第五中学风雨操场新建工程");
        f.put("category", "房屋建筑工程");
        f.put("estimatedPrice", "12000000");
        f.put("deposit", "200000");
        f.put("evaluationMethod", "COMPREHENSIVE");
        f.put("documentsAvailableUntil", now.plusDays(8).toString());
        f.put("bidDeadline", now.plusDays(25).toString());
        f.put("openingVenue", "第一开标室");
        f.put("bidValidityDays", "90");
        f.put("qualification", "建筑工程施工总承包二级及以上");
        f.put("notice", "现进行公开招标。");
        f.putAll(overrides);
        return encode(f);
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private long tenders() {
        return jdbc.sql("SELECT COUNT(*) FROM tender").query(Long.class).single();
    }

    /** The input element {@code id} of a page (its whole tag). */
    private static String input(String body, String id) {
        Matcher m = Pattern.compile("<input id=\"" + id + "\"[^>]*>").matcher(body);
        assertThat(m.find()).as("input " + id).isTrue();
        return m.group();
    }

    private static String textOf(String body, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(body);
        assertThat(m.find()).as("element " + id).isTrue();
        return m.group(1).strip();
    }

    // ------------------------------------------------------------------------------------------------- form errors

    @Test
    void theNewTenderFormNamesEachWrongFieldMarksItAndKeepsTheInput() throws Exception {
        WebSession agency = new WebSession(baseUrl());
        agency.login("agency");
        long before = tenders();

        HttpResponse<String> refused = agency.submit("/workbench/tenders/new", "/workbench/tenders",
                tenderForm(Map.of("estimatedPrice", "abc", "deposit", "三千万", "bidValidityDays", "九十", "name", "风雨操场")));

        assertThat(refused.statusCode()).isEqualTo(422);
        String body = refused.body();
        assertThat(body).doesNotContain("see the list").contains("请修改以下 3 处后再提交");
        assertThat(textOf(body, "estimatedPrice-error")).isEqualTo("估算价（元）：请输入数字，如 12000000.00，单位元（也可写 12,000,000.00 或 1200万）");
        assertThat(textOf(body, "deposit-error")).startsWith("投标保证金（元）：请输入数字");
        assertThat(textOf(body, "bidValidityDays-error")).isEqualTo("投标有效期（日）：请输入 1 到 365 之间的整数");
        assertThat(input(body, "estimatedPrice")).contains("value=\"abc\"").contains("aria-invalid=\"true\"")
                .contains("invalid").contains("aria-describedby=\"estimatedPrice-error\"");
        assertThat(input(body, "deposit")).contains("value=\"三千万\"").contains("aria-invalid=\"true\"");
        assertThat(input(body, "name")).contains("value=\"风雨操场\"").doesNotContain("aria-invalid");
        assertThat(body).contains("href=\"#estimatedPrice\"");
        assertThat(tenders()).isEqualTo(before);

        // A rule's refusal (Reg. 26) sits under the field it is about, the input kept.
        HttpResponse<String> tooHigh = agency.submit("/workbench/tenders/new", "/workbench/tenders",
                tenderForm(Map.of("estimatedPrice", "12,000,000.00", "deposit", "240,000.01")));
        assertThat(tooHigh.statusCode()).isEqualTo(422);
        assertThat(textOf(tooHigh.body(), "deposit-error")).startsWith("投标保证金（元）：").contains("第二十六条");
        assertThat(input(tooHigh.body(), "deposit")).contains("value=\"240,000.01\"");
        assertThat(tenders()).isEqualTo(before);
    }

    @Test
    void amountsAreAcceptedAsPeopleTypeThem() throws Exception {
        WebSession agency = new WebSession(baseUrl());
        agency.login("agency");
        String code = Fixtures.projectCode();
        HttpResponse<String> created = agency.submit("/workbench/tenders/new", "/workbench/tenders",
                tenderForm(Map.of("projectCode", code, "estimatedPrice", "1,000万", "deposit", "２００，０００.００")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        Map<String, Object> row = jdbc.sql("SELECT estimated_price, deposit FROM tender WHERE project_code = :c")
                .param("c", code).query().singleRow();
        assertThat(row.get("estimated_price").toString()).isEqualTo("10000000.00");
        assertThat(row.get("deposit").toString()).isEqualTo("200000.00");
    }

    @Test
    void theSealOnArrivalFormNamesThePriceKeepsTheInputAndAcceptsSeparators() throws Exception {
        ApiClient api = api();
        String tender = publishTender(api, Duration.ofDays(22), "500000").path("id").asString();
        api.post("/api/v1/tenders/" + tender + "/registrations", "", api.freshToken("bidder2"));
        api.post("/api/v1/sandbox/bank/transfers", ApiClient.json(Map.of("tenderId", tender)), api.freshToken("bidder2"));
        WebSession bidder = new WebSession(baseUrl());
        bidder.login("bidder2");
        String page = "/workbench/tenders/" + tender;
        String csrf = textAttr(bidder.get(page).body(), "data-csrf");
        long envelopes = jdbc.sql("SELECT COUNT(*) FROM bid_envelope_received").query(Long.class).single();

        HttpResponse<String> refused = seal(bidder, tender, csrf, "三千万", "300", "张工");
        assertThat(refused.statusCode()).isEqualTo(302);
        String body = bidder.get(page).body();
        assertThat(body).doesNotContain("see the list");
        assertThat(textOf(body, "totalPrice-error")).startsWith("投标报价（元）：请输入数字，如 12000000.00");
        assertThat(input(body, "totalPrice")).contains("value=\"三千万\"").contains("aria-invalid=\"true\"");
        assertThat(input(body, "durationDays")).contains("value=\"300\"");
        assertThat(input(body, "projectManager")).contains("value=\"张工\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM bid_envelope_received").query(Long.class).single()).isEqualTo(envelopes);

        HttpResponse<String> sealed = seal(bidder, tender, csrf, "12,345,678.90", "300", "张工");
        assertThat(sealed.statusCode()).isEqualTo(302);
        assertThat(bidder.get(page).body()).doesNotContain("totalPrice-error").contains("id=\"done\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM bid_envelope_received").query(Long.class).single()).isEqualTo(envelopes + 1);
    }

    private static String textAttr(String body, String attribute) {
        Matcher m = Pattern.compile(attribute + "=\"([^\"]+)\"").matcher(body);
        assertThat(m.find()).as(attribute).isTrue();
        return m.group(1);
    }

    /** What the page's script sends: the price sheet as one URL-encoded line, then the plain file, all in the body. */
    private HttpResponse<String> seal(WebSession session, String tender, String csrf, String price, String days, String manager)
            throws Exception {
        String line = encode(Map.of("name", "投标文件.pdf", "totalPrice", price, "durationDays", days, "projectManager", manager));
        return session.http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/workbench/tenders/" + tender
                        + "/bids/sealed-on-arrival")).header("X-CSRF-TOKEN", csrf)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString(line + "\n%PDF-1.4 投标文件", java.nio.charset.StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // ------------------------------------------------------------------------------------------------- publishing

    @Test
    void publishingWithoutDocumentsIsRefusedOnThePageWithTheReasonAndConfirmationShowsTheDates() throws Exception {
        ApiClient api = api();
        String agencyToken = api.token("agency");
        String id = api.post("/api/v1/tenders", Fixtures.tenderJson(clock.instant(), Fixtures.projectCode(), Duration.ofDays(23),
                "500000", cityInvestment()), agencyToken).json().path("id").asString();
        WebSession agency = new WebSession(baseUrl());
        agency.login("agency");
        String page = "/workbench/tenders/" + id;

        // The draft's page lists what is missing, with a link to where it is done.
        String draft = agency.get(page).body();
        assertThat(draft).contains("id=\"check-documents\"").contains("招标文件：尚未上传");
        HttpResponse<String> confirm = agency.get(page + "/publish");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("招标文件：尚未上传").contains("#upload-form").doesNotContain("publish-confirm-button");

        // Posting anyway is refused with the API's reason, and the tender stays a draft.
        HttpResponse<String> refused = agency.submit(page, page + "/publish", "");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(agency.get(refused.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")).body())
                .contains("尚未上传招标文件：招标公告发布即开始发出招标文件");
        assertThat(status(id)).isEqualTo("DRAFT");

        // With documents: the confirmation shows the dates publication fixes; not confirming leaves it a draft.
        assertThat(api.uploadDocument(id, agencyToken).status()).isEqualTo(201);
        String dates = agency.get(page + "/publish").body();
        java.time.Instant deadline = clock.instant().plus(Duration.ofDays(23));
        assertThat(textOf(dates, "date-deadline")).isEqualTo(MINUTES.format(deadline.atZone(BEIJING)));
        assertThat(textOf(dates, "date-objection")).startsWith(MINUTES.format(deadline.minus(Duration.ofDays(10)).atZone(BEIJING)));
        assertThat(textOf(dates, "date-clarification")).isEqualTo(MINUTES.format(deadline.minus(Duration.ofDays(15)).atZone(BEIJING)));
        assertThat(textOf(dates, "date-documents")).isEqualTo(MINUTES.format(clock.instant().plus(Duration.ofDays(7)).atZone(BEIJING)));
        assertThat(dates).contains("id=\"publish-confirm-button\"").contains("id=\"publish-cancel\"");
        assertThat(status(id)).isEqualTo("DRAFT");

        HttpResponse<String> published = agency.submit(page + "/publish", page + "/publish", "");
        assertThat(published.statusCode()).isEqualTo(302);
        assertThat(published.headers().firstValue("Location").orElse("")).endsWith(page);
        assertThat(status(id)).isEqualTo("PUBLISHED");
        assertThat(agency.get(page + "/publish").statusCode()).isEqualTo(409);

        // A blank clarification is refused under its field, by name, never as "see the list"; nothing is issued.
        long clarifications = jdbc.sql("SELECT COUNT(*) FROM tender_clarification").query(Long.class).single();
        agency.submit(page, page + "/clarifications", "text=%20%20");
        String after = agency.get(page).body();
        assertThat(textOf(after, "clarification-error")).isEqualTo("发布澄清或修改：必填");
        assertThat(after).contains("aria-describedby=\"clarification-error\"").doesNotContain("请按提示修改");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM tender_clarification").query(Long.class).single()).isEqualTo(clarifications);
    }

    private String status(String id) {
        return jdbc.sql("SELECT status FROM tender WHERE id = CAST(:t AS UUID)").param("t", id).query(String.class).single();
    }

    // ------------------------------------------------------------------------------------------------- drafts

    @Test
    void anOwnerEditsADraftWithTheNewTenderFormPrefilled() throws Exception {
        ApiClient api = api();
        String code = Fixtures.projectCode();
        String id = api.post("/api/v1/tenders", Fixtures.tenderJson(clock.instant(), code, Duration.ofDays(23), "500000",
                cityInvestment()), api.token("agency")).json().path("id").asString();
        WebSession agency = new WebSession(baseUrl());
        agency.login("agency");
        String edit = "/workbench/tenders/" + id + "/edit";
        String form = agency.get(edit).body();
        assertThat(input(form, "projectCode")).contains("value=\"" + code + "\"");
        assertThat(input(form, "estimatedPrice")).contains("value=\"25000000.00\"");

        HttpResponse<String> refused = agency.submit(edit, edit, tenderForm(Map.of("projectCode", code, "estimatedPrice", "1,2")));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(input(refused.body(), "estimatedPrice")).contains("value=\"1,2\"").contains("aria-invalid=\"true\"");

        long logBefore = jdbc.sql("SELECT COUNT(*) FROM log_entry").query(Long.class).single();
        HttpResponse<String> revised = agency.submit(edit, edit, tenderForm(Map.of("projectCode", code, "estimatedPrice", "1200万元",
                "deposit", "240,000", "name", "云州市图书馆改扩建工程（二期）")));
        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(302);
        Map<String, Object> row = jdbc.sql("SELECT name, estimated_price, deposit, status FROM tender WHERE id = CAST(:t AS UUID)")
                .param("t", id).query().singleRow();
        assertThat(row.get("name")).isEqualTo("云州市图书馆改扩建工程（二期）");
        assertThat(row.get("estimated_price").toString()).isEqualTo("12000000.00");
        assertThat(row.get("deposit").toString()).isEqualTo("240000.00");
        assertThat(row.get("status")).isEqualTo("DRAFT");
        assertThat(jdbc.sql("SELECT details FROM log_entry WHERE seq >= :s").param("s", logBefore).query(String.class).list())
                .anyMatch(d -> d.contains("tendering.tender.revised") && d.contains(id));

        // Someone else's draft cannot be edited.
        WebSession other = new WebSession(baseUrl());
        other.login("tenderee2");
        assertThat(other.get(edit).statusCode()).isIn(403, 404);
    }

    @Test
    void onlyItsOwnerDeletesADraftOnlyWhileADraftAndTheDeletionIsLogged() throws Exception {
        ApiClient api = api();
        String code = Fixtures.projectCode();
        String id = api.post("/api/v1/tenders", Fixtures.tenderJson(clock.instant(), code, Duration.ofDays(23), "500000",
                cityInvestment()), api.token("agency")).json().path("id").asString();
        String page = "/workbench/tenders/" + id;
        WebSession agency = new WebSession(baseUrl());
        agency.login("agency");
        assertThat(agency.get(page).body()).contains("id=\"delete-draft\"").contains("data-confirm=\"删除这份草稿？");

        // Another organisation's user cannot delete it: nothing changes.
        WebSession other = new WebSession(baseUrl());
        other.login("tenderee2");
        long logBefore = jdbc.sql("SELECT COUNT(*) FROM log_entry").query(Long.class).single();
        other.submit("/workbench/tenders", page + "/delete", "");
        assertThat(jdbc.sql("SELECT deleted_at IS NULL FROM tender WHERE id = CAST(:t AS UUID)").param("t", id)
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM log_entry").query(Long.class).single()).isEqualTo(logBefore);

        HttpResponse<String> deleted = agency.submit(page, page + "/delete", "");
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(deleted.headers().firstValue("Location").orElse("")).endsWith("/workbench/tenders");
        assertThat(agency.get(page).statusCode()).isEqualTo(404);
        assertThat(agency.get("/workbench/tenders").body()).doesNotContain(code);
        assertThat(jdbc.sql("SELECT details FROM log_entry WHERE seq >= :s").param("s", logBefore).query(String.class).list())
                .anyMatch(d -> d.contains("tendering.tender.deleted") && d.contains(id));
        // Its project code is free again.
        assertThat(api.post("/api/v1/tenders", Fixtures.tenderJson(clock.instant(), code, Duration.ofDays(23), "500000",
                cityInvestment()), api.token("agency")).status()).isEqualTo(201);

        // A published tender is not deleted.
        String published = publishTender(api, Duration.ofDays(23), "500000").path("id").asString();
        agency.submit("/workbench/tenders/" + published, "/workbench/tenders/" + published + "/delete", "");
        assertThat(status(published)).isEqualTo("PUBLISHED");
        assertThat(jdbc.sql("SELECT deleted_at IS NULL FROM tender WHERE id = CAST(:t AS UUID)").param("t", published)
                .query(Boolean.class).single()).isTrue();
    }
}
