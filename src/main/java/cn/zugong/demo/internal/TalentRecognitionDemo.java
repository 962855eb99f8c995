package cn.zugong.demo.internal;

import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.security.Accounts;
import cn.zugong.security.NewAccount;
import cn.zugong.shared.Role;
import cn.zugong.talent.TalentRecognitions;
import cn.zugong.talent.TalentRecognitions.Assessed;
import cn.zugong.talent.TalentRecognitions.Historical;
import cn.zugong.talent.TalentRecognitions.Referee;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo 三位一体认定 (deterministic, through the talent module's public API): past recognitions of most demo talents
 * who qualify under the 常规认定 rules (two 特殊认定 at A, so every level has people; the demo account
 * {@code talent} always recognised), a 举荐小组 per 自贸重点领域 with five 委员 each (the demo account
 * {@code referee} sits on all six), the first batch of 13 nominees at every stage of the vote, and open 常规 and
 * 特殊 cases in each state.
 */
@Component
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class TalentRecognitionDemo {

    private static final Logger log = LoggerFactory.getLogger(TalentRecognitionDemo.class);
    static final String BY = "demo-recognition";
    static final String REFEREE_ACCOUNT = "referee";
    private static final String[][] GROUPS = {{"OIL_GAS_TRADE", "油气贸易交易举荐小组"},
            {"PETROCHEM_MATERIALS", "石化新材料举荐小组"}, {"MARITIME_SHIPPING", "海事航运举荐小组"},
            {"OIL_GAS_STORAGE", "油气储运举荐小组"}, {"MARINE_EQUIPMENT", "船舶与海工装备举荐小组"},
            {"BONDED_FUEL", "保税燃料油加注举荐小组"}};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "胡", "朱"};
    private static final String[] GIVEN = {"建国", "海峰", "立新", "志强", "文华", "晓东", "国平", "永明", "海燕", "丽君", "卫东", "振华"};
    private static final String[] AFFILIATIONS = {"舟山市商务局", "市港航和口岸管理局", "自贸区管委会", "市经信局", "市科技局",
            "浙石化集团", "舟山国际油品交易中心", "中国（浙江）自贸区重点企业", "市发改委"};

    private final TalentRecognitions recognitions;
    private final OrgTree tree;
    private final Accounts accounts;
    private final TransactionTemplate tx;
    private final long seed;
    private final LocalDate asOf;
    private final String password;

    TalentRecognitionDemo(TalentRecognitions recognitions, OrgTree tree, Accounts accounts,
                          PlatformTransactionManager transactions,
                          @Value("${zugong.demo.seed:20261123}") long seed,
                          @Value("${zugong.demo.as-of:2026-11-01}") LocalDate asOf,
                          @Value("${zugong.demo.password:Zugong@2026}") String password) {
        this.recognitions = recognitions;
        this.tree = tree;
        this.accounts = accounts;
        this.tx = new TransactionTemplate(transactions);
        this.seed = seed;
        this.asOf = asOf;
        this.password = password;
    }

    /** A step of the demo: once, after the talent registry's, and only on the Zhoushan tree. */
    void load() {
        if (recognitions.recordedBy(BY) || tree.byCode("3309").isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        int[] counts = tx.execute(status -> write(new SplittableRandom(seed ^ 0x5ec0691L)));
        log.info("Demo recognitions: {} past, {} open cases, {} nominees in {} ms", counts[0], counts[1], counts[2],
                (System.nanoTime() - start) / 1_000_000);
    }

    private int[] write(SplittableRandom random) {
        List<Assessed> all = recognitions.assess(TalentDemo.BY, asOf);
        if (all.isEmpty()) {
            return new int[3];
        }
        long city = tree.byCode("3309").orElseThrow().id();
        Assessed own = recognitions.ofAccount(TalentDemo.TALENT_ACCOUNT, asOf).orElse(null);

        // Past recognitions: three in four of those who qualify, decided within the last four years.
        List<Historical> past = new ArrayList<>();
        Set<Long> recognised = new HashSet<>();
        List<Assessed> qualifying = all.stream().filter(a -> a.level() != null).toList();
        for (Assessed a : qualifying) {
            boolean isOwn = own != null && own.talentId() == a.talentId();
            if (isOwn || random.nextInt(4) > 0) {
                past.add(new Historical(a.talentId(), a.level(), "REGULAR", decided(random), a.ruleId(), a.reason()));
                recognised.add(a.talentId());
            }
        }
        // Top talents (two B-level holders of a national programme) recognised at A by the committee.
        List<Assessed> top = qualifying.stream().filter(a -> "B".equals(a.level()))
                .sorted(Comparator.comparing(Assessed::annualSalary, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(2).toList();
        for (Assessed a : top) {
            past.removeIf(h -> h.talentId() == a.talentId());
            past.add(new Historical(a.talentId(), "A", "SPECIAL", decided(random), null,
                    "特殊认定：委员会一致同意认定为A类顶尖人才（国家级重点人才计划入选者，在自贸重点领域业绩突出）"));
            recognised.add(a.talentId());
        }
        if (own != null && own.level() == null) {
            past.add(new Historical(own.talentId(), "D", "SPECIAL", decided(random), null,
                    "特殊认定：委员会同意认定为D类市级高层次人才"));
            recognised.add(own.talentId());
        }
        int pastCount = recognitions.recordHistorical(past, BY);

        // 举荐小组: one per key field at the city, the demo account referee on each, four more 委员 each.
        Map<String, Long> groups = new LinkedHashMap<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        int n = 1;
        for (String[] g : GROUPS) {
            List<Referee> refs = new ArrayList<>();
            if (accounts.exists(REFEREE_ACCOUNT)) {
                refs.add(new Referee(REFEREE_ACCOUNT, "举荐委员（演示）", "市委人才办特聘举荐委员"));
            }
            for (int i = 0; i < 4; i++, n++) {
                String username = String.format("jjwy%02d", n);
                String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
                if (!accounts.exists(username)) {
                    accounts.create(new NewAccount(username, password, name + "（举荐委员）", Role.TALENT_REFEREE, city));
                }
                refs.add(new Referee(username, name, AFFILIATIONS[random.nextInt(AFFILIATIONS.length)]));
            }
            groups.put(g[0], recognitions.createGroup(city, g[0], g[1], refs, BY));
            members.put(g[0], refs.stream().map(Referee::username).toList());
        }

        // The first batch of 13 nominees: key-field talents not yet recognised, the best paid of each field in turn.
        Map<String, List<Assessed>> byField = new LinkedHashMap<>();
        for (String[] g : GROUPS) {
            byField.put(g[0], all.stream().filter(a -> a.field().equals(g[0]) && !recognised.contains(a.talentId()))
                    .sorted(Comparator.comparing(Assessed::annualSalary,
                            Comparator.nullsLast(Comparator.reverseOrder()))).toList());
        }
        Set<Long> used = new HashSet<>();
        Map<String, Integer> dims = recognitions.dimensions();
        int nominees = 0;
        for (int i = 0; i < 13; i++) {
            String field = GROUPS[i % GROUPS.length][0];
            Assessed a = byField.get(field).stream().filter(x -> !used.contains(x.talentId())).findFirst().orElse(null);
            if (a == null) {
                continue;
            }
            used.add(a.talentId());
            String claimed = i % 3 == 0 ? "C" : "D";
            long id = recognitions.open(city, a.talentId(), "NOMINATED", claimed, groups.get(field),
                    "自贸人才举荐小组首批举荐人选：在" + GROUPS[i % GROUPS.length][1].replace("举荐小组", "") + "领域薪酬、业绩和市场贡献突出",
                    BY);
            nominees++;
            recognitions.step(city, id, "review", "材料齐全，提交举荐小组评议", null, null, null, null, null, BY);
            List<String> voters = members.get(field);
            int stage = i < 4 ? 0 : i == 4 ? 1 : i < 9 ? 2 : i < 12 ? 3 : 4;
            for (int v = 0; v < voters.size(); v++) {
                String who = voters.get(v);
                boolean isReferee = who.equals(REFEREE_ACCOUNT);
                boolean votes = switch (stage) {
                    case 0 -> !isReferee && v < voters.size() - 1; // the demo referee has not voted yet
                    case 1 -> !isReferee && v == 1;                  // quorum not met
                    default -> true;
                };
                if (!votes) {
                    continue;
                }
                String level = stage == 4 ? (v % 2 == 0 ? null : "E") : (v % 4 == 3 ? "E" : claimed);
                Map<String, Integer> points = new LinkedHashMap<>();
                dims.forEach((code, max) -> points.put(code, Math.max(0, max - random.nextInt(Math.max(1, max / 2)))));
                recognitions.ballot(id, who, points, level, level == null ? "业绩尚不足以举荐" : "薪酬、业绩、市场贡献与"
                        + level + "类层次相当");
            }
            if (stage >= 2) {
                recognitions.step(city, id, "tally", null, null, null, null, null, null, BY);
            }
            if (stage == 3) {
                recognitions.step(city, id, "publicise", null, null, null, null, null, null, BY);
            }
        }

        // Open 常规 and 特殊 cases in each state, among the qualifying talents not recognised yet.
        List<Assessed> open = qualifying.stream().filter(a -> !recognised.contains(a.talentId())
                && !used.contains(a.talentId())).toList();
        int opened = 0;
        String[] regular = {"SUBMITTED", "SUBMITTED", "REVIEWED", "REVIEWED", "PUBLICITY", "PUBLICITY", "OBJECTED",
                "RETURNED"};
        int k = 0;
        for (String target : regular) {
            if (k >= open.size()) {
                break;
            }
            Assessed a = open.get(k++);
            long node = a.nodeId();
            long id = recognitions.open(node, a.talentId(), "REGULAR", null, null, "本人申报，按常规认定规则评定", BY);
            opened++;
            switch (target) {
                case "REVIEWED" -> recognitions.step(node, id, "review", "材料核验无误", null, null, null, null, null, BY);
                case "PUBLICITY", "OBJECTED" -> {
                    recognitions.step(node, id, "review", "材料核验无误", null, null, null, null, null, BY);
                    recognitions.step(node, id, "publicise", null, null, null, null, null, null, BY);
                    if (target.equals("OBJECTED")) {
                        recognitions.step(node, id, "object", null, null, null, null, "匿名来电",
                                "反映其年薪证明与社保缴费基数不一致", BY);
                    }
                }
                case "RETURNED" -> recognitions.step(node, id, "return", "劳动合同未在有效期内，材料不全", null, null, null,
                        null, null, BY);
                default -> {
                }
            }
        }
        String[] special = {"SUBMITTED", "COMMITTEE", "COMMITTEE3", "REVIEWED"};
        List<Assessed> others = all.stream().filter(a -> !recognised.contains(a.talentId())
                && !used.contains(a.talentId()) && a.level() == null && a.username() == null
                && (a.annualSalary() == null || a.annualSalary().intValue() < 1_000_000)).toList(); // not 直通终评
        int s = 0;
        for (String target : special) {
            if (s * 7 >= others.size()) {
                break;
            }
            Assessed a = others.get(s++ * 7);
            long id = recognitions.open(city, a.talentId(), "SPECIAL", "E", null,
                    "用人单位推荐：在关键岗位解决技术难题，不符合常规认定条件，申请特殊认定", BY);
            opened++;
            if (target.equals("SUBMITTED")) {
                continue;
            }
            recognitions.step(city, id, "review", "初审通过，提交认定委员会", null, null, null, null, null, BY);
            int opinions = target.equals("COMMITTEE") ? 0 : target.equals("COMMITTEE3") ? 3 : 5;
            for (int o = 0; o < opinions; o++) {
                boolean agree = o != 2;
                recognitions.step(city, id, "opinion", agree ? "业绩突出，贡献与基础人才相当" : "业绩证明材料不足",
                        agree ? "E" : null, "认定委员" + (o + 1), agree, null, null, BY);
            }
            if (target.equals("REVIEWED")) {
                recognitions.step(city, id, "conclude", null, null, null, null, null, null, BY);
            }
        }
        return new int[] {pastCount, opened, nominees};
    }

    private LocalDate decided(SplittableRandom random) {
        return asOf.minusDays(30 + random.nextInt(4 * 365));
    }
}
