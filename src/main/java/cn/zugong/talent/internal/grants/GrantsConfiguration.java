package cn.zugong.talent.internal.grants;

import cn.zugong.talent.internal.Classification;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class GrantsConfiguration {

    /** The benefit rules, read and checked once at start: a broken rule stops the start with its code and reason. */
    @Bean
    BenefitRules benefitRules(Classification classification) {
        return BenefitRules.load(classification);
    }
}
