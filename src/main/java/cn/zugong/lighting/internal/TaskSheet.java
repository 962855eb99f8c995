package cn.zugong.lighting.internal;

import cn.zugong.shared.excel.SheetException;
import cn.zugong.shared.excel.XlsxReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The task sheet of import, export and template: one task per row from row 2; columns 任务编号 … 来源事项,
 * the monthly plan in twelve columns 1月 … 12月 (cumulative %). Uploads are read by the shared streaming reader
 * ({@link XlsxReader}) under {@link #LIMITS}: at most {@link #MAX_ROWS} rows, never a whole workbook in memory.
 */
public final class TaskSheet {

    static final int MAX_ROWS = 2000;
    /** A full list of {@link #MAX_ROWS} tasks is about 200 KB; 5 MB leaves room for formatting. */
    static final long MAX_BYTES = 5L * 1024 * 1024;
    /** Characters in one cell (task names and unit lists are far shorter). */
    static final int MAX_CELL_CHARS = 1000;
    static final XlsxReader.Limits LIMITS = new XlsxReader.Limits(MAX_BYTES, MAX_ROWS, MAX_CELL_CHARS);
    static final String SHEET = "亮灯任务";
    static final List<String> HEADERS;

    static {
        List<String> h = new ArrayList<>(List.of("任务编号*", "任务名称*", "牵头单位*", "配合单位", "权重*", "目标值*", "计量单位*"));
        for (int m = 1; m <= 12; m++) {
            h.add(m + "月计划累计%*");
        }
        h.add("完成时限*");
        h.add("来源事项");
        HEADERS = List.copyOf(h);
    }

    private static final List<String> FIELDS = List.of("code", "title", "leadUnit", "coUnits", "weight", "target",
            "measure");

    /** One data row (1-based Excel row number) as a form. */
    public record Row(int row, TaskForm form) {
    }

    /** The file as a whole cannot be read; message in Chinese. */
    public static class FileProblem extends SheetException {
        FileProblem(String message) {
            super(message);
        }
    }

    private TaskSheet() {
    }

    static String column(String field) {
        return CellReference.convertNumToColString(index(field));
    }

    static String header(String field) {
        return HEADERS.get(index(field)).replace("*", "");
    }

    private static int index(String field) {
        if (field.startsWith("plan:")) {
            return 6 + Integer.parseInt(field.substring(5));
        }
        return switch (field) {
            case "plan" -> 7;
            case "deadline" -> 19;
            case "sourceItem" -> 20;
            default -> FIELDS.indexOf(field);
        };
    }

    public static void write(List<Task> tasks, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(SHEET);
            var bold = wb.createCellStyle();
            var font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            org.apache.poi.ss.usermodel.Row head = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                Cell c = head.createCell(i);
                c.setCellValue(HEADERS.get(i));
                c.setCellStyle(bold);
            }
            int r = 1;
            for (Task t : tasks) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(t.code());
                row.createCell(1).setCellValue(t.title());
                row.createCell(2).setCellValue(t.leadUnitName());
                row.createCell(3).setCellValue(t.coUnitNames());
                row.createCell(4).setCellValue(t.weight().doubleValue());
                row.createCell(5).setCellValue(t.target().doubleValue());
                row.createCell(6).setCellValue(t.measure());
                for (int m = 0; m < 12; m++) {
                    row.createCell(7 + m).setCellValue(t.plan().get(m));
                }
                row.createCell(19).setCellValue(t.deadline().toString());
                row.createCell(20).setCellValue(t.sourceItem() == null ? "" : t.sourceItem());
            }
            sheet.setColumnWidth(1, 60 * 256);
            sheet.setColumnWidth(2, 24 * 256);
            sheet.setColumnWidth(3, 30 * 256);
            sheet.createFreezePane(2, 1);
            Sheet help = wb.createSheet("填写说明");
            String[] lines = {"从第 2 行起每行填写一项任务；带 * 的列为必填。", "任务编号在清单内唯一，导入时按编号新增或更新任务。",
                    "牵头单位、配合单位填写单位全称（如 定海区教育局），须在清单所属范围内；多个配合单位用顿号分隔。",
                    "1月—12月填写到该月末累计应完成目标的百分比（0–100 的整数，逐月不减），完成时限所在月须为 100。",
                    "完成时限格式 yyyy-MM-dd，须在清单年度内。", "任何一行有错误时整个文件都不导入，请按错误清单修改后重新上传。"};
            for (int i = 0; i < lines.length; i++) {
                help.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            wb.write(out);
        }
    }

    /**
     * The data rows of an uploaded task sheet, streamed through the shared reader (size, row and cell caps,
     * zip-bomb limits); a {@link SheetException} when the file as a whole cannot be used. The caller checks the
     * caller's rights on the list first.
     */
    public static List<Row> read(InputStream upload) {
        Collector collector = new Collector();
        XlsxReader.read(upload, LIMITS, collector);
        return collector.rows;
    }

    /** Checks the headers of row 1, then turns each data row into a form. */
    private static final class Collector implements XlsxReader.Rows {
        private final List<Row> rows = new ArrayList<>();

        @Override
        public void header(Map<Integer, Object> cells) {
            for (int i = 0; i < 7; i++) {
                String h = text(cells.get(i)).replace("*", "");
                if (!h.equals(HEADERS.get(i).replace("*", ""))) {
                    throw new FileProblem("表头不符合模板：第 " + CellReference.convertNumToColString(i) + " 列应为“"
                            + HEADERS.get(i).replace("*", "") + "”，请下载最新模板填写");
                }
            }
        }

        @Override
        public void row(int row, Map<Integer, Object> cells) {
            String[] v = new String[HEADERS.size()];
            boolean blank = true;
            for (int i = 0; i < v.length; i++) {
                v[i] = text(cells.get(i));
                blank &= v[i].isEmpty();
            }
            if (blank) {
                return;
            }
            String plan = String.join(",", Arrays.copyOfRange(v, 7, 19));
            rows.add(new Row(row, new TaskForm(v[0], v[1], v[2], v[3], v[4], v[5], v[6], plan, v[19], v[20])));
        }
    }

    /** A typed cell as the form's text; numbers come from Excel's double, so their plain form stays short. */
    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return value.toString();
    }
}
