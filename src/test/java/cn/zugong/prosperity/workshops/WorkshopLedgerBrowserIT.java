package cn.zugong.prosperity.workshops;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.TestUsers;
import cn.zugong.browser.BrowserTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The monthly ledger on a phone (390×844, headless Chromium; runs with -Pbrowser): the 东海社区 reporter opens the
 * workshop's ledger page, types a 低收入农户 count larger than the headcount and sees the refusal in Chinese, fixes it,
 * saves and sees the month saved in the recent list; no horizontal scrolling and no console error.
 */
class WorkshopLedgerBrowserIT extends BrowserTest {

    static final String PREFIX = "手机台账工坊";

    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;

    @Test
    void theVillageReporterEntersAMonthOnAPhone() throws Exception {
        WorkshopFixtures fx = new WorkshopFixtures(mvc, users, jdbc);
        fx.removeAll(PREFIX);
        long donghai = fx.nodeByCode("330922100001");
        long id = fx.create(PREFIX + "东海", donghai, donghai, "2024-01-01", false, 14_000_001);

        String base = base();
        driver.manage().deleteAllCookies();
        WebDriverWait wait = chromium.signIn(base, "donghai");
        chromium.phone(390, 844);
        try {
            driver.get(base + "/prosperity/workshops/" + id + "/ledger");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ledger-form")));
            assertThat(chromium.horizontalOverflow()).as("the form fits the phone's width").isLessThanOrEqualTo(0);
            String month = driver.findElement(By.id("month")).getAttribute("value");
            assertThat(month).isEqualTo("2026-11");
            type("employed", "36");
            type("lowIncome", "40");
            type("wages", "92880");
            type("sales", "260000");
            type("collectiveIncome", "5200");
            chromium.screenshot("workshops-01-ledger-form");
            click(driver.findElement(By.id("save-ledger")));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ledger-errors")));
            assertThat(driver.findElement(By.id("ledger-errors")).getText()).contains("不能多于用工人数");
            assertThat(count(id)).isZero();
            assertThat(chromium.consoleErrors()).as("only the refused save's 400").allMatch(e -> e.contains("400"));

            type("lowIncome", "8");
            click(driver.findElement(By.id("save-ledger")));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved")));
            assertThat(driver.findElement(By.id("saved")).getText()).contains("已保存 2026-11 的台账");
            assertThat(driver.findElement(By.id("recent-202611")).getText()).contains("36");
            assertThat(chromium.horizontalOverflow()).as("the saved page fits the phone's width").isLessThanOrEqualTo(0);
            chromium.screenshot("workshops-02-ledger-saved");
            assertThat(jdbc.sql("select employed from workshop_ledger where workshop_id = :w and ledger_month = 202611")
                    .param("w", id).query(Integer.class).single()).isEqualTo(36);
            assertThat(chromium.consoleErrors()).isEmpty();
        } finally {
            chromium.desktop();
        }
    }

    private long count(long id) {
        return jdbc.sql("select count(*) from workshop_ledger where workshop_id = :w").param("w", id)
                .query(Long.class).single();
    }

    private static void type(String id, String value) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }

    private static void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(element)).click();
    }
}
