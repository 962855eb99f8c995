package cn.zugong.tickets.internal;

import java.util.List;

/** The figures page: the whole set and its lines by unit, cadre, category and period. */
public record Figures(FigureFilter filter, Figure total, List<Figure> byUnit, List<Figure> byCadre,
                      List<Figure> byCategory, List<Figure> byPeriod) {
}
