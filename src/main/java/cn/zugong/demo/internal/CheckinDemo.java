package cn.zugong.demo.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo's 党员报到 (双找双回): registrations, service posts and claims, service logs; links the dangyuan account to a member of 公前村 (issue 18). */
@Component
@Order(10)
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class CheckinDemo implements DemoStep {

    @Override
    public void load() {
        // written by the part's own change (issue 18)
    }
}
