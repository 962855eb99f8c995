package cn.zugong.service.internal;

import cn.zugong.service.CadreVisitCount;
import cn.zugong.service.NodeVisitCount;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/** The visit figures as Excel: one sheet per cadre, one per node, each with a 合计 row, as numbers. */
@Component
class VisitFiguresExcel {

    static final String[] KINDS = {"项目对接", "走访企业", "走访渔农户", "合计"};

    byte[] write(VisitFiguresController.Figures figures, String scopeName) {
        try (XSSFWorkbook book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            String title = scopeName + " 走访统计 " + figures.period().label() + "（" + figures.period().from() + " 至 "
                    + figures.period().to() + "）";
            cadres(book.createSheet("按服务干部"), title, figures.cadres());
            nodes(book.createSheet("按单位"), title, figures.nodes());
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cadres(Sheet sheet, String title, List<CadreVisitCount> rows) {
        sheet.createRow(0).createCell(0).setCellValue(title);
        header(sheet, "服务干部", "类型", "所属单位");
        int r = 2;
        long[] sum = new long[4];
        for (CadreVisitCount c : rows) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(c.cadreName());
            row.createCell(1).setCellValue(c.type().label());
            row.createCell(2).setCellValue(c.nodeName());
            numbers(row, 3, sum, c.projects(), c.enterprises(), c.farmers(), c.total());
        }
        Row total = sheet.createRow(r);
        total.createCell(0).setCellValue("合计");
        numbers(total, 3, new long[4], sum);
        widths(sheet, 7);
    }

    private static void nodes(Sheet sheet, String title, List<NodeVisitCount> rows) {
        sheet.createRow(0).createCell(0).setCellValue(title);
        header(sheet, "单位", "服务干部数");
        int r = 2;
        long[] sum = new long[4];
        long cadres = 0;
        for (NodeVisitCount n : rows) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(n.nodeName());
            row.createCell(1).setCellValue(n.cadres());
            cadres += n.cadres();
            numbers(row, 2, sum, n.projects(), n.enterprises(), n.farmers(), n.total());
        }
        Row total = sheet.createRow(r);
        total.createCell(0).setCellValue("合计");
        total.createCell(1).setCellValue(cadres);
        numbers(total, 2, new long[4], sum);
        widths(sheet, 6);
    }

    private static void header(Sheet sheet, String... first) {
        Row header = sheet.createRow(1);
        int c = 0;
        for (String h : first) {
            header.createCell(c++).setCellValue(h);
        }
        for (String h : KINDS) {
            header.createCell(c++).setCellValue(h);
        }
    }

    private static void numbers(Row row, int start, long[] sum, long... values) {
        for (int i = 0; i < values.length; i++) {
            row.createCell(start + i).setCellValue(values[i]);
            sum[i] += values[i];
        }
    }

    private static void widths(Sheet sheet, int columns) {
        for (int i = 0; i < columns; i++) {
            sheet.setColumnWidth(i, i == 0 || i == 2 ? 24 * 256 : 12 * 256);
        }
    }
}
