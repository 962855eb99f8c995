package cn.zugong.shared.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A figures page as an Excel file, the same way for every module: sheets of lines of text and titled tables, numbers
 * kept as numbers (so officers can add them up), headings in bold, the first column wide enough for names.
 * <pre>
 * new FiguresWorkbook().sheet("调研课题统计").text(sentence).table("按年度", headers, rows).bytes()
 * </pre>
 */
public final class FiguresWorkbook {

    private final XSSFWorkbook book = new XSSFWorkbook();
    private final CellStyle bold;
    private Sheet sheet;
    private int row;

    public FiguresWorkbook() {
        Font font = book.createFont();
        font.setBold(true);
        bold = book.createCellStyle();
        bold.setFont(font);
    }

    /** Starts a new sheet; what follows is written on it. */
    public FiguresWorkbook sheet(String name) {
        sheet = book.createSheet(name);
        sheet.setColumnWidth(0, 24 * 256);
        row = 0;
        return this;
    }

    /** A line of text (a title, the page's sentence). */
    public FiguresWorkbook text(String line) {
        current().createRow(row++).createCell(0).setCellValue(line);
        return this;
    }

    /** A table: its title (none when null), the headings and the rows, then an empty line. */
    public FiguresWorkbook table(String title, List<String> headings, List<? extends List<?>> rows) {
        if (title != null) {
            Row t = current().createRow(row++);
            t.createCell(0).setCellValue(title);
            t.getCell(0).setCellStyle(bold);
        }
        Row head = current().createRow(row++);
        for (int i = 0; i < headings.size(); i++) {
            head.createCell(i).setCellValue(headings.get(i));
            head.getCell(i).setCellStyle(bold);
        }
        rows.forEach(this::line);
        row++;
        return this;
    }

    /** One row of values: numbers as numbers, null as an empty cell, anything else as its text. */
    public FiguresWorkbook line(List<?> values) {
        Row r = current().createRow(row++);
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v instanceof BigDecimal d) {
                r.createCell(i).setCellValue(d.doubleValue());
            } else if (v instanceof Number n) {
                r.createCell(i).setCellValue(n.doubleValue());
            } else if (v != null) {
                r.createCell(i).setCellValue(v.toString());
            }
        }
        return this;
    }

    public byte[] bytes() {
        try (book; var out = new ByteArrayOutputStream()) {
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Sheet current() {
        if (sheet == null) {
            throw new IllegalStateException("sheet(name) first");
        }
        return sheet;
    }
}
