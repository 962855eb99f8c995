package cn.zugong.party.internal.web;

import cn.zugong.shared.web.Tile;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The office's landing page of 党员报到 and 流动党员: the parts as tiles. */
@Controller
class PartyHomeController {


    static final List<Tile> TILES = List.of(
            new Tile("党员报到", "/party/checkin", "“双找双回”回村社报到，报到理由核验，服务岗位发布与认领，服务记录"),
            new Tile("报到成效", "/party/checkin/figures", "报到党员、覆盖海岛和村社、走访老年群众、争取资金，按县区、海岛、时段统计"),
            new Tile("海岛", "/party/islands", "舟山有人岛及岛上村社，偏远小岛的报到覆盖"),
            new Tile("流动党员", "/party/mobile", "源头查找、建档建库、走亲连心、动态管理、用其所长五步工作法"),
            new Tile("三个一批", "/party/mobile/unmanaged", "工作地纳管、居住地接收、区域性党组织覆盖，逐人纳管"));

    @GetMapping("/party")
    String home(CurrentUser user, Model model) {
        if (!user.role().isOffice()) {
            throw new ForbiddenException("当前角色无权访问党员报到");
        }
        model.addAttribute("tiles", TILES);
        return "party/home";
    }
}
