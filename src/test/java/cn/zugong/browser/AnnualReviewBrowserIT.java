package cn.zugong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 这一年 (issue 20): the demo city's review of 2026 (the demo's draft, ADR 081) at 1280 px and on a 390×844 phone —
 * the sections, the figure links and the charts are there and nothing is wider than the page.
 */
class AnnualReviewBrowserIT extends BrowserTest {

    @Autowired JdbcClient jdbc;

    @Test
    void theDemoReviewFitsADesktopAndAPhone() throws IOException {
        long id = jdbc.sql("""
                        select max(r.id) from annual_review r join org_node n on n.id = r.node_id
                        where n.code = '3309' and r.period_from = date '2026-01-01' and r.period_to = date '2026-12-31'""")
                .query(Long.class).single();
        WebDriverWait wait = chromium.signIn(base(), "admin");
        windowSize(1280, 900);
        open(id, wait);
        assertThat(driver.findElement(By.id("title")).getText()).contains("舟山市2026年组织工作回顾");
        assertThat(driver.findElements(By.cssSelector("a.zg-figure-link"))).isNotEmpty();
        assertThat(driver.findElements(By.id("missing"))).as("every module of the catalogue is built").isEmpty();
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("党员报到", "三事分流");
        assertThat(chromium.horizontalOverflow()).as("overflow at 1280 px").isLessThanOrEqualTo(0);
        chromium.screenshot("annual-1280");
        chromium.phone(390, 844);
        try {
            open(id, wait);
            long width = (Long) ((JavascriptExecutor) driver)
                    .executeScript("return document.documentElement.scrollWidth");
            assertThat(width).as("document width on a 390 px phone").isLessThanOrEqualTo(391);
            chromium.screenshot("annual-390");
        } finally {
            chromium.desktop();
        }
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    private void open(long id, WebDriverWait wait) {
        driver.get(base() + "/annual/" + id);
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".annual-chart canvas")));
    }
}
