package cn.zugong.people.internal;

import cn.zugong.shared.IdNumbers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds roster files in tests with POI, like a user filling in the template would. */
final class RosterFiles {

    /**
     * The files' "current" year: fixed, not today's. The import takes yearly columns of any year; a test comparing
     * with the year the server writes (template, export) pins the TestClock to {@link #IN_YEAR}.
     */
    static final int YEAR = 2026;
    static final LocalDateTime IN_YEAR = LocalDateTime.of(YEAR, 6, 15, 10, 0);
    static final List<String> HEADERS = List.of("单位代码*", "单位名称", "姓名*", "性别*", "出生日期*", "身份证号*", "手机号",
            "民族*", "政治面貌*", "全日制学历", "全日制学位", "在职学历", "在职学位", "专业类别", "人员类别*", "职级*", "任职级时间",
            "领导职务", "任职务时间", "参加工作时间", "进入本单位时间*", "进入方式*", "试用期满日期", (YEAR - 1) + "年度考核",
            YEAR + "年度培训学时", "奖励", "处分");

    private RosterFiles() {
    }

    /** A valid person number n; the region code keeps each test's ID numbers apart. */
    static Map<String, Object> person(String unitCode, String region, int n) {
        boolean male = n % 2 == 0;
        LocalDate birth = LocalDate.of(1975, 1, 1).plusDays(n / 400);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("单位代码*", unitCode);
        p.put("姓名*", "测试" + region + "-" + n);
        p.put("性别*", male ? "男" : "女");
        p.put("出生日期*", n % 3 == 0 ? birth.getYear() + "/" + birth.getMonthValue() + "/" + birth.getDayOfMonth() : birth);
        p.put("身份证号*", IdNumbers.of(region, birth, (n % 400) * 2 + (male ? 1 : 0)));
        p.put("手机号", "139" + String.format("%08d", n));
        p.put("民族*", "汉族");
        p.put("政治面貌*", "中共党员");
        p.put("全日制学历", "大学本科");
        p.put("全日制学位", "学士");
        p.put("专业类别", "法学类");
        p.put("人员类别*", "公务员");
        p.put("职级*", "一级主任科员");
        p.put("任职级时间", LocalDate.of(2020, 7, 1));
        p.put("参加工作时间", "2000-08-01");
        p.put("进入本单位时间*", LocalDate.of(2005, 3, 1));
        p.put("进入方式*", "考录");
        p.put((YEAR - 1) + "年度考核", "称职");
        p.put(YEAR + "年度培训学时", 48.5);
        p.put("奖励", (YEAR - 2) + ":嘉奖；" + (YEAR - 1) + ":记三等功");
        return p;
    }

    static List<Map<String, Object>> people(String unitCode, String region, int count) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(person(unitCode, region, i));
        }
        return rows;
    }

    static byte[] xlsx(List<String> headers, List<Map<String, Object>> rows) {
        try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet sheet = wb.createSheet("干部名册");
            Row head = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                head.createCell(c).setCellValue(headers.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < headers.size(); c++) {
                    Object v = rows.get(r).get(headers.get(c));
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] xlsx(List<Map<String, Object>> rows) {
        return xlsx(HEADERS, rows);
    }

    /** The first sheet as text rows (header first). */
    static List<List<String>> read(byte[] xlsx) throws IOException {
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter format = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : wb.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
            return rows;
        }
    }
}
