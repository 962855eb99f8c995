package cn.zugong.talent.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class TalentConfiguration {

    /** The classification file, read and checked once at start: a broken file stops the start with its reasons. */
    @Bean
    Classification talentClassification() {
        return Classification.load();
    }
}
