package cn.zugong.demo.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo's 一线考察: campaigns, teams, on-site records and outcomes (issue 19). */
@Component
@Order(60)
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class FrontlineDemo implements DemoStep {

    @Override
    public void load() {
        // written by the part's own change (issue 19)
    }
}
