package cn.zugong.healthcheck.internal;

import cn.zugong.indicator.Evaluation;
import cn.zugong.indicator.EvaluationViews.Cell;
import cn.zugong.indicator.EvaluationViews;
import cn.zugong.indicator.Indicator;
import cn.zugong.indicator.IndicatorPack;
import cn.zugong.indicator.IndicatorPacks;
import cn.zugong.indicator.PackCategory;
import cn.zugong.indicator.PackModule;
import cn.zugong.org.NodeKind;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.legend.Colour;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The leaders' big screen (一张屏) of the health check, as one JSON document: the scope's units as a
 * tree map (area = head-count, colour = warning level), warnings by module and category, the top
 * problems, and the trend over evaluations. Everything is counted over units inside the caller's scope.
 *
 * <p>Almost every unit has at least one red indicator among 296, so colouring by the single worst
 * warning would paint the map red; the map is coloured by the share of red indicators instead, on a
 * fixed scale (≥ 15% 红, ≥ 8% 黄, ≥ 3% 蓝, else 绿) shown on the screen, and the tooltip gives the counts.
 */
@Component
class ScreenData {

    static final double RED_SHARE = 0.15;
    static final double YELLOW_SHARE = 0.08;
    static final double BLUE_SHARE = 0.03;

    private final HealthCheckViews views;
    private final EvaluationViews evaluationViews;
    private final IndicatorPacks packs;
    private final OrgTree tree;

    ScreenData(HealthCheckViews views, EvaluationViews evaluationViews, IndicatorPacks packs, OrgTree tree) {
        this.views = views;
        this.evaluationViews = evaluationViews;
        this.packs = packs;
        this.tree = tree;
    }

    public record Block(long id, String name, long value, long red, long yellow, long blue, long evaluated, String level,
                 List<Block> children) {
    }

    public record Bar(String name, long red, long yellow, long blue) {
    }

    public record Problem(String code, String name, long redUnits) {
    }

    public record Trend(String asOf, long red, long yellow, long blue) {
    }

    public record Screen(long nodeId, String nodeName, long evaluationId, String asOf, long units, long people,
                  long red, long yellow, long blue, List<Block> map, List<Bar> modules, List<Bar> categories,
                  List<Problem> problems, List<Trend> trend) {
    }

    Screen of(CurrentUser user, long nodeId, Long evaluationId) {
        OrgNode node = tree.get(nodeId, user.scope());
        Evaluation evaluation = views.evaluationFor(node, evaluationId);
        if (evaluation == null) {
            throw new NotFoundException("该范围尚未开展数字体检");
        }
        IndicatorPack pack = packs.get(evaluation.pack());
        String headcountCode = pack.indicators().stream().filter(i -> i.name().equals(ReportData.HEADCOUNT))
                .map(Indicator::code).findFirst().orElse("");
        List<OrgNode> units = tree.units(node.asScope());
        Map<Long, List<Cell>> cells = new HashMap<>();
        for (int from = 0; from < units.size(); from += 500) {
            List<Long> ids = units.subList(from, Math.min(units.size(), from + 500)).stream().map(OrgNode::id).toList();
            evaluationViews.cells(evaluation.id(), ids, user.scope())
                    .forEach(c -> cells.computeIfAbsent(c.nodeId(), k -> new ArrayList<>()).add(c));
        }
        Map<Long, Block> unitBlocks = new LinkedHashMap<>();
        for (OrgNode unit : units) {
            List<Cell> own = cells.get(unit.id());
            if (own != null) {
                unitBlocks.put(unit.id(), block(unit, own, headcountCode, List.of()));
            }
        }
        List<Block> map = new ArrayList<>();
        for (OrgNode child : tree.children(node.id(), user.scope())) {
            if (child.kind() == NodeKind.PARTY_ORG) {
                continue;
            }
            if (unitBlocks.containsKey(child.id())) {
                map.add(unitBlocks.get(child.id()));
                continue;
            }
            List<Block> inside = units.stream().filter(u -> u.path().startsWith(child.path()))
                    .map(u -> unitBlocks.get(u.id())).filter(b -> b != null).toList();
            if (!inside.isEmpty()) {
                map.add(sum(child, inside));
            }
        }
        if (node.isUnit() && unitBlocks.containsKey(node.id())) {
            map.add(unitBlocks.get(node.id()));
        }

        Map<String, Map<String, Long>> counts = evaluationViews.unitColourCounts(evaluation.id(), node.asScope());
        Map<String, long[]> byCategory = new HashMap<>();
        counts.forEach((code, colours) -> pack.indicator(code).ifPresent(i -> {
            long[] c = byCategory.computeIfAbsent(i.categoryCode(), k -> new long[3]);
            c[0] += colours.getOrDefault(Colour.RED.code(), 0L);
            c[1] += colours.getOrDefault(Colour.YELLOW.code(), 0L);
            c[2] += colours.getOrDefault(Colour.BLUE.code(), 0L);
        }));
        List<Bar> categories = new ArrayList<>();
        List<Bar> modules = new ArrayList<>();
        for (PackModule m : pack.modules()) {
            long[] total = new long[3];
            for (PackCategory c : m.categories()) {
                long[] v = byCategory.getOrDefault(c.code(), new long[3]);
                categories.add(new Bar(c.name(), v[0], v[1], v[2]));
                for (int k = 0; k < 3; k++) {
                    total[k] += v[k];
                }
            }
            modules.add(new Bar(m.name(), total[0], total[1], total[2]));
        }
        List<Problem> problems = counts.entrySet().stream()
                .filter(e -> e.getValue().getOrDefault(Colour.RED.code(), 0L) > 0
                        && pack.indicator(e.getKey()).isPresent())
                .map(e -> new Problem(e.getKey(), pack.indicator(e.getKey()).get().name(),
                        e.getValue().get(Colour.RED.code())))
                .sorted(Comparator.comparingLong(Problem::redUnits).reversed().thenComparing(Problem::code))
                .limit(10).toList();
        Map<Long, long[]> trendCounts = new LinkedHashMap<>();
        Map<Long, String> trendDates = new HashMap<>();
        evaluationViews.colourTrend(HealthCheckViews.PACK, node.path(), node.asScope()).forEach(c -> {
            long[] v = trendCounts.computeIfAbsent(c.evaluationId(), k -> new long[3]);
            trendDates.put(c.evaluationId(), c.asOf().toString());
            int k = Colour.WARNINGS.indexOf(Colour.of(c.colour()));
            if (k >= 0) {
                v[k] += c.count();
            }
        });
        List<Trend> trend = trendCounts.entrySet().stream()
                .map(e -> new Trend(trendDates.get(e.getKey()), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .toList();
        long red = unitBlocks.values().stream().mapToLong(Block::red).sum();
        long yellow = unitBlocks.values().stream().mapToLong(Block::yellow).sum();
        long blue = unitBlocks.values().stream().mapToLong(Block::blue).sum();
        long people = unitBlocks.values().stream().mapToLong(Block::value).sum();
        return new Screen(node.id(), node.name(), evaluation.id(), evaluation.asOf().toString(), unitBlocks.size(),
                people, red, yellow, blue, map, modules, categories, problems, trend);
    }

    private static Block block(OrgNode unit, List<Cell> cells, String headcountCode, List<Block> children) {
        Map<String, Long> colours = cells.stream().filter(c -> c.colour() != null)
                .collect(Collectors.groupingBy(Cell::colour, Collectors.counting()));
        long headcount = cells.stream().filter(c -> c.indicatorCode().equals(headcountCode) && c.value() != null)
                .mapToLong(c -> c.value().longValue()).findFirst().orElse(1);
        long evaluated = colours.values().stream().mapToLong(Long::longValue).sum();
        long red = colours.getOrDefault(Colour.RED.code(), 0L);
        return new Block(unit.id(), unit.name(), Math.max(1, headcount), red,
                colours.getOrDefault(Colour.YELLOW.code(), 0L),
                colours.getOrDefault(Colour.BLUE.code(), 0L), evaluated, level(red, evaluated), children);
    }

    private static Block sum(OrgNode node, List<Block> inside) {
        long red = inside.stream().mapToLong(Block::red).sum();
        long evaluated = inside.stream().mapToLong(Block::evaluated).sum();
        return new Block(node.id(), node.name(), inside.stream().mapToLong(Block::value).sum(), red,
                inside.stream().mapToLong(Block::yellow).sum(), inside.stream().mapToLong(Block::blue).sum(),
                evaluated, level(red, evaluated), inside);
    }

    static String level(long red, long evaluated) {
        double share = evaluated == 0 ? 0 : (double) red / evaluated;
        Colour level = share >= RED_SHARE ? Colour.RED : share >= YELLOW_SHARE ? Colour.YELLOW
                : share >= BLUE_SHARE ? Colour.BLUE : Colour.GREEN;
        return level.code();
    }
}
