package cn.zugong.cadre.internal;

import cn.zugong.shared.OrgScope;
import cn.zugong.shared.figures.AbstractFigureSource;
import cn.zugong.shared.figures.Measure;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A cadre part's figures for the annual review (ADR 081): records listed by {@link FigureListing}, read by whoever
 * {@link CadreAccess#requireRead} lets read the cadre module unless the part says otherwise.
 */
public abstract class CadreFigureSource extends AbstractFigureSource {

    protected final FigureListing listing;

    protected CadreFigureSource(String id, List<Measure> measures, FigureListing listing, CadreAccess access) {
        this(id, measures, listing, (user, scope) -> access.requireRead(user));
    }

    protected CadreFigureSource(String id, List<Measure> measures, FigureListing listing, Reader reader) {
        super(id, measures, reader);
        this.listing = listing;
    }

    /** The parameters of a part counted by dates in the period: scopePath, from and to. */
    protected static Map<String, Object> period(OrgScope scope, LocalDate from, LocalDate to) {
        return Map.of("scopePath", scope.pathPattern(), "from", from, "to", to);
    }
}
