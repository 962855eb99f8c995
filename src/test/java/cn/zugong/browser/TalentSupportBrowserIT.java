package cn.zugong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.IntegrationTest;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 人才诉求 on a phone (390×844): the demo talent opens 我的诉求, raises a request with the form and lands on its page
 * with the state; both pages and the answered request fit the phone's width. The office's 专班 and coverage pages
 * are photographed at desktop width (target/browser/talent-support-*.png).
 */
class TalentSupportBrowserIT extends BrowserTest {

    @Test
    void aTalentRaisesARequestOnAPhone() throws IOException {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(base() + "/login");
        driver.findElement(By.id("username")).sendKeys("talent");
        driver.findElement(By.id("password")).sendKeys(IntegrationTest.PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        chromium.phone(390, 844);
        try {
            driver.get(base() + "/talent/my/requests");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("raise")));
            assertThat(chromium.horizontalOverflow()).as("我的诉求 at 390 px").isLessThanOrEqualTo(0);
            chromium.screenshot("talent-my-requests");
            new Select(driver.findElement(By.id("topic"))).selectByValue("MEDICAL");
            driver.findElement(By.id("description")).sendKeys("希望为年迈父母办理就医绿色通道，父母随迁来舟居住，行动不便需要协助");
            driver.findElement(By.cssSelector("#raise button[type=submit]")).click();
            wait.until(ExpectedConditions.urlMatches("/talent/my/requests/\\d+$"));
            assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("已受理");
            assertThat(chromium.horizontalOverflow()).as("one request at 390 px").isLessThanOrEqualTo(0);
            chromium.screenshot("talent-my-request");
            driver.get(base() + "/talent/my/requests");
            driver.findElements(By.cssSelector("#my-requests a")).stream()
                    .filter(a -> a.getText().contains("已办结")).findFirst().orElseThrow().click();
            wait.until(ExpectedConditions.urlMatches("/talent/my/requests/\\d+$"));
            assertThat(driver.findElement(By.id("answer")).getText()).contains("就近小学");
            assertThat(chromium.horizontalOverflow()).as("an answered request at 390 px").isLessThanOrEqualTo(0);
            chromium.screenshot("talent-my-answered");
        } finally {
            chromium.desktop();
        }
    }

    @Test
    void theOfficesPages() throws IOException {
        chromium.signIn(base(), "admin");
        driver.get(base() + "/talent/support");
        assertThat(driver.findElements(By.cssSelector("#teams tbody tr"))).hasSizeGreaterThanOrEqualTo(12);
        chromium.screenshot("talent-support-home");
        driver.get(base() + "/talent/support/coverage?covered=NO");
        assertThat(driver.findElements(By.cssSelector("#rows tbody tr.table-warning"))).isNotEmpty();
        chromium.screenshot("talent-support-coverage");
        driver.findElement(By.cssSelector("#teams, #rows")).isDisplayed();
    }
}
