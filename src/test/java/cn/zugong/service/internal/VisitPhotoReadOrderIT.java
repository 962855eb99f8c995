package cn.zugong.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.Role;
import cn.zugong.shared.Upload;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 12: visit photos are read only after the caller's right to log the visit, the number of photos and each
 * photo's size are checked — a refused upload is never read into memory, and nothing is stored.
 */
@IntegrationTest
class VisitPhotoReadOrderIT {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired VisitLog log;

    private static Upload png(AtomicInteger reads, long size) {
        return new Upload("现场.png", size, () -> {
            reads.incrementAndGet();
            return VisitsIT.PNG;
        });
    }

    private long visits(long cadre) {
        return jdbc.sql("select count(*) from service_visit where cadre_id = :c").param("c", cadre)
                .query(Long.class).single();
    }

    @Test
    void refusedPhotosAreNeverRead() throws Exception {
        var data = new ServiceTestData(mvc, users, jdbc);
        long cadre = data.cadre("dinghai", "330902", ServiceTestData.unique("读取顺序干部"));
        var scope = new cn.zugong.shared.OrgScope(data.node("330902"), jdbc.sql(
                "select path from org_node where code = '330902'").query(String.class).single());
        CurrentUser leader = new CurrentUser(0, "leader", "领导", Role.LEADER, scope, "定海区");
        CurrentUser admin = new CurrentUser(0, "dinghai", "定海管理员", Role.ADMIN, scope, "定海区");
        var form = new VisitLog.VisitForm(String.valueOf(cadre), null, "ENTERPRISE", "2026-01-05", "定海", "张三",
                null, false);
        AtomicInteger reads = new AtomicInteger();

        assertThatThrownBy(() -> log.log(form, List.of(png(reads, 100)), leader))
                .isInstanceOf(ForbiddenException.class);
        List<Upload> seven = new ArrayList<>();
        for (int i = 0; i <= PhotoPolicy.MAX_FILES; i++) {
            seven.add(png(reads, 100));
        }
        assertThatThrownBy(() -> log.log(form, seven, admin)).isInstanceOf(InvalidForm.class);
        assertThatThrownBy(() -> log.log(form, List.of(png(reads, PhotoPolicy.MAX_BYTES + 1L)), admin))
                .isInstanceOf(InvalidForm.class);
        assertThat(reads).hasValue(0);
        assertThat(visits(cadre)).isZero();
    }
}
