package cn.zugong.shared.excel;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The one reader of uploaded .xlsx files (roster import, 亮灯 task import). It never builds a workbook: the upload
 * is copied to a temporary file (at most {@link Limits#maxBytes()}, refused beyond), opened as a zip with POI's
 * {@link ZipSecureFile} limits, and the first sheet's XML streams by (SAX) row by row. It stops at the first data
 * row beyond {@link Limits#maxRows()} and at the first cell longer than {@link Limits#maxCellChars()}; the shared
 * strings table (the one part POI keeps in memory) is refused beyond {@link #MAX_SHARED_STRINGS_BYTES}.
 * <p>
 * Cell values are typed by the cell's own type, never by its text: {@link String} for text (control characters
 * other than tab and line breaks refused), {@link BigDecimal} for numbers (from Excel's double, so at most ~330
 * digits), {@link LocalDate} for numbers in a date format. Callers check rights and scope before calling this.
 */
public final class XlsxReader {

    /** Uncompressed size of any one part of the package (the sheet XML streams, so this bounds time, not memory). */
    public static final long MAX_ENTRY_BYTES = 256L * 1024 * 1024;
    /** Uncompressed size of the shared strings part, which POI holds in memory. */
    public static final long MAX_SHARED_STRINGS_BYTES = 32L * 1024 * 1024;
    /** Parts in the package (a workbook has a dozen or two). */
    public static final long MAX_PARTS = 500;
    /** Least compressed/uncompressed ratio of an entry (POI's default: 1%); below it the file is a zip bomb. */
    public static final double MIN_INFLATE_RATIO = 0.01;
    /** Characters POI's text extraction may produce from one document. */
    public static final long MAX_TEXT_CHARS = 10L * 1024 * 1024;

    public static final String NOT_XLSX = "文件格式错误：请上传 .xlsx 格式的 Excel 文件";
    static final String EMPTY = "上传的文件为空，请选择填写好的 .xlsx 文件";
    static final String ZIP_BOMB = "文件异常：压缩比异常或内容过大（疑似压缩炸弹），已拒绝处理。请用 Excel 重新保存后上传";

    static {
        limitZip();
    }

    /** POI's zip limits are global; set once, before any package is opened. */
    public static void limitZip() {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMaxFileCount(MAX_PARTS);
        ZipSecureFile.setMaxTextSize(MAX_TEXT_CHARS);
    }

    /** What one import accepts. */
    public record Limits(long maxBytes, int maxRows, int maxCellChars) {
    }

    /** Receives the first sheet as it streams by. Row numbers are 1-based as Excel shows them, columns 0-based. */
    public interface Rows {
        /** Row 1 (empty when the sheet has no row 1); called exactly once, before any data row. */
        void header(Map<Integer, Object> cells);

        /** A data row with at least one non-empty cell. */
        void row(int row, Map<Integer, Object> cells);
    }

    private XlsxReader() {
    }

    /** Reads the first sheet into {@code rows}; a {@link SheetException} (Chinese message) when it cannot. */
    public static void read(InputStream upload, Limits limits, Rows rows) {
        Path copy = null;
        try {
            copy = copy(upload, limits.maxBytes());
            inspect(copy);
            try (OPCPackage pkg = OPCPackage.open(copy.toFile(), PackageAccess.READ)) {
                parse(pkg, limits, rows);
            }
        } catch (SheetException e) {
            throw e;
        } catch (SAXException e) {
            throw e.getException() instanceof SheetException s ? s : fileProblem(e);
        } catch (Exception e) {
            throw fileProblem(e);
        } finally {
            delete(copy);
        }
    }

    /** The upload on disk (so POI reads the zip by random access, never whole into memory), size-capped. */
    private static Path copy(InputStream upload, long maxBytes) throws IOException {
        try (InputStream in = new BufferedInputStream(upload)) {
            in.mark(8);
            byte[] magic = in.readNBytes(4);
            in.reset();
            if (magic.length == 0) {
                throw new SheetException(EMPTY);
            }
            // .xlsx is a zip ("PK\3\4"); .xls (OLE2), .csv and anything else stop here, before POI
            if (!Arrays.equals(magic, new byte[] {'P', 'K', 3, 4})) {
                throw new SheetException(NOT_XLSX);
            }
            Path file = Files.createTempFile("zugong-upload-", ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    total += n;
                    if (total > maxBytes) {
                        throw new SheetException("文件过大：单个文件不能超过 " + megabytes(maxBytes) + "，请拆分为多个文件导入");
                    }
                    out.write(buffer, 0, n);
                }
            } catch (IOException | RuntimeException e) {
                delete(file);
                throw e;
            }
            return file;
        }
    }

    /**
     * The zip's central directory before POI opens it: entries declared larger than the entry cap, or inflating
     * beyond POI's ratio, and too many entries are refused even when no reader would ever open them (POI checks
     * only the entries it reads).
     */
    private static void inspect(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_PARTS) {
                throw new SheetException(ZIP_BOMB);
            }
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry e = entries.nextElement();
                long size = e.getSize();
                long compressed = e.getCompressedSize();
                boolean tooLarge = size > MAX_ENTRY_BYTES;
                boolean ratio = size > ZipSecureFile.getGraceEntrySize() && compressed >= 0
                        && (double) compressed / size < MIN_INFLATE_RATIO;
                if (tooLarge || ratio) {
                    throw new SheetException(ZIP_BOMB);
                }
            }
        }
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / 1024 / 1024 + "MB" : bytes / 1024 + "KB";
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the OS cleans up what is left
            }
        }
    }

    private static void parse(OPCPackage pkg, Limits limits, Rows rows) throws Exception {
        XSSFReader reader = new XSSFReader(pkg);
        XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
        if (!sheets.hasNext()) {
            throw new SheetException(NOT_XLSX);
        }
        ReadOnlySharedStringsTable strings = sharedStrings(pkg);
        try (InputStream sheet = sheets.next()) {
            Collector collector = new Collector(sheets.getSheetName(), limits, rows);
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, collector,
                    collector.formatter, false));
            parser.parse(new InputSource(sheet));
            collector.end();
        }
    }

    private static ReadOnlySharedStringsTable sharedStrings(OPCPackage pkg) throws Exception {
        var parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return new ReadOnlySharedStringsTable(InputStream.nullInputStream());
        }
        PackagePart part = parts.get(0);
        try (InputStream in = new Capped(part.getInputStream(), MAX_SHARED_STRINGS_BYTES)) {
            return new ReadOnlySharedStringsTable(in);
        }
    }

    private static SheetException fileProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SheetException s) {
                return s;
            }
            String m = t.getMessage();
            if (m != null && (m.contains("Zip bomb") || m.contains("ZipSecureFile") || m.contains("max entry size")
                    || m.contains("maximum number of files") || m.contains(Capped.MESSAGE))) {
                return new SheetException(ZIP_BOMB);
            }
        }
        return new SheetException(NOT_XLSX);
    }

    /** Refuses to read beyond {@code max} bytes (the shared strings table). */
    private static final class Capped extends FilterInputStream {
        static final String MESSAGE = "shared strings over the limit";
        private final long max;
        private long count;

        Capped(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws IOException {
            count += n;
            if (count > max) {
                throw new IOException(MESSAGE);
            }
        }
    }

    /** Turns the handler's callbacks into typed rows; enforces the row and cell caps as the sheet streams by. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        final TypedFormatter formatter = new TypedFormatter();
        private final String sheetName;
        private final Limits limits;
        private final Rows rows;
        private Map<Integer, Object> cells = new HashMap<>();
        private int lastColumn;
        private int row;
        private int dataRows;
        private boolean headerSeen;

        Collector(String sheetName, Limits limits, Rows rows) {
            this.sheetName = sheetName;
            this.limits = limits;
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new HashMap<>();
            lastColumn = -1;
            row = rowNum + 1;
            formatter.pending = null;
            if (!headerSeen && rowNum > 0) {
                header(Map.of()); // row 1 is missing: no headers at all
            }
        }

        @Override
        public void cell(String reference, String formatted, XSSFComment comment) {
            lastColumn = reference == null ? lastColumn + 1 : new CellReference(reference).getCol();
            Object value = formatter.pending != null ? formatter.pending : text(formatted);
            formatter.pending = null;
            if (value == TypedFormatter.OUT_OF_RANGE) {
                throw new SheetException(where() + "的数值超出范围，请检查后重新上传");
            }
            if (value != null) {
                cells.put(lastColumn, value);
            }
        }

        @Override
        public void endRow(int rowNum) {
            if (!headerSeen) {
                header(cells);
                return;
            }
            if (cells.isEmpty()) {
                return;
            }
            if (++dataRows > limits.maxRows()) {
                throw new SheetException("数据行数超过上限：每个文件最多 " + limits.maxRows() + " 行（工作表“" + sheetName
                        + "”第 " + row + " 行起未读取），请拆分为多个文件导入");
            }
            rows.row(row, cells);
        }

        private void header(Map<Integer, Object> values) {
            headerSeen = true;
            rows.header(values);
        }

        void end() {
            if (!headerSeen) {
                header(Map.of());
            }
        }

        /** Text of a string, boolean or error cell: capped, control characters refused, blank = empty. */
        private String text(String formatted) {
            if (formatted == null) {
                return null;
            }
            if (formatted.length() > limits.maxCellChars()) {
                throw new SheetException(where() + "的内容超过 " + limits.maxCellChars() + " 个字符，请精简后重新上传");
            }
            for (int i = 0; i < formatted.length(); i++) {
                char c = formatted.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                    throw new SheetException(where() + "含有不可见的控制字符（U+" + String.format("%04X", (int) c)
                            + "），请删除后重新上传");
                }
            }
            String s = formatted.replace('\u00a0', ' ').strip();
            return s.isEmpty() ? null : s;
        }

        private String where() {
            return "工作表“" + sheetName + "”第 " + row + " 行 " + CellReference.convertNumToColString(lastColumn) + " 列";
        }
    }

    /**
     * The handler formats numbers through this formatter right before it reports the cell; the typed value waits
     * in {@link #pending} for that call. Text cells never come through here, so no text can pose as a number.
     */
    private static final class TypedFormatter extends DataFormatter {
        static final Object OUT_OF_RANGE = new Object();
        Object pending;

        /** isADateFormat runs regular expressions; a workbook has only a handful of formats. */
        private final Map<Integer, Boolean> dateFormats = new HashMap<>();

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            boolean date = dateFormats.computeIfAbsent(formatIndex, i -> DateUtil.isADateFormat(i, formatString));
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                pending = OUT_OF_RANGE;
                return "";
            }
            pending = date && DateUtil.isValidExcelDate(value)
                    ? DateUtil.getLocalDateTime(value, use1904).toLocalDate()
                    : BigDecimal.valueOf(value).stripTrailingZeros();
            return "";
        }
    }
}
