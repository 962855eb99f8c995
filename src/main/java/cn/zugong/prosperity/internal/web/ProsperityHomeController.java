package cn.zugong.prosperity.internal.web;

import cn.zugong.shared.web.Tile;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The office's landing page of 共同富裕: the parts as tiles. */
@Controller
class ProsperityHomeController {


    static final List<Tile> TILES = List.of(
            new Tile("共富工坊", "/prosperity/workshops", "工坊台账、月度用工、工资、销售和村集体增收，手机填报或 Excel 导入"),
            new Tile("工坊成效", "/prosperity/workshops/figures", "工坊数、吸纳就业、村集体增收、人均月增收，按县区和时段统计"),
            new Tile("百企联百村", "/prosperity/pairs", "企业结对帮扶村、强村公司及其入股村"),
            new Tile("聚力共富", "/prosperity/matching", "“借力”需求清单、“给力”人才清单，按规则匹配、对接、成效和双向评价"),
            new Tile("党建联建", "/prosperity/joint", "岛链式联合党委，轮值书记任期，结对单位，共建项目及成效"));

    @GetMapping("/prosperity")
    String home(CurrentUser user, Model model) {
        if (!user.role().isOffice()) {
            throw new ForbiddenException("当前角色无权访问共同富裕");
        }
        model.addAttribute("tiles", TILES);
        return "prosperity/home";
    }
}
