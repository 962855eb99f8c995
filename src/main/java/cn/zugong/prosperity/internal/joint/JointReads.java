package cn.zugong.prosperity.internal.joint;

import cn.zugong.prosperity.JointCommittees;
import cn.zugong.shared.CurrentUser;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the pages show of 党建联建 (ADR 073): the committees in the caller's scope with their counts and today's chair
 * (the term that holds the platform clock's date), and one committee in full. Aggregates in SQL, a fixed number of
 * queries per page.
 */
@Service
class JointReads {

    private final JdbcClient jdbc;
    private final JointService service;
    private final Clock clock;

    JointReads(JdbcClient jdbc, JointService service, Clock clock) {
        this.jdbc = jdbc;
        this.service = service;
        this.clock = clock;
    }

    record Summary(long id, String name, String kind, String kindLabel, String nodeName, LocalDate foundedOn,
                   long members, long pairs, long projects, String chair, String chairOrg) {
    }

    record Member(long orgId, String code, String name, String role, String roleLabel, Integer rotationOrder) {
    }

    record Pair(long id, String name, String code, String kind, String kindLabel, LocalDate pairedOn) {
    }

    record Term(long id, String orgName, String orgCode, String chairName, LocalDate startsOn, LocalDate endsOn,
                boolean current) {
    }

    record Result(long id, LocalDate date, String summary, BigDecimal fundsYuan, int peopleServed,
                  BigDecimal incomeYuan) {
    }

    record Project(long id, String name, String leadName, List<String> partners, LocalDate startsOn, LocalDate endsOn,
                   BigDecimal budgetYuan, String status, String statusLabel, List<Result> results) {
    }

    record Detail(long id, String name, String kind, String kindLabel, String nodeName, LocalDate foundedOn,
                  String theme, LocalDate today, Term currentChair, Member nextInRotation, List<Member> members,
                  List<Pair> pairs, List<Term> terms, List<Project> projects) {
    }

    static String kindLabel(String kind) {
        return JointCommittees.Kind.valueOf(kind).label();
    }

    static String pairKindLabel(String kind) {
        return switch (kind) {
            case "UNIT" -> "机关事业单位";
            case "ENTERPRISE" -> "企业";
            case "ASSOCIATION" -> "社会组织";
            default -> "其他";
        };
    }

    static String statusLabel(String status) {
        return switch (status) {
            case "PLANNED" -> "谋划中";
            case "ACTIVE" -> "实施中";
            case "DONE" -> "已完成";
            default -> "已中止";
        };
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    List<Summary> list(CurrentUser user) {
        JointService.requireOffice(user);
        LocalDate today = today();
        return jdbc.sql("""
                select j.id, j.name, j.kind, n.name as node_name, j.founded_on,
                  (select count(*) from joint_member m where m.committee_id = j.id) as members,
                  (select count(*) from joint_pair p where p.committee_id = j.id) as pairs,
                  (select count(*) from joint_project p where p.committee_id = j.id) as projects,
                  t.chair_name, o.name as chair_org
                from joint_committee j join org_node n on n.id = j.node_id
                left join joint_chair_term t on t.committee_id = j.id and t.starts_on <= :today and t.ends_on >= :today
                left join org_node o on o.id = t.org_id
                where n.path like :scopePath order by n.path, j.founded_on, j.id""")
                .param("today", today).param("scopePath", user.scope().pathPattern())
                .query((rs, i) -> new Summary(rs.getLong("id"), rs.getString("name"), rs.getString("kind"),
                        kindLabel(rs.getString("kind")), rs.getString("node_name"),
                        rs.getObject("founded_on", LocalDate.class), rs.getLong("members"), rs.getLong("pairs"),
                        rs.getLong("projects"), rs.getString("chair_name"), rs.getString("chair_org")))
                .list();
    }

    Detail detail(long id, CurrentUser user) {
        JointService.requireOffice(user);
        JointStore.Committee c = service.committee(id, user.scope());
        LocalDate today = today();
        List<Member> members = jdbc.sql("""
                select m.org_id, o.code, o.name, m.role, m.rotation_order from joint_member m
                join org_node o on o.id = m.org_id where m.committee_id = ?
                order by case when m.role = 'LEAD' then 0 else 1 end, o.path""").param(id)
                .query((rs, i) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        "LEAD".equals(rs.getString(4)) ? "牵头单位" : "成员单位", (Integer) rs.getObject(5, Integer.class)))
                .list();
        List<Pair> pairs = jdbc.sql("""
                select p.id, coalesce(o.name, p.outside_name), o.code, p.kind, p.paired_on from joint_pair p
                left join org_node o on o.id = p.org_id where p.committee_id = ? order by p.paired_on, p.id""").param(id)
                .query((rs, i) -> new Pair(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        pairKindLabel(rs.getString(4)), rs.getObject(5, LocalDate.class)))
                .list();
        List<Term> terms = jdbc.sql("""
                select t.id, o.name, o.code, t.chair_name, t.starts_on, t.ends_on from joint_chair_term t
                join org_node o on o.id = t.org_id where t.committee_id = ? order by t.starts_on""").param(id)
                .query((rs, i) -> {
                    LocalDate from = rs.getObject(5, LocalDate.class);
                    LocalDate to = rs.getObject(6, LocalDate.class);
                    return new Term(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), from, to,
                            !today.isBefore(from) && !today.isAfter(to));
                })
                .list();
        Term current = terms.stream().filter(Term::current).findFirst().orElse(null);
        return new Detail(c.id(), c.name(), c.kind(), kindLabel(c.kind()), c.nodeName(), c.foundedOn(), c.theme(),
                today, current, next(members, terms, today).orElse(null), members, pairs, terms, projects(id));
    }

    /**
     * Who chairs next by the rotation order: the member after the holder of the latest term that has begun (after
     * the last in the order comes the first again); the first in the order when no term has begun.
     */
    static Optional<Member> next(List<Member> members, List<Term> terms, LocalDate today) {
        List<Member> rotation = members.stream().filter(m -> m.rotationOrder() != null)
                .sorted(java.util.Comparator.comparing(Member::rotationOrder)).toList();
        if (rotation.isEmpty()) {
            return Optional.empty();
        }
        Optional<Term> latest = terms.stream().filter(t -> !t.startsOn().isAfter(today))
                .max(java.util.Comparator.comparing(Term::startsOn));
        if (latest.isEmpty()) {
            return Optional.of(rotation.get(0));
        }
        for (int i = 0; i < rotation.size(); i++) {
            if (rotation.get(i).code().equals(latest.get().orgCode())) {
                return Optional.of(rotation.get((i + 1) % rotation.size()));
            }
        }
        return Optional.of(rotation.get(0));
    }

    private List<Project> projects(long committeeId) {
        Map<Long, List<String>> partners = new HashMap<>();
        jdbc.sql("""
                select pp.project_id, o.name from joint_project_partner pp join joint_project p on p.id = pp.project_id
                join org_node o on o.id = pp.org_id where p.committee_id = ? order by o.path""").param(committeeId)
                .query((rs, i) -> partners.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        Map<Long, List<Result>> results = new HashMap<>();
        jdbc.sql("""
                select r.project_id, r.id, r.result_date, r.summary, r.funds_yuan, r.people_served, r.income_yuan
                from joint_result r join joint_project p on p.id = r.project_id where p.committee_id = ?
                order by r.result_date, r.id""").param(committeeId)
                .query((rs, i) -> results.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Result(
                        rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4), rs.getBigDecimal(5),
                        rs.getInt(6), rs.getBigDecimal(7))))
                .list();
        return jdbc.sql("""
                select p.id, p.name, o.name as lead_name, p.starts_on, p.ends_on, p.budget_yuan, p.status
                from joint_project p join org_node o on o.id = p.lead_org_id where p.committee_id = ?
                order by p.starts_on, p.id""").param(committeeId)
                .query((rs, i) -> new Project(rs.getLong("id"), rs.getString("name"), rs.getString("lead_name"),
                        partners.getOrDefault(rs.getLong("id"), List.of()), rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class), rs.getBigDecimal("budget_yuan"),
                        rs.getString("status"), statusLabel(rs.getString("status")),
                        results.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }
}
