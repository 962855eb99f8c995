package cn.zugong.prosperity.internal.matching;

import cn.zugong.prosperity.MatchingScore;
import cn.zugong.prosperity.MatchingScore.Part;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Scores one offer for one need by the declared rules, in memory, with the reason of every component (ADR 072). Each
 * component's points are its full points times its share, rounded to two decimals (half up); the total is the sum
 * of the rounded components, so the page's parts always add up to its total.
 */
final class Scorer {

    private final ScoreRules rules;

    Scorer(ScoreRules rules) {
        this.rules = rules;
    }

    ScoreRules rules() {
        return rules;
    }

    /** What the matcher knows of a need: field, wanted skills, the place's org path, the period. */
    record NeedProfile(String field, Set<String> skills, String placePath, LocalDate from, LocalDate to) {
    }

    /** What the matcher knows of an offer: fields, skills, the org paths of the places served, availability. */
    record OfferProfile(long id, Set<String> fields, Set<String> skills, List<String> placePaths, LocalDate from,
                        LocalDate to) {
    }

    /** Whether the offer is a candidate at all (the file's require_any: shares the field or a skill). */
    boolean candidate(NeedProfile need, OfferProfile offer) {
        if (rules.requireAny().isEmpty()) {
            return true;
        }
        return (rules.requireAny().contains("field") && offer.fields().contains(need.field()))
                || (rules.requireAny().contains("skills") && !shared(need.skills(), offer.skills()).isEmpty());
    }

    MatchingScore score(NeedProfile need, OfferProfile offer, java.util.function.Function<String, String> fieldName) {
        Part field = field(need, offer, fieldName);
        Part skills = skills(need, offer);
        Part place = place(need, offer);
        Part period = period(need, offer);
        BigDecimal total = field.points().add(skills.points()).add(place.points()).add(period.points());
        return new MatchingScore(total, List.of(field, skills, place, period));
    }

    private Part field(NeedProfile need, OfferProfile offer, java.util.function.Function<String, String> fieldName) {
        boolean match = offer.fields().contains(need.field());
        String why = match ? "擅长领域含“" + fieldName.apply(need.field()) + "”" : "擅长领域不含“" + fieldName.apply(need.field()) + "”";
        return part("field", rules.field(), match ? BigDecimal.ONE : BigDecimal.ZERO, why);
    }

    private Part skills(NeedProfile need, OfferProfile offer) {
        Set<String> shared = shared(need.skills(), offer.skills());
        BigDecimal share;
        String why;
        if (rules.skillRule() == ScoreRules.SkillRule.JACCARD) {
            Set<String> all = new HashSet<>(need.skills());
            all.addAll(offer.skills());
            share = ratio(shared.size(), all.size());
            why = "共有技能 " + shared.size() + " 项 / 双方技能合计 " + all.size() + " 项";
        } else {
            share = ratio(shared.size(), need.skills().size());
            why = "覆盖所需技能 " + shared.size() + "/" + need.skills().size();
        }
        if (!shared.isEmpty()) {
            why += "（" + String.join("、", shared.stream().sorted().toList()) + "）";
        }
        return part("skills", rules.skills(), share, why);
    }

    private Part place(NeedProfile need, OfferProfile offer) {
        ScoreRules.PlaceShares s = rules.places();
        int best = 0; // 4 covers, 3 same township, 2 same county, 1 same city, 0 other
        for (String p : offer.placePaths()) {
            best = Math.max(best, closeness(need.placePath(), p));
        }
        BigDecimal share = switch (best) {
            case 4 -> s.covers();
            case 3 -> s.sameTownship();
            case 2 -> s.sameCounty();
            case 1 -> s.sameCity();
            default -> s.other();
        };
        String why = switch (best) {
            case 4 -> "可服务地含需求地点";
            case 3 -> "可服务地与需求地点同乡镇";
            case 2 -> "可服务地与需求地点同县区";
            case 1 -> "可服务地与需求地点同市";
            default -> "可服务地不在本市";
        };
        return part("place", rules.place(), share, why);
    }

    /**
     * How close an offer's place is to the need's place in the org tree (paths of codes, /33/3309/330902/…/):
     * 4 when the offer's place is the need's place or above it, else by the deepest common node: 3 the township, 2
     * the county, 1 the city, 0 nothing below the province.
     */
    static int closeness(String needPath, String offerPath) {
        if (needPath.startsWith(offerPath)) {
            return 4;
        }
        String[] a = needPath.substring(1).split("/");
        String[] b = offerPath.substring(1).split("/");
        int common = 0;
        while (common < a.length && common < b.length && a[common].equals(b[common])) {
            common++;
        }
        // common segments: 1 province, 2 city, 3 county, 4 township
        return Math.max(0, Math.min(3, common - 1));
    }

    private Part period(NeedProfile need, OfferProfile offer) {
        long days = ChronoUnit.DAYS.between(need.from(), need.to()) + 1;
        LocalDate from = offer.from().isAfter(need.from()) ? offer.from() : need.from();
        LocalDate offerTo = offer.to() == null ? need.to() : offer.to();
        LocalDate to = offerTo.isBefore(need.to()) ? offerTo : need.to();
        long overlap = to.isBefore(from) ? 0 : ChronoUnit.DAYS.between(from, to) + 1;
        return part("period", rules.period(), ratio(overlap, days),
                "可服务时间覆盖需求期 " + overlap + "/" + days + " 天");
    }

    private static Part part(String code, ScoreRules.Component c, BigDecimal share, String why) {
        BigDecimal points = c.points().multiply(share).setScale(2, RoundingMode.HALF_UP);
        return new Part(code, c.name(), points, c.points(), why);
    }

    /** A share with enough digits that rounding the points to two decimals is exact (8 places). */
    private static BigDecimal ratio(long part, long whole) {
        if (whole <= 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 8, RoundingMode.HALF_UP);
    }

    private static Set<String> shared(Collection<String> a, Collection<String> b) {
        Set<String> out = new HashSet<>(a);
        out.retainAll(b);
        return out;
    }
}
