package cn.zugong.lighting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.IntegrationTest;
import cn.zugong.TestClock;
import cn.zugong.browser.BrowserTest;
import cn.zugong.browser.Chromium;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.OrgScope;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 亮灯台 in a real browser (headless Debian Chromium + chromedriver from /usr/bin, nothing downloaded; runs with
 * -Pbrowser): the one-stop reporting page on a phone (390×844) — fill, save a draft, submit, see the status —
 * and the one screen: both charts drawn into a canvas, no console error (the CSP forbids inline scripts),
 * drill-down from a light to its report.
 */
class LightingBrowserIT extends BrowserTest {

    @Autowired ListRepository lists;
    @Autowired OrgTree tree;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    void login(String user) {
        driver.manage().deleteAllCookies();
        var wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.get(base() + "/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(IntegrationTest.PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.urlToBe(base() + "/"));
    }

    /** A list of last month's year whose window (1st–31st of this month) is open, one task of the reporter's unit. */
    long openTaskOfTheReporter(String code) {
        Period reported = Period.of(LocalDate.now(clock)).previous();
        OrgScope city = tree.byCode("3309").orElseThrow().asScope();
        long listId = lists.insertList(new TaskList(0, code, "浏览器测试清单" + code, reported.year(), "人才工作",
                TaskList.MEETING, "推进例会", null, city.nodeId(), city.path(), "舟山市", new ListConfig(1, 31, 3,
                BigDecimal.ONE, new BigDecimal("0.8"), null, 2, ListConfig.points(100, 90, 70, 40, 0), null), "test"),
                LocalDateTime.now(clock));
        long unit = jdbc.sql("select scope_node_id from account where username = 'reporter'").query(Long.class).single();
        return lists.insertTask(new Task(0, listId, code + "-1", "人才飞地建设（浏览器测试）", unit, null, List.of(), "",
                BigDecimal.ONE, new BigDecimal("10"), "个", List.of(10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 98, 100),
                LocalDate.of(reported.year(), 12, 31), null), LocalDateTime.now(clock));
    }

    @Test
    void reporterFillsSavesAndSubmitsOnAPhone() throws IOException {
        String code = "BR-" + System.nanoTime() % 100000;
        long taskId = openTaskOfTheReporter(code);
        long listId = lists.task(taskId).orElseThrow().listId();
        Period month = Period.of(LocalDate.now(clock)).previous();
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            login("reporter");
            var wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            driver.get(base() + "/lighting/report?listId=" + listId + "&month=" + month.iso());
            WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("task-" + taskId)));
            assertThat(driver.findElement(By.id("window")).getText()).isNotBlank();
            // phone-friendly: the card fits the 390 px viewport, no horizontal scrolling
            assertThat(card.getRect().getWidth()).isLessThanOrEqualTo(390);
            assertThat((Long) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
            card.findElement(By.name("actual")).sendKeys("3");
            card.findElement(By.name("narrative")).sendKeys("已签约人才飞地项目 3 个");
            screenshot("lighting-01-report-filled");
            click(card.findElement(By.cssSelector("button[value='draft']")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "已暂存草稿"));
            card = driver.findElement(By.id("task-" + taskId));
            assertThat(card.findElement(By.cssSelector(".badge")).getText()).isEqualTo("草稿");
            assertThat(card.findElement(By.name("actual")).getAttribute("value")).isEqualTo("3");
            assertThat(card.findElement(By.name("narrative")).getAttribute("value")).isEqualTo("已签约人才飞地项目 3 个");
            click(card.findElement(By.cssSelector("button.submit-report")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "已提交"));
            card = driver.findElement(By.id("task-" + taskId));
            assertThat(card.findElement(By.cssSelector(".badge")).getText()).isEqualTo("已提交待审核");
            assertThat(card.findElement(By.name("actual")).isEnabled()).isFalse();
            assertThat(card.findElements(By.cssSelector("button.submit-report"))).isEmpty();
            screenshot("lighting-02-report-submitted");
            assertThat(jdbc.sql("select status from lighting_report where task_id = :t").param("t", taskId)
                    .query(String.class).single()).isEqualTo("SUBMITTED");
            assertThat(severe()).as("console errors on the reporting page").isEmpty();
        } finally {
            driver.manage().window().setSize(new Dimension(1366, 900));
        }
    }

    @Test
    void boardDrawsItsChartsWithoutConsoleErrorsAndDrillsDownToTheReport() throws IOException {
        login("admin");
        var wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        TaskList annual = lists.listByCode(LightingIT.DEMO_ANNUAL).orElseThrow();
        driver.get(base() + "/lighting/board?listId=" + annual.id());
        for (String chart : List.of("trend-chart", "score-chart")) {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + chart + " canvas")));
            WebElement canvas = driver.findElement(By.cssSelector("#" + chart + " canvas"));
            assertThat(canvas.getSize().getWidth()).as(chart + " canvas width").isGreaterThan(100);
            assertThat(canvas.getSize().getHeight()).as(chart + " canvas height").isGreaterThan(50);
        }
        screenshot("lighting-03-board");
        Files.writeString(Chromium.SCREENSHOTS.resolve("lighting-03-board.html"), driver.getPageSource());
        assertThat(driver.findElements(By.cssSelector("#grid a[data-colour]"))).hasSizeGreaterThan(100);
        List<String> errors = severe();
        assertThat(errors).as("console errors on the board (CSP violations included)").isEmpty();

        // drill down: a March light of a task that reported → the task page with that month's report highlighted
        long taskId = jdbc.sql("select min(r.task_id) from lighting_report r join lighting_task t on t.id = r.task_id "
                + "where t.list_id = :l and r.period = 202603 and r.status = 'APPROVED'").param("l", annual.id())
                .query(Long.class).single();
        WebElement light = driver.findElement(By.cssSelector("#grid a[href='/lighting/tasks/" + taskId + "?month=2026-03']"));
        String href = light.getAttribute("href");
        light.click();
        wait.until(ExpectedConditions.urlContains("/lighting/tasks/"));
        assertThat(driver.getCurrentUrl()).isEqualTo(href);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-title")));
        assertThat(driver.findElement(By.id("light-202603")).getAttribute("class")).contains("table-active");
        WebElement report = driver.findElement(By.id("report-202603"));
        assertThat(report.getAttribute("class")).contains("border-primary");
        assertThat(report.getText()).isNotBlank();
        screenshot("lighting-04-drill-down");
        assertThat(severe()).as("console errors on the task page").isEmpty();
    }

    /**
     * Scrolls the button to the middle of the small screen first, as a thumb would, then taps it. Chromium's
     * autofill suggestion list for the field just typed in can lie over the button for a moment: it is
     * dismissed (Escape) and the tap dispatched on the button itself.
     */
    static void click(WebElement element) {
        var js = (org.openqa.selenium.JavascriptExecutor) driver;
        js.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", element);
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(element))
                    .click();
        } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
            driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ESCAPE);
            js.executeScript("arguments[0].click()", element);
        }
    }

    /** SEVERE browser console entries since the last call. */
    static List<String> severe() {
        return chromium.consoleErrors();
    }

    static void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }
}
