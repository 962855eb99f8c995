package cn.zugong.prosperity.internal.matching;

import cn.zugong.prosperity.MatchingFigureRow;
import cn.zugong.prosperity.MatchingFigureSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The figures as a workbook: one sheet per grouping (县区, 领域, 月份), row 0 the title and the seed's sentence, row 2
 * the header, the groups from row 3 with 合计 last; numbers as numeric cells.
 */
final class MatchingFiguresExcel {

    static final List<String> HEADER = List.of("名称", "借力需求", "已对接需求", "对接率（%）", "给力人才", "开展对接",
            "完成对接", "成效记录", "引进项目", "争取资金（元）", "培训人次", "需求方评价数", "需求方平均评分", "人才方评价数",
            "人才方平均评分");

    private MatchingFiguresExcel() {
    }

    static byte[] of(MatchingFigureSet f) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            String title = f.scopeName() + " 聚力共富统计 " + f.from() + " 至 " + f.to();
            sheet(book, "按县区", title, f.sentence(), f.byCounty(), f.total());
            sheet(book, "按领域", title + "（给力人才按其每个擅长领域计）", f.sentence(), f.byField(), f.total());
            sheet(book, "按月份", title, f.sentence(), f.byMonth(), f.total());
            book.write(out);
            return out.toByteArray();
        }
    }

    private static void sheet(XSSFWorkbook book, String name, String title, String sentence,
                              List<MatchingFigureRow> rows, MatchingFigureRow total) {
        Sheet s = book.createSheet(name);
        s.createRow(0).createCell(0).setCellValue(title);
        s.createRow(1).createCell(0).setCellValue(sentence);
        Row h = s.createRow(2);
        for (int i = 0; i < HEADER.size(); i++) {
            h.createCell(i).setCellValue(HEADER.get(i));
        }
        List<MatchingFigureRow> all = new ArrayList<>(rows);
        all.add(total);
        int r = 3;
        for (MatchingFigureRow x : all) {
            line(s.createRow(r++), Arrays.asList(x.name(), x.needs(), x.matchedNeeds(), x.matchedShare(), x.offers(),
                    x.engagements(), x.completed(), x.outcomes(), x.projects(), x.fundsYuan(), x.peopleTrained(),
                    x.needRatings(), x.averageNeedRating(), x.offerRatings(), x.averageOfferRating()));
        }
        s.setColumnWidth(0, 16 * 256);
    }

    private static void line(Row row, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v instanceof Number n) {
                row.createCell(i).setCellValue(n instanceof BigDecimal b ? b.doubleValue() : n.doubleValue());
            } else if (v != null) {
                row.createCell(i).setCellValue(String.valueOf(v));
            }
        }
    }
}
