package cn.zugong.prosperity.internal.workshops;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.prosperity.WorkshopPeriod;
import cn.zugong.prosperity.internal.workshops.LedgerCheck.Checked;
import cn.zugong.prosperity.internal.workshops.WorkshopStore.Filter;
import cn.zugong.prosperity.internal.workshops.WorkshopStore.Ledger;
import cn.zugong.prosperity.internal.workshops.WorkshopStore.Row;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.excel.SheetException;
import cn.zugong.shared.excel.XlsxReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly ledger's Excel import (ADMIN or REPORTER): all or nothing, every problem by row, column and field. A
 * row names its workshop by 工坊编号 (the template lists the caller's workshops with theirs); a month already in the
 * ledger is corrected (the old values go to the change trail, as on the phone page).
 */
@Service
class LedgerImport {

    static final List<String> HEADERS = List.of("工坊编号*", "工坊名称", "月份*", "用工人数*", "其中低收入农户",
            "发放工资（元）*", "销售额（元）*", "村集体增收（元）*");
    static final XlsxReader.Limits LIMITS = new XlsxReader.Limits(10L * 1024 * 1024, 50_000, 200);

    record Problem(int row, String column, String header, String message) {
        public String text() {
            return "第 " + row + " 行 " + column + " 列（" + header + "）：" + message;
        }
    }

    record Outcome(int rows, int added, int corrected, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final WorkshopStore store;
    private final AuditTrail audit;
    private final Clock clock;

    LedgerImport(WorkshopStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** The template: the headers, the caller's operating workshops (编号, 名称, last month) and a sheet of help. */
    byte[] template(CurrentUser user) {
        Access.requireLedgerWrite(user);
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        List<Row> workshops = store.list(user.scope(), new Filter(null, null, "OPEN", null), 0, 5000);
        try (XSSFWorkbook wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("月度台账");
            var head = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                head.createCell(i).setCellValue(HEADERS.get(i));
                sheet.setColumnWidth(i, (i == 1 ? 30 : 16) * 256);
            }
            int r = 1;
            for (Row w : workshops) {
                var row = sheet.createRow(r++);
                row.createCell(0).setCellValue(w.id());
                row.createCell(1).setCellValue(w.name());
                row.createCell(2).setCellValue(last.toString());
            }
            Sheet help = wb.createSheet("填写说明");
            String[] lines = {"每行为一个工坊一个月的台账；带 * 的列为必填。已列出您管理范围内运营中的工坊及上月月份，填写数字即可，不填的行请删除。",
                    "月份格式 yyyy-MM，不能晚于本月，不能早于工坊成立的月份。人数为整数，金额单位为元（至多两位小数）。",
                    "其中低收入农户不能多于用工人数；同一工坊同一月份在文件中只能出现一次。",
                    "已填报过的月份将被文件中的数值更正，原数值保留在更正记录中。",
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
    public Outcome importSheet(InputStream upload, CurrentUser user) {
        Access.requireLedgerWrite(user);
        List<Map.Entry<Integer, Map<Integer, Object>>> rows = new ArrayList<>();
        XlsxReader.read(upload, LIMITS, new XlsxReader.Rows() {
            @Override
            public void header(Map<Integer, Object> cells) {
                for (int i = 0; i < HEADERS.size(); i++) {
                    String want = HEADERS.get(i).replace("*", "");
                    String got = cells.get(i) == null ? "" : cells.get(i).toString().replace("*", "").strip();
                    if (!want.equals(got)) {
                        throw new SheetException("表头不符合模板：第 " + CellReference.convertNumToColString(i) + " 列应为“"
                                + want + "”，请下载月度台账导入模板填写");
                    }
                }
            }

            @Override
            public void row(int row, Map<Integer, Object> cells) {
                rows.add(Map.entry(row, cells));
            }
        });
        List<Problem> problems = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        for (var e : rows) {
            Long id = id(e.getValue().get(0));
            if (id != null) {
                ids.add(id);
            }
        }
        Map<Long, Row> workshops = store.inScope(ids, user.scope());
        Map<String, Ledger> existing = store.ledgers(workshops.keySet());
        YearMonth now = YearMonth.now(clock);
        LocalDateTime at = LocalDateTime.now(clock);
        Set<String> seen = new HashSet<>();
        List<Ledger> added = new ArrayList<>();
        List<Ledger> replaced = new ArrayList<>();
        List<Ledger> corrections = new ArrayList<>();
        for (var e : rows) {
            Cells c = new Cells(e.getKey(), e.getValue(), problems);
            Row w = c.workshop(workshops);
            Checked<YearMonth> month = c.month(now, w);
            Checked<Integer> employed = c.check(3, LedgerCheck.people(c.raw(3), true));
            Checked<Integer> low = c.check(4, LedgerCheck.people(c.raw(4), false));
            Checked<BigDecimal> wages = c.check(5, LedgerCheck.money(c.raw(5)));
            Checked<BigDecimal> sales = c.check(6, LedgerCheck.money(c.raw(6)));
            Checked<BigDecimal> collective = c.check(7, LedgerCheck.money(c.raw(7)));
            if (employed.ok() && low.ok()) {
                LedgerCheck.lowIncome(employed.value(), low.value()).ifPresent(p -> c.problem(4, p));
            }
            if (w == null || !month.ok()) {
                continue;
            }
            int key = WorkshopPeriod.key(month.value());
            if (!seen.add(w.id() + ":" + key)) {
                c.problem(2, "同一工坊的同一月份在文件中出现了两次：" + month.value());
                continue;
            }
            if (employed.ok() && low.ok() && wages.ok() && sales.ok() && collective.ok()) {
                Ledger row = new Ledger(w.id(), key, employed.value(), low.value(), wages.value(), sales.value(),
                        collective.value(), "IMPORT", user.username(), at, 0);
                Ledger before = existing.get(w.id() + ":" + key);
                if (before == null) {
                    added.add(row);
                } else {
                    replaced.add(before);
                    corrections.add(row);
                }
            }
        }
        if (rows.isEmpty()) {
            problems.add(new Problem(2, "A", "工坊编号", "文件中没有数据行"));
        }
        if (!problems.isEmpty()) {
            return new Outcome(rows.size(), 0, 0, List.copyOf(problems));
        }
        store.insertLedger(added);
        store.replaceLedger(replaced, corrections);
        audit.record(new AuditEvent(AuditAction.IMPORT, "workshop_ledger", null, "导入共富工坊月度台账：" + rows.size()
                + " 行，新增 " + added.size() + " 行，更正 " + corrections.size() + " 行", null,
                Map.of("rows", rows.size(), "added", added.size(), "corrected", corrections.size()), user.username()));
        return new Outcome(rows.size(), added.size(), corrections.size(), List.of());
    }

    /** Records a refused import (nothing was saved). */
    void auditFailure(String reason, int errors, CurrentUser user) {
        audit.record(new AuditEvent(AuditAction.IMPORT_FAILED, "workshop_ledger", null, "导入共富工坊月度台账失败："
                + reason, null, Map.of("errors", errors), user.username()));
    }

    private static Long id(Object cell) {
        try {
            return cell instanceof BigDecimal b ? b.longValueExact()
                    : cell == null ? null : Long.valueOf(cell.toString().strip());
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    /** One data row's cells; each problem is added with its row, column and header. */
    private static final class Cells {
        private final int row;
        private final Map<Integer, Object> cells;
        private final List<Problem> problems;

        Cells(int row, Map<Integer, Object> cells, List<Problem> problems) {
            this.row = row;
            this.cells = cells;
            this.problems = problems;
        }

        void problem(int col, String message) {
            problems.add(new Problem(row, CellReference.convertNumToColString(col), HEADERS.get(col).replace("*", ""),
                    message));
        }

        String raw(int col) {
            Object v = cells.get(col);
            if (v == null) {
                return "";
            }
            return v instanceof BigDecimal b ? b.toPlainString() : v.toString().strip();
        }

        <T> Checked<T> check(int col, Checked<T> c) {
            if (!c.ok()) {
                problem(col, c.problem());
            }
            return c;
        }

        Row workshop(Map<Long, Row> workshops) {
            String raw = raw(0);
            if (raw.isEmpty()) {
                problem(0, "必填");
                return null;
            }
            Long id = id(cells.get(0));
            Row w = id == null ? null : workshops.get(id);
            if (w == null) {
                problem(0, "没有该编号的共富工坊（或不在您的管理范围内）：" + raw);
                return null;
            }
            String name = raw(1);
            if (!name.isEmpty() && !name.equals(w.name())) {
                problem(1, "与编号 " + id + " 的工坊名称“" + w.name() + "”不符：" + name);
            }
            return w;
        }

        Checked<YearMonth> month(YearMonth now, Row w) {
            YearMonth started = w == null ? null : YearMonth.from(w.startedOn());
            YearMonth closed = w == null || w.closedOn() == null ? null : YearMonth.from(w.closedOn());
            Object v = cells.get(2);
            Checked<YearMonth> c = v instanceof LocalDate d ? LedgerCheck.month(YearMonth.from(d), now, started, closed)
                    : LedgerCheck.month(raw(2), now, started, closed);
            return check(2, c);
        }
    }
}
