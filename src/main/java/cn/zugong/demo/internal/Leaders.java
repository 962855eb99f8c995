package cn.zugong.demo.internal;

import static cn.zugong.demo.internal.UnitProfile.between;

import cn.zugong.indicator.RetirementLaw;
import cn.zugong.org.UnitFacts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Fills a unit's 领导职数: a 正职 post almost always, 副职 posts at 75–100% (a few units one over, troubled ones
 * always), each with someone of an age that fits the post (县处级正职 45–58, 县处级副职 40–57, 乡科级正职 37–57,
 * 乡科级副职 30–54), not within two years of retirement, and a woman in every team of three or more.
 */
final class Leaders {

    private final LocalDate asOf;

    Leaders(LocalDate asOf) {
        this.asOf = asOf;
    }

    void assign(DemoUnit unit, List<Draft> drafts, SplittableRandom r) {
        Random shuffler = new Random(r.nextLong());
        List<Draft> pool = new ArrayList<>(drafts);
        Collections.shuffle(pool, shuffler);
        List<Draft> team = new ArrayList<>();
        for (UnitFacts.PostQuota q : unit.unit().quotas()) {
            if (q.kind() != UnitFacts.Kind.LEADER) {
                continue;
            }
            int filled = filled(unit.profile(), q, r);
            double[] ages = ages(q.level());
            for (int i = 0; i < filled; i++) {
                Draft d = pick(pool, ages, 0);
                d = d != null ? d : pick(pool, ages, 6);
                if (d != null) {
                    d.post = q.level();
                    team.add(d);
                }
            }
        }
        if (team.size() >= 3 && team.stream().allMatch(d -> d.male)) {
            addWoman(pool, team);
        }
    }

    private static int filled(UnitProfile p, UnitFacts.PostQuota q, SplittableRandom r) {
        if (q.level().endsWith("正职")) {
            return r.nextDouble() < 0.96 ? q.quota() : q.quota() - 1;
        }
        int filled = (int) Math.round(q.quota() * between(r, 0.75, 1.0));
        return filled + (p.troubled() || r.nextDouble() < 0.04 ? 1 : 0);
    }

    private static double[] ages(String level) {
        return switch (level) {
            case "县处级正职" -> new double[] {45, 58};
            case "县处级副职" -> new double[] {40, 57};
            case "乡科级正职" -> new double[] {37, 57};
            default -> new double[] {30, 54};
        };
    }

    /** The first free person of a fitting age ({@code widen}: years below the usual lowest age accepted). */
    private Draft pick(List<Draft> pool, double[] ages, double widen) {
        for (Draft d : pool) {
            if (!d.leader() && !d.recruit && d.age >= ages[0] - widen && d.age <= ages[1] && d.years >= 6
                    && yearsToRetirement(d) > 2) {
                return d;
            }
        }
        return null;
    }

    private double yearsToRetirement(Draft d) {
        RetirementLaw.Group group = d.male ? RetirementLaw.Group.MAN : RetirementLaw.Group.WOMAN_CADRE;
        return (RetirementLaw.retirementDate(d.birth, group).toEpochDay() - asOf.toEpochDay()) / 365.25;
    }

    /** 班子中至少配备一名女干部: the youngest-level 副职 hands the post to a woman of a fitting age. */
    private void addWoman(List<Draft> pool, List<Draft> team) {
        Draft deputy = team.get(team.size() - 1);
        double[] ages = ages(deputy.post);
        for (Draft d : pool) {
            if (!d.male && !d.leader() && !d.recruit && d.age >= ages[0] && d.age <= ages[1] && d.years >= 6
                    && yearsToRetirement(d) > 2) {
                d.post = deputy.post;
                deputy.post = null;
                return;
            }
        }
    }
}
