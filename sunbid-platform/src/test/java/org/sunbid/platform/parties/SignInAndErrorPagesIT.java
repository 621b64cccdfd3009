package org.sunbid.platform.parties;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.WebSession;

/**
 * Signing in returns to the page that asked for it (never off the site), switching account is announced, and page
 * errors are pages in the site's layout with the signed-in user's header, in the user's language.
 */
class SignInAndErrorPagesIT extends PlatformIT {

    @Autowired
    JdbcClient jdbc;

    private WebSession session() {
        return new WebSession(baseUrl());
    }

    private String tenderId(String projectCode) {
        return jdbc.sql("SELECT id::text FROM tender WHERE project_code = ?").param(projectCode).query(String.class).single();
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private static HttpResponse<String> login(WebSession session, String username, String returnTo) throws Exception {
        String token = session.csrf(returnTo == null ? "/login" : "/login?continue=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8));
        return session.postForm("/login", "username=" + username + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + (returnTo == null ? "" : "&continue=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8)));
    }

    @Test
    void registeringAfterSignInReturnsToTheTender() throws Exception {
        String tender = tenderId("YZ-2026-GC-0102");
        WebSession bidder = session();
        // The portal's "register (after signing in)" leads to the tender's workbench page, which asks for a sign-in.
        assertThat(bidder.get("/tenders/" + tender).body()).contains("/workbench/tenders/" + tender);
        HttpResponse<String> asked = bidder.get("/workbench/tenders/" + tender);
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(location(asked)).endsWith("/login");

        HttpResponse<String> signedIn = bidder.login("bidder1");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(location(signedIn)).contains("/workbench/tenders/" + tender).doesNotEndWith("/workbench");
        HttpResponse<String> back = bidder.get(location(signedIn).substring(baseUrl().length()));
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).contains("YZ-2026-GC-0102");
    }

    @Test
    void theHeadersSignInLinkCarriesThePageAndTheSignInReturnsThere() throws Exception {
        String tender = tenderId("YZ-2026-GC-0102");
        WebSession visitor = session();
        assertThat(visitor.get("/tenders/" + tender).body()).contains("/login?continue=/tenders/" + tender);
        HttpResponse<String> loginPage = visitor.get("/login?continue=/tenders/" + tender);
        assertThat(loginPage.body()).contains("name=\"continue\" value=\"/tenders/" + tender + "\"");

        HttpResponse<String> signedIn = login(visitor, "bidder2", "/tenders/" + tender);
        assertThat(location(signedIn)).isEqualTo(baseUrl() + "/tenders/" + tender);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/phish", "//evil.example/phish", "/\\evil.example/phish",
            "http:/evil.example"})
    void aContinueParameterLeadingOffTheSiteIsRefused(String target) throws Exception {
        WebSession visitor = session();
        // The login page does not carry it into its form ...
        assertThat(visitor.get("/login?continue=" + URLEncoder.encode(target, StandardCharsets.UTF_8)).body())
                .doesNotContain("name=\"continue\"").doesNotContain("evil.example");
        // ... and a form posted with it anyway lands on the workbench, on this site.
        HttpResponse<String> signedIn = login(visitor, "bidder3", target);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(location(signedIn)).isEqualTo(baseUrl() + "/workbench");
        assertThat(visitor.get("/workbench").statusCode()).isEqualTo(200);
    }

    @Test
    void signingInAsAnotherUserIsAnnouncedAndSwitchesTheAccount() throws Exception {
        WebSession session = session();
        session.login("agency");
        HttpResponse<String> loginPage = session.get("/login");
        assertThat(loginPage.body()).contains("id=\"login-switch\"").contains("您已以").contains("（agency）身份登录")
                .contains("继续将退出并以其他账号登录");
        assertThat(session.get("/login?lang=en").body()).contains("You are signed in as").contains("(agency)");

        HttpResponse<String> switched = login(session, "supervisor", "/workbench");
        assertThat(location(switched)).isEqualTo(baseUrl() + "/workbench");
        HttpResponse<String> home = session.get("/workbench?lang=zh_CN");
        assertThat(home.body()).contains("行政监督工作台").doesNotContain("代理机构工作台");
        assertThat(session.get("/login").body()).contains("（supervisor）身份登录");
    }

    @Test
    void aMalformedIdOnAPageIsABadAddressPageWithTheSignedInHeader() throws Exception {
        WebSession bidder = session();
        bidder.login("bidder1");
        String name = jdbc.sql("SELECT display_name FROM account WHERE username = 'bidder1'").query(String.class).single();

        HttpResponse<String> zh = bidder.get("/tenders/not-a-uuid");
        assertThat(zh.statusCode()).isEqualTo(400);
        assertThat(zh.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(zh.body()).contains("id=\"error-title\">网址有误").contains("网址中的编号无效")
                .doesNotContain("JSON").contains("id=\"nav-user\">" + name).contains("id=\"nav-logout\"")
                .doesNotContain("id=\"nav-login\"").contains("id=\"error-workbench\"");

        HttpResponse<String> en = bidder.get("/workbench/tenders/not-a-uuid?lang=en");
        assertThat(en.statusCode()).isEqualTo(400);
        assertThat(en.body()).contains("The address is not valid").contains("invalid identifier").doesNotContain("JSON")
                .contains("id=\"nav-user\">" + name).contains("Sign out").contains("Back to the workbench");

        // The API keeps answering problem+json.
        HttpResponse<String> api = bidder.get("/api/v1/tenders/not-a-uuid");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
    }

    @Test
    void notFoundAndNotAllowedArePagesWithTheSignedInHeader() throws Exception {
        WebSession bidder = session();
        bidder.login("bidder1");
        String name = jdbc.sql("SELECT display_name FROM account WHERE username = 'bidder1'").query(String.class).single();

        HttpResponse<String> unknownTender = bidder.get("/tenders/" + java.util.UUID.randomUUID() + "?lang=zh_CN");
        assertThat(unknownTender.statusCode()).isEqualTo(404);
        assertThat(unknownTender.body()).contains("id=\"error-title\">页面不存在").contains("id=\"nav-user\">" + name);

        HttpResponse<String> noSuchPage = bidder.get("/no-such-page");
        assertThat(noSuchPage.statusCode()).isEqualTo(404);
        assertThat(noSuchPage.body()).contains("页面不存在").contains("id=\"nav-user\">" + name).contains("id=\"nav-logout\"");

        HttpResponse<String> forbidden = bidder.get("/workbench/organisations");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("id=\"error-title\">无权访问").contains("id=\"nav-user\">" + name)
                .doesNotContain("id=\"nav-login\"");

        HttpResponse<String> forbiddenEn = bidder.get("/workbench/organisations?lang=en");
        assertThat(forbiddenEn.statusCode()).isEqualTo(403);
        assertThat(forbiddenEn.body()).contains("Not allowed").contains("Your role or region does not allow this.")
                .contains("id=\"nav-user\">" + name).contains("Sign out");

        // The public sees the same pages with a "sign in" that comes back (an unknown path outside the portal asks
        // for a sign-in first, like every workbench page).
        String unknown = "/tenders/" + java.util.UUID.randomUUID();
        HttpResponse<String> anonymous = session().get(unknown);
        assertThat(anonymous.statusCode()).isEqualTo(404);
        assertThat(anonymous.body()).contains("页面不存在").contains("id=\"nav-login\"").contains("/login?continue=" + unknown)
                .doesNotContain("id=\"nav-user\"");
    }
}
