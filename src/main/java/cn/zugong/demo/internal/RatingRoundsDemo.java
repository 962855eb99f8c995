package cn.zugong.demo.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The demo's rating rounds (issue 17): written by the rating rounds part (see docs/guide/rating-cycle.md). */
@Component
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class RatingRoundsDemo {

    void load() {
        // the rounds of 2025 (published) and 2026 (under review) are added with the rating cycle
    }
}
