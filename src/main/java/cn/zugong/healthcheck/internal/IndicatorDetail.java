package cn.zugong.healthcheck.internal;

import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.indicator.Evaluation;
import cn.zugong.indicator.EvaluationViews.TrendPoint;
import cn.zugong.indicator.EvaluationViews;
import cn.zugong.indicator.Evaluations;
import cn.zugong.indicator.Indicator;
import cn.zugong.indicator.IndicatorPacks;
import cn.zugong.indicator.IndicatorResult;
import cn.zugong.indicator.ResultChange;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.people.PeopleDirectory;
import cn.zugong.people.PersonCard;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.legend.Colour;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One indicator of one node: its value, the legend, its trend, the children's values, the people behind it. */
@Service
class IndicatorDetail {

    private final HealthCheckViews views;
    private final Evaluations evaluations;
    private final EvaluationViews evaluationViews;
    private final IndicatorPacks packs;
    private final OrgTree tree;
    private final PeopleDirectory people;
    private final AuditTrail audit;
    private final cn.zugong.indicator.WarningRules rules;

    IndicatorDetail(HealthCheckViews views, Evaluations evaluations, EvaluationViews evaluationViews,
                    IndicatorPacks packs, OrgTree tree, PeopleDirectory people, AuditTrail audit,
                    cn.zugong.indicator.WarningRules rules) {
        this.rules = rules;
        this.views = views;
        this.evaluations = evaluations;
        this.evaluationViews = evaluationViews;
        this.packs = packs;
        this.tree = tree;
        this.people = people;
        this.audit = audit;
    }

    /** A child node's result for the indicator. */
    public record ChildValue(OrgNode node, HealthCheckViews.Line line) {
        public IndicatorResult result() {
            return line.result();
        }
    }

    public record View(OrgNode node, List<OrgNode> breadcrumbs, Evaluation evaluation, Indicator indicator,
                       IndicatorResult result, List<TrendPoint> trend, List<ChildValue> children, int rulesVersion) {
        public String trendJson() {
            return Charts.trend(trend);
        }

        public String shown() {
            return result == null ? "—" : Values.show(indicator, Values.level(node), result.value());
        }

        public String show(java.math.BigDecimal value) {
            return Values.show(indicator, Values.level(node), value);
        }

        /** The legend this node's results are coloured with (per-level legends, ADR 053); null: uncoloured. */
        public cn.zugong.shared.legend.Legend legend() {
            return indicator.at(Values.level(node)).legend();
        }

        public String unit() {
            return indicator.unitAt(Values.level(node));
        }

        public String levelRule() {
            return Values.levelRule(indicator, node);
        }

        public String numerator() {
            return result == null ? "" : Values.count(result.numerator());
        }

        public String denominator() {
            return result == null ? "" : Values.count(result.denominator());
        }

        public String css() {
            return result == null ? "zg-none" : Colour.css(result.colour());
        }
    }

    public record People(OrgNode unit, Evaluation evaluation, Indicator indicator, Optional<List<PersonCard>> people) {
    }

    /** One person who entered or left the numerator since the previous evaluation (name null: out of scope). */
    public record MoveLine(long personId, String name, String unitName, boolean movedIn, List<String> reasons) {
        public String direction() {
            return movedIn ? "新计入" : "不再计入";
        }

        public String reason() {
            return String.join("；", reasons);
        }
    }

    /**
     * 与上次相比 for one indicator at one node: the previous evaluation (null: none) and the moves (empty: the
     * numerator is not a head-count of people).
     */
    public record Moves(Evaluation evaluation, Evaluation previous, Optional<List<MoveLine>> lines) {
        public long in() {
            return lines.map(l -> l.stream().filter(MoveLine::movedIn).count()).orElse(0L);
        }

        public long out() {
            return lines.map(l -> l.stream().filter(m -> !m.movedIn()).count()).orElse(0L);
        }
    }

    public record Change(OrgNode node, Indicator indicator, ResultChange change) {
        public String before() {
            return Values.show(indicator, Values.level(node), change.previousValue());
        }

        public String after() {
            return Values.show(indicator, Values.level(node), change.value());
        }
    }

    /** What changed: all counted, the colour changes first, at most {@code SHOWN} listed. */
    public record Changes(int total, long colourChanges, List<Change> shown) {
        static final int SHOWN = 500;
    }

    View indicator(CurrentUser user, long nodeId, String code, Long evaluationId) {
        OrgNode node = tree.get(nodeId, user.scope());
        Evaluation evaluation = required(node, evaluationId);
        Indicator indicator = rules.indicatorOf(evaluation, code); // the legend this evaluation was computed with
        IndicatorResult result = evaluations.results(evaluation.id(), node.id(), user.scope()).stream()
                .filter(r -> r.indicatorCode().equals(code)).findFirst().orElse(null);
        Map<Long, OrgNode> children = tree.children(node.id(), user.scope()).stream()
                .collect(Collectors.toMap(OrgNode::id, Function.identity()));
        List<ChildValue> childValues = evaluations.resultsOfIndicator(evaluation.id(), code, user.scope()).stream()
                .filter(r -> children.containsKey(r.nodeId()))
                .map(r -> new ChildValue(children.get(r.nodeId()), new HealthCheckViews.Line(indicator, r,
                        Values.level(children.get(r.nodeId())))))
                .sorted(Comparator.comparing((ChildValue c) -> c.result().colour(), Comparator.nullsLast(
                        Colour.WORST_FIRST)).thenComparing(c -> c.node().code()))
                .toList();
        return new View(node, views.breadcrumbs(node, user), evaluation, indicator, result,
                evaluationViews.trend(HealthCheckViews.PACK, node.id(), code), childValues, rules.versionOf(evaluation));
    }

    /** The people a unit's head-count numerator counted. Reading them is a read of personal data: audited. */
    @Transactional
    People people(CurrentUser user, long unitId, String code, Long evaluationId) {
        OrgNode unit = tree.get(unitId, user.scope());
        if (!unit.isUnit()) {
            throw new NotFoundException("只有单位可以查看指标涉及的人员：" + unit.name());
        }
        Evaluation evaluation = required(unit, evaluationId);
        Indicator indicator = packs.get(evaluation.pack()).indicator(code)
                .orElseThrow(() -> new NotFoundException("指标不存在：" + code));
        Optional<List<PersonCard>> cards = evaluationViews.numeratorPeople(evaluation, code, unit.id())
                .map(ids -> people.cards(ids, user.scope(), evaluation.asOf()));
        cards.ifPresent(list -> audit.record(AuditEvent.read("unit", unit.id(),
                "查看体检指标涉及人员：" + unit.name() + " · " + indicator.name() + "（" + list.size() + " 人，批次 "
                        + evaluation.id() + "）")));
        return new People(unit, evaluation, indicator, cards);
    }

    /**
     * Who entered and who left the numerator of the indicator at the node since the previous evaluation, with
     * the reasons. Scoped like the people page (names only for people inside the caller's scope) and, when it
     * lists anyone, audited as a read of personal data.
     */
    @Transactional
    Moves moves(CurrentUser user, long nodeId, String code, Long evaluationId) {
        OrgNode node = tree.get(nodeId, user.scope());
        Evaluation evaluation = required(node, evaluationId);
        packs.get(evaluation.pack()).indicator(code).orElseThrow(() -> new NotFoundException("指标不存在：" + code));
        Evaluation previous = evaluations.previous(evaluation.id()).orElse(null);
        if (previous == null) {
            return new Moves(evaluation, null, Optional.of(List.of()));
        }
        Optional<List<MoveLine>> lines = evaluationViews.numeratorMoves(evaluation, previous, code,
                node.asScope().pathPattern()).map(moves -> lines(moves, user, evaluation));
        lines.filter(l -> !l.isEmpty()).ifPresent(l -> audit.record(AuditEvent.read(node.isUnit() ? "unit" : "org_node",
                node.id(), "查看体检指标与上次相比的人员变化：" + node.name() + " · " + code + "（" + l.size() + " 人，批次 "
                        + previous.id() + " → " + evaluation.id() + "）")));
        return new Moves(evaluation, previous, lines);
    }

    private List<MoveLine> lines(List<EvaluationViews.NumeratorMove> moves, CurrentUser user, Evaluation evaluation) {
        Map<Long, PersonCard> cards = people.cards(moves.stream().map(EvaluationViews.NumeratorMove::personId).toList(),
                user.scope(), evaluation.asOf()).stream().collect(Collectors.toMap(PersonCard::id, Function.identity()));
        return moves.stream().map(m -> {
            PersonCard card = cards.get(m.personId());
            return new MoveLine(m.personId(), card == null ? null : card.name(), card == null ? null : card.unitName(),
                    m.movedIn(), m.reasons());
        }).sorted(Comparator.comparing((MoveLine m) -> !m.movedIn()).thenComparing(m -> m.name() == null ? "" : m.name()))
                .toList();
    }

    Changes changes(CurrentUser user, Evaluation evaluation) {
        var indicators = packs.get(evaluation.pack()).indicatorsByCode();
        List<ResultChange> changes = evaluations.changesSincePrevious(evaluation.id(), user.scope());
        Map<Long, OrgNode> nodes = tree.byIds(changes.stream().map(ResultChange::nodeId).distinct().toList());
        List<Change> all = changes.stream()
                .filter(c -> nodes.containsKey(c.nodeId()) && indicators.containsKey(c.indicatorCode()))
                .map(c -> new Change(nodes.get(c.nodeId()), indicators.get(c.indicatorCode()), c))
                .sorted(Comparator.comparing((Change c) -> !c.change().colourChanged())
                        .thenComparing(c -> c.change().colour(), Comparator.nullsLast(Colour.WORST_FIRST))
                        .thenComparing(c -> c.node().path()))
                .toList();
        return new Changes(all.size(), all.stream().filter(c -> c.change().colourChanged()).count(),
                all.stream().limit(Changes.SHOWN).toList());
    }

    private Evaluation required(OrgNode node, Long evaluationId) {
        Evaluation evaluation = views.evaluationFor(node, evaluationId);
        if (evaluation == null) {
            throw new NotFoundException("该范围尚未开展数字体检");
        }
        return evaluation;
    }
}
