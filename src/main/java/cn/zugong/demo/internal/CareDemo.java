package cn.zugong.demo.internal;

import cn.zugong.cadre.CareRecords;
import cn.zugong.cadre.CareRecords.Check;
import cn.zugong.cadre.CareRecords.Decide;
import cn.zugong.cadre.CareRecords.NewBatch;
import cn.zugong.cadre.CareRecords.NewCase;
import cn.zugong.cadre.CareRecords.NewClearance;
import cn.zugong.cadre.CareRecords.NewDiscipline;
import cn.zugong.cadre.CareRecords.NewItem;
import cn.zugong.cadre.CareRecords.NewNomination;
import cn.zugong.cadre.CareRecords.NewReuse;
import cn.zugong.cadre.CareRecords.NewVisit;
import cn.zugong.cadre.CareRecords.Publicity;
import cn.zugong.cadre.CareRecords.Review;
import cn.zugong.cadre.CareRecords.Verify;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.people.CadreCarePeople;
import cn.zugong.people.CadreCarePeople.Subject;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.Role;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's 激励关爱 (issue 19) for the city, in the as-of year, written through the care services so that the
 * figures page prints the seed's sentence from the data: 39 people cleared (澄清正名), 12 容错纠错减责 (8 免责, 4
 * 从轻减轻; besides 3 不予容错 and 4 cases still in progress), 584 disciplined cadres visited (暖心回访; 6 more whose
 * first visit is overdue, one of them 督办), 26 of them re-used after the 影响期 (tracked to an appointment record:
 * the appointments demo's own when it has them, otherwise a minimal 进一步使用 record), 98 people and 50 collectives
 * rewarded in two batches, 10 担当作为好干部 published (others in 公示, nominated or rejected).
 */
@Component
@Order(80)
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class CareDemo implements DemoStep {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CareDemo.class);
    static final int CLEARED = 39;
    static final int EXEMPT = 8;
    static final int LIGHTER = 4;
    static final int VISITED = 584;
    static final int REUSED = 26;
    static final int OVERDUE = 6;
    static final int REWARDED_FIRST = 50;
    static final int REWARDED_SECOND = 48;
    static final int UNITS_EACH = 25;
    static final int PUBLISHED = 10;

    private static final String[] KINDS = {"诫勉", "警告", "严重警告", "政务警告", "政务记过", "组织处理"};
    private static final String[] REPORTS = {"反映其在工程项目招投标中打招呼，经核查不属实", "反映其违规收受礼金，经核查系正常人情往来且已退还",
            "反映其在征迁工作中优亲厚友，经核查征迁程序规范、补偿标准一致", "匿名反映其长期不在岗，经核查系外出驻点招商",
            "反映其插手下属单位人事安排，经核查不属实"};
    private static final String[] MATTERS = {"推进项目审批“容缺受理”时，部分材料后补导致程序瑕疵",
            "疫情防控期间为保障物资供应，未履行完整采购程序", "先行先试推进渔船改造补助发放，个别对象审核把关不严",
            "为抢抓项目落地进度，在用地手续完备前组织场地平整"};
    private static final String[] CONTENTS = {"了解思想状况和工作情况，鼓励其放下包袱、轻装上阵", "与本人及所在单位主要负责人谈心谈话，了解近期表现",
            "走访家庭，了解生活困难并协调解决", "肯定其受处分后的工作实绩，提出改进建议"};
    private static final String[] REASONS = {"在重点工程建设中攻坚克难，提前完成节点目标", "在重点项目招引落地中表现突出",
            "在防台救灾一线冲锋在前、成效明显", "在急难险重任务中敢于担当、实绩突出"};

    private final CareRecords care;
    private final CadreCarePeople people;
    private final OrgTree tree;
    private final JdbcClient jdbc;
    private final LocalDate asOf;

    CareDemo(CareRecords care, CadreCarePeople people, OrgTree tree, JdbcClient jdbc,
             @Value("${zugong.demo.as-of:2026-11-01}") LocalDate asOf) {
        this.care = care;
        this.people = people;
        this.tree = tree;
        this.jdbc = jdbc;
        this.asOf = asOf;
    }

    /** A day of the as-of year, {@code fraction} of the way from 1 January to the as-of day. */
    private LocalDate day(double fraction) {
        LocalDate start = LocalDate.of(asOf.getYear(), 1, 1);
        long span = asOf.toEpochDay() - start.toEpochDay();
        return start.plusDays(Math.max(0, Math.min(span, Math.round(span * fraction))));
    }

    @Override
    public void load() {
        OrgNode city = tree.byCode("3309").orElse(null);
        if (city == null || care.any()) {
            return;
        }
        long started = System.currentTimeMillis();
        OrgScope scope = city.asScope();
        CurrentUser user = new CurrentUser(0, "demo", "演示数据", Role.ADMIN, scope, city.name());
        List<Subject> all = people.first(scope, 100_000);
        Set<Long> used = new HashSet<>();
        Map<Long, Long> reusable = appointments(all, scope);
        used.addAll(reusable.keySet());
        List<Subject> pool = all.stream().filter(s -> !used.contains(s.id())).toList();
        int stride = Math.max(1, pool.size() / (VISITED + OVERDUE + CLEARED + 40 + REWARDED_FIRST + REWARDED_SECOND + 20));
        List<Subject> picked = new ArrayList<>();
        for (int i = 0; i < pool.size(); i += stride) {
            picked.add(pool.get(i));
        }
        int at = 0;
        // 暖心回访: the re-used first, then the others to 584, each visited once or twice in the year
        List<Long> reusedPeople = new ArrayList<>(reusable.keySet());
        for (int i = 0; i < VISITED; i++) {
            Long appointment = null;
            long personId;
            if (i < reusedPeople.size()) {
                personId = reusedPeople.get(i);
                appointment = reusable.get(personId);
            } else {
                personId = picked.get(at++).id();
            }
            LocalDate first = day(0.05 + 0.85 * i / VISITED);
            LocalDate decided;
            LocalDate until = null;
            if (appointment != null) {
                LocalDate effective = effective(appointment);
                decided = effective.minusMonths(14);
                until = effective.minusMonths(8);
            } else {
                decided = first.minusMonths(3 + i % 20);
            }
            long d = care.discipline(new NewDiscipline(personId, KINDS[i % KINDS.length], decided, until,
                    "因工作失职受到处理（演示）", 12), user);
            care.visit(d, new NewVisit(first, "市委组织部干部监督科", CONTENTS[i % CONTENTS.length]), user);
            if (i % 3 == 0 && first.plusMonths(2).isBefore(asOf)) {
                care.visit(d, new NewVisit(first.plusMonths(2), "所在单位党组（党委）", CONTENTS[(i + 1) % CONTENTS.length]),
                        user);
            }
            if (appointment != null) {
                care.reuse(new NewReuse(d, appointment), user);
            }
        }
        // disciplined this year and not yet visited: overdue, one of them 督办
        for (int i = 0; i < OVERDUE; i++) {
            long d = care.discipline(new NewDiscipline(picked.get(at++).id(), KINDS[i % KINDS.length],
                    day(0.55 + 0.05 * i), null, "因工作失职受到处理（演示）", 6), user);
            if (i == 0) {
                care.dun(d, user);
            }
        }
        for (int i = 0; i < CLEARED; i++) {
            care.clear(new NewClearance(picked.get(at++).id(), REPORTS[i % REPORTS.length], day(0.1 + 0.8 * i / CLEARED),
                    i % 3 == 0 ? "书面通报" : "会议通报", i % 4 == 0 ? "本县（市、区）" : "本单位"), user);
        }
        cases(picked.subList(at, at + 19), user);
        at += 19;
        rewards(picked.subList(at, at + REWARDED_FIRST + REWARDED_SECOND), scope, user);
        at += REWARDED_FIRST + REWARDED_SECOND;
        exemplars(picked.subList(at, at + 15), user);
        LOG.info("Demo 激励关爱 loaded in {} ms", System.currentTimeMillis() - started);
    }

    private void cases(List<Subject> who, CurrentUser user) {
        String[] results = new String[19];
        for (int i = 0; i < 19; i++) {
            results[i] = i < EXEMPT ? "EXEMPT" : i < EXEMPT + LIGHTER ? "LIGHTER" : i < EXEMPT + LIGHTER + 3 ? "REFUSED"
                    : i < 17 ? "VERIFY" : "APPLY";
        }
        for (int i = 0; i < 19; i++) {
            LocalDate applied = day(0.1 + 0.04 * i);
            long id = care.apply(new NewCase(who.get(i).id(), MATTERS[i % MATTERS.length], applied), user);
            if (results[i].equals("APPLY")) {
                continue;
            }
            care.verify(id, new Verify("经调查核实，情况基本属实，出发点为推动工作", applied.plusDays(10)), user);
            if (results[i].equals("VERIFY")) {
                continue;
            }
            boolean[] met = switch (results[i]) {
                case "EXEMPT" -> new boolean[] {true, true, true};
                case "LIGHTER" -> new boolean[] {true, false, true};
                default -> new boolean[] {false, false, false};
            };
            List<Check> checks = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                checks.add(new Check((long) k + 1, met[k], met[k] ? "经集体研究，符合该项情形" : "不符合该项情形"));
            }
            care.decide(id, new Decide(results[i], "经容错纠错工作领导小组集体研究认定", applied.plusDays(25), checks), user);
        }
    }

    private void rewards(List<Subject> who, OrgScope scope, CurrentUser user) {
        List<OrgNode> units = tree.units(scope);
        int unitStride = Math.max(1, units.size() / (2 * UNITS_EACH));
        String[] names = {"实干争先专项及时奖励（第一批）", "实干争先专项及时奖励（第二批）"};
        LocalDate[] dates = {day(0.4), day(0.85)};
        int person = 0;
        int unit = 0;
        for (int b = 0; b < 2; b++) {
            List<NewItem> items = new ArrayList<>();
            int count = b == 0 ? REWARDED_FIRST : REWARDED_SECOND;
            for (int i = 0; i < count; i++) {
                items.add(new NewItem(who.get(person++).id(), null, REASONS[i % REASONS.length]));
            }
            for (int i = 0; i < UNITS_EACH && unit * unitStride < units.size(); i++) {
                items.add(new NewItem(null, units.get(unit++ * unitStride).id(), REASONS[(i + 1) % REASONS.length]));
            }
            care.batch(new NewBatch(names[b], dates[b], "市委组织部关于在重点工程、重点项目中实施及时奖励的通知", items), user);
        }
    }

    private void exemplars(List<Subject> who, CurrentUser user) {
        for (int i = 0; i < who.size(); i++) {
            long id = care.nominate(new NewNomination(who.get(i).id(), asOf.getYear() + "年度担当作为好干部",
                    "长期扎根重点项目一线，牵头破解多项难题（演示）"), user);
            if (i >= PUBLISHED + 3) {
                continue; // still nominated
            }
            boolean passed = i != PUBLISHED + 2;
            care.review(id, new Review(passed, passed ? "符合评选条件" : "事迹材料不够具体"), user);
            if (!passed) {
                continue;
            }
            if (i < PUBLISHED) {
                care.publicize(id, new Publicity(day(0.6), 5), user);
                care.publish(id, user);
            } else {
                care.publicize(id, new Publicity(asOf, 5), user);
            }
        }
    }

    /**
     * Up to 26 completed 提拔 / 进一步使用 / 职级晋升 records of the as-of year (after March, so the person's
     * 影响期 can have ended before): those of the appointments demo when present, otherwise minimal 进一步使用
     * records for people of the roster. Person → appointment id.
     */
    private Map<Long, Long> appointments(List<Subject> all, OrgScope scope) {
        Map<Long, Long> out = new LinkedHashMap<>();
        jdbc.sql("select a.person_id, min(a.id) from cadre_appointment a join org_node n on n.id = a.unit_id "
                        + "where a.status = 'DONE' and a.kind in ('PROMOTION', 'FURTHER_USE', 'RANK_PROMOTION') "
                        + "and a.effective_on between :from and :to and n.path like :scopePath "
                        + "group by a.person_id order by a.person_id")
                .param("from", LocalDate.of(asOf.getYear(), 3, 1)).param("to", asOf)
                .param("scopePath", scope.pathPattern())
                .query((rs, i) -> out.size() < REUSED ? out.put(rs.getLong(1), rs.getLong(2)) : null).list();
        for (int i = all.size() - 1; i >= 0 && out.size() < REUSED; i -= 7) {
            Subject s = all.get(i);
            if (!out.containsKey(s.id())) {
                LocalDate effective = day(0.3 + 0.02 * out.size());
                var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
                jdbc.sql("insert into cadre_appointment (person_id, unit_id, kind, status, effective_on, created_at, "
                                + "created_by) values (:p, :u, 'FURTHER_USE', 'DONE', :e, :at, 'demo')")
                        .param("p", s.id()).param("u", s.unitId()).param("e", effective)
                        .param("at", LocalDateTime.of(effective.minusDays(30), java.time.LocalTime.NOON))
                        .update(key, "id");
                out.put(s.id(), key.getKey().longValue());
            }
        }
        return out;
    }

    private LocalDate effective(long appointmentId) {
        return jdbc.sql("select effective_on from cadre_appointment where id = :id").param("id", appointmentId)
                .query(LocalDate.class).single();
    }
}
