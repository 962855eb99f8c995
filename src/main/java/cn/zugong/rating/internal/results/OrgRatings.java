package cn.zugong.rating.internal.results;

import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.rating.Criterion;
import cn.zugong.rating.Dimension;
import cn.zugong.rating.RatingResult;
import cn.zugong.rating.RatingScheme;
import cn.zugong.rating.RatingSchemes;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An organisation's ratings: its history across years and schemes, the score sheet of one round by criterion with
 * the evidence, vetoes, steps and every score change, and its 摘星 history. The node must lie in the caller's scope
 * (404 otherwise); evidence files are served only for entries of such nodes.
 */
@Component
class OrgRatings {

    private final JdbcClient jdbc;
    private final OrgTree tree;
    private final RatingSchemes schemes;

    OrgRatings(JdbcClient jdbc, OrgTree tree, RatingSchemes schemes) {
        this.jdbc = jdbc;
        this.tree = tree;
        this.schemes = schemes;
    }

    /** A year's rating of the organisation. */
    record HistoryRow(long entryId, String schemeCode, String schemeName, String schemeVersion, int year,
                      String roundName, String roundStatus, boolean published, String stage, BigDecimal points,
                      int stars, boolean doubleStrong, String title, boolean vetoed, BigDecimal publishedPoints,
                      Integer publishedStars, boolean withdrawn) {
    }

    record Evidence(long id, String criterionCode, String description, String fileName, Integer sizeBytes,
                    String uploadedBy, LocalDateTime uploadedAt) {
    }

    /** A criterion of the sheet: as the scheme says, the organisation's claim, the points now, the evidence. */
    record Line(String code, String name, String kind, BigDecimal cap, BigDecimal selfPoints, BigDecimal points,
                BigDecimal metricValue, String note, String standard, List<Evidence> evidence) {
    }

    record DimensionSheet(String code, String name, BigDecimal max, BigDecimal points, List<Line> lines) {
    }

    record Veto(String code, String name, String reason, String recordedBy, LocalDateTime recordedAt) {
    }

    record Step(String action, String actionLabel, String fromStage, String toStage, String comment, String actor,
                LocalDateTime at) {
    }

    record Change(String criterionCode, String criterionName, String what, String stage, BigDecimal before,
                  BigDecimal after, String reason, String actor, LocalDateTime at) {
    }

    /** The chosen round's sheet; {@code result} is the one calculation over the scores now. */
    record Sheet(HistoryRow entry, List<DimensionSheet> dimensions, RatingResult result, List<Veto> vetoes,
                 List<Step> steps, List<Change> changes, int evidenceFiles) {
    }

    /** A 摘星 or restoration of any year. */
    record StarStep(int year, String schemeName, String action, String comment, String actor, LocalDateTime at) {
    }

    record Page(long nodeId, String name, String path, List<HistoryRow> history, Sheet sheet,
                List<StarStep> starSteps) {
    }

    Page of(long nodeId, String schemeCode, Integer year, CurrentUser user) {
        OrgNode node = tree.get(nodeId, user.scope());
        List<HistoryRow> history = jdbc.sql("""
                select e.id, r.scheme_code, r.scheme_version, r.rating_year, r.name, r.status, e.stage, e.points,
                       coalesce(e.stars, 0) stars, e.strong_party, e.strong_development, e.vetoed, e.published_points,
                       e.published_stars, e.withdrawn
                  from rating_entry e join rating_round r on r.id = e.round_id
                 where e.node_id = :n order by r.rating_year desc, r.scheme_code, r.id
                """).param("n", node.id()).query((rs, i) -> {
                    RatingScheme scheme = scheme(rs.getString("scheme_code"), rs.getString("scheme_version"));
                    int stars = rs.getInt("stars");
                    boolean ds = rs.getBoolean("strong_party") && rs.getBoolean("strong_development");
                    return new HistoryRow(rs.getLong("id"), rs.getString("scheme_code"),
                            scheme == null ? rs.getString("scheme_code") : scheme.name(), rs.getString("scheme_version"),
                            rs.getInt("rating_year"), rs.getString("name"), rs.getString("status"),
                            "PUBLISHED".equals(rs.getString("status")), rs.getString("stage"), rs.getBigDecimal("points"),
                            stars, ds, scheme == null ? stars + "星" : scheme.title(stars, ds), rs.getBoolean("vetoed"),
                            rs.getBigDecimal("published_points"), rs.getObject("published_stars", Integer.class),
                            rs.getBoolean("withdrawn"));
                }).list();
        HistoryRow chosen = history.stream().filter(h -> (schemeCode == null || h.schemeCode().equals(schemeCode))
                && (year == null || h.year() == year)).findFirst().orElse(null);
        if (chosen == null && (schemeCode != null || year != null)) {
            throw new NotFoundException("该组织在所选年度和方案中没有评定记录");
        }
        List<StarStep> starSteps = jdbc.sql("""
                select r.rating_year, r.scheme_code, r.scheme_version, s.action, s.comment, s.actor, s.at
                  from rating_step s join rating_entry e on e.id = s.entry_id join rating_round r on r.id = e.round_id
                 where e.node_id = :n and s.action in ('WITHDRAW', 'RESTORE') order by s.at, s.id
                """).param("n", node.id()).query((rs, i) -> {
                    RatingScheme scheme = scheme(rs.getString(2), rs.getString(3));
                    return new StarStep(rs.getInt(1), scheme == null ? rs.getString(2) : scheme.name(),
                            actionLabel(rs.getString(4)), rs.getString(5), rs.getString(6),
                            rs.getTimestamp(7).toLocalDateTime());
                }).list();
        return new Page(node.id(), node.name(), node.path(), history, chosen == null ? null : sheet(chosen), starSteps);
    }

    private RatingScheme scheme(String code, String version) {
        return schemes.find(code, version).orElse(null);
    }

    private Sheet sheet(HistoryRow entry) {
        RatingScheme scheme = scheme(entry.schemeCode(), entry.schemeVersion());
        record Score(BigDecimal points, BigDecimal self, BigDecimal metric, String note) {
        }
        Map<String, Score> scores = new HashMap<>();
        jdbc.sql("select criterion_code, points, self_points, metric_value, note from rating_score where entry_id = :e")
                .param("e", entry.entryId()).query((rs, i) -> scores.put(rs.getString(1),
                        new Score(rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getString(5))))
                .list();
        Map<String, List<Evidence>> evidence = new HashMap<>();
        List<Evidence> files = jdbc.sql("select id, criterion_code, description, file_name, size_bytes, uploaded_by, "
                        + "uploaded_at from rating_evidence where entry_id = :e order by criterion_code, id")
                .param("e", entry.entryId()).query((rs, i) -> new Evidence(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getObject(5, Integer.class), rs.getString(6),
                        rs.getTimestamp(7).toLocalDateTime())).list();
        files.forEach(f -> evidence.computeIfAbsent(f.criterionCode(), k -> new ArrayList<>()).add(f));
        List<Veto> vetoes = jdbc.sql("select veto_code, reason, recorded_by, recorded_at from rating_veto "
                        + "where entry_id = :e order by recorded_at").param("e", entry.entryId())
                .query((rs, i) -> new Veto(rs.getString(1), scheme == null ? rs.getString(1)
                        : scheme.veto(rs.getString(1)).map(cn.zugong.rating.Veto::name).orElse(rs.getString(1)),
                        rs.getString(2), rs.getString(3), rs.getTimestamp(4).toLocalDateTime())).list();
        List<Step> steps = jdbc.sql("select action, from_stage, to_stage, comment, actor, at from rating_step "
                        + "where entry_id = :e order by id").param("e", entry.entryId())
                .query((rs, i) -> new Step(rs.getString(1), actionLabel(rs.getString(1)), stageLabel(rs.getString(2)),
                        stageLabel(rs.getString(3)), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toLocalDateTime())).list();
        List<Change> changes = jdbc.sql("select criterion_code, what, stage, before_value, after_value, reason, actor, "
                        + "at from rating_score_change where entry_id = :e order by id").param("e", entry.entryId())
                .query((rs, i) -> {
                    String code = rs.getString(1);
                    String name = code == null ? "" : scheme == null ? code
                            : scheme.criterion(code).map(Criterion::name).orElse(code);
                    return new Change(code, name, whatLabel(rs.getString(2)), stageLabel(rs.getString(3)),
                            rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6), rs.getString(7),
                            rs.getTimestamp(8).toLocalDateTime());
                }).list();
        List<DimensionSheet> dims = new ArrayList<>();
        RatingResult result = null;
        if (scheme != null) {
            Map<String, BigDecimal> points = new HashMap<>();
            scores.forEach((k, v) -> points.put(k, v.points()));
            Set<String> vetoCodes = new HashSet<>(vetoes.stream().map(Veto::code).toList());
            result = scheme.score(points, vetoCodes);
            for (Dimension d : scheme.dimensions()) {
                List<Line> lines = new ArrayList<>();
                for (Criterion c : d.criteria()) {
                    Score s = scores.get(c.code());
                    lines.add(new Line(c.code(), c.name(), c.kind().name(), c.points(), s == null ? null : s.self(),
                            s == null ? null : s.points(), s == null ? null : s.metric(), s == null ? null : s.note(),
                            c.standard(), evidence.getOrDefault(c.code(), List.of())));
                }
                dims.add(new DimensionSheet(d.code(), d.name(), d.max(), result.dimensionPoints().get(d.code()), lines));
            }
        }
        return new Sheet(entry, dims, result, vetoes, steps, changes, files.size());
    }

    /** An evidence file, if its entry's organisation lies in the caller's scope. */
    record File(long id, long nodeId, String fileName, String contentType, byte[] content) {
    }

    File evidence(long evidenceId, CurrentUser user) {
        return jdbc.sql("select v.id, e.node_id, v.file_name, v.content_type, v.content from rating_evidence v "
                        + "join rating_entry e on e.id = v.entry_id join org_node n on n.id = e.node_id "
                        + "where v.id = :id and n.path like :scopePath and v.content is not null")
                .param("id", evidenceId).param("scopePath", user.scope().pathPattern())
                .query((rs, i) -> new File(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getBytes(5))).optional()
                .orElseThrow(() -> new NotFoundException("佐证材料不存在或不在您的管理范围内：" + evidenceId));
    }

    static String actionLabel(String action) {
        return switch (action) {
            case "SUBMIT" -> "提交";
            case "APPROVE" -> "审核通过";
            case "RETURN" -> "退回";
            case "CONFIRM" -> "审定";
            case "OBJECTION" -> "异议";
            case "ANSWER" -> "答复异议";
            case "PUBLISH" -> "发布";
            case "WITHDRAW" -> "摘星";
            case "RESTORE" -> "恢复星级";
            default -> action;
        };
    }

    static String stageLabel(String stage) {
        if (stage == null) {
            return "";
        }
        return switch (stage) {
            case "SELF" -> "自评";
            case "TOWNSHIP" -> "乡镇初审";
            case "COUNTY" -> "县级复审";
            case "CITY" -> "市级审定";
            case "DONE" -> "已审定";
            default -> stage;
        };
    }

    static String whatLabel(String what) {
        return switch (what) {
            case "SCORE" -> "评分";
            case "VETO" -> "一票否决";
            case "STARS" -> "星级";
            default -> what;
        };
    }

}
