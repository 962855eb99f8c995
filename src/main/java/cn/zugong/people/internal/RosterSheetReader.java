package cn.zugong.people.internal;

import cn.zugong.people.internal.RosterColumn.Header;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an uploaded .xlsx into raw cell values, mapping columns by header name.
 * Streams the sheet XML (SAX) instead of building a workbook: several times faster and lighter.
 * POI's ZipSecureFile limits (zip-bomb ratio, entry sizes) stay at their defaults on purpose.
 */
final class RosterSheetReader {

    static final String NOT_XLSX = "文件格式错误：请上传 .xlsx 格式的 Excel 文件";

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

    static ParsedSheet read(InputStream upload) {
        try (InputStream in = new BufferedInputStream(upload)) {
            in.mark(8);
            byte[] magic = in.readNBytes(4);
            in.reset();
            if (magic.length == 0) {
                throw new RosterFileException("上传的文件为空，请选择填写好的 .xlsx 文件");
            }
            // .xlsx is a zip ("PK\3\4"); .xls (OLE2), .csv and anything else stop here, before POI
            if (!Arrays.equals(magic, new byte[] {'P', 'K', 3, 4})) {
                throw new RosterFileException(NOT_XLSX);
            }
            try (OPCPackage pkg = OPCPackage.open(in)) {
                return parse(pkg);
            }
        } catch (RosterFileException e) {
            throw e;
        } catch (SAXException e) {
            if (e.getException() instanceof RosterFileException file) {
                throw file;
            }
            throw new RosterFileException(NOT_XLSX);
        } catch (Exception e) {
            throw new RosterFileException(isZipBomb(e)
                    ? "文件异常：压缩比异常或内容过大（疑似压缩炸弹），已拒绝处理。请用 Excel 重新保存后上传"
                    : NOT_XLSX);
        }
    }

    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("Zip bomb") || m.contains("ZipSecureFile") || m.contains("max entry size"))) {
                return true;
            }
        }
        return false;
    }

    private static ParsedSheet parse(OPCPackage pkg) throws Exception {
        XSSFReader reader = new XSSFReader(pkg);
        var sheets = reader.getSheetsData();
        if (!sheets.hasNext()) {
            throw new RosterFileException(NOT_XLSX);
        }
        Collector collector = new Collector();
        try (InputStream sheet = sheets.next()) {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                    new ReadOnlySharedStringsTable(pkg), collector, new TypedFormatter(), false));
            parser.parse(new InputSource(sheet));
        }
        return collector.result();
    }

    /** Collects rows as the sheet streams by; row 1 must hold the headers. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private Map<Header, Integer> columns;
        private final List<RawRow> rows = new ArrayList<>();
        private Map<Integer, Object> cells = new HashMap<>();
        private int lastColumn;

        @Override
        public void startRow(int rowNum) {
            cells = new HashMap<>();
            lastColumn = -1;
            if (columns == null && rowNum > 0) {
                columns = headers(Map.of()); // row 1 is empty: no headers at all
            }
        }

        @Override
        public void cell(String reference, String formatted, XSSFComment comment) {
            lastColumn = reference == null ? lastColumn + 1 : new CellReference(reference).getCol();
            Object value = TypedFormatter.decode(formatted);
            if (value != null) {
                cells.put(lastColumn, value);
            }
        }

        @Override
        public void endRow(int rowNum) {
            if (columns == null) {
                columns = headers(cells);
                return;
            }
            if (cells.isEmpty() || columns.values().stream().noneMatch(cells::containsKey)) {
                return;
            }
            if (rows.size() == RosterSheets.MAX_ROWS) {
                throw new RosterFileException("数据行数超过上限：每个文件最多 " + RosterSheets.MAX_ROWS
                        + " 行，请拆分为多个文件导入");
            }
            Object[] values = new Object[columns.values().stream().mapToInt(i -> i).max().orElse(-1) + 1];
            columns.values().forEach(c -> values[c] = cells.get(c));
            rows.add(new RawRow(rowNum + 1, values));
        }

        ParsedSheet result() {
            if (columns == null) {
                columns = headers(Map.of());
            }
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

    /**
     * The streaming handler hands over text only; this formatter tags numeric cells so that dates
     * and numbers keep their type ('\0' cannot occur in sheet XML text).
     */
    private static final class TypedFormatter extends DataFormatter {
        private static final String DATE = "\0D";
        private static final String NUMBER = "\0N";

        /** isADateFormat runs regular expressions; a workbook has only a handful of formats. */
        private final Map<Integer, Boolean> dateFormats = new HashMap<>();

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            boolean date = dateFormats.computeIfAbsent(formatIndex, i -> DateUtil.isADateFormat(i, formatString));
            if (date && DateUtil.isValidExcelDate(value)) {
                return DATE + DateUtil.getLocalDateTime(value, use1904).toLocalDate();
            }
            return NUMBER + BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }

        static Object decode(String formatted) {
            if (formatted == null) {
                return null;
            }
            if (formatted.startsWith(DATE)) {
                return java.time.LocalDate.parse(formatted.substring(DATE.length()));
            }
            if (formatted.startsWith(NUMBER)) {
                return new BigDecimal(formatted.substring(NUMBER.length()));
            }
            String s = formatted.replace('\u00a0', ' ').strip();
            return s.isEmpty() ? null : s;
        }
    }
}
