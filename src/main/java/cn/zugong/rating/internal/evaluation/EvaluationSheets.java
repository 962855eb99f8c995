package cn.zugong.rating.internal.evaluation;

import cn.zugong.rating.EvaluationScheme;
import cn.zugong.rating.PublicEvaluations;
import cn.zugong.rating.ReservePool;
import cn.zugong.rating.internal.evaluation.EvaluationService.SubjectResult;
import cn.zugong.rating.internal.evaluation.EvaluationService.VillageResult;
import cn.zugong.rating.internal.evaluation.EvaluationStore.Campaign;
import cn.zugong.rating.internal.evaluation.EvaluationStore.Village;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.excel.XlsxReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The Excel files of 双述双评双比: subjects and 村民代表 imported all-or-nothing with every error by row and column;
 * the code slips, the results and the reserve pool written. The results file has counts per grade, never a rater.
 */
@Component
class EvaluationSheets {

    static final XlsxReader.Limits LIMITS = new XlsxReader.Limits(20L * 1024 * 1024, 50_000, 4000);
    static final String[] SUBJECT_HEADERS = {"村社党组织编码", "类别", "姓名", "职务", "性别", "出生日期", "学历", "述职"};
    static final String[] RATER_HEADERS = {"村社党组织编码", "评议人编号", "姓名"};

    public record ImportError(int row, String column, String header, String message) {
    }

    public record ImportResult(int rows, List<ImportError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private final EvaluationService service;

    EvaluationSheets(EvaluationService service) {
        this.service = service;
    }

    /** Village party organisations by their code and by their village's code (both accepted in a file). */
    private Map<String, Long> villageCodes(Campaign c, CurrentUser user) {
        Map<String, Long> codes = new HashMap<>();
        for (Village v : service.villages(c, user)) {
            String[] parts = v.path().split("/");
            codes.put(parts[parts.length - 1], v.orgNodeId());
            if (parts.length >= 2) {
                codes.putIfAbsent(parts[parts.length - 2], v.orgNodeId());
            }
        }
        return codes;
    }

    /** The village party organisation a row's first cell names, or null with the row's error recorded. */
    private static Long village(Map<String, Long> villages, Map<Integer, Object> cells, int row, String[] headers,
                                List<ImportError> errors) {
        String code = text(cells, 0);
        Long org = code == null ? null : villages.get(code);
        if (org == null) {
            errors.add(error(row, 0, headers, code == null ? "不能为空"
                    : "编码 " + code + " 不是本次评议中您管理范围内的村（社区）党组织"));
        }
        return org;
    }

    ImportResult importSubjects(InputStream in, String fileName, Campaign c, CurrentUser user) {
        Map<String, Long> villages = villageCodes(c, user);
        List<ImportError> errors = new ArrayList<>();
        List<PublicEvaluations.NewSubject> rows = new ArrayList<>();
        XlsxReader.read(in, LIMITS, new XlsxReader.Rows() {
            @Override
            public void header(Map<Integer, Object> cells) {
                checkHeader(cells, SUBJECT_HEADERS, errors);
            }

            @Override
            public void row(int row, Map<Integer, Object> cells) {
                int before = errors.size();
                Long org = village(villages, cells, row, SUBJECT_HEADERS, errors);
                String kindText = text(cells, 1);
                String kind = "班子".equals(kindText) ? "ORGANISATION" : "班子成员".equals(kindText) || "成员".equals(kindText)
                        ? "MEMBER" : null;
                if (kind == null) {
                    errors.add(error(row, 1, SUBJECT_HEADERS, "应为“班子”或“班子成员”"));
                }
                LocalDate birth = null;
                String birthText = text(cells, 5);
                if (birthText != null) {
                    try {
                        birth = LocalDate.parse(birthText.replace('/', '-').replace('.', '-'));
                    } catch (DateTimeParseException e) {
                        errors.add(error(row, 5, SUBJECT_HEADERS, "日期格式应为 yyyy-MM-dd：" + birthText));
                    }
                }
                if (errors.size() > before) {
                    return;
                }
                String name = text(cells, 2);
                PublicEvaluations.NewSubject s = new PublicEvaluations.NewSubject(org, kind, name, text(cells, 3),
                        text(cells, 4), birth, text(cells, 6), null, text(cells, 7));
                String problem = EvaluationService.subjectProblem(s);
                if (problem != null) {
                    int col = problem.contains("职务") ? 3 : problem.contains("性别") ? 4 : problem.contains("述职") ? 7 : 2;
                    errors.add(error(row, col, SUBJECT_HEADERS, problem));
                } else {
                    rows.add(s);
                }
            }
        });
        if (errors.isEmpty() && rows.isEmpty()) {
            errors.add(new ImportError(2, "A", SUBJECT_HEADERS[0], "文件中没有数据行"));
        }
        if (errors.isEmpty()) {
            service.importSubjects(user, c, rows, fileName);
        }
        return new ImportResult(rows.size(), errors);
    }

    ImportResult importRaters(InputStream in, String fileName, Campaign c, CurrentUser user) {
        Map<String, Long> villages = villageCodes(c, user);
        Set<String> nos = service.raterNos(c.id());
        Set<String> seen = new HashSet<>();
        List<ImportError> errors = new ArrayList<>();
        List<PublicEvaluations.NewRater> rows = new ArrayList<>();
        XlsxReader.read(in, LIMITS, new XlsxReader.Rows() {
            @Override
            public void header(Map<Integer, Object> cells) {
                checkHeader(cells, RATER_HEADERS, errors);
            }

            @Override
            public void row(int row, Map<Integer, Object> cells) {
                int before = errors.size();
                Long org = village(villages, cells, row, RATER_HEADERS, errors);
                String no = text(cells, 1);
                if (no == null || no.length() > 20) {
                    errors.add(error(row, 1, RATER_HEADERS, "不能为空，不超过 20 个字符"));
                } else if (nos.contains(no) || !seen.add(no)) {
                    errors.add(error(row, 1, RATER_HEADERS, "评议人编号 " + no + " 重复"));
                }
                String name = text(cells, 2);
                if (name == null || name.length() > 50) {
                    errors.add(error(row, 2, RATER_HEADERS, "不能为空，不超过 50 字"));
                }
                if (errors.size() == before) {
                    rows.add(new PublicEvaluations.NewRater(org, "VILLAGER_REP", no, name, null));
                }
            }
        });
        if (errors.isEmpty() && rows.isEmpty()) {
            errors.add(new ImportError(2, "A", RATER_HEADERS[0], "文件中没有数据行"));
        }
        if (errors.isEmpty()) {
            service.addRepresentatives(user, c, rows, "导入（" + fileName + "）");
        }
        return new ImportResult(rows.size(), errors);
    }

    private static void checkHeader(Map<Integer, Object> cells, String[] headers, List<ImportError> errors) {
        for (int i = 0; i < headers.length; i++) {
            Object cell = cells.get(i);
            if (cell == null || !headers[i].equals(String.valueOf(cell).strip())) {
                errors.add(new ImportError(1, column(i), headers[i], "表头应为“" + headers[i] + "”"));
            }
        }
    }

    private static ImportError error(int row, int col, String[] headers, String message) {
        return new ImportError(row, column(col), headers[col], message);
    }

    static String column(int i) {
        return String.valueOf((char) ('A' + i));
    }

    private static String text(Map<Integer, Object> cells, int col) {
        Object v = cells.get(col);
        if (v == null) {
            return null;
        }
        String s = v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(v);
        s = s.strip();
        return s.isEmpty() ? null : s;
    }

    // ---- writers -----------------------------------------------------------------------------------------------

    byte[] slips(Campaign c, List<Object[]> slips) {
        return write(wb -> {
            Sheet sheet = wb.createSheet("评议码");
            int r = 0;
            row(sheet, r++, c.name() + "：评议码（每人一码，仅可使用一次；请裁开后分发，本文件不可再次下载同一批评议码）");
            row(sheet, r++, "乡镇（街道）", "村（社区）", "评议人编号", "姓名", "类别", "评议码", "投票网址");
            for (Object[] s : slips) {
                row(sheet, r++, s[0], s[1], s[2], s[3], s[4], s[5], "/ratings/vote");
            }
            sheet.setColumnWidth(1, 30 * 256);
            sheet.setColumnWidth(5, 14 * 256);
        });
    }

    byte[] results(Campaign c, EvaluationScheme scheme, List<VillageResult> results) {
        return write(wb -> {
            Sheet sheet = wb.createSheet("评议结果");
            int r = 0;
            row(sheet, r++, c.name() + "：评议结果（只含各等次票数，不含任何评议人信息）");
            List<Object> header = new ArrayList<>(List.of("乡镇（街道）", "村（社区）", "对象", "类别", "职务", "综合得分",
                    "等次", "乡镇评价"));
            for (EvaluationScheme.RaterGroup g : scheme.groups()) {
                for (EvaluationScheme.Grade gr : scheme.grades()) {
                    header.add(g.label() + "·" + gr.label());
                }
            }
            header.addAll(List.of("有效票", "评议人", "已投票", "参评率"));
            row(sheet, r++, header.toArray());
            for (VillageResult v : results) {
                for (SubjectResult s : v.subjects()) {
                    List<Object> line = new ArrayList<>(List.of(v.village().township() == null ? "" : v.village().township(),
                            v.village().name(), s.subject().name(), s.subject().organisation() ? "班子" : "班子成员",
                            s.subject().post() == null ? "" : s.subject().post()));
                    line.add(s.result().points());
                    line.add(label(scheme, s.result().grade()));
                    line.add(label(scheme, s.subject().townshipGrade()));
                    for (EvaluationScheme.RaterGroup g : scheme.groups()) {
                        for (EvaluationScheme.Grade gr : scheme.grades()) {
                            line.add(s.count(g.code(), gr.code()));
                        }
                    }
                    line.addAll(List.of(s.total(), v.turnout().raters(), v.turnout().voted(), v.turnout().share()));
                    row(sheet, r++, line.toArray());
                }
            }
            sheet.setColumnWidth(1, 30 * 256);
        });
    }

    byte[] reserve(List<ReservePool.Candidate> list, LocalDate today) {
        return write(wb -> {
            Sheet sheet = wb.createSheet("后备人选");
            int r = 0;
            row(sheet, r++, "序号", "村（社区）", "姓名", "性别", "出生日期", "年龄", "学历", "推荐单位（人）", "备注");
            int n = 1;
            for (ReservePool.Candidate x : list) {
                row(sheet, r++, n++, x.village(), x.name(), x.gender(), x.birthDate().toString(), x.age(today),
                        x.education(), x.recommendedBy(), x.note() == null ? "" : x.note());
            }
            sheet.setColumnWidth(1, 30 * 256);
        });
    }

    static String label(EvaluationScheme scheme, String grade) {
        return grade == null ? "" : scheme.grade(grade).map(EvaluationScheme.Grade::label).orElse(grade);
    }

    private interface Writer {
        void write(XSSFWorkbook wb);
    }

    private static byte[] write(Writer writer) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            writer.write(wb);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(Sheet sheet, int r, Object... values) {
        Row row = sheet.createRow(r);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            if (v instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else {
                row.createCell(i).setCellValue(String.valueOf(v));
            }
        }
    }
}
