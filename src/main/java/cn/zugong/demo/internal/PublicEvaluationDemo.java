package cn.zugong.demo.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The demo's 双述双评双比 campaign (issue 17): written by the public evaluation part (docs/guide/rating-evaluation.md). */
@Component
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class PublicEvaluationDemo {

    void load() {
        // the campaign over every village and community of the city is added with the public evaluation
    }
}
