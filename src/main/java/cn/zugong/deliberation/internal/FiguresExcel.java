package cn.zugong.deliberation.internal;

import cn.zugong.deliberation.Figures;
import cn.zugong.deliberation.MatterKind;
import cn.zugong.deliberation.MeetingLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/** The 三事分流 figures as one Excel sheet: by kind, the 私事 share, sittings held by level. */
@Component
class FiguresExcel {

    byte[] write(Figures f) {
        try (XSSFWorkbook book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("三事分流统计");
            int r = 0;
            row(sheet, r++, "范围", f.nodeName());
            row(sheet, r++, "统计期间", f.from() + " 至 " + f.to());
            r++;
            row(sheet, r++, "类别", "登记", "已议定", "已办结", "已销号");
            for (MatterKind k : MatterKind.values()) {
                Figures.Line l = f.byKind().get(k);
                row(sheet, r++, k.label(), l.raised(), l.decided(), l.resolved(), l.closed());
            }
            row(sheet, r++, "待归类", f.unclassified());
            row(sheet, r++, "合计", f.raised(), null, f.resolved());
            r++;
            row(sheet, r++, "私事居民自行解决", f.privateSettledByResidents());
            row(sheet, r++, "私事自行解决占比（%）", f.privateSettledShare() == null ? "—"
                    : f.privateSettledShare().toPlainString());
            r++;
            row(sheet, r++, "议事层级", "召开次数");
            for (MeetingLevel l : MeetingLevel.values()) {
                row(sheet, r++, l.label() + "（" + l.cycle() + "）", f.meetingsHeld().get(l));
            }
            sheet.setColumnWidth(0, 24 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(Sheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else if (v != null) {
                row.createCell(i).setCellValue(String.valueOf(v));
            }
        }
    }
}
