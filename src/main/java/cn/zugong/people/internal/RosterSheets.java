package cn.zugong.people.internal;

import cn.zugong.people.internal.RosterColumn.Header;
import cn.zugong.people.internal.RosterColumn.Kind;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;

/**
 * The layout shared by the template and the export (usermodel API, so it works on XSSF and SXSSF):
 * styled and frozen header, widths, drop-downs fed from a hidden list sheet, and a 填写说明 sheet.
 */
final class RosterSheets {

    static final String DATA_SHEET = "干部名册";
    static final String GUIDE_SHEET = "填写说明";
    static final String LISTS_SHEET = "代码表";
    static final int MAX_ROWS = 50_000;

    record Styles(CellStyle header, CellStyle requiredHeader, CellStyle date, CellStyle text) {
    }

    private RosterSheets() {
    }

    static Styles styles(Workbook wb) {
        short dateFormat = wb.createDataFormat().getFormat("yyyy-mm-dd");
        short textFormat = wb.createDataFormat().getFormat("@");
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(dateFormat);
        CellStyle text = wb.createCellStyle();
        text.setDataFormat(textFormat);
        return new Styles(headerStyle(wb, IndexedColors.BLACK), headerStyle(wb, IndexedColors.DARK_RED), date, text);
    }

    private static CellStyle headerStyle(Workbook wb, IndexedColors color) {
        Font font = wb.createFont();
        font.setBold(true);
        font.setColor(color.getIndex());
        CellStyle style = wb.createCellStyle();
        style.setFont(font);
        style.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setBorderBottom(BorderStyle.THIN);
        return style;
    }

    /** The data sheet with its header row; required columns are marked with "*" (the import ignores it). */
    static Sheet dataSheet(Workbook wb, List<Header> headers, Styles styles) {
        Sheet sheet = wb.createSheet(DATA_SHEET);
        Row row = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            RosterColumn c = headers.get(i).column();
            Cell cell = row.createCell(i);
            cell.setCellValue(headers.get(i).title() + (c.required ? "*" : ""));
            cell.setCellStyle(c.required ? styles.requiredHeader() : styles.header());
            sheet.setColumnWidth(i, c.width * 256 + 512);
            if (c.kind == Kind.DATE) {
                sheet.setDefaultColumnStyle(i, styles.date());
            } else if (c == RosterColumn.ID_NUMBER || c == RosterColumn.PHONE || c == RosterColumn.UNIT_CODE) {
                // typed as text, or Excel turns an 18-digit ID number into 3.30902E+17 and loses digits
                sheet.setDefaultColumnStyle(i, styles.text());
            }
        }
        sheet.createFreezePane(2, 1);
        return sheet;
    }

    /** Drop-downs for every coded column, from a hidden sheet (inline lists are limited to 255 characters). */
    static void dropDowns(Workbook wb, Sheet data, List<Header> headers) {
        Sheet lists = wb.createSheet(LISTS_SHEET);
        RosterColumn[] coded = java.util.Arrays.stream(RosterColumn.values()).filter(c -> c.values != null)
                .toArray(RosterColumn[]::new);
        int longest = java.util.Arrays.stream(coded).mapToInt(c -> c.values.size()).max().orElse(0);
        for (int r = 0; r <= longest; r++) {
            Row row = lists.createRow(r);
            for (int c = 0; c < coded.length; c++) {
                if (r == 0) {
                    row.createCell(c).setCellValue(coded[c].title);
                } else if (r <= coded[c].values.size()) {
                    row.createCell(c).setCellValue(coded[c].values.get(r - 1));
                }
            }
        }
        wb.setSheetHidden(wb.getSheetIndex(lists), true);
        DataValidationHelper helper = data.getDataValidationHelper();
        for (int i = 0; i < headers.size(); i++) {
            RosterColumn column = headers.get(i).column();
            int listColumn = java.util.Arrays.asList(coded).indexOf(column);
            if (listColumn < 0) {
                continue;
            }
            String letter = CellReference.convertNumToColString(listColumn);
            String ref = "'" + LISTS_SHEET + "'!$" + letter + "$2:$" + letter + "$" + (column.values.size() + 1);
            DataValidation validation = helper.createValidation(helper.createFormulaListConstraint(ref),
                    new CellRangeAddressList(1, MAX_ROWS, i, i));
            validation.setShowErrorBox(true);
            validation.createErrorBox("取值无效", column.title + "只能选择：" + column.allowed());
            validation.setSuppressDropDownArrow(true); // XSSF: true shows the arrow (inverted OOXML flag)
            data.addValidationData(validation);
        }
    }

    /** One line per column: required, format / allowed values, example; then general notes. */
    static void guideSheet(Workbook wb, List<Header> headers, Styles styles, List<String> notes) {
        Sheet guide = wb.createSheet(GUIDE_SHEET);
        String[] titles = {"列名", "是否必填", "填写要求 / 可选值", "示例"};
        Row head = guide.createRow(0);
        for (int i = 0; i < titles.length; i++) {
            head.createCell(i).setCellValue(titles[i]);
            head.getCell(i).setCellStyle(styles.header());
        }
        int r = 1;
        for (Header h : headers) {
            RosterColumn c = h.column();
            Row row = guide.createRow(r++);
            row.createCell(0).setCellValue(h.title());
            row.createCell(1).setCellValue(c.required ? "必填" : "选填");
            String rule = c.values != null ? "可选值：" + c.allowed() : "";
            if (c.kind == Kind.DATE) {
                rule = "日期，格式 yyyy-MM-dd（也可用 yyyy/M/d、yyyy.M.d 或 Excel 日期）";
            }
            row.createCell(2).setCellValue(join(rule, c.note));
            row.createCell(3).setCellValue(c.example);
        }
        r++;
        for (String note : notes) {
            guide.createRow(r++).createCell(0).setCellValue(note);
        }
        guide.setColumnWidth(0, 18 * 256);
        guide.setColumnWidth(1, 10 * 256);
        guide.setColumnWidth(2, 80 * 256);
        guide.setColumnWidth(3, 28 * 256);
        guide.createFreezePane(0, 1);
    }

    private static String join(String a, String b) {
        if (b == null || b.isEmpty()) {
            return a;
        }
        return a.isEmpty() ? b : a + "；" + b;
    }

    static List<String> generalNotes() {
        return List.of(
                "说明：",
                "1. 在“" + DATA_SHEET + "”工作表中从第2行起每行填写一人；列名带 * 的为必填项，列的顺序可以调整，但列名不能修改。",
                "2. 按身份证号识别人员：已在您管理范围内登记的人员将被更新，其余作为新增人员。",
                "3. 文件中任何一行有错误时，整个文件都不会导入；请按错误清单逐项修改后重新上传。",
                "4. 每个文件最多 " + MAX_ROWS + " 行，文件不超过 20MB，仅支持 .xlsx 格式。",
                "5. “YYYY年度考核”“YYYY年度培训学时”列可按需增减年度；奖励、处分填写“年份:内容”，多条用“；”分隔。");
    }
}
