package cn.zugong.talent.internal.figures;

import cn.zugong.talent.internal.figures.TalentFigures.Figures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The figures as one workbook, a sheet per figure: row 0 the title (scope and year), row 2 the header, the lines
 * from row 3, numbers as numeric cells.
 */
final class FiguresExcel {

    static final String[] SHEETS = {"人才层次领域", "人才区域分布", "人才认定", "码上办", "码上秒享", "人才码",
            "人才码核验", "人才诉求"};

    private FiguresExcel() {
    }

    static byte[] write(Figures f) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            String title = f.scopeName() + " " + f.year() + " 年";
            // talents by field × level
            List<String> h = new ArrayList<>(List.of("领域编码", "领域", "自贸重点领域"));
            h.addAll(f.talents().levels());
            h.add("合计");
            Sheet s = sheet(book, SHEETS[0], title + "人才按层次与领域（在库人才，截至 " + f.asOf() + "）", h);
            int r = 3;
            for (var row : f.talents().byField()) {
                List<Object> v = new ArrayList<>(List.of(row.code(), row.name(), row.key() ? "是" : "否"));
                v.addAll(row.byLevel());
                v.add(row.total());
                line(s, r++, v);
            }
            List<Object> tot = new ArrayList<>(List.of("", "合计", ""));
            tot.addAll(f.talents().levelTotals());
            tot.add(f.talents().total());
            line(s, r, tot);
            s = sheet(book, SHEETS[1], title + "人才区域分布", List.of("区域", "人才", "其中认定人才"));
            r = 3;
            for (var d : f.talents().byDistrict()) {
                line(s, r++, List.of(d.name(), d.talents(), d.recognised()));
            }
            line(s, r, List.of("合计", f.talents().total(), f.talents().recognised()));
            // recognitions
            List<String> rh = new ArrayList<>(List.of("认定途径"));
            rh.addAll(f.recognitions().statuses());
            rh.add("合计");
            f.recognitions().levels().forEach(l -> rh.add("认定" + l));
            s = sheet(book, SHEETS[2], title + "人才认定（当年认定或申报的案件）", rh);
            r = 3;
            for (var route : f.recognitions().byRoute()) {
                List<Object> v = new ArrayList<>(List.of(route.name()));
                v.addAll(route.byStatus());
                v.add(route.total());
                v.addAll(route.decidedByLevel());
                line(s, r++, v);
            }
            // services
            s = sheet(book, SHEETS[3], title + "码上办：材料缩减 " + f.services().total().reduction() + "%",
                    List.of("事项编码", "事项", "服务领域", "申请（件）", "所需材料（项）", "平台已有（项）", "材料缩减（%）",
                            "代办（件）", "办结（件）", "按时办结（件）", "按时率（%）", "平均办理工作日"));
            r = 3;
            List<cn.zugong.talent.internal.services.ServiceFigures.Line> lines = new ArrayList<>(f.services().byItem());
            lines.add(f.services().total());
            for (var l : lines) {
                line(s, r++, java.util.Arrays.asList(l.code() == null ? "" : l.code(), l.name(), l.area(),
                        l.applications(), l.needed(), l.reused(), l.reduction(), l.proxy(), l.finished(), l.onTime(),
                        l.onTimeRate(), l.averageWorkdays()));
            }
            // grants
            s = sheet(book, SHEETS[4], title + "码上秒享（元）", List.of("规则编码", "补贴类型", "人数", "发放行数",
                    "已核准（含已发放）", "已发放", "待审核"));
            r = 3;
            for (var g : f.grants().byRule()) {
                line(s, r++, List.of(g.code(), g.name(), g.talents(), g.lines(), g.granted(), g.paid(), g.pending()));
            }
            line(s, r, List.of("", "合计", "", "", f.grants().granted(), f.grants().paid(), f.grants().pending()));
            // codes
            var c = f.codes();
            s = sheet(book, SHEETS[5], title + "人才码（截至 " + f.asOf() + "）", List.of("项目", "数量"));
            line(s, 3, List.of("当年签发", c.issuedInYear()));
            line(s, 4, List.of("有效", c.valid()));
            line(s, 5, List.of("已过期", c.expired()));
            line(s, 6, List.of("已撤销", c.revoked()));
            line(s, 7, List.of("已重新签发（旧码）", c.superseded()));
            line(s, 8, List.of("当年核验次数", c.verifications()));
            line(s, 9, List.of("其中无法对应到人才的核验", c.unattributed()));
            List<String> vh = new ArrayList<>(List.of("日期"));
            c.verificationsByOutcome().forEach(o -> vh.add(o.name()));
            vh.add("合计");
            s = sheet(book, SHEETS[6], title + "人才码每日核验（按结果）", vh);
            r = 3;
            for (var d : c.perDay()) {
                List<Object> v = new ArrayList<>(List.of(d.day().toString()));
                v.addAll(d.byOutcome());
                v.add(d.total());
                line(s, r++, v);
            }
            List<Object> v = new ArrayList<>(List.of("合计"));
            c.verificationsByOutcome().forEach(o -> v.add(o.count()));
            v.add(c.verifications());
            line(s, r, v);
            // requests (the support part's figures)
            s = sheet(book, SHEETS[7], f.scopeName() + " 人才诉求（全部，详见专班与专家统计）",
                    List.of("诉求类别", "诉求", "已解决"));
            r = 3;
            for (var e : f.requests().byTopic().entrySet()) {
                line(s, r++, List.of(e.getKey(), e.getValue()[0], e.getValue()[1]));
            }
            line(s, r, List.of("合计", f.requests().problems(), f.requests().solved()));
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
        s.setColumnWidth(1, 24 * 256);
        return s;
    }

    private static void line(Sheet s, int r, List<?> values) {
        Row row = s.createRow(r);
        for (int i = 0; i < values.size(); i++) {
            Object o = values.get(i);
            if (o instanceof Number n && !(o instanceof BigDecimal)) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else if (o instanceof BigDecimal b) {
                row.createCell(i).setCellValue(b.doubleValue());
            } else {
                row.createCell(i).setCellValue(o == null ? "" : o.toString());
            }
        }
    }
}
