package cn.zugong.org.internal;

import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/org")
class OrgApiController {

    private final OrgTree tree;
    private final NodePage nodePage;

    OrgApiController(OrgTree tree, NodePage nodePage) {
        this.tree = tree;
        this.nodePage = nodePage;
    }

    /** The user's scope root. */
    @GetMapping("/root")
    OrgNode root(CurrentUser user) {
        return tree.get(user.scope().nodeId(), user.scope());
    }

    @GetMapping("/nodes/{id}")
    NodePage.View node(@PathVariable long id, CurrentUser user) {
        return nodePage.of(id, user.scope());
    }

    @GetMapping("/nodes/{id}/children")
    List<OrgNode> children(@PathVariable long id, CurrentUser user) {
        return tree.children(id, user.scope());
    }

    @GetMapping("/search")
    List<OrgNode> search(@RequestParam String q, @RequestParam(defaultValue = "50") int limit, CurrentUser user) {
        return tree.search(q, user.scope(), Math.max(1, Math.min(limit, 200)));
    }
}
