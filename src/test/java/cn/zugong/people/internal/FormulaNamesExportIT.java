package cn.zugong.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.ModuleTestDatabase;
import cn.zugong.TestClock;
import cn.zugong.TestDatabase;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.security.Accounts;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A weaker point of issue 12: names starting with =, +, @ or - are stored as typed (they are names,
 * whatever they look like) and must leave in exports as text cells, never as formulas a spreadsheet
 * would run (CSV/formula injection). Read back with POI: the cells are STRING, no cell is FORMULA.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"security", "shared"})
@AutoConfigureMockMvc
@Import({TestDatabase.class, TestClock.Config.class})
class FormulaNamesExportIT {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ModuleTestDatabase.register(registry, "people_formula_names");
    }

    static final List<String> NAMES = List.of("=1+1", "+86-1", "@SUM(A1)", "-2+3",
            "=HYPERLINK(\"http://example.invalid\",\"点我\")", "=cmd|' /C calc'!A0");

    @Autowired MockMvc mvc;
    @Autowired OrgBuilder orgBuilder;
    @Autowired OrgTree tree;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void data() {
        RosterTestData.ensure(orgBuilder, tree, accounts);
    }

    @Test
    void namesThatLookLikeFormulasAreStoredAsTypedAndExportedAsText() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int n = 0; n < NAMES.size(); n++) {
            var row = RosterFiles.person(RosterTestData.UNIT_2, "120301", n);
            row.put("姓名*", NAMES.get(n));
            rows.add(row);
        }
        mvc.perform(multipart("/api/people/import").file(new MockMultipartFile("file", "x.xlsx",
                                "application/octet-stream", RosterFiles.xlsx(rows)))
                        .with(httpBasic(RosterTestData.ADMIN, IntegrationTest.PASSWORD)))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select name from person where name in (:names)").param("names", NAMES)
                .query(String.class).list()).containsExactlyInAnyOrderElementsOf(NAMES);

        long unit = RosterTestData.node(tree, RosterTestData.UNIT_2).id();
        byte[] export = mvc.perform(get("/api/people/export.xlsx").param("nodeId", "" + unit)
                        .with(httpBasic(RosterTestData.ADMIN, IntegrationTest.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        Map<String, CellType> nameCells = new HashMap<>();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(export))) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress())
                                .isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
            Sheet data = wb.getSheetAt(0);
            for (Row row : data) {
                Cell name = row.getCell(2);
                if (name != null && name.getCellType() == CellType.STRING
                        && NAMES.contains(name.getStringCellValue())) {
                    nameCells.put(name.getStringCellValue(), name.getCellType());
                }
            }
        }
        assertThat(nameCells).hasSize(NAMES.size()).allSatisfy((name, type) ->
                assertThat(type).isEqualTo(CellType.STRING));
    }
}
