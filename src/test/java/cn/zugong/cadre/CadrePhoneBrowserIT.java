package cn.zugong.cadre;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.browser.BrowserTest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 19 on a phone (390×844, headless Chromium; runs with -Pbrowser): the main pages of 激励关爱, 年轻干部 and
 * 干部培训 — lists, a record of each, the figures — fit the width (document.documentElement.scrollWidth ≤ 390, 1 px of
 * rounding allowed), every wide table scrolling inside its own .table-responsive box. Each page is photographed
 * (target/browser/cadre-phone-*.png). The demo city's records, read by the city's ADMIN.
 */
class CadrePhoneBrowserIT extends BrowserTest {

    static final int PHONE_WIDTH = 390;

    @Autowired JdbcClient jdbc;

    record Page(String name, String path) {
    }

    long first(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    List<Page> pages() {
        long discipline = first("select min(id) from care_discipline");
        long batch = first("select min(id) from care_reward_batch");
        long exemplar = first("select min(id) from care_exemplar");
        long kase = first("select min(id) from care_case");
        long young = first("select min(id) from young_cadre");
        long klass = first("select min(id) from training_class");
        return List.of(
                new Page("care-figures", "/cadres/care"),
                new Page("care-cases", "/cadres/care/cases"),
                new Page("care-case", "/cadres/care/cases/" + kase),
                new Page("care-clearances", "/cadres/care/clearances"),
                new Page("care-visits", "/cadres/care/visits"),
                new Page("care-discipline", "/cadres/care/disciplines/" + discipline),
                new Page("care-reuses", "/cadres/care/reuses"),
                new Page("care-rewards", "/cadres/care/rewards"),
                new Page("care-reward", "/cadres/care/rewards/" + batch),
                new Page("care-exemplars", "/cadres/care/exemplars"),
                new Page("care-exemplar", "/cadres/care/exemplars/" + exemplar),
                new Page("young", "/cadres/young"),
                new Page("young-qualifying", "/cadres/young/qualifying"),
                new Page("young-cadre", "/cadres/young/" + young),
                new Page("young-cohorts", "/cadres/young/cohorts"),
                new Page("young-figures", "/cadres/young/figures"),
                new Page("training", "/cadres/training"),
                new Page("training-class", "/cadres/training/classes/" + klass),
                new Page("training-figures", "/cadres/training/figures"));
    }

    @Test
    void careYoungAndTrainingPagesFitAPhone() throws IOException {
        WebDriverWait wait = chromium.signIn(base(), "admin");
        chromium.phone(PHONE_WIDTH, 844);
        try {
            Map<String, Long> widths = new LinkedHashMap<>();
            Map<String, String> unboxed = new LinkedHashMap<>();
            for (Page page : pages()) {
                driver.get(base() + page.path());
                wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
                assertThat(driver.getTitle()).as(page.path() + " is the page, not an error").doesNotStartWith("提示")
                        .doesNotStartWith("无权访问").doesNotStartWith("登录");
                long width = (Long) ((JavascriptExecutor) driver)
                        .executeScript("return document.documentElement.scrollWidth");
                System.out.printf("phone width %4d px  %-18s %s%n", width, page.name(), page.path());
                widths.put(page.name() + " " + page.path(), width);
                List<WebElement> loose = driver.findElements(By.xpath("//table[not(ancestor::*[contains(concat(' ', "
                        + "normalize-space(@class), ' '), ' table-responsive ')])]"));
                if (!loose.isEmpty()) {
                    unboxed.put(page.name(), loose.size() + " table(s) outside .table-responsive");
                }
                chromium.screenshot("cadre-phone-" + page.name());
            }
            assertThat(widths).as("page widths at %d px", PHONE_WIDTH)
                    .allSatisfy((page, width) -> assertThat(width).as(page).isLessThanOrEqualTo(PHONE_WIDTH + 1L));
            assertThat(unboxed).as("tables scroll in their own box").isEmpty();
        } finally {
            chromium.desktop();
        }
    }
}
