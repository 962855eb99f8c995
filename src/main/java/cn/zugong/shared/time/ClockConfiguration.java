package cn.zugong.shared.time;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the platform. Lock-outs, deadlines, escalations and reporting windows read the time
 * from this bean, so tests can move it (a primary test clock replaces it).
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    @Bean
    WorkingCalendar workingCalendar() {
        return WorkingCalendar.china();
    }
}
