package org.sunbid.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.Fixtures;
import org.sunbid.platform.NewExperts;
import org.sunbid.platform.tendering.Tenders;

import tools.jackson.databind.JsonNode;

/**
 * Acceptance 7 of the evaluation in real browsers: two members of a five-expert committee score the same bids at the
 * same time, each in their own browser. Until both have submitted neither sees anyone else's scores; the leader, who
 * submits first, sees only that the others are not all in; once the second submits the leader's page shows every
 * member's sheet, the ranking and the candidates, and the leader generates the report. Everything before scoring
 * (tender, plan, bids, draw, sign-in, opening, leader, qualification review) goes through the API.
 */
class EvaluationBrowserIT extends BrowserTest {

    private static final AtomicInteger SERIAL = new AtomicInteger(900);

    @Autowired ApplicationContext context;
    @Autowired Tenders tenders;
    @Autowired org.sunbid.platform.evaluation.Evaluations evaluations;

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    @Test
    void twoExpertsScoreInParallelAndTheLeaderSeesTheRankingOnlyAfterAllSubmitted() throws Exception {
        ApiClient api = new ApiClient(baseUrl());
        Committee c = committeeInScoring(api);
        String a = c.members.get(0); // the leader
        String b = c.members.get(1);

        // The three other members have scored already (close to each other: no extreme score).
        for (int i = 2; i < c.members.size(); i++) {
            ApiClient.Response scored = api.post(c.path + "/scores",
                    ApiClient.json(Map.of("scores", Fixtures.scoreSheet(c.qualified, 20 + i % 3))), api.freshToken(c.members.get(i)));
            assertThat(scored.status()).as(scored.body()).isEqualTo(200);
        }

        Path secondProfile = Files.createTempDirectory("sunbid-chromium-");
        ChromeDriver second = newBrowser(secondProfile);
        WebDriverWait secondWait = new WebDriverWait(second, Duration.ofSeconds(10));
        try {
            String page = "/workbench/evaluations/" + c.tenderId;
            logIn(a, PASSWORD);
            open(page);
            withBrowser(second, secondWait, () -> {
                logIn(b, PASSWORD);
                open(page);
            });

            // Both have the form; neither sees a score sheet or a ranking.
            for (ChromeDriver d : List.of(browser, second)) {
                new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("scoring-form")));
                assertThat(d.findElements(By.cssSelector("input.score"))).hasSize(4 * c.qualified.size());
                assertThat(d.findElements(By.id("score-sheets"))).isEmpty();
                assertThat(d.findElements(By.id("ranking"))).isEmpty();
            }
            screenshot(second, "evaluation-scoring-second-member");

            // Interleaved: A fills half, B fills everything, A finishes.
            List<String> bidders = new ArrayList<>(c.qualified);
            int half = bidders.size() / 2;
            fill(browser, bidders.subList(0, half), 21);
            fill(second, bidders, 22);
            fill(browser, bidders.subList(half, bidders.size()), 21);
            screenshot("evaluation-scoring-filled");

            // A score typed wrongly comes back under its own field, marked, with everything typed kept; nothing is submitted.
            String firstScore = "score:" + bidders.get(0) + ":T1";
            String typed = browser.findElement(By.name(firstScore)).getAttribute("value");
            browser.findElement(By.name(firstScore)).clear();
            browser.findElement(By.name(firstScore)).sendKeys("八十");
            browser.findElement(By.id("submit-scores")).click();
            wait.until(ExpectedConditions.alertIsPresent()).accept();
            assertThat(text(By.id(firstScore + "-error"))).contains("请输入数字，如 85.5");
            assertThat(browser.findElement(By.name(firstScore)).getAttribute("value")).isEqualTo("八十");
            assertThat(browser.findElement(By.name(firstScore)).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(text(By.id("form-error"))).doesNotContain("see the list").contains("请修改以下 1 处");
            screenshot("evaluation-scoring-field-error");
            browser.findElement(By.name(firstScore)).clear();
            browser.findElement(By.name(firstScore)).sendKeys(typed);

            // A submits first: only the notice that the others are not all in.
            browser.findElement(By.id("submit-scores")).click();
            wait.until(ExpectedConditions.alertIsPresent()).accept();
            assertThat(text(By.id("done"))).isEqualTo("评分已提交。");
            assertThat(text(By.id("ranking-hidden"))).contains("已提交 4 / 5");
            assertThat(browser.findElements(By.id("scoring-form"))).isEmpty();
            assertThat(browser.findElements(By.id("ranking"))).isEmpty();
            assertThat(browser.findElements(By.id("ranking-table"))).isEmpty();
            assertThat(browser.findElements(By.id("score-sheets"))).isEmpty();
            assertThat(browser.findElements(By.id("generate-report"))).isEmpty();
            screenshot("evaluation-leader-waiting");

            // B, not yet submitted, still sees nobody's scores though four of five are in.
            second.navigate().refresh();
            secondWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("scoring-form")));
            assertThat(second.findElements(By.id("score-sheets"))).isEmpty();
            assertThat(second.findElements(By.id("ranking"))).isEmpty();
            assertThat(second.getPageSource()).doesNotContain("第 1 中标候选人");
            // B (re)types the sheet and submits.
            fill(second, bidders, 22);
            second.findElement(By.id("submit-scores")).click();
            secondWait.until(ExpectedConditions.alertIsPresent()).accept();
            WebElement bDone = secondWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
            assertThat(bDone.getText()).isEqualTo("评分已提交。");
            assertThat(second.findElements(By.id("ranking-table"))).hasSize(1);

            // A reloads: every member's sheet, the ranking and the three candidates.
            browser.navigate().refresh();
            assertThat(text(By.id("stage"))).isNotBlank();
            assertThat(browser.findElements(By.id("ranking-hidden"))).isEmpty();
            List<WebElement> sheetRows = browser.findElements(By.cssSelector("#score-sheets tbody tr"));
            assertThat(sheetRows).hasSize(5);
            List<WebElement> ranked = browser.findElements(By.cssSelector("#ranking-table tbody tr"));
            assertThat(ranked).hasSize(c.qualified.size());
            String ranking = text(By.id("ranking-table"));
            assertThat(ranking).contains("第 1 中标候选人").contains("第 2 中标候选人").contains("第 3 中标候选人");
            assertThat(browser.findElements(By.id("extremes"))).as("no score far off the others").isEmpty();
            assertThat(browser.getPageSource()).as("untranslated message").doesNotContain("??");
            screenshots("evaluation-ranked-leader");

            // The leader generates the report; the other member's page says to wait for it.
            assertThat(second.findElements(By.id("generate-report"))).isEmpty();
            browser.findElement(By.id("generate-report")).click();
            assertThat(text(By.id("done"))).isNotBlank();
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-link"))).getDomAttribute("href"))
                    .endsWith("/report.pdf");
            assertThat(text(By.id("report-signed"))).isEqualTo("0 / 5");
            assertThat(browser.getPageSource()).as("untranslated message").doesNotContain("??");
            screenshots("evaluation-reported-leader");
        } finally {
            second.quit();
            deleteProfile(secondProfile);
        }
    }

    /** Types {@code level}-ish scores for the given bids into the scoring form of {@code driver}. */
    private static void fill(ChromeDriver driver, List<String> bidders, int level) {
        Map<String, Object> sheet = Fixtures.scoreSheet(bidders, level);
        sheet.forEach((bidder, items) -> ((Map<?, ?>) items).forEach((code, value) -> {
            WebElement input = driver.findElement(By.name("score:" + bidder + ":" + code));
            input.clear();
            input.sendKeys(String.valueOf(value));
        }));
    }

    // --- set-up through the API, as EvaluationScenarioIT does ---------------------------------------------------

    /** A tender with 5 opened bids evaluated by 5 drawn experts, leader elected, every bid qualified: scoring. */
    record Committee(String tenderId, String path, List<String> members, List<String> qualified) {
    }

    private Committee committeeInScoring(ApiClient api) throws Exception {
        NewExperts newExperts = new NewExperts(context, DATA);
        JsonNode tender = publishTender(api, Duration.ofDays(21), "100000");
        String tenderId = tender.path("id").asString();
        Instant deadline = Instant.parse(tender.path("bidDeadline").asString());
        Instant evaluationStart = deadline.plus(Duration.ofHours(3));
        ApiClient.Response plan = api.send("PUT", "/api/v1/tenders/" + tenderId + "/evaluation-plan", Fixtures.EVALUATION_PLAN,
                api.token("agency"), Map.of());
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);

        // Experts of their own so the draw has enough of each specialty whatever other tests took.
        var institute = newExperts.organisation("云州评标技术研究院" + SERIAL.incrementAndGet());
        for (int i = 0; i < 4; i++) {
            newExperts.expert("A01", institute.id());
            newExperts.expert("A05", institute.id());
        }
        clock.advance(Duration.ofDays(1));
        for (String[] bid : Fixtures.FIVE_BIDS) {
            assertThat(sealAndUpload(tenderId, bid[0], bid[1])).as(bid[0]).isTrue();
        }
        String venue = "云州市公共资源交易中心第四评标室 " + UUID.randomUUID().toString().substring(0, 8);
        String drawId = newExperts.requestDraw(api, tenderId, evaluationStart, venue, 3, 2);

        clock.set(deadline.plusSeconds(1));
        tenders.closeDueTenders();
        releaseShare(tenderId, "centre");
        assertThat(releaseShare(tenderId, "supervisor").json().path("status").asString()).isEqualTo("OPENED");
        // sealing.BidsOpened reaches the evaluation after the opening's commit.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> evaluations.opened(UUID.fromString(tenderId)));

        List<String> members = newExperts.drawAndAccept(evaluationStart, venue);
        assertThat(members).hasSize(5);
        newExperts.signIn(api, drawId, members);
        String path = "/api/v1/tenders/" + tenderId + "/evaluation";
        JsonNode started = api.post(path, "", api.freshToken(members.get(0))).json();
        assertThat(started.path("stage").asString()).as(started.toString()).isEqualTo("QUALIFICATION");
        List<String> bidderIds = new ArrayList<>();
        started.path("bids").forEach(bid -> bidderIds.add(bid.path("bidderId").asString()));
        assertThat(bidderIds).hasSize(5);

        // Three of five elect the first member leader.
        for (int i = 1; i <= 3; i++) {
            api.post(path + "/leader", ApiClient.json(Map.of("candidate", members.get(0))), api.freshToken(members.get(i)));
        }
        assertThat(api.get(path, api.freshToken(members.get(0))).json().path("leader").asString()).isEqualTo(members.get(0));

        // Everyone passes every bid on every item.
        Map<String, Object> votes = new LinkedHashMap<>();
        for (String bidder : bidderIds) {
            votes.put(bidder, Map.of("Q1", Map.of("pass", true), "Q2", Map.of("pass", true), "Q3", Map.of("pass", true)));
        }
        for (String m : members) {
            ApiClient.Response reviewed = api.post(path + "/reviews", ApiClient.json(Map.of("votes", votes)), api.freshToken(m));
            assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
        }
        JsonNode scoring = api.get(path, api.freshToken(members.get(0))).json();
        assertThat(scoring.path("stage").asString()).isEqualTo("SCORING");
        List<String> qualified = new ArrayList<>();
        scoring.path("priceScores").forEach(p -> qualified.add(p.path("bidderId").asString()));
        assertThat(qualified).hasSize(5);
        return new Committee(tenderId, path, members, qualified);
    }
}
