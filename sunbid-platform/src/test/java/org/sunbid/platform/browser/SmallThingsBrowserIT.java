package org.sunbid.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The small things of the usability issue (point 10) in a browser: the top menu lights the draw page's own section;
 * a required reason left empty is reported before any confirmation is asked and nothing changes; centre staff find
 * an expert by typing part of the name.
 */
class SmallThingsBrowserIT extends BrowserTest {

    @Autowired JdbcClient jdbc;

    @Test
    void theMenuLightsTheDrawPagesSection() {
        String drawId = jdbc.sql("""
                SELECT CAST(d.id AS VARCHAR) FROM expert_draw d JOIN tender t ON t.id = d.tender_id
                WHERE t.project_code = 'YZ-2026-GC-0090' AND d.status = 'PUBLISHED'""").query(String.class).single();
        open("/draws/" + drawId);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        assertThat(browser.findElements(By.cssSelector(".mainnav a.active"))).singleElement()
                .extracting(a -> a.getDomAttribute("href")).isEqualTo("/#experts");
        open("/log");
        assertThat(browser.findElement(By.cssSelector(".mainnav a.active")).getDomAttribute("href")).isEqualTo("/log");
    }

    @Test
    void anEmptyRequiredReasonIsReportedBeforeAnyConfirmation() {
        String applicant = expertId("expert35");
        String active = expertId("expert01");
        logIn("centre", PASSWORD);

        // refusing an application needs a comment (approving does not): no dialog, the field is flagged, nothing changes
        open("/workbench/experts/" + applicant);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("refuse"))).click();
        assertNoDialog();
        assertThat(isInvalid("review-reason")).isTrue();
        assertThat(browser.getCurrentUrl()).endsWith("/workbench/experts/" + applicant);
        assertThat(status("expert35")).isEqualTo("APPLYING");

        // retiring an expert needs a reason: the same
        open("/workbench/experts/" + active);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("to-RETIRED"))).click();
        assertNoDialog();
        assertThat(isInvalid("status-reason")).isTrue();
        assertThat(status("expert01")).isEqualTo("ACTIVE");

        // with the reason given, the confirmation comes; declining it changes nothing either
        set("status-reason", "测试：仅核对确认框");
        browser.findElement(By.id("to-RETIRED")).click();
        wait.until(ExpectedConditions.alertIsPresent()).dismiss();
        assertThat(status("expert01")).isEqualTo("ACTIVE");
    }

    @Test
    void centreStaffFindAnExpertByName() {
        String full = jdbc.sql("SELECT display_name FROM account WHERE username = 'expert01'").query(String.class).single();
        logIn("centre", PASSWORD);
        sidebarLink("/workbench/experts").click();
        set("f-name", full);
        browser.findElement(By.id("filter-submit")).click();
        wait.until(ExpectedConditions.urlContains("name="));
        assertThat(browser.findElement(By.id("f-name")).getDomProperty("value")).isEqualTo(full);
        assertThat(browser.findElements(By.cssSelector("#expert-table tbody tr")))
                .isNotEmpty().allMatch(row -> row.findElement(By.cssSelector("td")).getText().contains(full));
        screenshots("experts-by-name");
    }

    private String expertId(String username) {
        return jdbc.sql("SELECT CAST(x.id AS VARCHAR) FROM expert x JOIN account a ON a.id = x.account_id WHERE a.username = :u")
                .param("u", username).query(String.class).single();
    }

    private String status(String username) {
        return jdbc.sql("SELECT x.status FROM expert x JOIN account a ON a.id = x.account_id WHERE a.username = :u")
                .param("u", username).query(String.class).single();
    }

    private static boolean isInvalid(String id) {
        WebElement field = browser.findElement(By.id(id));
        return (Boolean) browser.executeScript("return !arguments[0].checkValidity()", field);
    }

    private static void assertNoDialog() {
        boolean dialog;
        try {
            new WebDriverWait(browser, Duration.ofSeconds(1)).until(ExpectedConditions.alertIsPresent());
            dialog = true;
        } catch (org.openqa.selenium.TimeoutException e) {
            dialog = false;
        }
        assertThat(dialog).as("a confirmation dialog before the required field was checked").isFalse();
    }
}
