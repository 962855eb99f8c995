package cn.zugong.shared.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxReaderTest {

    private static final XlsxReader.Limits LIMITS = new XlsxReader.Limits(1024 * 1024, 100, 1000);

    /** Collects what the reader hands over. */
    static final class Sink implements XlsxReader.Rows {
        Map<Integer, Object> header;
        final List<Map<Integer, Object>> rows = new ArrayList<>();
        final List<Integer> numbers = new ArrayList<>();

        @Override
        public void header(Map<Integer, Object> cells) {
            header = new HashMap<>(cells);
        }

        @Override
        public void row(int row, Map<Integer, Object> cells) {
            numbers.add(row);
            rows.add(new HashMap<>(cells));
        }
    }

    private static Sink read(byte[] file, XlsxReader.Limits limits) {
        Sink sink = new Sink();
        XlsxReader.read(new ByteArrayInputStream(file), limits, sink);
        return sink;
    }

    private static byte[] workbook(String text) throws Exception {
        try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("数据");
            sheet.createRow(0).createCell(0).setCellValue("列名");
            var row = sheet.createRow(2);
            row.createCell(0).setCellValue(text);
            row.createCell(1).setCellValue(48.5);
            var date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            var d = row.createCell(2);
            d.setCellValue(LocalDate.of(1990, 1, 2));
            d.setCellStyle(date);
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** The file with {@code mark} in the shared strings replaced by {@code raw} (stored XML). */
    private static byte[] replaceSharedString(byte[] file, String mark, String raw) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var in = new ZipInputStream(new ByteArrayInputStream(file)); var zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("xl/sharedStrings.xml")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8).replace(mark, raw).getBytes(StandardCharsets.UTF_8);
                }
                zip.write(bytes);
            }
        }
        return out.toByteArray();
    }

    @Test
    void poisZipLimitsAreSet() {
        XlsxReader.limitZip();
        assertThat(ZipSecureFile.getMinInflateRatio()).isEqualTo(0.01);
        assertThat(ZipSecureFile.getMaxEntrySize()).isEqualTo(XlsxReader.MAX_ENTRY_BYTES);
        assertThat(ZipSecureFile.getMaxTextSize()).isEqualTo(XlsxReader.MAX_TEXT_CHARS);
        assertThat(ZipSecureFile.getMaxFileCount()).isEqualTo(XlsxReader.MAX_PARTS);
    }

    @Test
    void cellsAreTypedByTheirCellTypeAndRowsNumberedAsExcelShowsThem() throws Exception {
        Sink sink = read(workbook(" 张三 "), LIMITS);
        assertThat(sink.header).containsEntry(0, "列名");
        assertThat(sink.numbers).containsExactly(3);
        assertThat(sink.rows.get(0)).containsEntry(0, "张三").containsEntry(1, new BigDecimal("48.5"))
                .containsEntry(2, LocalDate.of(1990, 1, 2));
    }

    @Test
    void textCannotPoseAsANumberAndControlCharactersAreRefused() throws Exception {
        byte[] file = replaceSharedString(workbook("MARK"), "MARK", "_x0000_N1E+999999999");
        assertThatThrownBy(() -> read(file, LIMITS)).isInstanceOf(SheetException.class)
                .hasMessage("工作表“数据”第 3 行 A 列含有不可见的控制字符（U+0000），请删除后重新上传");
        byte[] plain = replaceSharedString(workbook("MARK"), "MARK", "1E+999999999");
        assertThat(read(plain, LIMITS).rows.get(0)).containsEntry(0, "1E+999999999");
    }

    @Test
    void aLongCellIsRefusedNamingSheetRowAndColumn() throws Exception {
        assertThatThrownBy(() -> read(workbook("长".repeat(1001)), LIMITS)).isInstanceOf(SheetException.class)
                .hasMessage("工作表“数据”第 3 行 A 列的内容超过 1000 个字符，请精简后重新上传");
    }

    @Test
    void readingStopsAtTheFirstRowBeyondTheCap() throws Exception {
        var out = new ByteArrayOutputStream();
        try (var wb = new SXSSFWorkbook()) {
            var sheet = wb.createSheet("数据");
            sheet.createRow(0).createCell(0).setCellValue("列名");
            for (int r = 1; r <= 150; r++) {
                sheet.createRow(r).createCell(0).setCellValue("行" + r);
            }
            wb.write(out);
            wb.dispose();
        }
        Sink sink = new Sink();
        assertThatThrownBy(() -> XlsxReader.read(new ByteArrayInputStream(out.toByteArray()), LIMITS, sink))
                .isInstanceOf(SheetException.class)
                .hasMessageContaining("数据行数超过上限：每个文件最多 100 行（工作表“数据”第 102 行起未读取）");
        assertThat(sink.rows).hasSize(100);
    }

    @Test
    void filesOverTheSizeCapAndNonZipsAreRefusedBeforePoiOpensThem() throws Exception {
        byte[] file = workbook("x");
        assertThatThrownBy(() -> read(file, new XlsxReader.Limits(1024, 10, 10))).isInstanceOf(SheetException.class)
                .hasMessage("文件过大：单个文件不能超过 1KB，请拆分为多个文件导入");
        assertThatThrownBy(() -> read("a,b\n".getBytes(), LIMITS)).hasMessage(XlsxReader.NOT_XLSX);
        assertThatThrownBy(() -> read(new byte[0], LIMITS)).hasMessageContaining("上传的文件为空");
    }

    @Test
    void aHugeSharedStringsTableIsRefusedAsAZipBomb() throws Exception {
        // 40 MB of one repeated string compresses far less than 100:1 only if varied; use many distinct strings
        var out = new ByteArrayOutputStream();
        try (var in = new ZipInputStream(new ByteArrayInputStream(workbook("MARK")));
             var zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("xl/sharedStrings.xml")) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    StringBuilder many = new StringBuilder();
                    java.util.Random random = new java.util.Random(1);
                    while (many.length() < XlsxReader.MAX_SHARED_STRINGS_BYTES + 1024) {
                        many.append("<si><t>").append(Long.toHexString(random.nextLong())).append("</t></si>");
                    }
                    bytes = xml.replace("<si><t>MARK</t></si>", "<si><t>MARK</t></si>" + many)
                            .getBytes(StandardCharsets.UTF_8);
                }
                zip.write(bytes);
            }
        }
        assertThatThrownBy(() -> read(out.toByteArray(), new XlsxReader.Limits(64L * 1024 * 1024, 10, 1000)))
                .isInstanceOf(SheetException.class).hasMessageContaining("压缩炸弹");
    }
}
