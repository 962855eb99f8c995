package cn.zugong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The leaders' big screen in headless Chromium on a 1920×1080 wall and on a phone: every chart draws
 * (a canvas in each), the console stays clean, and clicking the tree map opens that unit's page.
 */
@Tag("browser")
@IntegrationTest
class HealthCheckScreenBrowserIT {

    @LocalServerPort int port;

    @Test
    void theBigScreenDrawsItsChartsAndAClickOpensAUnit() throws Exception {
        try (Chromium chromium = Chromium.start("1920,1080")) {
            var driver = chromium.driver;
            String base = "http://localhost:" + port;
            var wait = chromium.signIn(base, "leader");
            chromium.consoleErrors();

            driver.get(base + "/healthcheck/screen");
            wait.until(ExpectedConditions.attributeToBe(By.id("screen"), "data-rendered", "true"));
            for (String chart : new String[] {"chart-map", "chart-modules", "chart-categories", "chart-trend"}) {
                assertThat(driver.findElements(By.cssSelector("#" + chart + " canvas"))).as(chart).isNotEmpty();
            }
            assertThat(driver.findElement(By.id("screen-title")).getText()).isEqualTo("舟山市");
            assertThat(driver.findElements(By.cssSelector("#problems li"))).isNotEmpty();
            assertThat(chromium.horizontalOverflow()).as("no horizontal scrolling on the wall screen").isLessThanOrEqualTo(0L);
            chromium.screenshot("healthcheck-screen-1920");
            assertThat(chromium.consoleErrors()).isEmpty();

            WebElement map = driver.findElement(By.cssSelector("#chart-map canvas"));
            new Actions(driver).moveToElement(map, 0, 0).click().perform();
            wait.until(ExpectedConditions.urlMatches("/healthcheck/nodes/\\d+\\?evaluation=\\d+$"));
            assertThat(driver.findElement(By.id("node-name")).getText()).isNotBlank();
            chromium.screenshot("healthcheck-screen-clicked");
        }
    }

    @Test
    void theBigScreenFitsAPhone() throws Exception {
        try (Chromium chromium = Chromium.start("390,844")) {
            var driver = chromium.driver;
            String base = "http://localhost:" + port;
            var wait = chromium.signIn(base, "dinghai");
            chromium.phone(390, 844); // the window alone is laid out 500 px wide
            driver.get(base + "/healthcheck/screen");
            wait.until(ExpectedConditions.attributeToBe(By.id("screen"), "data-rendered", "true"));
            assertThat(driver.findElement(By.id("screen-title")).getText()).isEqualTo("定海区");
            assertThat(driver.findElements(By.cssSelector("#chart-map canvas"))).isNotEmpty();
            assertThat(chromium.horizontalOverflow()).as("no horizontal scrolling on a phone").isLessThanOrEqualTo(0L);
            chromium.screenshot("healthcheck-screen-phone");
            assertThat(chromium.consoleErrors()).isEmpty();
        }
    }
}
