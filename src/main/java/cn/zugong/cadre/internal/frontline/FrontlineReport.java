package cn.zugong.cadre.internal.frontline;

import cn.zugong.cadre.FrontlineForms.Method;
import cn.zugong.cadre.FrontlineForms.Outcome;
import cn.zugong.cadre.internal.frontline.FrontlineViews.Cadre;
import cn.zugong.cadre.internal.frontline.FrontlineViews.Campaign;
import cn.zugong.cadre.internal.frontline.FrontlineViews.Detail;
import cn.zugong.cadre.internal.frontline.FrontlineViews.Record;
import cn.zugong.cadre.internal.frontline.FrontlineViews.Team;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.stereotype.Component;

/**
 * The campaign report as Word (POI, like the health-check report): the campaign, its 专项考核组, the units assessed,
 * the records by method, the outcomes by category, and the lists of 先进人物 and 典型案例 each with its evidence
 * (the records it rests on: date, method, what was seen, whom they talked to).
 */
@Component
class FrontlineReport {

    static final String FONT = "宋体";

    byte[] write(Detail d) {
        Campaign c = d.campaign();
        try (XWPFDocument doc = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, c.name() + " 一线考察报告", 18, true);
            XWPFParagraph sub = doc.createParagraph();
            sub.setAlignment(ParagraphAlignment.CENTER);
            run(sub, c.nodeName() + " · " + c.kindName() + " · " + c.period() + " · " + c.statusLabel(), 11, false);
            if (c.description() != null) {
                para(doc, c.description());
            }
            para(doc, "考察以现场看、一线访、综合评等方式开展，组建专项考核组 " + d.teams().size() + " 个，考察单位 "
                    + d.units().size() + " 个、干部 " + d.cadres().size() + " 名，形成现场记录 " + d.records().size()
                    + " 条（现场看 " + d.recordsBy("SEE") + " 条、一线访 " + d.recordsBy("VISIT") + " 条、综合评 "
                    + d.recordsBy("ASSESS") + " 条）。考察维度：" + String.join("、", c.dimensions()) + "。");

            heading(doc, "一、专项考核组");
            table(doc, List.of("考核组", "成员", "考察干部（名）"), d.teams(),
                    t -> List.of(t.name(), t.memberNames(), String.valueOf(t.cadres())));

            heading(doc, "二、考察单位");
            Map<String, Long> byUnit = d.cadres().stream().collect(Collectors.groupingBy(Cadre::unitName,
                    java.util.LinkedHashMap::new, Collectors.counting()));
            table(doc, List.of("单位", "考察干部（名）"), List.copyOf(byUnit.entrySet()),
                    e -> List.of(e.getKey(), String.valueOf(e.getValue())));

            heading(doc, "三、现场记录");
            table(doc, List.of("考察方式", "记录（条）"), List.of(Method.values()),
                    m -> List.of(m.label(), String.valueOf(d.recordsBy(m.name()))));

            heading(doc, "四、考察结果");
            List<String[]> outcomes = new java.util.ArrayList<>();
            for (Outcome o : Outcome.values()) {
                outcomes.add(new String[] {o.label(), String.valueOf(d.outcomes(o.name()))});
            }
            outcomes.add(new String[] {"待定", String.valueOf(d.outcomes(null))});
            table(doc, List.of("结果", "人数"), outcomes, r -> List.of(r[0], r[1]));

            heading(doc, "五、先进人物名单");
            names(doc, d, d.withOutcome("ADVANCED"));
            heading(doc, "六、担当破难典型案例");
            names(doc, d, d.withOutcome("CASE"));
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void names(XWPFDocument doc, Detail d, List<Cadre> cadres) {
        if (cadres.isEmpty()) {
            para(doc, "（无）");
            return;
        }
        Map<Long, Record> records = d.records().stream().collect(Collectors.toMap(Record::id, r -> r));
        int n = 1;
        for (Cadre x : cadres) {
            XWPFParagraph p = doc.createParagraph();
            run(p, n++ + ". " + x.name() + "（" + x.unitName() + "，" + x.teamName() + "）", 11, true);
            if (x.outcomeNote() != null) {
                para(doc, x.outcomeNote());
            }
            for (long id : x.evidence()) {
                Record r = records.get(id);
                if (r != null) {
                    para(doc, "依据：" + r.recordedOn() + " " + r.methodLabel() + (r.place() == null ? "" : " @" + r.place())
                            + "，" + (r.seen() == null ? "" : "现场所见：" + r.seen() + "；")
                            + (r.talkedTo() == null ? "" : "走访：" + r.talkedTo() + "；") + r.summary());
                }
            }
        }
    }

    private static <T> void table(XWPFDocument doc, List<String> head, List<T> rows, Function<T, List<String>> cells) {
        XWPFTable t = doc.createTable(rows.size() + 1, head.size());
        t.setWidth("100%");
        fill(t.getRow(0), head, true);
        for (int i = 0; i < rows.size(); i++) {
            fill(t.getRow(i + 1), cells.apply(rows.get(i)), false);
        }
        doc.createParagraph();
    }

    private static void fill(XWPFTableRow row, List<String> values, boolean bold) {
        for (int i = 0; i < values.size(); i++) {
            XWPFParagraph p = row.getCell(i).getParagraphs().get(0);
            run(p, values.get(i) == null ? "" : values.get(i), 10.5, bold);
        }
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(200);
        run(p, text, 14, true);
    }

    private static void para(XWPFDocument doc, String text) {
        run(doc.createParagraph(), text, 11, false);
    }

    private static void run(XWPFParagraph p, String text, double size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(FONT);
        r.setFontSize(size);
        r.setBold(bold);
    }
}
