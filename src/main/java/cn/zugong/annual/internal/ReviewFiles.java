package cn.zugong.annual.internal;

import cn.zugong.annual.internal.ReviewRecords.ChartRow;
import cn.zugong.annual.internal.ReviewRecords.FrozenFigure;
import cn.zugong.annual.internal.ReviewView.ParagraphView;
import cn.zugong.annual.internal.ReviewView.SectionView;
import cn.zugong.report.ChartImages;
import cn.zugong.report.PdfRenderer;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
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
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A review as files: Word (editable, a native bar chart per section, an appendix 数据来源), PDF (the XHTML template
 * annual/review-pdf, the chart as an image, the CJK font) and the figures as Excel.
 */
@Component
class ReviewFiles {

    static final String FONT = "宋体";

    private final TemplateEngine templates;
    private final PdfRenderer pdf;
    private final ChartImages charts;

    ReviewFiles(TemplateEngine templates, PdfRenderer pdf, ChartImages charts) {
        this.templates = templates;
        this.pdf = pdf;
        this.charts = charts;
    }

    // ---- Word -----------------------------------------------------------------------------------------

    byte[] word(ReviewView v) {
        try (XWPFDocument doc = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, v.review().title(), true, 18);
            XWPFParagraph sub = doc.createParagraph();
            sub.setAlignment(ParagraphAlignment.CENTER);
            run(sub, "统计期间：" + v.review().period() + "　" + v.review().statusLabel(), false, 10.5);
            if (!v.review().missingModules().isEmpty()) {
                XWPFParagraph missing = doc.createParagraph();
                XWPFRun r = missing.createRun();
                r.setText("未建设：" + String.join("、", v.review().missingModules())
                        + "。这些模块尚未在平台建设，相关数字未写入，请按实际情况补充。");
                r.setFontSize(9);
                r.setColor("666666");
                r.setFontFamily(FONT);
            }
            int n = 0;
            for (SectionView s : v.sections()) {
                heading(doc, chineseNumber(++n) + "、" + s.title(), 15);
                for (ParagraphView p : s.paragraphs()) {
                    XWPFParagraph para = doc.createParagraph();
                    para.setFirstLineIndent(480);
                    if (p.heading() != null) {
                        run(para, p.heading() + "。", true, 12);
                    }
                    run(para, p.text(), false, 12);
                }
                if (s.note() != null) {
                    XWPFParagraph note = doc.createParagraph();
                    XWPFRun r = note.createRun();
                    r.setText("（" + s.note() + "）");
                    r.setItalic(true);
                    r.setFontSize(10.5);
                    r.setFontFamily(FONT);
                }
                if (s.chart() != null && !s.chart().rows().isEmpty()) {
                    chart(doc, v, s);
                }
            }
            appendix(doc, v);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chart(XWPFDocument doc, ReviewView v, SectionView s) throws IOException {
        try {
            XWPFChart chart = doc.createChart(16 * Units.EMU_PER_CENTIMETER, 7 * Units.EMU_PER_CENTIMETER);
            chart.setTitleText(s.chart().title() + "（" + s.chart().unit() + "）");
            chart.setTitleOverlay(false);
            chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
            XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
            XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
            y.setCrosses(AxisCrosses.AUTO_ZERO);
            String[] names = s.chart().rows().stream().map(ChartRow::nodeName).toArray(String[]::new);
            XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
            data.setBarDirection(BarDirection.COL);
            data.setBarGrouping(BarGrouping.CLUSTERED);
            int year = v.review().from().getYear();
            series(data, names, year - 1 + "年", s.chart().rows().stream().map(ChartRow::previous)
                    .map(BigDecimal::doubleValue).toArray(Double[]::new), PresetColor.LIGHT_GRAY);
            series(data, names, year + "年", s.chart().rows().stream().map(ChartRow::value)
                    .map(BigDecimal::doubleValue).toArray(Double[]::new), PresetColor.DARK_RED);
            chart.plot(data);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
    }

    private static void series(XDDFBarChartData data, String[] names, String title, Double[] values,
                               PresetColor colour) {
        var s = data.addSeries(XDDFDataSourcesFactory.fromArray(names), XDDFDataSourcesFactory.fromArray(values));
        s.setTitle(title, null);
        XDDFShapeProperties shape = new XDDFShapeProperties();
        shape.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(colour)));
        s.setShapeProperties(shape);
    }

    private static void appendix(XWPFDocument doc, ReviewView v) {
        heading(doc, "附录　数据来源", 15);
        List<FrozenFigure> figures = new ArrayList<>(v.figures().values());
        XWPFTable table = doc.createTable(figures.size() + 1, 5);
        var grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid()
                : table.getCTTbl().addNewTblGrid();
        for (int i = 0; i < WIDTHS.length; i++) {
            var col = i < grid.sizeOfGridColArray() ? grid.getGridColArray(i) : grid.addNewGridCol();
            col.setW(java.math.BigInteger.valueOf(WIDTHS[i]));
        }
        fill(table, 0, List.of("数字", "数值", "上年同期", "来源模块", "口径"), true);
        for (int i = 0; i < figures.size(); i++) {
            FrozenFigure f = figures.get(i);
            fill(table, i + 1, List.of(f.name(), f.exact() + f.unit(), Phrasing.exact(f.previous()) + f.unit(),
                    f.source() + "." + f.measure(), f.definition()), false);
        }
    }

    /** Column widths in twips (16 cm of text width); LibreOffice reads the grid, Word the cells. */
    private static final int[] WIDTHS = {1700, 1000, 1000, 1900, 3470};

    private static void fill(XWPFTable table, int row, List<String> cells, boolean bold) {
        for (int i = 0; i < cells.size(); i++) {
            table.getRow(row).getCell(i).setWidth(String.valueOf(WIDTHS[i]));
            run(table.getRow(row).getCell(i).getParagraphs().get(0), cells.get(i), bold, 9);
        }
    }

    private static void heading(XWPFDocument doc, String text, double size) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(240);
        run(p, text, true, size);
    }

    private static void run(XWPFParagraph p, String text, boolean bold, double size) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setBold(bold);
        run.setFontSize(size);
        run.setFontFamily(FONT);
    }

    static String chineseNumber(int n) {
        String[] digits = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        return n <= 10 ? digits[n] : "十" + digits[n - 10];
    }

    // ---- PDF ------------------------------------------------------------------------------------------

    byte[] pdf(ReviewView v) {
        Map<String, String> images = new LinkedHashMap<>();
        int year = v.review().from().getYear();
        for (SectionView s : v.sections()) {
            if (s.chart() != null && !s.chart().rows().isEmpty()) {
                List<String> names = s.chart().rows().stream().map(ChartRow::nodeName).toList();
                byte[] png = charts.groupedBars(s.chart().title() + "（" + s.chart().unit() + "）", names, List.of(
                        new ChartImages.Series(year - 1 + "年", new Color(170, 170, 170),
                                s.chart().rows().stream().map(ChartRow::previous).toList()),
                        new ChartImages.Series(year + "年", new Color(179, 25, 28),
                                s.chart().rows().stream().map(ChartRow::value).toList())), 900, 380);
                images.put(s.key(), "data:image/png;base64," + Base64.getEncoder().encodeToString(png));
            }
        }
        Context context = new Context(Locale.SIMPLIFIED_CHINESE);
        context.setVariable("v", v);
        context.setVariable("r", v.review());
        context.setVariable("charts", images);
        return pdf.render(templates.process("annual/review-pdf", context));
    }

    // ---- Excel ----------------------------------------------------------------------------------------

    static final List<String> EXCEL_COLUMNS = List.of("键", "数字", "数值", "上年同期", "变化", "单位", "来源", "口径");

    byte[] excel(ReviewView v) {
        try (XSSFWorkbook book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("数字");
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row head = sheet.createRow(0);
            for (int i = 0; i < EXCEL_COLUMNS.size(); i++) {
                head.createCell(i).setCellValue(EXCEL_COLUMNS.get(i));
                head.getCell(i).setCellStyle(bold);
            }
            int r = 1;
            for (FrozenFigure f : v.figures().values()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(f.key());
                row.createCell(1).setCellValue(f.name());
                row.createCell(2).setCellValue(f.value().doubleValue());
                row.createCell(3).setCellValue(f.previous().doubleValue());
                row.createCell(4).setCellValue(f.change().orElse("—"));
                row.createCell(5).setCellValue(f.unit());
                row.createCell(6).setCellValue(f.source() + "." + f.measure());
                row.createCell(7).setCellValue(f.definition());
            }
            sheet.setColumnWidth(1, 30 * 256);
            sheet.setColumnWidth(6, 28 * 256);
            sheet.setColumnWidth(7, 60 * 256);
            sheet.createFreezePane(0, 1);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
