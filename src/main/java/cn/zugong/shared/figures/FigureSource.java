package cn.zugong.shared.figures;

import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A module's figures as the annual review (这一年, issue 20, ADR 081) reads them. A module contributes one bean per
 * part (its id is what the review's catalogue names as {@code source}); the annual module finds them all by type and
 * depends on no module. A source computes its measures through the same code as the module's own figures page, so
 * that no figure is computed twice and the review always equals the page.
 */
public interface FigureSource {

    /** The catalogue's name of this source, {@code <module>.<part>}: "cadre.appointments", "party.checkin". */
    String id();

    /** Every measure this source computes, with its 口径. */
    List<Measure> measures();

    /**
     * Every measure for the scope and the period [from, to] (both inclusive), keyed by {@link Measure#key()}. A
     * measure counted by year (a pool on 31 December, a rating year) uses the year {@code to} falls in; its 口径
     * says so. Never null values: zero when nothing was done.
     */
    Map<String, BigDecimal> values(OrgScope scope, LocalDate from, LocalDate to);

    /**
     * The records behind one measure for provenance: at most {@code limit} rows and, counted over all of them, the
     * total and the value they add up to in the measure's terms ({@link FigureRecords#value()}), which must equal
     * {@link #values}' figure. The source applies its own visibility rules for {@code user} (the annual module has
     * checked the route and the scope) and throws {@code NotFoundException} when the records are not for them.
     */
    FigureRecords records(String measure, OrgScope scope, LocalDate from, LocalDate to, CurrentUser user, int limit);

    /** The module's own figures page for the scope and period, to link from the review ("see the module's page"). */
    String page(OrgScope scope, LocalDate from, LocalDate to);
}
