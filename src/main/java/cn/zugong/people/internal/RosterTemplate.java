package cn.zugong.people.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Year;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/** The empty 干部名册 import template: header row, drop-downs and a 填写说明 sheet (small, so in memory). */
@Component
class RosterTemplate {

    static final String FILE_NAME = "干部名册导入模板.xlsx";

    private final Clock clock;

    RosterTemplate(Clock clock) {
        this.clock = clock;
    }

    byte[] build() {
        var headers = RosterColumn.layout(Year.now(clock).getValue());
        try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var styles = RosterSheets.styles(wb);
            var data = RosterSheets.dataSheet(wb, headers, styles);
            RosterSheets.guideSheet(wb, headers, styles, RosterSheets.generalNotes());
            RosterSheets.dropDowns(wb, data, headers);
            wb.setActiveSheet(0);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
