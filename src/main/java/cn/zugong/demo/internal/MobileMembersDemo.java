package cn.zugong.demo.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo's 流动党员: the five steps and the 三个一批 assignment of the demo's mobile members (issue 18). */
@Component
@Order(20)
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class MobileMembersDemo implements DemoStep {

    @Override
    public void load() {
        // written by the part's own change (issue 18)
    }
}
