package cn.zugong.annual.internal;

import cn.zugong.annual.internal.Catalogue.Figure;
import cn.zugong.annual.internal.Catalogue.Paragraph;
import cn.zugong.annual.internal.Catalogue.Section;
import cn.zugong.annual.internal.ReviewRecords.ChartRow;
import cn.zugong.annual.internal.ReviewRecords.FrozenFigure;
import cn.zugong.annual.internal.ReviewRecords.Review;
import cn.zugong.annual.internal.ReviewRecords.StoredParagraph;
import cn.zugong.annual.internal.ReviewView.ChartView;
import cn.zugong.annual.internal.ReviewView.ParagraphView;
import cn.zugong.annual.internal.ReviewView.SectionView;
import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.figures.FigureRecords;
import cn.zugong.shared.figures.FigureSource;
import cn.zugong.shared.figures.Measure;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates, reads, edits and publishes reviews. Generation asks each registered source once per period (this one and
 * the same span a year earlier) and the chart's source once per child node, freezes the figures and writes the
 * catalogue's sentences whose figures exist as paragraphs with tokens.
 */
@Service
class ReviewService implements cn.zugong.annual.AnnualReviews {

    static final int RECORD_ROWS = 200;
    private static final int MAX_BODY = 4000;

    private final AnnualCatalogue catalogue;
    private final ReviewRepository repository;
    private final OrgTree tree;
    private final AuditTrail audit;
    private final Clock clock;

    ReviewService(AnnualCatalogue catalogue, ReviewRepository repository, OrgTree tree, AuditTrail audit, Clock clock) {
        this.catalogue = catalogue;
        this.repository = repository;
        this.tree = tree;
        this.audit = audit;
        this.clock = clock;
    }

    /** The period asked for: a calendar year, or from–to; default the current year. */
    LocalDate[] period(Integer year, LocalDate from, LocalDate to) {
        if (from != null || to != null) {
            if (from == null || to == null) {
                throw new BadRequestException("请同时填写开始日期和结束日期");
            }
            if (to.isBefore(from)) {
                throw new BadRequestException("统计期间不正确：结束日期早于开始日期");
            }
            return new LocalDate[] {from, to};
        }
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        if (y < 2000 || y > 2100) {
            throw new BadRequestException("年份不正确：" + y);
        }
        return new LocalDate[] {LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)};
    }

    @Transactional
    long generate(Long nodeId, LocalDate from, LocalDate to, CurrentUser user) {
        AnnualAccess.requireWriter(user);
        OrgNode node = tree.get(nodeId == null ? user.scope().nodeId() : nodeId, user.scope());
        if (!node.kind().isDivision()) {
            throw new BadRequestException("年度回顾按行政区域生成（市、县（市、区）、乡镇（街道））：「" + node.name() + "」不是行政区域");
        }
        long id = generate(node, from, to, user.username());
        audit.record(AuditEvent.of(AuditAction.CREATE, "annual_review", id,
                "生成年度回顾草稿：" + node.name() + " " + from + "至" + to));
        return id;
    }

    @Override
    public boolean exists(long nodeId, LocalDate from, LocalDate to) {
        return repository.exists(nodeId, from, to);
    }

    @Override
    @Transactional
    public long generateDraft(OrgNode node, LocalDate from, LocalDate to, String by) {
        long id = generate(node, from, to, by);
        audit.record(AuditEvent.of(AuditAction.CREATE, "annual_review", id,
                "生成年度回顾草稿：" + node.name() + " " + from + "至" + to).by(by));
        return id;
    }

    /** Writes a new draft of the node and period (no access check: the caller's). */
    long generate(OrgNode node, LocalDate from, LocalDate to, String by) {
        Catalogue c = catalogue.catalogue();
        OrgScope scope = node.asScope();
        LocalDate prevFrom = from.minusYears(1);
        LocalDate prevTo = to.minusYears(1);
        Map<String, Map<String, BigDecimal>> now = new HashMap<>();
        Map<String, Map<String, BigDecimal>> before = new HashMap<>();
        List<FrozenFigure> frozen = new ArrayList<>();
        for (Figure f : c.figures()) {
            FigureSource source = catalogue.source(f.source()).orElse(null);
            if (source == null) {
                continue;
            }
            BigDecimal value = now.computeIfAbsent(f.source(), k -> source.values(scope, from, to)).get(f.measure());
            BigDecimal previous = before.computeIfAbsent(f.source(), k -> source.values(scope, prevFrom, prevTo))
                    .get(f.measure());
            Measure m = catalogue.measure(f);
            frozen.add(new FrozenFigure(f.key(), f.name(), f.source(), f.measure(), f.unit(), f.phrase(),
                    m.kind().name(), m.definition(), orZero(value), orZero(previous)));
        }
        long id = repository.insert(node.id(), node.name(), node.path(), from, to, catalogue.missingModules(),
                LocalDateTime.now(clock), by);
        for (int i = 0; i < frozen.size(); i++) {
            repository.insertFigure(id, i, frozen.get(i));
        }
        Map<String, FrozenFigure> byKey = frozen.stream()
                .collect(Collectors.toMap(FrozenFigure::key, f -> f, (a, b) -> a, LinkedHashMap::new));
        List<OrgNode> children = tree.children(node.id(), scope).stream().filter(n -> n.kind().isDivision()).toList();
        for (Section s : c.sections()) {
            if (s.unavailable() != null) {
                continue;
            }
            chartFigure(s, byKey).ifPresent(key -> chart(id, s, c.figure(key).orElseThrow(), children, from, to));
            int position = 0;
            for (Paragraph p : s.paragraphs()) {
                String body = p.sentences().stream().filter(t -> writable(t, byKey)).map(Tokens::toStored)
                        .collect(Collectors.joining());
                if (!body.isEmpty()) {
                    repository.insertParagraph(id, s.key(), position++, p.heading(), body);
                }
            }
        }
        return id;
    }

    private void chart(long id, Section s, Figure f, List<OrgNode> children, LocalDate from, LocalDate to) {
        FigureSource source = catalogue.source(f.source()).orElseThrow();
        int position = 0;
        for (OrgNode child : children) {
            BigDecimal value = source.values(child.asScope(), from, to).get(f.measure());
            BigDecimal previous = source.values(child.asScope(), from.minusYears(1), to.minusYears(1))
                    .get(f.measure());
            repository.insertChart(id, position++, new ChartRow(s.key(), child.id(), child.name(), orZero(value),
                    orZero(previous)));
        }
    }

    /**
     * The section's chart figure: the catalogue's, or while its module is not built the first figure of the section's
     * sentences that the platform has, so that each section with numbers has its chart.
     */
    static java.util.Optional<String> chartFigure(Section s, Map<String, ?> available) {
        if (s.chart() == null) {
            return java.util.Optional.empty();
        }
        if (available.containsKey(s.chart().figure())) {
            return java.util.Optional.of(s.chart().figure());
        }
        return s.paragraphs().stream().flatMap(p -> p.sentences().stream()).flatMap(t -> Tokens.inTemplate(t).stream())
                .map(Tokens.Token::key).filter(available::containsKey).findFirst();
    }

    /**
     * A sentence is written when every figure it names exists, every change it states has a previous value and at
     * least one of its figures is not zero: a review says what was done, never 「组建0个专项考核组」.
     */
    static boolean writable(String template, Map<String, FrozenFigure> figures) {
        boolean somethingDone = false;
        for (Tokens.Token t : Tokens.inTemplate(template)) {
            FrozenFigure f = figures.get(t.key());
            if (f == null || (t.form() == Tokens.Form.CHANGE && f.change().isEmpty())) {
                return false;
            }
            somethingDone |= f.value() != null && f.value().signum() != 0;
        }
        return somethingDone;
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    // ---- reading ---------------------------------------------------------------------------------------

    Review review(long id, CurrentUser user) {
        AnnualAccess.requireReader(user);
        return AnnualAccess.inScope(repository.find(id).orElseThrow(() -> AnnualAccess.notFound(id)), user);
    }

    List<Review> list(CurrentUser user) {
        AnnualAccess.requireReader(user);
        return repository.list(user.scope(), 200);
    }

    ReviewView view(long id, CurrentUser user) {
        return view(review(id, user));
    }

    ReviewView view(Review review) {
        Map<String, FrozenFigure> figures = repository.figures(review.id()).stream()
                .collect(Collectors.toMap(FrozenFigure::key, f -> f, (a, b) -> a, LinkedHashMap::new));
        return view(review, figures, repository.paragraphs(review.id()));
    }

    private ReviewView view(Review review, Map<String, FrozenFigure> figures, List<StoredParagraph> stored) {
        Catalogue c = catalogue.catalogue();
        Map<String, List<ChartRow>> charts = repository.charts(review.id()).stream()
                .collect(Collectors.groupingBy(ChartRow::sectionKey));
        List<SectionView> sections = new ArrayList<>();
        for (Section s : c.sections()) {
            List<ParagraphView> paragraphs = stored.stream().filter(p -> p.sectionKey().equals(s.key()))
                    .map(p -> new ParagraphView(p.id(), p.heading(), p.body(), ReviewView.pieces(p.body(), figures)))
                    .toList();
            ChartView chart = null;
            String chartKey = chartFigure(s, figures).orElse(null);
            if (chartKey != null && charts.containsKey(s.key()) && charts.get(s.key()).stream()
                    .anyMatch(r -> r.value().signum() != 0 || r.previous().signum() != 0)) {
                FrozenFigure f = figures.get(chartKey);
                String title = chartKey.equals(s.chart().figure()) ? s.chart().title() : f.name();
                chart = new ChartView(f.key(), title, f.unit(), charts.get(s.key()));
            }
            String note = s.unavailable();
            if (note == null && paragraphs.isEmpty()) {
                boolean built = s.paragraphs().stream().flatMap(p -> p.sentences().stream())
                        .flatMap(t -> Tokens.inTemplate(t).stream()).anyMatch(t -> figures.containsKey(t.key()));
                note = built ? "本期本范围内没有可写入本节的数字（各项均为 0），请按实际情况撰写。"
                        : "本节所需数据的模块尚未在平台建设，本节不生成数字，请按实际情况撰写。";
            }
            sections.add(new SectionView(s.key(), s.title(), note, chart, paragraphs));
        }
        return new ReviewView(review, sections, figures);
    }

    /** The records behind a figure of the review (provenance), from its source, audited. */
    @Transactional
    Provenance provenance(long id, String key, CurrentUser user) {
        Review review = review(id, user);
        FrozenFigure figure = repository.figures(id).stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> new NotFoundException("这份年度回顾没有这个数字：" + key));
        FigureSource source = catalogue.source(figure.source())
                .orElseThrow(() -> new NotFoundException("数字的来源模块未在平台建设：" + figure.source()));
        OrgScope scope = new OrgScope(review.nodeId(), review.nodePath());
        FigureRecords records = source.records(figure.measure(), scope, review.from(), review.to(), user,
                RECORD_ROWS);
        audit.record(AuditEvent.read("annual_review_figure", id + ":" + key,
                "查看年度回顾数字来源：" + review.title() + " · " + figure.name()));
        return new Provenance(review, figure, catalogue.catalogue().sourceName(figure.source()), records,
                source.page(scope, review.from(), review.to()));
    }

    record Provenance(Review review, FrozenFigure figure, String sourceName, FigureRecords records, String page) {
    }

    // ---- editing ---------------------------------------------------------------------------------------

    /** The edited paragraphs as they would read, refused like a save when a token is bad; nothing is written. */
    ReviewView preview(long id, Map<Long, String> bodies, CurrentUser user) {
        Review review = review(id, user);
        AnnualAccess.requireWriter(user);
        ReviewView current = view(review);
        return view(review, current.figures(), edited(review, current, bodies));
    }

    @Transactional
    void edit(long id, Map<Long, String> bodies, CurrentUser user) {
        AnnualAccess.requireReader(user);
        Review review = AnnualAccess.inScope(repository.lock(id).orElseThrow(() -> AnnualAccess.notFound(id)), user);
        AnnualAccess.requireWriter(user);
        if (review.published()) {
            throw new ConflictException("年度回顾已发布，不能再修改；如需调整请重新生成草稿");
        }
        ReviewView current = view(review);
        List<StoredParagraph> after = edited(review, current, bodies);
        Map<Long, String> changedBefore = new LinkedHashMap<>();
        Map<Long, String> changedAfter = new LinkedHashMap<>();
        for (StoredParagraph p : after) {
            String old = current.sections().stream().flatMap(s -> s.paragraphs().stream())
                    .filter(x -> x.id() == p.id()).findFirst().orElseThrow().body();
            if (!old.equals(p.body())) {
                repository.updateParagraph(p.id(), p.body());
                changedBefore.put(p.id(), old);
                changedAfter.put(p.id(), p.body());
            }
        }
        repository.edited(id, LocalDateTime.now(clock), user.username());
        audit.record(AuditEvent.change(AuditAction.UPDATE, "annual_review", id, changedBefore, changedAfter));
    }

    /** The review's paragraphs with the new bodies, every token checked against the review's figures. */
    private List<StoredParagraph> edited(Review review, ReviewView current, Map<Long, String> bodies) {
        List<StoredParagraph> out = new ArrayList<>();
        int n = 0;
        Map<Long, ParagraphView> known = new LinkedHashMap<>();
        current.sections().forEach(s -> s.paragraphs().forEach(p -> known.put(p.id(), p)));
        for (Long pid : bodies.keySet()) {
            if (!known.containsKey(pid)) {
                throw new BadRequestException("段落不属于这份年度回顾：" + pid);
            }
        }
        for (SectionView s : current.sections()) {
            for (ParagraphView p : s.paragraphs()) {
                n++;
                String body = java.util.Objects.requireNonNullElse(bodies.getOrDefault(p.id(), p.body()), "").strip();
                check(n, s.title(), p.heading(), body, current.figures());
                out.add(new StoredParagraph(p.id(), s.key(), n, p.heading(), body));
            }
        }
        return out;
    }

    private static void check(int n, String section, String heading, String body, Map<String, FrozenFigure> figures) {
        String where = "第" + n + "段（" + section + (heading == null ? "" : "·" + heading) + "）";
        if (body.isEmpty()) {
            throw new BadRequestException(where + "不能为空");
        }
        if (body.length() > MAX_BODY) {
            throw new BadRequestException(where + "过长：最多" + MAX_BODY + "字");
        }
        for (Tokens.Token t : Tokens.inStored(body)) {
            if (!figures.containsKey(t.key())) {
                throw new BadRequestException(where + "中的数字标记 {{" + t.text() + "}} 无效：本回顾没有数字「" + t.key() + "」");
            }
            if (t.form() == null) {
                throw new BadRequestException(where + "中的数字标记 {{" + t.text()
                        + "}} 无效：只能写 {{数字}}、{{数字.exact}} 或 {{数字.change}}");
            }
            if (t.form() == Tokens.Form.CHANGE && figures.get(t.key()).change().isEmpty()) {
                throw new BadRequestException(where + "中的数字标记 {{" + t.text() + "}} 无效：上年同期没有数字，无法比较");
            }
        }
        if (Tokens.hasStrayBraces(body)) {
            throw new BadRequestException(where + "中有不完整的数字标记（{{ 或 }} 未配对）");
        }
    }

    @Transactional
    void publish(long id, CurrentUser user) {
        AnnualAccess.requireReader(user);
        Review review = AnnualAccess.inScope(repository.lock(id).orElseThrow(() -> AnnualAccess.notFound(id)), user);
        AnnualAccess.requirePublisher(user);
        if (review.published()) {
            throw new ConflictException("年度回顾已发布");
        }
        repository.publish(id, LocalDateTime.now(clock), user.username());
        audit.record(AuditEvent.of(AuditAction.UPDATE, "annual_review", id, "发布年度回顾：" + review.title()));
    }

    Catalogue catalogue() {
        return catalogue.catalogue();
    }

    List<String> missingModules() {
        return catalogue.missingModules();
    }
}
