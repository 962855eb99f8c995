package cn.zugong.party.internal.islands;

import cn.zugong.shared.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 海岛 (/party/islands, /party/islands/{id} and their JSON under /api/party/islands): the city's inhabited islands in
 * the caller's scope with their villages and party members. Office roles, read only; an island outside the scope
 * answers 404.
 */
@Controller
class IslandsController {

    private final IslandsView view;

    IslandsController(IslandsView view) {
        this.view = view;
    }

    @GetMapping("/party/islands")
    String islands(@RequestParam(required = false) Boolean remote, CurrentUser user, Model model) {
        model.addAttribute("p", view.page(user, remote));
        return "party/islands/index";
    }

    @GetMapping("/api/party/islands")
    @ResponseBody
    IslandsView.Page islandsApi(@RequestParam(required = false) Boolean remote, CurrentUser user) {
        return view.page(user, remote);
    }

    @GetMapping("/party/islands/{islandId}")
    String island(@PathVariable long islandId, CurrentUser user, Model model) {
        model.addAttribute("i", view.island(user, islandId));
        return "party/islands/island";
    }

    @GetMapping("/api/party/islands/{islandId}")
    @ResponseBody
    IslandsView.IslandRow islandApi(@PathVariable long islandId, CurrentUser user) {
        return view.island(user, islandId);
    }
}
