package cn.zugong.demo.internal;

import static cn.zugong.demo.internal.Identities.weighted;
import static cn.zugong.demo.internal.UnitProfile.between;

import cn.zugong.people.PersonRow.YearNote;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The yearly facts of a unit's people, drawn the way units decide them: 优秀 within the unit's quota each year
 * (about 15%), 称职 for most, 基本称职 / 不称职 rare and after a 记过 or worse, 不确定等次 rare (long sick leave); a 嘉奖
 * for most 优秀 results and a 记三等功 for three 优秀 in a row; a few disciplines; training hours around the 90-hour
 * norm (110 for leaders).
 */
final class YearFacts {

    private static final List<String> DISCIPLINES = List.of("警告", "记过", "记大过", "降级");

    private final int year;

    YearFacts(int year) {
        this.year = year;
    }

    void draw(UnitProfile p, List<Draft> drafts, SplittableRandom r) {
        for (Draft d : drafts) {
            double chance = p.troubled() ? 0.02 : d.leader() ? 0.002 : 0.005;
            if (!d.recruit && r.nextDouble() < chance) {
                d.disciplines.add(new YearNote(year - 1 - r.nextInt(3), weighted(r, DISCIPLINES, 65, 28, 5, 2)));
            }
        }
        for (int y = year - 3; y < year; y++) {
            assess(p, drafts, y, r);
        }
        for (Draft d : drafts) {
            rewards(d, r);
        }
    }

    private void assess(UnitProfile p, List<Draft> drafts, int y, SplittableRandom r) {
        List<Draft> assessed = new ArrayList<>();
        Map<Draft, Double> key = new HashMap<>();
        for (Draft d : drafts) {
            if (d.workStart.getYear() >= y || (p.troubled() && y == year - 1 && r.nextDouble() < 0.15)) {
                continue; // not yet in service that year, or (troubled unit) last year's result never entered
            }
            assessed.add(d);
            String disciplined = disciplineIn(d, y);
            if (disciplined != null) {
                d.assessments.put(y, disciplined.equals("警告") ? "称职" : disciplined.equals("降级") ? "不称职" : "基本称职");
                continue;
            }
            double weight = d.age < 36 ? 0.8 : d.leader() ? 0.85 : 1.0;
            key.put(d, Math.pow(r.nextDouble(), 1 / weight));
        }
        int excellent = (int) Math.round(assessed.size() * p.excellent());
        List<Draft> ranked = new ArrayList<>(key.keySet());
        ranked.sort(Comparator.comparingDouble(d -> -key.get(d)));
        for (int i = 0; i < ranked.size(); i++) {
            Draft d = ranked.get(i);
            double v = r.nextDouble();
            d.assessments.put(y, i < excellent ? "优秀" : v < 0.007 ? "基本称职" : v < 0.0085 ? "不称职"
                    : v < 0.012 ? "不确定等次" : "称职");
        }
    }

    private static String disciplineIn(Draft d, int y) {
        return d.disciplines.stream().filter(n -> n.year() == y).map(YearNote::description).findFirst().orElse(null);
    }

    private void rewards(Draft d, SplittableRandom r) {
        int inRow = 0;
        for (int y = year - 3; y < year; y++) {
            boolean excellent = "优秀".equals(d.assessments.get(y));
            inRow = excellent ? inRow + 1 : 0;
            if (inRow == 3) {
                d.rewards.add(new YearNote(y, "记三等功"));
            } else if (excellent && r.nextDouble() < 0.85) {
                d.rewards.add(new YearNote(y, "嘉奖"));
            }
            if (d.assessments.containsKey(y) && r.nextDouble() < 0.003) {
                d.rewards.add(new YearNote(y, "优秀公务员"));
            }
        }
    }

    /** This year's training hours; leaders train more (110 hours for 县处级 and 乡科级 leaders). */
    static BigDecimal trainingHours(UnitProfile p, Draft d, SplittableRandom r) {
        double hours;
        if (r.nextDouble() < p.lowTraining()) {
            double v = r.nextDouble();
            hours = v < 0.75 ? between(r, 60, 89.5) : v < 0.93 ? between(r, 45, 60) : between(r, 20, 45);
        } else if (d.leader()) {
            hours = r.nextDouble() < 0.95 ? between(r, 110, 172) : between(r, 92, 110);
        } else {
            hours = r.nextDouble() < 0.88 ? between(r, 90, 150) : between(r, 150, 185);
        }
        return BigDecimal.valueOf(Math.round(hours * 2) / 2.0).setScale(1, RoundingMode.HALF_UP);
    }
}
