package cn.zugong.indicator.internal.view;

import cn.zugong.indicator.EvaluationViews.NumeratorMove;
import cn.zugong.indicator.Evaluation;
import cn.zugong.indicator.internal.compile.AggregateSql;
import cn.zugong.indicator.internal.compile.CompiledFormula;
import cn.zugong.indicator.internal.compile.FactTable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 与上次相比 for one indicator at one node: who entered and who left the numerator between two evaluations,
 * each with the reason — the person's recorded changes between the two dates (person_version: the change
 * kind and the fields that differ), or, when nothing was recorded, what moves by itself with the date (age,
 * years in a post or rank) and the yearly facts (assessments, training, rewards and disciplines).
 */
@Component
public class NumeratorMoves {

    private static final Map<String, String> KINDS = Map.ofEntries(Map.entry("HIRE", "入职"),
            Map.entry("PROMOTION", "晋升"), Map.entry("POST", "职务变动"), Map.entry("TRANSFER", "调动"),
            Map.entry("EDUCATION", "学历变化"), Map.entry("POLITICAL", "政治面貌变化"), Map.entry("RETIRE", "退休"),
            Map.entry("LEAVE", "离职"), Map.entry("CORRECTION", "更正"), Map.entry("IMPORT", "导入"),
            Map.entry("EDIT", "修改"), Map.entry("DEMO", "演示数据"));

    private final NumeratorPeople people;
    private final JdbcClient jdbc;

    NumeratorMoves(NumeratorPeople people, JdbcClient jdbc) {
        this.people = people;
        this.jdbc = jdbc;
    }

    /** Empty when the numerator is not a head-count of people in either evaluation. */
    public Optional<List<NumeratorMove>> moves(Evaluation current, Evaluation previous, String code,
                                               String pathPattern) {
        Optional<List<Long>> now = people.personIdsUnder(current, code, pathPattern);
        Optional<List<Long>> before = people.personIdsUnder(previous, code, pathPattern);
        if (now.isEmpty() || before.isEmpty()) {
            return Optional.empty();
        }
        Set<Long> in = new TreeSet<>(now.get());
        in.removeAll(before.get());
        Set<Long> out = new TreeSet<>(before.get());
        out.removeAll(now.get());
        Set<Long> all = new LinkedHashSet<>(in);
        all.addAll(out);
        if (all.isEmpty()) {
            return Optional.of(List.of());
        }
        Map<Long, State> was = states(all, previous.asOf(), previous.knowledge(), pathPattern);
        Map<Long, State> is = states(all, current.asOf(), current.knowledge(), pathPattern);
        Map<Long, List<String>> recorded = recorded(all, previous.asOf(), current.asOf(), current.knowledge());
        CompiledFormula formula = people.formula(current, code);
        List<String> drift = drift(formula);
        String conditions = conditions(formula);
        List<NumeratorMove> moves = new ArrayList<>();
        for (long id : all) {
            boolean movedIn = in.contains(id);
            moves.add(new NumeratorMove(id, movedIn, reasons(was.get(id), is.get(id),
                    recorded.getOrDefault(id, List.of()), drift, conditions)));
        }
        return Optional.of(moves);
    }

    /** A person's version on one day as known at one moment: the fields a reason names. */
    private record State(String unit, String status, String rank, String post, String education,
                         String political, String staffKind, boolean insideNode) {
        boolean inService() {
            return "在职".equals(status);
        }
    }

    private Map<Long, State> states(Collection<Long> ids, LocalDate asOf, LocalDateTime knownAt,
                                    String pathPattern) {
        Map<Long, State> states = new HashMap<>();
        jdbc.sql("""
                        select v.person_id, n.name, v.service_status, v.rank_level, v.post_level, v.ft_education,
                               v.political_status, v.staff_kind,
                               case when n.path like :pattern then 1 else 0 end as inside
                        from person_version v left join org_node n on n.id = v.unit_id
                        where v.person_id in (:ids) and v.valid_from <= :asof and v.valid_to > :asof
                          and v.recorded_at <= :knownAt and v.superseded_at > :knownAt
                        """).param("ids", ids).param("asof", asOf).param("knownAt", knownAt)
                .param("pattern", pathPattern)
                .query(rs -> {
                    states.put(rs.getLong(1), new State(rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9) == 1));
                });
        return states;
    }

    /** The changes that took effect after {@code from} up to {@code to}, as known at {@code knownAt}. */
    private Map<Long, List<String>> recorded(Collection<Long> ids, LocalDate from, LocalDate to,
                                             LocalDateTime knownAt) {
        Map<Long, List<String>> changes = new HashMap<>();
        jdbc.sql("""
                        select v.person_id, v.valid_from, v.change_kind, v.change_note
                        from person_version v
                        where v.person_id in (:ids) and v.valid_from > :from and v.valid_from <= :to
                          and v.recorded_at <= :knownAt and v.superseded_at > :knownAt
                        order by v.person_id, v.valid_from
                        """).param("ids", ids).param("from", from).param("to", to).param("knownAt", knownAt)
                .query(rs -> {
                    String kind = KINDS.getOrDefault(rs.getString(3), rs.getString(3));
                    String note = rs.getString(4);
                    changes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(
                            rs.getObject(2, LocalDate.class) + " " + kind + (note == null || note.isBlank() ? ""
                                    : "（" + note + "）"));
                });
        return changes;
    }

    /**
     * Why a person moved: a change of status; otherwise a change of unit or of a field the numerator reads
     * (a promotion does not explain a move in an age count), with the recorded changes behind it; otherwise
     * what moves with the date by itself.
     */
    private static List<String> reasons(State was, State is, List<String> recorded, List<String> drift,
                                        String conditions) {
        List<String> reasons = new ArrayList<>();
        boolean wasIn = was != null && was.inService();
        boolean isIn = is != null && is.inService();
        if (!wasIn && isIn) {
            reasons.add(was == null ? "入职/调入（上次尚未在册）" : "恢复在职（上次为" + was.status() + "）");
            reasons.addAll(recorded);
        } else if (wasIn && !isIn) {
            reasons.add(is == null ? "不再在册" : is.status());
            reasons.addAll(recorded);
        } else if (wasIn) {
            if (was.insideNode() != is.insideNode()) {   // a move between two units of this node moves nobody here
                differs(reasons, "单位", was.unit(), is.unit());
            }
            if (conditions.contains("p.rank_level")) {
                differs(reasons, "职级", was.rank(), is.rank());
            }
            if (conditions.contains("p.post_level")) {
                differs(reasons, "职务层次", was.post(), is.post());
            }
            if (conditions.contains("_education")) {
                differs(reasons, "全日制学历", was.education(), is.education());
            }
            if (conditions.contains("p.political_status")) {
                differs(reasons, "政治面貌", was.political(), is.political());
            }
            if (conditions.contains("p.staff_kind")) {
                differs(reasons, "人员类别", was.staffKind(), is.staffKind());
            }
            if (!reasons.isEmpty()) {
                reasons.addAll(recorded);
            }
        } else {
            reasons.addAll(recorded);
        }
        if (reasons.isEmpty()) {
            reasons.addAll(drift);
        }
        return reasons;
    }

    /** The numerator's conditions as one text, to tell which fields can move a person in or out. */
    private static String conditions(CompiledFormula formula) {
        StringBuilder all = new StringBuilder();
        if (formula != null) {
            for (AggregateSql a : formula.numerator().terms().keySet()) {
                all.append(a.condition() == null ? "" : a.condition()).append('\n');
            }
        }
        return all.toString();
    }

    private static void differs(List<String> reasons, String what, String before, String after) {
        if (!Objects.equals(before, after)) {
            reasons.add(what + " " + (before == null ? "无" : before) + " → " + (after == null ? "无" : after));
        }
    }

    /** What may move a person in or out with no recorded change: read from the numerator's conditions. */
    private static List<String> drift(CompiledFormula formula) {
        Set<String> reasons = new LinkedHashSet<>();
        if (formula != null) {
            for (AggregateSql a : formula.numerator().terms().keySet()) {
                String c = a.condition() == null ? "" : a.condition();
                if (c.contains("p.birth_date")) {
                    reasons.add("年龄增长");
                }
                if (c.contains("p.rank_since") || c.contains("p.post_since")) {
                    reasons.add("任职年限增长");
                }
                if (c.contains("p.joined_unit_date") || c.contains("p.work_start_date")) {
                    reasons.add("工作年限增长");
                }
                if (c.contains("p.probation_end")) {
                    reasons.add("试用期届满");
                }
                if (a.table() == FactTable.ASSESSMENT) {
                    reasons.add("考核结果变化");
                } else if (a.table() == FactTable.TRAINING) {
                    reasons.add("培训学时变化");
                } else if (a.table() == FactTable.RECORD) {
                    reasons.add("奖惩记录变化");
                }
            }
        }
        if (reasons.isEmpty()) {
            reasons.add("基准日变化");
        }
        return List.copyOf(reasons);
    }
}
