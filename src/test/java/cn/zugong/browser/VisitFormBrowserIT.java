package cn.zugong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
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
 * 走访记录 on a phone (390×844, headless Debian Chromium; runs with -Pbrowser): the demo 服务干部 chooses the kind
 * and one of the own charges, fills the form, attaches a photo, saves, and sees the saved visit with its photo
 * and the link to raise a problem, follows it to the ticket form (filled in from the visit) and raises the ticket;
 * no horizontal scrolling and no console error on any of these pages.
 */
class VisitFormBrowserIT extends BrowserTest {

    @Autowired JdbcClient jdbc;

    @Test
    void theCadreLogsAVisitWithAPhotoOnAPhone() throws IOException {
        String base = base();
        driver.manage().deleteAllCookies();
        windowSize(390, 844);
        WebDriverWait wait = chromium.signIn(base, "cadre");
        driver.get(base + "/service/visits/new");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("visit-form")));
        assertThat(chromium.horizontalOverflow()).as("the form fits the phone's width").isLessThanOrEqualTo(0);

        click(driver.findElement(By.cssSelector("label[for='kind-ENTERPRISE']")));
        Select charge = new Select(driver.findElement(By.id("chargeId")));
        WebElement option = charge.getOptions().stream()
                .filter(o -> !o.getAttribute("value").isEmpty() && o.isEnabled()).findFirst().orElseThrow();
        assertThat(option.getText()).startsWith("企业：");
        charge.selectByValue(option.getAttribute("value"));
        assertThat(charge.getOptions().stream().filter(WebElement::isEnabled)
                .filter(o -> !o.getAttribute("value").isEmpty()))
                .as("only enterprise charges are offered for 走访企业").allMatch(o -> o.getText().startsWith("企业："));
        String whom = "浏览器测试联系人" + System.nanoTime() % 100_000;
        driver.findElement(By.id("place")).sendKeys("企业生产车间");
        driver.findElement(By.id("whom")).sendKeys(whom);
        driver.findElement(By.id("notes")).sendKeys("了解订单和用工情况，企业反映招工难。");
        driver.findElement(By.id("photos")).sendKeys(photo().toAbsolutePath().toString());
        click(driver.findElement(By.id("problem")));
        chromium.screenshot("service-01-visit-form");
        click(driver.findElement(By.id("save-visit")));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved")));
        assertThat(driver.findElement(By.id("visit-whom")).getText()).isEqualTo(whom);
        assertThat(driver.findElement(By.id("visit-title")).getText()).startsWith("走访企业 · ");
        WebElement image = driver.findElement(By.cssSelector("#photos img"));
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", image));
        assertThat(driver.findElement(By.id("raise-problem")).getAttribute("href")).contains("/tickets/new?visitId=");
        assertThat(chromium.horizontalOverflow()).as("the saved visit fits the phone's width").isLessThanOrEqualTo(0);
        chromium.screenshot("service-02-visit-saved");
        assertThat(jdbc.sql("select count(*) from service_visit v join service_visit_photo p on p.visit_id = v.id "
                + "where v.whom = :w and v.problem = true").param("w", whom).query(Long.class).single()).isOne();

        // the problem found on the visit becomes a ticket, from the same phone
        click(driver.findElement(By.id("raise-problem")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-form")));
        assertThat(driver.findElement(By.id("requesterName")).getAttribute("value")).isEqualTo(whom);
        assertThat(new Select(driver.findElement(By.id("source"))).getFirstSelectedOption().getText()).isEqualTo("走访");
        assertThat(driver.findElement(By.id("from-visit")).getText()).startsWith("来自走访：走访企业 · ").contains("企业生产车间");
        assertThat(chromium.horizontalOverflow()).as("the ticket form fits the phone's width").isLessThanOrEqualTo(0);
        new Select(driver.findElement(By.id("category"))).selectByIndex(1);
        driver.findElement(By.id("description")).sendKeys("企业反映招工难，急需焊工 20 名。");
        chromium.screenshot("service-03-ticket-form");
        click(driver.findElement(By.id("submit")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-no")));
        assertThat(driver.findElement(By.id("ticket-no")).getText()).matches("WT\\d{4}-\\d{6}");
        assertThat(driver.findElement(By.id("ticket-visit")).getAttribute("href")).contains("/service/visits/");
        assertThat(chromium.horizontalOverflow()).as("the ticket fits the phone's width").isLessThanOrEqualTo(0);
        chromium.screenshot("service-04-ticket");
        assertThat(chromium.consoleErrors()).as("console errors on the visit and ticket pages").isEmpty();
    }

    @Test
    void theDistrictOfficeReadsTheFiguresOfTheYear() throws IOException {
        String base = base();
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
        try {
            WebDriverWait wait = chromium.signIn(base, "dinghai");
            driver.get(base + "/service");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("year-figures")));
            chromium.screenshot("service-05-landing");
            driver.get(base + "/service/figures?period=year&year=2026");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("by-cadre")));
            assertThat(driver.findElement(By.id("period-label")).getText()).isEqualTo("2026年");
            assertThat(driver.findElements(By.cssSelector("#by-cadre tbody tr"))).hasSizeGreaterThanOrEqualTo(9);
            assertThat(driver.findElements(By.cssSelector("#by-node tbody tr"))).isNotEmpty();
            assertThat(driver.findElement(By.id("by-cadre")).getText()).doesNotContain("普陀区");
            assertThat(driver.findElement(By.id("export")).getAttribute("href")).contains("/service/figures/export");
            chromium.screenshot("service-06-figures");
            assertThat(chromium.consoleErrors()).as("console errors on the figures page").isEmpty();
        } finally {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        }
    }

    /** A real 64×48 PNG, as a phone camera would give a JPG or PNG. */
    static Path photo() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0x2f6fdb));
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.WHITE);
        g.fillOval(16, 8, 32, 32);
        g.dispose();
        Path file = Files.createTempFile("visit-", ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** Scrolls the element to the middle of the small screen, as a thumb would, then taps it. */
    static void click(WebElement element) {
        var js = (JavascriptExecutor) driver;
        js.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", element);
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(element))
                    .click();
        } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
            driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ESCAPE);
            js.executeScript("arguments[0].click()", element);
        }
    }
}
