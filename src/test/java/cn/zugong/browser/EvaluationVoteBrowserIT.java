package cn.zugong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.rating.PublicEvaluations;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 17, the raters' phone page at 390×844 in Chromium: a one-time code opens the village's subjects (述职
 * collapsed), a grade is chosen per subject, confirmed and cast; the thanks page echoes no grade; nothing scrolls
 * sideways. A campaign of its own (嵊泗县, a year no other test uses). Photographed: target/browser/phone-vote-*.png.
 */
class EvaluationVoteBrowserIT extends BrowserTest {

    @Autowired PublicEvaluations writer;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @Test
    void aRaterVotesOnAPhone() throws Exception {
        long county = jdbc.sql("select id from org_node where code = '330922'").query(Long.class).single();
        long village = jdbc.sql("select p.node_id from party_org p join org_node n on n.id = p.node_id "
                + "join org_node v on v.id = n.parent_id where v.code = '330922100001'").query(Long.class).single();
        long campaign = writer.create(new PublicEvaluations.NewCampaign(county, "shuangshu", "2026.1", 2036,
                "浏览器测试评议", clock.instant().minus(Duration.ofHours(1)), clock.instant().plus(Duration.ofDays(1))),
                "browser-test");
        writer.addSubjects(campaign, List.of(
                new PublicEvaluations.NewSubject(village, "ORGANISATION", "东海社区班子", null, null, null, null, null,
                        "班子述职：推进渔村环境整治，组织党员志愿服务，做好困难群众帮扶。".repeat(4)),
                new PublicEvaluations.NewSubject(village, "MEMBER", "浏览器甲", "书记、主任（一肩挑）", "男",
                        LocalDate.of(1975, 5, 6), "大学本科", null, "个人述职：带领班子推进美丽乡村建设。"),
                new PublicEvaluations.NewSubject(village, "MEMBER", "浏览器乙", "委员", "女",
                        LocalDate.of(1988, 7, 8), "大学专科", null, "个人述职：抓好村务公开和民主管理。")));
        writer.addRaters(campaign, List.of(new PublicEvaluations.NewRater(village, "VILLAGER_REP", "BR-1", "浏览器代表",
                null)));
        writer.open(campaign, "browser-test");
        long rater = writer.raters(campaign).get(0).id();
        String code = writer.issueCodes(campaign, List.of(rater)).get(rater);

        chromium.phone(390, 844);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            driver.get(base() + "/ratings/vote");
            driver.findElement(By.id("code")).sendKeys(code);
            chromium.screenshot("phone-vote-code");
            driver.findElement(By.id("enter")).click();
            wait.until(d -> !d.findElements(By.id("sheet")).isEmpty());
            assertThat(driver.getPageSource()).contains("浏览器甲", "浏览器乙", "东海社区班子");
            System.out.printf("phone width %d px, overflow %d px: /ratings/vote (sheet)%n", scrollWidth(),
                    chromium.horizontalOverflow());
            chromium.screenshot("phone-vote-sheet");
            assertThat(chromium.horizontalOverflow()).as("vote sheet at 390 px").isLessThanOrEqualTo(0);
            List<Long> subjects = jdbc.sql("select id from pe_subject where campaign_id = :c order by sort_order, id")
                    .param("c", campaign).query(Long.class).list();
            click("g_" + subjects.get(0) + "_A");
            click("g_" + subjects.get(1) + "_B");
            // the third abstains (the default)
            click("next");
            wait.until(d -> !d.findElements(By.id("cast")).isEmpty());
            assertThat(driver.findElement(By.id("summary")).getText()).contains("好", "较好", "弃权");
            chromium.screenshot("phone-vote-confirm");
            assertThat(chromium.horizontalOverflow()).as("confirm at 390 px").isLessThanOrEqualTo(0);
            click("cast");
            wait.until(d -> !d.findElements(By.id("thanks")).isEmpty());
            assertThat(driver.findElement(By.id("thanks")).getText()).contains("评议已提交").doesNotContain("较好");
            chromium.screenshot("phone-vote-done");
            assertThat(chromium.horizontalOverflow()).as("thanks at 390 px").isLessThanOrEqualTo(0);
            assertThat(jdbc.sql("select count(*) from pe_ballot where campaign_id = :c").param("c", campaign)
                    .query(Long.class).single()).isEqualTo(2);
            assertThat(jdbc.sql("select channel from pe_rater where id = :r").param("r", rater).query(String.class)
                    .single()).isEqualTo("ONLINE");
        } finally {
            chromium.desktop();
        }
    }

    private void click(String id) {
        ((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).scrollIntoView({block:'center'});"
                + "document.getElementById(arguments[0]).click();", id);
    }

    private long scrollWidth() {
        return (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
    }
}
