import java.io.FileOutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Writes 亮灯 task sheets of the given row counts with POI's streaming writer: bench/out/lighting-N.xlsx. */
public class UploadFiles {
    public static void main(String[] args) throws Exception {
        String[] head = {"任务编号*", "任务名称*", "牵头单位*", "配合单位", "权重*", "目标值*", "计量单位*"};
        for (String arg : args) {
            int rows = Integer.parseInt(arg);
            try (var wb = new SXSSFWorkbook(100);
                 var out = new FileOutputStream("bench/out/lighting-" + rows + ".xlsx")) {
                var sheet = wb.createSheet("亮灯任务");
                var h = sheet.createRow(0);
                for (int i = 0; i < head.length; i++) {
                    h.createCell(i).setCellValue(head[i]);
                }
                for (int m = 1; m <= 12; m++) {
                    h.createCell(6 + m).setCellValue(m + "月计划累计%*");
                }
                h.createCell(19).setCellValue("完成时限*");
                h.createCell(20).setCellValue("来源事项");
                for (int r = 1; r <= rows; r++) {
                    var row = sheet.createRow(r);
                    row.createCell(0).setCellValue("B-" + r);
                    row.createCell(1).setCellValue("批量导入任务" + r);
                    row.createCell(2).setCellValue("定海区教育局");
                    row.createCell(4).setCellValue(1);
                    row.createCell(5).setCellValue(100);
                    row.createCell(6).setCellValue("人");
                    for (int m = 1; m <= 12; m++) {
                        row.createCell(6 + m).setCellValue(Math.min(100, m * 10));
                    }
                    row.createCell(19).setCellValue("2026-12-31");
                }
                wb.write(out);
                wb.dispose();
            }
        }
    }
}
