package cn.zugong.demo.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo's 共富工坊: workshops with their monthly ledger, 百企联百村 pairs and 强村公司 (issue 18). */
@Component
@Order(30)
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class WorkshopDemo implements DemoStep {

    @Override
    public void load() {
        // written by the part's own change (issue 18)
    }
}
