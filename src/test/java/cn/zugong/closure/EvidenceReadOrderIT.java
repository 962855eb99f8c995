package cn.zugong.closure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zugong.IntegrationTest;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.Role;
import cn.zugong.shared.Upload;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 12: evidence (rectifications, tickets) is read only after the caller's rights, the size and the count per
 * item are checked — a refused upload is never read into memory.
 */
@IntegrationTest
class EvidenceReadOrderIT {

    @Autowired ClosureItems items;
    @Autowired ClosureWorkflow workflow;
    @Autowired OrgTree tree;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private static CurrentUser user(String name, Role role, OrgNode node) {
        return new CurrentUser(0, name, name + "（测试）", role, node.asScope(), node.name());
    }

    /** A PDF upload that counts how often it is read. */
    private static Upload pdf(AtomicInteger reads, long size) {
        return new Upload("证明.pdf", size, () -> {
            reads.incrementAndGet();
            return "%PDF-1.4 test".getBytes();
        });
    }

    @Test
    void refusedEvidenceIsNeverRead() {
        OrgNode unit = tree.byId(jdbc.sql("select id from org_node where name = '定海区教育局'").query(Long.class)
                .single()).orElseThrow();
        CurrentUser dinghai = user("dinghai", Role.ADMIN, tree.byCode("330902").orElseThrow());
        CurrentUser putuo = user("putuo", Role.ADMIN, tree.byCode("330903").orElseThrow());
        CurrentUser leader = user("leader", Role.LEADER, tree.byCode("3309").orElseThrow());
        CurrentUser reporter = user("reporter", Role.REPORTER, unit);
        ClosureItem item = items.register(new NewClosureItem("TEST_ITEM", UUID.randomUUID().toString(), unit.id(),
                "RED", "读取顺序测试", "测试", LocalDate.now(clock).plusDays(30)), dinghai);
        workflow.assign(item.id(), "张三", null, null, dinghai);
        workflow.start(item.id(), "措施", reporter);
        AtomicInteger reads = new AtomicInteger();

        assertThatThrownBy(() -> workflow.attach(item.id(), pdf(reads, 100), putuo))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> workflow.attach(item.id(), pdf(reads, 100), leader))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> workflow.attach(item.id(), pdf(reads, 11L * 1024 * 1024), reporter))
                .isInstanceOf(ClosureRuleException.class).hasMessageContaining("超过 10MB");
        assertThat(reads).hasValue(0);

        for (int i = 0; i < 20; i++) {
            workflow.attach(item.id(), pdf(reads, 100), reporter);
        }
        assertThat(reads).hasValue(20);
        assertThatThrownBy(() -> workflow.attach(item.id(), pdf(reads, 100), reporter))
                .isInstanceOf(ClosureRuleException.class).hasMessageContaining("最多上传 20 份");
        assertThat(reads).hasValue(20);
        assertThat(items.attachments(item.id(), reporter)).hasSize(20);
    }
}
