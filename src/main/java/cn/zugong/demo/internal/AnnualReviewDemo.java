package cn.zugong.demo.internal;

import cn.zugong.annual.AnnualReviews;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo city's review of 2026 (这一年, issue 20, ADR 081) as a draft, generated after every other step so that it
 * reads the demo's figures of all the modules the platform has; skipped when one exists.
 */
@Component
@Order(200)
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class AnnualReviewDemo implements DemoStep {

    private static final Logger log = LoggerFactory.getLogger(AnnualReviewDemo.class);
    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 12, 31);

    private final AnnualReviews reviews;
    private final OrgTree tree;

    AnnualReviewDemo(AnnualReviews reviews, OrgTree tree) {
        this.reviews = reviews;
        this.tree = tree;
    }

    @Override
    public void load() {
        OrgNode city = tree.byCode("3309").orElse(null);
        if (city == null || reviews.exists(city.id(), FROM, TO)) {
            return;
        }
        long start = System.nanoTime();
        long id = reviews.generateDraft(city, FROM, TO, "admin");
        log.info("Demo 这一年: review {} of {} 2026 in {} ms", id, city.name(), (System.nanoTime() - start) / 1_000_000);
    }
}
