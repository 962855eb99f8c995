package cn.zugong.talent.internal.grants;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The payment list for the finance bureau (财政局): one row per talent with the total to pay (corrections included,
 * a negative total is to be recovered), the items, and a second sheet with every line and its explanation.
 */
@Component
class PaymentList {

    byte[] write(GrantRun run, List<GrantLine> lines) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            Sheet sheet = wb.createSheet("发放清单");
            int r = 0;
            row(sheet, r++, null, "码上秒享人才补贴发放清单（" + run.periodLabel() + "，" + run.nodeName() + "，批次 " + run.id()
                    + "，" + run.status().label() + "）");
            row(sheet, r++, null, "序号", "姓名", "身份证号", "工作单位", "补贴项目", "应发金额（元）", "其中更正（元）");
            Map<Long, List<GrantLine>> byTalent = new LinkedHashMap<>();
            lines.forEach(l -> byTalent.computeIfAbsent(l.talentId(), k -> new ArrayList<>()).add(l));
            int n = 1;
            BigDecimal total = BigDecimal.ZERO;
            for (List<GrantLine> ls : byTalent.values()) {
                GrantLine first = ls.get(0);
                BigDecimal sum = ls.stream().map(GrantLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal corr = ls.stream().filter(GrantLine::correction).map(GrantLine::amount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                String employer = ls.stream().map(GrantLine::employerName).filter(e -> e != null).findFirst().orElse("");
                String items = String.join("、", ls.stream().map(l -> l.ruleName() + (l.correction() ? "（更正）" : ""))
                        .distinct().toList());
                row(sheet, r++, money, n++, first.talentName(), first.idNumber(), employer, items, sum, corr);
                total = total.add(sum);
            }
            row(sheet, r, money, "合计", byTalent.size() + " 人", null, null, lines.size() + " 条", total);
            sheet.setColumnWidth(2, 22 * 256);
            sheet.setColumnWidth(3, 30 * 256);
            sheet.setColumnWidth(4, 26 * 256);
            sheet.setColumnWidth(5, 16 * 256);
            Sheet detail = wb.createSheet("明细与依据");
            row(detail, 0, null, "姓名", "身份证号", "补贴项目", "类型", "金额（元）", "核定依据");
            int d = 1;
            for (GrantLine l : lines) {
                row(detail, d++, money, l.talentName(), l.idNumber(), l.ruleName(), l.kindLabel(), l.amount(), l.explanation());
            }
            detail.setColumnWidth(5, 120 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(Sheet sheet, int index, CellStyle money, Object... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof BigDecimal b) {
                Cell c = row.createCell(i);
                c.setCellValue(b.doubleValue());
                c.setCellStyle(money);
            } else if (v instanceof Number num) {
                row.createCell(i).setCellValue(num.doubleValue());
            } else if (v != null) {
                row.createCell(i).setCellValue(String.valueOf(v));
            }
        }
    }
}
