package cn.zugong.audit.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/** The filtered trail as .xlsx, streamed (SXSSF window, database cursor): memory stays flat. */
@Component
class AuditExcel {

    static final String[] HEADERS = {"序号", "时间", "用户", "角色", "IP 地址", "操作", "对象类型", "对象ID", "摘要",
        "变更前", "变更后", "前序哈希", "哈希"};
    /** An .xlsx sheet holds 1,048,576 rows, one of them the header. */
    static final long MAX_ROWS = 1_048_575;
    private static final int CELL_MAX = 32_767;

    private final AuditQueries queries;

    AuditExcel(AuditQueries queries) {
        this.queries = queries;
    }

    /** Writes the workbook; returns the number of entries. */
    long write(AuditFilter filter, OutputStream out) {
        SXSSFWorkbook wb = new SXSSFWorkbook(500);
        try (wb) {
            wb.setCompressTempFiles(true);
            Sheet sheet = wb.createSheet("审计日志");
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                var cell = header.createCell(i);
                cell.setCellValue(HEADERS[i]);
                cell.setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            int[] r = {0};
            long count = queries.each(filter, MAX_ROWS, e -> {
                Row row = sheet.createRow(++r[0]);
                row.createCell(0).setCellValue(e.id());
                Object[] values = {e.atText(), e.actor(), e.actorRole(), e.clientIp(), e.actionLabel(),
                    e.objectType(), e.objectId(), e.summary(), e.beforeJson(), e.afterJson(), e.prevHash(), e.hash()};
                for (int i = 0; i < values.length; i++) {
                    if (values[i] != null) {
                        String text = values[i].toString();
                        row.createCell(i + 1).setCellValue(text.length() > CELL_MAX ? text.substring(0, CELL_MAX) : text);
                    }
                }
            });
            wb.write(out);
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
