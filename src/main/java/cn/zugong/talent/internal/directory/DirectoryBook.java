package cn.zugong.talent.internal.directory;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.shared.ConflictException;
import cn.zugong.talent.internal.EmployerRecord;
import cn.zugong.talent.internal.TalentStore;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 自贸企业 directory's book: a year's figures, the score and ranking by the scheme, the cut-off, publication
 * (the year is then frozen) and a recorded reopening for a republication. Callers check the user's right first
 * ({@link DirectoryController}); this class trusts its caller and audits every write under the caller's name. An
 * employer is in the directory of year Y when its entry is listed and Y is published ({@link #listed}).
 */
@Service
public class DirectoryBook {

    /** A year's directory as stored; every field but the year may be null. */
    public record Year(int year, Integer cutoff, BigDecimal cutoffScore, LocalDateTime computedAt, String computedBy,
                       Integer schemeVersion, LocalDateTime publishedAt, String publishedBy) {
        public boolean published() {
            return publishedAt != null;
        }

        public boolean computed() {
            return computedAt != null;
        }

        public String cutoffText() {
            if (cutoff != null) {
                return "前 " + cutoff + " 名";
            }
            return cutoffScore == null ? "未设定" : "得分不低于 " + cutoffScore.stripTrailingZeros().toPlainString();
        }
    }

    public record Entry(long employerId, String creditCode, String name, String nodeName, BigDecimal score,
                        int ranking, boolean listed, Map<String, BigDecimal> figures) {
    }

    public record Decision(long id, String action, Integer cutoff, BigDecimal cutoffScore, Integer listed,
                           String reason, String decidedBy, LocalDateTime decidedAt) {
        public String actionLabel() {
            return switch (action) {
                case "COMPUTE" -> "计算得分与排名";
                case "CUTOFF" -> "设定入选线";
                case "PUBLISH" -> "发布目录";
                case "REOPEN" -> "撤回发布（重新发布前）";
                default -> action;
            };
        }
    }

    private final JdbcClient jdbc;
    private final TalentStore store;
    private final DirectoryScheme scheme;
    private final AuditTrail audit;
    private final Clock clock;

    DirectoryBook(JdbcClient jdbc, TalentStore store, DirectoryScheme scheme, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.scheme = scheme;
        this.audit = audit;
        this.clock = clock;
    }

    public DirectoryScheme scheme() {
        return scheme;
    }

    // ---- reads ----

    public Optional<Year> year(int year) {
        return jdbc.sql("select * from talent_directory where report_year = :y").param("y", year)
                .query((rs, n) -> new Year(rs.getInt("report_year"), (Integer) rs.getObject("cutoff", Integer.class),
                        rs.getBigDecimal("cutoff_score"), time(rs.getTimestamp("computed_at")),
                        rs.getString("computed_by"), (Integer) rs.getObject("scheme_version", Integer.class),
                        time(rs.getTimestamp("published_at")), rs.getString("published_by"))).optional();
    }

    private static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }

    /** Years with figures or a directory, newest first. */
    public List<Integer> years() {
        return jdbc.sql("""
                select report_year from talent_directory
                union select distinct report_year from talent_enterprise_figure
                order by 1 desc
                """).query(Integer.class).list();
    }

    public OptionalInt latestPublishedYear() {
        return jdbc.sql("select max(report_year) from talent_directory where published_at is not null")
                .query(Integer.class).optional().map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /** Whether the employer is in the published directory of the year. */
    public boolean listed(long employerId, int year) {
        return jdbc.sql("""
                select count(*) from talent_directory_entry e join talent_directory d on d.report_year = e.report_year
                 where e.report_year = :y and e.employer_id = :id and e.listed = true and d.published_at is not null
                """).param("y", year).param("id", employerId).query(Long.class).single() > 0;
    }

    /** The employers in the published directory of the year (empty when the year is not published). */
    public Set<Long> listedEmployers(int year) {
        return Set.copyOf(jdbc.sql("""
                select e.employer_id from talent_directory_entry e join talent_directory d on d.report_year = e.report_year
                 where e.report_year = :y and e.listed = true and d.published_at is not null
                """).param("y", year).query(Long.class).list());
    }

    /** The year's figures: employer → code → value. */
    public Map<Long, Map<String, BigDecimal>> figures(int year) {
        Map<Long, Map<String, BigDecimal>> out = new TreeMap<>();
        jdbc.sql("select employer_id, code, figure from talent_enterprise_figure where report_year = :y")
                .param("y", year).query((rs, n) -> out.computeIfAbsent(rs.getLong("employer_id"),
                        k -> new HashMap<>()).put(rs.getString("code"), rs.getBigDecimal("figure"))).list();
        return out;
    }

    /** The year's ranked entries with their figures (by ranking), or the enterprises with figures when not computed. */
    public List<Entry> entries(int year) {
        Map<Long, Map<String, BigDecimal>> figures = figures(year);
        List<Object[]> rows = jdbc.sql("""
                select employer_id, score, ranking, listed from talent_directory_entry where report_year = :y
                 order by ranking
                """).param("y", year).query((rs, n) -> new Object[] {rs.getLong("employer_id"),
                rs.getBigDecimal("score"), rs.getInt("ranking"), rs.getBoolean("listed")}).list();
        Map<Long, EmployerRecord> employers = store.employersByIds(rows.isEmpty() ? figures.keySet()
                : rows.stream().map(r -> (Long) r[0]).toList());
        List<Entry> out = new ArrayList<>();
        if (rows.isEmpty()) {
            figures.forEach((id, f) -> out.add(entry(employers.get(id), id, null, 0, false, f)));
            out.sort(Comparator.comparing(Entry::creditCode));
        } else {
            for (Object[] r : rows) {
                long id = (Long) r[0];
                out.add(entry(employers.get(id), id, (BigDecimal) r[1], (Integer) r[2], (Boolean) r[3],
                        figures.getOrDefault(id, Map.of())));
            }
        }
        return out;
    }

    private static Entry entry(EmployerRecord e, long id, BigDecimal score, int ranking, boolean listed,
                               Map<String, BigDecimal> figures) {
        return new Entry(id, e == null ? "" : e.creditCode(), e == null ? "（已删除）" : e.name(),
                e == null ? "" : e.nodeName(), score, ranking, listed, figures);
    }

    public List<Decision> decisions(int year) {
        return jdbc.sql("select * from talent_directory_decision where report_year = :y order by id desc")
                .param("y", year).query((rs, n) -> new Decision(rs.getLong("id"), rs.getString("action"),
                        (Integer) rs.getObject("cutoff", Integer.class), rs.getBigDecimal("cutoff_score"),
                        (Integer) rs.getObject("listed", Integer.class), rs.getString("reason"),
                        rs.getString("decided_by"), time(rs.getTimestamp("decided_at")))).list();
    }

    // ---- writes ----

    private void requireOpen(int year) {
        year(year).filter(Year::published).ifPresent(y -> {
            throw new ConflictException(year + " 年度自贸企业目录已于 " + y.publishedAt().toLocalDate()
                    + " 发布，已冻结；如需更正，请先撤回发布（须说明理由），更正后重新发布");
        });
    }

    /** The year's figures become exactly {@code figures} (employer → code → value); the directory must be open. */
    @Transactional
    public void replaceFigures(int year, Map<Long, Map<String, BigDecimal>> figures, String source, String by) {
        requireOpen(year);
        int before = jdbc.sql("delete from talent_enterprise_figure where report_year = :y").param("y", year).update();
        int count = 0;
        for (var e : figures.entrySet()) {
            for (var f : e.getValue().entrySet()) {
                jdbc.sql("""
                        insert into talent_enterprise_figure (report_year, employer_id, code, figure)
                        values (:y, :e, :c, :v)
                        """).param("y", year).param("e", e.getKey()).param("c", f.getKey()).param("v", f.getValue())
                        .update();
                count++;
            }
        }
        // figures changed: an earlier computation no longer holds
        jdbc.sql("delete from talent_directory_entry where report_year = :y").param("y", year).update();
        jdbc.sql("update talent_directory set computed_at = null, computed_by = null where report_year = :y")
                .param("y", year).update();
        audit.record(new AuditEvent(AuditAction.IMPORT, "talent_enterprise_figure", String.valueOf(year),
                "导入 " + year + " 年度自贸企业指标：" + source + "，" + figures.size() + " 家企业、" + count + " 项数据",
                Map.of("figures", before), Map.of("enterprises", figures.size(), "figures", count), by));
    }

    /** Scores and ranks the year's enterprises by the scheme; an existing cut-off is applied again. */
    @Transactional
    public int compute(int year, String by) {
        requireOpen(year);
        Map<Long, Map<String, BigDecimal>> figures = figures(year);
        if (figures.isEmpty()) {
            throw new ConflictException(year + " 年度尚未导入企业指标，无法计算");
        }
        Map<Long, BigDecimal> scores = scheme.score(figures);
        Map<Long, EmployerRecord> employers = store.employersByIds(scores.keySet());
        List<Long> order = scores.keySet().stream().sorted(Comparator.comparing((Long id) -> scores.get(id)).reversed()
                .thenComparing(id -> employers.get(id).creditCode())).toList();
        LocalDateTime now = LocalDateTime.now(clock);
        ensureYear(year);
        jdbc.sql("update talent_directory set computed_at = :now, computed_by = :by, scheme_version = :v where report_year = :y")
                .param("now", now).param("by", by).param("v", scheme.version()).param("y", year).update();
        jdbc.sql("delete from talent_directory_entry where report_year = :y").param("y", year).update();
        int rank = 0;
        for (Long id : order) {
            jdbc.sql("""
                    insert into talent_directory_entry (report_year, employer_id, score, ranking, listed)
                    values (:y, :e, :s, :r, false)
                    """).param("y", year).param("e", id).param("s", scores.get(id)).param("r", ++rank).update();
        }
        Year y = year(year).orElseThrow();
        int listed = applyCutoff(year, y.cutoff(), y.cutoffScore());
        decision(year, "COMPUTE", y.cutoff(), y.cutoffScore(), listed, "评分方案第 " + scheme.version() + " 版，"
                + order.size() + " 家企业", by);
        audit.record(new AuditEvent(AuditAction.UPDATE, "talent_directory", String.valueOf(year),
                "计算 " + year + " 年度自贸企业得分与排名：" + order.size() + " 家", null,
                Map.of("enterprises", order.size(), "scheme", scheme.version(), "listed", listed), by));
        return order.size();
    }

    /** Sets the cut-off: the top {@code topN} or every score not below {@code minScore} (exactly one of them). */
    @Transactional
    public int setCutoff(int year, Integer topN, BigDecimal minScore, String by) {
        requireOpen(year);
        Year y = year(year).filter(Year::computed)
                .orElseThrow(() -> new ConflictException(year + " 年度尚未计算得分，请先计算"));
        if ((topN == null) == (minScore == null)) {
            throw new ConflictException("请设定入选线：前 N 名或最低得分，二者选一");
        }
        if (topN != null && topN < 1) {
            throw new ConflictException("入选名额应为正整数");
        }
        if (minScore != null && minScore.signum() < 0) {
            throw new ConflictException("最低得分不能为负数");
        }
        jdbc.sql("update talent_directory set cutoff = :c, cutoff_score = :s where report_year = :y").param("c", topN)
                .param("s", minScore).param("y", year).update();
        int listed = applyCutoff(year, topN, minScore);
        decision(year, "CUTOFF", topN, minScore, listed, null, by);
        audit.record(new AuditEvent(AuditAction.UPDATE, "talent_directory", String.valueOf(year),
                "设定 " + year + " 年度自贸企业目录入选线：" + (topN != null ? "前 " + topN + " 名" : "得分不低于 " + minScore)
                        + "，入选 " + listed + " 家",
                cutoffMap(y.cutoff(), y.cutoffScore()), cutoffMap(topN, minScore), by));
        return listed;
    }

    private static Map<String, Object> cutoffMap(Integer topN, BigDecimal score) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cutoff", topN);
        m.put("cutoffScore", score);
        return m;
    }

    private int applyCutoff(int year, Integer topN, BigDecimal minScore) {
        jdbc.sql("update talent_directory_entry set listed = false where report_year = :y").param("y", year).update();
        if (topN != null) {
            return jdbc.sql("update talent_directory_entry set listed = true where report_year = :y and ranking <= :n")
                    .param("y", year).param("n", topN).update();
        }
        if (minScore != null) {
            return jdbc.sql("update talent_directory_entry set listed = true where report_year = :y and score >= :s")
                    .param("y", year).param("s", minScore).update();
        }
        return 0;
    }

    /** Publishes the year's directory: from now on it is frozen and counts as the directory of the year. */
    @Transactional
    public int publish(int year, String by) {
        requireOpen(year);
        Year y = year(year).filter(Year::computed)
                .orElseThrow(() -> new ConflictException(year + " 年度尚未计算得分，无法发布"));
        if (y.cutoff() == null && y.cutoffScore() == null) {
            throw new ConflictException("请先设定入选线再发布");
        }
        int listed = jdbc.sql("select count(*) from talent_directory_entry where report_year = :y and listed = true")
                .param("y", year).query(Integer.class).single();
        if (listed == 0) {
            throw new ConflictException("按当前入选线没有企业入选，不能发布空目录");
        }
        jdbc.sql("update talent_directory set published_at = :now, published_by = :by where report_year = :y")
                .param("now", LocalDateTime.now(clock)).param("by", by).param("y", year).update();
        decision(year, "PUBLISH", y.cutoff(), y.cutoffScore(), listed, null, by);
        audit.record(new AuditEvent(AuditAction.UPDATE, "talent_directory", String.valueOf(year),
                "发布 " + year + " 年度自贸企业目录：入选 " + listed + " 家（" + y.cutoffText() + "）", null,
                Map.of("listed", listed, "published", true), by));
        return listed;
    }

    /** Withdraws the publication so the year can be corrected and published again; the reason is recorded. */
    @Transactional
    public void reopen(int year, String reason, String by) {
        Year y = year(year).filter(Year::published)
                .orElseThrow(() -> new ConflictException(year + " 年度目录尚未发布，无需撤回"));
        if (reason == null || reason.isBlank()) {
            throw new ConflictException("撤回发布须说明理由");
        }
        String r = reason.strip().length() > 500 ? reason.strip().substring(0, 500) : reason.strip();
        jdbc.sql("update talent_directory set published_at = null, published_by = null where report_year = :y")
                .param("y", year).update();
        decision(year, "REOPEN", y.cutoff(), y.cutoffScore(), null, r, by);
        audit.record(new AuditEvent(AuditAction.UPDATE, "talent_directory", String.valueOf(year),
                "撤回 " + year + " 年度自贸企业目录的发布：" + r,
                Map.of("published", true, "publishedBy", y.publishedBy()), Map.of("published", false), by));
    }

    private void ensureYear(int year) {
        if (year(year).isEmpty()) {
            jdbc.sql("insert into talent_directory (report_year) values (:y)").param("y", year).update();
        }
    }

    private void decision(int year, String action, Integer cutoff, BigDecimal score, Integer listed, String reason,
                          String by) {
        jdbc.sql("""
                insert into talent_directory_decision (report_year, action, cutoff, cutoff_score, listed, reason,
                    decided_by, decided_at)
                values (:y, :a, :c, :s, :l, :r, :by, :at)
                """).param("y", year).param("a", action).param("c", cutoff).param("s", score).param("l", listed)
                .param("r", reason).param("by", by).param("at", LocalDateTime.now(clock)).update();
    }

    /** The directory's candidates: the enterprises (not institutions) of the registry, by credit code. */
    public Map<String, EmployerRecord> enterprises() {
        return store.enterprises().stream().collect(Collectors.toMap(EmployerRecord::creditCode, e -> e,
                (a, b) -> a, LinkedHashMap::new));
    }
}
