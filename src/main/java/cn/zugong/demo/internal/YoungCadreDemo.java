package cn.zugong.demo.internal;

import cn.zugong.cadre.LeadershipRecords;
import cn.zugong.cadre.YoungCadreRecords;
import cn.zugong.org.NodeKind;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.people.ChangeKind;
import cn.zugong.people.LeadershipRoster;
import cn.zugong.people.PersonRow;
import cn.zugong.people.RosterChange;
import cn.zugong.people.RosterWriter;
import cn.zugong.people.YoungCadreRoster;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's 年轻干部 (五制, 选调生), 一把手 tracking, 离任交接 and 揭榜出征 (issue 19, ADR 078), written through the
 * parts' services as the city's 干部科: the people the entry rules find on the roster proposed and reviewed, mentors
 * and their talks, 165 young cadres posted (the seed's 「选派165名优秀年轻干部」), a few exits and the year's ranking;
 * notes on the 一把手, 52 leaders' handovers in 20 townships completed (the seed's count: 舟山 has over 20 townships),
 * and 揭榜出征 tasks claimed by the former leaders: the seed's 590 scaled to the demo roster (59). Skipped when present.
 */
@Component
@Order(90)
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class YoungCadreDemo implements DemoStep {

    private static final Logger log = LoggerFactory.getLogger(YoungCadreDemo.class);
    static final int POSTED = 165;
    static final int HANDOVER_LEADERS = 52;
    static final int HANDOVER_TOWNS = 20;
    static final int CLAIMANTS = 590;
    private static final List<String> HOSTS = List.of("重大项目建设指挥部", "防台救灾一线指挥部", "信访积案化解专班",
            "招商引资专班", "共同富裕示范村", "海岛综合治理专班");
    private static final List<String> POSTS = List.of("副指挥", "专班成员", "村党组织书记助理", "项目联络员", "副组长");

    private final YoungCadreRecords young;
    private final LeadershipRecords leaders;
    private final YoungCadreRoster youngRoster;
    private final LeadershipRoster leaderRoster;
    private final OrgTree tree;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final RosterWriter roster;

    YoungCadreDemo(YoungCadreRecords young, LeadershipRecords leaders, YoungCadreRoster youngRoster,
                   LeadershipRoster leaderRoster, OrgTree tree, JdbcClient jdbc, Clock clock, RosterWriter roster) {
        this.roster = roster;
        this.young = young;
        this.leaders = leaders;
        this.youngRoster = youngRoster;
        this.leaderRoster = leaderRoster;
        this.tree = tree;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void load() {
        if (jdbc.sql("select count(*) from young_cadre").query(Long.class).single() > 0) {
            return;
        }
        OrgNode city = tree.byCode("3309").orElse(null);
        if (city == null) {
            return;
        }
        CurrentUser admin = new CurrentUser(0, "admin", "市委组织部管理员", Role.ADMIN, city.asScope(), city.name());
        CurrentUser reviewer = new CurrentUser(0, "reviewer", "市委组织部审核员", Role.REVIEWER, city.asScope(), city.name());
        SplittableRandom r = new SplittableRandom(19_4);
        int year = LocalDate.now(clock).getYear();
        young(admin, r, year);
        handovers(admin, reviewer);
        notes(admin, r, year);
        frontline(admin, r, year);
    }

    private void young(CurrentUser admin, SplittableRandom r, int year) {
        LocalDate today = LocalDate.now(clock);
        List<YoungCadreRoster.Candidate> found = new ArrayList<>(youngRoster.qualifying(
                young.criteria("TOWNSHIP"), admin.scope(), today, 230));
        List<YoungCadreRoster.Candidate> county = youngRoster.qualifying(young.criteria("COUNTY"), admin.scope(),
                today, 400).stream().filter(c -> found.stream().noneMatch(f -> f.id() == c.id())).limit(25).toList();
        List<LeadershipRoster.Leader> heads = leaderRoster.heads(admin.scope(), null, 200);
        List<Long> pool = new ArrayList<>();
        int i = 0;
        for (var c : found) {
            Integer cohort = "选调生".equals(c.source()) && c.workStartDate() != null
                    ? Math.max(2000, c.workStartDate().getYear()) : null;
            long id = young.propose(admin, c.id(), "TOWNSHIP", cohort);
            if (i % 23 == 22) {
                young.review(admin, id, false, "民主推荐得票靠后，暂缓入库");
            } else if (i % 29 != 28) {
                young.review(admin, id, true, "经预审，政治素质、工作实绩和群众公认度符合乡科级优秀年轻干部入库条件");
                pool.add(id);
            } // else left in 预审
            i++;
        }
        for (var c : county) {
            long id = young.propose(admin, c.id(), "COUNTY", null);
            young.review(admin, id, true, "经预审，符合县处级优秀年轻干部入库条件");
            pool.add(id);
        }
        for (int k = 0; k < pool.size() && !heads.isEmpty(); k++) {
            long id = pool.get(k);
            var mentor = heads.get(k % heads.size());
            if (youngRoster.candidates(List.of(mentor.id())).isEmpty()) {
                continue;
            }
            try {
                young.mentor(admin, id, mentor.id());
                young.note(admin, id, today.minusDays(30 + r.nextInt(200)).toString(), "导师谈心谈话：交流岗位历练体会，"
                        + List.of("要求在重大项目一线经受锻炼", "指导做好群众工作", "提醒严守纪律规矩").get(r.nextInt(3)));
            } catch (RuntimeException e) {
                log.debug("demo mentor skipped: {}", e.getMessage());
            }
        }
        int posted = 0;
        for (int k = 0; k < pool.size() && posted < POSTED; k++, posted++) {
            long id = pool.get(k);
            boolean ended = k % 3 != 2;
            LocalDate from = ended ? LocalDate.of(year, 1 + r.nextInt(4), 1) : LocalDate.of(year, 8 + r.nextInt(3), 1);
            LocalDate to = ended ? from.plusMonths(5).minusDays(1) : from.plusMonths(6).minusDays(1);
            long p = young.openPosting(admin, id, k % 2 == 0 ? "TRIAL" : "ATTACHED", HOSTS.get(r.nextInt(HOSTS.size())),
                    POSTS.get(r.nextInt(POSTS.size())), from.toString(), to.toString());
            if (ended) {
                double x = r.nextDouble();
                young.endPosting(admin, p, x < 0.3 ? "优秀" : x < 0.85 ? "良好" : x < 0.97 ? "一般" : "较差",
                        "挂职期间能扛事、敢担当，" + (x < 0.3 ? "实绩突出" : "完成任务较好"));
            }
        }
        // 比选淘汰: the last few of the pool without a posting leave with the reason
        for (int k = pool.size() - 1, exited = 0; k >= posted && exited < 8; k--, exited++) {
            young.exit(admin, pool.get(k), List.of("年度比选排名靠后", "本人申请退出", "考核不达要求").get(exited % 3));
        }
        young.rank(admin, year);
        log.info("Demo young cadres: {} found, {} in the pool, {} posted", found.size() + county.size(), pool.size(),
                posted);
    }

    private void handovers(CurrentUser admin, CurrentUser reviewer) {
        List<OrgNode> towns = new ArrayList<>();
        for (OrgNode c : tree.children(tree.byCode("3309").orElseThrow().id(), admin.scope())) {
            if (c.kind() == NodeKind.COUNTY) {
                tree.children(c.id(), admin.scope()).stream().filter(n -> n.kind() == NodeKind.TOWNSHIP)
                        .forEach(towns::add);
            }
        }
        int done = 0;
        int usedTowns = 0;
        for (OrgNode town : towns) {
            if (usedTowns == HANDOVER_TOWNS || done == HANDOVER_LEADERS) {
                break;
            }
            List<LeadershipRoster.Leader> holders = leaderRoster.postHoldersUnder(town.path(), 20);
            int want = Math.min(HANDOVER_LEADERS - done, usedTowns < 12 ? 3 : 2);
            if (HANDOVER_TOWNS - usedTowns - 1 > 0) {
                want = Math.min(want, HANDOVER_LEADERS - done - (HANDOVER_TOWNS - usedTowns - 1));
            }
            if (holders.size() < want + 1 || want < 1) {
                continue;
            }
            LocalDate day = LocalDate.now(clock).minusDays(40 + usedTowns * 7L);
            for (int k = 0; k < want; k++) {
                var leaving = holders.get(k + 1);
                long id = leaders.openHandover(admin, town.id(), leaving.id(), holders.get(0).id(), day.toString());
                leaders.items(id).forEach(item -> leaders.confirmItem(admin, id, item, "已逐项移交"));
                leaders.sign(admin, id, true);
                leaders.sign(reviewer, id, false);
                leaders.complete(reviewer, id);
                done++;
            }
            usedTowns++;
        }
        log.info("Demo handovers: {} leaders in {} townships (of {} townships)", done, usedTowns, towns.size());
    }

    private void notes(CurrentUser admin, SplittableRandom r, int year) {
        List<LeadershipRoster.Leader> heads = leaderRoster.heads(admin.scope(), "县处级正职", 80);
        LocalDate today = LocalDate.now(clock);
        Map<String, String> texts = Map.of("DUTY", "牵头推进重点项目，季度履职情况良好", "TALK", "开展任职谈话，提醒落实主体责任",
                "PROBLEM", "民生实事进度滞后，提醒限期整改", "PRAISE", "防台救灾中靠前指挥，予以通报表扬");
        List<String> kinds = List.of("DUTY", "TALK", "PROBLEM", "PRAISE");
        for (var h : heads) {
            for (int k = 0; k < 2; k++) {
                String kind = kinds.get(r.nextInt(kinds.size()));
                LocalDate on = LocalDate.of(year, 1, 10).plusDays(r.nextInt(Math.max(1, today.getDayOfYear() - 10)));
                leaders.note(admin, h.id(), (on.isAfter(today) ? today : on).toString(), kind, texts.get(kind));
            }
        }
    }

    /**
     * The demo roster is generated without anyone who left a leading post; the seed's 590 (of the city and its
     * counties) scaled to the demo roster (about one tenth): the oldest 副职 holders (50 and over) leave their post
     * through the roster's own write path (a 职务变动 on 2025-06-30), as 退出领导岗位 cadres do.
     */
    private void formerLeaders(int year) {
        if (!leaderRoster.formers(tree.byCode("3309").orElseThrow().asScope(), 1).isEmpty()) {
            return;
        }
        List<Long> ids = jdbc.sql("select p.id from person p join org_node u on u.id = p.unit_id where u.code like '3309%' "
                        + "and p.service_status = '在职' and p.post_level like '%副职' and p.birth_date <= :born "
                        + "order by p.birth_date, p.id fetch first " + CLAIMANTS / 10 + " rows only")
                .param("born", LocalDate.of(year - 50, 12, 31)).query(Long.class).list();
        for (long id : ids) {
            roster.change(id, new RosterChange(LocalDate.of(2025, 6, 30), ChangeKind.POST, "退出领导岗位"),
                    p -> new PersonRow(p.id(), p.unitId(), p.name(), p.gender(), p.birthDate(), p.idNumber(), p.phone(),
                            p.ethnicity(), p.politicalStatus(), p.ftEducation(), p.ftDegree(), p.isEducation(),
                            p.isDegree(), p.majorCategory(), p.staffKind(), p.rankLevel(), p.rankSince(), null, null,
                            p.workStartDate(), p.joinedUnitDate(), p.source(), p.probationEnd(), p.assessments(),
                            p.trainingHours(), p.rewards(), p.disciplines()));
        }
    }

    private void frontline(CurrentUser admin, SplittableRandom r, int year) {
        formerLeaders(year);
        var formers = leaderRoster.formers(admin.scope(), CLAIMANTS);
        List<String> titles = List.of("重大项目攻坚", "海岛共富攻坚", "信访积案化解", "防汛防台隐患排查", "招商引资攻坚",
                "基层治理“一件事”攻坚", "渔船安全生产整治", "乡村振兴示范带建设");
        int tasks = Math.max(4, (formers.size() + 19) / 20);
        List<Long> ids = new ArrayList<>();
        for (int k = 0; k < tasks; k++) {
            ids.add(leaders.postTask(admin, titles.get(k % titles.size()) + "（第" + (k / titles.size() + 1) + "批）",
                    "面向退出领导岗位干部张榜，发挥经验优势返一线再攻坚", 25, LocalDate.of(year, 1 + k % 10, 1).toString(),
                    LocalDate.of(year + 1, 6, 30).toString()));
        }
        int claimed = 0;
        for (int k = 0; k < formers.size(); k++) {
            long task = ids.get(k % ids.size());
            long claim = leaders.claimTask(admin, task, formers.get(k).id());
            claimed++;
            if (r.nextDouble() < 0.4) {
                leaders.finish(admin, claim, "按期完成攻坚任务，形成可复制经验");
            } else {
                leaders.progress(admin, claim, "已驻点攻坚，完成阶段性目标");
            }
        }
        log.info("Demo 揭榜出征: {} tasks, {} former leaders claimed (the roster knows {})", tasks, claimed,
                formers.size());
    }
}
