package org.sunbid.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The web UI over real HTTP: session login through the form (CSRF on), which pages each role reaches, and that a form
 * post without the CSRF token is refused.
 */
class WebAccessIT extends PlatformIT {

    /** A browser-like session: cookies kept, redirects not followed so they can be checked. */
    final class Session extends WebSession {
        Session() {
            super(baseUrl());
        }
    }

    @Test
    void thePublicSeesThePortalButNotTheWorkbench() throws Exception {
        Session anonymous = new Session();
        HttpResponse<String> home = anonymous.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("最新交易公告").contains("云州市");
        assertThat(anonymous.get("/guide").statusCode()).isEqualTo(200);
        HttpResponse<String> log = anonymous.get("/log");
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(log.body()).contains("签名树头").contains("id=\"log-table\"").contains("sunbid-verifier");
        // Older entries page by sequence number: before=3 shows entries 2, 1, 0 and links back to the newest.
        HttpResponse<String> oldest = anonymous.get("/log?before=3");
        assertThat(oldest.statusCode()).isEqualTo(200);
        assertThat(java.util.regex.Pattern.compile("<td class=\"num\">(\\d+)</td>").matcher(oldest.body()).results()
                .map(m -> m.group(1)).toList()).containsExactly("2", "1", "0");
        assertThat(oldest.body()).contains("较早记录").contains("回到最新").doesNotContain("更早的记录");
        // A draw record is public once published; an unknown one is simply not found, not a login.
        assertThat(anonymous.get("/draws/" + java.util.UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(home.body()).contains("专家抽取公开记录");
        HttpResponse<String> workbench = anonymous.get("/workbench");
        assertThat(workbench.statusCode()).isEqualTo(302);
        assertThat(workbench.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @ParameterizedTest
    @CsvSource({
            "admin,      系统管理员工作台, 200",
            "centre,     交易中心工作台,   200",
            "qs-centre,  交易中心工作台,   200",
            "supervisor, 行政监督工作台,   200",
            "tenderee,   招标人工作台,     403",
            "agency,     代理机构工作台,   403",
            "bidder2,    投标人工作台,     403",
            "expert02,   评标专家工作台,   403"})
    void eachRoleReachesItsWorkbenchAndOnlyStaffReachTheRegister(String username, String title, int organisations)
            throws Exception {
        Session session = new Session();
        HttpResponse<String> login = session.login(username);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/workbench");

        HttpResponse<String> workbench = session.get("/workbench");
        assertThat(workbench.statusCode()).isEqualTo(200);
        assertThat(workbench.body()).contains(title);
        assertThat(session.get("/workbench/organisations").statusCode()).isEqualTo(organisations);
        // The expert database and the draws follow the register; an expert's own pages are the expert's only.
        assertThat(session.get("/workbench/experts").statusCode()).isEqualTo(organisations);
        assertThat(session.get("/workbench/expert-draws").statusCode()).isEqualTo(organisations);
        assertThat(session.get("/workbench/expert").statusCode()).isEqualTo(username.startsWith("expert") ? 200 : 403);
        assertThat(session.get("/workbench/expert/draws").statusCode()).isEqualTo(username.startsWith("expert") ? 200 : 403);
    }

    @Test
    void aWrongPasswordGoesBackToTheLoginPage() throws Exception {
        Session session = new Session();
        String token = session.csrf("/login");
        HttpResponse<String> r = session.postForm("/login", "username=bidder8&password=wrong&_csrf="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
        assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/login?error");
        assertThat(session.get("/login?error").body()).contains("用户名或密码错误");
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() throws Exception {
        Session session = new Session();
        session.login("centre");
        String code = Fixtures.freshCreditCode("990100");
        HttpResponse<String> r = session.postForm("/workbench/organisations",
                "creditCode=" + code + "&name=CSRF&kind=BIDDER&regionCode=990100");
        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void staffRegisterThroughTheFormAndSeeTheRuleWhenRefused() throws Exception {
        Session session = new Session();
        session.login("centre");
        String token = session.csrf("/workbench/organisations");
        HttpResponse<String> refused = session.postForm("/workbench/organisations",
                "creditCode=91350100M000100Y44&name=" + URLEncoder.encode("错误代码公司", StandardCharsets.UTF_8)
                        + "&kind=BIDDER&regionCode=990100&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("校验码不正确").contains("GB 32100-2015");

        String code = Fixtures.freshCreditCode("990123");
        HttpResponse<String> accepted = session.postForm("/workbench/organisations",
                "creditCode=" + code + "&name=" + URLEncoder.encode("松源表单测试有限公司", StandardCharsets.UTF_8)
                        + "&kind=BIDDER&regionCode=990123&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(session.get("/workbench/organisations").body()).contains("松源表单测试有限公司").contains(code);
    }

    @Test
    void theLanguageSwitchesToEnglish() throws Exception {
        Session session = new Session();
        assertThat(session.get("/login?lang=en").body()).contains("Sign in");
        assertThat(session.get("/login").body()).as("remembered in a cookie").contains("Sign in");
    }
}
