package cn.zugong.demo.internal;

import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.security.Accounts;
import cn.zugong.talent.CreditCodes;
import cn.zugong.talent.Credential;
import cn.zugong.talent.CredentialKind;
import cn.zugong.talent.NewEmployer;
import cn.zugong.talent.NewTalent;
import cn.zugong.talent.TalentRegistry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo 人才库 (deterministic): 420 employers of 舟山市 — enterprises of the 自贸区's key fields (油气贸易, 石化新材料,
 * 海事航运 …) and the usual industries, and institutions (a university, hospitals, schools, research institutes) —
 * and 3,000 talents working for them, with education, titles, awards, programmes and salaries drawn so that every
 * level of the classification has its people. The demo account {@code talent} is linked to the first talent of
 * 定海区. Recognitions, codes, applications and grants are added by the other talent demo steps.
 */
@Component
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class TalentDemo {

    private static final Logger log = LoggerFactory.getLogger(TalentDemo.class);
    static final String BY = "demo-talent";
    static final String TALENT_ACCOUNT = "talent";
    static final int EMPLOYERS = 420;
    static final int TALENTS = 3000;

    /** county code, weight of employers. The city's own (市直, 自贸区) employers are at the root. */
    private static final String[][] COUNTIES = {{"330902", "35"}, {"330903", "25"}, {"330921", "15"}, {"330922", "7"},
            {"3309", "18"}};
    private static final String[] KEY_FIELDS = {"OIL_GAS_TRADE", "PETROCHEM_MATERIALS", "MARITIME_SHIPPING",
            "OIL_GAS_STORAGE", "MARINE_EQUIPMENT", "BONDED_FUEL"};
    private static final String[] OTHER_FIELDS = {"DIGITAL_ECONOMY", "MARINE_BIO", "FISHERY", "TOURISM", "NEW_ENERGY",
            "FINANCE", "MANUFACTURING"};
    private static final String[] WORDS = {"海星", "东港", "金塘", "六横", "蓝海", "舟通", "鼎盛", "远航", "恒信", "海联", "宏达", "浙海",
            "中舟", "华港", "甬舟", "岱衢", "沈家门", "朱家尖", "定远", "普安", "海融", "新城", "长峙", "海瑞", "国际", "鑫海"};
    private static final String[] SUFFIX = {"能源有限公司", "石化有限公司", "航运有限公司", "储运有限公司", "船舶重工有限公司",
            "燃料油有限公司", "科技有限公司", "生物科技有限公司", "水产有限公司", "旅游开发有限公司", "新能源有限公司", "金融服务有限公司",
            "机械制造有限公司"};
    private static final String[][] INSTITUTIONS = {{"浙江海洋大学", "EDUCATION"}, {"舟山医院", "HEALTH"},
            {"舟山市妇女儿童医院", "HEALTH"}, {"舟山市中医院", "HEALTH"}, {"舟山市海洋科学研究院", "MARINE_BIO"},
            {"浙江大学海洋研究院（舟山）", "MARINE_BIO"}, {"舟山中学", "EDUCATION"}, {"舟山职业技术学校", "EDUCATION"},
            {"舟山市水产研究所", "FISHERY"}, {"舟山市港航研究中心", "MARITIME_SHIPPING"}};
    private static final String[] BIRTH_REGIONS = {"330102", "330203", "330302", "370202", "320102", "420102", "610103",
            "330902", "330903", "340102", "410102", "350102"};

    private final TalentRegistry registry;
    private final OrgTree tree;
    private final Accounts accounts;
    private final TransactionTemplate tx;
    private final long seed;
    private final LocalDate asOf;

    TalentDemo(TalentRegistry registry, OrgTree tree, Accounts accounts, PlatformTransactionManager transactions,
               @Value("${zugong.demo.seed:20261123}") long seed,
               @Value("${zugong.demo.as-of:2026-11-01}") LocalDate asOf) {
        this.registry = registry;
        this.tree = tree;
        this.accounts = accounts;
        this.tx = new TransactionTemplate(transactions);
        this.seed = seed;
        this.asOf = asOf;
    }

    /** A step of the demo: once, and only on the Zhoushan tree. */
    void load() {
        if (registry.registeredBy(BY) || tree.byCode("330902").isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        tx.executeWithoutResult(status -> write(new SplittableRandom(seed ^ 0x7a1e47L)));
        log.info("Demo talents: {} employers, {} talents in {} ms", EMPLOYERS, TALENTS,
                (System.nanoTime() - start) / 1_000_000);
    }

    private record Employer(long id, long nodeId, String field, boolean enterprise) {
    }

    private void write(SplittableRandom random) {
        List<Employer> employers = new ArrayList<>();
        int body = 10_000_000;
        for (String[] inst : INSTITUTIONS) {
            OrgNode node = tree.byCode("3309").orElseThrow();
            String code = CreditCodes.of(false, "330900", body++);
            employers.add(new Employer(registry.registerEmployer(new NewEmployer(node.id(), code, inst[0], "INSTITUTION",
                    inst[1]), BY), node.id(), inst[1], false));
        }
        for (int i = employers.size(); i < EMPLOYERS; i++) {
            String county = weightedCounty(random);
            OrgNode node = tree.byCode(county).orElseThrow();
            boolean key = random.nextInt(100) < 45;
            String field = key ? KEY_FIELDS[random.nextInt(KEY_FIELDS.length)]
                    : OTHER_FIELDS[random.nextInt(OTHER_FIELDS.length)];
            String name = (random.nextBoolean() ? "舟山" : "浙江") + WORDS[random.nextInt(WORDS.length)]
                    + SUFFIX[suffixOf(field)];
            String region = county.length() == 6 ? county : "330900";
            String code = CreditCodes.of(true, region, body++);
            employers.add(new Employer(registry.registerEmployer(new NewEmployer(node.id(), code,
                    name.replace("有限公司", "") + (i % 7 == 0 ? "（集团）" : "") + "有限公司", "ENTERPRISE", field), BY),
                    node.id(), field, true));
        }
        Identities identities = new Identities();
        Long firstDinghai = null;
        long dinghai = tree.byCode("330902").orElseThrow().id();
        for (int i = 0; i < TALENTS; i++) {
            Employer e = employers.get(random.nextInt(employers.size()));
            NewTalent t = talent(random, identities, e);
            long id = registry.register(t, BY);
            if (firstDinghai == null && e.nodeId() == dinghai) {
                firstDinghai = id;
            }
        }
        if (firstDinghai != null && accounts.exists(TALENT_ACCOUNT)) {
            registry.linkAccount(firstDinghai, TALENT_ACCOUNT);
        }
    }

    private NewTalent talent(SplittableRandom random, Identities identities, Employer e) {
        boolean male = random.nextInt(100) < 64;
        int age = 24 + (int) Math.round(Math.abs(random.nextGaussian()) * 11);
        LocalDate birth = asOf.minusYears(Math.min(age, 70)).minusDays(random.nextInt(365));
        String category;
        String education;
        List<Credential> credentials = new ArrayList<>();
        int roll = random.nextInt(1000);
        if (!e.enterprise()) {
            category = e.field().equals("HEALTH") ? "DOCTOR" : e.field().equals("EDUCATION") ? "TEACHER" : "RESEARCHER";
        } else {
            category = Identities.weighted(random, List.of("ENGINEER", "MANAGER", "ENTREPRENEUR", "SKILLED", "GRADUATE",
                    "RESEARCHER"), 38, 16, 8, 14, 18, 6);
        }
        education = roll < 90 ? "DOCTOR" : roll < 380 ? "MASTER" : roll < 880 ? "BACHELOR" : "COLLEGE";
        if (category.equals("SKILLED")) {
            education = random.nextInt(3) == 0 ? "BACHELOR" : "COLLEGE";
        }
        int seniority = age - 24;
        if (seniority > 14 && random.nextInt(100) < 30) {
            credentials.add(new Credential(CredentialKind.TITLE, "SENIOR_FULL", asOf.getYear() - random.nextInt(8), null));
        } else if (seniority > 8 && random.nextInt(100) < 40) {
            credentials.add(new Credential(CredentialKind.TITLE, "SENIOR_DEPUTY", asOf.getYear() - random.nextInt(8), null));
        } else if (seniority > 3 && random.nextInt(100) < 45) {
            credentials.add(new Credential(CredentialKind.TITLE, category.equals("SKILLED") ? "SENIOR_TECHNICIAN"
                    : "INTERMEDIATE", asOf.getYear() - random.nextInt(6), null));
        }
        int p = random.nextInt(1000);
        if (p < 4) {
            credentials.add(new Credential(CredentialKind.PROGRAMME, "NATIONAL_KEY", asOf.getYear() - 1 - random.nextInt(6), null));
        } else if (p < 14) {
            credentials.add(new Credential(CredentialKind.PROGRAMME, "NATIONAL_YOUTH", asOf.getYear() - 1 - random.nextInt(5), null));
        } else if (p < 40) {
            credentials.add(new Credential(CredentialKind.PROGRAMME, "PROVINCIAL_KEY", asOf.getYear() - 1 - random.nextInt(5), null));
        } else if (p < 70) {
            credentials.add(new Credential(CredentialKind.PROGRAMME, "PROVINCIAL_YOUTH", asOf.getYear() - 1 - random.nextInt(5), null));
        } else if (p < 150) {
            credentials.add(new Credential(CredentialKind.PROGRAMME, e.enterprise() && random.nextBoolean() ? "FTZ_LEADING"
                    : "CITY_KEY", asOf.getYear() - 1 - random.nextInt(4), null));
        }
        int a = random.nextInt(1000);
        if (a < 3) {
            credentials.add(new Credential(CredentialKind.AWARD, "NATIONAL_SCI_TECH", asOf.getYear() - 2 - random.nextInt(8), null));
        } else if (a < 15) {
            credentials.add(new Credential(CredentialKind.AWARD, "PROVINCIAL_SCI_TECH_FIRST", asOf.getYear() - 1 - random.nextInt(6), null));
        } else if (a < 45) {
            credentials.add(new Credential(CredentialKind.AWARD, "PROVINCIAL_SCI_TECH", asOf.getYear() - 1 - random.nextInt(6), null));
        } else if (a < 60 && category.equals("SKILLED")) {
            credentials.add(new Credential(CredentialKind.AWARD, "PROVINCIAL_CRAFTSMAN", asOf.getYear() - 1 - random.nextInt(4), null));
        } else if (a < 110) {
            credentials.add(new Credential(CredentialKind.AWARD, "CITY_SCI_TECH", asOf.getYear() - 1 - random.nextInt(5), null));
        }
        double base = switch (education) {
            case "DOCTOR" -> 300_000;
            case "MASTER" -> 180_000;
            case "BACHELOR" -> 120_000;
            default -> 85_000;
        };
        double salary = base * Math.exp(random.nextGaussian() * 0.45) * (1 + seniority * 0.03)
                * (category.equals("ENTREPRENEUR") || category.equals("MANAGER") ? 1.6 : 1);
        LocalDate arrived = asOf.minusDays(random.nextInt(Math.max(30, Math.min(seniority * 365, 12 * 365))));
        String region = BIRTH_REGIONS[random.nextInt(BIRTH_REGIONS.length)];
        String name = identities.name(random, male);
        String field = e.enterprise() || random.nextInt(4) > 0 ? e.field() : "OTHER";
        return new NewTalent(e.nodeId(), e.id(), name, male ? "男" : "女", birth, identities.idNumber(region, birth, male),
                identities.phone(random), null, category, field, education, null, null,
                BigDecimal.valueOf(Math.round(salary / 1000) * 1000L), arrived, credentials);
    }

    private static String weightedCounty(SplittableRandom random) {
        int total = 0;
        for (String[] c : COUNTIES) {
            total += Integer.parseInt(c[1]);
        }
        int x = random.nextInt(total);
        for (String[] c : COUNTIES) {
            x -= Integer.parseInt(c[1]);
            if (x < 0) {
                return c[0];
            }
        }
        return COUNTIES[0][0];
    }

    private static int suffixOf(String field) {
        return switch (field) {
            case "OIL_GAS_TRADE" -> 0;
            case "PETROCHEM_MATERIALS" -> 1;
            case "MARITIME_SHIPPING" -> 2;
            case "OIL_GAS_STORAGE" -> 3;
            case "MARINE_EQUIPMENT" -> 4;
            case "BONDED_FUEL" -> 5;
            case "DIGITAL_ECONOMY" -> 6;
            case "MARINE_BIO" -> 7;
            case "FISHERY" -> 8;
            case "TOURISM" -> 9;
            case "NEW_ENERGY" -> 10;
            case "FINANCE" -> 11;
            default -> 12;
        };
    }
}
