package cn.zugong.talent.internal.directory;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.shared.excel.SheetException;
import cn.zugong.shared.excel.XlsxReader;
import cn.zugong.talent.CreditCodes;
import cn.zugong.talent.internal.EmployerRecord;
import cn.zugong.talent.internal.SheetImport.ImportError;
import cn.zugong.talent.internal.SheetImport.ImportResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;

/**
 * The directory in Excel: the figures template (统一社会信用代码, 企业名称, one column per figure of the scheme), the
 * yearly import (all or nothing, every error by row and column) and the export of a year's ranked directory.
 */
@Service
class DirectoryExcel {

    static final XlsxReader.Limits LIMITS = new XlsxReader.Limits(10L * 1024 * 1024, 20_000, 200);
    static final BigDecimal MAX = new BigDecimal("99999999999999");

    private final DirectoryBook book;
    private final AuditTrail audit;

    DirectoryExcel(DirectoryBook book, AuditTrail audit) {
        this.book = book;
        this.audit = audit;
    }

    List<String> headers() {
        List<String> h = new ArrayList<>(List.of("统一社会信用代码", "企业名称"));
        book.scheme().figures().forEach(f -> h.add(f.header()));
        return h;
    }

    byte[] template() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("企业指标");
            List<String> headers = headers();
            Row h = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                h.createCell(i).setCellValue(headers.get(i));
                sheet.setColumnWidth(i, (i == 1 ? 30 : 20) * 256);
            }
            var text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            sheet.setDefaultColumnStyle(0, text);
            Sheet about = wb.createSheet("说明");
            int r = 0;
            about.createRow(r++).createCell(0).setCellValue(book.scheme().name() + "：每家企业一行，按统一社会信用代码对应已登记的用人单位（企业）；"
                    + "指标为空表示没有该项数据（按最低计）。得分 = " + book.scheme().scale().toPlainString()
                    + " × Σ 权重 × 标准化值（最小–最大标准化）。");
            for (var f : book.scheme().figures()) {
                Row row = about.createRow(r++);
                row.createCell(0).setCellValue(f.header());
                row.createCell(1).setCellValue(f.group());
                row.createCell(2).setCellValue("权重 " + f.weight().toPlainString());
                row.createCell(3).setCellValue(f.higher() ? "越高越好" : "越低越好");
            }
            about.setColumnWidth(0, 40 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Imports a year's figures, all or nothing (the caller checked the right and the year). */
    ImportResult run(int year, InputStream upload, String fileName, String by) {
        List<String> headers = headers();
        List<Map.Entry<Integer, Map<Integer, Object>>> rows = new ArrayList<>();
        List<String> headerProblems = new ArrayList<>();
        try {
            XlsxReader.read(upload, LIMITS, new XlsxReader.Rows() {
                @Override
                public void header(Map<Integer, Object> cells) {
                    for (int i = 0; i < headers.size(); i++) {
                        Object v = cells.get(i);
                        String s = v == null ? "" : String.valueOf(v).strip();
                        boolean ok = headers.get(i).equals(s) || i >= 2
                                && (book.scheme().figures().get(i - 2).code().equals(s)
                                || book.scheme().figures().get(i - 2).name().equals(s));
                        if (!ok) {
                            headerProblems.add(CellReference.convertNumToColString(i) + " 列应为“" + headers.get(i)
                                    + "”，实际为“" + cut(s) + "”");
                        }
                    }
                }

                @Override
                public void row(int row, Map<Integer, Object> cells) {
                    rows.add(Map.entry(row, cells));
                }
            });
        } catch (SheetException e) {
            failed(year, fileName, e.getMessage(), by);
            throw e;
        }
        if (!headerProblems.isEmpty()) {
            String m = "表头与模板不一致，请下载最新模板：" + String.join("；", headerProblems);
            failed(year, fileName, m, by);
            throw new SheetException(m);
        }
        if (rows.isEmpty()) {
            failed(year, fileName, "没有数据行", by);
            throw new SheetException("文件中没有数据行：请从第 2 行起每家企业填写一行");
        }
        Map<String, EmployerRecord> enterprises = book.enterprises();
        List<ImportError> errors = new ArrayList<>();
        Map<Long, Map<String, BigDecimal>> figures = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (var r : rows) {
            int row = r.getKey();
            Map<Integer, Object> cells = r.getValue();
            Object codeCell = cells.get(0);
            String code = codeCell == null ? null : String.valueOf(codeCell).strip().toUpperCase(Locale.ROOT);
            EmployerRecord e = null;
            if (code == null || code.isEmpty()) {
                errors.add(error(row, 0, headers, "必填项，不能为空"));
            } else {
                var problem = CreditCodes.problem(code);
                if (problem.isPresent()) {
                    errors.add(error(row, 0, headers, problem.get()));
                } else if (seen.putIfAbsent(code, row) != null) {
                    errors.add(error(row, 0, headers, "与第 " + seen.get(code) + " 行重复"));
                } else {
                    e = enterprises.get(code);
                    if (e == null) {
                        errors.add(error(row, 0, headers, "该代码没有登记为企业类用人单位：" + code
                                + "（事业单位不参加自贸企业认定；企业请先在“用人单位”中登记）"));
                    }
                }
            }
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            for (int i = 0; i < book.scheme().figures().size(); i++) {
                var f = book.scheme().figures().get(i);
                Object v = cells.get(i + 2);
                if (v == null) {
                    continue;
                }
                BigDecimal d = null;
                if (v instanceof BigDecimal b) {
                    d = b;
                } else {
                    try {
                        d = new BigDecimal(String.valueOf(v).strip().replace(",", ""));
                    } catch (NumberFormatException ex) {
                        errors.add(error(row, i + 2, headers, "应为数字（" + f.unit() + "），实际为“" + cut(String.valueOf(v)) + "”"));
                    }
                }
                if (d != null && (d.signum() < 0 || d.compareTo(MAX) > 0)) {
                    errors.add(error(row, i + 2, headers, "应在 0 至 " + MAX.toPlainString() + " 之间"));
                } else if (d != null) {
                    values.put(f.code(), d.setScale(Math.min(4, Math.max(0, d.scale())), java.math.RoundingMode.HALF_UP));
                }
            }
            if (e != null) {
                figures.put(e.id(), values);
            }
        }
        if (!errors.isEmpty()) {
            failed(year, fileName, errors.size() + " 处错误，首个：" + errors.get(0).text(), by);
            return new ImportResult(rows.size(), errors);
        }
        book.replaceFigures(year, figures, cut(fileName == null ? "（无文件名）" : fileName), by);
        return new ImportResult(rows.size(), List.of());
    }

    private static ImportError error(int row, int col, List<String> headers, String message) {
        return new ImportError(row, CellReference.convertNumToColString(col), headers.get(col), message);
    }

    private void failed(int year, String fileName, String reason, String by) {
        audit.record(new AuditEvent(AuditAction.IMPORT_FAILED, "talent_enterprise_figure", String.valueOf(year),
                "导入 " + year + " 年度自贸企业指标失败：" + cut(fileName == null ? "（无文件名）" : fileName) + "，" + cut(reason),
                null, null, by));
    }

    private static String cut(String s) {
        return s == null ? "" : s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }

    /** A year's directory: rank, enterprise, score, each figure, listed or not. */
    void export(int year, OutputStream out) throws IOException {
        DirectoryBook.Year y = book.year(year).orElse(null);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(year + "年度自贸企业目录");
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(year + " 年度自贸企业目录（" + (y != null && y.published() ? "已发布 "
                    + y.publishedAt().toLocalDate() : "未发布") + "；入选线：" + (y == null ? "未设定" : y.cutoffText()) + "）");
            List<String> headers = new ArrayList<>(List.of("排名", "统一社会信用代码", "企业名称", "所属区域", "得分"));
            book.scheme().figures().forEach(f -> headers.add(f.header()));
            headers.add("是否入选");
            Row h = sheet.createRow(1);
            for (int i = 0; i < headers.size(); i++) {
                h.createCell(i).setCellValue(headers.get(i));
            }
            int r = 2;
            for (DirectoryBook.Entry e : book.entries(year)) {
                Row row = sheet.createRow(r++);
                int i = 0;
                if (e.ranking() > 0) {
                    row.createCell(i).setCellValue(e.ranking());
                }
                i++;
                row.createCell(i++).setCellValue(e.creditCode());
                row.createCell(i++).setCellValue(e.name());
                row.createCell(i++).setCellValue(e.nodeName());
                if (e.score() != null) {
                    row.createCell(i).setCellValue(e.score().doubleValue());
                }
                i++;
                for (var f : book.scheme().figures()) {
                    BigDecimal v = e.figures().get(f.code());
                    if (v != null) {
                        row.createCell(i).setCellValue(v.doubleValue());
                    }
                    i++;
                }
                row.createCell(i).setCellValue(e.listed() ? "入选" : "");
            }
            sheet.setColumnWidth(1, 22 * 256);
            sheet.setColumnWidth(2, 32 * 256);
            wb.write(out);
        }
    }
}
