package cn.zugong.demo.internal;

import cn.zugong.org.Division;
import cn.zugong.org.NewUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The departments of a city (市直), of a county (区县直, {@code {c}} = county name, {@code {x}} = 区/县/市)
 * and of a township, with their type, relative size, typical major and share of men.
 */
final class UnitCatalogue {

    static final String PARTY = "党委部门";
    static final String GOVERNMENT = "政府部门";
    static final String CONGRESS = "人大政协机关";
    static final String JUSTICE = "审判检察机关";
    static final String MASS = "群团机关";
    static final String TOWNSHIP = "乡镇（街道）";

    /** One catalogue entry; {@code major} is the major category most of its people studied, or null. */
    record Entry(String name, String type, double weight, String major, double male) {
    }

    static final List<Entry> CITY = List.of(
            e("市委办公室", PARTY, 1.0), e("市委组织部", PARTY, 1.0), e("市委宣传部", PARTY, 0.8),
            e("市委统战部", PARTY, 0.6), e("市委政法委", PARTY, 0.6, "法学类"), e("市纪委市监委机关", PARTY, 1.6, "法学类"),
            e("市委机构编制委员会办公室", PARTY, 0.4), e("市人民政府办公室", GOVERNMENT, 1.0),
            e("市发展和改革委员会", GOVERNMENT, 1.0, "经济管理类"), e("市教育局", GOVERNMENT, 0.9, "教育类"),
            e("市科学技术局", GOVERNMENT, 0.6, "理工类"), e("市经济和信息化局", GOVERNMENT, 0.9, "理工类"),
            new Entry("市公安局", GOVERNMENT, 4.0, "法学类", 0.82), e("市民政局", GOVERNMENT, 0.6),
            e("市司法局", GOVERNMENT, 0.9, "法学类"), e("市财政局", GOVERNMENT, 1.0, "经济管理类"),
            e("市人力资源和社会保障局", GOVERNMENT, 1.0), e("市自然资源和规划局", GOVERNMENT, 1.6, "理工类"),
            e("市生态环境局", GOVERNMENT, 1.0, "理工类"), e("市住房和城乡建设局", GOVERNMENT, 1.0, "理工类"),
            e("市交通运输局", GOVERNMENT, 1.0, "理工类"), e("市农业农村局", GOVERNMENT, 1.0, "农林水产类"),
            new Entry("市海洋与渔业局", GOVERNMENT, 1.6, "海洋类", 0.74), e("市商务局", GOVERNMENT, 0.6, "经济管理类"),
            e("市文化和广电旅游体育局", GOVERNMENT, 0.9, "文史哲类"), e("市卫生健康委员会", GOVERNMENT, 1.0, "医学类"),
            e("市退役军人事务局", GOVERNMENT, 0.5), new Entry("市应急管理局", GOVERNMENT, 0.6, "理工类", 0.75),
            e("市审计局", GOVERNMENT, 0.7, "经济管理类"), e("市市场监督管理局", GOVERNMENT, 1.6),
            e("市统计局", GOVERNMENT, 0.5, "经济管理类"), e("市医疗保障局", GOVERNMENT, 0.5, "医学类"),
            e("市信访局", GOVERNMENT, 0.4), e("市大数据发展管理局", GOVERNMENT, 0.5, "信息技术类"),
            e("市港航和口岸管理局", GOVERNMENT, 1.0, "海洋类"), e("市综合行政执法局", GOVERNMENT, 1.2, "法学类"),
            e("市人大常委会机关", CONGRESS, 0.9), e("市政协机关", CONGRESS, 0.8),
            e("市中级人民法院", JUSTICE, 1.8, "法学类"), e("市人民检察院", JUSTICE, 1.4, "法学类"),
            e("市总工会", MASS, 0.4), e("共青团市委", MASS, 0.3), new Entry("市妇联", MASS, 0.3, null, 0.2),
            e("市科协", MASS, 0.3, "理工类"), e("市残联", MASS, 0.3));

    static final List<Entry> COUNTY = List.of(
            e("{c}委办公室", PARTY, 1.0), e("{c}委组织部", PARTY, 1.0), e("{c}委宣传部", PARTY, 0.7),
            e("{c}委统战部", PARTY, 0.5), e("{c}委政法委", PARTY, 0.5, "法学类"),
            e("{c}纪委{x}监委机关", PARTY, 1.4, "法学类"), e("{c}委机构编制委员会办公室", PARTY, 0.3),
            e("{c}人民政府办公室", GOVERNMENT, 1.0), e("{c}发展和改革局", GOVERNMENT, 0.9, "经济管理类"),
            e("{c}教育局", GOVERNMENT, 0.9, "教育类"), e("{c}科学技术局", GOVERNMENT, 0.5, "理工类"),
            e("{c}经济和信息化局", GOVERNMENT, 0.8, "理工类"), new Entry("{c}公安局", GOVERNMENT, 3.0, "法学类", 0.82),
            e("{c}民政局", GOVERNMENT, 0.6), e("{c}司法局", GOVERNMENT, 1.0, "法学类"),
            e("{c}财政局", GOVERNMENT, 1.0, "经济管理类"), e("{c}人力资源和社会保障局", GOVERNMENT, 0.9),
            e("{c}住房和城乡建设局", GOVERNMENT, 0.9, "理工类"), e("{c}交通运输局", GOVERNMENT, 0.8, "理工类"),
            e("{c}农业农村局", GOVERNMENT, 1.0, "农林水产类"), new Entry("{c}海洋与渔业局", GOVERNMENT, 1.2, "海洋类", 0.74),
            e("{c}商务局", GOVERNMENT, 0.5, "经济管理类"), e("{c}文化和广电旅游体育局", GOVERNMENT, 0.8, "文史哲类"),
            e("{c}卫生健康局", GOVERNMENT, 0.8, "医学类"), e("{c}退役军人事务局", GOVERNMENT, 0.4),
            new Entry("{c}应急管理局", GOVERNMENT, 0.6, "理工类", 0.75), e("{c}审计局", GOVERNMENT, 0.6, "经济管理类"),
            e("{c}市场监督管理局", GOVERNMENT, 1.5), e("{c}统计局", GOVERNMENT, 0.4, "经济管理类"),
            e("{c}医疗保障局", GOVERNMENT, 0.4, "医学类"), e("{c}信访局", GOVERNMENT, 0.4),
            e("{c}综合行政执法局", GOVERNMENT, 1.2, "法学类"), e("{c}人大常委会机关", CONGRESS, 0.7),
            e("{c}政协机关", CONGRESS, 0.6), e("{c}人民法院", JUSTICE, 1.5, "法学类"),
            e("{c}人民检察院", JUSTICE, 1.1, "法学类"), e("{c}总工会", MASS, 0.3), e("共青团{c}委", MASS, 0.25),
            new Entry("{c}妇联", MASS, 0.25, null, 0.2), e("{c}科协", MASS, 0.25, "理工类"));

    /** At province scale a township also has these units besides its 党委政府. */
    static final List<String> TOWNSHIP_EXTRAS = List.of("纪（工）委", "人大主席团", "综合行政执法队");

    private static final double COUNTY_SIZE = 0.7;
    private static final double TOWNSHIP_SIZE = 0.9;
    private static final double TOWNSHIP_EXTRA_SIZE = 0.3;

    private UnitCatalogue() {
    }

    /**
     * The units of every city, county and township in {@code divisions}, sized so that their actual
     * head-counts add up to about {@code people}; city names are prefixed only when there are several cities.
     */
    static List<DemoUnit> build(List<Division> divisions, boolean province, int people, SplittableRandom random) {
        List<Division> cities = divisions.stream().filter(d -> d.level().equals("city")).toList();
        List<Draft> drafts = new ArrayList<>();
        for (Division city : cities) {
            List<Division> counties = divisions.stream()
                    .filter(d -> d.level().equals("county") && city.code().equals(d.parentCode())).toList();
            List<String> regions = counties.stream().map(Division::code).toList();
            for (Entry e : CITY) {
                String name = cities.size() > 1 ? e.name().replaceFirst("市", city.name()) : e.name();
                drafts.add(new Draft(city.code(), name, e, "市直", e.weight(), regions));
            }
            for (Division county : counties) {
                String suffix = county.name().substring(county.name().length() - 1);
                for (Entry e : COUNTY) {
                    String name = e.name().replace("{c}", county.name()).replace("{x}", suffix);
                    drafts.add(new Draft(county.code(), name, e, "县直", e.weight() * COUNTY_SIZE,
                            List.of(county.code())));
                }
            }
        }
        for (Division township : divisions) {
            if (!township.level().equals("township")) {
                continue;
            }
            List<String> region = List.of(township.parentCode());
            String name = township.name() + (township.name().endsWith("街道") ? "党工委办事处" : "党委政府");
            drafts.add(new Draft(township.code(), name, e(name, TOWNSHIP, 1), "乡镇", TOWNSHIP_SIZE, region));
            if (province) {
                for (String extra : TOWNSHIP_EXTRAS) {
                    drafts.add(new Draft(township.code(), township.name() + extra, e(extra, TOWNSHIP, 1), "乡镇",
                            TOWNSHIP_EXTRA_SIZE, region));
                }
            }
        }
        return size(drafts, people, random);
    }

    private record Draft(String parentCode, String name, Entry entry, String tier, double weight,
                         List<String> regions) {
    }

    /** Troubled units (clearly worse than the rest) and units over their 编制 (two of them troubled). */
    private static final int TROUBLED = 5;
    private static final int OVER = 5;

    private static List<DemoUnit> size(List<Draft> drafts, int people, SplittableRandom random) {
        List<Integer> sizeable = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            if (drafts.get(i).weight() >= 0.6) {
                sizeable.add(i);
            }
        }
        Collections.shuffle(sizeable, new Random(random.nextLong()));
        Set<Integer> troubled = new HashSet<>(sizeable.subList(0, Math.min(TROUBLED, sizeable.size())));
        Set<Integer> over = new HashSet<>(sizeable.subList(TROUBLED - 2,
                Math.min(TROUBLED - 2 + OVER, sizeable.size())));
        List<UnitProfile> profiles = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            UnitProfile p = UnitProfile.draw(random, d.entry().male(), troubled.contains(i),
                    over.contains(i) ? 1 + random.nextInt(3) : 0);
            profiles.add(p);
            total += d.weight() * p.fill();
        }
        List<DemoUnit> units = new ArrayList<>(drafts.size());
        String lastParent = "";
        int seq = 0;
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            UnitProfile p = profiles.get(i);
            seq = d.parentCode().equals(lastParent) ? seq + 1 : 1;
            lastParent = d.parentCode();
            int headcount = Math.max(1, (int) Math.round(people * d.weight() * p.fill() / total));
            int authorized = p.over() > 0 ? Math.max(1, headcount - p.over())
                    : Math.max(1, (int) Math.round(headcount / p.fill()));
            String code = d.parentCode() + "U" + String.format("%02d", seq);
            NewUnit unit = new NewUnit(d.parentCode(), code, d.name(), seq, d.entry().type(), d.tier(), authorized,
                    Quotas.of(d.tier(), authorized));
            units.add(new DemoUnit(unit, d.regions(), p, headcount, d.entry().major()));
        }
        return units;
    }

    private static Entry e(String name, String type, double weight) {
        return new Entry(name, type, weight, null, 0);
    }

    private static Entry e(String name, String type, double weight, String major) {
        return new Entry(name, type, weight, major, 0);
    }
}
