package cn.zugong.demo.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo's 干部培训 (classes, enrolment, attendance, hours) and 调研课题 (issue 19). */
@Component
@Order(100)
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class TrainingDemo implements DemoStep {

    @Override
    public void load() {
        // written by the part's own change (issue 19)
    }
}
