package cn.zugong.lighting.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Settings of the 亮灯台 and the scheduler of its job. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(LightingSettings.class)
class LightingConfiguration {
}
