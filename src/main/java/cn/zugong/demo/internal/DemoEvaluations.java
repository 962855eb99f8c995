package cn.zugong.demo.internal;

import cn.zugong.healthcheck.HealthCheckPack;
import cn.zugong.indicator.EvaluationViews;
import cn.zugong.indicator.Evaluations;
import cn.zugong.indicator.IndicatorPacks;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * With the demo on, the city is checked twice on first start — half a year before the demo's date and on
 * it (the generated facts are dated relative to the demo date, so a longer gap would read as decay) —
 * so the pages show a trend and "what changed" from the first minute.
 */
@Component
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class DemoEvaluations {

    private static final Logger log = LoggerFactory.getLogger(DemoEvaluations.class);

    private final Evaluations evaluations;
    private final EvaluationViews views;
    private final IndicatorPacks packs;
    private final OrgTree tree;
    private final LocalDate asOf;
    private final String rootCode;
    private final boolean exitAfterLoad;

    DemoEvaluations(Evaluations evaluations, EvaluationViews views, IndicatorPacks packs, OrgTree tree,
                    @Value("${zugong.demo.as-of:2026-11-01}") LocalDate asOf,
                    @Value("${zugong.org.division-prefix:3309}") String rootCode,
                    @Value("${zugong.demo.exit-after-load:false}") boolean exitAfterLoad) {
        this.evaluations = evaluations;
        this.views = views;
        this.packs = packs;
        this.tree = tree;
        this.asOf = asOf;
        this.rootCode = rootCode;
        this.exitAfterLoad = exitAfterLoad;
    }

    /** Step 3 of the demo. */
    void load() {
        OrgNode root = tree.byCode(rootCode).orElse(null);
        if (exitAfterLoad || root == null || views.latestCovering(HealthCheckPack.CODE, root.path()).isPresent()
                || tree.countInSubtree(root, cn.zugong.org.NodeKind.UNIT) == 0) {
            return;
        }
        long start = System.nanoTime();
        var pack = packs.latest(HealthCheckPack.CODE).id();
        evaluations.evaluate(asOf.minusMonths(6), pack, root.asScope(), "demo");
        var latest = evaluations.evaluate(asOf, pack, root.asScope(), "demo");
        log.info("Demo 数字体检 of {}: 2 evaluations ({} results each) in {} ms", root.name(), latest.resultCount(),
                (System.nanoTime() - start) / 1_000_000);
    }
}
