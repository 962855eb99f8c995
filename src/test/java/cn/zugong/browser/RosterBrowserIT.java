package cn.zugong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.IntegrationTest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The roster in a real browser (headless Debian Chromium, see {@link Chromium}); runs with -Pbrowser. */
class RosterBrowserIT extends BrowserTest {


    @Test
    void dinghaiOfficerFindsAUnitAndSeesItsMaskedRoster() throws IOException {
        String base = base();
        var wait = new WebDriverWait(driver, Duration.ofSeconds(20));

        // Log in as the 定海区 officer.
        driver.get(base + "/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        screenshot("01-login");
        driver.findElement(By.id("username")).sendKeys("dinghai");
        driver.findElement(By.id("password")).sendKeys(IntegrationTest.PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/"));
        assertThat(driver.findElement(By.id("current-user")).getText()).contains("定海区");
        screenshot("02-home");

        // 组织机构: the tree starts at 定海区 and loads its children with htmx.
        driver.findElement(By.linkText("组织机构")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/org"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#org-tree li[data-code]")));
        assertThat(driver.findElement(By.cssSelector("#org-tree > li > details > summary a")).getText())
                .isEqualTo("定海区");

        // Expand the first child that has children of its own (a township or a unit), by a real click
        // on its summary (on the badge, not on the link); htmx loads its children on toggle.
        WebElement branch = wait.until(d -> d.findElements(
                By.cssSelector("#org-tree > li > details > ul > li[data-code] > details")).stream()
                .findFirst().orElse(null));
        String branchCode = branch.findElement(By.xpath("..")).getAttribute("data-code");
        branch.findElement(By.cssSelector("summary .zg-kind")).click();
        wait.until(d -> !d.findElements(By.cssSelector(
                "li[data-code='" + branchCode + "'] > details[open] > ul > li[data-code]")).isEmpty()
                || !d.findElements(By.xpath("//li[@data-code='" + branchCode + "']/details/ul/li[text()='无下级']")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("li[data-code='" + branchCode + "'] > details > ul > li[data-code]")))
                .as("children of %s loaded by htmx", branchCode).isNotEmpty();
        screenshot("03-org-tree");

        // Search the tree for a unit and open its node page.
        driver.findElement(By.id("org-search")).sendKeys("教育局");
        WebElement hit = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//div[@id='search-results']//a[span[1][text()='定海区教育局']]")));
        String results = driver.findElement(By.id("search-results")).getText();
        assertThat(results).doesNotContain("普陀");
        screenshot("04-org-search");
        hit.click();
        wait.until(ExpectedConditions.urlMatches("/org/nodes/\\d+$"));
        assertThat(driver.findElement(By.id("node-name")).getText()).isEqualTo("定海区教育局");
        String nodeId = driver.getCurrentUrl().replaceAll(".*/org/nodes/(\\d+)$", "$1");
        screenshot("05-unit");

        // Its 人员 link: the unit's people list.
        driver.findElement(By.cssSelector("a[href='/people?nodeId=" + nodeId + "']")).click();
        wait.until(ExpectedConditions.urlContains("/people?nodeId=" + nodeId));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("people")));
        assertThat(driver.findElement(By.id("scope-name")).getText()).isEqualTo("定海区教育局");
        List<WebElement> rows = driver.findElements(By.cssSelector("#people tbody tr"));
        var idNumbers = new ArrayList<String>();
        for (WebElement row : rows) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            if (cells.size() >= 4) {
                idNumbers.add(cells.get(3).getText());
            }
        }
        assertThat(idNumbers).as("身份证号 column").isNotEmpty()
                .allSatisfy(id -> assertThat(id).contains("*").hasSize(18).doesNotMatch("\\d{18}"));
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("普陀");
        assertThat(driver.getPageSource()).doesNotContain("普陀区");
        screenshot("06-people");
    }

    private static void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }
}
