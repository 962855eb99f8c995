package cn.zugong.cadre.internal.appointments;

import cn.zugong.cadre.internal.appointments.ApprovalProfiles.Member;
import cn.zugong.cadre.internal.appointments.ApprovalProfiles.Photo;
import cn.zugong.people.AppointmentRoster.Assessment;
import cn.zugong.people.AppointmentRoster.Note;
import cn.zugong.people.AppointmentRoster.Profile;
import cn.zugong.people.AppointmentRoster.Stint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHeightRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVerticalJc;

/**
 * The 干部任免审批表 in the standard layout (中组部 format): one bordered table on A4 — 姓名, 性别, 出生年月(岁) and the
 * photo box; 民族, 籍贯, 出生地; 入党时间, 参加工作时间, 健康状况; 专业技术职务, 专长; 学历学位 (全日制 / 在职 with
 * 毕业院校系及专业); 现任, 拟任, 拟免职务; 简历; 奖惩情况; 年度考核结果; 任免理由; 家庭主要成员及重要社会关系; 呈报单位,
 * 审批机关意见, 行政机关任免意见 — filled from the roster and the profile, sized to fit one page.
 */
final class ApprovalForm {

    static final String FONT = "宋体";
    /** Column grid in twips (A4 minus 1.8 cm margins ≈ 9 860). */
    private static final int[] GRID = {1350, 1380, 1150, 1350, 1450, 1380, 1800};
    static final int FAMILY_ROWS = 5;

    /** Everything one form shows. */
    record Data(Profile person, ApprovalProfiles.Profile extra, Photo photo, List<Stint> resume, List<Note> notes,
                List<Assessment> assessments, List<Member> family, String proposedPost, String leavePost,
                String reason, String reportingUnit, LocalDate on) {
    }

    private ApprovalForm() {
    }

    static byte[] write(Data d) {
        try (XWPFDocument doc = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            page(doc);
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingAfter(120);
            run(title, "干部任免审批表", 22, true);
            XWPFTable t = table(doc);
            Profile p = d.person();
            ApprovalProfiles.Profile x = d.extra();
            // rows 1–4 with the photo box at the right
            row(t, 560, label("姓  名"), value(p.name()), label("性  别"), value(p.gender()), label("出生年月\n（  岁）"),
                    value(birth(p.birthDate(), d.on())), photo(d.photo()).restart());
            row(t, 560, label("民  族"), value(p.ethnicity()), label("籍  贯"), value(x.nativePlace()), label("出 生 地"),
                    value(x.birthplace()), Cell.cont());
            row(t, 560, label("入党时间"), value(month(joinedParty(d))), label("参加工\n作时间"), value(month(p.workStartDate())),
                    label("健康状况"), value(x.health()), Cell.cont());
            row(t, 620, label("专业技\n术职务"), value(x.techTitle()).span(2), label("熟悉专业\n有何专长"),
                    value(x.speciality()).span(2), Cell.cont());
            row(t, 620, label("学  历\n学  位").restart(), label("全日制\n教  育"), value(edu(p.ftEducation(), p.ftDegree())).span(2),
                    label("毕业院校\n系及专业"), value(x.ftSchool()).span(2));
            row(t, 620, Cell.cont(), label("在  职\n教  育"), value(edu(p.isEducation(), p.isDegree())).span(2),
                    label("毕业院校\n系及专业"), value(x.isSchool()).span(2));
            row(t, 500, label("现任职务"), value(currentPost(p, x)).span(6).left());
            row(t, 500, label("拟任职务"), value(d.proposedPost()).span(6).left());
            row(t, 500, label("拟免职务"), value(d.leavePost()).span(6).left());
            row(t, Math.max(2400, 300 * (resume(d).size() + 1)), label("简\n\n\n\n历"), value(String.join("\n", resume(d))).span(6).left().top());
            row(t, 620, label("奖惩\n情况"), value(notes(d.notes())).span(6).left());
            row(t, 500, label("年度考\n核结果"), value(assessments(d.assessments())).span(6).left());
            row(t, 560, label("任免\n理由"), value(d.reason()).span(6).left());
            row(t, 420, label("家庭主\n要成员\n及重要\n社会关\n系").restart(), label("称 谓"), label("姓  名"), label("年龄"),
                    label("政治面貌"), label("工作单位及职务").span(2));
            List<Member> family = d.family();
            for (int i = 0; i < Math.max(FAMILY_ROWS, family.size()); i++) {
                Member m = i < family.size() ? family.get(i) : null;
                row(t, 380, Cell.cont(), value(m == null ? "" : m.relation()), value(m == null ? "" : m.name()),
                        value(m == null ? "" : m.age(d.on())), value(m == null ? "" : m.politicalStatus()),
                        value(m == null ? "" : m.work()).span(2).left());
            }
            row(t, 900, label("呈报\n单位"), value(d.reportingUnit() + "\n\n                        （盖章）     年   月   日")
                    .span(6).left().top());
            row(t, 1100, label("审批机\n关意见"), value("\n\n         （盖章）\n         年   月   日").span(3).top(),
                    label("行政机\n关任免\n意  见"), value("\n\n      （盖章）\n      年   月   日").span(2).top());
            XWPFParagraph foot = doc.createParagraph();
            foot.setSpacingBefore(60);
            run(foot, "填表人：                                          填表日期：" + d.on().getYear() + " 年 "
                    + d.on().getMonthValue() + " 月 " + d.on().getDayOfMonth() + " 日", 9, false);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- content

    static String birth(LocalDate birth, LocalDate on) {
        if (birth == null) {
            return "";
        }
        return month(birth) + "\n（" + Period.between(birth, on).getYears() + "岁）";
    }

    static String month(LocalDate d) {
        return d == null ? "" : d.getYear() + "." + String.format("%02d", d.getMonthValue());
    }

    private static LocalDate joinedParty(Data d) {
        return d.person().joinedParty() != null ? d.person().joinedParty() : d.extra().joinedPartyOn();
    }

    private static String edu(String education, String degree) {
        if (education == null) {
            return "";
        }
        return education + (degree == null || degree.equals("无") ? "" : "\n" + degree);
    }

    /** 现任职务: the title kept in the profile, else the unit with the post level or the rank from the roster. */
    static String currentPost(Profile p, ApprovalProfiles.Profile x) {
        if (x.currentPost() != null) {
            return x.currentPost();
        }
        return p.unitName() + (p.postLevel() != null ? p.postLevel() + "干部，" : "") + p.rankLevel();
    }

    /** 简历 lines: 「2012.07—2018.03  某某局一级科员」, the last open. */
    static List<String> resume(Data d) {
        List<String> lines = new ArrayList<>();
        for (Stint s : d.resume()) {
            lines.add(month(s.from()) + "—" + (s.to() == null ? "       " : month(s.to())) + "  " + s.unitName()
                    + (s.postLevel() != null ? s.postLevel() + "、" : "") + s.rankLevel());
        }
        return lines;
    }

    static String notes(List<Note> notes) {
        if (notes.isEmpty()) {
            return "无";
        }
        List<String> parts = new ArrayList<>();
        for (Note n : notes) {
            parts.add(n.year() + "年" + (n.reward() ? "" : "受") + n.description());
        }
        return String.join("；", parts) + "。";
    }

    /** The last three years' results, oldest first: 「2023年度称职；2024年度优秀；2025年度优秀」. */
    static String assessments(List<Assessment> all) {
        if (all.isEmpty()) {
            return "无";
        }
        List<String> parts = new ArrayList<>();
        all.stream().limit(3).sorted(java.util.Comparator.comparingInt(Assessment::year))
                .forEach(a -> parts.add(a.year() + "年度" + a.result()));
        return String.join("；", parts);
    }

    // ---- table building

    /** A cell spanning {@code span} grid columns; vertical merge: restart, continue or none. */
    static final class Cell {
        final String text;
        final boolean label;
        final Photo photo;
        int span = 1;
        STMerge.Enum merge;
        boolean left;
        boolean top;

        Cell(String text, boolean label, Photo photo) {
            this.text = text == null ? "" : text;
            this.label = label;
            this.photo = photo;
        }

        static Cell cont() {
            Cell c = new Cell("", false, null);
            c.merge = STMerge.CONTINUE;
            return c;
        }

        Cell span(int n) {
            span = n;
            return this;
        }

        Cell restart() {
            merge = STMerge.RESTART;
            return this;
        }

        Cell left() {
            left = true;
            return this;
        }

        Cell top() {
            top = true;
            return this;
        }
    }

    private static Cell label(String text) {
        return new Cell(text, true, null);
    }

    private static Cell value(String text) {
        return new Cell(text, false, null);
    }

    private static Cell photo(Photo photo) {
        return new Cell(photo == null ? "照\n\n片" : "", true, photo);
    }

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar mar = sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(850));
        mar.setBottom(BigInteger.valueOf(700));
        mar.setLeft(BigInteger.valueOf(1000));
        mar.setRight(BigInteger.valueOf(1000));
        mar.setHeader(BigInteger.valueOf(400));
        mar.setFooter(BigInteger.valueOf(400));
    }

    private static XWPFTable table(XWPFDocument doc) {
        XWPFTable t = doc.createTable();
        t.removeRow(0);
        CTTblPr pr = t.getCTTbl().getTblPr() == null ? t.getCTTbl().addNewTblPr() : t.getCTTbl().getTblPr();
        int total = java.util.Arrays.stream(GRID).sum();
        var w = pr.isSetTblW() ? pr.getTblW() : pr.addNewTblW();
        w.setType(STTblWidth.DXA);
        w.setW(BigInteger.valueOf(total));
        CTTblLayoutType layout = pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout();
        layout.setType(STTblLayoutType.FIXED);
        pr.addNewJc().setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STJcTable.CENTER);
        CTTblBorders borders = pr.isSetTblBorders() ? pr.getTblBorders() : pr.addNewTblBorders();
        border(borders.isSetTop() ? borders.getTop() : borders.addNewTop(), 12);
        border(borders.isSetBottom() ? borders.getBottom() : borders.addNewBottom(), 12);
        border(borders.isSetLeft() ? borders.getLeft() : borders.addNewLeft(), 12);
        border(borders.isSetRight() ? borders.getRight() : borders.addNewRight(), 12);
        border(borders.isSetInsideH() ? borders.getInsideH() : borders.addNewInsideH(), 4);
        border(borders.isSetInsideV() ? borders.getInsideV() : borders.addNewInsideV(), 4);
        CTTblGrid grid = t.getCTTbl().getTblGrid() == null ? t.getCTTbl().addNewTblGrid() : t.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int g : GRID) {
            grid.addNewGridCol().setW(BigInteger.valueOf(g));
        }
        return t;
    }

    private static void border(CTBorder b, int size) {
        b.setVal(STBorder.SINGLE);
        b.setSz(BigInteger.valueOf(size));
        b.setSpace(BigInteger.ZERO);
        b.setColor("000000");
    }

    private static void row(XWPFTable t, int height, Cell... cells) {
        XWPFTableRow row = t.createRow();
        while (row.getTableCells().size() > 0) {
            row.removeCell(0);
        }
        row.setHeight(height);
        row.getCtRow().getTrPr().getTrHeightArray(0).setHRule(STHeightRule.AT_LEAST);
        row.setCantSplitRow(true);
        int col = 0;
        for (Cell c : cells) {
            XWPFTableCell cell = row.addNewTableCell();
            CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
            int width = 0;
            for (int i = col; i < col + c.span; i++) {
                width += GRID[i];
            }
            col += c.span;
            var w = pr.addNewTcW();
            w.setType(STTblWidth.DXA);
            w.setW(BigInteger.valueOf(width));
            if (c.span > 1) {
                pr.addNewGridSpan().setVal(BigInteger.valueOf(c.span));
            }
            if (c.merge != null) {
                pr.addNewVMerge().setVal(c.merge);
            }
            pr.addNewVAlign().setVal(c.top ? STVerticalJc.TOP : STVerticalJc.CENTER);
            XWPFParagraph para = cell.getParagraphs().get(0);
            para.setAlignment(c.left ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
            para.setSpacingAfter(0);
            para.setSpacingBefore(0);
            if (c.photo != null) {
                picture(para, c.photo);
                continue;
            }
            String[] lines = c.text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                XWPFParagraph p = i == 0 ? para : cell.addParagraph();
                p.setAlignment(c.left ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
                p.setSpacingAfter(0);
                p.setSpacingBefore(0);
                run(p, lines[i], c.label ? 11 : 10.5, false);
            }
        }
    }

    private static void picture(XWPFParagraph p, Photo photo) {
        int type = photo.contentType().contains("png") ? Document.PICTURE_TYPE_PNG : Document.PICTURE_TYPE_JPEG;
        try {
            p.createRun().addPicture(new ByteArrayInputStream(photo.bytes()), type, "photo", Units.toEMU(78),
                    Units.toEMU(104));
        } catch (Exception e) {
            run(p, "照片", 11, false); // an unreadable picture leaves the box, not a broken file
        }
    }

    private static void run(XWPFParagraph p, String text, double size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(FONT);
        r.setFontSize(size);
        r.setBold(bold);
    }
}
