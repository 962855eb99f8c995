package cn.zugong.healthcheck.internal;

import cn.zugong.indicator.Evaluation;
import cn.zugong.indicator.EvaluationViews.Cell;
import cn.zugong.indicator.EvaluationViews;
import cn.zugong.indicator.Indicator;
import cn.zugong.indicator.IndicatorPack;
import cn.zugong.indicator.IndicatorPacks;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.legend.Colour;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The whole matrix as Excel: the node itself (its roll-up) and then every unit under it, in tree
 * order), one column per indicator, each cell the value filled with its warning colour.
 */
@Component
class MatrixExcel {

    private final EvaluationViews views;
    private final IndicatorPacks packs;
    private final OrgTree tree;

    MatrixExcel(EvaluationViews views, IndicatorPacks packs, OrgTree tree) {
        this.views = views;
        this.packs = packs;
        this.tree = tree;
    }

    byte[] write(CurrentUser user, OrgNode node, Evaluation evaluation) {
        IndicatorPack pack = packs.get(evaluation.pack());
        List<OrgNode> nodes = new ArrayList<>();
        nodes.add(node);
        nodes.addAll(tree.units(node.asScope()).stream().filter(n -> n.id() != node.id()).toList());
        Map<Long, Map<String, Cell>> cells = new HashMap<>();
        for (int from = 0; from < nodes.size(); from += 500) {
            List<Long> ids = nodes.subList(from, Math.min(nodes.size(), from + 500)).stream().map(OrgNode::id).toList();
            views.cells(evaluation.id(), ids, user.scope()).forEach(c ->
                    cells.computeIfAbsent(c.nodeId(), k -> new HashMap<>()).put(c.indicatorCode(), c));
        }
        try (SXSSFWorkbook book = new SXSSFWorkbook(200); var out = new ByteArrayOutputStream()) {
            Map<Colour, CellStyle> styles = styles(book);
            Sheet sheet = book.createSheet("体检矩阵 " + evaluation.asOf());
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("单位代码");
            header.createCell(1).setCellValue("单位 / 区划");
            List<Indicator> indicators = pack.indicators();
            for (int i = 0; i < indicators.size(); i++) {
                header.createCell(i + 2).setCellValue(indicators.get(i).code() + " " + indicators.get(i).name()
                        + "（" + indicators.get(i).unit() + "）");
            }
            int r = 1;
            for (OrgNode n : nodes) {
                Map<String, Cell> own = cells.get(n.id());
                if (own == null) {
                    continue;
                }
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(n.code());
                row.createCell(1).setCellValue(n.name());
                for (int i = 0; i < indicators.size(); i++) {
                    Cell c = own.get(indicators.get(i).code());
                    if (c == null || c.value() == null) {
                        continue;
                    }
                    var cell = row.createCell(i + 2);
                    cell.setCellValue(c.value().doubleValue());
                    if (c.colour() != null) {
                        cell.setCellStyle(styles.get(Colour.of(c.colour())));
                    }
                }
            }
            sheet.createFreezePane(2, 1);
            book.write(out);
            book.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<Colour, CellStyle> styles(SXSSFWorkbook book) {
        Map<Colour, CellStyle> styles = new EnumMap<>(Colour.class);
        Map<Colour, IndexedColors> fills = Map.of(Colour.RED, IndexedColors.RED, Colour.YELLOW,
                IndexedColors.GOLD, Colour.BLUE, IndexedColors.PALE_BLUE, Colour.GREEN,
                IndexedColors.LIGHT_GREEN);
        var format = book.createDataFormat().getFormat("0.0");
        fills.forEach((colour, fill) -> {
            CellStyle style = book.createCellStyle();
            style.setFillForegroundColor(fill.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            style.setDataFormat(format);
            styles.put(colour, style);
        });
        return styles;
    }
}
