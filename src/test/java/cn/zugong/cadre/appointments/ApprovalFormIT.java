package cn.zugong.cadre.appointments;

import static cn.zugong.TestUsers.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.audit.AuditLog;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgTree;
import cn.zugong.people.PersonRow;
import cn.zugong.people.RosterWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The 干部任免审批表 as Word, parsed back with POI and checked against the roster (basic facts, 简历 from the history,
 * 奖惩, 年度考核), the profile and family kept here (family encrypted at rest), the photo in its box; the file opens
 * in LibreOffice as one page when soffice is installed.
 */
@IntegrationTest
class ApprovalFormIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired OrgBuilder org;
    @Autowired OrgTree tree;
    @Autowired RosterWriter roster;

    @Test
    void theFormShowsTheRosterAndTheProfile() throws Exception {
        AppointmentFixture f = new AppointmentFixture(org, tree, "Q");
        long p = AppointmentFixture.person(roster, f.a, "审批", "一级主任科员", null,
                Map.of(2023, "称职", 2024, "优秀", 2025, "优秀"),
                List.of(new PersonRow.YearNote(2024, "嘉奖"), new PersonRow.YearNote(2022, "记三等功")));
        String name = jdbc.sql("select name from person where id = :p").param("p", p).query(String.class).single();
        // a rank promotion made on 2026-06-15 through the procedure
        long id = create("/api/cadres/appointments", "{\"personId\":\"" + p + "\",\"kind\":\"RANK_PROMOTION\","
                + "\"targetRank\":\"四级调研员\",\"targetPost\":\"任用甲局四级调研员\",\"leavePost\":\"一级主任科员\","
                + "\"reason\":\"工作需要，经考察符合晋升条件\",\"proposedOn\":\"2026-03-02\"}");
        step(id, "RECOMMENDATION", "2026-04-01", null);
        step(id, "INSPECTION", "2026-04-20", null);
        step(id, "DECISION", "2026-05-12", null);
        step(id, "PUBLICITY", "2026-05-18", "2026-05-25");
        step(id, "APPOINTMENT", "2026-06-15", null);
        // what the roster lacks, through the API; family names encrypted at rest
        mvc.perform(post("/api/cadres/appointments/people/" + p + "/profile").with(api("dinghai"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"nativePlace":"浙江宁波","birthplace":"浙江舟山","health":"健康","techTitle":"无",
                         "speciality":"海洋经济","ftSchool":"浙江大学法学院法学专业","isSchool":"中央党校研究生院经济管理专业",
                         "family":"妻子 林晓燕 1984 中共党员 舟山市某中学教师\\n儿子 陈子涵 2010 共青团员 舟山中学学生"}
                        """)).andExpect(status().isOk());
        assertThat(jdbc.sql("select name from cadre_family where person_id = :p order by sort_order").param("p", p)
                .query(String.class).list()).allSatisfy(n -> assertThat(n).startsWith("v1:").doesNotContain("林晓燕"));
        // the family in a bad line is refused with its line number
        mvc.perform(post("/api/cadres/appointments/people/" + p + "/profile").with(api("dinghai"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"family\":\"妻子 林晓燕 一九八四 群众\"}"))
                .andExpect(status().isBadRequest());
        // the photo through the page
        mvc.perform(multipart("/cadres/appointments/people/" + p + "/photo").file(new MockMultipartFile("photo",
                "photo.png", "image/png", png())).with(users.page("dinghai")).with(
                csrf()))
                .andExpect(status().is3xxRedirection());
        long marker = AuditLog.last(jdbc);
        byte[] docx = mvc.perform(get("/api/cadres/appointments/people/" + p + "/form.docx?appointment=" + id)
                .with(api("dinghai"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(AuditLog.since(jdbc, marker)).anySatisfy(e -> assertThat(e.summary()).contains("任免审批表", name));

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("干部任免审批表");
            XWPFTable t = doc.getTables().get(0);
            assertThat(after(t, "姓  名")).isEqualTo(name);
            assertThat(after(t, "性  别")).isEqualTo("男");
            String birth = jdbc.sql("select birth_date from person where id = :p").param("p", p)
                    .query(java.time.LocalDate.class).single().toString();
            assertThat(after(t, "出生年月（  岁）")).startsWith(birth.substring(0, 4) + "." + birth.substring(5, 7))
                    .contains(java.time.Period.between(java.time.LocalDate.parse(birth), java.time.LocalDate.of(2026, 12, 4))
                            .getYears() + "岁");
            assertThat(after(t, "民  族")).isEqualTo("汉族");
            assertThat(after(t, "籍  贯")).isEqualTo("浙江宁波");
            assertThat(after(t, "出 生 地")).isEqualTo("浙江舟山");
            assertThat(after(t, "健康状况")).isEqualTo("健康");
            assertThat(after(t, "参加工作时间")).isEqualTo("2004.07");
            assertThat(after(t, "全日制教  育")).isEqualTo("大学本科学士");
            assertThat(after(t, "在  职教  育")).isEqualTo("研究生硕士");
            assertThat(after(t, "拟任职务")).isEqualTo("任用甲局四级调研员（四级调研员）");
            assertThat(after(t, "拟免职务")).isEqualTo("一级主任科员");
            String unit = "任用" + AppointmentFixture.RUN + "Q甲局";
            // 简历 from the roster history: before and after the 任职 of 2026-06-15
            assertThat(lines(t, "简历")).containsExactly("2015.03—2026.06  " + unit + "一级主任科员",
                    "2026.06—         " + unit + "四级调研员");
            assertThat(after(t, "奖惩情况")).isEqualTo("2024年嘉奖；2022年记三等功。");
            assertThat(after(t, "年度考核结果")).isEqualTo("2023年度称职；2024年度优秀；2025年度优秀");
            assertThat(after(t, "任免理由")).isEqualTo("工作需要，经考察符合晋升条件");
            assertThat(rowTexts(t)).anySatisfy(r -> assertThat(r).containsSequence("妻子", "林晓燕", "42", "中共党员",
                    "舟山市某中学教师"));
            assertThat(rowTexts(t)).anySatisfy(r -> assertThat(r).containsSequence("儿子", "陈子涵", "16"));
            assertThat(text(t)).contains("呈报单位", "审批机关意见", "行政机关任免意", "家庭主要成员及重要社会关系");
            assertThat(doc.getAllPictures()).hasSize(1);
        }
        opensInLibreOffice(docx);
    }

    private long create(String path, String body) throws Exception {
        String answer = mvc.perform(post(path)
                        .with(api("dinghai")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer).get("id").asLong();
    }

    private void step(long id, String step, String on, String ends) throws Exception {
        mvc.perform(post(
                        "/api/cadres/appointments/" + id + "/steps").with(api("dinghai"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"step\":\"" + step + "\",\"doneOn\":\"" + on + "\""
                        + (ends == null ? "" : ",\"endsOn\":\"" + ends + "\"") + "}")).andExpect(status().isOk());
    }

    /** The text of the cell right of the label cell (labels compared without line breaks). */
    static String after(XWPFTable t, String label) {
        for (XWPFTableRow row : t.getRows()) {
            List<XWPFTableCell> cells = row.getTableCells();
            for (int i = 0; i + 1 < cells.size(); i++) {
                if (flat(cells.get(i)).equals(label.replace("\n", ""))) {
                    return flat(cells.get(i + 1));
                }
            }
        }
        throw new AssertionError("no label " + label + " in " + text(t));
    }

    static List<String> lines(XWPFTable t, String label) {
        for (XWPFTableRow row : t.getRows()) {
            List<XWPFTableCell> cells = row.getTableCells();
            if (flat(cells.get(0)).equals(label)) {
                return cells.get(1).getParagraphs().stream().map(p -> p.getText()).filter(s -> !s.isBlank()).toList();
            }
        }
        throw new AssertionError("no " + label);
    }

    static String flat(XWPFTableCell c) {
        return c.getParagraphs().stream().map(p -> p.getText()).reduce("", String::concat).strip();
    }

    static List<List<String>> rowTexts(XWPFTable t) {
        List<List<String>> out = new ArrayList<>();
        t.getRows().forEach(r -> out.add(r.getTableCells().stream().map(ApprovalFormIT::flat).toList()));
        return out;
    }

    static String text(XWPFTable t) {
        return String.join("|", rowTexts(t).stream().map(r -> String.join("|", r)).toList()).replace("\n", "");
    }

    static byte[] png() throws Exception {
        var image = new java.awt.image.BufferedImage(90, 120, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new java.awt.Color(70, 110, 180));
        g.fillRect(0, 0, 90, 120);
        g.setColor(java.awt.Color.WHITE);
        g.fillOval(25, 20, 40, 45);
        g.fillRect(15, 75, 60, 45);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** When soffice is installed: converts the file to PDF and checks it is one page. */
    static void opensInLibreOffice(byte[] docx) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/soffice"))) {
            return; // the bench requires LibreOffice; the unit check stays runnable without it
        }
        Path dir = Files.createTempDirectory("approval-form");
        Path file = dir.resolve("form.docx");
        Files.write(file, docx);
        Process soffice = new ProcessBuilder("soffice", "-env:UserInstallation=file://" + dir.resolve("profile"),
                "--headless", "--convert-to", "pdf", "--outdir", dir.toString(), file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
        assertThat(soffice.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Path pdf = dir.resolve("form.pdf");
        assertThat(pdf).exists();
        String raw = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        assertThat(raw.split("/Type\\s*/Page[^s]", -1).length - 1).isEqualTo(1);
    }
}
