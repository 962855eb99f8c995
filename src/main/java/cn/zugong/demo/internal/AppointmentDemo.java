package cn.zugong.demo.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo's 选拔任用纪实: appointment records through the roster, the 一线 share (issue 19). */
@Component
@Order(70)
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class AppointmentDemo implements DemoStep {

    @Override
    public void load() {
        // written by the part's own change (issue 19)
    }
}
