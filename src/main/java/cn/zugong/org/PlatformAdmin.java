package cn.zugong.org;

import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one rule for the platform (city-level) administrator, docs/adr/038: an 组织部管理员 whose scope covers the
 * deployment's root division ({@code zugong.org.division-prefix}, e.g. 舟山市). A depth in the tree is no such rule:
 * a province-level unit sits as high as the city but does not cover it.
 */
@Component
public class PlatformAdmin {

    private final OrgTree tree;
    private final String rootCode;

    PlatformAdmin(OrgTree tree, @Value("${zugong.org.division-prefix:3309}") String rootCode) {
        this.tree = tree;
        this.rootCode = rootCode;
    }

    /** The deployment's root division (舟山市): the highest level the platform answers for. */
    public OrgNode root() {
        return tree.byCode(rootCode).orElseThrow(() -> new IllegalStateException("root division " + rootCode
                + " is not loaded"));
    }

    public boolean is(CurrentUser user) {
        return user.role() == Role.ADMIN && tree.byCode(rootCode).map(n -> user.scope().contains(n.path()))
                .orElse(false);
    }

    /** Refuses (403) anyone else with the caller's Chinese message naming what only the platform admin may do. */
    public void require(CurrentUser user, String refusal) {
        if (!is(user)) {
            throw new ForbiddenException(refusal);
        }
    }
}
