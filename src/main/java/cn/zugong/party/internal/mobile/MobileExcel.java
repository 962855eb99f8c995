package cn.zugong.party.internal.mobile;

import cn.zugong.party.MobileEventKind;
import cn.zugong.party.MobileFigures.County;
import cn.zugong.party.MobileFigures.Destination;
import cn.zugong.party.MobileFigures.Figures;
import cn.zugong.party.MobileFigures.Totals;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/** The figures page as a workbook: one sheet per table (总体, 按县区, 按流向, 时段动态). */
@Component
class MobileExcel {

    byte[] figures(Figures f, String scopeName) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Totals t = f.totals();
            Sheet s = wb.createSheet("总体");
            int r = 0;
            r = row(s, r, "范围", scopeName);
            r = row(s, r, "截至", f.today().toString());
            r = row(s, r, "流动党员档案", t.files());
            r = row(s, r, "在册流动（在外、流入、失联）", t.active());
            r = row(s, r, "其中市外流动", t.outsideCity());
            r = row(s, r, "工作地纳管", t.workplace());
            r = row(s, r, "居住地接收", t.residence());
            r = row(s, r, "区域性党组织覆盖", t.regional());
            r = row(s, r, "未纳管", t.unmanaged());
            r = row(s, r, "失联", t.lost());
            r = row(s, r, "联系逾期", t.overdue());
            r = row(s, r, "其中提醒", t.reminder());
            r = row(s, r, "其中黄牌督办", t.yellowCard());
            r = row(s, r, "其中红牌督办", t.redCard());
            r = row(s, r, "30天内应联系", t.dueSoon());
            r = row(s, r, "已返回", t.returned());
            r = row(s, r, "已流出", t.gone());
            row(s, r, "待确认线索", t.openCandidates());
            s.setColumnWidth(0, 30 * 256);
            Sheet c = wb.createSheet("按县区");
            header(c, List.of("县（市、区）", "在册流动", "已纳管", "未纳管", "联系逾期", "失联"));
            int i = 1;
            for (County x : f.counties()) {
                Row row = c.createRow(i++);
                row.createCell(0).setCellValue(x.name());
                row.createCell(1).setCellValue(x.active());
                row.createCell(2).setCellValue(x.managed());
                row.createCell(3).setCellValue(x.unmanaged());
                row.createCell(4).setCellValue(x.overdue());
                row.createCell(5).setCellValue(x.lost());
            }
            Sheet d = wb.createSheet("按流向");
            header(d, List.of("流向城市", "在册流动"));
            i = 1;
            for (Destination x : f.destinations()) {
                Row row = d.createRow(i++);
                row.createCell(0).setCellValue(x.name());
                row.createCell(1).setCellValue(x.active());
            }
            Sheet p = wb.createSheet("时段动态");
            int k = 0;
            k = row(p, k, "时段", f.period().from() + " 至 " + f.period().to());
            k = row(p, k, "联系次数", f.period().contacts());
            k = row(p, k, "联系人数", f.period().membersContacted());
            for (MobileEventKind e : MobileEventKind.values()) {
                k = row(p, k, e.label(), f.period().events().getOrDefault(e, 0L));
            }
            p.setColumnWidth(0, 20 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void header(Sheet s, List<String> names) {
        Row h = s.createRow(0);
        for (int i = 0; i < names.size(); i++) {
            h.createCell(i).setCellValue(names.get(i));
            s.setColumnWidth(i, (i == 0 ? 20 : 12) * 256);
        }
    }

    private static int row(Sheet s, int r, String label, Object value) {
        Row row = s.createRow(r);
        row.createCell(0).setCellValue(label);
        if (value instanceof Number n) {
            row.createCell(1).setCellValue(n.doubleValue());
        } else {
            row.createCell(1).setCellValue(String.valueOf(value));
        }
        return r + 1;
    }
}
