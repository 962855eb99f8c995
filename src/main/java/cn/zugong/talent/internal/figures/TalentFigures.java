package cn.zugong.talent.internal.figures;

import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.talent.internal.Classification;
import cn.zugong.talent.internal.code.Outcome;
import cn.zugong.talent.internal.grants.GrantRuns;
import cn.zugong.talent.internal.recognition.RecognitionModel;
import cn.zugong.talent.internal.services.ServiceFigures;
import cn.zugong.talent.internal.support.SupportService;
import cn.zugong.talent.internal.support.SupportViews;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The talent module's figures in the caller's scope for a year: talents by level × field and by district,
 * recognitions by route, status and level, 码上办 by item (the services part's {@link ServiceFigures}), 码上秒享 by
 * benefit (the grants part's {@link GrantRuns#figures} with the paid and pending amounts), 人才码 issued, valid,
 * revoked and verified per day, and 人才诉求 solved (the support part's {@link SupportService#figures}). Each figure
 * of this part is one SQL aggregate; the others are the owning part's own figures, never computed twice.
 */
@Component
public class TalentFigures {

    private final JdbcClient jdbc;
    private final Classification classification;
    private final ServiceFigures services;
    private final GrantRuns grants;
    private final SupportService support;
    private final Clock clock;
    private final cn.zugong.talent.internal.code.CheckCounter checks;

    TalentFigures(JdbcClient jdbc, Classification classification, ServiceFigures services, GrantRuns grants,
                  SupportService support, Clock clock, cn.zugong.talent.internal.code.CheckCounter checks) {
        this.jdbc = jdbc;
        this.checks = checks;
        this.classification = classification;
        this.services = services;
        this.grants = grants;
        this.support = support;
        this.clock = clock;
    }

    // ---- the records (also the JSON of /api/talent/figures) ----

    /** A count with a label (a district, a route, an outcome …). */
    public record Count(String code, String name, long count) {
    }

    /** A field of the classification with its talents per level (the levels' order, then 未认定) and in total. */
    public record FieldRow(String code, String name, boolean key, List<Long> byLevel, long total) {
    }

    /** A district (or the city's own node) with its talents and how many of them are recognised. */
    public record DistrictRow(String name, long talents, long recognised) {
    }

    public record Talents(long total, long recognised, List<String> levels, List<FieldRow> byField,
                          List<Long> levelTotals, long keyFieldTotal, List<DistrictRow> byDistrict) {
    }

    /** A route with its cases per status (the statuses' order) and its decided cases per level. */
    public record RouteRow(String code, String name, List<Long> byStatus, List<Long> decidedByLevel, long total) {
    }

    public record Recognitions(List<String> statuses, List<String> levels, List<RouteRow> byRoute, long total,
                               long decided) {
    }

    public record Services(ServiceFigures.Line total, List<ServiceFigures.Line> byItem) {
    }

    /** A benefit rule: granted (approved or paid runs, the grants part's figure), of it paid, and pending review. */
    public record GrantRow(String code, String name, long talents, long lines, BigDecimal granted, BigDecimal paid,
                           BigDecimal pending) {
    }

    public record Grants(List<GrantRow> byRule, BigDecimal granted, BigDecimal paid, BigDecimal pending) {
    }

    /** A day's verifications by outcome (the outcomes' order). */
    public record Day(LocalDate day, List<Long> byOutcome, long total) {
    }

    /**
     * Codes of the scope's talents by state, and verifications of them; {@code unattributed}: verifications of texts
     * that name no registered code (bad format, unknown key …) — counted only for a scope that is the whole tree.
     */
    public record Codes(long issuedInYear, long valid, long expired, long revoked, long superseded,
                        List<String> outcomes, List<Count> verificationsByOutcome, long verifications,
                        long unattributed, List<Day> perDay) {
    }

    /** The support part's 人才诉求 figures as they are (no year), for the link. */
    public record Requests(long problems, long solved, String solvedRate, Map<String, long[]> byTopic) {
    }

    public record Figures(String scopeName, int year, LocalDate asOf, Talents talents, Recognitions recognitions,
                          Services services, Grants grants, Codes codes, Requests requests) {

        /** Materials reused as a share of needed, in per cent (the headline of 码上办). */
        @com.fasterxml.jackson.annotation.JsonProperty("reduction")
        public BigDecimal reduction() {
            return services.total().reduction();
        }
    }

    // ---- computing ----

    public Figures of(CurrentUser user, int year) {
        check(user, year);
        LocalDate today = LocalDate.now(clock);
        ServiceFigures.Figures s = services.figures(user, year);
        SupportViews.Figures sf = support.figures(user);
        return new Figures(user.scopeName(), year, today, talents(user), recognitions(user, year),
                new Services(s.total(), s.byItem()), grants(user, year), codes(user, year, today),
                new Requests(sf.problems() + sf.otherProblems(), sf.solved() + sf.otherSolved(), sf.solvedRate(),
                        sf.byTopic()));
    }

    private static void check(CurrentUser user, int year) {
        if (!user.role().isOffice()) {
            throw new NotFoundException("页面不存在");
        }
        if (year < 2000 || year > 2100) {
            throw new cn.zugong.shared.BadRequestException("年份 year 应在 2000–2100 之间，实际为 " + year);
        }
    }

    // ---- single figures of the page, for the annual review: each by the same code as the page, nothing else ----

    /** The page's {@code recognitions.decided}: cases of the year decided. */
    public long recognisedInYear(CurrentUser user, int year) {
        check(user, year);
        return recognitions(user, year).decided();
    }

    /** The page's {@code codes.issuedInYear}. */
    public long codesIssuedInYear(CurrentUser user, int year) {
        check(user, year);
        return codeCounts(user, year, LocalDate.now(clock))[0];
    }

    /** The page's {@code services.total} (码上办 applications and materials of the year). */
    public ServiceFigures.Line serviceTotal(CurrentUser user, int year) {
        check(user, year);
        return services.figures(user, year).total();
    }

    /** The page's {@code grants.paid}: paid in the year's batches, over the published rules. */
    public BigDecimal grantsPaid(CurrentUser user, int year) {
        check(user, year);
        Map<String, BigDecimal[]> byStatus = grantsByStatus(user, year);
        BigDecimal paid = BigDecimal.ZERO;
        for (String code : grants.rules().names().keySet()) {
            BigDecimal[] a = byStatus.get(code);
            paid = a == null ? paid : paid.add(a[0]);
        }
        return paid.setScale(2, RoundingMode.HALF_UP);
    }

    private Talents talents(CurrentUser user) {
        List<Classification.Level> levels = classification.levels();
        List<String> levelLabels = new ArrayList<>(levels.stream().map(Classification.Level::label).toList());
        levelLabels.add("未认定");
        Map<String, long[]> cells = new LinkedHashMap<>();
        classification.fields().forEach(f -> cells.put(f.code(), new long[levels.size() + 1]));
        jdbc.sql("select t.field, coalesce(t.level, '') lv, count(*) c from talent t join org_node n on n.id = t.node_id"
                        + " where t.status = 'ACTIVE' and n.path like :scopePath group by t.field, coalesce(t.level, '')")
                .param("scopePath", user.scope().pathPattern())
                .query((rs, i) -> {
                    long[] row = cells.computeIfAbsent(rs.getString("field"), k -> new long[levels.size() + 1]);
                    row[levelIndex(levels, rs.getString("lv"))] += rs.getLong("c");
                    return null;
                }).list();
        List<FieldRow> rows = new ArrayList<>();
        long[] totals = new long[levels.size() + 1];
        long keyTotal = 0;
        for (var e : cells.entrySet()) {
            var field = classification.field(e.getKey());
            long sum = 0;
            for (int i = 0; i < totals.length; i++) {
                totals[i] += e.getValue()[i];
                sum += e.getValue()[i];
            }
            boolean key = field.map(Classification.Field::key).orElse(false);
            keyTotal += key ? sum : 0;
            rows.add(new FieldRow(e.getKey(), field.map(Classification.Field::name).orElse(e.getKey()), key,
                    boxed(e.getValue()), sum));
        }
        List<DistrictRow> districts = jdbc.sql("""
                select n.name, count(*) c, count(t.level) r
                  from talent t join org_node n on n.id = t.node_id
                 where t.status = 'ACTIVE' and n.path like :scopePath
                 group by n.id, n.name, n.depth, n.sort_order order by n.depth, n.sort_order, n.id
                """).param("scopePath", user.scope().pathPattern())
                .query((rs, i) -> new DistrictRow(rs.getString("name"), rs.getLong("c"), rs.getLong("r"))).list();
        long total = 0;
        for (long t : totals) {
            total += t;
        }
        return new Talents(total, total - totals[levels.size()], levelLabels, rows, boxed(totals), keyTotal, districts);
    }

    private static int levelIndex(List<Classification.Level> levels, String code) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).code().equals(code)) {
                return i;
            }
        }
        return levels.size();
    }

    /** Cases of the year: decided in it, or (not decided) opened in it. */
    private Recognitions recognitions(CurrentUser user, int year) {
        RecognitionModel.Status[] statuses = RecognitionModel.Status.values();
        List<Classification.Level> levels = classification.levels();
        Map<RecognitionModel.Route, long[][]> cells = new LinkedHashMap<>();
        for (RecognitionModel.Route r : RecognitionModel.Route.values()) {
            cells.put(r, new long[][] {new long[statuses.length], new long[levels.size()]});
        }
        jdbc.sql("""
                select c.route, c.status, coalesce(c.level, '') lv, count(*) n
                  from talent_recognition_case c join org_node o on o.id = c.node_id
                 where o.path like :scopePath
                   and coalesce(c.decided_on, cast(c.created_at as date)) between :from and :to
                 group by c.route, c.status, coalesce(c.level, '')
                """).param("scopePath", user.scope().pathPattern())
                .param("from", Date.valueOf(LocalDate.of(year, 1, 1))).param("to", Date.valueOf(LocalDate.of(year, 12, 31)))
                .query((rs, i) -> {
                    long[][] c = cells.get(RecognitionModel.Route.valueOf(rs.getString("route")));
                    RecognitionModel.Status st = RecognitionModel.Status.valueOf(rs.getString("status"));
                    long n = rs.getLong("n");
                    c[0][st.ordinal()] += n;
                    int lv = levelIndex(levels, rs.getString("lv"));
                    if (st == RecognitionModel.Status.DECIDED && lv < levels.size()) {
                        c[1][lv] += n;
                    }
                    return null;
                }).list();
        List<RouteRow> rows = new ArrayList<>();
        long total = 0;
        long decided = 0;
        for (var e : cells.entrySet()) {
            long sum = 0;
            for (long v : e.getValue()[0]) {
                sum += v;
            }
            total += sum;
            decided += e.getValue()[0][RecognitionModel.Status.DECIDED.ordinal()];
            rows.add(new RouteRow(e.getKey().name(), e.getKey().label(), boxed(e.getValue()[0]),
                    boxed(e.getValue()[1]), sum));
        }
        List<String> statusLabels = new ArrayList<>();
        for (RecognitionModel.Status st : statuses) {
            statusLabels.add(st.label());
        }
        return new Recognitions(statusLabels, levels.stream().map(Classification.Level::label).toList(), rows, total,
                decided);
    }

    private Grants grants(CurrentUser user, int year) {
        Map<String, String> names = grants.rules().names();
        Map<String, BigDecimal[]> byStatus = grantsByStatus(user, year);
        List<GrantRow> rows = new ArrayList<>();
        Map<String, GrantRuns.Figure> granted = new LinkedHashMap<>();
        grants.figures(year, user).forEach(f -> granted.put(f.ruleCode(), f));
        for (String code : names.keySet()) {
            GrantRuns.Figure f = granted.get(code);
            BigDecimal[] a = byStatus.getOrDefault(code, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            if (f != null || a[0].signum() != 0 || a[1].signum() != 0) {
                rows.add(new GrantRow(code, names.get(code), f == null ? 0 : f.talents(), f == null ? 0 : f.lines(),
                        f == null ? BigDecimal.ZERO : f.amount(), a[0], a[1]));
            }
        }
        return new Grants(rows, sum(rows, GrantRow::granted), sum(rows, GrantRow::paid), sum(rows, GrantRow::pending));
    }

    /** Paid and pending amounts by rule: [0] paid, [1] pending, of the year's batches in the scope. */
    private Map<String, BigDecimal[]> grantsByStatus(CurrentUser user, int year) {
        Map<String, BigDecimal[]> byStatus = new LinkedHashMap<>();
        jdbc.sql("""
                select l.rule_code, r.status, sum(l.amount) amount
                  from talent_grant_line l join talent_grant_run r on r.id = l.run_id
                  join talent t on t.id = l.talent_id join org_node tn on tn.id = t.node_id
                 where r.status in ('PAID', 'PENDING') and r.period between :from and :to and tn.path like :scopePath
                 group by l.rule_code, r.status
                """).param("from", year * 100).param("to", year * 100 + 12)
                .param("scopePath", user.scope().pathPattern())
                .query((rs, i) -> {
                    BigDecimal[] a = byStatus.computeIfAbsent(rs.getString("rule_code"),
                            k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                    a["PAID".equals(rs.getString("status")) ? 0 : 1] = rs.getBigDecimal("amount");
                    return null;
                }).list();
        return byStatus;
    }

    private static BigDecimal sum(List<GrantRow> rows, java.util.function.Function<GrantRow, BigDecimal> f) {
        return rows.stream().map(f).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
    }

    private Codes codes(CurrentUser user, int year, LocalDate today) {
        long[] c = codeCounts(user, year, today);
        checks.flush(); // the verifications counted in memory so far
        // the whole tree: every node lies in the scope or above it (a city under an otherwise empty province)
        boolean whole = jdbc.sql("""
                select count(*) from org_node o
                 where o.path not like :scopePath and :path not like concat(o.path, '%')
                """).param("scopePath", user.scope().pathPattern()).param("path", user.scope().path())
                .query(Long.class).single() == 0;
        Outcome[] outcomes = Outcome.values();
        Map<LocalDate, long[]> days = new TreeMap<>();
        long[] unattributed = new long[1];
        jdbc.sql("""
                select k.checked_on, k.outcome, case when t.id is null then 1 else 0 end lost, count(*) n
                  from talent_code_check k left join talent_code c on c.id = k.code_id
                  left join talent t on t.id = c.talent_id left join org_node n on n.id = t.node_id
                 where k.checked_on between :from and :to
                   and (n.path like :scopePath or (t.id is null and :whole = 1))
                 group by k.checked_on, k.outcome, case when t.id is null then 1 else 0 end
                """).param("from", Date.valueOf(LocalDate.of(year, 1, 1)))
                .param("to", Date.valueOf(LocalDate.of(year, 12, 31)))
                .param("scopePath", user.scope().pathPattern()).param("whole", whole ? 1 : 0)
                .query((rs, i) -> {
                    long n = rs.getLong("n");
                    days.computeIfAbsent(rs.getDate("checked_on").toLocalDate(), d -> new long[outcomes.length])
                            [Outcome.valueOf(rs.getString("outcome")).ordinal()] += n;
                    unattributed[0] += rs.getInt("lost") == 1 ? n : 0;
                    return null;
                }).list();
        long[] byOutcome = new long[outcomes.length];
        List<Day> perDay = new ArrayList<>();
        days.forEach((d, v) -> {
            long sum = 0;
            for (int i = 0; i < v.length; i++) {
                byOutcome[i] += v[i];
                sum += v[i];
            }
            perDay.add(new Day(d, boxed(v), sum));
        });
        List<Count> outcomeCounts = new ArrayList<>();
        long verifications = 0;
        for (Outcome o : outcomes) {
            outcomeCounts.add(new Count(o.name(), o.label(), byOutcome[o.ordinal()]));
            verifications += byOutcome[o.ordinal()];
        }
        return new Codes(c[0], c[1], c[2], c[3], c[4], outcomeCounts.stream().map(Count::name).toList(),
                outcomeCounts, verifications, unattributed[0], perDay);
    }

    /** The scope's codes: [0] issued in the year, [1] valid, [2] expired, [3] revoked, [4] superseded. */
    private long[] codeCounts(CurrentUser user, int year, LocalDate today) {
        long[] c = new long[5];
        jdbc.sql("""
                select x.status, x.expired, count(*) n, sum(x.issued) issued
                  from (select c.status, case when c.valid_until < :today then 1 else 0 end expired,
                               case when c.issued_at >= :from and c.issued_at < :to then 1 else 0 end issued
                          from talent_code c join talent t on t.id = c.talent_id join org_node n on n.id = t.node_id
                         where n.path like :scopePath) x
                 group by x.status, x.expired
                """).param("today", Date.valueOf(today))
                .param("from", Timestamp.valueOf(LocalDate.of(year, 1, 1).atStartOfDay()))
                .param("to", Timestamp.valueOf(LocalDate.of(year + 1, 1, 1).atStartOfDay()))
                .param("scopePath", user.scope().pathPattern())
                .query((rs, i) -> {
                    long n = rs.getLong("n");
                    c[0] += rs.getLong("issued");
                    switch (rs.getString("status")) {
                        case "VALID" -> c[rs.getInt("expired") == 1 ? 2 : 1] += n;
                        case "REVOKED" -> c[3] += n;
                        default -> c[4] += n;
                    }
                    return null;
                }).list();
        return c;
    }

    private static List<Long> boxed(long[] values) {
        List<Long> out = new ArrayList<>(values.length);
        for (long v : values) {
            out.add(v);
        }
        return out;
    }
}
