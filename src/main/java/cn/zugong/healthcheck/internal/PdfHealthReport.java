package cn.zugong.healthcheck.internal;

import cn.zugong.healthcheck.internal.ReportData.CategoryRow;
import cn.zugong.healthcheck.internal.ReportData.ModuleSection;
import cn.zugong.healthcheck.internal.ReportData.Report;
import cn.zugong.report.ChartImages;
import cn.zugong.report.PdfRenderer;
import cn.zugong.shared.legend.Colour;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** The same report as PDF: the XHTML template healthcheck/report-pdf, chart images, the embedded CJK font. */
@Component
class PdfHealthReport {

    private final TemplateEngine templates;
    private final PdfRenderer renderer;
    private final ChartImages charts;

    PdfHealthReport(TemplateEngine templates, PdfRenderer renderer, ChartImages charts) {
        this.templates = templates;
        this.renderer = renderer;
        this.charts = charts;
    }

    byte[] write(Report r, ReportData.ReportJobsProgress progress) {
        List<String> images = new ArrayList<>();
        int step = 0;
        for (ModuleSection m : r.modules()) {
            progress.at(55 + 25 * step++ / r.modules().size(), "绘制" + m.module().name() + "图表");
            byte[] png = charts.stackedBars(m.module().name() + " 各体检项目预警数",
                    m.categories().stream().map(c -> c.category().name()).toList(),
                    List.of(series(Colour.RED,
                                    m.categories().stream().map(CategoryRow::red).toList()),
                            series(Colour.YELLOW,
                                    m.categories().stream().map(CategoryRow::yellow).toList()),
                            series(Colour.BLUE,
                                    m.categories().stream().map(CategoryRow::blue).toList())),
                    900, 420);
            images.add("data:image/png;base64," + Base64.getEncoder().encodeToString(png));
        }
        progress.at(85, "排版 PDF");
        Context context = new Context(Locale.SIMPLIFIED_CHINESE);
        context.setVariable("r", r);
        context.setVariable("charts", images);
        return renderer.render(templates.process("healthcheck/report-pdf", context));
    }

    private static ChartImages.Series series(Colour colour, List<Long> values) {
        return new ChartImages.Series(colour.warningLabel(), Color.decode(colour.hex()), values);
    }
}
