package cn.zugong.cadre.internal.training;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.cadre.internal.CadreAccess;
import cn.zugong.cadre.internal.training.TrainingService.Mark;
import cn.zugong.cadre.internal.training.TrainingViews.Session;
import cn.zugong.cadre.internal.training.TrainingViews.TrainingClass;
import cn.zugong.people.PersonCard;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.excel.SheetException;
import cn.zugong.shared.excel.XlsxReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrolment and attendance of a class from Excel (ADMIN or REVIEWER of the class's scope): all or nothing, every
 * problem listed with the file, row, column and field. People are named by 人员编号 (the roster's id, shown on the
 * class page and in the template) with their name as a check; sessions by their date.
 */
@Service
class TrainingImport {

    static final List<String> ENROL_HEADERS = List.of("人员编号*", "姓名*");
    static final List<String> ATTEND_HEADERS = List.of("人员编号*", "姓名*", "上课日期*", "考勤*");
    static final XlsxReader.Limits LIMITS = new XlsxReader.Limits(10L * 1024 * 1024, 20_000, 200);

    /** One problem of a file: the file's name, the row (as Excel shows it), the column letter and the field. */
    public record Problem(String file, int row, String column, String field, String message) {
        public String text() {
            return file + " 第 " + row + " 行 " + column + " 列（" + field + "）：" + message;
        }
    }

    /** What an import did: the rows read and written, or the problems (then nothing was written). */
    public record Outcome(int rows, int written, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final TrainingService service;
    private final TrainingStore store;
    private final CadreAccess access;
    private final AuditTrail audit;

    TrainingImport(TrainingService service, TrainingStore store, CadreAccess access, AuditTrail audit) {
        this.service = service;
        this.store = store;
        this.access = access;
        this.audit = audit;
    }

    /** The template of a class: the headers and, for attendance, one row per enrolled person and session. */
    byte[] template(CurrentUser user, long classId, boolean attendance) {
        TrainingClass c = service.visibleClass(user, classId);
        List<String> headers = attendance ? ATTEND_HEADERS : ENROL_HEADERS;
        try (XSSFWorkbook wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(attendance ? "考勤" : "报名");
            var head = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                head.createCell(i).setCellValue(headers.get(i));
                sheet.setColumnWidth(i, 16 * 256);
            }
            if (attendance) {
                int r = 1;
                for (Session s : store.sessionsOf(c.id())) {
                    for (var e : store.enrolmentsOf(c.id())) {
                        var row = sheet.createRow(r++);
                        row.createCell(0).setCellValue(e.personId());
                        row.createCell(1).setCellValue(e.personName());
                        row.createCell(2).setCellValue(s.heldOn().toString());
                        row.createCell(3).setCellValue("出勤");
                    }
                }
            }
            Sheet help = wb.createSheet("填写说明");
            String[] lines = attendance
                    ? new String[] {"每行为一名学员一个课次的考勤；带 * 的列为必填。人员编号见班次页面的学员名单。",
                            "上课日期格式 yyyy-MM-dd，须为本班次已设课次的日期；考勤填 出勤、缺勤 或 请假。",
                            "任何一行有错误时整个文件都不导入，请按错误清单修改后重新上传。"}
                    : new String[] {"每行为一名报名学员；人员编号为干部名册中的编号，姓名用于核对。",
                            "学员须在主办单位范围内在职；已报名的人员不能重复报名；报名总人数不能超过班次容量。",
                            "任何一行有错误时整个文件都不导入，请按错误清单修改后重新上传。"};
            for (int i = 0; i < lines.length; i++) {
                help.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional
    public Outcome enrolments(CurrentUser user, long classId, String file, InputStream upload) {
        TrainingClass c = service.visibleClass(user, classId);
        access.requireWrite(user, c.nodePath());
        store.lockClass(c.id());
        List<Map.Entry<Integer, Map<Integer, Object>>> rows = read(upload, ENROL_HEADERS);
        List<Problem> problems = new ArrayList<>();
        Map<Long, PersonCard> found = service.cards(c, ids(rows));
        Map<Long, Long> enrolled = store.enrolmentIds(c.id());
        Map<Long, Integer> seen = new LinkedHashMap<>();
        for (var e : rows) {
            Cells cells = new Cells(file, e.getKey(), e.getValue(), ENROL_HEADERS, problems);
            PersonCard p = cells.person(found);
            if (p == null) {
                continue;
            }
            if (enrolled.containsKey(p.id())) {
                cells.problem(0, p.name() + " 已报名本班次，不能重复报名");
            } else if (seen.containsKey(p.id())) {
                cells.problem(0, "与第 " + seen.get(p.id()) + " 行是同一人员");
            } else {
                seen.put(p.id(), e.getKey());
                if (enrolled.size() + seen.size() == c.capacity() + 1) {
                    cells.problem(0, "超过班次容量：容量 " + c.capacity() + " 人，已报名 " + enrolled.size() + " 人");
                }
            }
        }
        if (rows.isEmpty()) {
            problems.add(new Problem(file, 2, "A", "人员编号", "文件中没有数据行"));
        }
        if (!problems.isEmpty()) {
            refused(c, file, problems);
            return new Outcome(rows.size(), 0, List.copyOf(problems));
        }
        service.enrol(user, c.id(), List.copyOf(seen.keySet()), "导入（" + file + "）");
        return new Outcome(rows.size(), seen.size(), List.of());
    }

    @Transactional
    public Outcome attendance(CurrentUser user, long classId, String file, InputStream upload) {
        TrainingClass c = service.visibleClass(user, classId);
        access.requireWrite(user, c.nodePath());
        List<Map.Entry<Integer, Map<Integer, Object>>> rows = read(upload, ATTEND_HEADERS);
        List<Problem> problems = new ArrayList<>();
        if (c.online()) {
            problems.add(new Problem(file, 1, "C", "上课日期", "网络课程按完成学时计，不设面授课次，不能导入考勤"));
        }
        Map<Long, PersonCard> found = service.cards(c, ids(rows));
        Map<Long, Long> enrolled = store.enrolmentIds(c.id());
        Map<LocalDate, List<Session>> sessions = new LinkedHashMap<>();
        store.sessionsOf(c.id()).forEach(s -> sessions.computeIfAbsent(s.heldOn(), k -> new ArrayList<>()).add(s));
        Set<String> seen = new HashSet<>();
        List<Mark> marks = new ArrayList<>();
        for (var e : rows) {
            Cells cells = new Cells(file, e.getKey(), e.getValue(), ATTEND_HEADERS, problems);
            PersonCard p = cells.person(found);
            if (p != null && !enrolled.containsKey(p.id())) {
                cells.problem(0, p.name() + " 未报名本班次，不能登记考勤");
                p = null;
            }
            Session s = null;
            String day = cells.raw(2);
            if (day == null) {
                cells.problem(2, "必填");
            } else {
                try {
                    LocalDate d = LocalDate.parse(day);
                    List<Session> ofDay = sessions.getOrDefault(d, List.of());
                    if (ofDay.isEmpty()) {
                        cells.problem(2, "本班次在 " + d + " 没有课次");
                    } else if (ofDay.size() > 1) {
                        cells.problem(2, "本班次在 " + d + " 有 " + ofDay.size() + " 个课次，请在页面上逐个登记");
                    } else {
                        s = ofDay.get(0);
                    }
                } catch (java.time.format.DateTimeParseException x) {
                    cells.problem(2, "应为日期（如 2026-03-01）：" + day);
                }
            }
            String status = TrainingViews.statusOf(cells.raw(3));
            if (status == null) {
                cells.problem(3, "应为 出勤、缺勤 或 请假：" + (cells.raw(3) == null ? "（空）" : cells.raw(3)));
            }
            if (p != null && s != null && status != null) {
                if (!seen.add(p.id() + ":" + s.id())) {
                    cells.problem(0, p.name() + " 在 " + s.heldOn() + " 的考勤在文件中出现了两次");
                } else {
                    marks.add(new Mark(s, p.id(), enrolled.get(p.id()), status));
                }
            }
        }
        if (rows.isEmpty()) {
            problems.add(new Problem(file, 2, "A", "人员编号", "文件中没有数据行"));
        }
        if (!problems.isEmpty()) {
            refused(c, file, problems);
            return new Outcome(rows.size(), 0, List.copyOf(problems));
        }
        service.record(c, marks, user.username());
        return new Outcome(rows.size(), marks.size(), List.of());
    }

    private void refused(TrainingClass c, String file, List<Problem> problems) {
        audit.record(AuditEvent.of(AuditAction.IMPORT_FAILED, "training_class", c.id(),
                "「" + c.name() + "」导入 " + file + " 未通过：" + problems.size() + " 处错误，未写入任何数据"));
    }

    private static List<Map.Entry<Integer, Map<Integer, Object>>> read(InputStream upload, List<String> headers) {
        List<Map.Entry<Integer, Map<Integer, Object>>> rows = new ArrayList<>();
        XlsxReader.read(upload, LIMITS, new XlsxReader.Rows() {
            @Override
            public void header(Map<Integer, Object> cells) {
                for (int i = 0; i < headers.size(); i++) {
                    String want = headers.get(i).replace("*", "");
                    String got = cells.get(i) == null ? "" : cells.get(i).toString().replace("*", "").strip();
                    if (!want.equals(got)) {
                        throw new SheetException("表头不符合模板：第 " + CellReference.convertNumToColString(i) + " 列应为“"
                                + want + "”，请下载导入模板填写");
                    }
                }
            }

            @Override
            public void row(int row, Map<Integer, Object> cells) {
                rows.add(Map.entry(row, cells));
            }
        });
        return rows;
    }

    private static Set<Long> ids(List<Map.Entry<Integer, Map<Integer, Object>>> rows) {
        Set<Long> ids = new HashSet<>();
        rows.forEach(e -> {
            Long id = number(e.getValue().get(0));
            if (id != null) {
                ids.add(id);
            }
        });
        return ids;
    }

    static Long number(Object cell) {
        if (cell == null) {
            return null;
        }
        try {
            return new BigDecimal(cell.toString().strip()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** One row's cells and the problems found in it. */
    private record Cells(String file, int row, Map<Integer, Object> cells, List<String> headers, List<Problem> problems) {

        String raw(int col) {
            Object v = cells.get(col);
            String s = v == null ? null : v.toString().strip();
            return s == null || s.isEmpty() ? null : s;
        }

        void problem(int col, String message) {
            problems.add(new Problem(file, row, CellReference.convertNumToColString(col),
                    headers.get(col).replace("*", ""), message));
        }

        /** The person the row names (id in the class's scope, name matching), or null with the problem noted. */
        PersonCard person(Map<Long, PersonCard> found) {
            String rawId = raw(0);
            String name = raw(1);
            if (rawId == null) {
                problem(0, "必填");
                return null;
            }
            Long id = number(rawId);
            if (id == null) {
                problem(0, "应为数字编号：" + rawId);
                return null;
            }
            PersonCard p = found.get(id);
            if (p == null) {
                problem(0, "人员不存在或不在主办单位范围内：" + id);
                return null;
            }
            if (name == null) {
                problem(1, "必填");
                return null;
            }
            if (!name.equals(p.name())) {
                problem(1, "与人员编号 " + id + " 的姓名（" + p.name() + "）不符：" + name);
                return null;
            }
            return p;
        }
    }
}
