package cn.zugong.healthcheck.internal;

import cn.zugong.calendar.WorkCalendar;
import cn.zugong.closure.ClosureFilter;
import cn.zugong.closure.ClosureItem;
import cn.zugong.closure.ClosureItems;
import cn.zugong.closure.ClosureKind;
import cn.zugong.closure.NewClosureItem;
import cn.zugong.indicator.Evaluation;
import cn.zugong.indicator.Evaluations;
import cn.zugong.indicator.Indicator;
import cn.zugong.indicator.IndicatorPack;
import cn.zugong.indicator.IndicatorPacks;
import cn.zugong.indicator.IndicatorResult;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.PageResult;
import cn.zugong.shared.Role;
import cn.zugong.shared.legend.Colour;
import cn.zugong.shared.legend.Legend;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 整改: health-check warnings put on the shared closure workflow. From an evaluation an administrator
 * generates the list for the own scope — every RED unit × indicator — and may add YELLOW ones one by one;
 * a unit × indicator that already has an open item is not added again.
 */
@Service
class Rectifications {

    static final String KIND = "HEALTHCHECK_RECTIFICATION";

    /** An administrator above the unit dispatches its rectifications. */
    @Bean
    static ClosureKind rectificationKind() {
        return ClosureKind.dispatchedFromAbove(KIND);
    }

    /** A list row: the item and the result it is about. */
    record Line(ClosureItem item, RectificationRepository.Row source, Indicator indicator) {
    }

    record Generated(int created, int skipped, LocalDate deadline) {
    }

    private final ClosureItems items;
    private final RectificationRepository repository;
    private final HealthCheckViews views;
    private final Evaluations evaluations;
    private final cn.zugong.indicator.EvaluationViews evaluationViews;
    private final IndicatorPacks packs;
    private final OrgTree tree;
    private final WorkCalendar calendar;
    private final Clock clock;
    private final int deadlineDays;

    Rectifications(ClosureItems items, RectificationRepository repository, HealthCheckViews views,
                   Evaluations evaluations, cn.zugong.indicator.EvaluationViews evaluationViews, IndicatorPacks packs,
                   OrgTree tree, WorkCalendar calendar, Clock clock,
                   @Value("${zugong.healthcheck.rectification.deadline-days:60}") int deadlineDays) {
        this.items = items;
        this.repository = repository;
        this.views = views;
        this.evaluations = evaluations;
        this.evaluationViews = evaluationViews;
        this.packs = packs;
        this.tree = tree;
        this.calendar = calendar;
        this.clock = clock;
        this.deadlineDays = deadlineDays;
    }

    /** Every RED unit-level result of the evaluation inside the administrator's scope becomes an item. */
    @Transactional
    Generated generate(CurrentUser user, Long evaluationId) {
        requireAdmin(user);
        OrgNode scopeNode = tree.get(user.scope().nodeId(), user.scope());
        Evaluation evaluation = evaluation(scopeNode, evaluationId);
        List<IndicatorResult> reds = evaluationViews.unitResultsOfColour(evaluation.id(), Colour.RED.code(),
                user.scope());
        return add(user, evaluation, reds, "数字体检批次 " + evaluation.id() + " 的红色预警");
    }

    /** One result (YELLOW, or a RED one) an administrator selects on the indicator page. */
    @Transactional
    Generated select(CurrentUser user, Long evaluationId, long unitId, String code) {
        requireAdmin(user);
        OrgNode unit = tree.get(unitId, user.scope());
        if (!unit.isUnit()) {
            throw new NotFoundException("只有单位的预警可以列入整改：" + unit.name());
        }
        Evaluation evaluation = evaluation(unit, evaluationId);
        IndicatorResult result = evaluations.results(evaluation.id(), unit.id(), user.scope()).stream()
                .filter(r -> r.indicatorCode().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("该单位没有这个指标的体检结果：" + code));
        if (!Colour.RED.is(result.colour()) && !Colour.YELLOW.is(result.colour())) {
            throw new cn.zugong.closure.ClosureRuleException("只有红色或黄色预警可以列入整改，该指标为「"
                    + Colour.warningLabel(result.colour()) + "」");
        }
        return add(user, evaluation, List.of(result), unit.name() + " " + code);
    }

    private Generated add(CurrentUser user, Evaluation evaluation, List<IndicatorResult> results, String summary) {
        IndicatorPack pack = packs.get(evaluation.pack());
        Set<String> open = repository.byItems(items.openItems(KIND, user.scope()).stream().map(ClosureItem::id)
                .toList()).values().stream().map(RectificationRepository.Row::key).collect(Collectors.toSet());
        LocalDate deadline = calendar.onOrNextWorkday(LocalDate.now(clock).plusDays(deadlineDays));
        List<NewClosureItem> fresh = new ArrayList<>();
        Map<String, IndicatorResult> byRef = new java.util.HashMap<>();
        for (IndicatorResult r : results) {
            if (open.contains(r.nodeId() + "/" + r.indicatorCode())) {
                continue;
            }
            Indicator indicator = pack.indicator(r.indicatorCode()).orElse(null);
            if (indicator == null) {
                continue;
            }
            String ref = evaluation.id() + "/" + r.nodeId() + "/" + r.indicatorCode();
            byRef.put(ref, r);
            fresh.add(new NewClosureItem(KIND, ref, r.nodeId(), r.colour(), "【" + Colour.warningLabel(r.colour()) + "】"
                    + indicator.name() + " " + Values.show(indicator, r.value()), r.advice(), deadline));
        }
        Map<String, Long> ids = items.registerAll(fresh, user, summary);
        repository.insertAll(ids.entrySet().stream().map(e -> {
            IndicatorResult r = byRef.get(e.getKey());
            return new RectificationRepository.Row(e.getValue(), evaluation.id(), r.nodeId(), r.indicatorCode(),
                    r.colour(), r.value());
        }).toList());
        return new Generated(ids.size(), results.size() - ids.size(), deadline);
    }

    PageResult<Line> page(CurrentUser user, ClosureFilter filter) {
        PageResult<ClosureItem> page = items.find(filter, user);
        Map<Long, RectificationRepository.Row> sources = repository.byItems(page.items().stream()
                .map(ClosureItem::id).toList());
        IndicatorPack pack = packs.latest(HealthCheckViews.PACK);
        List<Line> lines = page.items().stream().filter(i -> sources.containsKey(i.id()))
                .map(i -> new Line(i, sources.get(i.id()), pack.indicator(sources.get(i.id()).indicatorCode())
                        .orElse(null))).toList();
        return new PageResult<>(lines, page.page(), page.size(), page.total());
    }

    Line line(CurrentUser user, long itemId) {
        ClosureItem item = items.get(itemId, user);
        if (!item.kind().equals(KIND)) {
            throw new NotFoundException("整改事项不存在：" + itemId);
        }
        RectificationRepository.Row source = repository.find(itemId).orElseThrow(
                () -> new NotFoundException("整改事项不存在：" + itemId));
        return new Line(item, source, packs.latest(HealthCheckViews.PACK).indicator(source.indicatorCode())
                .orElse(null));
    }

    private Evaluation evaluation(OrgNode node, Long evaluationId) {
        Evaluation evaluation = views.evaluationFor(node, evaluationId);
        if (evaluation == null) {
            throw new NotFoundException("该范围尚未开展数字体检");
        }
        return evaluation;
    }

    private static void requireAdmin(CurrentUser user) {
        if (user.role() != Role.ADMIN) {
            throw new ForbiddenException("只有组织部管理员可以生成整改清单");
        }
    }
}
