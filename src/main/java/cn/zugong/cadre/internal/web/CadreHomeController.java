package cn.zugong.cadre.internal.web;

import cn.zugong.cadre.internal.CadreAccess;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.web.Tile;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page of 干部工作: the parts as tiles (激励关爱 only for those who may see it, ADR 074). */
@Controller
class CadreHomeController {

    /** The part whose records exist only for ADMIN and 干部监督: its tile is shown to them alone. */
    static final String CARE = "/cadres/care";

    static final List<Tile> TILES = List.of(
            new Tile("一线考察", "/cadres/frontline", "专项考核组现场看、一线访、综合评，考察结果与典型案例，考察报告"),
            new Tile("选拔任用纪实", "/cadres/appointments", "提拔、进一步使用、职级晋升、交流的程序纪实，干部任免审批表，一线提拔比例"),
            new Tile("激励关爱", CARE, "容错纠错、澄清正名、暖心回访、处分后使用、及时奖励、担当作为好干部"),
            new Tile("年轻干部", "/cadres/young", "“五制”培养：预审、导师、试岗、实挂、比选淘汰；选调生"),
            new Tile("一把手与离任交接", "/cadres/leaders", "市管一把手履职跟踪、乡镇领导离任交接、“揭榜出征”"),
            new Tile("干部培训", "/cadres/training", "主体班次、专题研讨班、网络课程，报名、考勤与学时"),
            new Tile("调研课题", "/cadres/research", "县处级以上领导干部领题调研，进展、发现问题与破难解题率"));

    private final CadreAccess access;

    CadreHomeController(CadreAccess access) {
        this.access = access;
    }

    @GetMapping("/cadres")
    String home(CurrentUser user, Model model) {
        access.requireRead(user);
        boolean sensitive = access.seesSensitive(user);
        model.addAttribute("tiles", TILES.stream().filter(t -> sensitive || !t.href().equals(CARE)).toList());
        return "cadres/home";
    }
}
