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
import cn.zugong.org.NodeKind;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.legend.Colour;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Builds what the health-check pages show, always inside the caller's scope. */
@Service
class HealthCheckViews {

    static final String PACK = cn.zugong.healthcheck.HealthCheckPack.CODE;

    private final Evaluations evaluations;
    private final EvaluationViews views;
    private final IndicatorPacks packs;
    private final OrgTree tree;

    HealthCheckViews(Evaluations evaluations, EvaluationViews views, IndicatorPacks packs, OrgTree tree) {
        this.evaluations = evaluations;
        this.views = views;
        this.packs = packs;
        this.tree = tree;
    }

    /** Colour counts: colour → how many. */
    public record Counts(Map<Colour, Long> byColour) {
        public long of(Colour c) {
            return byColour.getOrDefault(c, 0L);
        }

        public long warnings() {
            return of(Colour.RED) + of(Colour.YELLOW) + of(Colour.BLUE);
        }
    }

    /** One category's warnings over the units in scope (for "worst categories"). */
    public record CategoryCount(PackCategory category, String moduleName, Counts counts) {
    }

    /** A cell of the matrix: the worst colour of a node's indicators in one category, and how many warn. */
    public record MatrixCell(String colour, long warnings, long red) {
        public String css() {
            return Colour.css(colour);
        }
    }

    /** A row of the matrix: a child node and its cells in category order. */
    public record MatrixRow(OrgNode node, List<MatrixCell> cells, Counts counts) {
    }

    /** One indicator of a node with its definition. */
    public record Line(Indicator indicator, IndicatorResult result, cn.zugong.indicator.NodeLevel level) {
        public String shown() {
            return Values.show(indicator, level, result.value());
        }

        public String fraction() {
            return result.denominator() == null ? "" : Values.count(result.numerator()) + " / "
                    + Values.count(result.denominator());
        }

        public String css() {
            return Colour.css(result.colour());
        }
    }

    /** The node page: overview, matrix of its children, or (for a unit) its own indicators. */
    public record NodeView(OrgNode node, List<OrgNode> breadcrumbs, Evaluation evaluation, List<Evaluation> history,
                    IndicatorPack pack, Counts own, Counts units, List<CategoryCount> worstCategories,
                    List<MatrixRow> matrix, Map<PackCategory, List<Line>> lines) {

        /** The node's own red and yellow warnings, worst first (its advice). */
        public List<Line> warnings() {
            return lines.values().stream().flatMap(List::stream)
                    .filter(l -> Colour.RED.is(l.result().colour())
                            || Colour.YELLOW.is(l.result().colour()))
                    .sorted(Comparator.comparing(l -> l.result().colour(), Colour.WORST_FIRST)).toList();
        }

        public String moduleName(String moduleCode) {
            return pack.modules().stream().filter(m -> m.code().equals(moduleCode)).map(m -> m.name()).findFirst()
                    .orElse(moduleCode);
        }
    }

    Evaluation evaluationFor(OrgNode node, Long evaluationId) {
        if (evaluationId == null) {
            return views.latestCovering(PACK, node.path()).orElse(null);
        }
        return views.covering(PACK, node.path()).stream().filter(e -> e.id() == evaluationId).findFirst()
                .orElseThrow(() -> new NotFoundException("体检批次不存在或不覆盖该节点：" + evaluationId));
    }

    Optional<NodeView> node(CurrentUser user, long nodeId, Long evaluationId) {
        OrgNode node = tree.get(nodeId, user.scope());
        Evaluation evaluation = evaluationFor(node, evaluationId);
        if (evaluation == null) {
            return Optional.empty();
        }
        IndicatorPack pack = packs.get(evaluation.pack());
        Map<String, Indicator> indicators = pack.indicatorsByCode();
        List<IndicatorResult> own = evaluations.results(evaluation.id(), node.id(), user.scope());
        Counts ownCounts = count(own.stream().map(IndicatorResult::colour).toList());

        Map<String, Map<String, Long>> unitCounts = views.unitColourCounts(evaluation.id(), node.asScope());
        Map<Colour, Long> total = new EnumMap<>(Colour.class);
        Map<String, Map<Colour, Long>> byCategory = new LinkedHashMap<>();
        unitCounts.forEach((code, colours) -> colours.forEach((colour, n) -> {
            total.merge(Colour.of(colour), n, Long::sum);
            Indicator indicator = indicators.get(code);
            if (indicator != null) {
                byCategory.computeIfAbsent(indicator.categoryCode(), c -> new EnumMap<>(Colour.class))
                        .merge(Colour.of(colour), n, Long::sum);
            }
        }));
        List<CategoryCount> worst = pack.modules().stream().flatMap(m -> m.categories().stream()
                        .map(c -> new CategoryCount(c, m.name(), new Counts(byCategory.getOrDefault(c.code(), Map.of())))))
                .filter(c -> c.counts().warnings() > 0)
                .sorted(Comparator.comparingLong((CategoryCount c) -> c.counts().of(Colour.RED)).reversed()
                        .thenComparing(Comparator.comparingLong((CategoryCount c) -> c.counts().warnings()).reversed()))
                .limit(5).toList();

        List<MatrixRow> matrix = node.isUnit() ? List.of() : matrix(evaluation, node, user, pack, indicators);
        Map<PackCategory, List<Line>> lines = new LinkedHashMap<>();
        {
            Map<String, IndicatorResult> byCode = own.stream()
                    .collect(Collectors.toMap(IndicatorResult::indicatorCode, r -> r));
            for (PackCategory category : pack.categories()) {
                List<Line> ls = pack.indicators().stream()
                        .filter(i -> i.categoryCode().equals(category.code()) && byCode.containsKey(i.code()))
                        .map(i -> new Line(i, byCode.get(i.code()), Values.level(node))).toList();
                if (!ls.isEmpty()) {
                    lines.put(category, ls);
                }
            }
        }
        return Optional.of(new NodeView(node, breadcrumbs(node, user), evaluation,
                views.covering(PACK, node.path()), pack, ownCounts, new Counts(total), worst, matrix, lines));
    }

    private List<MatrixRow> matrix(Evaluation evaluation, OrgNode node, CurrentUser user, IndicatorPack pack,
                                   Map<String, Indicator> indicators) {
        List<OrgNode> children = tree.children(node.id(), user.scope()).stream()
                .filter(c -> c.kind() != NodeKind.PARTY_ORG).toList();
        Map<Long, List<Cell>> cells = views.cells(evaluation.id(), children.stream().map(OrgNode::id).toList(),
                user.scope()).stream().collect(Collectors.groupingBy(Cell::nodeId));
        List<MatrixRow> rows = new ArrayList<>();
        for (OrgNode child : children) {
            List<Cell> own = cells.get(child.id());
            if (own == null) {
                continue; // nothing evaluated under it (e.g. a village)
            }
            Map<String, List<Cell>> byCategory = own.stream().filter(c -> indicators.containsKey(c.indicatorCode()))
                    .collect(Collectors.groupingBy(c -> indicators.get(c.indicatorCode()).categoryCode()));
            List<MatrixCell> row = pack.categories().stream().map(cat -> {
                List<Cell> in = byCategory.getOrDefault(cat.code(), List.of());
                String worst = in.stream().map(Cell::colour).filter(c -> c != null).min(Colour.WORST_FIRST)
                        .orElse(null);
                long warnings = in.stream().filter(c -> c.colour() != null && !Colour.GREEN.is(c.colour())).count();
                long red = in.stream().filter(c -> Colour.RED.is(c.colour())).count();
                return new MatrixCell(worst, warnings, red);
            }).toList();
            rows.add(new MatrixRow(child, row, count(own.stream().map(Cell::colour).toList())));
        }
        rows.sort(Comparator.comparingLong((MatrixRow r) -> r.counts().of(Colour.RED)).reversed()
                .thenComparing(r -> r.node().code()));
        return rows;
    }

    List<OrgNode> breadcrumbs(OrgNode node, CurrentUser user) {
        List<OrgNode> crumbs = new ArrayList<>(tree.ancestors(node, user.scope()));
        crumbs.removeIf(n -> n.id() == node.id());
        return crumbs;
    }

    static Counts count(List<String> colours) {
        Map<Colour, Long> counts = new EnumMap<>(Colour.class);
        colours.stream().filter(c -> c != null).forEach(c -> counts.merge(Colour.of(c), 1L, Long::sum));
        return new Counts(counts);
    }
}
