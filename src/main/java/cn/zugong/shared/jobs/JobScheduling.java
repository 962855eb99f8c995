package cn.zugong.shared.jobs;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on scheduled jobs and ShedLock. The lock is a proxy around the method that carries
 * {@code @SchedulerLock}, also when it is called directly; so each job keeps its lock on a small scheduled
 * entry of its own that calls the job, and tests and buttons call the job itself. A lock's times are the
 * database's ({@code usingDbTime}): only the database's clock counts, never a node's.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class JobScheduling {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withLockedByValue(Node.id())
                .usingDbTime()
                .build());
    }
}
