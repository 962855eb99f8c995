package cn.zugong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.IntegrationTest;
import cn.zugong.party.CheckinPostKind;
import cn.zugong.party.CheckinPostRole;
import cn.zugong.party.CheckinReason;
import cn.zugong.party.CheckinRecords;
import cn.zugong.people.PartyMemberRow;
import cn.zugong.people.RosterWriter;
import cn.zugong.security.Accounts;
import cn.zugong.security.NewAccount;
import cn.zugong.shared.IdNumbers;
import cn.zugong.shared.Role;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 党员报到's service log on a phone (390×844, headless Chromium; -Pbrowser): a member of its own (a 定海 unit branch,
 * 原户籍 普陀, reported with 公前村 and holding a post there) opens 我的报到, taps 记录服务, fills the form with a photo,
 * saves, and sees the log with its photo; no horizontal scrolling, no console error.
 */
class CheckinLogBrowserIT extends BrowserTest {

    @Autowired JdbcClient jdbc;
    @Autowired RosterWriter roster;
    @Autowired Accounts accounts;
    @Autowired CheckinRecords records;

    @Test
    void aMemberLogsServiceWithAPhotoOnAPhone() throws IOException {
        long run = System.nanoTime() % 1_000_000;
        long branch = jdbc.sql("select id from org_node where code = '330902U10P1'").query(Long.class).single();
        long village = jdbc.sql("select id from org_node where code = '330903104202'").query(Long.class).single();
        LocalDate born = LocalDate.of(1970, 1, 1).plusDays(run % 9000);
        String name = "手机党员" + run;
        roster.addPartyMembers(List.of(new PartyMemberRow(branch, null, name, "女", born,
                IdNumbers.of("330903", born, 900 + (int) (run % 90)), null, born.plusYears(25), "正式党员", false, null)));
        long member = jdbc.sql("select id from party_member where name = :n").param("n", name).query(Long.class)
                .single();
        String username = "cmphone" + run;
        accounts.create(new NewAccount(username, IntegrationTest.PASSWORD, name, Role.PARTY_MEMBER, village));
        records.linkAccount(member, username);
        LocalDateTime at = LocalDateTime.of(2026, 9, 1, 9, 0);
        records.confirm(records.register(member, village, CheckinReason.HOMETOWN, null, null, null, "test", at),
                "test", at);
        long post = records.publish(village, CheckinPostKind.ELDERLY, CheckinPostRole.SURVEYOR, "手机测试岗位" + run,
                null, 3, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), "test", at);
        records.claim(member, post, "test", at);

        String base = base();
        driver.manage().deleteAllCookies();
        windowSize(390, 844);
        WebDriverWait wait = chromium.signIn(base, username);
        driver.get(base + "/party/my");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("registrations")));
        assertThat(driver.findElement(By.id("registrations")).getText()).contains("公前村").contains("已报到");
        assertThat(chromium.horizontalOverflow()).as("我的报到 fits the phone's width").isLessThanOrEqualTo(0);
        chromium.screenshot("checkin-01-my");
        VisitFormBrowserIT.click(driver.findElement(By.id("new-log")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("log-form")));
        assertThat(chromium.horizontalOverflow()).as("the log form fits the phone's width").isLessThanOrEqualTo(0);
        new Select(driver.findElement(By.id("postId"))).selectByValue(String.valueOf(post));
        String what = "走访独居老人，帮助联系家庭医生" + run;
        driver.findElement(By.id("what")).sendKeys(what);
        driver.findElement(By.id("whom")).sendKeys("张阿婆户");
        WebElement elderly = driver.findElement(By.id("elderlyVisits"));
        elderly.clear();
        elderly.sendKeys("3");
        WebElement funds = driver.findElement(By.id("fundsYuan"));
        funds.clear();
        funds.sendKeys("2500.50");
        driver.findElement(By.id("projects")).sendKeys("紫菜养殖技术");
        driver.findElement(By.id("photos")).sendKeys(VisitFormBrowserIT.photo().toAbsolutePath().toString());
        chromium.screenshot("checkin-02-log-form");
        VisitFormBrowserIT.click(driver.findElement(By.id("save")));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
        assertThat(driver.findElement(By.id("log")).getText()).contains(what).contains("3 人次").contains("2500.50 元");
        WebElement image = driver.findElement(By.cssSelector("#photos img"));
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", image));
        assertThat(chromium.horizontalOverflow()).as("the saved log fits the phone's width").isLessThanOrEqualTo(0);
        chromium.screenshot("checkin-03-log-saved");
        assertThat(chromium.consoleErrors()).as("console errors on the member's pages").isEmpty();
        assertThat(jdbc.sql("select count(*) from checkin_log l join checkin_log_photo p on p.log_id = l.id "
                + "where l.member_id = :m and l.what = :w and l.elderly_visits = 3 and l.funds_yuan = 2500.50")
                .param("m", member).param("w", what).query(Long.class).single()).isOne();
    }
}
