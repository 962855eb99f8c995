package cn.zugong.talent.internal.grants;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.PageResult;
import cn.zugong.shared.Role;
import cn.zugong.talent.internal.TalentAccess;
import cn.zugong.talent.internal.TalentRecord;
import cn.zugong.talent.internal.TalentStore;
import cn.zugong.talent.internal.grants.BenefitRules.Rule;
import cn.zugong.talent.internal.grants.GrantRun.Status;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 码上秒享 grant runs: compute a month (ADMIN), review (ADMIN or REVIEWER, never whoever computed it), mark paid
 * (ADMIN), and read runs, lines, a talent's own lines and the figures. A run covers the talents of the computing
 * user's scope; a user sees the runs at or above their node and, in them, only the lines of talents in scope.
 */
@Service
public class GrantRuns {

    static final String RUN_SELECT = """
            select r.*, n.path node_path, n.name node_name from talent_grant_run r join org_node n on n.id = r.node_id
            """;
    static final String LINE_SELECT = """
            select l.*, t.name talent_name, r.period run_period, r.status run_status from talent_grant_line l
              join talent t on t.id = l.talent_id join org_node tn on tn.id = t.node_id
              join talent_grant_run r on r.id = l.run_id
            """;

    private final JdbcClient jdbc;
    private final GrantComputation computation;
    private final BenefitRules rules;
    private final TalentStore talents;
    private final TalentAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    GrantRuns(JdbcClient jdbc, GrantComputation computation, BenefitRules rules, TalentStore talents,
              TalentAccess access, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.computation = computation;
        this.rules = rules;
        this.talents = talents;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public BenefitRules rules() {
        return rules;
    }

    /** Computes the month for the talents of the user's scope; a second open run of the same node and month: 409. */
    @Transactional
    public GrantRun compute(YearMonth month, CurrentUser user) {
        TalentAccess.requireAdmin(user);
        if (month == null) {
            throw new ConflictException("请选择发放月份");
        }
        YearMonth now = YearMonth.now(clock);
        if (month.isAfter(now) || month.getYear() < 2000) {
            throw new ConflictException("发放月份须不晚于本月（" + now + "）：" + month);
        }
        long started = System.nanoTime();
        int period = month.getYear() * 100 + month.getMonthValue();
        Integer directoryYear = jdbc.sql("select max(report_year) from talent_directory where published_at is not null "
                + "and report_year <= :y").param("y", month.getYear()).query(Integer.class).optional().orElse(null);
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into talent_grant_run (node_id, period, status, pending_key, directory_year, computed_by,
                        computed_at) values (:node, :period, 'PENDING', :key, :dir, :by, :at)
                    """).param("node", user.scope().nodeId()).param("period", period)
                    .param("key", user.scope().nodeId() + ":" + period).param("dir", directoryYear)
                    .param("by", user.username()).param("at", LocalDateTime.now(clock)).update(key, "id");
        } catch (DuplicateKeyException e) {
            throw new ConflictException(GrantRun.label(period) + "已有待审核的发放批次，请先审核或退回后再重新核算");
        }
        long run = key.getKey().longValue();
        String scopePath = user.scope().pathPattern();
        computation.prepareTransaction();
        for (Rule rule : rules.rules()) {
            if (rule.appliesIn(month)) {
                computation.compute(run, rule, month, directoryYear == null ? -1 : directoryYear, scopePath);
            }
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        jdbc.sql("""
                update talent_grant_run set line_count = (select count(*) from talent_grant_line where run_id = :id),
                    total_amount = coalesce((select sum(amount) from talent_grant_line where run_id = :id), 0),
                    compute_ms = :ms where id = :id
                """).param("id", run).param("ms", ms).update();
        GrantRun r = find(run).orElseThrow();
        audit.record(new AuditEvent(AuditAction.CREATE, "talent_grant_run", String.valueOf(run),
                "码上秒享核算：" + r.periodLabel() + "，" + r.lineCount() + " 条，合计 " + GrantLine.yuan(r.totalAmount())
                        + " 元", null, Map.of("period", period, "lines", r.lineCount(), "total", r.totalAmount()),
                user.username()));
        return r;
    }

    /** 审核通过: ADMIN or REVIEWER whose scope holds the run, never the user who computed it (four eyes). */
    @Transactional
    public GrantRun approve(long id, String note, CurrentUser user) {
        GrantRun r = forReview(id, user);
        jdbc.sql("""
                update talent_grant_run set status = 'APPROVED', pending_key = null, reviewed_by = :by, reviewed_at = :at,
                    review_note = :note where id = :id and status = 'PENDING'
                """).param("by", user.username()).param("at", LocalDateTime.now(clock)).param("note", trim(note))
                .param("id", id).update();
        audit.record(event(AuditAction.UPDATE, id, user, Map.of("status", r.status().name()),
                Map.of("status", "APPROVED", "note", trim(note) == null ? "" : trim(note)), "审核通过码上秒享发放批次：" + r.periodLabel()));
        return find(id).orElseThrow();
    }

    /** 退回: the run's lines are removed (never paid), the run stays with its figures; the month may be computed again. */
    @Transactional
    public GrantRun reject(long id, String note, CurrentUser user) {
        GrantRun r = forReview(id, user);
        if (trim(note) == null) {
            throw new ConflictException("请填写退回理由");
        }
        jdbc.sql("delete from talent_grant_line where run_id = :id").param("id", id).update();
        jdbc.sql("""
                update talent_grant_run set status = 'REJECTED', pending_key = null, reviewed_by = :by, reviewed_at = :at,
                    review_note = :note where id = :id and status = 'PENDING'
                """).param("by", user.username()).param("at", LocalDateTime.now(clock)).param("note", trim(note))
                .param("id", id).update();
        audit.record(event(AuditAction.UPDATE, id, user, Map.of("status", r.status().name(),
                "lines", r.lineCount()), Map.of("status", "REJECTED", "note", trim(note)), "退回码上秒享发放批次：" + r.periodLabel()));
        return find(id).orElseThrow();
    }

    /** 已发放: the finance bureau has paid the payment list (ADMIN). */
    @Transactional
    public GrantRun markPaid(long id, CurrentUser user) {
        TalentAccess.requireAdmin(user);
        GrantRun r = run(id, user);
        requireWholeRun(r, user);
        if (r.status() != Status.APPROVED) {
            throw new ConflictException("只有审核通过的批次才能登记发放（当前：" + r.status().label() + "）");
        }
        jdbc.sql("update talent_grant_run set status = 'PAID', paid_by = :by, paid_at = :at where id = :id and status = 'APPROVED'")
                .param("by", user.username()).param("at", LocalDateTime.now(clock)).param("id", id).update();
        audit.record(event(AuditAction.UPDATE, id, user, Map.of("status", "APPROVED"),
                Map.of("status", "PAID"), "登记码上秒享批次已发放：" + r.periodLabel()));
        return find(id).orElseThrow();
    }

    private static AuditEvent event(AuditAction action, long id, CurrentUser user, Object before, Object after,
                                    String summary) {
        return new AuditEvent(action, "talent_grant_run", String.valueOf(id), summary, before, after, user.username());
    }

    private GrantRun forReview(long id, CurrentUser user) {
        if (user.role() != Role.ADMIN && user.role() != Role.REVIEWER) {
            throw new ForbiddenException("当前角色（" + user.role().label() + "）无权审核发放批次");
        }
        GrantRun r = run(id, user);
        requireWholeRun(r, user);
        if (r.status() != Status.PENDING) {
            throw new ConflictException("该批次已" + r.status().label() + "，不能再审核");
        }
        if (r.computedBy().equals(user.username())) {
            throw new ForbiddenException("核算人不能审核自己核算的批次，请由另一位管理员或审核员审核");
        }
        return r;
    }

    /** Review and payment act on the whole run: only a user whose scope holds the run's node. */
    private static void requireWholeRun(GrantRun r, CurrentUser user) {
        if (!user.scope().contains(r.nodePath())) {
            throw new ForbiddenException("该批次由上级核算，请由上级审核和发放");
        }
    }

    /** The run if the user sees it: office roles whose scope holds the run's node or lies under it; else 404. */
    public GrantRun run(long id, CurrentUser user) {
        return find(id).filter(r -> sees(r, user))
                .orElseThrow(() -> new NotFoundException("发放批次不存在或不在您的管理范围内：" + id));
    }

    private static boolean sees(GrantRun r, CurrentUser user) {
        return user.role().isOffice() && (user.scope().contains(r.nodePath()) || user.scope().path().startsWith(r.nodePath()));
    }

    Optional<GrantRun> find(long id) {
        return jdbc.sql(RUN_SELECT + " where r.id = :id").param("id", id).query(GrantRuns::run).optional();
    }

    /** The runs the user sees, newest month first. */
    public List<GrantRun> runs(CurrentUser user, Integer year) {
        if (!user.role().isOffice()) {
            throw new NotFoundException("没有可查看的发放批次");
        }
        String path = user.scope().path();
        return jdbc.sql(RUN_SELECT + " where (n.path like :scopePath or :path like n.path || '%')"
                        + (year == null ? "" : " and r.period between :from and :to") + " order by r.period desc, r.id desc")
                .param("scopePath", user.scope().pathPattern()).param("path", path)
                .param("from", year == null ? 0 : year * 100).param("to", year == null ? 0 : year * 100 + 12)
                .query(GrantRuns::run).list();
    }

    /** Filters of the lines of a run. */
    public record LineFilter(String rule, String kind, String name) {
    }

    /** A page of the run's lines for talents in the user's scope. */
    public PageResult<GrantLine> lines(long runId, LineFilter filter, int page, int size, CurrentUser user) {
        run(runId, user);
        StringBuilder where = new StringBuilder(" where l.run_id = :run and tn.path like :scopePath");
        if (filter.rule() != null && !filter.rule().isBlank()) {
            where.append(" and l.rule_code = :rule");
        }
        if (filter.kind() != null && !filter.kind().isBlank()) {
            where.append(" and l.kind = :kind");
        }
        if (filter.name() != null && !filter.name().isBlank()) {
            where.append(" and t.name like :name escape '\\'");
        }
        var count = jdbc.sql("select count(*) from talent_grant_line l join talent t on t.id = l.talent_id "
                + "join org_node tn on tn.id = t.node_id" + where);
        var list = jdbc.sql(LINE_SELECT + where + " order by l.talent_id, l.rule_code, l.revision limit :limit offset :offset");
        for (var spec : List.of(count, list)) {
            spec.param("run", runId).param("scopePath", user.scope().pathPattern())
                    .param("rule", blank(filter.rule())).param("kind", blank(filter.kind()))
                    .param("name", filter.name() == null ? null : "%" + cn.zugong.shared.SqlLike.escape(filter.name().trim()) + "%");
        }
        long total = count.query(Long.class).single();
        PageResult<GrantLine> result = new PageResult<>(List.of(), page, size, total);
        List<GrantLine> items = withIdNumbers(list.param("limit", size).param("offset", result.offset())
                .query(this::line).list());
        return new PageResult<>(items, page, size, total);
    }

    /** The lines of the talent linked to a TALENT account (404 for anyone else), newest first; rejected runs have none. */
    public List<GrantLine> own(CurrentUser user) {
        TalentRecord t = access.own(user);
        return jdbc.sql(LINE_SELECT + " where l.talent_id = :t order by r.period desc, l.id desc").param("t", t.id())
                .query(this::line).list();
    }

    public TalentRecord ownTalent(CurrentUser user) {
        return access.own(user);
    }

    /** Every line of a run in the user's scope (the payment list), with full ID numbers. */
    List<GrantLine> allLines(long runId, CurrentUser user) {
        run(runId, user);
        return withIdNumbers(jdbc.sql(LINE_SELECT + " where l.run_id = :run and tn.path like :scopePath order by l.talent_id, l.id")
                .param("run", runId).param("scopePath", user.scope().pathPattern()).query(this::line).list());
    }

    /** One figure row: a rule's grants (approved or paid) in a year in the user's scope. */
    public record Figure(String ruleCode, String ruleName, long talents, long lines, BigDecimal amount) {
        /** The bar's width: this amount in percent of {@code max}. */
        public int percentOf(BigDecimal max) {
            return amount.signum() <= 0 || max.signum() <= 0 ? 0
                    : amount.multiply(BigDecimal.valueOf(100)).divide(max, 0, java.math.RoundingMode.HALF_UP).intValue();
        }
    }

    public List<Figure> figures(int year, CurrentUser user) {
        if (!user.role().isOffice()) {
            throw new NotFoundException("没有可查看的统计");
        }
        Map<String, String> names = rules.names();
        List<Figure> out = new ArrayList<>();
        jdbc.sql("""
                select l.rule_code, count(distinct l.talent_id) talents, count(*) lines, sum(l.amount) amount
                  from talent_grant_line l join talent_grant_run r on r.id = l.run_id
                  join talent t on t.id = l.talent_id join org_node tn on tn.id = t.node_id
                 where r.status in ('APPROVED', 'PAID') and r.period between :from and :to and tn.path like :scopePath
                 group by l.rule_code
                """).param("from", year * 100).param("to", year * 100 + 12).param("scopePath", user.scope().pathPattern())
                .query((rs, n) -> out.add(new Figure(rs.getString("rule_code"),
                        names.getOrDefault(rs.getString("rule_code"), rs.getString("rule_code")), rs.getLong("talents"),
                        rs.getLong("lines"), rs.getBigDecimal("amount")))).list();
        Map<String, Integer> order = new LinkedHashMap<>();
        names.keySet().forEach(k -> order.put(k, order.size()));
        out.sort(java.util.Comparator.comparing(f -> order.getOrDefault(f.ruleCode(), 99)));
        return out;
    }

    private List<GrantLine> withIdNumbers(List<GrantLine> lines) {
        Map<Long, String> ids = talents.idNumbers(lines.stream().map(GrantLine::talentId).toList());
        return lines.stream().map(l -> new GrantLine(l.id(), l.runId(), l.runPeriod(), l.runStatus(), l.talentId(),
                l.talentName(), ids.get(l.talentId()), l.ruleCode(), l.ruleName(), l.entKey(), l.revision(),
                l.grantedPeriod(), l.kind(), l.amount(), l.level(), l.baseAmount(), l.factor(), l.capped(),
                l.arrivedOn(), l.employerName(), l.inDirectory(), l.houseDate(), l.houseAddress(), l.houseArea(),
                l.rentalFrom(), l.rentalTo(), l.monthlyRent(), l.socialMonths(), l.previousAmount())).toList();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String trim(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim();
        if (t.length() > 500) {
            throw new ConflictException("审核意见不能超过 500 字");
        }
        return t;
    }

    private GrantLine line(ResultSet rs, int n) throws SQLException {
        String code = rs.getString("rule_code");
        return new GrantLine(rs.getLong("id"), rs.getLong("run_id"), rs.getInt("run_period"), rs.getString("run_status"),
                rs.getLong("talent_id"), rs.getString("talent_name"), null, code,
                rules.rule(code).map(Rule::name).orElse(code), rs.getString("ent_key"), rs.getInt("revision"),
                rs.getInt("granted_period"), rs.getString("kind"), rs.getBigDecimal("amount"), rs.getString("level"),
                rs.getBigDecimal("base_amount"), rs.getBigDecimal("factor"), (Boolean) rs.getObject("capped"),
                date(rs, "arrived_on"), rs.getString("employer_name"), (Boolean) rs.getObject("in_directory"),
                date(rs, "house_date"), rs.getString("house_address"), rs.getBigDecimal("house_area"),
                date(rs, "rental_from"), date(rs, "rental_to"), rs.getBigDecimal("monthly_rent"),
                (Integer) rs.getObject("social_months", Integer.class), rs.getBigDecimal("previous_amount"));
    }

    static GrantRun run(ResultSet rs, int n) throws SQLException {
        return new GrantRun(rs.getLong("id"), rs.getLong("node_id"), rs.getString("node_path"), rs.getString("node_name"),
                rs.getInt("period"), Status.valueOf(rs.getString("status")),
                (Integer) rs.getObject("directory_year", Integer.class), rs.getInt("line_count"),
                rs.getBigDecimal("total_amount"), rs.getString("computed_by"), time(rs, "computed_at"),
                (Long) rs.getObject("compute_ms", Long.class), rs.getString("reviewed_by"), time(rs, "reviewed_at"),
                rs.getString("review_note"), rs.getString("paid_by"), time(rs, "paid_at"));
    }

    private static LocalDate date(ResultSet rs, String c) throws SQLException {
        java.sql.Date d = rs.getDate(c);
        return d == null ? null : d.toLocalDate();
    }

    private static LocalDateTime time(ResultSet rs, String c) throws SQLException {
        Timestamp t = rs.getTimestamp(c);
        return t == null ? null : t.toLocalDateTime();
    }
}
