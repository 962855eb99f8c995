package cn.zugong.party.internal.checkin;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.party.CheckinFigures.Figures;
import cn.zugong.party.CheckinFigures.Line;
import cn.zugong.party.CheckinFigures;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NumberPhrases;
import cn.zugong.shared.web.Downloads;
import cn.zugong.shared.web.FormFields;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** 报到成效: the figures page (ECharts), its JSON and its workbook, all from {@link CheckinFigures}. */
@Controller
class CheckinFiguresController {

    private final CheckinFigures figures;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;

    CheckinFiguresController(CheckinFigures figures, AuditTrail audit, ObjectMapper json, Clock clock) {
        this.figures = figures;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/party/checkin/figures")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                CurrentUser user, Model model) throws JsonProcessingException {
        Figures f = compute(from, to, user);
        model.addAttribute("f", f);
        model.addAttribute("chartCounties", json.writeValueAsString(f.byCounty().stream()
                .map(l -> Map.of("name", l.name(), "members", l.members(), "elderly", l.elderlyVisits(),
                        "funds", l.fundsWan())).toList()));
        model.addAttribute("chartMonths", json.writeValueAsString(f.byMonth().stream()
                .map(m -> Map.of("label", m.label(), "elderly", m.elderlyVisits(),
                        "funds", NumberPhrases.wan(m.fundsYuan()))).toList()));
        return "party/checkin/figures";
    }

    @GetMapping("/api/party/checkin/figures")
    @ResponseBody
    Figures api(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                CurrentUser user) {
        return compute(from, to, user);
    }

    @GetMapping("/party/checkin/figures.xlsx")
    ResponseEntity<byte[]> excel(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                 CurrentUser user) throws IOException {
        Figures f = compute(from, to, user);
        audit.record(AuditEvent.of(AuditAction.EXPORT, "checkin_figures", user.scope().nodeId(),
                "导出党员报到成效 " + f.from() + " 至 " + f.to()));
        return Downloads.attachment(workbook(f, user.scopeName()), "党员报到成效-" + f.from() + "-" + f.to() + ".xlsx",
                Downloads.XLSX);
    }

    private Figures compute(String from, String to, CurrentUser user) {
        CheckinAccess.requireOffice(user);
        LocalDate today = LocalDate.now(clock);
        LocalDate start = FormFields.date(from, "起始日期", false);
        LocalDate end = FormFields.date(to, "截止日期", false);
        start = start == null ? today.withDayOfYear(1) : start;
        end = end == null ? today.withDayOfYear(today.lengthOfYear()) : end;
        if (end.isBefore(start)) {
            throw new BadRequestException("「截止日期」不能早于「起始日期」");
        }
        if (start.plusYears(10).isBefore(end)) {
            throw new BadRequestException("统计时段不超过十年");
        }
        return figures.of(user.scope(), start, end);
    }

    static final String[] HEAD = {"名称", "县（市、区）", "报到党员（人）", "覆盖村社（个）", "服务记录（条）",
        "走访老年群众（人次）", "争取资金（元）", "争取资金（万元）", "服务岗位（个）", "岗位名额", "已认领"};

    static byte[] workbook(Figures f, String scopeName) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            String title = scopeName + " 党员报到成效 " + f.from() + " 至 " + f.to();
            Sheet summary = book.createSheet("总体");
            summary.createRow(0).createCell(0).setCellValue(title);
            summary.createRow(1).createCell(0).setCellValue(f.sentence());
            Object[][] rows = {{"报到党员（人）", f.total().members()}, {"覆盖村社（个）", f.total().villages()},
                {"覆盖海岛（个）", f.islandsCovered()}, {"覆盖偏远小岛（个）", f.remoteIslandsCovered()},
                {"偏远小岛（个）", f.remoteIslands()}, {"服务记录（条）", f.total().logs()},
                {"走访老年群众（人次）", f.total().elderlyVisits()}, {"争取资金（元）", f.total().fundsYuan()},
                {"尚无党员报到的偏远小岛", String.join("、", f.remoteIslandsWithNobody())}};
            for (int i = 0; i < rows.length; i++) {
                Row r = summary.createRow(3 + i);
                r.createCell(0).setCellValue((String) rows[i][0]);
                set(r, 1, rows[i][1]);
            }
            lines(book, "按县区", title, f.byCounty(), f.total());
            lines(book, "按海岛", title, f.byIsland(), null);
            lines(book, "按村社", title, f.byVillage(), f.total());
            book.write(out);
            return out.toByteArray();
        }
    }

    private static void lines(XSSFWorkbook book, String name, String title, List<Line> lines, Line total) {
        Sheet s = book.createSheet(name);
        s.createRow(0).createCell(0).setCellValue(title + " " + name);
        Row h = s.createRow(2);
        for (int i = 0; i < HEAD.length; i++) {
            h.createCell(i).setCellValue(HEAD[i]);
        }
        int r = 3;
        for (Line l : total == null ? lines : java.util.stream.Stream.concat(lines.stream(),
                java.util.stream.Stream.of(total)).toList()) {
            Row row = s.createRow(r++);
            Object[] v = {l.name() + (l.remote() ? "（偏远）" : ""), l.county(), l.members(), l.villages(), l.logs(),
                l.elderlyVisits(), l.fundsYuan(), l.fundsWan(), l.posts(), l.places(), l.claimed()};
            for (int i = 0; i < v.length; i++) {
                set(row, i, v[i]);
            }
        }
    }

    private static void set(Row row, int col, Object v) {
        if (v instanceof Number n) {
            row.createCell(col).setCellValue(n instanceof BigDecimal b ? b.doubleValue() : n.doubleValue());
        } else {
            row.createCell(col).setCellValue(v == null ? "" : v.toString());
        }
    }
}
