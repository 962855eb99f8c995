package cn.zugong.healthcheck.internal;

import cn.zugong.indicator.Evaluation;
import cn.zugong.indicator.EvaluationViews.Cell;
import cn.zugong.indicator.EvaluationViews;
import cn.zugong.indicator.Evaluations;
import cn.zugong.indicator.Indicator;
import cn.zugong.indicator.IndicatorPack;
import cn.zugong.indicator.IndicatorPacks;
import cn.zugong.indicator.IndicatorResult;
import cn.zugong.indicator.PackCategory;
import cn.zugong.indicator.PackModule;
import cn.zugong.indicator.ResultChange;
import cn.zugong.org.NodeKind;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.legend.Colour;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Everything a health-check report says about one node, read once inside the caller's scope, so that
 * the Word and the PDF report tell the same story with the same numbers.
 */
@Component
class ReportData {

    static final String HEADCOUNT = "实有干部人数";

    private final HealthCheckViews views;
    private final Evaluations evaluations;
    private final EvaluationViews evaluationViews;
    private final IndicatorPacks packs;
    private final OrgTree tree;
    private final Clock clock;

    ReportData(HealthCheckViews views, Evaluations evaluations, EvaluationViews evaluationViews, IndicatorPacks packs,
               OrgTree tree, Clock clock) {
        this.clock = clock;
        this.views = views;
        this.evaluations = evaluations;
        this.evaluationViews = evaluationViews;
        this.packs = packs;
        this.tree = tree;
    }

    /** A category's warnings among the node's own indicators. */
    public record CategoryRow(PackCategory category, long red, long yellow, long blue, long green) {
    }

    public record ModuleSection(PackModule module, List<CategoryRow> categories, List<Line> warnings) {
    }

    /** One indicator with its result, as a report line. */
    public record Line(Indicator indicator, IndicatorResult result, cn.zugong.indicator.NodeLevel level) {
        public String value() {
            return Values.show(indicator, level, result.value());
        }

        /** The indicator's 口径, as the report prints it under the warning. */
        public String definition() {
            return "口径：" + indicator.definition();
        }

        public String colourLabel() {
            return Colour.warningLabel(result.colour());
        }
    }

    /** A peer (sibling, or child when the node is the top of the scope) and its warning counts. */
    public record Peer(OrgNode node, long red, long yellow, long blue, boolean self) {
    }

    public record Report(OrgNode node, Evaluation evaluation, Optional<Evaluation> previous, IndicatorPack pack,
                  long headcount, long units, HealthCheckViews.Counts own, List<ModuleSection> modules,
                  List<Line> warnings, List<Peer> peers, String peerTitle, long newReds, long clearedReds,
                  LocalDateTime generatedAt) {

        public String title() {
            return node.name() + "公务员队伍数字体检报告";
        }

        /** The summary narrative, generated from the figures. */
        public String summary() {
            StringBuilder s = new StringBuilder();
            s.append("本次体检以 ").append(evaluation.asOf()).append(" 为基准日，对").append(node.name())
                    .append(units > 1 ? "所属 " + units + " 个单位" : "").append("的 ").append(headcount)
                    .append(" 名公务员（参公人员）按").append(pack.name()).append("进行体检，共 ")
                    .append(pack.indicators().size()).append(" 项指标。");
            s.append("汇总结果：红色预警 ").append(own.of(Colour.RED)).append(" 项，黄色预警 ")
                    .append(own.of(Colour.YELLOW)).append(" 项，蓝色提示 ").append(own.of(Colour.BLUE))
                    .append(" 项，其余 ").append(own.of(Colour.GREEN)).append(" 项正常。");
            List<String> worst = modules.stream().flatMap(m -> m.categories().stream())
                    .filter(c -> c.red() > 0).sorted(Comparator.comparingLong(CategoryRow::red).reversed())
                    .limit(3).map(c -> c.category().name()).toList();
            if (!worst.isEmpty()) {
                s.append("问题较集中的体检项目是").append(String.join("、", worst)).append("。");
            }
            previous.ifPresent(p -> s.append("与上次体检（").append(p.asOf()).append("）相比，新增红色预警 ")
                    .append(newReds).append(" 项，消除红色预警 ").append(clearedReds).append(" 项。"));
            if (!warnings.isEmpty()) {
                s.append("建议重点关注：").append(warnings.get(0).indicator().name()).append("（")
                        .append(warnings.get(0).value()).append("）等问题，对红色预警逐项制定整改措施，限期销号。");
            }
            return s.toString();
        }
    }

    Report of(CurrentUser user, long nodeId, Long evaluationId, ReportJobsProgress progress) {
        OrgNode node = tree.get(nodeId, user.scope());
        Evaluation evaluation = views.evaluationFor(node, evaluationId);
        if (evaluation == null) {
            throw new NotFoundException("该范围尚未开展数字体检");
        }
        IndicatorPack pack = packs.get(evaluation.pack());
        progress.at(10, "读取体检结果");
        List<IndicatorResult> own = evaluations.results(evaluation.id(), node.id(), user.scope());
        Map<String, IndicatorResult> byCode = own.stream()
                .collect(Collectors.toMap(IndicatorResult::indicatorCode, r -> r));
        List<ModuleSection> modules = new ArrayList<>();
        for (PackModule module : pack.modules()) {
            List<CategoryRow> rows = new ArrayList<>();
            List<Line> warnings = new ArrayList<>();
            for (PackCategory category : module.categories()) {
                long[] counts = new long[4];
                for (Indicator i : pack.indicators()) {
                    IndicatorResult r = byCode.get(i.code());
                    if (r == null || !i.categoryCode().equals(category.code()) || r.colour() == null) {
                        continue;
                    }
                    counts[Colour.HEALTH_CHECK.indexOf(Colour.of(r.colour()))]++;
                    if (!Colour.GREEN.is(r.colour())) {
                        warnings.add(new Line(i, r, Values.level(node)));
                    }
                }
                rows.add(new CategoryRow(category, counts[0], counts[1], counts[2], counts[3]));
            }
            warnings.sort(Comparator.comparing(l -> l.result().colour(), Colour.WORST_FIRST));
            modules.add(new ModuleSection(module, rows, warnings));
        }
        List<Line> warnings = modules.stream().flatMap(m -> m.warnings().stream())
                .filter(l -> !Colour.BLUE.is(l.result().colour()))
                .sorted(Comparator.comparing(l -> l.result().colour(), Colour.WORST_FIRST)).toList();
        progress.at(30, "同级比较");
        boolean topOfScope = node.id() == user.scope().nodeId() || node.parentId() == null;
        List<OrgNode> peerNodes = (topOfScope ? tree.children(node.id(), user.scope())
                : tree.children(node.parentId(), user.scope())).stream()
                .filter(n -> n.kind() != NodeKind.PARTY_ORG).toList();
        Map<Long, List<Cell>> cells = evaluationViews.cells(evaluation.id(),
                peerNodes.stream().map(OrgNode::id).toList(), user.scope()).stream()
                .collect(Collectors.groupingBy(Cell::nodeId));
        List<Peer> peers = peerNodes.stream().filter(n -> cells.containsKey(n.id())).map(n -> {
            HealthCheckViews.Counts c = HealthCheckViews.count(cells.get(n.id()).stream().map(Cell::colour).toList());
            return new Peer(n, c.of(Colour.RED), c.of(Colour.YELLOW), c.of(Colour.BLUE), n.id() == node.id());
        }).sorted(Comparator.comparingLong(Peer::red).reversed().thenComparing(p -> p.node().code())).toList();
        progress.at(45, "与上次体检比较");
        Optional<Evaluation> previous = evaluations.previous(evaluation.id());
        List<ResultChange> changes = previous.isPresent()
                ? evaluations.changesSincePrevious(evaluation.id(), node.asScope()).stream()
                .filter(c -> c.nodeId() == node.id()).toList() : List.of();
        long newReds = changes.stream().filter(c -> Colour.RED.is(c.colour())
                && !Colour.RED.is(c.previousColour())).count();
        long cleared = changes.stream().filter(c -> Colour.RED.is(c.previousColour())
                && !Colour.RED.is(c.colour())).count();
        long headcount = pack.indicators().stream().filter(i -> i.name().equals(HEADCOUNT)).findFirst()
                .map(i -> byCode.get(i.code())).map(r -> r.numerator().longValue()).orElse(0L);
        long units = node.isUnit() ? 1 : tree.countInSubtree(node, NodeKind.UNIT);
        return new Report(node, evaluation, previous, pack, headcount, units,
                HealthCheckViews.count(own.stream().map(IndicatorResult::colour).toList()), modules, warnings, peers,
                topOfScope ? "下级比较" : "同级比较", newReds, cleared, LocalDateTime.now(clock));
    }

    /** Progress callback without depending on the report module's type in every signature. */
    public interface ReportJobsProgress {
        void at(int percent, String stage);
    }
}
