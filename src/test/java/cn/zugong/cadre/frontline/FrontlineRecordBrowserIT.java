package cn.zugong.cadre.frontline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.browser.BrowserTest;
import cn.zugong.cadre.FrontlineCampaigns;
import cn.zugong.cadre.FrontlineForms.CadresForm;
import cn.zugong.cadre.FrontlineForms.CampaignForm;
import cn.zugong.cadre.FrontlineForms.TeamForm;
import cn.zugong.org.OrgTree;
import cn.zugong.people.RosterWriter;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * The on-site record page on a phone (390×844, headless Chromium; runs with -Pbrowser): 定海's officer picks the cadre,
 * 现场看, types what was seen, forgets a rating and sees the refusal in Chinese with the text kept, rates, attaches a
 * photo and saves; the record is in the recent list and in the database with its ratings and photo; the page never
 * scrolls sideways.
 */
class FrontlineRecordBrowserIT extends BrowserTest {

    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Autowired JdbcClient jdbc;
    @Autowired RosterWriter roster;
    @Autowired FrontlineCampaigns campaigns;
    @Autowired OrgTree tree;

    @Test
    void theOfficerRecordsWhatWasSeenOnAPhone() throws Exception {
        FrontlineFixture fx = new FrontlineFixture(jdbc, roster);
        var dinghai = tree.byCode("330902").orElseThrow();
        CurrentUser admin = new CurrentUser(0, "dinghai", "定海区委组织部干部", Role.ADMIN, dinghai.asScope(), dinghai.name());
        long unit = fx.unit("330902");
        long id = campaigns.create(admin, new CampaignForm(dinghai.id(), "手机考察" + FrontlineFixture.RUN, "TYPHOON",
                "2026-11-01", "2026-12-31", "担当作为、应急处置、群众评价", null));
        long team = campaigns.addTeam(admin, id, new TeamForm("第一专项考核组", unit, fx.people(unit, "手机组员", 1)));
        long person = fx.person(unit, "手机对象");
        campaigns.addCadres(admin, id, new CadresForm(team, unit, List.of(person)));
        long row = campaigns.cadreRow(id, person);
        Path photo = Files.createTempFile("scene", ".png");
        Files.write(photo, PNG);

        String base = base();
        driver.manage().deleteAllCookies();
        WebDriverWait wait = chromium.signIn(base, "dinghai");
        chromium.phone(390, 844);
        try {
            driver.get(base + "/cadres/frontline/" + id + "/record");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("record-form")));
            assertThat(chromium.horizontalOverflow()).as("the form fits the phone's width").isLessThanOrEqualTo(0);
            new Select(driver.findElement(By.id("cadreId"))).selectByValue(String.valueOf(row));
            assertThat(driver.findElement(By.id("method-SEE")).isSelected()).as("现场看 is the default").isTrue();
            type("place", "定海港避风塘");
            type("seen", "台风登陆前连夜转移渔船上的群众");
            type("talkedTo", "渔民李某、村干部王某");
            type("summary", "靠前指挥，处置果断");
            new Select(driver.findElement(By.id("rating-0"))).selectByValue("5");
            new Select(driver.findElement(By.id("rating-1"))).selectByValue("4");
            driver.findElement(By.id("photos")).sendKeys(photo.toAbsolutePath().toString());
            chromium.screenshot("frontline-01-record-form");
            click(driver.findElement(By.id("save-record")));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("record-errors")));
            assertThat(driver.findElement(By.id("record-errors")).getText()).contains("请为以下维度评分：群众评价");
            assertThat(driver.findElement(By.id("seen")).getAttribute("value")).contains("连夜转移");
            assertThat(count(id)).isZero();

            new Select(driver.findElement(By.id("rating-2"))).selectByValue("5");
            driver.findElement(By.id("photos")).sendKeys(photo.toAbsolutePath().toString());
            click(driver.findElement(By.id("save-record")));
            wait.until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("saved")),
                    ExpectedConditions.visibilityOfElementLocated(By.id("record-errors"))));
            chromium.screenshot("frontline-02-record-saved");
            assertThat(driver.findElements(By.id("saved"))).as(driver.getCurrentUrl() + " "
                    + driver.findElement(By.tagName("main")).getText()).isNotEmpty();
            assertThat(driver.findElement(By.id("saved")).getText()).contains("已保存现场记录");
            assertThat(driver.findElement(By.id("recent")).getText()).contains("现场看").contains("手机对象")
                    .contains("照片 1");
            assertThat(chromium.horizontalOverflow()).as("the saved page fits the phone's width").isLessThanOrEqualTo(0);
            chromium.screenshot("frontline-02-record-saved");
            assertThat(count(id)).isEqualTo(1);
            long record = jdbc.sql("select id from frontline_record where campaign_id = :c").param("c", id)
                    .query(Long.class).single();
            assertThat(jdbc.sql("select sum(score) from frontline_rating where record_id = :r").param("r", record)
                    .query(Long.class).single()).isEqualTo(14);
            assertThat(jdbc.sql("select count(*) from frontline_photo where record_id = :r and content_type = 'image/png'")
                    .param("r", record).query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("select seen from frontline_record where id = :r").param("r", record)
                    .query(String.class).single()).isEqualTo("台风登陆前连夜转移渔船上的群众");
            assertThat(chromium.consoleErrors()).as("only the refused save's 400").allMatch(e -> e.contains("400"));
        } finally {
            chromium.desktop();
        }
    }

    private long count(long id) {
        return jdbc.sql("select count(*) from frontline_record where campaign_id = :c").param("c", id)
                .query(Long.class).single();
    }

    private static void type(String id, String value) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }

    private static void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(element));
        ((JavascriptExecutor) driver).executeScript("arguments[0].click()", element); // the button may sit below the fold
    }
}
