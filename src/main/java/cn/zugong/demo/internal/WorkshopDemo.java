package cn.zugong.demo.internal;

import cn.zugong.org.NodeKind;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.prosperity.WorkshopLoader;
import cn.zugong.prosperity.WorkshopLoader.Enterprise;
import cn.zugong.prosperity.WorkshopLoader.LedgerMonth;
import cn.zugong.prosperity.WorkshopLoader.NewCompany;
import cn.zugong.prosperity.WorkshopLoader.NewPair;
import cn.zugong.prosperity.WorkshopLoader.NewWorkshop;
import cn.zugong.talent.CreditCodes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's 共富工坊 (issue 18, ADR 071), deterministic: 322 workshops over the city's villages (one in five
 * registered at the township, serving two villages), 24 ledger months up to the month before the as-of date (fewer
 * for workshops started later), scaled so that the totals read like the city's report (322家, 村集体增收1750余万元,
 * 就业1.7万余人, 人均月增收约2580元); 163 enterprises paired with 100 villages (百企联百村) and 20 强村公司, five per
 * county. Written through {@link WorkshopLoader}; skipped when workshops exist.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class WorkshopDemo implements DemoStep {

    private static final Logger log = LoggerFactory.getLogger(WorkshopDemo.class);
    static final int WORKSHOPS = 322;
    static final int ENTERPRISES = 200;
    static final int PAIRED_ENTERPRISES = 163;
    static final int PAIRED_VILLAGES = 100;
    static final long COLLECTIVE_TARGET = 17_560_000;
    private static final String[] PREFIXES = {"海韵", "蓝湾", "金沙", "渔港", "东极", "朱家", "海星", "银滩", "鲜达", "海丰",
            "碧波", "港湾", "岛礁", "潮音", "云帆", "远洋", "沙滩", "青浜", "鹭岛", "海天"};
    private static final String[] TRADES = {"水产", "食品", "服饰", "电子", "旅游", "文化", "农业", "船舶", "网络", "工艺"};
    private static final String[][] TYPES = {{"PROCESSING", "来料加工", "服装、电子元件组装"},
            {"AGRI", "农产品加工", "晨菜、番薯干、杨梅酒"}, {"LIVE", "电商直播", "海鲜干货直播带货"},
            {"TOURISM", "乡村旅游", "渔家乐、民宿"}, {"FISHERY", "海洋渔业", "渔网编织、海产分拣"},
            {"CRAFT", "传统手工", "贝雕、渔民画"}};
    private static final String[] PAIR_CONTENT = {"产业帮扶：订单收购村民海产品", "就业帮扶：吸纳村民到企业务工", "消费帮扶：采购村集体农产品",
            "项目帮扶：共建共富工坊", "公益帮扶：资助困难群众和村级公益事业"};

    private final WorkshopLoader loader;
    private final OrgTree tree;
    private final long seed;
    private final LocalDate asOf;

    WorkshopDemo(WorkshopLoader loader, OrgTree tree, @Value("${zugong.demo.seed:20261123}") long seed,
                 @Value("${zugong.demo.as-of:2026-11-01}") LocalDate asOf) {
        this.loader = loader;
        this.tree = tree;
        this.seed = seed;
        this.asOf = asOf;
    }

    /** A village with its township and county. */
    private record Place(OrgNode village, OrgNode township, OrgNode county) {
    }

    @Override
    public void load() {
        OrgNode city = tree.byCode("3309").orElse(null);
        if (city == null || loader.hasWorkshops()) {
            return;
        }
        long start = System.nanoTime();
        List<Place> places = places(city);
        if (places.isEmpty()) {
            return;
        }
        SplittableRandom r = new SplittableRandom(seed ^ 0x5747L);
        List<String> banned = new ArrayList<>(places.stream().map(p -> shortName(p.county().name())).distinct().toList());
        banned.add(shortName(city.name()));
        List<Enterprise> enterprises = enterprises();
        List<NewWorkshop> workshops = new ArrayList<>();
        List<Place> sites = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        YearMonth last = YearMonth.from(asOf).minusMonths(1);
        for (int i = 0; i < WORKSHOPS; i++) {
            Place p = places.get((int) ((long) i * places.size() / WORKSHOPS));
            String[] type = TYPES[r.nextInt(TYPES.length)];
            boolean atTownship = i % 5 == 0;
            Place neighbour = places.get(Math.min(places.size() - 1, places.indexOf(p) + 1));
            List<Long> served = atTownship && neighbour.township().id() == p.township().id()
                    ? List.of(p.village().id(), neighbour.village().id()) : List.of(p.village().id());
            LocalDate started = LocalDate.of(2021, 1, 1).plusDays(r.nextInt(5 * 365 + 200));
            if (started.isAfter(last.atDay(1))) {
                started = last.atDay(1).minusMonths(r.nextInt(6));
            }
            String name = name(p, type[1], i, banned);
            for (int k = 2; !names.add(name); k++) {
                name = name(p, type[1], i, banned) + "（" + k + "号）";
            }
            workshops.add(new NewWorkshop(name, (atTownship ? p.township() : p.village()).id(),
                    type[0], type[2], started, i % 13 == 0, served, List.of(enterprises.get(i % ENTERPRISES))));
            sites.add(p);
        }
        List<Long> ids = loader.addWorkshops(workshops, "demo");
        loader.addLedger(ledger(ids, workshops, last, r), "demo");
        loader.addPairs(pairs(places, enterprises, r), "demo");
        loader.addCompanies(companies(places, r), "demo");
        log.info("Demo 共富工坊: {} workshops with their ledger, {} paired enterprises, 20 强村公司 in {} ms", ids.size(),
                PAIRED_ENTERPRISES, (System.nanoTime() - start) / 1_000_000);
    }

    private List<Place> places(OrgNode city) {
        List<Place> out = new ArrayList<>();
        for (OrgNode county : tree.children(city.id(), city.asScope())) {
            if (county.kind() != NodeKind.COUNTY) {
                continue;
            }
            for (OrgNode township : tree.children(county.id(), city.asScope())) {
                if (township.kind() != NodeKind.TOWNSHIP) {
                    continue;
                }
                for (OrgNode village : tree.children(township.id(), city.asScope())) {
                    if (village.kind() == NodeKind.VILLAGE) {
                        out.add(new Place(village, township, county));
                    }
                }
            }
        }
        return out;
    }

    /** 定海区 → 定海: what a demo name must never contain. */
    private static String shortName(String county) {
        return county.replaceAll("(市|区|县)$", "");
    }

    /** 公前村 → 公前渔家来料加工共富工坊; a village whose name holds a district's name is named by a word list. */
    private static String name(Place p, String type, int i, List<String> banned) {
        String base = p.village().name().replaceAll("(村民委员会|居民委员会|社区居委会|村委会|社区|村)$", "");
        if (base.isEmpty() || base.length() > 12 || banned.stream().anyMatch(base::contains)) {
            base = PREFIXES[i % PREFIXES.length];
        }
        return base + type + "共富工坊";
    }

    private static List<Enterprise> enterprises() {
        List<Enterprise> out = new ArrayList<>();
        String[] regions = {"330902", "330903", "330921", "330922"};
        for (int i = 0; i < ENTERPRISES; i++) {
            String name = PREFIXES[i % PREFIXES.length] + TRADES[i / PREFIXES.length % TRADES.length] + "有限公司";
            out.add(new Enterprise(name, CreditCodes.of(true, regions[i % regions.length], 57_000_000 + i)));
        }
        return out;
    }

    /**
     * Every month from the workshop's start (at most 24 months back) to {@code last}: a base headcount of 15–95
     * growing a little, 10–30% 低收入农户, wages 2,200–2,960 per person, sales two to four times the wages; collective
     * income drawn per workshop and then scaled so that the city's total is {@link #COLLECTIVE_TARGET}.
     */
    private List<LedgerMonth> ledger(List<Long> ids, List<NewWorkshop> workshops, YearMonth last, SplittableRandom r) {
        List<LedgerMonth> rows = new ArrayList<>();
        List<Double> collective = new ArrayList<>();
        YearMonth first = last.minusMonths(23);
        for (int i = 0; i < ids.size(); i++) {
            YearMonth from = YearMonth.from(workshops.get(i).startedOn());
            if (from.isBefore(first)) {
                from = first;
            }
            int base = 15 + r.nextInt(81);
            double perCollective = 800 + r.nextInt(3200);
            for (YearMonth m = from; !m.isAfter(last); m = m.plusMonths(1)) {
                int months = (int) java.time.temporal.ChronoUnit.MONTHS.between(from, m);
                int employed = Math.max(3, (int) Math.round(base * (0.85 + months * 0.01 + r.nextDouble() * 0.15)));
                int low = (int) Math.round(employed * (0.1 + r.nextDouble() * 0.2));
                BigDecimal wages = BigDecimal.valueOf(employed * (2200 + r.nextInt(761)));
                BigDecimal sales = wages.multiply(BigDecimal.valueOf(2 + r.nextDouble() * 2)).setScale(2, RoundingMode.HALF_UP);
                rows.add(new LedgerMonth(ids.get(i), m, employed, low, wages, sales, BigDecimal.ZERO));
                collective.add(perCollective * (0.8 + r.nextDouble() * 0.4));
            }
        }
        double total = collective.stream().mapToDouble(Double::doubleValue).sum();
        double scale = COLLECTIVE_TARGET / total;
        List<LedgerMonth> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            LedgerMonth l = rows.get(i);
            out.add(new LedgerMonth(l.workshopId(), l.month(), l.employed(), l.lowIncome(), l.wages(), l.sales(),
                    BigDecimal.valueOf(Math.round(collective.get(i) * scale))));
        }
        return out;
    }

    /** 163 enterprises with 100 villages: one each, the other 63 added to villages at random, 12 pairing twice. */
    private List<NewPair> pairs(List<Place> places, List<Enterprise> enterprises, SplittableRandom r) {
        List<Place> villages = new ArrayList<>();
        for (int i = 0; i < PAIRED_VILLAGES; i++) {
            villages.add(places.get((int) ((long) i * places.size() / PAIRED_VILLAGES)));
        }
        List<NewPair> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int e = 0; e < PAIRED_ENTERPRISES; e++) {
            Place v = e < PAIRED_VILLAGES ? villages.get(e) : villages.get(r.nextInt(PAIRED_VILLAGES));
            add(out, seen, enterprises.get(e), v, r);
            if (e % 14 == 0) {
                add(out, seen, enterprises.get(e), villages.get(r.nextInt(PAIRED_VILLAGES)), r);
            }
        }
        return out;
    }

    private void add(List<NewPair> out, java.util.Set<String> seen, Enterprise e, Place v, SplittableRandom r) {
        if (seen.add(e.creditCode() + ":" + v.village().id())) {
            out.add(new NewPair(e, v.village().id(), LocalDate.of(2023, 3, 1).plusDays(r.nextInt(900)),
                    PAIR_CONTENT[r.nextInt(PAIR_CONTENT.length)]));
        }
    }

    /** Five 强村公司 per county, each owned by three to eight of its villages. */
    private List<NewCompany> companies(List<Place> places, SplittableRandom r) {
        Map<Long, List<Place>> byCounty = new LinkedHashMap<>();
        places.forEach(p -> byCounty.computeIfAbsent(p.county().id(), k -> new ArrayList<>()).add(p));
        List<NewCompany> out = new ArrayList<>();
        int n = 0;
        for (var entry : byCounty.entrySet()) {
            List<Place> villages = entry.getValue();
            for (int k = 0; k < 5 && out.size() < 20; k++, n++) {
                int holders = Math.min(villages.size(), 3 + r.nextInt(6));
                Map<Long, BigDecimal> shares = new LinkedHashMap<>();
                int offset = r.nextInt(villages.size());
                for (int h = 0; h < holders; h++) {
                    shares.put(villages.get((offset + h * 7) % villages.size()).village().id(), BigDecimal.ZERO);
                }
                BigDecimal each = BigDecimal.valueOf(100).divide(BigDecimal.valueOf(shares.size()), 2, RoundingMode.DOWN);
                shares.replaceAll((v, s) -> each);
                BigDecimal capital = BigDecimal.valueOf((5 + r.nextInt(26)) * 1_000_000L);
                Map<Integer, BigDecimal> revenue = new LinkedHashMap<>();
                revenue.put(2024, capital.multiply(BigDecimal.valueOf(0.2 + r.nextDouble() * 0.4)).setScale(2, RoundingMode.HALF_UP));
                revenue.put(2025, revenue.get(2024).multiply(BigDecimal.valueOf(1.05 + r.nextDouble() * 0.2)).setScale(2, RoundingMode.HALF_UP));
                out.add(new NewCompany(PREFIXES[n % PREFIXES.length] + "强村发展有限公司", entry.getKey(), capital,
                        LocalDate.of(2021, 6, 1).plusDays(r.nextInt(1000)), shares, revenue));
            }
        }
        return out;
    }
}
