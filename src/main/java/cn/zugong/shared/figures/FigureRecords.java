package cn.zugong.shared.figures;

import java.math.BigDecimal;
import java.util.List;

/**
 * The records behind a figure (provenance): a caption saying what they are, column headings, the first rows (each
 * cell already masked and formatted for the screen), how many there are in all and what they add up to as the
 * measure counts them (see {@link MeasureKind}), recounted over all records, not only the rows shown.
 */
public record FigureRecords(String caption, List<String> columns, List<List<String>> rows, long total,
                            BigDecimal value) {

    public FigureRecords {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
