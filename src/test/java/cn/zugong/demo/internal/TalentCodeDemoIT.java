package cn.zugong.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The 人才码 demo step, as the demo loader ran it after the recognition step: every talent recognised by the demo
 * got a code, some were verified (valid, tampered, garbage, superseded), one was revoked and one re-issued (whose
 * old code then fails); a second load adds nothing.
 */
@IntegrationTest
class TalentCodeDemoIT {

    @Autowired TalentCodeDemo demo;
    @Autowired JdbcClient jdbc;
    @Autowired cn.zugong.talent.internal.code.CheckCounter counter;

    @Test
    void issuedVerifiedRevokedAndReissuedOnce() {
        long recognised = jdbc.sql("select count(*) from talent where level is not null and created_by = 'demo-talent'")
                .query(Long.class).single();
        long withCode = jdbc.sql("select count(distinct c.talent_id) from talent_code c join talent t on t.id = c.talent_id "
                + "where t.created_by = 'demo-talent' and t.level is not null").query(Long.class).single();
        assertThat(recognised).isGreaterThan(1000);
        assertThat(withCode).isEqualTo(recognised);
        assertThat(jdbc.sql("select count(*) from talent_code where revoked_by = :by and status = 'REVOKED'")
                .param("by", TalentCodeDemo.BY).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from talent_code where revoked_by = :by and status = 'SUPERSEDED'")
                .param("by", TalentCodeDemo.BY).query(Long.class).single()).isEqualTo(1);
        counter.flush(); // verifications are counted in batches
        assertThat(jdbc.sql("select distinct outcome from talent_code_check").query(String.class).list())
                .contains("VALID", "BAD_SIGNATURE", "BAD_FORMAT", "SUPERSEDED");
        long codes = jdbc.sql("select count(*) from talent_code").query(Long.class).single();
        demo.load(); // once
        assertThat(jdbc.sql("select count(*) from talent_code").query(Long.class).single()).isEqualTo(codes);
    }
}
