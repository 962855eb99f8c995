package cn.zugong.rating.internal.web;

import cn.zugong.shared.web.Tile;
import cn.zugong.rating.RatingSchemes;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The office's landing page of ratings: the parts as tiles and the schemes in force. */
@Controller
class RatingHomeController {


    static final List<Tile> TILES = List.of(
            new Tile("评定方案", "/ratings/schemes", "五星双强、村（社区）评五星、乡镇创五强、千分制考核的评分细则与星级标准"),
            new Tile("年度评定", "/ratings/rounds", "自评、乡镇初审、县级复审、市级审定、公示、发布，动态摘星"),
            new Tile("评定结果", "/ratings/results", "星级与“双强”分布、排名、评分表、同比变化、导出 Excel"),
            new Tile("比一比", "/ratings/compare", "村社在乡镇、县（市、区）内按总分和各维度比较"),
            new Tile("双述双评双比", "/ratings/evaluation", "村社组织和班子成员述职、党员群众“阅卷”评议、结果运用"));

    private final RatingSchemes schemes;

    RatingHomeController(RatingSchemes schemes) {
        this.schemes = schemes;
    }

    @GetMapping("/ratings")
    String home(CurrentUser user, Model model) {
        if (!user.role().isOffice()) {
            throw new ForbiddenException("当前角色无权访问星级评定");
        }
        model.addAttribute("tiles", TILES);
        model.addAttribute("schemes", schemes.all());
        return "rating/home";
    }
}
