package cn.zugong.lighting.internal;

import cn.zugong.shared.legend.Colour;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/** 月度通报: the month's figures, the red and purple tasks and the ranking, as Word (.docx) and Excel. */
public final class Bulletin {

    /** Everything a bulletin prints, already scoped. */
    public record Content(TaskList list, Period period, Scoring.MonthFigures figures, int expected, int received,
                          int late, List<LightQueries.Flagged> flagged, List<Scoring.UnitScore> ranking) {

        String title() {
            return list.name() + " " + period.label() + "亮灯通报";
        }

        String summary() {
            Scoring.MonthFigures f = figures;
            StringBuilder s = new StringBuilder(period.label() + "，" + list.name() + "共 " + f.total() + " 项任务亮灯：");
            for (Colour c : Colour.LIGHTS) {
                s.append(c.shortLabel()).append("灯 ").append(f.count(c)).append(" 项，");
            }
            s.append("清单综合得分 ").append(f.score()).append(" 分。应申报 ").append(expected).append(" 项，已申报 ")
                    .append(received).append(" 项（其中逾期补报 ").append(late).append(" 项），申报率 ")
                    .append(expected == 0 ? "—" : Math.round(received * 1000.0 / expected) / 10.0 + "%").append("。")
                    .append(f.provisional() ? "本月申报窗口尚未关闭，以上为临时亮灯结果。" : "");
            return s.toString();
        }
    }

    private Bulletin() {
    }

    public static void docx(Content c, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun t = title.createRun();
            t.setBold(true);
            t.setFontSize(18);
            t.setFontFamily("方正小标宋简体");
            t.setText(c.title());
            paragraph(doc, "（" + c.list().ownerName() + "人才工作领导小组办公室）", false);
            heading(doc, "一、总体情况");
            paragraph(doc, c.summary(), false);
            heading(doc, "二、红灯、紫灯任务");
            if (c.flagged().isEmpty()) {
                paragraph(doc, "本月无红灯、紫灯任务。", false);
            } else {
                XWPFTable table = doc.createTable(c.flagged().size() + 1, 5);
                fill(table, 0, "编号", "任务", "牵头单位", "灯色", "原因");
                int r = 1;
                for (LightQueries.Flagged f : c.flagged()) {
                    fill(table, r++, f.code(), f.title(), f.unitName(), f.colour().shortLabel() + "灯", f.reason());
                }
            }
            heading(doc, "三、单位赋分排名");
            paragraph(doc, Scoring.FORMULA, false);
            XWPFTable rank = doc.createTable(c.ranking().size() + 1, 6);
            fill(rank, 0, "类别", "名次", "单位", "任务数", "得分", "较上月");
            int r = 1;
            for (Scoring.UnitScore u : c.ranking()) {
                fill(rank, r++, u.tier(), String.valueOf(u.rank()), u.unitName(), String.valueOf(u.tasks()),
                        u.score().toPlainString(), movement(u.movement()));
            }
            doc.write(out);
        }
    }

    public static void xlsx(Content c, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("总体情况");
            row(s, 0, c.title());
            row(s, 1, c.summary());
            row(s, 3, "灯色", "任务数");
            int i = 4;
            for (Colour col : Colour.LIGHTS) {
                Row row = s.createRow(i++);
                row.createCell(0).setCellValue(col.shortLabel() + "灯（" + col.lightMeaning() + "）");
                row.createCell(1).setCellValue(c.figures().count(col));
            }
            Sheet f = wb.createSheet("红灯紫灯任务");
            row(f, 0, "编号", "任务", "牵头单位", "灯色", "原因");
            i = 1;
            for (LightQueries.Flagged x : c.flagged()) {
                row(f, i++, x.code(), x.title(), x.unitName(), x.colour().shortLabel() + "灯", x.reason());
            }
            Sheet r = wb.createSheet("单位排名");
            row(r, 0, "类别", "名次", "单位", "任务数", "得分", "较上月");
            i = 1;
            for (Scoring.UnitScore u : c.ranking()) {
                Row row = r.createRow(i++);
                row.createCell(0).setCellValue(u.tier());
                row.createCell(1).setCellValue(u.rank());
                row.createCell(2).setCellValue(u.unitName());
                row.createCell(3).setCellValue(u.tasks());
                row.createCell(4).setCellValue(u.score().doubleValue());
                row.createCell(5).setCellValue(movement(u.movement()));
            }
            row(r, i + 1, Scoring.FORMULA);
            wb.write(out);
        }
    }

    public static String movement(Integer m) {
        return m == null ? "—" : m > 0 ? "↑" + m : m < 0 ? "↓" + (-m) : "持平";
    }

    private static void row(Sheet s, int i, String... values) {
        Row row = s.createRow(i);
        for (int k = 0; k < values.length; k++) {
            row.createCell(k).setCellValue(values[k]);
        }
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFRun run = doc.createParagraph().createRun();
        run.setBold(true);
        run.setFontSize(14);
        run.setText(text);
    }

    private static void paragraph(XWPFDocument doc, String text, boolean bold) {
        XWPFRun run = doc.createParagraph().createRun();
        run.setBold(bold);
        run.setText(text);
    }

    private static void fill(XWPFTable table, int row, String... values) {
        for (int k = 0; k < values.length; k++) {
            table.getRow(row).getCell(k).setText(values[k] == null ? "" : values[k]);
        }
    }
}
