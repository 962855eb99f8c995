package cn.zugong.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.springframework.util.FileSystemUtils;

/**
 * Headless Debian Chromium driven by Debian's chromedriver (both from /usr/bin; nothing is downloaded and
 * Selenium Manager is never run), for the browser tests (-Pbrowser, where a missing Chromium is a failure).
 * Browser console errors are collected so tests can assert there are none.
 */
public final class Chromium implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("zugong.test.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("zugong.test.chromedriver", "/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "browser");

    private static final Logger DRIVER_FINDER = Logger.getLogger("org.openqa.selenium.remote.service.DriverFinder");
    private static final Logger SELENIUM_MANAGER = Logger.getLogger("org.openqa.selenium.manager.SeleniumManager");

    public final WebDriver driver;
    private final ChromeDriverService service;
    private final Path profile;

    private Chromium(WebDriver driver, ChromeDriverService service, Path profile) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
    }

    /** Starts Chromium with a window of the given size, e.g. "1920,1080" or a phone's "390,844". */
    public static Chromium start(String windowSize) throws IOException {
        for (String exe : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Path.of(exe))) {
                fail(exe + " is missing: the browser tests need Debian's chromium and chromium-driver "
                        + "(apt-get install chromium chromium-driver; .ci/run does this). Nothing is downloaded.");
            }
        }
        List<String> finderLog = new CopyOnWriteArrayList<>();
        Handler recorder = new Handler() {
            @Override public void publish(LogRecord r) {
                finderLog.add(r.getLoggerName() + ": " + r.getMessage());
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
        Path profile = Files.createTempDirectory("zugong-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--lang=zh-CN",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + windowSize);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        WebDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } finally {
            for (Logger l : List.of(DRIVER_FINDER, SELENIUM_MANAGER)) {
                l.removeHandler(recorder);
            }
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        assertThat(finderLog).as("Selenium's driver lookup")
                .anyMatch(m -> m.contains("Skipping Selenium Manager"))
                .noneMatch(m -> m.contains("Executing Process") || m.contains("Selenium Manager binary found"));
        return new Chromium(driver, service, profile);
    }

    /** Signs in through the login form; returns a 30-second wait for the next steps. */
    public org.openqa.selenium.support.ui.WebDriverWait signIn(String base, String username) {
        var wait = new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(base + "/login");
        driver.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
        driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(cn.zugong.IntegrationTest.PASSWORD);
        driver.findElement(org.openqa.selenium.By.id("login-submit")).click();
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.urlToBe(base + "/"));
        return wait;
    }

    /** Severe messages of the browser console since the last call (script errors, failed loads). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(e -> e.getMessage()).toList();
    }

    /** How far the page is wider than the window (0 or less: no horizontal scrolling). */
    public long horizontalOverflow() {
        return (Long) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    }

    /**
     * Makes the page a phone's viewport (width×height CSS pixels, a mobile device: the viewport meta applies,
     * scroll bars overlay). A Chromium started with a window narrower than 500 px ({@code start("390,844")})
     * lays pages out 500 px wide, wider than a phone; this emulation holds for the tab until {@link #desktop()}.
     */
    public void phone(int width, int height) {
        ((org.openqa.selenium.chromium.HasCdp) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

    /** Ends {@link #phone(int, int)}: the window's own size again. */
    public void desktop() {
        ((org.openqa.selenium.chromium.HasCdp) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride",
                java.util.Map.of());
    }

    public void screenshot(String name) throws IOException {
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
        service.stop();
        FileSystemUtils.deleteRecursively(profile.toFile());
    }
}
