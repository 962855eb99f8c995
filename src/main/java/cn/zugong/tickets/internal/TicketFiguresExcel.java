package cn.zugong.tickets.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/** The figures as Excel: the headline and the whole set, then one sheet each by unit, cadre, category and period. */
@Component
class TicketFiguresExcel {

    static final String[] HEADER = {"名称", "发现问题（个）", "解决（销号，个）", "化解率（%）", "逾期未办结（个）",
            "超期办结（个）", "逾期合计（个）", "平均办结天数", "回访（个）", "满意率（%）"};

    byte[] write(Figures figures, String scopeName) {
        try (XSSFWorkbook book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet summary = book.createSheet("总览");
            summary.createRow(0).createCell(0).setCellValue(scopeName + " 问题清单销号统计");
            summary.createRow(1).createCell(0).setCellValue(figures.total().headline());
            table(summary, 3, List.of(figures.total()));
            table(book.createSheet("按单位"), 0, figures.byUnit());
            table(book.createSheet("按服务干部"), 0, figures.byCadre());
            table(book.createSheet("按类别"), 0, figures.byCategory());
            table(book.createSheet("按期间"), 0, figures.byPeriod());
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void table(Sheet sheet, int firstRow, List<Figure> lines) {
        Row header = sheet.createRow(firstRow);
        for (int c = 0; c < HEADER.length; c++) {
            header.createCell(c).setCellValue(HEADER[c]);
        }
        int r = firstRow + 1;
        for (Figure f : lines) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(f.label());
            row.createCell(1).setCellValue(f.found());
            row.createCell(2).setCellValue(f.solved());
            row.createCell(3).setCellValue(f.rate().toPlainString());
            row.createCell(4).setCellValue(f.overdueOpen());
            row.createCell(5).setCellValue(f.closedLate());
            row.createCell(6).setCellValue(f.overdue());
            row.createCell(7).setCellValue(f.averageDaysToClose() == null ? "" : f.averageDaysToClose().toPlainString());
            row.createCell(8).setCellValue(f.calledBack());
            row.createCell(9).setCellValue(f.satisfactionRate().toPlainString());
        }
        sheet.setColumnWidth(0, 36 * 256);
        for (int c = 1; c < HEADER.length; c++) {
            sheet.setColumnWidth(c, 16 * 256);
        }
    }
}
