package cn.zugong.talent.internal.registry;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.IdNumbers;
import cn.zugong.shared.Masking;
import cn.zugong.shared.excel.SheetException;
import cn.zugong.shared.excel.XlsxReader;
import cn.zugong.talent.Credential;
import cn.zugong.talent.CredentialKind;
import cn.zugong.talent.NewTalent;
import cn.zugong.talent.internal.Classification;
import cn.zugong.talent.internal.EmployerRecord;
import cn.zugong.talent.internal.SheetImport.ImportError;
import cn.zugong.talent.internal.SheetImport.ImportResult;
import cn.zugong.talent.internal.TalentAccess;
import cn.zugong.talent.internal.TalentRecord;
import cn.zugong.talent.internal.TalentSearch;
import cn.zugong.talent.internal.TalentStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry in Excel: the template (with a sheet of the classification's codes), the import (all or nothing:
 * every error by row, column and field; the employer by its 统一社会信用代码, credentials as columns of codes or
 * Chinese names separated by 、) and the export of a filtered list (ID number and phone masked).
 */
@Service
class RegistryExcel {

    static final String[] HEADERS = {"姓名", "性别", "身份证号", "手机号", "电子邮箱", "所属区域代码", "用人单位统一社会信用代码",
            "人才类别", "所属领域", "学历", "毕业院校", "专业", "年薪（元）", "到岗日期", "职称", "奖项", "人才计划"};
    static final String TEMPLATE_NAME = "人才库导入模板.xlsx";
    static final XlsxReader.Limits LIMITS = new XlsxReader.Limits(10L * 1024 * 1024, 5_000, 500);
    static final int MAX_EXPORT = 50_000;

    private final TalentStore store;
    private final RegistryService service;
    private final OrgTree tree;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    RegistryExcel(TalentStore store, RegistryService service, OrgTree tree, AuditTrail audit, TransactionTemplate tx) {
        this.store = store;
        this.service = service;
        this.tree = tree;
        this.audit = audit;
        this.tx = tx;
    }

    byte[] template() {
        Classification c = service.classification();
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("人才");
            Row h = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                h.createCell(i).setCellValue(HEADERS[i]);
                sheet.setColumnWidth(i, 16 * 256);
            }
            var text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            sheet.setDefaultColumnStyle(2, text);
            sheet.setDefaultColumnStyle(3, text);
            sheet.setDefaultColumnStyle(5, text);
            sheet.setDefaultColumnStyle(6, text);
            Sheet codes = wb.createSheet("代码表");
            int r = 0;
            codes.createRow(r++).createCell(0).setCellValue("填写说明：带代码的列可填代码或中文名称；职称、奖项、人才计划可填多个，用“、”分隔。"
                    + "性别、出生日期以身份证号为准（性别可不填，填写时须与身份证号一致）。所属区域代码为区县行政区划代码（如 330902）。");
            r = list(codes, r + 1, "人才类别", c.categories());
            Map<String, String> fields = new LinkedHashMap<>();
            c.fields().forEach(f -> fields.put(f.code(), f.name() + (f.key() ? "（自贸重点领域）" : "")));
            r = list(codes, r, "所属领域", fields);
            r = list(codes, r, "学历", c.education());
            r = list(codes, r, "职称", c.titles());
            r = list(codes, r, "奖项", c.awards());
            list(codes, r, "人才计划", c.programmes());
            codes.setColumnWidth(0, 24 * 256);
            codes.setColumnWidth(1, 40 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int list(Sheet sheet, int r, String title, Map<String, String> codes) {
        sheet.createRow(r++).createCell(0).setCellValue(title);
        for (var e : codes.entrySet()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(e.getKey());
            row.createCell(1).setCellValue(e.getValue());
        }
        return r + 1;
    }

    private record Parsed(int row, Map<Integer, Object> cells) {
    }

    /** Imports after the ADMIN check; nothing is saved unless every row is right. Failures are audited. */
    ImportResult run(InputStream upload, String fileName, CurrentUser user) {
        TalentAccess.requireAdmin(user);
        List<Parsed> rows = new ArrayList<>();
        List<String> headerProblems = new ArrayList<>();
        try {
            XlsxReader.read(upload, LIMITS, new XlsxReader.Rows() {
                @Override
                public void header(Map<Integer, Object> cells) {
                    for (int i = 0; i < HEADERS.length; i++) {
                        Object v = cells.get(i);
                        String s = v == null ? "" : String.valueOf(v).strip().replace("*", "");
                        if (!HEADERS[i].equals(s)) {
                            headerProblems.add(CellReference.convertNumToColString(i) + " 列应为“" + HEADERS[i]
                                    + "”，实际为“" + shorten(s) + "”");
                        }
                    }
                }

                @Override
                public void row(int row, Map<Integer, Object> cells) {
                    rows.add(new Parsed(row, cells));
                }
            });
        } catch (SheetException e) {
            failed(fileName, e.getMessage());
            throw e;
        }
        if (!headerProblems.isEmpty()) {
            String m = "表头与模板不一致，请下载最新模板：" + String.join("；", headerProblems);
            failed(fileName, m);
            throw new SheetException(m);
        }
        if (rows.isEmpty()) {
            failed(fileName, "文件中没有数据行");
            throw new SheetException("文件中没有数据行：请从第 2 行起填写人才信息");
        }
        List<ImportError> errors = new ArrayList<>();
        List<NewTalent> talents = check(rows, user, errors);
        if (!errors.isEmpty()) {
            failed(fileName, errors.size() + " 处错误，首个：" + errors.get(0).text());
            return new ImportResult(rows.size(), errors);
        }
        tx.executeWithoutResult(s -> {
            for (NewTalent t : talents) {
                store.insert(t, user.username());
            }
            audit.record(new AuditEvent(AuditAction.IMPORT, "talent", null, "导入人才库：" + shorten(fileName) + "，共 "
                    + talents.size() + " 人", null, Map.of("rows", talents.size()), null));
        });
        return new ImportResult(rows.size(), List.of());
    }

    private void failed(String fileName, String reason) {
        audit.record(new AuditEvent(AuditAction.IMPORT_FAILED, "talent", null, "导入人才库失败：" + shorten(fileName) + "，"
                + shorten(reason), null, null, null));
    }

    private static String shorten(String s) {
        if (s == null || s.isBlank()) {
            return "（无）";
        }
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }

    private List<NewTalent> check(List<Parsed> rows, CurrentUser user, List<ImportError> errors) {
        Classification c = service.classification();
        Set<Long> allowedNodes = new HashSet<>();
        Map<String, OrgNode> nodesByCode = new HashMap<>();
        for (OrgNode n : service.talentNodes(user)) {
            allowedNodes.add(n.id());
            nodesByCode.put(n.code(), n);
        }
        Set<String> creditCodes = new HashSet<>();
        Set<String> idNumbers = new HashSet<>();
        for (Parsed p : rows) {
            String code = text(p.cells().get(6));
            if (code != null) {
                creditCodes.add(code.toUpperCase(Locale.ROOT));
            }
            String id = text(p.cells().get(2));
            if (id != null) {
                idNumbers.add(IdNumbers.normalise(id));
            }
        }
        Map<String, EmployerRecord> employers = store.employersByCode(creditCodes);
        Map<String, Long> existing = store.idsByIndex(idNumbers.stream().filter(IdNumbers::looksLikeOne).toList());
        Map<String, Integer> seen = new HashMap<>();
        List<NewTalent> out = new ArrayList<>();
        for (Parsed p : rows) {
            Line r = new Line(p, errors);
            String name = r.required(0);
            if (name != null && name.length() > 50) {
                r.error(0, "姓名过长（不超过 50 个字）");
            }
            String id = r.required(2);
            String gender = null;
            LocalDate birth = null;
            if (id != null) {
                id = IdNumbers.normalise(id);
                var problem = IdNumbers.problem(id);
                if (problem.isPresent()) {
                    r.error(2, problem.get());
                    id = null;
                } else {
                    gender = RegistryService.genderOf(id);
                    birth = IdNumbers.birthDate(id).orElseThrow();
                    Integer first = seen.putIfAbsent(id, p.row());
                    if (first != null) {
                        r.error(2, "身份证号与第 " + first + " 行重复");
                    } else if (existing.containsKey(id)) {
                        r.error(2, "该身份证号已在人才库中");
                    }
                }
            }
            String g = r.text(1);
            if (g != null && !g.equals("男") && !g.equals("女")) {
                r.error(1, "性别只能为“男”或“女”");
            } else if (g != null && gender != null && !g.equals(gender)) {
                r.error(1, "性别与身份证号不一致：身份证号显示为“" + gender + "”");
            }
            String phone = r.text(3);
            if (phone != null && !phone.matches("1[3-9][0-9]{9}")) {
                r.error(3, "手机号格式不正确：应为 11 位手机号码");
            }
            String email = r.text(4);
            if (email != null && (email.length() > 100 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
                r.error(4, "电子邮箱格式不正确");
            }
            String nodeCode = r.required(5);
            OrgNode node = null;
            if (nodeCode != null) {
                node = nodesByCode.get(nodeCode);
                if (node == null) {
                    r.error(5, "区域代码不存在或不在您的管理范围内：" + nodeCode + "（可填：" + String.join("、",
                            nodesByCode.keySet().stream().sorted().toList()) + "）");
                }
            }
            String credit = r.text(6);
            Long employerId = null;
            if (credit != null) {
                credit = credit.toUpperCase(Locale.ROOT);
                var problem = cn.zugong.talent.CreditCodes.problem(credit);
                if (problem.isPresent()) {
                    r.error(6, problem.get());
                } else {
                    EmployerRecord e = employers.get(credit);
                    if (e == null || !user.scope().contains(e.nodePath())) {
                        r.error(6, "用人单位未登记或不在您的管理范围内：" + credit + "（请先在“用人单位”中登记）");
                    } else {
                        employerId = e.id();
                    }
                }
            }
            String category = r.code(7, c.categories());
            Map<String, String> fieldNames = new LinkedHashMap<>();
            c.fields().forEach(f -> fieldNames.put(f.code(), f.name()));
            String field = r.code(8, fieldNames);
            String education = r.code(9, c.education());
            String school = r.max(10, 100);
            String major = r.max(11, 100);
            BigDecimal salary = r.decimal(12);
            LocalDate arrived = r.date(13);
            List<Credential> credentials = new ArrayList<>();
            credentials.addAll(r.credentials(14, CredentialKind.TITLE, c.titles()));
            credentials.addAll(r.credentials(15, CredentialKind.AWARD, c.awards()));
            credentials.addAll(r.credentials(16, CredentialKind.PROGRAMME, c.programmes()));
            if (!r.failed) {
                out.add(new NewTalent(node.id(), employerId, name, gender, birth, id, phone, email, category, field,
                        education, school, major, salary, arrived, credentials));
            }
        }
        return out;
    }

    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        String s = v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(v);
        s = s.strip();
        return s.isEmpty() ? null : s;
    }

    /** One data row being checked: each problem is added with its row, column and header. */
    private static final class Line {
        private final Parsed p;
        private final List<ImportError> errors;
        boolean failed;

        Line(Parsed p, List<ImportError> errors) {
            this.p = p;
            this.errors = errors;
        }

        void error(int col, String message) {
            failed = true;
            errors.add(new ImportError(p.row(), CellReference.convertNumToColString(col), HEADERS[col], message));
        }

        String text(int col) {
            return RegistryExcel.text(p.cells().get(col));
        }

        String required(int col) {
            String s = text(col);
            if (s == null) {
                error(col, "必填项，不能为空");
            }
            return s;
        }

        String max(int col, int max) {
            String s = text(col);
            if (s != null && s.length() > max) {
                error(col, HEADERS[col] + "过长（不超过 " + max + " 个字）");
            }
            return s;
        }

        /** A code of the classification, written as the code or its Chinese name. */
        String code(int col, Map<String, String> names) {
            String s = required(col);
            if (s == null) {
                return null;
            }
            String found = resolve(s, names);
            if (found == null) {
                error(col, "“" + cut(s) + "”不在分类目录中（可填代码或名称，见模板的“代码表”）");
            }
            return found;
        }

        List<Credential> credentials(int col, CredentialKind kind, Map<String, String> names) {
            String s = text(col);
            if (s == null) {
                return List.of();
            }
            List<Credential> out = new ArrayList<>();
            for (String part : s.split("[、，,;；\\n]+")) {
                String item = part.strip();
                if (item.isEmpty()) {
                    continue;
                }
                String code = resolve(item, names);
                if (code == null) {
                    error(col, kind.label() + "“" + cut(item) + "”不在分类目录中（可填代码或名称，多个用“、”分隔）");
                } else if (out.stream().noneMatch(c -> c.code().equals(code))) {
                    out.add(new Credential(kind, code, null, null));
                }
            }
            return out;
        }

        BigDecimal decimal(int col) {
            Object v = p.cells().get(col);
            if (v == null) {
                return null;
            }
            BigDecimal d;
            if (v instanceof BigDecimal b) {
                d = b;
            } else {
                try {
                    d = new BigDecimal(String.valueOf(v).strip().replace(",", ""));
                } catch (NumberFormatException e) {
                    error(col, "应为数字（元），实际为“" + cut(String.valueOf(v)) + "”");
                    return null;
                }
            }
            if (d.signum() < 0 || d.compareTo(new BigDecimal("9999999999")) > 0) {
                error(col, "年薪应在 0 至 9,999,999,999 元之间");
                return null;
            }
            return d.setScale(2, java.math.RoundingMode.HALF_UP);
        }

        LocalDate date(int col) {
            Object v = p.cells().get(col);
            if (v == null) {
                return null;
            }
            if (v instanceof LocalDate d) {
                return d;
            }
            try {
                return LocalDate.parse(String.valueOf(v).strip().replace('/', '-'));
            } catch (java.time.format.DateTimeParseException e) {
                error(col, "日期格式不正确：应为 年-月-日（如 2025-07-01）");
                return null;
            }
        }

        private static String resolve(String s, Map<String, String> names) {
            if (names.containsKey(s.toUpperCase(Locale.ROOT))) {
                return s.toUpperCase(Locale.ROOT);
            }
            for (var e : names.entrySet()) {
                if (e.getValue().equals(s)) {
                    return e.getKey();
                }
            }
            return null;
        }

        private static String cut(String s) {
            return s.length() <= 30 ? s : s.substring(0, 30) + "…";
        }
    }

    /** The filtered list, masked; at most {@link #MAX_EXPORT} rows; audited by the caller. */
    int export(TalentSearch q, CurrentUser user, OutputStream out) throws IOException {
        Classification c = service.classification();
        Set<String> keys = service.keyFields();
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet("人才库");
            String[] headers = {"姓名", "性别", "出生年月", "身份证号（脱敏）", "手机号（脱敏）", "所属区域", "用人单位", "人才类别",
                    "所属领域", "学历", "毕业院校", "专业", "年薪（元）", "到岗日期", "人才层次", "认定途径", "有效期至", "职称", "奖项", "人才计划"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                h.createCell(i).setCellValue(headers[i]);
            }
            int r = 1;
            int offset = 0;
            while (r <= MAX_EXPORT) {
                List<TalentRecord> page = store.search(q, keys, user.scope(), 1000, offset);
                if (page.isEmpty()) {
                    break;
                }
                Map<Long, OrgNode> nodes = tree.byIds(page.stream().map(TalentRecord::nodeId).distinct().toList());
                for (TalentRecord t : page) {
                    if (r > MAX_EXPORT) {
                        break;
                    }
                    Row row = sheet.createRow(r++);
                    int i = 0;
                    row.createCell(i++).setCellValue(t.name());
                    row.createCell(i++).setCellValue(t.gender());
                    row.createCell(i++).setCellValue(RegistryApiController.monthOf(t.birthDate()));
                    row.createCell(i++).setCellValue(Masking.idNumber(t.idNumber()));
                    row.createCell(i++).setCellValue(Masking.phone(t.phone()));
                    OrgNode n = nodes.get(t.nodeId());
                    row.createCell(i++).setCellValue(n == null ? "" : n.name());
                    row.createCell(i++).setCellValue(t.employerName() == null ? "" : t.employerName());
                    row.createCell(i++).setCellValue(c.categories().getOrDefault(t.category(), t.category()));
                    row.createCell(i++).setCellValue(c.field(t.field()).map(Classification.Field::name).orElse(t.field()));
                    row.createCell(i++).setCellValue(c.education().getOrDefault(t.education(), t.education()));
                    row.createCell(i++).setCellValue(t.school() == null ? "" : t.school());
                    row.createCell(i++).setCellValue(t.major() == null ? "" : t.major());
                    if (t.annualSalary() != null) {
                        row.createCell(i).setCellValue(t.annualSalary().doubleValue());
                    }
                    i++;
                    row.createCell(i++).setCellValue(t.arrivedOn() == null ? "" : t.arrivedOn().toString());
                    row.createCell(i++).setCellValue(t.level() == null ? "未认定"
                            : c.level(t.level()).map(Classification.Level::label).orElse(t.level()));
                    row.createCell(i++).setCellValue(route(t.levelRoute()));
                    row.createCell(i++).setCellValue(t.levelUntil() == null ? "" : t.levelUntil().toString());
                    for (CredentialKind k : CredentialKind.values()) {
                        row.createCell(i++).setCellValue(String.join("、", t.credentials().stream()
                                .filter(x -> x.kind() == k).map(x -> c.credentials(k).getOrDefault(x.code(), x.code()))
                                .toList()));
                    }
                }
                offset += page.size();
            }
            wb.write(out);
            wb.dispose();
            return r - 1;
        }
    }

    static String route(String route) {
        if (route == null) {
            return "";
        }
        return switch (route) {
            case "REGULAR" -> "常规认定";
            case "SPECIAL" -> "特殊认定";
            case "NOMINATED" -> "举荐认定";
            default -> route;
        };
    }

}
