package cn.zugong.talent.internal.recognition;

import cn.zugong.talent.internal.Classification;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class RecognitionConfiguration {

    /** The rules file, read and checked against the classification once at start. */
    @Bean
    RecognitionRules recognitionRules(Classification classification) {
        return RecognitionRules.load(classification);
    }
}
