package cn.zugong.talent.internal.registry;

import cn.zugong.shared.web.Tile;
import cn.zugong.shared.CurrentUser;
import cn.zugong.talent.internal.directory.DirectoryBook;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The office's landing page of the talent module: the parts as tiles, and a few counts of the caller's scope. */
@Controller
class TalentHomeController {


    static final List<Tile> TILES = List.of(
            new Tile("人才库", "/talent/registry", "人才登记、查询、导入导出、开通人才账号"),
            new Tile("用人单位", "/talent/employers", "企业与事业单位，统一社会信用代码校验"),
            new Tile("自贸企业目录", "/talent/directory", "按亩均效益、自贸引领等指标评分排名，年度发布"),
            new Tile("人才认定", "/talent/recognition", "常规认定、特殊认定、举荐认定“三位一体”"),
            new Tile("服务事项", "/talent/services", "15 个方面 80 类人才服务事项"),
            new Tile("码上办", "/talent/applications", "人才服务事项申请办理，材料复用"),
            new Tile("码上秒享", "/talent/grants", "购房补贴、安家补助等免申即享"),
            new Tile("人才码", "/talent/codes", "签名人才码的签发、撤销与核验"),
            new Tile("专班与专家", "/talent/support", "人才工作专班、联系服务专家与人才诉求"),
            new Tile("数据看板", "/talent/figures", "人才、认定、码上办、码上秒享、人才码核验统计，导出 Excel"),
            new Tile("一张屏", "/talent/screen", "领导看的人才工作一张屏"));

    private final RegistryService service;
    private final DirectoryBook directory;

    TalentHomeController(RegistryService service, DirectoryBook directory) {
        this.service = service;
        this.directory = directory;
    }

    @GetMapping("/talent")
    String home(CurrentUser user, Model model) {
        RegistryService.requireOffice(user);
        Map<String, Long> byLevel = service.countByLevel(user);
        Map<String, Long> levels = new LinkedHashMap<>();
        service.classification().levels().forEach(l -> levels.put(l.label(), byLevel.getOrDefault(l.code(), 0L)));
        levels.put("未认定", byLevel.getOrDefault("", 0L));
        model.addAttribute("tiles", TILES);
        model.addAttribute("levels", levels);
        model.addAttribute("talents", byLevel.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("employers", service.countEmployers(user));
        var year = directory.latestPublishedYear();
        model.addAttribute("directoryYear", year.isPresent() ? year.getAsInt() : null);
        model.addAttribute("directorySize", year.isPresent() ? directory.listedEmployers(year.getAsInt()).size() : 0);
        return "talent/home";
    }
}
