package cn.zugong.demo.internal;

import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the demo where it runs and how to log in. */
@Component
class DemoBanner {

    static final String DEFAULT_PASSWORD = "Zugong@2026";
    private static final Logger log = LoggerFactory.getLogger(DemoBanner.class);

    private final OrgTree orgTree;
    private final Environment environment;

    DemoBanner(OrgTree orgTree, Environment environment) {
        this.orgTree = orgTree;
        this.environment = environment;
    }

    void print(List<DemoAccounts> accounts, String password) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        StringBuilder text = new StringBuilder("\n")
                .append("==================== 数字组工平台 Zugong demo ====================\n")
                .append("  Open http://localhost:").append(port).append("/\n")
                .append("  Demo accounts (username  role  scope):\n");
        for (DemoAccounts a : accounts) {
            String scope = orgTree.byCode(a.scopeCode()).map(OrgNode::name).orElse(a.scopeCode());
            text.append(String.format("    %-9s %s (%s)  %s%n", a.username(), a.role().label(), a.displayName(), scope));
        }
        text.append("  Password: value of ZUGONG_DEMO_PASSWORD, default ").append(DEFAULT_PASSWORD)
                .append(DEFAULT_PASSWORD.equals(password) ? " (in use: " + password + ")" : " (a custom password is set)")
                .append("\n==================================================================");
        log.info(text.toString());
    }
}
