package cn.zugong.browser;

import cn.zugong.IntegrationTest;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser test (runs with -Pbrowser): the application on its random port and one headless Chromium per test
 * class (see {@link Chromium}), opened at 1366×900; a test that needs a phone or a wall screen sets the window size.
 */
@Tag("browser")
@IntegrationTest
public abstract class BrowserTest {

    protected static Chromium chromium;
    protected static WebDriver driver;

    @LocalServerPort protected int port;

    @BeforeAll
    static void startChromium() throws IOException {
        chromium = Chromium.start("1366,900");
        driver = chromium.driver;
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    protected String base() {
        return "http://localhost:" + port;
    }

    protected static void windowSize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }
}
