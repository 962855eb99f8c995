package cn.zugong.demo.internal;

import cn.zugong.cadre.FrontlineCampaigns;
import cn.zugong.cadre.FrontlineForms.CadresForm;
import cn.zugong.cadre.FrontlineForms.CampaignForm;
import cn.zugong.cadre.FrontlineForms.OutcomeForm;
import cn.zugong.cadre.FrontlineForms.RecordForm;
import cn.zugong.cadre.FrontlineForms.TeamForm;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.people.PeopleDirectory;
import cn.zugong.people.PersonCard;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's 一线考察 (issue 19, ADR 075), through the part's public API as the city's administrator: the seed's
 * 「组建5个专项考核组，以现场看、一线访、综合评等方式 … 掌握一批担当破难典型案例和先进人物名单」 as the 2026 campaign on
 * major projects and urgent tasks (five teams of three, forty cadres, a 现场看, 一线访 and 综合评 record each, closed
 * with 8 先进, 5 典型案例, 2 问题 and the rest 一般), a closed 2025 防台救灾 campaign (two teams, twelve cadres) and an
 * open 2026 campaign with a few records. Fixed data; skipped when the city has a campaign.
 */
@Component
@Order(60)
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class FrontlineDemo implements DemoStep {

    private static final Logger log = LoggerFactory.getLogger(FrontlineDemo.class);
    private static final String[] DEEDS = {"牵头破解项目征迁难题，提前两个月完成交地", "台风期间连续72小时驻守海塘一线",
        "带队攻坚审批堵点，推动项目当年开工", "协调解决企业用工难题，服务专班获群众点赞", "创新“一线工作法”，化解信访积案"};

    private final FrontlineCampaigns campaigns;
    private final OrgTree tree;
    private final PeopleDirectory people;
    private final LocalDate asOf;

    FrontlineDemo(FrontlineCampaigns campaigns, OrgTree tree, PeopleDirectory people,
                  @Value("${zugong.demo.as-of:2026-11-01}") LocalDate asOf) {
        this.campaigns = campaigns;
        this.tree = tree;
        this.people = people;
        this.asOf = asOf;
    }

    @Override
    public void load() {
        OrgNode city = tree.byCode("3309").orElse(null);
        if (city == null || campaigns.count(city.asScope()) > 0) {
            return;
        }
        long start = System.nanoTime();
        CurrentUser admin = new CurrentUser(0, "admin", "市委组织部管理员", Role.ADMIN, city.asScope(), city.name());
        // units with at least four people, each giving people in turn
        List<List<PersonCard>> pools = new ArrayList<>();
        List<Long> unitIds = new ArrayList<>();
        for (OrgNode u : tree.units(city.asScope())) {
            List<PersonCard> ps = people.unit(u.id(), city.asScope(), asOf);
            if (ps.size() >= 4) {
                pools.add(new ArrayList<>(ps));
                unitIds.add(u.id());
            }
        }
        if (pools.size() < 12) {
            return;
        }
        Picker pick = new Picker(pools, unitIds);

        long big = campaign(admin, city, "2026年重大项目和急难险重一线干部考察", "MAJOR_PROJECT", "2026-03-01",
                "2026-10-31", "政治表现、担当作为、工作实绩、群众评价");
        run(admin, big, pick, 5, 8, LocalDate.of(2026, 4, 1), new int[] {8, 5, 2});
        campaigns.close(admin, big);
        long typhoon = campaign(admin, city, "2025年防台救灾一线干部考察", "TYPHOON", "2025-07-20", "2025-09-30",
                "担当作为、应急处置、群众评价");
        run(admin, typhoon, pick, 2, 6, LocalDate.of(2025, 8, 1), new int[] {3, 2, 0});
        campaigns.close(admin, typhoon);
        long open = campaign(admin, city, "2026年乡村振兴一线干部考察", "RURAL", "2026-09-01", null,
                "担当作为、工作实绩、群众评价");
        run(admin, open, pick, 1, 4, LocalDate.of(2026, 9, 10), null);
        log.info("demo: 一线考察 3 campaigns in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    private long campaign(CurrentUser admin, OrgNode city, String name, String kind, String from, String to,
                          String dims) {
        return campaigns.create(admin, new CampaignForm(city.id(), name, kind, from, to, dims,
                "以现场看、一线访、综合评等方式，在重点一线工作中评价衡量干部工作实绩和现实表现"));
    }

    /** Teams of three, each assessing {@code perTeam} cadres with one record per method; outcomes when asked. */
    private void run(CurrentUser admin, long campaign, Picker pick, int teams, int perTeam, LocalDate day,
                     int[] outcomes) {
        String[] numbers = {"一", "二", "三", "四", "五"};
        int n = 0;
        for (int t = 0; t < teams; t++) {
            Picker.Group members = pick.next(3);
            long team = campaigns.addTeam(admin, campaign, new TeamForm("第" + numbers[t] + "专项考核组", members.unitId(),
                    members.ids()));
            for (int k = 0; k < perTeam; k += 2) {
                Picker.Group cadres = pick.next(Math.min(2, perTeam - k));
                campaigns.addCadres(admin, campaign, new CadresForm(team, cadres.unitId(), cadres.ids()));
                for (long person : cadres.ids()) {
                    long row = campaigns.cadreRow(campaign, person);
                    LocalDate on = day.plusDays(n % 40);
                    long see = campaigns.record(admin, campaign, new RecordForm(row, "SEE", on.toString(), "项目现场",
                            "现场查看项目推进和一线值守情况", null, "到岗到位，推进有力", scores(campaign, n)));
                    campaigns.record(admin, campaign, new RecordForm(row, "VISIT", on.plusDays(1).toString(), "所在村社",
                            null, "服务对象、村干部、同事各2人", "群众认可度较高", scores(campaign, n + 1)));
                    long assess = campaigns.record(admin, campaign, new RecordForm(row, "ASSESS",
                            on.plusDays(2).toString(), null, null, null, "综合现场看和一线访情况研判", scores(campaign, n + 2)));
                    if (outcomes != null) {
                        outcome(admin, campaign, person, n, outcomes, see, assess);
                    }
                    n++;
                }
            }
        }
    }

    private void outcome(CurrentUser admin, long campaign, long person, int n, int[] outcomes, long see, long assess) {
        if (n < outcomes[0]) {
            campaigns.outcome(admin, campaign, new OutcomeForm(person, "ADVANCED", DEEDS[n % DEEDS.length],
                    List.of(see, assess)));
        } else if (n < outcomes[0] + outcomes[1]) {
            campaigns.outcome(admin, campaign, new OutcomeForm(person, "CASE", "担当破难典型案例：" + DEEDS[(n + 2) % DEEDS.length],
                    List.of(see)));
        } else if (n < outcomes[0] + outcomes[1] + outcomes[2]) {
            campaigns.outcome(admin, campaign, new OutcomeForm(person, "PROBLEM", "一线值守不到位，已提醒谈话",
                    List.of(assess)));
        } else {
            campaigns.outcome(admin, campaign, new OutcomeForm(person, "ORDINARY", null, List.of()));
        }
    }

    private Map<String, String> scores(long campaign, int n) {
        List<String> dims = campaigns.dimensions(campaign);
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < dims.size(); i++) {
            out.put(dims.get(i), String.valueOf(3 + (n + i) % 3));
        }
        return out;
    }

    /** Hands out people of the units in turn, a group from one unit at a time, nobody twice. */
    private static final class Picker {
        record Group(long unitId, List<Long> ids) {
        }

        private final List<List<PersonCard>> pools;
        private final List<Long> unitIds;
        private int unit;

        Picker(List<List<PersonCard>> pools, List<Long> unitIds) {
            this.pools = pools;
            this.unitIds = unitIds;
        }

        Group next(int size) {
            for (int tries = 0; tries < pools.size(); tries++) {
                int u = unit++ % pools.size();
                List<PersonCard> pool = pools.get(u);
                if (pool.size() >= size) {
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < size; i++) {
                        ids.add(pool.remove(pool.size() - 1).id());
                    }
                    return new Group(unitIds.get(u), ids);
                }
            }
            throw new IllegalStateException("not enough people for the frontline demo");
        }
    }
}
