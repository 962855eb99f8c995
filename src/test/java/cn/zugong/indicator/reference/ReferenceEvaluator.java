package cn.zugong.indicator.reference;

import cn.zugong.indicator.Indicator;
import cn.zugong.indicator.IndicatorPack;
import cn.zugong.indicator.LevelRule;
import cn.zugong.indicator.NodeLevel;
import cn.zugong.indicator.reference.Roster.Division;
import cn.zugong.indicator.reference.Roster.Unit;
import cn.zugong.indicator.reference.Roster.Version;
import cn.zugong.shared.legend.Colour;
import cn.zugong.shared.legend.Direction;
import cn.zugong.shared.legend.Legend;
import cn.zugong.shared.legend.LegendRange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reference evaluator (issue 15, part 5): the whole pack computed in plain Java from roster rows, for
 * the differential test against the SQL engine. The roster as of D known at K is read per ADR 050; the
 * indicators are {@link ReferenceIndicators}; applicability and the legends of each level (ADR 053) are the
 * pack's data, compared here with code of our own; roll-ups add numerators and denominators over the units
 * where an indicator applies.
 */
final class ReferenceEvaluator {

    /** One node × indicator: numerator, denominator (NaN: a count), value (null: denominator 0), colour. */
    record Result(String nodeCode, String indicatorCode, boolean rollup, double num, double den, Double value,
                  String colour) {
    }

    /** Decimals a value is shown (and coloured) with, by unit of the indicator. */
    static final Map<String, Integer> DECIMALS = Map.of("%", 1, "人", 0, "人次", 0, "个", 0, "年", 1, "岁", 1, "学时", 1,
            LevelRule.PER_HUNDRED_UNIT, 2);

    private static final Map<String, Function<UnitView, Cell>> DEFINITIONS = ReferenceIndicators.all();

    private ReferenceEvaluator() {
    }

    static Map<String, Function<UnitView, Cell>> definitions() {
        return DEFINITIONS;
    }

    /** Every result of the pack for the roster's city as of {@code d} known at {@code k}, keyed node → code. */
    static Map<String, Map<String, Result>> evaluate(Roster roster, IndicatorPack pack, LocalDate d, LocalDateTime k) {
        Map<String, Function<UnitView, Cell>> definitions = DEFINITIONS;
        Map<String, List<Staff>> staff = staffByUnit(roster, d, k);
        Map<String, String> parent = new HashMap<>();
        roster.divisions().forEach(v -> parent.put(v.code(), v.parentCode()));
        Map<String, Map<String, Result>> out = new LinkedHashMap<>();
        Map<String, Map<String, Cell>> rollups = new LinkedHashMap<>();
        for (Unit u : roster.units()) {
            UnitView view = new UnitView(u, staff.getOrDefault(u.code(), List.of()), d.getYear());
            Map<String, Result> results = new LinkedHashMap<>();
            for (Indicator i : pack.indicators()) {
                if (!applies(i, u)) {
                    continue;
                }
                Function<UnitView, Cell> def = definitions.get(i.code());
                if (def == null) {
                    throw new IllegalStateException("no reference definition for " + i.code());
                }
                Cell cell = def.apply(view);
                if (perHundredSomewhere(i) && !cell.ratio()) {
                    // a head-count shown per 100 staff at some level carries the unit's 在职人数 at every level
                    cell = new Cell(cell.num(), view.staff().size());
                }
                results.put(i.code(), result(i, u.code(), NodeLevel.UNIT, cell));
                for (String a = u.parentCode(); a != null; a = parent.get(a)) {
                    rollups.computeIfAbsent(a, x -> new LinkedHashMap<>()).merge(i.code(), cell, Cell::plus);
                }
            }
            out.put(u.code(), results);
        }
        Map<String, Indicator> byCode = pack.indicatorsByCode();
        for (Division v : roster.divisions()) {
            Map<String, Result> results = new LinkedHashMap<>();
            NodeLevel level = level(v);
            rollups.getOrDefault(v.code(), Map.of()).forEach((code, cell) ->
                    results.put(code, result(byCode.get(code), v.code(), level, cell)));
            out.put(v.code(), results);
        }
        return out;
    }

    /** The applies-to rule of the pack (data), tested here: tiers and unit types, empty = all. */
    static boolean applies(Indicator i, Unit u) {
        var tiers = i.appliesTo().tiers();
        var types = i.appliesTo().unitTypes();
        return (tiers.isEmpty() || tiers.contains(u.tier())) && (types.isEmpty() || types.contains(u.unitType()));
    }

    /** People in service on D as known at K, each with the facts valid on D; grouped by their unit on D. */
    static Map<String, List<Staff>> staffByUnit(Roster roster, LocalDate d, LocalDateTime k) {
        Map<Long, Version> current = new HashMap<>();
        for (Version v : roster.versions()) {
            if (v.validOn(d) && v.knownAt(k) && "在职".equals(v.state().status())) {
                if (current.put(v.personId(), v) != null) {
                    throw new IllegalStateException("two versions of person " + v.personId() + " valid on " + d);
                }
            }
        }
        Map<Long, List<Roster.Assessment>> a = roster.assessments().stream().filter(x -> x.period().visible(d, k))
                .collect(Collectors.groupingBy(Roster.Assessment::personId));
        Map<Long, List<Roster.Training>> t = roster.trainings().stream().filter(x -> x.period().visible(d, k))
                .collect(Collectors.groupingBy(Roster.Training::personId));
        Map<Long, List<Roster.Record>> r = roster.records().stream().filter(x -> x.period().visible(d, k))
                .collect(Collectors.groupingBy(Roster.Record::personId));
        Map<String, List<Staff>> byUnit = new HashMap<>();
        current.values().forEach(v -> byUnit.computeIfAbsent(v.state().unitCode(), x -> new ArrayList<>())
                .add(new Staff(v.personId(), v.state(), d, a.getOrDefault(v.personId(), List.of()),
                        t.getOrDefault(v.personId(), List.of()), r.getOrDefault(v.personId(), List.of()))));
        return byUnit;
    }

    /** The level of a division as the generator wrote it (city / county / township = org_node.kind). */
    static NodeLevel level(Division v) {
        return switch (v.level()) {
            case "township" -> NodeLevel.TOWNSHIP;
            case "county" -> NodeLevel.COUNTY;
            case "city" -> NodeLevel.CITY;
            default -> throw new IllegalArgumentException("unknown division level " + v.level());
        };
    }

    /** The pack's rule for a level (data): its own if written, else the unit's legend unscaled. */
    static LevelRule rule(Indicator i, NodeLevel level) {
        LevelRule own = i.levels().get(level);
        return own != null ? own : new LevelRule(i.legend(), false, Map.of());
    }

    static boolean perHundredSomewhere(Indicator i) {
        return i.levels().values().stream().anyMatch(LevelRule::perHundredStaff);
    }

    /**
     * Value and colour at a level: a ratio is num ÷ den (×100 for %); a head-count is the count, or at a
     * level shown per 100 staff 100 × count ÷ 在职人数 (no value without staff); a level without a legend
     * has no colour.
     */
    static Result result(Indicator i, String node, NodeLevel level, Cell cell) {
        LevelRule rule = rule(i, level);
        boolean count = !cell.ratio() || (perHundredSomewhere(i) && !rule.perHundredStaff());
        Double value;
        if (count) {
            value = cell.num();
        } else if (cell.den() == 0) {
            value = null;
        } else {
            value = cell.num() / cell.den() * ("%".equals(i.unit()) || rule.perHundredStaff() ? 100 : 1);
        }
        String unit = rule.perHundredStaff() ? LevelRule.PER_HUNDRED_UNIT : i.unit();
        String colour = value == null || rule.legend() == null ? null : colour(rule.legend(), shown(unit, value));
        return new Result(node, i.code(), level != NodeLevel.UNIT, cell.num(), cell.den(), value, colour);
    }

    /** The value as shown: rounded half-up to the unit's decimals; the colour is decided on it. */
    static BigDecimal shown(String unit, double value) {
        return BigDecimal.valueOf(value).setScale(DECIMALS.getOrDefault(unit, 2), RoundingMode.HALF_UP);
    }

    /**
     * The pack's legend lines applied with comparisons of our own (the pack header): higher is better —
     * below red 红, below yellow 黄, below blue 蓝; lower is better — above red 红 …; band — inside 正常, up to
     * the blue margin away 蓝, up to the yellow margin 黄, further 红. A value on a line takes the better colour.
     */
    static String colour(Legend legend, BigDecimal v) {
        Map<Colour, BigDecimal> line = new HashMap<>();
        for (LegendRange r : legend.ranges()) {
            if (r.colour() != Colour.GREEN && r.threshold() != null) {
                line.putIfAbsent(r.colour(), r.threshold());
            }
        }
        if (legend.direction() == Direction.BAND) {
            return band(legend, v);
        }
        boolean higher = legend.direction() == Direction.HIGHER_IS_BETTER;
        for (Colour c : List.of(Colour.RED, Colour.YELLOW, Colour.BLUE)) {
            BigDecimal t = line.get(c);
            if (t != null && (higher ? v.compareTo(t) < 0 : v.compareTo(t) > 0)) {
                return c.code();
            }
        }
        return Colour.GREEN.code();
    }

    private static String band(Legend legend, BigDecimal v) {
        LegendRange green = legend.ranges().stream().filter(r -> r.colour() == Colour.GREEN).findFirst().orElseThrow();
        BigDecimal low = green.from();
        BigDecimal high = green.to();
        BigDecimal blueMargin = low.subtract(lowest(legend, Colour.BLUE));
        BigDecimal yellowMargin = low.subtract(lowest(legend, Colour.YELLOW));
        BigDecimal off = v.compareTo(low) < 0 ? low.subtract(v) : v.compareTo(high) > 0 ? v.subtract(high) : BigDecimal.ZERO;
        if (off.signum() == 0) {
            return Colour.GREEN.code();
        }
        return off.compareTo(blueMargin) <= 0 ? Colour.BLUE.code()
                : off.compareTo(yellowMargin) <= 0 ? Colour.YELLOW.code() : Colour.RED.code();
    }

    /** The far end below the band of the ranges of one colour (low − margin). */
    private static BigDecimal lowest(Legend legend, Colour colour) {
        return legend.ranges().stream().filter(r -> r.colour() == colour && r.from() != null).map(LegendRange::from)
                .min(BigDecimal::compareTo).orElseThrow();
    }
}
