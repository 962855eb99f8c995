package cn.zugong.lighting.internal;

import cn.zugong.calendar.WorkCalendar;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Settings of the 亮灯台 (scheduling is on for every module: shared.jobs). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LightingSettings.class)
class LightingConfiguration {

    /** Late reports after a window's close, in working days of the official calendar. */
    @Bean
    Window.Expiry expiry(LightingSettings settings, WorkCalendar calendar) {
        return new Window.Expiry(settings.expiryWorkingDays(), calendar::plusWorkdays);
    }
}
