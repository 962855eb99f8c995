package cn.zugong.prosperity.internal.joint;

import cn.zugong.prosperity.JointFigures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The figures as a workbook: row 0 the title, row 2 the header, one line per county, the total last. */
final class JointExcel {

    static final List<String> HEADER = List.of("县（区）", "联建组织", "成员单位", "结对单位", "共建项目", "项目成效",
            "争取资金（元）", "服务群众（人次）", "村集体增收（元）");

    private JointExcel() {
    }

    static byte[] figures(String title, JointFigures.Figures f) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet s = book.createSheet("按县区");
            s.createRow(0).createCell(0).setCellValue(title);
            Row h = s.createRow(2);
            for (int i = 0; i < HEADER.size(); i++) {
                h.createCell(i).setCellValue(HEADER.get(i));
            }
            List<JointFigures.Row> rows = new ArrayList<>(f.byCounty());
            rows.add(f.total());
            int r = 3;
            for (JointFigures.Row x : rows) {
                Row row = s.createRow(r++);
                row.createCell(0).setCellValue(x.countyName());
                double[] v = {x.committees(), x.members(), x.pairs(), x.projects(), x.results(),
                    x.fundsYuan().doubleValue(), x.peopleServed(), x.incomeYuan().doubleValue()};
                for (int i = 0; i < v.length; i++) {
                    row.createCell(i + 1).setCellValue(v[i]);
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
