package cn.zugong.demo.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo's 年轻干部 (五制, 选调生), 一把手 tracking, 离任交接 and 揭榜出征 (issue 19). */
@Component
@Order(90)
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class YoungCadreDemo implements DemoStep {

    @Override
    public void load() {
        // written by the part's own change (issue 19)
    }
}
