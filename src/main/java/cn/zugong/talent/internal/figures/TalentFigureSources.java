package cn.zugong.talent.internal.figures;

import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.Role;
import cn.zugong.shared.figures.AbstractFigureSource;
import cn.zugong.shared.figures.FigureRecords;
import cn.zugong.shared.figures.Measure;
import cn.zugong.shared.figures.MeasureKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The talent module's figures for the annual review (ADR 081), three sources read from the figures page's own
 * computation (the single figures of {@link TalentFigures}, each by the page's code without the rest of the page).
 * That page counts by calendar year, so these measures are counted by year:
 * the year the period ends in (their 口径 say so). The page computes for a signed-in office user; the review reads
 * it as an office reader of the scope ({@link #reader}), which sees exactly what the scope's administrator sees.
 */
final class TalentFigureSources {

    private TalentFigureSources() {
    }

    /** An office reader of the scope: TalentFigures scopes every query by the user's scope and nothing else. */
    static CurrentUser reader(OrgScope scope) {
        return new CurrentUser(0, "annual-review", "这一年", Role.ADMIN, scope, "");
    }

    /**
     * What the three sources share: the figures page's computation, the records' queries, the page (by year) and
     * no reader check of their own (the annual module has checked the route and the scope).
     */
    abstract static class TalentSource extends AbstractFigureSource {

        final TalentFigures figures;
        final JdbcClient jdbc;

        TalentSource(String id, List<Measure> measures, TalentFigures figures, JdbcClient jdbc) {
            super(id, measures, Reader.ANY);
            this.figures = figures;
            this.jdbc = jdbc;
        }

        @Override
        public String page(OrgScope scope, LocalDate from, LocalDate to) {
            return "/talent/figures?year=" + to.getYear();
        }
    }

    /** A COUNT's records: the count over all rows and the first rows (four columns as text). */
    static FigureRecords listed(JdbcClient jdbc, String caption, List<String> columns, String select, String from,
                                String order, Map<String, Object> params, int limit) {
        long total = jdbc.sql("select count(*)" + from).params(params).query(Long.class).single();
        return new FigureRecords(caption, columns, rows(jdbc, select, from, order, params, limit, columns.size()),
                total, BigDecimal.valueOf(total));
    }

    static List<List<String>> rows(JdbcClient jdbc, String select, String from, String order,
                                   Map<String, Object> params, int limit, int width) {
        return jdbc.sql("select " + select + from + " order by " + order + " limit :limit").params(params)
                .param("limit", limit).query((rs, i) -> {
                    String[] row = new String[width];
                    for (int c = 0; c < width; c++) {
                        Object v = rs.getObject(c + 1);
                        row[c] = v instanceof java.sql.Timestamp t ? t.toLocalDateTime().toLocalDate().toString()
                                : v instanceof BigDecimal d ? d.toPlainString() : v == null ? "" : String.valueOf(v);
                    }
                    return List.of(row);
                }).list();
    }

    /** 认定人才 and 人才码. */
    @Component
    static class Register extends TalentSource {

        private static final List<Measure> MEASURES = List.of(
                new Measure("recognised", "认定人才", "名", MeasureKind.COUNT,
                        "范围内人才认定案件中，认定日期在期间结束日所在年度内、已作出认定决定的件数（按年度计）"),
                new Measure("codes", "发放人才码", "张", MeasureKind.COUNT,
                        "范围内人才的人才码中，签发时间在期间结束日所在年度内的张数（含其后撤销、换发的，按年度计）"));

        Register(TalentFigures figures, JdbcClient jdbc) {
            super("talent.register", MEASURES, figures, jdbc);
        }

        @Override
        public Map<String, BigDecimal> values(OrgScope scope, LocalDate from, LocalDate to) {
            int year = to.getYear();
            return valuesOf("recognised", figures.recognisedInYear(reader(scope), year),
                    "codes", figures.codesIssuedInYear(reader(scope), year));
        }

        @Override
        protected FigureRecords recordsOf(String measure, OrgScope scope, LocalDate from, LocalDate to,
                                                   CurrentUser user, int limit) {
            int year = to.getYear();
            Map<String, Object> params = Map.of("scopePath", scope.pathPattern(),
                    "from", LocalDate.of(year, 1, 1), "to", LocalDate.of(year, 12, 31),
                    "fromAt", LocalDate.of(year, 1, 1).atStartOfDay(), "toAt", LocalDate.of(year + 1, 1, 1).atStartOfDay());
            return switch (measure) {
                case "recognised" -> listed(jdbc, year + " 年作出认定决定的人才认定案件",
                        List.of("案件编号", "认定日期", "认定层次", "所属地区"),
                        "c.case_no, coalesce(c.decided_on, cast(c.created_at as date)), c.level, o.name",
                        " from talent_recognition_case c join org_node o on o.id = c.node_id"
                                + " where o.path like :scopePath and c.status = 'DECIDED'"
                                + " and coalesce(c.decided_on, cast(c.created_at as date)) between :from and :to",
                        "c.case_no", params, limit);
                case "codes" -> listed(jdbc, year + " 年签发的人才码", List.of("序号", "签发时间", "层次", "所属地区"),
                        "c.serial, c.issued_at, c.level, n.name",
                        " from talent_code c join talent t on t.id = c.talent_id join org_node n on n.id = t.node_id"
                                + " where n.path like :scopePath and c.issued_at >= :fromAt and c.issued_at < :toAt",
                        "c.issued_at, c.id", params, limit);
                default -> throw unknown(measure);
            };
        }
    }

    /** 码上办: applications and the materials reduction. */
    @Component
    static class Services extends TalentSource {

        private static final List<Measure> MEASURES = List.of(
                new Measure("applications", "办理人才服务事项", "件", MeasureKind.COUNT,
                        "承办单位在范围内、提交时间在期间结束日所在年度内的码上办申请件数（按年度计）"),
                new Measure("materialsCutPct", "人才服务缩减材料", "％", MeasureKind.PERCENT,
                        "上述申请中平台已有、免于提交的材料项数 ÷ 所需材料项数 × 100（码上办统计页的材料缩减，保留一位小数）"));

        Services(TalentFigures figures, JdbcClient jdbc) {
            super("talent.services", MEASURES, figures, jdbc);
        }

        @Override
        public Map<String, BigDecimal> values(OrgScope scope, LocalDate from, LocalDate to) {
            var total = figures.serviceTotal(reader(scope), to.getYear());
            return valuesOf("applications", total.applications(), "materialsCutPct", total.reduction());
        }

        @Override
        protected FigureRecords recordsOf(String measure, OrgScope scope, LocalDate from, LocalDate to,
                                                   CurrentUser user, int limit) {
            int year = to.getYear();
            String where = " from talent_service_application a join closure_item i on i.id = a.item_id"
                    + " join org_node n on n.id = i.owner_node_id where " + OrgScope.sqlContains("i.owner_node_id")
                    + " and a.submitted_at >= :fromAt and a.submitted_at < :toAt";
            Map<String, Object> params = Map.of("scopePath", scope.pathPattern(),
                    "fromAt", LocalDate.of(year, 1, 1).atStartOfDay(), "toAt", LocalDate.of(year + 1, 1, 1).atStartOfDay());
            String caption = year + " 年提交的码上办申请";
            List<String> columns = List.of("申请编号", "事项", "承办单位", "提交时间", "所需材料", "平台已有");
            String select = "a.application_no, a.item_code, n.name, a.submitted_at, a.needed, a.reused";
            return switch (measure) {
                case "applications" -> listed(jdbc, caption, columns, select, where, "a.id", params, limit);
                case "materialsCutPct" -> {
                    long[] sums = jdbc.sql("select count(*), coalesce(sum(a.needed), 0), coalesce(sum(a.reused), 0)"
                            + where).params(params).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2),
                            rs.getLong(3)}).single();
                    // the page's rounding: one decimal (ServiceFigures.Line#reduction)
                    BigDecimal cut = sums[1] == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(sums[2] * 100L)
                            .divide(BigDecimal.valueOf(sums[1]), 1, RoundingMode.HALF_UP);
                    yield new FigureRecords(caption + "（材料缩减的分母为其所需材料 " + sums[1] + " 项）", columns,
                            rows(jdbc, select, where, "a.id", params, limit, columns.size()), sums[0], cut);
                }
                default -> throw unknown(measure);
            };
        }
    }

    /** 码上秒享: the grants paid. */
    @Component
    static class Grants extends TalentSource {

        private static final List<Measure> MEASURES = List.of(
                new Measure("amountYuan", "码上秒享兑现资金", "元", MeasureKind.AMOUNT,
                        "范围内人才在期间结束日所在年度各月已发放（PAID）兑现批次中的兑现金额合计（按年度计）"));

        Grants(TalentFigures figures, JdbcClient jdbc) {
            super("talent.grants", MEASURES, figures, jdbc);
        }

        @Override
        public Map<String, BigDecimal> values(OrgScope scope, LocalDate from, LocalDate to) {
            return valuesOf("amountYuan", figures.grantsPaid(reader(scope), to.getYear()));
        }

        @Override
        protected FigureRecords recordsOf(String measure, OrgScope scope, LocalDate from, LocalDate to,
                                                   CurrentUser user, int limit) {
            int year = to.getYear();
            String where = " from talent_grant_line l join talent_grant_run r on r.id = l.run_id"
                    + " join talent t on t.id = l.talent_id join org_node tn on tn.id = t.node_id"
                    + " where r.status = 'PAID' and r.period between :from and :to and tn.path like :scopePath";
            Map<String, Object> params = Map.of("from", year * 100, "to", year * 100 + 12,
                    "scopePath", scope.pathPattern());
            var sums = jdbc.sql("select count(*), coalesce(sum(l.amount), 0)" + where).params(params)
                    .query((rs, i) -> new Object[] {rs.getLong(1), rs.getBigDecimal(2)}).single();
            List<List<String>> rows = rows(jdbc, "r.period, l.rule_code, tn.name, l.amount", where, "r.period, l.id",
                    params, limit, 4);
            return new FigureRecords(year + " 年已发放的码上秒享兑现明细", List.of("批次月份", "政策", "所属地区", "金额（元）"),
                    rows, (Long) sums[0], ((BigDecimal) sums[1]).setScale(2, RoundingMode.HALF_UP));
        }
    }
}
