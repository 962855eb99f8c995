package cn.zugong.security.internal;

import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.security.Accounts;
import cn.zugong.security.NewAccount;
import cn.zugong.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside the demo no account exists by default. On an empty installation the first administrator is
 * created only when ZUGONG_ADMIN_PASSWORD is set, scoped to the root of the organisation tree.
 */
@Component
@Order(30)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Accounts accounts;
    private final OrgTree orgTree;
    private final String adminPassword;
    private final String rootCode;

    AdminBootstrap(Accounts accounts, OrgTree orgTree,
                   @Value("${zugong.admin.password:}") String adminPassword,
                   @Value("${zugong.org.division-prefix:3309}") String rootCode) {
        this.accounts = accounts;
        this.orgTree = orgTree;
        this.adminPassword = adminPassword;
        this.rootCode = rootCode;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        if (adminPassword.isBlank()) {
            log.warn("No account exists. Set ZUGONG_ADMIN_PASSWORD and restart to create the first administrator 'admin'.");
            return;
        }
        OrgNode root = orgTree.byCode(rootCode).orElseThrow();
        accounts.create(new NewAccount("admin", adminPassword, "系统管理员", Role.ADMIN, root.id()));
        log.info("Created administrator 'admin' scoped to {}", root.name());
    }
}
