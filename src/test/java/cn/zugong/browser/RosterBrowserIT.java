package cn.zugong.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import cn.zugong.IntegrationTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/**
 * The roster in a real browser: headless Debian Chromium driven by Debian's chromedriver (both from
 * /usr/bin; nothing is downloaded and Selenium Manager is never run). Runs only with -Pbrowser,
 * where a missing Chromium is a failure, not a skip.
 */
@Tag("browser")
@IntegrationTest
class RosterBrowserIT {

    /** Debian's chromium and chromium-driver; overridable with -Dzugong.test.chromium / .chromedriver. */
    static final String CHROMIUM = System.getProperty("zugong.test.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("zugong.test.chromedriver", "/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "browser");

    /** Records what Selenium logs about finding the driver, to prove Selenium Manager was skipped. */
    static final List<String> driverFinderLog = new CopyOnWriteArrayList<>();
    static final Logger DRIVER_FINDER = Logger.getLogger("org.openqa.selenium.remote.service.DriverFinder");
    static final Logger SELENIUM_MANAGER = Logger.getLogger("org.openqa.selenium.manager.SeleniumManager");
    static Handler recorder;

    static WebDriver driver;
    static ChromeDriverService service;
    static Path profileDir;

    @LocalServerPort int port;

    @BeforeAll
    static void startChromium() throws IOException {
        for (String exe : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Path.of(exe))) {
                fail(exe + " is missing: the browser tests need Debian's chromium and chromium-driver "
                        + "(apt-get install chromium chromium-driver; .ci/run does this). Nothing is downloaded.");
            }
        }
        recorder = new Handler() {
            @Override public void publish(LogRecord r) {
                driverFinderLog.add(r.getLoggerName() + ": " + r.getMessage());
            }
            @Override public void flush() { }
            @Override public void close() { }
        };
        recorder.setLevel(Level.ALL);
        for (Logger l : List.of(DRIVER_FINDER, SELENIUM_MANAGER)) {
            l.setLevel(Level.FINE);
            l.addHandler(recorder);
        }

        Files.createDirectories(SCREENSHOTS);
        profileDir = Files.createTempDirectory("zugong-chromium-");
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--lang=zh-CN",
                "--user-data-dir=" + profileDir.toAbsolutePath(), "--window-size=1366,900");
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));

        assertThat(driverFinderLog).as("Selenium's driver lookup")
                .anyMatch(m -> m.contains("Skipping Selenium Manager"))
                .noneMatch(m -> m.contains("Executing Process") || m.contains("Selenium Manager binary found"));
    }

    @AfterAll
    static void stopChromium() {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profileDir != null) {
            FileSystemUtils.deleteRecursively(profileDir.toFile());
        }
        if (recorder != null) {
            DRIVER_FINDER.removeHandler(recorder);
            SELENIUM_MANAGER.removeHandler(recorder);
        }
    }

    @Test
    void dinghaiOfficerFindsAUnitAndSeesItsMaskedRoster() throws IOException {
        String base = "http://localhost:" + port;
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
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
