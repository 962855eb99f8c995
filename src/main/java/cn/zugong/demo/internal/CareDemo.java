package cn.zugong.demo.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo's 激励关爱: 容错纠错, 澄清正名, 暖心回访, re-use of disciplined cadres, 及时奖励, 担当作为好干部 (issue 19). */
@Component
@Order(80)
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class CareDemo implements DemoStep {

    @Override
    public void load() {
        // written by the part's own change (issue 19)
    }
}
