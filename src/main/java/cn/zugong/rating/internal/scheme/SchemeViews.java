package cn.zugong.rating.internal.scheme;

import cn.zugong.org.PartySector;
import cn.zugong.rating.Criterion;
import cn.zugong.rating.Dimension;
import cn.zugong.rating.RatingMetric;
import cn.zugong.rating.RatingScheme;
import cn.zugong.rating.RatingSchemes;
import cn.zugong.rating.StarBand;
import cn.zugong.rating.StarMode;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.legend.LegendRange;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The schemes as the scheme pages and their API show them: plain values (sectors as labels, the metric of a computed
 * criterion with its label, 口径 and points table, the star rule in words), never the parser's internals.
 */
@Service
class SchemeViews {

    record Summary(String code, String version, String name, List<String> sectors, BigDecimal total, String starMode,
                   String starUnit, int maxStars, String starRule, boolean latest, int criteria, int computed) {
    }

    record Detail(String code, String version, String name, String description, List<String> sectors,
                  BigDecimal total, String starMode, String starUnit, int maxStars, String starRule, boolean latest,
                  List<Band> bands, List<DimensionView> dimensions, List<VetoView> vetoes, List<StrongView> strong,
                  List<MetricView> metrics) {
    }

    record Band(int stars, BigDecimal min, String label) {
    }

    record DimensionView(String code, String name, BigDecimal max, BigDecimal starAt, String starName,
                         List<CriterionView> criteria) {
    }

    /** metricPoints: from (inclusive) to (exclusive, null = no upper end) → points, highest first. */
    record CriterionView(String code, String name, String kind, String kindLabel, BigDecimal points,
                         BigDecimal perItem, String standard, String evidence, String metric, String metricLabel,
                         List<Step> metricPoints) {
    }

    record Step(BigDecimal from, BigDecimal to, int points) {
    }

    record VetoView(String code, String name) {
    }

    record StrongView(String code, String name, List<String> dimensions, BigDecimal minShare) {
    }

    record MetricView(String code, String label, String definition, String source) {
    }

    private final RatingSchemes schemes;
    private final Map<String, RatingMetric> metrics;

    SchemeViews(RatingSchemes schemes, ObjectProvider<RatingMetric> metrics) {
        this.schemes = schemes;
        this.metrics = metrics.orderedStream().collect(Collectors.toMap(RatingMetric::code, Function.identity(),
                (a, b) -> a, TreeMap::new));
    }

    List<Summary> all() {
        return schemes.all().stream().map(s -> new Summary(s.code(), s.version(), s.name(), sectors(s), s.total(),
                s.starMode().name(), s.starUnit(), s.maxStars(), starRule(s), latest(s), s.criteria().size(),
                (int) s.criteria().stream().filter(Criterion::computed).count())).toList();
    }

    Detail detail(String code, String version) {
        RatingScheme s = schemes.find(code, version)
                .orElseThrow(() -> new NotFoundException("评定方案不存在：" + code + " " + version));
        List<Band> bands = s.starBands().stream().sorted(Comparator.comparingInt(StarBand::stars).reversed())
                .map(b -> new Band(b.stars(), b.min(), b.label())).toList();
        List<DimensionView> dimensions = s.dimensions().stream().map(this::dimension).toList();
        List<MetricView> used = s.criteria().stream().filter(Criterion::computed).map(Criterion::metric).distinct()
                .map(m -> metrics.get(m)).filter(java.util.Objects::nonNull)
                .map(m -> new MetricView(m.code(), m.label(), m.definition(), m.source())).toList();
        return new Detail(s.code(), s.version(), s.name(), s.description(), sectors(s), s.total(), s.starMode().name(),
                s.starUnit(), s.maxStars(), starRule(s), latest(s), bands, dimensions,
                s.vetoes().stream().map(v -> new VetoView(v.code(), v.name())).toList(),
                s.strong().stream().map(c -> new StrongView(c.code(), c.name(), c.dimensions().stream()
                        .map(d -> dimensionName(s, d)).toList(), c.minShare())).toList(), used);
    }

    /** Every metric the application provides (the guide's table, the list page's footnote). */
    List<MetricView> metrics() {
        return metrics.values().stream().map(m -> new MetricView(m.code(), m.label(), m.definition(), m.source()))
                .toList();
    }

    private DimensionView dimension(Dimension d) {
        return new DimensionView(d.code(), d.name(), d.max(), d.starAt(), d.starName(),
                d.criteria().stream().map(this::criterion).toList());
    }

    private CriterionView criterion(Criterion c) {
        List<Step> steps = c.computed() ? c.metricPoints().ranges().stream()
                .sorted(Comparator.comparing(LegendRange::from).reversed())
                .map(r -> new Step(r.from(), r.to(), r.points())).toList() : List.of();
        RatingMetric m = c.computed() ? metrics.get(c.metric()) : null;
        return new CriterionView(c.code(), c.name(), c.kind().name(), c.kind().label(), c.points(), c.perItem(),
                c.standard(), c.evidence(), c.metric(), m == null ? null : m.label(), steps);
    }

    private static List<String> sectors(RatingScheme s) {
        return s.appliesTo().stream().sorted().map(PartySector::label).toList();
    }

    private boolean latest(RatingScheme s) {
        return schemes.latest(s.code()).map(l -> l.version().equals(s.version())).orElse(false);
    }

    private static String dimensionName(RatingScheme s, String code) {
        return s.dimensions().stream().filter(d -> d.code().equals(code)).map(Dimension::name).findFirst()
                .orElse(code);
    }

    /** The star rule in one line, e.g. 按总分：五星 ≥ 900 分，四星 ≥ 800 分 …; or one 星/强 per dimension. */
    static String starRule(RatingScheme s) {
        if (s.starMode() == StarMode.TOTAL) {
            return "按总分：" + s.starBands().stream().sorted(Comparator.comparingInt(StarBand::stars).reversed())
                    .map(b -> b.label() + " ≥ " + b.min().stripTrailingZeros().toPlainString() + " 分")
                    .collect(Collectors.joining("，"));
        }
        return "按维度：" + s.dimensions().stream().map(d -> d.starName() + " ≥ "
                + d.starAt().stripTrailingZeros().toPlainString() + " 分").collect(Collectors.joining("，"))
                + "（每达到一项得 1 " + s.starUnit() + "）";
    }
}
