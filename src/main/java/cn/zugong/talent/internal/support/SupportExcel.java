package cn.zugong.talent.internal.support;

import cn.zugong.talent.internal.support.SupportRecords.TargetKind;
import cn.zugong.talent.internal.support.SupportViews.Coverage;
import cn.zugong.talent.internal.support.SupportViews.CoverageRow;
import cn.zugong.talent.internal.support.SupportViews.Figures;
import cn.zugong.talent.internal.support.SupportViews.TeamLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/** The coverage list and the 专班 figures as Excel. */
@Component
class SupportExcel {

    byte[] coverage(Coverage c, String scopeName) {
        try (XSSFWorkbook book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("联系服务覆盖");
            int r = 0;
            row(sheet, r++, "范围", scopeName);
            row(sheet, r++, "类别", "总数", "已明确联系领导", "覆盖率（%）");
            for (TargetKind k : TargetKind.values()) {
                long[] t = c.totals().get(k);
                row(sheet, r++, k.label(), t[0], t[1], c.rate(k) == null ? "—" : c.rate(k));
            }
            r++;
            row(sheet, r++, "类别", "名称", "情况", "所属区域", "联系领导", "职务", "联系起始", "联系次数", "最近联系", "是否覆盖");
            for (CoverageRow x : c.rows()) {
                row(sheet, r++, x.kind().label(), x.name(), x.detail(), x.nodeName(),
                        x.liaison() == null ? null : x.liaison().leaderName(),
                        x.liaison() == null ? null : x.liaison().leaderPost(),
                        x.liaison() == null ? null : String.valueOf(x.liaison().since()), x.contacts(),
                        x.lastContact() == null ? null : x.lastContact().toString(), x.covered() ? "是" : "否（未覆盖）");
            }
            sheet.setColumnWidth(1, 30 * 256);
            sheet.setColumnWidth(2, 36 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] figures(Figures f) {
        try (XSSFWorkbook book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("人才工作专班");
            int r = 0;
            row(sheet, r++, "范围", f.scopeName());
            row(sheet, r++, "专班", "牵头单位", "负责人", "成员", "服务对象", "联系次数", "收集诉求", "已办结");
            for (TeamLine l : f.teams()) {
                row(sheet, r++, l.team().name(), l.team().leadUnit(), l.team().leaderName(), l.members(), l.served(),
                        l.contacts(), l.problems(), l.solved());
            }
            row(sheet, r++, "专班合计", null, null, null, null, f.contacts(), f.problems(), f.solved());
            row(sheet, r++, "人才自行提出及其他", null, null, null, null, null, f.otherProblems(), f.otherSolved());
            row(sheet, r++, "办结率（%）", f.solvedRate() == null ? "—" : f.solvedRate());
            r++;
            row(sheet, r++, "诉求类别", "收集诉求", "已办结");
            for (var e : f.byTopic().entrySet()) {
                row(sheet, r++, e.getKey(), e.getValue()[0], e.getValue()[1]);
            }
            r++;
            row(sheet, r++, "联系服务对象", "总数", "已明确联系领导", "覆盖率（%）");
            for (TargetKind k : TargetKind.values()) {
                long[] t = f.coverage().totals().get(k);
                row(sheet, r++, k.label(), t[0], t[1], f.coverage().rate(k) == null ? "—" : f.coverage().rate(k));
            }
            sheet.setColumnWidth(0, 24 * 256);
            sheet.setColumnWidth(1, 24 * 256);
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
