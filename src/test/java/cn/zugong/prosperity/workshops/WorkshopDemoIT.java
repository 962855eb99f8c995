package cn.zugong.prosperity.workshops;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.IntegrationTest;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo's 共富工坊 read like the city's report, counted in SQL over the demo's own rows. */
@IntegrationTest
class WorkshopDemoIT {

    @Autowired JdbcClient jdbc;

    @Test
    void theDemoHasTheReportsBallpark() {
        assertThat(jdbc.sql("select count(*) from workshop where created_by = 'demo'").query(Long.class).single())
                .isEqualTo(322);
        BigDecimal collective = jdbc.sql("select sum(collective_income) from workshop_ledger where source = 'DEMO'")
                .query(BigDecimal.class).single();
        assertThat(collective).isBetween(new BigDecimal("17500000"), new BigDecimal("17600000"));
        long jobs = jdbc.sql("""
                select sum(l.employed) from workshop_ledger l
                  join (select workshop_id, max(ledger_month) as m from workshop_ledger where source = 'DEMO'
                        group by workshop_id) x on x.workshop_id = l.workshop_id and x.m = l.ledger_month""")
                .query(Long.class).single();
        assertThat(jobs).isBetween(15_000L, 20_000L);
        BigDecimal perWorker = jdbc.sql("select sum(wages) / sum(employed) from workshop_ledger where source = 'DEMO'")
                .query(BigDecimal.class).single();
        assertThat(perWorker).isBetween(new BigDecimal("2500"), new BigDecimal("2660"));
        assertThat(jdbc.sql("select max(ledger_month) from workshop_ledger where source = 'DEMO'").query(Integer.class)
                .single()).isEqualTo(202610);
        assertThat(jdbc.sql("select count(*) from workshop_company where created_by = 'demo'").query(Long.class)
                .single()).isEqualTo(20);
        assertThat(jdbc.sql("select count(distinct enterprise_id) from workshop_pair where created_by = 'demo'")
                .query(Long.class).single()).isEqualTo(163);
        assertThat(jdbc.sql("select count(distinct village_id) from workshop_pair where created_by = 'demo'")
                .query(Long.class).single()).isEqualTo(100);
        for (String district : new String[] {"定海", "普陀", "岱山", "嵊泗", "舟山"}) {
            assertThat(jdbc.sql("select count(*) from workshop where name like :d").param("d", "%" + district + "%")
                    .query(Long.class).single()).as(district).isZero();
            assertThat(jdbc.sql("select count(*) from workshop_enterprise where name like :d")
                    .param("d", "%" + district + "%").query(Long.class).single()).as(district).isZero();
            assertThat(jdbc.sql("select count(*) from workshop_company where name like :d")
                    .param("d", "%" + district + "%").query(Long.class).single()).as(district).isZero();
        }
    }
}
