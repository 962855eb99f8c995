package cn.zugong.people.internal;

import cn.zugong.people.internal.RosterColumn.Header;
import cn.zugong.shared.excel.XlsxReader;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.util.CellReference;

/**
 * Reads the first sheet of an uploaded .xlsx into raw cell values, mapping columns by header name, through the
 * shared streaming reader ({@link XlsxReader}: size, row and cell caps, zip-bomb limits, typed cells).
 */
final class RosterSheetReader {

    static final String NOT_XLSX = XlsxReader.NOT_XLSX;
    /** The largest roster file accepted (the multipart limit is the same). */
    static final long MAX_BYTES = 20L * 1024 * 1024;
    /** Characters in one cell: the longest field (奖励/处分, several entries) stays far below. */
    static final int MAX_CELL_CHARS = 1000;
    static final XlsxReader.Limits LIMITS = new XlsxReader.Limits(MAX_BYTES, RosterSheets.MAX_ROWS, MAX_CELL_CHARS);

    /** Cell values of one data row: String, BigDecimal, LocalDate or null, by column index. */
    record RawRow(int row, Object[] values) {
    }

    record ParsedSheet(Map<Header, Integer> columns, List<RawRow> rows) {
        String letter(Header h) {
            return CellReference.convertNumToColString(columns.get(h));
        }
    }

    private RosterSheetReader() {
    }

    /** Throws {@link RosterFileException} (or the shared reader's exception) when the file is unusable. */
    static ParsedSheet read(InputStream upload) {
        Collector collector = new Collector();
        XlsxReader.read(upload, LIMITS, collector);
        return collector.result();
    }

    /** Collects rows as the sheet streams by; row 1 must hold the headers. */
    private static final class Collector implements XlsxReader.Rows {
        private Map<Header, Integer> columns;
        private final List<RawRow> rows = new ArrayList<>();

        @Override
        public void header(Map<Integer, Object> cells) {
            columns = headers(cells);
        }

        @Override
        public void row(int row, Map<Integer, Object> cells) {
            if (columns.values().stream().noneMatch(cells::containsKey)) {
                return;
            }
            Object[] values = new Object[columns.values().stream().mapToInt(i -> i).max().orElse(-1) + 1];
            columns.values().forEach(c -> values[c] = cells.get(c));
            rows.add(new RawRow(row, values));
        }

        ParsedSheet result() {
            if (rows.isEmpty()) {
                throw new RosterFileException("文件中没有数据行：请从第 2 行起填写人员信息");
            }
            return new ParsedSheet(columns, rows);
        }
    }

    private static Map<Header, Integer> headers(Map<Integer, Object> row) {
        Map<Header, Integer> columns = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        new TreeMap<>(row).forEach((index, value) -> {
            Header h = RosterColumn.parse(RosterCells.text(value));
            if (h == null) {
                return; // unknown columns (remarks etc.) are ignored
            }
            Integer first = columns.putIfAbsent(h, index);
            if (first != null) {
                problems.add("列名“" + h.title() + "”重复（" + CellReference.convertNumToColString(first) + " 列和 "
                        + CellReference.convertNumToColString(index) + " 列）");
            }
        });
        List<String> missing = Arrays.stream(RosterColumn.values())
                .filter(c -> c.required && columns.keySet().stream().noneMatch(h -> h.column() == c))
                .map(c -> c.title).toList();
        if (!missing.isEmpty()) {
            problems.add(0, "缺少必填列：" + String.join("、", missing) + "。请使用导入模板，第 1 行为列名且不要修改列名");
        }
        if (!problems.isEmpty()) {
            throw new RosterFileException(String.join("；", problems));
        }
        return columns;
    }

}
