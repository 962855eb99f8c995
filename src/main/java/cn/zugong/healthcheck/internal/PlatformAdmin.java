package cn.zugong.healthcheck.internal;

import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Platform administrators: organisation-department administrators whose scope covers the deployment's root
 * (the division of {@code zugong.org.division-prefix}, e.g. 舟山市). Only they edit the warning rules.
 */
@Component
class PlatformAdmin {

    private final OrgTree tree;
    private final String rootCode;

    PlatformAdmin(OrgTree tree, @Value("${zugong.org.division-prefix:3309}") String rootCode) {
        this.tree = tree;
        this.rootCode = rootCode;
    }

    boolean is(CurrentUser user) {
        return user.role() == Role.ADMIN && tree.byCode(rootCode).map(n -> user.scope().contains(n.path()))
                .orElse(false);
    }

    void require(CurrentUser user) {
        if (!is(user)) {
            throw new ForbiddenException("只有平台管理员（全市范围的组织部管理员）可以修改预警规则");
        }
    }
}
