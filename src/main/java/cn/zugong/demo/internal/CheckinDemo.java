package cn.zugong.demo.internal;

import cn.zugong.party.CheckinPostKind;
import cn.zugong.party.CheckinPostRole;
import cn.zugong.party.CheckinReason;
import cn.zugong.party.CheckinRecords;
import cn.zugong.shared.ZugongException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's 党员报到 (双找双回, 小岛你好): about 1,200 members of the city's village branches report, for 原户籍
 * (their ID number's county is the village's) and some for 曾工作生活, to the villages of the island townships
 * (chosen by township code, so it works whether or not the islands data is loaded); two posts per village, claims
 * within their capacity, a service log per member for most, about 3,600 elderly visits and 13 million yuan. Everything
 * goes through {@link CheckinRecords} (the reasons are checked as on the member's page). Links the dangyuan account to
 * a member of 公前村's branch who reports to a neighbouring village of 桃花镇, holds a post and has logs.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class CheckinDemo implements DemoStep {

    private static final Logger log = LoggerFactory.getLogger(CheckinDemo.class);
    /** Island townships: 六横, 虾峙, 桃花, 东极 (普陀), 嵊泗 (all), 长涂, 衢山, 秀山 (岱山), 金塘 (定海). */
    static final List<String> TOWNSHIPS = List.of("330903100", "330903102", "330903104", "330903105", "330922",
            "330921105", "330921106", "330921200", "330902100");
    static final String GONGQIAN_BRANCH = "330903104202P1";
    static final int MEMBERS = 1_210;
    private static final String ACTOR = "demo";
    private static final String[][] POSTS = {
        {"INDUSTRY", "ADVISER", "渔旅产业帮扶", "帮助对接海产品销路、民宿提升"},
        {"ELDERLY", "SURVEYOR", "关爱独居老人", "定期走访独居、高龄老人，了解需求"},
        {"GRID", "SURVEYOR", "网格民情联络", "协助网格员收集村情民意"},
        {"POLICY", "PROMOTER", "政策宣讲", "宣讲惠民惠企政策和乡村振兴政策"},
        {"IDEAS", "ADVISER", "集智献策", "为村集体经济发展出点子、找项目"}};
    private static final String[] DEEDS = {"走访独居老人，帮助联系上门医疗", "宣讲养老保险和医保政策", "对接海产品线上销售渠道",
        "协调修缮码头护栏", "帮助申请渔船更新改造补助", "组织村民学习民宿服务技能", "收集村民对道路改造的意见",
        "联系农技专家指导紫菜养殖"};

    private final CheckinRecords records;
    private final JdbcClient jdbc;
    private final LocalDate asOf;
    private final long seed;

    CheckinDemo(CheckinRecords records, JdbcClient jdbc,
                @Value("${zugong.demo.as-of:2026-11-01}") LocalDate asOf, @Value("${zugong.demo.seed:20261123}") long seed) {
        this.records = records;
        this.jdbc = jdbc;
        this.asOf = asOf;
        this.seed = seed;
    }

    private record Target(long id, String code, String county, long branchId) {
    }

    private record Candidate(long id, long branchId, String county) {
    }

    @Override
    public void load() {
        if (records.any()) {
            return;
        }
        long started = System.nanoTime();
        List<Target> targets = targets();
        if (targets.isEmpty()) {
            return;
        }
        Map<String, List<Candidate>> pools = pools();
        SplittableRandom r = new SplittableRandom(seed ^ 18);
        int perVillage = (MEMBERS + targets.size() - 1) / targets.size();
        Map<String, Integer> next = new HashMap<>();
        int reported = 0;
        long elderly = 0;
        for (Target t : targets) {
            List<Long> posts = posts(t, r);
            List<Candidate> pool = pools.getOrDefault(t.county(), List.of());
            int taken = 0;
            while (taken < perVillage && reported < MEMBERS && next.getOrDefault(t.county(), 0) < pool.size()) {
                Candidate c = pool.get(next.merge(t.county(), 1, Integer::sum) - 1);
                if (c.branchId() == t.branchId()) {
                    continue;
                }
                elderly += report(c.id(), t, posts, r);
                taken++;
                reported++;
            }
        }
        linkDangyuan(targets, r);
        log.info("Demo 党员报到: {} members reported to {} villages, {} elderly visits logged in {} ms", reported,
                targets.size(), elderly, (System.nanoTime() - started) / 1_000_000);
    }

    /** One member: register, confirmed by the village, most claim a post and log a visit or two. */
    private long report(long member, Target t, List<Long> posts, SplittableRandom r) {
        LocalDateTime at = LocalDate.of(asOf.getYear(), 1, 5).plusDays(r.nextInt(170)).atTime(9, 0);
        boolean lived = r.nextInt(8) == 0;
        long reg;
        try {
            reg = lived
                    ? records.register(member, t.id(), CheckinReason.FORMER_RESIDENT, LocalDate.of(2005, 3, 1),
                    LocalDate.of(2009, 6, 30), "2005 年至 2009 年在村里从事海水养殖，住村里", ACTOR, at)
                    : records.register(member, t.id(), CheckinReason.HOMETOWN, null, null, null, ACTOR, at);
        } catch (ZugongException e) {
            return 0; // a reason that does not hold is not reported (the rules are the page's)
        }
        LocalDateTime confirmed = at.plusDays(2);
        records.confirm(reg, ACTOR, confirmed);
        Long post = null;
        if (r.nextInt(10) < 6) {
            for (long p : posts) {
                try {
                    records.claim(member, p, ACTOR, confirmed.plusDays(1));
                    post = p;
                    break;
                } catch (ZugongException full) {
                    // full: try the village's other post
                }
            }
        }
        if (r.nextInt(4) == 0) {
            return 0;
        }
        int visits = r.nextInt(9);
        BigDecimal funds = r.nextInt(6) == 0 ? BigDecimal.valueOf(20_000 + r.nextInt(140_000)) : BigDecimal.ZERO;
        LocalDate on = confirmed.toLocalDate().plusDays(7 + r.nextInt(90));
        on = on.isAfter(asOf) ? asOf : on;
        records.log(member, t.id(), post, on, DEEDS[r.nextInt(DEEDS.length)], visits > 0 ? visits + " 户老年家庭" : null,
                visits, funds, funds.signum() > 0 ? "争取帮扶项目资金" : null, ACTOR, on.atTime(20, 0));
        return visits;
    }

    private List<Long> posts(Target t, SplittableRandom r) {
        List<Long> ids = new ArrayList<>();
        int first = r.nextInt(POSTS.length);
        for (int i = 0; i < 2; i++) {
            String[] p = POSTS[(first + i) % POSTS.length];
            ids.add(records.publish(t.id(), CheckinPostKind.valueOf(p[0]), CheckinPostRole.valueOf(p[1]), p[2], p[3],
                    4 + r.nextInt(3), LocalDate.of(asOf.getYear(), 1, 1), LocalDate.of(asOf.getYear() + 1, 12, 31),
                    ACTOR, LocalDate.of(asOf.getYear(), 1, 2).atTime(10, 0)));
        }
        return ids;
    }

    /** dangyuan: a member of 公前村's branch reports to another village of 桃花镇, claims a post and logs twice. */
    private void linkDangyuan(List<Target> targets, SplittableRandom r) {
        Long member = jdbc.sql("select min(m.id) from party_member m join org_node b on b.id = m.branch_id "
                + "where b.code = :c and m.username is null and not exists (select 1 from checkin_registration r "
                + "where r.member_id = m.id)").param("c", GONGQIAN_BRANCH).query(Long.class).single();
        Target other = targets.stream().filter(t -> t.code().startsWith("330903104") && !t.code().equals("330903104202"))
                .findFirst().orElse(null);
        if (member == null || other == null) {
            return;
        }
        LocalDateTime at = LocalDate.of(asOf.getYear(), 3, 2).atTime(9, 0);
        long reg = records.register(member, other.id(), CheckinReason.HOMETOWN, null, null, null, "dangyuan", at);
        records.confirm(reg, ACTOR, at.plusDays(1));
        long post = records.publish(other.id(), CheckinPostKind.ELDERLY, CheckinPostRole.SURVEYOR, "海岛老人结对关爱",
                "每月走访结对的高龄老人", 3, at.toLocalDate(), LocalDate.of(asOf.getYear() + 1, 6, 30), ACTOR, at);
        records.claim(member, post, "dangyuan", at.plusDays(2));
        records.log(member, other.id(), post, at.toLocalDate().plusDays(10), "走访结对高龄老人，送去药品和生活用品",
                "王阿公户、李阿婆户", 2, BigDecimal.ZERO, null, "dangyuan", at.plusDays(10));
        records.log(member, other.id(), post, at.toLocalDate().plusDays(40), "帮助联系渔业合作社，争取冷库建设补助",
                "村集体", 0, new BigDecimal("50000"), "冷链保鲜技术", "dangyuan", at.plusDays(40));
        records.linkAccount(member, "dangyuan");
    }

    private List<Target> targets() {
        List<Target> out = new ArrayList<>();
        for (String township : TOWNSHIPS) {
            out.addAll(jdbc.sql("""
                    select v.id, v.code, b.id as branch_id from org_node v
                    join org_node b on b.parent_id = v.id and b.kind = 'PARTY_ORG'
                    where v.kind = 'VILLAGE' and v.code like :t order by v.code""").param("t", township + "%")
                    .query((rs, i) -> new Target(rs.getLong(1), rs.getString(2), township.substring(0, 6),
                            rs.getLong(3))).list());
        }
        return out;
    }

    /** The members of the village branches by county (their ID numbers carry their county's code). */
    private Map<String, List<Candidate>> pools() {
        Map<String, List<Candidate>> out = new HashMap<>();
        SplittableRandom shuffle = new SplittableRandom(seed ^ 1818);
        jdbc.sql("""
                select m.id, m.branch_id, v.code from party_member m join org_node b on b.id = m.branch_id
                join org_node v on v.id = b.parent_id and v.kind = 'VILLAGE'
                where v.code like '3309%' and m.username is null order by m.id""")
                .query((rs, i) -> out.computeIfAbsent(rs.getString(3).substring(0, 6), k -> new ArrayList<>())
                        .add(new Candidate(rs.getLong(1), rs.getLong(2), rs.getString(3).substring(0, 6))))
                .list();
        // spread each county's members over its villages rather than taking whole branches in turn
        out.values().forEach(list -> {
            for (int i = list.size() - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                Candidate tmp = list.get(i);
                list.set(i, list.get(j));
                list.set(j, tmp);
            }
        });
        return out;
    }
}
