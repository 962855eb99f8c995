package cn.zugong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The 问题清单 and 三事分流 pages in Chromium (runs with -Pbrowser): the city office reads the ticket list, a ticket
 * and the figures on a desktop; the community secretary of 东海社区 opens the 三事分流 home, a sitting's agenda and a
 * 三事归类单 on a phone. Every page renders its main parts, fits the phone's width where used on one, and logs no
 * console error.
 */
class TicketsAndDeliberationBrowserIT extends BrowserTest {

    @Autowired JdbcClient jdbc;

    @Test
    void theCityOfficeReadsTheTicketsAndTheirFigures() throws IOException {
        String base = base();
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(1366, 900));
        WebDriverWait wait = chromium.signIn(base, "admin");
        driver.get(base + "/tickets");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table tbody tr")));
        assertThat(driver.getPageSource()).contains("发现问题", "化解率");
        chromium.screenshot("tickets-01-list");
        driver.findElement(By.cssSelector("table tbody tr a[href*='/tickets/']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-no")));
        assertThat(driver.findElement(By.id("ticket-no")).getText()).matches("WT\\d{4}-\\d{6}");
        chromium.screenshot("tickets-02-ticket");
        driver.get(base + "/tickets/figures?year=2026");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("headline")));
        assertThat(driver.findElement(By.id("headline")).getText()).startsWith("发现问题 ").contains("化解率");
        assertThat(driver.findElement(By.id("seed-sentence")).getText()).startsWith("累计对接项目 ");
        chromium.screenshot("tickets-03-figures");
        assertThat(chromium.consoleErrors()).as("console errors on the ticket pages").isEmpty();
    }

    @Test
    void theCommunitySecretaryWorksOnAPhone() throws IOException {
        String base = base();
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            WebDriverWait wait = chromium.signIn(base, "donghai");
            driver.get(base + "/deliberation");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("next-meetings")));
            assertThat(driver.findElement(By.id("matters")).getText()).isNotBlank();
            assertThat(chromium.horizontalOverflow()).as("the 三事分流 home fits the phone").isLessThanOrEqualTo(0);
            chromium.screenshot("sanshi-01-home");

            long meeting = jdbc.sql("""
                    select m.id from deliberation_meeting m join org_node n on n.id = m.community_node_id
                    where n.code = '330922100001' order by m.status desc, m.meeting_date desc limit 1""")
                    .query(Long.class).single();
            driver.get(base + "/deliberation/meetings/" + meeting);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
            assertThat(chromium.horizontalOverflow()).as("a sitting fits the phone").isLessThanOrEqualTo(0);
            chromium.screenshot("sanshi-02-meeting");

            List<Long> matters = jdbc.sql("""
                    select d.id from deliberation_matter d join org_node n on n.id = d.community_node_id
                    where n.code = '330922100001' and d.kind is not null order by d.id limit 1""")
                    .query(Long.class).list();
            driver.get(base + "/deliberation/matters/" + matters.get(0) + "/sheet");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
            assertThat(driver.getPageSource()).contains("三事归类单");
            chromium.screenshot("sanshi-03-sheet");
            assertThat(chromium.consoleErrors()).as("console errors on the 三事分流 pages").isEmpty();
        } finally {
            driver.manage().window().setSize(new Dimension(1366, 900));
        }
    }
}
