package cn.zugong.org.internal;

import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 组织机构: the lazy-loading tree browser, search, and the node page. */
@Controller
@RequestMapping("/org")
class OrgController {

    private static final int SEARCH_LIMIT = 50;

    private final OrgTree tree;
    private final NodePage nodePage;

    OrgController(OrgTree tree, NodePage nodePage) {
        this.tree = tree;
        this.nodePage = nodePage;
    }

    @GetMapping
    String tree(CurrentUser user, Model model) {
        model.addAttribute("root", tree.get(user.scope().nodeId(), user.scope()));
        return "org/tree";
    }

    @GetMapping("/nodes/{id}/children")
    String children(@PathVariable long id, CurrentUser user, Model model) {
        model.addAttribute("children", tree.children(id, user.scope()));
        return "org/tree :: children";
    }

    @GetMapping("/search")
    String search(@RequestParam(defaultValue = "") String q, CurrentUser user, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("results", tree.search(q, user.scope(), SEARCH_LIMIT));
        return "org/tree :: results";
    }

    @GetMapping("/nodes/{id}")
    String node(@PathVariable long id, CurrentUser user, Model model) {
        model.addAttribute("view", nodePage.of(id, user.scope()));
        return "org/node";
    }
}
