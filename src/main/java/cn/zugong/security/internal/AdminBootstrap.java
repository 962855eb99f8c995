package cn.zugong.security.internal;

import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.security.Accounts;
import cn.zugong.security.NewAccount;
import cn.zugong.shared.Role;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside the demo no account exists by default. On an empty installation the three security officers
 * (三员: sysadmin, secadmin, auditor) are created from ZUGONG_SYSADMIN_PASSWORD, ZUGONG_SECADMIN_PASSWORD and
 * ZUGONG_AUDITOR_PASSWORD, each to be changed at the first login. The system administrator then creates
 * the business accounts and the security administrator grants their roles and scopes.
 */
@Component
@Order(30)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Accounts accounts;
    private final OrgTree orgTree;
    private final Map<Role, String> passwords = new LinkedHashMap<>();
    private final String rootCode;

    AdminBootstrap(Accounts accounts, OrgTree orgTree,
                   @Value("${zugong.bootstrap.sysadmin-password:}") String sysadmin,
                   @Value("${zugong.bootstrap.secadmin-password:}") String secadmin,
                   @Value("${zugong.bootstrap.auditor-password:}") String auditor,
                   @Value("${zugong.org.division-prefix:3309}") String rootCode) {
        this.accounts = accounts;
        this.orgTree = orgTree;
        passwords.put(Role.SYS_ADMIN, sysadmin);
        passwords.put(Role.SEC_ADMIN, secadmin);
        passwords.put(Role.AUDITOR, auditor);
        this.rootCode = rootCode;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        if (passwords.values().stream().anyMatch(String::isBlank)) {
            log.warn("No account exists. Set ZUGONG_SYSADMIN_PASSWORD, ZUGONG_SECADMIN_PASSWORD and "
                    + "ZUGONG_AUDITOR_PASSWORD (three different people) and restart to create the security officers.");
            return;
        }
        OrgNode root = orgTree.byCode(rootCode).orElseThrow();
        passwords.forEach((role, password) -> accounts.create(
                new NewAccount(username(role), password, role.label(), role, root.id()), true));
        log.info("Created the security officers sysadmin, secadmin and auditor; each must change the password at "
                + "the first login");
    }

    private static String username(Role role) {
        return switch (role) {
            case SYS_ADMIN -> "sysadmin";
            case SEC_ADMIN -> "secadmin";
            default -> "auditor";
        };
    }
}
