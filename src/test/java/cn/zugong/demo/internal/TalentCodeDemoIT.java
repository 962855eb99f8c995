package cn.zugong.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.IntegrationTest;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.IdNumbers;
import cn.zugong.talent.NewTalent;
import cn.zugong.talent.TalentRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The 人才码 demo step with recognised talents (the demo's own recognitions come from the recognition step; here
 * five talents of 嵊泗 are given a level directly): it issues their codes, verifies some, revokes one and re-issues
 * one (whose old code then fails), and runs once.
 */
@IntegrationTest
class TalentCodeDemoIT {

    @Autowired TalentCodeDemo demo;
    @Autowired TalentRegistry registry;
    @Autowired OrgTree tree;
    @Autowired JdbcClient jdbc;

    @Test
    void issuesVerifiesRevokesAndReissues() {
        long node = tree.byCode("330922").orElseThrow().id();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            LocalDate birth = LocalDate.of(1984, 5, 1 + i);
            long id = registry.register(new NewTalent(node, null, "演示码人才" + i, "男", birth,
                    IdNumbers.of("659002", birth, 300 + i), null, null, "ENGINEER", "OIL_GAS_TRADE", "DOCTOR", null,
                    null, null, null, List.of()), "code-demo-test");
            jdbc.sql("update talent set level = 'D', level_route = 'REGULAR', level_since = date '2026-11-01', "
                    + "level_until = date '2029-10-31' where id = :id").param("id", id).update();
            ids.add(id);
        }
        long checksBefore = jdbc.sql("select count(*) from talent_code_check").query(Long.class).single();
        demo.load();
        for (long id : ids) {
            assertThat(jdbc.sql("select count(*) from talent_code where talent_id = :t").param("t", id)
                    .query(Long.class).single()).as("talent %d has a code", id).isGreaterThanOrEqualTo(1);
        }
        assertThat(jdbc.sql("select count(*) from talent_code where issued_by = :by and status = 'VALID'")
                .param("by", TalentCodeDemo.BY).query(Long.class).single()).isGreaterThanOrEqualTo(4);
        assertThat(jdbc.sql("select count(*) from talent_code where revoked_by = :by and status = 'REVOKED'")
                .param("by", TalentCodeDemo.BY).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from talent_code where revoked_by = :by and status = 'SUPERSEDED'")
                .param("by", TalentCodeDemo.BY).query(Long.class).single()).isEqualTo(1);
        List<String> outcomes = jdbc.sql("select distinct outcome from talent_code_check where id > (select max(id) - :n "
                + "from talent_code_check)").param("n", jdbc.sql("select count(*) from talent_code_check")
                .query(Long.class).single() - checksBefore).query(String.class).list();
        assertThat(outcomes).contains("VALID", "BAD_SIGNATURE", "BAD_FORMAT", "SUPERSEDED");
        long codes = jdbc.sql("select count(*) from talent_code").query(Long.class).single();
        demo.load(); // once
        assertThat(jdbc.sql("select count(*) from talent_code").query(Long.class).single()).isEqualTo(codes);
    }
}
