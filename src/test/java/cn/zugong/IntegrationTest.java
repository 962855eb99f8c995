package cn.zugong;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The one integration-test set-up: the whole application on a random port with the demo data, on
 * H2 (profile test) or on PostgreSQL (profiles test,postgres; see the pom's postgres profile).
 * Tests must not customise the context, so every test class shares one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import({TestDatabase.class, TestUsers.class, TestClock.Config.class, PasswordEncoderCalls.Config.class,
        HeldReports.class})
public @interface IntegrationTest {

    /** Password of every demo account in tests (application-test.yml). */
    String PASSWORD = "Zg-Test@2026";
}
