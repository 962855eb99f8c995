package cn.zugong.rating.internal.results;

import cn.zugong.rating.Criterion;
import cn.zugong.rating.RatingScheme;
import cn.zugong.rating.internal.results.Results.CountRow;
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
 * The results as workbooks: row 0 the title (scope, scheme, year, 未发布 if so), row 2 the header, lines from row 3,
 * numbers as numeric cells. {@link #results}: counts by area, sector and type, the ranking and the 摘星 list;
 * {@link #sheets}: one row per organisation, one column per criterion, then total, stars, 双强.
 */
final class ResultsExcel {

    static final String[] SHEETS = {"按区域", "按领域", "按组织类型", "排名", "摘星"};

    private ResultsExcel() {
    }

    static String title(Results.Page p) {
        return p.scopeName() + " " + p.year() + " 年" + p.schemeName() + (p.published() ? "" : "（未发布）");
    }

    static byte[] results(Results.Page p) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            String title = title(p);
            String[] firsts = {"区域", "领域", "组织类型"};
            List<List<CountRow>> groups = List.of(p.byArea(), p.bySector(), p.byOrgType());
            for (int g = 0; g < 3; g++) {
                List<String> h = new ArrayList<>(List.of(firsts[g], "参评数"));
                h.addAll(p.starLabels());
                h.addAll(List.of("双强", p.starLabels().get(p.starLabels().size() - 1) + "双强",
                        p.starLabels().size() > 2 ? p.starLabels().get(p.starLabels().size() - 2) + "双强" : "",
                        "三星以上", "三星以上占比（%）"));
                Sheet s = sheet(book, SHEETS[g], title + " 星级分布" + firsts[g], h);
                int r = 3;
                List<CountRow> rows = new ArrayList<>(groups.get(g));
                rows.add(p.total());
                for (CountRow c : rows) {
                    List<Object> v = new ArrayList<>(List.of(c.name(), c.total()));
                    v.addAll(c.byStars());
                    v.addAll(Arrays.asList(c.doubleStrong(), c.topDoubleStrong(), c.nextDoubleStrong(), c.threeOrMore(),
                            c.shareThreeOrMore()));
                    line(s, r++, v);
                }
            }
            Sheet s = sheet(book, SHEETS[3], title + " 排名（按总分，同分同名次）", List.of("名次", "组织", "区域", "领域",
                    "组织类型", "总分", "星级", "称号", "上年星级", "上年总分", "同比", "分差"));
            int r = 3;
            for (var x : p.ranking()) {
                line(s, r++, Arrays.asList(x.rank(), x.name(), x.areaName(), x.sector(), x.orgType(), x.points(),
                        x.stars(), x.title(), x.previousStars(), x.previousPoints(), x.movementLabel(),
                        x.pointsChange()));
            }
            s = sheet(book, SHEETS[4], title + " 动态摘星", List.of("组织", "区域", "发布星级", "现星级", "摘星理由",
                    "经办人", "时间"));
            r = 3;
            for (var w : p.withdrawn()) {
                line(s, r++, Arrays.asList(w.name(), w.areaName(), w.publishedStars(), w.stars(), w.reason(), w.actor(),
                        w.at() == null ? "" : w.at().toString()));
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    static byte[] sheets(String title, RatingScheme scheme, List<ResultsQuery.SheetRow> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            List<Criterion> criteria = scheme.criteria();
            List<String> h = new ArrayList<>(List.of("组织", "区域", "环节"));
            criteria.forEach(c -> h.add(c.code() + " " + c.name() + "（" + c.points().stripTrailingZeros().toPlainString()
                    + "）"));
            h.addAll(List.of("总分", "星级", "称号", "双强", "一票否决"));
            Sheet s = sheet(book, "评分表", title + " 评分表（按评分细则）", h);
            int r = 3;
            for (var x : rows) {
                List<Object> v = new ArrayList<>(List.of(x.name(), x.areaName(), OrgRatings.stageLabel(x.stage())));
                criteria.forEach(c -> v.add(x.points().get(c.code())));
                v.addAll(Arrays.asList(x.total(), x.stars(), x.title(), x.doubleStrong() ? "是" : "否",
                        x.vetoed() ? "是" : "否"));
                line(s, r++, v);
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private static Sheet sheet(XSSFWorkbook book, String name, String title, List<String> header) {
        Sheet s = book.createSheet(name);
        s.createRow(0).createCell(0).setCellValue(title);
        Row hr = s.createRow(2);
        for (int i = 0; i < header.size(); i++) {
            hr.createCell(i).setCellValue(header.get(i));
        }
        s.setColumnWidth(0, 30 * 256);
        return s;
    }

    private static void line(Sheet s, int r, List<?> values) {
        Row row = s.createRow(r);
        for (int i = 0; i < values.size(); i++) {
            Object o = values.get(i);
            if (o == null) {
                row.createCell(i);
            } else if (o instanceof BigDecimal b) {
                row.createCell(i).setCellValue(b.doubleValue());
            } else if (o instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else {
                row.createCell(i).setCellValue(o.toString());
            }
        }
    }
}
