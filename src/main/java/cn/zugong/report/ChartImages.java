package cn.zugong.report;

import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.springframework.stereotype.Component;

/** Chart images (PNG) for Word and PDF reports, labelled in Chinese with the embedded font. */
@Component
public class ChartImages {

    /** A series of a stacked bar chart: its name, colour and one value per category. */
    public record Series(String name, Color colour, List<? extends Number> values) {
    }

    private final CjkFont font;

    ChartImages(CjkFont font) {
        this.font = font;
    }

    /** Stacked bars, one per category (e.g. red/yellow/blue warnings per check category). */
    public byte[] stackedBars(String title, List<String> categories, List<Series> series, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Series s : series) {
            for (int i = 0; i < categories.size(); i++) {
                data.addValue(s.values().get(i), s.name(), categories.get(i));
            }
        }
        JFreeChart chart = new JFreeChart(title, font.awt(Font.BOLD, 15f),
                new CategoryPlot(data, new CategoryAxis(), new org.jfree.chart.axis.NumberAxis(),
                        new org.jfree.chart.renderer.category.StackedBarRenderer()), true);
        style(chart, series.stream().map(Series::colour).toList());
        return png(chart, width, height);
    }

    /** Bars side by side, one group per category (e.g. this year and the last per county). */
    public byte[] groupedBars(String title, List<String> categories, List<Series> series, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Series s : series) {
            for (int i = 0; i < categories.size(); i++) {
                data.addValue(s.values().get(i), s.name(), categories.get(i));
            }
        }
        JFreeChart chart = new JFreeChart(title, font.awt(Font.BOLD, 15f),
                new CategoryPlot(data, new CategoryAxis(), new org.jfree.chart.axis.NumberAxis(), new BarRenderer()),
                true);
        style(chart, series.stream().map(Series::colour).toList());
        return png(chart, width, height);
    }

    /** Simple bars with one colour per bar (e.g. a value per peer unit). */
    public byte[] bars(String title, Map<String, ? extends Number> values, Color colour, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        values.forEach((k, v) -> data.addValue(v, title, k));
        JFreeChart chart = new JFreeChart(title, font.awt(Font.BOLD, 15f),
                new CategoryPlot(data, new CategoryAxis(), new org.jfree.chart.axis.NumberAxis(), new BarRenderer()),
                false);
        style(chart, List.of(colour));
        return png(chart, width, height);
    }

    private void style(JFreeChart chart, List<Color> colours) {
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        plot.getDomainAxis().setTickLabelFont(font.awt(Font.PLAIN, 11f));
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        plot.getRangeAxis().setTickLabelFont(font.awt(Font.PLAIN, 11f));
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < colours.size(); i++) {
            renderer.setSeriesPaint(i, colours.get(i));
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(font.awt(Font.PLAIN, 12f));
        }
        chart.setBackgroundPaint(Color.WHITE);
    }

    private static byte[] png(JFreeChart chart, int width, int height) {
        try (var out = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
