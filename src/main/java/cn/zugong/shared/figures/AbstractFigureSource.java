package cn.zugong.shared.figures;

import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.OrgScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every {@link FigureSource} does the same way: its id and measures, the reader check before any record is
 * read, an unknown measure refused as not found (the review only asks for the catalogue's measures, which
 * {@code CatalogueReader} checks at start-up), a negative row limit read as none, and the values map checked against
 * the declared measures. A source says only how it computes its values and lists its records. (The public methods
 * are not final: Spring may proxy a source, and a proxy's final method would read the proxy's own empty fields.)
 */
public abstract class AbstractFigureSource implements FigureSource {

    /** Who may read a source's records: checked before the measure, so a refused reader learns nothing. */
    @FunctionalInterface
    public interface Reader {

        /** Throws (not found, forbidden) when the user may not read the records of the scope. */
        void require(CurrentUser user, OrgScope scope);

        /** The annual module has checked the route and the scope; the source adds nothing. */
        Reader ANY = (user, scope) -> { };

        /** Office users only; anyone else is told the page does not exist. */
        Reader OFFICE = (user, scope) -> {
            if (!user.role().isOffice()) {
                throw new NotFoundException("页面不存在");
            }
        };
    }

    private final String id;
    private final List<Measure> measures;
    private final Reader reader;

    protected AbstractFigureSource(String id, List<Measure> measures, Reader reader) {
        this.id = id;
        this.measures = List.copyOf(measures);
        this.reader = reader;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<Measure> measures() {
        return measures;
    }

    @Override
    public FigureRecords records(String measure, OrgScope scope, LocalDate from, LocalDate to, CurrentUser user,
                                 int limit) {
        reader.require(user, scope);
        if (measures.stream().noneMatch(m -> m.key().equals(measure))) {
            throw unknown(measure);
        }
        return recordsOf(measure, scope, from, to, user, Math.max(0, limit));
    }

    /**
     * The records behind one of the declared measures, for a user the {@link Reader} has let through; {@code limit}
     * is at least zero.
     */
    protected abstract FigureRecords recordsOf(String measure, OrgScope scope, LocalDate from, LocalDate to,
                                               CurrentUser user, int limit);

    /** The refusal of a measure this source does not declare (also a switch's default over the declared ones). */
    protected final NotFoundException unknown(String measure) {
        return new NotFoundException("没有这项数字：" + id + "." + measure);
    }

    /**
     * The values map from pairs of a measure's key and its figure (a {@link BigDecimal} as it is, any other number
     * as a long, null as zero), checked to name exactly the declared measures.
     */
    protected final Map<String, BigDecimal> valuesOf(Object... keysAndFigures) {
        if (keysAndFigures.length != 2 * measures.size()) {
            throw new IllegalStateException(id + ": " + measures.size() + " measures, "
                    + keysAndFigures.length / 2 + " values");
        }
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndFigures.length; i += 2) {
            String key = (String) keysAndFigures[i];
            Object figure = keysAndFigures[i + 1];
            if (measures.stream().noneMatch(m -> m.key().equals(key)) || out.containsKey(key)) {
                throw new IllegalStateException(id + ": not a measure or given twice: " + key);
            }
            out.put(key, figure == null ? BigDecimal.ZERO : figure instanceof BigDecimal d ? d
                    : BigDecimal.valueOf(((Number) figure).longValue()));
        }
        return out;
    }
}
