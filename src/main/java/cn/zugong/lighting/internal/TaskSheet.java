package cn.zugong.lighting.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The task sheet of import, export and template: one task per row from row 2; columns 任务编号 … 来源事项,
 * the monthly plan in twelve columns 1月 … 12月 (cumulative %). Files are checked before POI opens them
 * (an .xlsx is a zip), POI's zip-bomb limits stay on, and at most {@link #MAX_ROWS} rows are read.
 */
public final class TaskSheet {

    static final int MAX_ROWS = 2000;
    static final String SHEET = "亮灯任务";
    static final String NOT_XLSX = "文件格式错误：请上传 .xlsx 格式的 Excel 文件";
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
    public static class FileProblem extends RuntimeException {
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

    public static List<Row> read(InputStream upload) {
        try (InputStream in = new BufferedInputStream(upload)) {
            in.mark(8);
            byte[] magic = in.readNBytes(4);
            in.reset();
            if (magic.length == 0) {
                throw new FileProblem("上传的文件为空，请选择填写好的 .xlsx 文件");
            }
            if (!Arrays.equals(magic, new byte[] {'P', 'K', 3, 4})) {
                throw new FileProblem(NOT_XLSX);
            }
            try (XSSFWorkbook wb = new XSSFWorkbook(in)) {
                return rows(wb.getSheetAt(0));
            }
        } catch (FileProblem e) {
            throw e;
        } catch (Exception | OutOfMemoryError e) {
            throw new FileProblem(String.valueOf(e.getMessage()).contains("Zip bomb")
                    ? "文件异常：压缩比异常或内容过大（疑似压缩炸弹），已拒绝处理" : NOT_XLSX);
        }
    }

    private static List<Row> rows(Sheet sheet) {
        org.apache.poi.ss.usermodel.Row head = sheet.getRow(0);
        for (int i = 0; i < 7; i++) {
            String h = head == null ? "" : text(head.getCell(i)).replace("*", "");
            if (!h.equals(HEADERS.get(i).replace("*", ""))) {
                throw new FileProblem("表头不符合模板：第 " + CellReference.convertNumToColString(i) + " 列应为“"
                        + HEADERS.get(i).replace("*", "") + "”，请下载最新模板填写");
            }
        }
        if (sheet.getLastRowNum() > MAX_ROWS) {
            throw new FileProblem("文件行数过多：一次最多导入 " + MAX_ROWS + " 项任务");
        }
        List<Row> out = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            String[] v = new String[HEADERS.size()];
            boolean blank = true;
            for (int i = 0; i < v.length; i++) {
                v[i] = text(row.getCell(i));
                blank &= v[i].isEmpty();
            }
            if (blank) {
                continue;
            }
            String plan = String.join(",", Arrays.copyOfRange(v, 7, 19));
            out.add(new Row(r + 1, new TaskForm(v[0], v[1], v[2], v[3], v[4], v[5], v[6], plan, v[19], v[20])));
        }
        return out;
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : new BigDecimal(String.valueOf(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
            case STRING -> cell.getStringCellValue().strip();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }
}
