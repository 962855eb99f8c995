package cn.zugong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.talent.internal.TalentStore;
import cn.zugong.talent.internal.code.CodeService;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 16, the 人才码 on a phone (390×844, Chromium): the talent's own code page (QR drawn, level and what it
 * grants, validity) and the public verify page after pasting the code (masked name only) have no horizontal
 * scroll. Photographed: target/browser/phone-talent-code.png, phone-talent-verify.png.
 */
class TalentCodeBrowserIT extends BrowserTest {

    static final int PHONE_WIDTH = 390;

    @Autowired CodeService codes;
    @Autowired TalentStore talents;
    @Autowired Clock clock;

    @Test
    void theCodeAndTheVerifyPageFitAPhone() throws Exception {
        var talent = talents.findByUsername("talent").orElseThrow();
        var code = codes.issue(talent.id(), "C", LocalDate.now(clock).plusYears(3), "browser-test");
        WebDriverWait wait = chromium.signIn(base(), "talent");
        chromium.phone(PHONE_WIDTH, 844);
        try {
            driver.get(base() + "/talent/my");
            wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "var i = document.getElementById('qr'); return i != null && i.complete && i.naturalWidth > 0")));
            assertThat(driver.findElement(By.id("level-label")).getText()).isEqualTo("C类 省级领军人才");
            assertThat(driver.findElement(By.id("grants")).getText()).contains("购房补贴");
            assertThat(driver.findElement(By.id("validity")).getText()).contains(code.validUntil().toString());
            long qrWidth = (Long) ((JavascriptExecutor) driver).executeScript(
                    "return document.getElementById('qr').getBoundingClientRect().width | 0");
            System.out.printf("phone width %d px, overflow %d px, QR %d px: /talent/my%n", scrollWidth(),
                    chromium.horizontalOverflow(), qrWidth);
            chromium.screenshot("phone-talent-code");
            assertThat(chromium.horizontalOverflow()).as("/talent/my at 390 px").isLessThanOrEqualTo(0);
            assertThat(scrollWidth()).isLessThanOrEqualTo(PHONE_WIDTH + 1L);
            assertThat(qrWidth).isGreaterThanOrEqualTo(250);

            driver.get(base() + "/talent/verify");
            driver.findElement(By.id("code")).sendKeys(code.payload());
            driver.findElement(By.id("verify")).click();
            wait.until(d -> !d.findElements(By.id("masked-name")).isEmpty());
            assertThat(driver.findElement(By.id("masked-name")).getText()).isEqualTo(
                    talent.name().substring(0, 1) + "*".repeat(talent.name().length() - 1));
            assertThat(driver.getPageSource()).doesNotContain(talent.name());
            System.out.printf("phone width %d px, overflow %d px: /talent/verify (result)%n", scrollWidth(),
                    chromium.horizontalOverflow());
            chromium.screenshot("phone-talent-verify");
            assertThat(chromium.horizontalOverflow()).as("/talent/verify at 390 px").isLessThanOrEqualTo(0);
        } finally {
            chromium.desktop();
        }
    }

    private long scrollWidth() {
        return (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
    }
}
