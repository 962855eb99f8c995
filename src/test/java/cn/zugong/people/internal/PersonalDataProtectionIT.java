package cn.zugong.people.internal;

import static cn.zugong.TestUsers.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.shared.IdNumbers;
import cn.zugong.shared.Masking;
import cn.zugong.shared.crypto.BlindIndex;
import cn.zugong.shared.crypto.FieldCipher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * ID numbers and phones at rest and on screen (ADR 006): nothing in clear in the database, exact
 * search through the blind index inside the scope, unmask only for allowed roles inside the scope
 * and always audited, and the encrypt-in-place runner for rows written before V7.
 */
@IntegrationTest
class PersonalDataProtectionIT {

    private static final String DINGHAI = "/33/3309/330902/";
    private static final String PUTUO = "/33/3309/330903/";
    private static final String ID_PATTERN = "\\d{17}[\\dX]";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;
    @Autowired FieldCipher cipher;
    @Autowired BlindIndex index;
    @Autowired PersonalDataEncryption encryption;

    private record Person(long id, String name, String idNumber, String phone) {
    }

    private Person firstPersonUnder(String path) {
        return jdbc.sql("""
                        select p.id, p.name, p.id_number, p.phone from person p join org_node u on u.id = p.unit_id
                        where u.path like :path and p.phone is not null order by p.id limit 1
                        """).param("path", path + "%")
                .query((rs, i) -> new Person(rs.getLong(1), rs.getString(2),
                        cipher.decrypt(rs.getString(3), "person.id_number"), cipher.decrypt(rs.getString(4), "person.phone")))
                .single();
    }

    private long unmaskEntries() {
        return jdbc.sql("select count(*) from audit_entry where action = 'UNMASK'").query(Long.class).single();
    }

    private String body(RequestBuilder request, int status) throws Exception {
        return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theDatabaseHoldsNoPlaintextIdNumbersOrPhones() {
        for (String table : List.of("person", "party_member")) {
            List<String[]> rows = jdbc.sql("select id_number, phone, id_number_idx from " + table)
                    .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
            assertThat(rows).as(table).hasSizeGreaterThan(1000);
            assertThat(rows).as(table + ".id_number").allSatisfy(r -> assertThat(r[0]).startsWith("v1:")
                    .doesNotMatch(".*" + ID_PATTERN + ".*"));
            assertThat(rows).as(table + ".phone").allSatisfy(r -> {
                if (r[1] != null) {
                    assertThat(r[1]).startsWith("v1:").doesNotMatch(".*1[3-9]\\d{9}.*");
                }
            });
            assertThat(rows).as(table + ".id_number_idx").allSatisfy(r -> assertThat(r[2]).matches("[0-9a-f]{64}"));
            assertThat(rows.stream().filter(r -> r[1] != null)).as(table + " has phones").isNotEmpty();
            // and the stored values decrypt to valid ID numbers
            assertThat(IdNumbers.problem(cipher.decrypt(rows.get(0)[0], table + ".id_number"))).isEmpty();
        }
    }

    @Test
    void wholeIdNumberSearchUsesTheBlindIndexInsideTheScope() throws Exception {
        Person dinghai = firstPersonUnder(DINGHAI);
        Person putuo = firstPersonUnder(PUTUO);
        JsonNode found = json.readTree(body(get("/api/people").param("q", dinghai.idNumber()).with(api("dinghai")), 200));
        assertThat(found.get("total").asLong()).isOne();
        assertThat(found.get("items").get(0).get("id").asLong()).isEqualTo(dinghai.id());
        assertThat(found.get("items").get(0).get("idNumberMasked").asText()).isEqualTo(Masking.idNumber(dinghai.idNumber()));
        // lower-case check character and surrounding blanks are the same number
        JsonNode lower = json.readTree(body(get("/api/people").param("q", " " + dinghai.idNumber().toLowerCase() + " ")
                .with(api("admin")), 200));
        assertThat(lower.get("total").asLong()).isOne();
        // a 普陀区 person's number finds nothing for the 定海区 officer
        JsonNode outside = json.readTree(body(get("/api/people").param("q", putuo.idNumber()).with(api("dinghai")), 200));
        assertThat(outside.get("total").asLong()).isZero();
        String page = body(get("/people").param("q", dinghai.idNumber()).with(users.page("dinghai")), 200);
        // the number appears only where the user typed it (the search box), never in the results
        assertThat(page).contains(dinghai.name(), Masking.idNumber(dinghai.idNumber()));
        assertThat(page.replace("value=\"" + dinghai.idNumber() + "\"", "").replace("q=" + dinghai.idNumber(), ""))
                .doesNotContain(dinghai.idNumber());
    }

    @Test
    void adminUnmasksThroughTheApiAndEveryUnmaskIsAudited() throws Exception {
        Person p = firstPersonUnder(DINGHAI);
        long before = unmaskEntries();
        JsonNode id = json.readTree(body(post("/api/people/" + p.id() + "/unmask").param("field", "idNumber")
                .with(api("admin")), 200));
        assertThat(id.get("value").asText()).isEqualTo(p.idNumber());
        mvc.perform(post("/api/people/" + p.id() + "/unmask").param("field", "phone").with(api("dinghai")))
                .andExpect(status().isOk()).andExpect(header().string("Cache-Control", "no-store"));
        assertThat(unmaskEntries()).isEqualTo(before + 2);
        var entry = jdbc.sql("select actor, object_type, object_id, summary from audit_entry where action = 'UNMASK' "
                        + "order by id desc limit 2")
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}).list();
        assertThat(entry.get(1)).containsExactly("admin", "person", String.valueOf(p.id()), entry.get(1)[3]);
        assertThat(entry.get(1)[3]).contains("idNumber").doesNotContain(p.idNumber());
        assertThat(entry.get(0)[0]).isEqualTo("dinghai");
        assertThat(entry.get(0)[3]).contains("phone").doesNotContain(p.phone());
        assertThat(body(post("/api/people/" + p.id() + "/unmask").param("field", "name").with(api("admin")), 400))
                .doesNotContain(p.idNumber());
    }

    @Test
    void adminUnmasksOnThePersonPageWithHtmxAndCsrf() throws Exception {
        Person p = firstPersonUnder(DINGHAI);
        String page = body(get("/people/" + p.id()).with(users.page("admin")), 200);
        assertThat(page).contains("显示", "/people/" + p.id() + "/unmask?field=idNumber", "hx-post")
                .doesNotContain(p.idNumber(), p.phone());
        long before = unmaskEntries();
        body(post("/people/" + p.id() + "/unmask").param("field", "idNumber").with(users.page("admin")), 403); // no CSRF token
        assertThat(unmaskEntries()).isEqualTo(before);
        String cell = body(post("/people/" + p.id() + "/unmask").param("field", "idNumber")
                .header("HX-Request", "true").with(users.page("admin")).with(csrf()), 200);
        assertThat(cell).contains(p.idNumber()).doesNotContain("<html");
        assertThat(unmaskEntries()).isEqualTo(before + 1);
    }

    @Test
    void rolesThatMayNotUnmaskGet403AndNoButton() throws Exception {
        Person p = firstPersonUnder(DINGHAI);
        long before = unmaskEntries();
        for (String user : List.of("leader", "reviewer", "reporter")) {
            if (!"reporter".equals(user)) {
                assertThat(body(get("/people/" + p.id()).with(users.page(user)), 200)).as(user)
                        .doesNotContain("/unmask").doesNotContain(p.idNumber());
            }
            for (String field : List.of("idNumber", "phone")) {
                assertThat(body(post("/api/people/" + p.id() + "/unmask").param("field", field).with(api(user)), 403))
                        .as(user).doesNotContain(p.idNumber(), p.phone());
                assertThat(body(post("/people/" + p.id() + "/unmask").param("field", field)
                        .with(users.page(user)).with(csrf()), 403)).as(user).doesNotContain(p.idNumber(), p.phone());
            }
        }
        assertThat(unmaskEntries()).isEqualTo(before);
    }

    @Test
    void unmaskOutsideTheScopeIs404() throws Exception {
        Person putuo = firstPersonUnder(PUTUO);
        long before = unmaskEntries();
        assertThat(body(post("/api/people/" + putuo.id() + "/unmask").param("field", "idNumber").with(api("dinghai")), 404))
                .doesNotContain(putuo.idNumber(), putuo.name());
        assertThat(body(post("/people/" + putuo.id() + "/unmask").param("field", "phone")
                .with(users.page("dinghai")).with(csrf()), 404)).doesNotContain(putuo.phone(), putuo.name());
        body(post("/api/people/999999999/unmask").param("field", "idNumber").with(api("admin")), 404);
        assertThat(unmaskEntries()).isEqualTo(before);
    }

    @Test
    void encryptInPlaceConvertsPlaintextRowsOnceAndIsIdempotent() throws Exception {
        long unitId = jdbc.sql("select p.unit_id from person p join org_node u on u.id = p.unit_id where u.path like :p "
                + "order by p.id limit 1").param("p", DINGHAI + "%").query(Long.class).single();
        long branchId = jdbc.sql("select node_id from party_org o join org_node n on n.id = o.node_id "
                + "where n.path like :p order by node_id limit 1").param("p", DINGHAI + "%").query(Long.class).single();
        String idNumber = IdNumbers.of("110199", LocalDate.of(1980, 1, 1), 777);
        String memberId = IdNumbers.of("110199", LocalDate.of(1981, 2, 3), 778);
        long personId = 9_000_000_001L;
        jdbc.sql("""
                insert into person (id, unit_id, name, gender, birth_date, id_number, phone, ethnicity, political_status,
                                    staff_kind, rank_level, joined_unit_date, source)
                values (:id, :unit, '旧数据测试', '男', date '1980-01-01', :idNumber, '13900001111', '汉族', '中共党员',
                        '公务员', '一级科员', date '2010-01-01', '考录')
                """).param("id", personId).param("unit", unitId).param("idNumber", idNumber).update();
        jdbc.sql("""
                insert into party_member (branch_id, name, gender, birth_date, id_number, phone, joined_party_date, status)
                values (:branch, '旧党员测试', '女', date '1981-02-03', :idNumber, '13900002222', date '2005-07-01', '正式党员')
                """).param("branch", branchId).param("idNumber", memberId).update();
        try {
            assertThat(encryption.process("person", PersonalDataEncryption.Mode.IN_PLACE)).isEqualTo(1);
            assertThat(encryption.process("party_member", PersonalDataEncryption.Mode.IN_PLACE)).isEqualTo(1);
            String[] stored = jdbc.sql("select id_number, phone, id_number_idx from person where id = :id").param("id", personId)
                    .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).single();
            assertThat(stored[0]).startsWith("v1:").doesNotContain(idNumber);
            assertThat(cipher.decrypt(stored[0], "person.id_number")).isEqualTo(idNumber);
            assertThat(cipher.decrypt(stored[1], "person.phone")).isEqualTo("13900001111");
            assertThat(stored[2]).isEqualTo(index.of(idNumber));
            String[] member = jdbc.sql("select id_number, phone, id_number_idx from party_member where name = '旧党员测试'")
                    .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).single();
            assertThat(cipher.decrypt(member[0], "party_member.id_number")).isEqualTo(memberId);
            assertThat(cipher.decrypt(member[1], "party_member.phone")).isEqualTo("13900002222");
            assertThat(member[2]).isEqualTo(index.of(memberId));
            // the converted row is found by its number
            JsonNode found = json.readTree(body(get("/api/people").param("q", idNumber).with(api("dinghai")), 200));
            assertThat(found.get("total").asLong()).isOne();
            // a second run finds nothing to do and changes nothing
            encryption.run(null);
            assertThat(encryption.process("person", PersonalDataEncryption.Mode.IN_PLACE)).isZero();
            assertThat(encryption.process("party_member", PersonalDataEncryption.Mode.IN_PLACE)).isZero();
            assertThat(jdbc.sql("select id_number from person where id = :id").param("id", personId).query(String.class)
                    .single()).isEqualTo(stored[0]);
        } finally {
            jdbc.sql("delete from party_member where name = '旧党员测试'").update();
            jdbc.sql("delete from person where id = :id").param("id", personId).update();
        }
    }
}
