package cn.zugong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 15, "Phones": every 数字体检 and 亮灯台 page (the GET routes of HealthCheckController, RuleController,
 * RectificationController, ScreenController, HealthReportController and the lighting module's List-, Report-
 * and BoardController) fits a 390×844 phone: the document is no wider than the viewport (1 px of rounding
 * allowed); wide tables scroll inside their own .table-responsive box. Each page's width is printed, and the
 * five pages a reviewer found too wide are photographed (target/browser/phone-*.png).
 */
class PhoneWidthBrowserIT extends BrowserTest {

    static final int PHONE_WIDTH = 390;
    static final String MONTH = "2026-03";
    static final Set<String> PHOTOGRAPHED = Set.of("city", "unit", "rules", "board", "rates");

    @Autowired JdbcClient jdbc;

    @Test
    void everyHealthCheckAndLightingPageFitsAPhone() throws IOException {
        WebDriverWait wait = chromium.signIn(base(), "admin");
        chromium.phone(PHONE_WIDTH, 844);
        try {
            Map<String, Long> widths = new LinkedHashMap<>();
            for (Page page : pages(wait)) {
                driver.get(base() + page.path());
                widths.put(page.name() + " " + page.path(), measure(page, wait));
            }
            assertThat(widths).as("page widths at %d px (document.documentElement.scrollWidth)", PHONE_WIDTH)
                    .allSatisfy((page, width) -> assertThat(width).as(page).isLessThanOrEqualTo(PHONE_WIDTH + 1L));
        } finally {
            chromium.desktop();
        }
    }

    private long measure(Page page, WebDriverWait wait) throws IOException {
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        if (page.readyWhen() != null) {
            wait.until(page.readyWhen());
        }
        String title = driver.getTitle();
        assertThat(title).as(page.path() + " is the page, not an error").doesNotStartWith("提示").doesNotStartWith("无权访问")
                .doesNotStartWith("登录");
        long width = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
        System.out.printf("phone width %4d px  %-14s %s%n", width, page.name(), page.path());
        if (PHOTOGRAPHED.contains(page.name())) {
            chromium.screenshot("phone-" + page.name());
        }
        return width;
    }

    record Page(String name, String path, org.openqa.selenium.support.ui.ExpectedCondition<?> readyWhen) {
        Page(String name, String path) {
            this(name, path, null);
        }
    }

    /** The pages with real ids of the demo city (the data every browser test runs on), a few made on the way. */
    private List<Page> pages(WebDriverWait wait) {
        long evaluation = jdbc.sql("select max(id) from indicator_evaluation where created_by = 'demo' and status = 'DONE'")
                .query(Long.class).single();
        long first = jdbc.sql("select min(id) from indicator_evaluation where created_by = 'demo' and status = 'DONE'")
                .query(Long.class).single();
        long city = node("select id from org_node where code = '3309'");
        long district = node("select id from org_node where code = '330902'");
        long unit = node("select id from org_node where name = '定海区教育局'");
        String warned = jdbc.sql("""
                select min(indicator_code) from indicator_result
                where evaluation_id = :e and node_id = :u and rollup = false and colour in ('RED', 'YELLOW')
                """).param("e", evaluation).param("u", unit).query(String.class).single();
        String e = "?evaluation=" + evaluation;
        long rectification = rectification(unit, warned, e, wait);
        String reportJob = reportJob(unit, e, wait);
        long list = node("select id from lighting_list where code = 'ZS-2026-RC'");
        long task = node("select min(id) from lighting_task where list_id = " + list);
        String lm = "?listId=" + list + "&month=" + MONTH;
        var rendered = ExpectedConditions.attributeToBe(By.id("screen"), "data-rendered", "true");
        var boardDrawn = ExpectedConditions.presenceOfElementLocated(By.cssSelector("#score-chart canvas"));
        return List.of(
                new Page("city", "/healthcheck"),
                new Page("district", "/healthcheck/nodes/" + district + e),
                new Page("unit", "/healthcheck/nodes/" + unit + e),
                new Page("unit-earlier", "/healthcheck/nodes/" + unit + "?evaluation=" + first),
                new Page("indicator", "/healthcheck/nodes/" + unit + "/indicators/" + warned + e),
                new Page("indicator-up", "/healthcheck/nodes/" + district + "/indicators/" + warned + e),
                new Page("people", "/healthcheck/nodes/" + unit + "/indicators/" + warned + "/people" + e),
                new Page("changes", "/healthcheck/changes" + e),
                new Page("projection", "/healthcheck/nodes/" + unit + "/projection" + e),
                new Page("report-job", "/healthcheck/reports/" + reportJob),
                new Page("rules", "/healthcheck/rules"),
                new Page("rule", "/healthcheck/rules/" + warned),
                new Page("rectifications", "/healthcheck/rectifications"),
                new Page("rectif-unit", "/healthcheck/rectifications?unitId=" + unit),
                new Page("rectification", "/healthcheck/rectifications/" + rectification),
                new Page("screen", "/healthcheck/screen/" + city, rendered),
                new Page("screen-unit", "/healthcheck/screen/" + unit + e, rendered),
                new Page("lighting", "/lighting"),
                new Page("list", "/lighting/lists/" + list),
                new Page("list-new", "/lighting/lists/new"),
                new Page("list-edit", "/lighting/lists/" + list + "/edit"),
                new Page("task-new", "/lighting/lists/" + list + "/tasks/new"),
                new Page("task", "/lighting/tasks/" + task + "?month=" + MONTH),
                new Page("task-edit", "/lighting/tasks/" + task + "/edit"),
                new Page("import", "/lighting/import?listId=" + list),
                new Page("report", "/lighting/report" + lm),
                new Page("review", "/lighting/review" + lm),
                new Page("rates", "/lighting/rates" + lm),
                new Page("board", "/lighting/board" + lm, boardDrawn));
    }

    private long node(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** The unit's rectification item; if it has none yet, the warning is put on the list (列入整改) first. */
    private long rectification(long unit, String code, String evaluation, WebDriverWait wait) {
        String existing = "select item_id from healthcheck_rectification where unit_id = :u order by item_id desc limit 1";
        Long item = jdbc.sql(existing).param("u", unit).query(Long.class).optional().orElse(null);
        if (item == null) {
            driver.get(base() + "/healthcheck/nodes/" + unit + "/indicators/" + code + evaluation);
            driver.findElement(By.id("rectify")).click();
            wait.until(ExpectedConditions.urlContains("/healthcheck/rectifications?unitId=" + unit));
            item = jdbc.sql(existing).param("u", unit).query(Long.class).single();
        }
        return item;
    }

    /** A Word report job of the unit, started from its page (生成 Word 报告). */
    private String reportJob(long unit, String evaluation, WebDriverWait wait) {
        driver.get(base() + "/healthcheck/nodes/" + unit + evaluation);
        driver.findElement(By.id("report-docx")).click();
        wait.until(ExpectedConditions.urlMatches("/healthcheck/reports/[0-9a-f-]+$"));
        return driver.getCurrentUrl().replaceAll(".*/healthcheck/reports/", "");
    }
}
