package cn.zugong.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A weaker point of issue 12 (names starting with =, +, @, - stored as typed): a service cadre's name
 * leaves the visit figures' export as a text cell, never as a formula (read back with POI).
 */
@IntegrationTest
class FormulaNamesVisitExportIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

    @Test
    void cadreNamesThatLookLikeFormulasLeaveAsText() throws Exception {
        var data = new ServiceTestData(mvc, users, jdbc);
        List<String> names = new ArrayList<>();
        for (String start : List.of("=1+1", "+1", "@SUM(A1)", "-1", "=HYPERLINK(\"http://x.invalid\",\"点\")")) {
            String name = start + ServiceTestData.unique("干部");
            data.cadre("dinghai", "330902", name);
            names.add(name);
        }
        byte[] export = mvc.perform(get("/service/figures/export?period=year&year=2026").with(users.page("dinghai")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<String> found = new ArrayList<>();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(export))) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress())
                                .isNotEqualTo(CellType.FORMULA);
                        if (cell.getCellType() == CellType.STRING && names.contains(cell.getStringCellValue())) {
                            found.add(cell.getStringCellValue());
                        }
                    }
                }
            }
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(names);
    }
}
