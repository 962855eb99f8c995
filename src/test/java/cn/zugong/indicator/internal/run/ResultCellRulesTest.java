package cn.zugong.indicator.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.indicator.Indicator;
import cn.zugong.indicator.LevelRule;
import cn.zugong.indicator.NodeLevel;
import cn.zugong.indicator.internal.pack.PackLoader;
import cn.zugong.shared.legend.Direction;
import cn.zugong.shared.legend.Legend;
import cn.zugong.shared.legend.LegendRange;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The writer's per-level rules (ResultCell.Rules, worked out once per indicator and level) make the same cells as
 * the colouring written out cell by cell before them (kept below as the reference): every indicator of the
 * default pack at every level, counts, ratios, zero and missing denominators; and the COPY line the writer makes
 * of each rule's cell as bytes is the line it formatted from the cell before.
 */
class ResultCellRulesTest {

    @Test
    void sameCellsAsColouringEachCellOnItsOwn() throws IOException {
        String yaml;
        try (InputStream in = getClass().getResourceAsStream("/packs/healthcheck-v1.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Indicator> indicators = PackLoader.load(yaml, "healthcheck-v1.yaml").pack().indicators();
        ResultCell.Rules rules = new ResultCell.Rules(indicators);
        SplittableRandom random = new SplittableRandom(20261206);
        int advised = 0;
        for (int n = 0; n < 300; n++) {
            for (NodeLevel level : NodeLevel.values()) {
                for (int i = 0; i < indicators.size(); i++) {
                    double den = switch (n % 5) {
                        case 0 -> Double.NaN;
                        case 1 -> 0;
                        default -> random.nextInt(1, n % 3 == 0 ? 50 : 200_000);
                    };
                    double num = n % 7 == 0 ? random.nextInt(-20, 20) : Double.isNaN(den) || den == 0
                            ? random.nextInt(0, 500) : random.nextInt(0, (int) den + 1) + (n % 4 == 0 ? 0.5 : 0);
                    ResultCell expected = reference(indicators.get(i), level, num, den);
                    ResultCell actual = rules.cell(i, level, num, den);
                    assertThat(actual).as("%s at %s: %s / %s", indicators.get(i).code(), level, num, den)
                            .isEqualTo(expected);
                    if (actual.advice() != null) {
                        advised++;
                    }
                    assertThat(ResultCell.of(indicators.get(i), level, num, den)).isEqualTo(expected);
                    CsvBytes csv = new CsvBytes(16);
                    rules.rule(i, level).csv(csv, num, den);
                    assertThat(new String(csv.array(), 0, csv.size(), StandardCharsets.UTF_8))
                            .as("COPY line of %s at %s: %s / %s", indicators.get(i).code(), level, num, den)
                            .isEqualTo(csvLine(expected));
                }
            }
        }
        assertThat(advised).isPositive();
    }

    /** The CSV fields after the row's key, as the writer formatted a cell before writing bytes (commit 703f15d). */
    private static String csvLine(ResultCell cell) {
        StringBuilder text = new StringBuilder();
        decimal(text, cell.numerator()).append(',');
        decimal(text, cell.denominator()).append(',');
        decimal(text, cell.value()).append(',');
        quoted(text, cell.colour()).append(',');
        return quoted(text, cell.advice()).append('\n').toString();
    }

    private static StringBuilder decimal(StringBuilder text, BigDecimal v) {
        return v == null ? text : text.append(v.toPlainString());
    }

    private static StringBuilder quoted(StringBuilder text, String v) {
        return v == null ? text : text.append('"').append(v.replace("\"", "\"\"")).append('"');
    }

    /** ResultCell.of as it was written before the rules (commit ce27394). */
    private static ResultCell reference(Indicator indicator, NodeLevel level, double num, double den) {
        BigDecimal numerator = BigDecimal.valueOf(num).setScale(4, RoundingMode.HALF_UP);
        BigDecimal denominator = Double.isNaN(den) ? null : BigDecimal.valueOf(den).setScale(4, RoundingMode.HALF_UP);
        LevelRule rule = indicator.at(level);
        boolean staffDenominator = indicator.perHundredStaffSomewhere();
        double raw;
        if (denominator == null || (staffDenominator && !rule.perHundredStaff())) {
            raw = num;
        } else if (den == 0) {
            return new ResultCell(numerator, denominator, null, null, null);
        } else {
            raw = num / den * (indicator.isPercent() || rule.perHundredStaff() ? 100 : 1);
        }
        String unit = indicator.unitAt(level);
        BigDecimal shown = BigDecimal.valueOf(raw).setScale(unitScale(unit), RoundingMode.HALF_UP);
        Legend legend = rule.legend();
        Optional<LegendRange> range = legend == null ? Optional.empty() : legend.classify(shown);
        String colour = range.map(r -> r.colour().code()).orElse(null);
        String template = colour == null ? null : rule.advice().get(colour);
        String advice = template == null ? null : fill(template, indicator, unit, legend, shown, range.get());
        return new ResultCell(numerator, denominator, BigDecimal.valueOf(raw).setScale(4, RoundingMode.HALF_UP),
                colour, advice);
    }

    private static int unitScale(String unit) {
        return Indicator.display(0.123456, unit).scale(); // the unit's decimals, as Indicator.display has them
    }

    private static String fill(String template, Indicator indicator, String unit, Legend legend, BigDecimal shown,
                               LegendRange range) {
        String low = "";
        String high = "";
        if (legend.direction() == Direction.BAND) {
            LegendRange band = legend.ranges().get(0);
            low = plain(band.from());
            high = plain(band.to());
        }
        return template.replace("{name}", indicator.name()).replace("{value}", shown.toPlainString())
                .replace("{unit}", unit == null ? "" : unit).replace("{threshold}", plain(range.threshold()))
                .replace("{low}", low).replace("{high}", high);
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }
}
