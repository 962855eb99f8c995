package cn.zugong.prosperity.internal.workshops;

import cn.zugong.prosperity.WorkshopFigures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The figures page as a workbook: 工坊成效 by county, 百企联百村 by county, each with its 口径 and sentence. */
final class FiguresExcel {

    static final String BASIS = "口径：工坊数为统计期末前成立、统计期初前未停办的工坊；吸纳就业为各工坊在统计期内最近一个填报月份的用工人数之和"
            + "（每个工坊每人只计一次）；人均月增收 = 统计期内发放工资合计 ÷ 统计期内各月用工人数之和（人·月）；村集体增收、工资、"
            + "销售额为统计期内各月之和。工坊按所属乡镇或村计入所在县（市、区）。";

    private FiguresExcel() {
    }

    static byte[] write(String scopeName, WorkshopFigures.Figures f, WorkshopFigures.PairFigures p) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("工坊成效");
            int r = 0;
            s.createRow(r++).createCell(0).setCellValue(scopeName + " 共富工坊成效 · " + f.period().label());
            s.createRow(r++).createCell(0).setCellValue(f.sentence());
            s.createRow(r++).createCell(0).setCellValue(BASIS);
            r++;
            header(s.createRow(r++), List.of("县（市、区）", "工坊数", "其中省级示范", "吸纳就业（人）", "其中低收入农户", "用工人·月",
                    "发放工资（元）", "销售额（元）", "村集体增收（元）", "人均月增收（元）"));
            List<WorkshopFigures.Totals> lines = new ArrayList<>(f.byCounty());
            lines.add(f.total());
            for (WorkshopFigures.Totals t : lines) {
                Row row = s.createRow(r++);
                row.createCell(0).setCellValue(t.name());
                row.createCell(1).setCellValue(t.workshops());
                row.createCell(2).setCellValue(t.provincialModels());
                row.createCell(3).setCellValue(t.jobs());
                row.createCell(4).setCellValue(t.lowIncomeJobs());
                row.createCell(5).setCellValue(t.workerMonths());
                row.createCell(6).setCellValue(t.wages().doubleValue());
                row.createCell(7).setCellValue(t.sales().doubleValue());
                row.createCell(8).setCellValue(t.collectiveIncome().doubleValue());
                row.createCell(9).setCellValue(t.monthlyIncomePerWorker().doubleValue());
            }
            for (int i = 0; i < 10; i++) {
                s.setColumnWidth(i, 16 * 256);
            }
            Sheet q = wb.createSheet("百企联百村");
            r = 0;
            q.createRow(r++).createCell(0).setCellValue(p.sentence());
            r++;
            header(q.createRow(r++), List.of("县（市、区）", "结对", "企业", "结对村", "强村公司", "入股村"));
            List<WorkshopFigures.PairTotals> pl = new ArrayList<>(p.byCounty());
            pl.add(p.total());
            for (WorkshopFigures.PairTotals t : pl) {
                Row row = q.createRow(r++);
                row.createCell(0).setCellValue(t.name());
                row.createCell(1).setCellValue(t.pairs());
                row.createCell(2).setCellValue(t.enterprises());
                row.createCell(3).setCellValue(t.villages());
                row.createCell(4).setCellValue(t.companies());
                row.createCell(5).setCellValue(t.shareholderVillages());
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(Row row, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            row.createCell(i).setCellValue(names.get(i));
        }
    }
}
