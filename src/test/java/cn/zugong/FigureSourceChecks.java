package cn.zugong;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.figures.FigureRecords;
import cn.zugong.shared.figures.FigureSource;
import cn.zugong.shared.figures.Measure;
import cn.zugong.shared.figures.MeasureKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.Yaml;

/**
 * The checks every {@link FigureSource} must pass (ADR 081), for the sources' own tests: the catalogue's measures of
 * the source are declared, {@code values} gives exactly the declared measures, and for each measure the records
 * behind it add up to the figure (a COUNT's total is the figure too), recounted over all records.
 */
public final class FigureSourceChecks {

    private FigureSourceChecks() {
    }

    /** The measures the catalogue ({@code annual/catalogue.yml}) reads from a source. */
    @SuppressWarnings("unchecked")
    public static Set<String> catalogueMeasures(String sourceId) {
        try (InputStream in = FigureSourceChecks.class.getResourceAsStream("/annual/catalogue.yml")) {
            Map<String, Object> catalogue = new Yaml().load(in);
            return ((List<Map<String, Object>>) catalogue.get("figures")).stream()
                    .filter(f -> sourceId.equals(f.get("source")))
                    .map(f -> (String) f.get("measure"))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts the source's contract over one scope and period and returns its values. */
    public static Map<String, BigDecimal> assertConsistent(FigureSource source, OrgScope scope, LocalDate from,
                                                           LocalDate to, CurrentUser user) {
        Set<String> declared = source.measures().stream().map(Measure::key)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(declared).as("measures of %s named by the catalogue", source.id())
                .containsAll(catalogueMeasures(source.id()));
        Map<String, BigDecimal> values = source.values(scope, from, to);
        assertThat(new TreeSet<>(values.keySet())).as("values of %s", source.id()).isEqualTo(declared);
        for (Measure m : source.measures()) {
            assertThat(m.definition()).as("口径 of %s.%s", source.id(), m.key()).isNotBlank();
            BigDecimal value = values.get(m.key());
            assertThat(value).as("%s.%s", source.id(), m.key()).isNotNull();
            FigureRecords records = source.records(m.key(), scope, from, to, user, 20);
            assertThat(records.value()).as("records of %s.%s add up to the figure", source.id(), m.key())
                    .isEqualByComparingTo(value);
            assertThat(records.rows()).as("rows of %s.%s", source.id(), m.key())
                    .hasSizeLessThanOrEqualTo(20).allSatisfy(row -> assertThat(row).hasSameSizeAs(records.columns()));
            if (m.kind() == MeasureKind.COUNT) {
                assertThat(records.total()).as("records of %s.%s", source.id(), m.key())
                        .isEqualTo(value.longValueExact());
            }
        }
        return values;
    }
}
