package cn.zugong.audit.internal;

import cn.zugong.audit.internal.AuditChain.Verification;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

/**
 * {@code --zugong.audit.verify}: verify the audit chain, print {@code audit chain: intact, N entries} or
 * {@code audit chain: BROKEN at entry N (reason)} and exit with 0 or 1, before any other start-up work.
 * When intact, a second line gives the head hash, to be kept outside the database (ADR 005). Runs right after
 * {@code --zugong.crypto.verify} when both are given (the restore drill, ADR 049).
 * <pre>./mvnw -q spring-boot:run -Dspring-boot.run.arguments=--zugong.audit.verify</pre>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AuditVerifyCommand implements ApplicationRunner {

    static final String PROPERTY = "zugong.audit.verify";

    private final AuditChain chain;
    private final Environment environment;
    private final ConfigurableApplicationContext context;

    AuditVerifyCommand(AuditChain chain, Environment environment, ConfigurableApplicationContext context) {
        this.chain = chain;
        this.environment = environment;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!requested(environment)) {
            return;
        }
        Verification result = chain.verify();
        System.out.println(result.line());
        if (result.intact()) {
            System.out.println("head hash: " + result.headHash());
        }
        System.out.flush();
        int code = result.intact() ? 0 : 1;
        System.exit(SpringApplication.exit(context, () -> code));
    }

    static boolean requested(Environment environment) {
        String value = environment.getProperty(PROPERTY);
        return value != null && !"false".equalsIgnoreCase(value);
    }

    /**
     * The command does not serve pages: it listens on a random free port, so it can run next to a running
     * instance (on PostgreSQL; an embedded H2 file is locked by the running instance), and loads no demo data.
     */
    static class Settings implements EnvironmentPostProcessor {

        @Override
        public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
            if (requested(environment)) {
                environment.getPropertySources().addFirst(new MapPropertySource("zugongAuditVerify",
                        Map.of("server.port", "0", "zugong.demo.enabled", "false", "logging.level.root", "WARN",
                                "logging.level.cn.zugong", "WARN", "spring.main.banner-mode", "off")));
            }
        }
    }
}
