package cn.zugong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 码上办 on a phone (issue 16): the demo talent browses the items (services list), opens an item with a file to
 * upload (apply), applies for one whose materials the platform already holds, and reads the application — every
 * page at 390×844 without horizontal scrolling (target/browser/talent-*.png).
 */
class TalentServicesPhoneBrowserIT extends BrowserTest {

    @Autowired JdbcClient jdbc;

    @Test
    void theTalentsServicePagesFitAPhoneAndAnApplicationGoesThrough() throws IOException {
        WebDriverWait wait = chromium.signIn(base(), "talent");
        chromium.phone(390, 844);
        try {
            Files.createDirectories(Chromium.SCREENSHOTS);
            page("/talent/my/services", "talent-services", wait);
            assertThat(driver.findElements(By.cssSelector("[id^=item-S]"))).isNotEmpty();
            page("/talent/my/services?hot=true", "talent-services-hot", wait);
            page("/talent/my/services/S0301/apply", "talent-apply-upload", wait);
            assertThat(driver.findElements(By.cssSelector("input[type=file]"))).isNotEmpty();
            page("/talent/my/services/S0101/apply", "talent-apply", wait);
            assertThat(driver.findElement(By.id("reuse-summary")).getText()).contains("所需材料 3 项，平台已有 3 项");
            driver.findElement(By.id("submit-application")).click();
            wait.until(ExpectedConditions.urlMatches("/talent/my/applications/[0-9]+$"));
            assertThat(driver.findElement(By.id("message")).getText()).contains("平台已有 3 项");
            measure("talent-application");
            page("/talent/my/applications", "talent-applications", wait);
        } finally {
            chromium.desktop();
        }
    }

    private void page(String path, String name, WebDriverWait wait) throws IOException {
        driver.get(base() + path);
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        assertThat(driver.getTitle()).as(path).doesNotStartWith("提示").doesNotStartWith("无权访问").doesNotStartWith("登录");
        measure(name);
    }

    private void measure(String name) throws IOException {
        long width = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
        System.out.printf("phone width %4d px  %s%n", width, name);
        chromium.screenshot(name);
        assertThat(width).as(name + " width at 390 px").isLessThanOrEqualTo(391L);
        assertThat(chromium.horizontalOverflow()).as(name + " horizontal overflow").isLessThanOrEqualTo(1L);
    }
}
