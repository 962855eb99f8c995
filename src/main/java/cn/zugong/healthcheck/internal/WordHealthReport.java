package cn.zugong.healthcheck.internal;

import cn.zugong.healthcheck.internal.ReportData.CategoryRow;
import cn.zugong.healthcheck.internal.ReportData.Line;
import cn.zugong.healthcheck.internal.ReportData.ModuleSection;
import cn.zugong.healthcheck.internal.ReportData.Peer;
import cn.zugong.healthcheck.internal.ReportData.Report;
import cn.zugong.shared.legend.Colour;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.util.Units;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTOnOff;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.springframework.stereotype.Component;

/**
 * The illustrated health-check report as Word: title page, summary, a section per module with its
 * category table and a native Word chart (clustered bars) (editable in Word, data embedded), the warnings with their
 * advice, and the comparison with peers. Headings use real Heading 1/2 styles (navigation pane, TOC).
 */
@Component
class WordHealthReport {

    static final String FONT = "宋体";

    byte[] write(Report r, ReportData.ReportJobsProgress progress) {
        try (XWPFDocument doc = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            headingStyles(doc);
            titlePage(doc, r);
            heading(doc, "一、总体情况", 1);
            text(doc, r.summary());
            int n = 2;
            int step = 0;
            for (ModuleSection m : r.modules()) {
                progress.at(55 + 30 * step++ / r.modules().size(), "编写" + m.module().name());
                heading(doc, Values.chineseNumber(n++) + "、" + m.module().name(), 1);
                categoryTable(doc, m.categories());
                chart(doc, m);
                if (!m.warnings().isEmpty()) {
                    heading(doc, "主要预警及意见建议", 2);
                    for (Line l : m.warnings().stream().filter(l -> !Colour.BLUE.is(l.result().colour()))
                            .limit(15).toList()) {
                        XWPFParagraph p = doc.createParagraph();
                        run(p, "【" + l.colourLabel() + "】" + l.indicator().name() + "：" + l.value() + "。", true, 11);
                        run(p, l.result().advice() == null ? "" : l.result().advice(), false, 11);
                        run(doc.createParagraph(), l.definition(), false, 9);
                    }
                }
            }
            heading(doc, Values.chineseNumber(n) + "、" + r.peerTitle(), 1);
            peerTable(doc, r.peers());
            progress.at(90, "保存文档");
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void titlePage(XWPFDocument doc, Report r) {
        for (int i = 0; i < 6; i++) {
            doc.createParagraph();
        }
        XWPFParagraph title = doc.createParagraph();
        title.setAlignment(ParagraphAlignment.CENTER);
        run(title, r.title(), true, 24);
        XWPFParagraph sub = doc.createParagraph();
        sub.setAlignment(ParagraphAlignment.CENTER);
        run(sub, "体检基准日：" + r.evaluation().asOf() + "　　指标体系：" + r.pack().name(), false, 12);
        XWPFParagraph when = doc.createParagraph();
        when.setAlignment(ParagraphAlignment.CENTER);
        run(when, "生成时间：" + r.generatedAt().format(DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm"))
                + "　　批次：" + r.evaluation().id(), false, 12);
        doc.createParagraph().setPageBreak(true);
    }

    private static void categoryTable(XWPFDocument doc, List<CategoryRow> rows) {
        XWPFTable table = doc.createTable(rows.size() + 1, 5);
        table.setWidth("100%");
        fill(table.getRow(0), List.of("体检项目", Colour.RED.warningLabel(), Colour.YELLOW.warningLabel(),
                Colour.BLUE.warningLabel(), Colour.GREEN.warningLabel()), true);
        for (int i = 0; i < rows.size(); i++) {
            CategoryRow c = rows.get(i);
            fill(table.getRow(i + 1), List.of(c.category().name(), String.valueOf(c.red()), String.valueOf(c.yellow()),
                    String.valueOf(c.blue()), String.valueOf(c.green())), false);
        }
    }

    private static void peerTable(XWPFDocument doc, List<Peer> peers) {
        XWPFTable table = doc.createTable(peers.size() + 1, 5);
        table.setWidth("100%");
        fill(table.getRow(0), List.of("序号", "单位 / 区划", Colour.RED.warningLabel(), Colour.YELLOW.warningLabel(),
                Colour.BLUE.warningLabel()), true);
        for (int i = 0; i < peers.size(); i++) {
            Peer p = peers.get(i);
            fill(table.getRow(i + 1), List.of(String.valueOf(i + 1), p.node().name() + (p.self() ? "（本单位）" : ""),
                    String.valueOf(p.red()), String.valueOf(p.yellow()), String.valueOf(p.blue())), p.self());
        }
    }

    /** A native stacked bar chart of the module's warnings per category. */
    private static void chart(XWPFDocument doc, ModuleSection m) throws IOException {
        try {
            XWPFChart chart = doc.createChart(16 * Units.EMU_PER_CENTIMETER, 8 * Units.EMU_PER_CENTIMETER);
            chart.setTitleText(m.module().name() + " 各体检项目预警数");
            chart.setTitleOverlay(false);
            chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
            XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
            XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
            y.setCrosses(AxisCrosses.AUTO_ZERO);
            String[] names = m.categories().stream().map(c -> c.category().name()).toArray(String[]::new);
            XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
            data.setBarDirection(BarDirection.COL);
            data.setBarGrouping(BarGrouping.CLUSTERED); // stacked needs overlap 100, whose schema poi-ooxml-lite lacks
            series(data, names, Colour.RED.warningLabel(),
                    m.categories().stream().map(CategoryRow::red).toArray(Long[]::new), PresetColor.RED, 1);
            series(data, names, Colour.YELLOW.warningLabel(),
                    m.categories().stream().map(CategoryRow::yellow).toArray(Long[]::new), PresetColor.GOLD, 2);
            series(data, names, Colour.BLUE.warningLabel(),
                    m.categories().stream().map(CategoryRow::blue).toArray(Long[]::new), PresetColor.ROYAL_BLUE, 3);
            chart.plot(data);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
    }

    private static void series(XDDFBarChartData data, String[] names, String title, Long[] values, PresetColor colour,
                               int column) {
        var s = data.addSeries(XDDFDataSourcesFactory.fromArray(names),
                XDDFDataSourcesFactory.fromArray(values));
        s.setTitle(title, null);
        XDDFShapeProperties shape = new XDDFShapeProperties();
        shape.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(colour)));
        s.setShapeProperties(shape);
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean bold) {
        for (int i = 0; i < cells.size(); i++) {
            XWPFParagraph p = row.getCell(i).getParagraphs().get(0);
            run(p, cells.get(i), bold, 10.5);
        }
    }

    private static void heading(XWPFDocument doc, String text, int level) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle("Heading" + level);
        run(p, text, true, level == 1 ? 16 : 13);
    }

    private static void text(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setFirstLineIndent(480);
        run(p, text, false, 12);
    }

    private static void run(XWPFParagraph p, String text, boolean bold, double size) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setBold(bold);
        run.setFontSize(size);
        run.setFontFamily(FONT);
    }

    /** Heading 1 and 2 as real styles, so Word shows them in the navigation pane. */
    private static void headingStyles(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        for (int level = 1; level <= 2; level++) {
            CTStyle style = CTStyle.Factory.newInstance();
            style.setStyleId("Heading" + level);
            CTString name = CTString.Factory.newInstance();
            name.setVal("heading " + level);
            style.setName(name);
            CTDecimalNumber priority = CTDecimalNumber.Factory.newInstance();
            priority.setVal(BigInteger.valueOf(9));
            style.setUiPriority(priority);
            style.setQFormat(CTOnOff.Factory.newInstance());
            CTPPrGeneral paragraph = CTPPrGeneral.Factory.newInstance();
            CTDecimalNumber outline = CTDecimalNumber.Factory.newInstance();
            outline.setVal(BigInteger.valueOf(level - 1));
            paragraph.setOutlineLvl(outline);
            style.setPPr(paragraph);
            XWPFStyle xwpf = new XWPFStyle(style);
            xwpf.setType(STStyleType.PARAGRAPH);
            styles.addStyle(xwpf);
        }
    }

}
