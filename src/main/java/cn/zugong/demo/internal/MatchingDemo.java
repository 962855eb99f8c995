package cn.zugong.demo.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo's 聚力共富: the 借力 and 给力 lists, matches and engagements (issue 18). */
@Component
@Order(40)
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class MatchingDemo implements DemoStep {

    @Override
    public void load() {
        // written by the part's own change (issue 18)
    }
}
