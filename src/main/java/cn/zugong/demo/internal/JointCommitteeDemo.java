package cn.zugong.demo.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo's 党建联建: the island-chain joint committees with their chairs, paired units and projects (issue 18). */
@Component
@Order(50)
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class JointCommitteeDemo implements DemoStep {

    @Override
    public void load() {
        // written by the part's own change (issue 18)
    }
}
