package cn.zugong.demo.internal;

import cn.zugong.talent.EnterpriseDirectory;
import cn.zugong.talent.EnterpriseDirectory.Candidate;
import java.math.BigDecimal;
import java.math.RoundingMode;
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

/**
 * Demo 自贸企业认定 (deterministic): the 2025 figures of every enterprise of the demo registry (亩均税收 and 亩均营业收入,
 * 油气贸易额 and 保税燃料油加注量 for the oil, gas and bunkering trades, R&D ratio, jobs, talents), scored by the scheme
 * file, and the 2025 directory published with the top 98 — the seed's first batch of 98 enterprises.
 */
@Component
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
class TalentDirectoryDemo {

    private static final Logger log = LoggerFactory.getLogger(TalentDirectoryDemo.class);
    static final String BY = "demo-directory";
    static final int YEAR = 2025;
    static final int LISTED = 98;
    private static final Set<String> OIL_GAS = Set.of("OIL_GAS_TRADE", "OIL_GAS_STORAGE", "PETROCHEM_MATERIALS");

    private final EnterpriseDirectory directory;
    private final long seed;

    TalentDirectoryDemo(EnterpriseDirectory directory, @Value("${zugong.demo.seed:20261123}") long seed) {
        this.directory = directory;
        this.seed = seed;
    }

    /** A step of the demo: once (the 2025 directory published), after the talent demo's employers exist. */
    void load() {
        List<Candidate> enterprises = directory.enterprises();
        if (directory.published(YEAR) || enterprises.size() < LISTED) {
            return;
        }
        long start = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed ^ 0xd1ec7L);
        Map<Long, Map<String, BigDecimal>> figures = new LinkedHashMap<>();
        for (Candidate e : enterprises) {
            figures.put(e.employerId(), figures(e, random));
        }
        directory.recordAndCompute(YEAR, figures, BY);
        int listed = directory.publishTop(YEAR, LISTED, BY);
        log.info("Demo 自贸企业目录: {} figures, {} listed in {} ms", figures.size(), listed,
                (System.nanoTime() - start) / 1_000_000);
    }

    private static Map<String, BigDecimal> figures(Candidate e, SplittableRandom r) {
        Map<String, BigDecimal> f = new LinkedHashMap<>();
        double size = Math.exp(r.nextDouble(0, 3)); // 1 … 20
        f.put("TAX_PER_MU", round(r.nextDouble(5, 60) * (0.6 + size / 20), 2));
        f.put("OUTPUT_PER_MU", round(r.nextDouble(80, 900) * (0.6 + size / 20), 2));
        if (OIL_GAS.contains(e.industry()) || r.nextInt(100) < 8) {
            f.put("OIL_GAS_TRADE", round(r.nextDouble(1, 120) * size / 5, 2));
        }
        if ("BONDED_FUEL".equals(e.industry()) || "MARITIME_SHIPPING".equals(e.industry()) && r.nextBoolean()) {
            f.put("BONDED_FUEL", round(r.nextDouble(2, 80) * size / 5, 2));
        }
        f.put("RD_RATIO", round(r.nextDouble(0.2, 8.5), 2));
        f.put("JOBS", BigDecimal.valueOf(Math.round(r.nextDouble(20, 300) * size)));
        f.put("TALENTS", BigDecimal.valueOf(Math.round(r.nextDouble(1, 40) * Math.sqrt(size))));
        return f;
    }

    private static BigDecimal round(double v, int scale) {
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP);
    }
}
