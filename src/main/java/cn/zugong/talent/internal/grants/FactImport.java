package cn.zugong.talent.internal.grants;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.IdNumbers;
import cn.zugong.shared.excel.SheetException;
import cn.zugong.shared.excel.XlsxReader;
import cn.zugong.talent.internal.TalentAccess;
import cn.zugong.talent.internal.TalentStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facts' Excel import (ADMIN): all or nothing, every problem by row and column. A file replaces, for each
 * talent it names, all that talent's facts of its kind (a house, rental or employment file) or the months it names
 * (a social security file) — so a corrected file is simply imported again, and the next run of an already paid
 * month turns the difference into correction lines. Talents are found by ID number (blind index) within the
 * importing user's scope; one outside it reads as not found.
 */
@Service
public class FactImport {

    static final int MAX_ROWS = 250_000;
    static final XlsxReader.Limits LIMITS = new XlsxReader.Limits(40L * 1024 * 1024, MAX_ROWS, 300);

    /** One problem: Excel row (1-based), column letter and header, message. */
    public record Problem(int row, String column, String header, String message) {
        public String text() {
            return "第 " + row + " 行 " + column + " 列（" + header + "）：" + message;
        }
    }

    public record Outcome(FactKind kind, int rows, int talents, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final TalentStore talents;
    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    FactImport(TalentStore talents, JdbcTemplate jdbc, AuditTrail audit, Clock clock) {
        this.talents = talents;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The blank template of a kind, with a sheet of instructions. */
    public byte[] template(FactKind kind) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(kind.label());
            Row head = sheet.createRow(0);
            for (int i = 0; i < kind.headers().size(); i++) {
                Cell c = head.createCell(i);
                c.setCellValue(kind.headers().get(i));
                sheet.setColumnWidth(i, 22 * 256);
            }
            Sheet help = wb.createSheet("填写说明");
            String[] lines = {"来源：" + kind.source() + "。从第 2 行起每行一条；带 * 的列为必填。",
                    "日期格式 yyyy-MM-dd；缴费月份格式 yyyy-MM；在本市缴纳填“是”或“否”。",
                    "身份证号须为人才库中已登记、在您管理范围内的人才。",
                    "导入后，文件中出现的人才在本类别下的原有记录被文件内容替换（社保按月份替换）。",
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

    /** Reads and imports the sheet; a {@link SheetException} when the file as a whole cannot be read. */
    @Transactional
    public Outcome importSheet(FactKind kind, InputStream upload, CurrentUser user) {
        TalentAccess.requireAdmin(user);
        List<Map.Entry<Integer, Map<Integer, Object>>> rows = new ArrayList<>();
        XlsxReader.read(upload, LIMITS, new XlsxReader.Rows() {
            @Override
            public void header(Map<Integer, Object> cells) {
                for (int i = 0; i < kind.headers().size(); i++) {
                    String want = kind.headers().get(i).replace("*", "");
                    String got = cells.get(i) == null ? "" : cells.get(i).toString().replace("*", "").trim();
                    if (!want.equals(got)) {
                        throw new SheetException("表头不符合模板：第 " + CellReference.convertNumToColString(i) + " 列应为“"
                                + want + "”，请下载" + kind.label() + "模板填写");
                    }
                }
            }

            @Override
            public void row(int row, Map<Integer, Object> cells) {
                rows.add(Map.entry(row, cells));
            }
        });
        List<Problem> problems = new ArrayList<>();
        List<Object[]> values = new ArrayList<>();
        Set<Long> talentIds = new LinkedHashSet<>();
        Map<String, Long> byIdNumber = talentsOf(kind, rows, user);
        Set<String> socialKeys = new java.util.HashSet<>();
        for (var entry : rows) {
            int row = entry.getKey();
            Cells c = new Cells(kind, row, entry.getValue(), problems);
            Long talent = c.talent(0, byIdNumber, user);
            Object[] v = switch (kind) {
                case HOUSE -> {
                    LocalDate date = c.date(1, true);
                    String address = c.text(2, true, 200);
                    BigDecimal area = c.number(3, new BigDecimal("5"), new BigDecimal("5000"));
                    if (date != null && date.isAfter(LocalDate.now(clock))) {
                        c.problem(1, "合同签订日期不能晚于今天");
                    }
                    yield new Object[] {talent, date == null ? null : Date.valueOf(date), address, area};
                }
                case RENTAL -> {
                    LocalDate from = c.date(1, true);
                    LocalDate to = c.date(2, false);
                    BigDecimal rent = c.number(3, new BigDecimal("100"), new BigDecimal("100000"));
                    if (from != null && to != null && to.isBefore(from)) {
                        c.problem(2, "止租日期早于起租日期");
                    }
                    yield new Object[] {talent, from == null ? null : Date.valueOf(from), to == null ? null : Date.valueOf(to), rent};
                }
                case SOCIAL -> {
                    Integer month = c.month(1);
                    Boolean inCity = c.yesNo(2);
                    if (talent != null && month != null && !socialKeys.add(talent + ":" + month)) {
                        c.problem(1, "同一人才的同一月份在文件中出现了两次");
                    }
                    yield new Object[] {talent, month, inCity};
                }
                case EMPLOYMENT -> {
                    Long employer = c.employer(1, talents);
                    LocalDate from = c.date(2, true);
                    LocalDate to = c.date(3, false);
                    if (from != null && to != null && to.isBefore(from)) {
                        c.problem(3, "离职日期早于入职日期");
                    }
                    yield new Object[] {talent, employer, from == null ? null : Date.valueOf(from), to == null ? null : Date.valueOf(to)};
                }
            };
            if (talent != null) {
                talentIds.add(talent);
            }
            values.add(v);
        }
        if (rows.isEmpty()) {
            problems.add(new Problem(2, "A", kind.headers().get(0).replace("*", ""), "文件中没有数据行"));
        }
        if (!problems.isEmpty()) {
            return new Outcome(kind, rows.size(), talentIds.size(), List.copyOf(problems));
        }
        write(kind, values, talentIds, user.username());
        audit.record(new AuditEvent(AuditAction.IMPORT, "talent_fact", kind.name(), "导入码上秒享" + kind.label() + "："
                + rows.size() + " 行，" + talentIds.size() + " 名人才", null,
                Map.of("kind", kind.name(), "rows", rows.size(), "talents", talentIds.size()), user.username()));
        return new Outcome(kind, rows.size(), talentIds.size(), List.of());
    }

    /** Records a refused import in the audit trail (the caller's transaction rolled nothing in). */
    public void auditFailure(FactKind kind, String reason, int errors, CurrentUser user) {
        audit.record(new AuditEvent(AuditAction.IMPORT_FAILED, "talent_fact", kind.name(), "导入码上秒享" + kind.label()
                + "失败：" + reason, null, Map.of("kind", kind.name(), "errors", errors), user.username()));
    }

    private void write(FactKind kind, List<Object[]> values, Set<Long> talentIds, String by) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
        List<Object[]> ids = talentIds.stream().map(id -> new Object[] {id}).toList();
        switch (kind) {
            case HOUSE -> {
                jdbc.batchUpdate("delete from talent_house_purchase where talent_id = ?", ids);
                jdbc.batchUpdate("insert into talent_house_purchase (talent_id, contract_date, address, area, imported_by, "
                        + "imported_at) values (?, ?, ?, ?, ?, ?)", with(values, by, now));
            }
            case RENTAL -> {
                jdbc.batchUpdate("delete from talent_rental where talent_id = ?", ids);
                jdbc.batchUpdate("insert into talent_rental (talent_id, from_date, to_date, monthly_rent, imported_by, "
                        + "imported_at) values (?, ?, ?, ?, ?, ?)", with(values, by, now));
            }
            case SOCIAL -> {
                jdbc.batchUpdate("delete from talent_social_security where talent_id = ? and pay_month = ?",
                        values.stream().map(v -> new Object[] {v[0], v[1]}).toList());
                jdbc.batchUpdate("insert into talent_social_security (talent_id, pay_month, paid_in_city, imported_by, "
                        + "imported_at) values (?, ?, ?, ?, ?)", with(values, by, now));
            }
            case EMPLOYMENT -> {
                jdbc.batchUpdate("delete from talent_employment where talent_id = ?", ids);
                jdbc.batchUpdate("insert into talent_employment (talent_id, employer_id, from_date, to_date, imported_by, "
                        + "imported_at) values (?, ?, ?, ?, ?, ?)", with(values, by, now));
            }
        }
    }

    private static List<Object[]> with(List<Object[]> values, String by, Timestamp now) {
        return values.stream().map(v -> {
            Object[] out = java.util.Arrays.copyOf(v, v.length + 2);
            out[v.length] = by;
            out[v.length + 1] = now;
            return out;
        }).toList();
    }

    /** The cells of one data row, checked one by one; every problem is added with its row and column. */
    /**
     * The talents of the file's ID numbers that the user may see (−1 for the others), looked up a thousand at a time
     * rather than one number at a time; {@link Cells#talent} still checks each cell and looks up any it misses.
     */
    private Map<String, Long> talentsOf(FactKind kind, List<Map.Entry<Integer, Map<Integer, Object>>> rows,
                                        CurrentUser user) {
        List<String> numbers = rows.stream()
                .map(e -> IdNumbers.normalise(new Cells(kind, e.getKey(), e.getValue(), new ArrayList<>()).raw(0)))
                .filter(n -> !n.isEmpty() && IdNumbers.problem(n).isEmpty()).distinct().toList();
        Map<String, Long> out = new HashMap<>();
        for (int i = 0; i < numbers.size(); i += 1000) {
            List<String> chunk = numbers.subList(i, Math.min(numbers.size(), i + 1000));
            Map<String, Long> ids = talents.idsByIndex(chunk);
            Set<Long> seen = new java.util.HashSet<>();
            talents.byIds(ids.values()).stream().filter(r -> TalentAccess.sees(user, r)).forEach(r -> seen.add(r.id()));
            chunk.forEach(n -> out.put(n, ids.containsKey(n) && seen.contains(ids.get(n)) ? ids.get(n) : -1L));
        }
        return out;
    }

    private final class Cells {
        private final FactKind kind;
        private final int row;
        private final Map<Integer, Object> cells;
        private final List<Problem> problems;

        Cells(FactKind kind, int row, Map<Integer, Object> cells, List<Problem> problems) {
            this.kind = kind;
            this.row = row;
            this.cells = cells;
            this.problems = problems;
        }

        void problem(int col, String message) {
            problems.add(new Problem(row, CellReference.convertNumToColString(col),
                    kind.headers().get(col).replace("*", ""), message));
        }

        String raw(int col) {
            Object v = cells.get(col);
            if (v == null) {
                return "";
            }
            return v instanceof BigDecimal b ? b.toPlainString() : v.toString().trim();
        }

        Long talent(int col, Map<String, Long> cache, CurrentUser user) {
            String value = IdNumbers.normalise(raw(col));
            if (value.isEmpty()) {
                problem(col, "必填");
                return null;
            }
            var bad = IdNumbers.problem(value);
            if (bad.isPresent()) {
                problem(col, bad.get());
                return null;
            }
            Long id = cache.computeIfAbsent(value, v -> talents.idByIdNumber(v)
                    .filter(t -> talents.find(t).filter(r -> TalentAccess.sees(user, r)).isPresent()).orElse(-1L));
            if (id < 0) {
                problem(col, "人才库中没有该身份证号的人才（或不在您的管理范围内）");
                return null;
            }
            return id;
        }

        Long employer(int col, TalentStore store) {
            String code = raw(col).toUpperCase();
            if (code.isEmpty()) {
                problem(col, "必填");
                return null;
            }
            Long id = store.employerIdByCreditCode(code).orElse(null);
            if (id == null) {
                problem(col, "人才库中没有该统一社会信用代码的用人单位：" + code);
            }
            return id;
        }

        String text(int col, boolean required, int max) {
            String v = raw(col);
            if (v.isEmpty()) {
                if (required) {
                    problem(col, "必填");
                }
                return null;
            }
            if (v.length() > max) {
                problem(col, "不能超过 " + max + " 个字");
                return null;
            }
            return v;
        }

        LocalDate date(int col, boolean required) {
            Object v = cells.get(col);
            if (v instanceof LocalDate d) {
                return d;
            }
            String s = raw(col);
            if (s.isEmpty()) {
                if (required) {
                    problem(col, "必填");
                }
                return null;
            }
            try {
                return LocalDate.parse(s.replace('/', '-'));
            } catch (DateTimeParseException e) {
                problem(col, "日期格式应为 yyyy-MM-dd：" + s);
                return null;
            }
        }

        Integer month(int col) {
            Object v = cells.get(col);
            YearMonth m = null;
            if (v instanceof LocalDate d) {
                m = YearMonth.from(d);
            } else {
                String s = raw(col);
                if (s.isEmpty()) {
                    problem(col, "必填");
                    return null;
                }
                try {
                    m = YearMonth.parse(s.replace('/', '-'));
                } catch (DateTimeParseException e) {
                    problem(col, "月份格式应为 yyyy-MM：" + s);
                    return null;
                }
            }
            if (m.getYear() < 2000 || m.isAfter(YearMonth.now(clock))) {
                problem(col, "缴费月份须在 2000 年之后、不晚于本月：" + m);
                return null;
            }
            return m.getYear() * 100 + m.getMonthValue();
        }

        Boolean yesNo(int col) {
            String s = raw(col);
            return switch (s) {
                case "是", "Y", "y", "1", "true" -> true;
                case "否", "N", "n", "0", "false" -> false;
                default -> {
                    problem(col, s.isEmpty() ? "必填" : "请填写“是”或“否”：" + s);
                    yield null;
                }
            };
        }

        BigDecimal number(int col, BigDecimal min, BigDecimal max) {
            String s = raw(col);
            if (s.isEmpty()) {
                problem(col, "必填");
                return null;
            }
            try {
                BigDecimal v = new BigDecimal(s);
                if (v.compareTo(min) < 0 || v.compareTo(max) > 0 || v.scale() > 2) {
                    problem(col, "应在 " + min.toPlainString() + " 到 " + max.toPlainString() + " 之间（至多两位小数）：" + s);
                    return null;
                }
                return v;
            } catch (NumberFormatException e) {
                problem(col, "应为数字：" + s);
                return null;
            }
        }
    }
}
