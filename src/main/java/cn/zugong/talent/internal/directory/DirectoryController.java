package cn.zugong.talent.internal.directory;

import cn.zugong.org.NodeKind;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.Role;
import cn.zugong.shared.web.Downloads;
import cn.zugong.shared.web.SheetUploads;
import cn.zugong.talent.internal.SheetImport;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 自贸企业认定 pages: a year's directory (rank, score, figures, listed), the figures import, computing, the
 * cut-off, publication and a recorded reopening — writes by the city's ADMIN only (the directory is the city's).
 */
@Controller
class DirectoryController {

    static final String BASE = "/talent/directory";

    private final DirectoryBook book;
    private final DirectoryExcel excel;
    private final OrgTree tree;
    private final Clock clock;

    DirectoryController(DirectoryBook book, DirectoryExcel excel, OrgTree tree, Clock clock) {
        this.book = book;
        this.excel = excel;
        this.tree = tree;
        this.clock = clock;
    }

    static void requireOffice(CurrentUser user) {
        if (!user.role().isOffice()) {
            throw new NotFoundException("页面不存在");
        }
    }

    /** The directory is decided by the city's 人才办: ADMIN whose scope is the city (or above). */
    void requireCityAdmin(CurrentUser user) {
        requireOffice(user);
        boolean city = tree.byId(user.scope().nodeId())
                .map(n -> n.kind() == NodeKind.CITY || n.kind() == NodeKind.PROVINCE).orElse(false);
        if (user.role() != Role.ADMIN || !city) {
            throw new ForbiddenException("自贸企业目录由市委人才办（市级组织部管理员）维护和发布，当前账号无权操作");
        }
    }

    boolean mayDecide(CurrentUser user) {
        try {
            requireCityAdmin(user);
            return true;
        } catch (ForbiddenException e) {
            return false;
        }
    }

    static int year(Integer year, int fallback) {
        int y = year == null ? fallback : year;
        if (y < 2000 || y > 2100) {
            throw new BadRequestException("年度不正确：" + y);
        }
        return y;
    }

    int defaultYear() {
        List<Integer> years = book.years();
        return years.isEmpty() ? LocalDate.now(clock).getYear() - 1 : years.get(0);
    }

    @GetMapping(BASE)
    String page(@RequestParam(required = false) Integer year, CurrentUser user, Model model) {
        requireOffice(user);
        int y = year(year, defaultYear());
        model.addAttribute("year", y);
        model.addAttribute("years", book.years());
        model.addAttribute("info", book.year(y).orElse(null));
        model.addAttribute("entries", book.entries(y));
        model.addAttribute("decisions", book.decisions(y));
        model.addAttribute("scheme", book.scheme());
        model.addAttribute("mayDecide", mayDecide(user));
        return "talent/directory/year";
    }

    @GetMapping(BASE + "/scheme")
    String scheme(CurrentUser user, Model model) {
        requireOffice(user);
        model.addAttribute("scheme", book.scheme());
        return "talent/directory/scheme";
    }

    @GetMapping(BASE + "/template.xlsx")
    ResponseEntity<byte[]> template(CurrentUser user) {
        requireOffice(user);
        return new ResponseEntity<>(excel.template(),
                Downloads.headers("自贸企业指标导入模板.xlsx", "directory-template.xlsx", Downloads.XLSX), HttpStatus.OK);
    }

    @GetMapping(BASE + "/export.xlsx")
    void export(@RequestParam(required = false) Integer year, CurrentUser user, HttpServletResponse response)
            throws IOException {
        requireOffice(user);
        int y = year(year, defaultYear());
        Downloads.prepare(response, y + "年度自贸企业目录.xlsx", "directory-" + y + ".xlsx", Downloads.XLSX);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        excel.export(y, response.getOutputStream());
    }

    @PostMapping(BASE + "/figures")
    String importFigures(@RequestParam(required = false) Integer year,
                         @RequestParam(required = false) MultipartFile file, CurrentUser user, Model model,
                         HttpServletResponse response) {
        requireCityAdmin(user);
        int y = year(year, defaultYear());
        model.addAttribute("year", y);
        SheetUploads.handle(file, model, response, (in, name) -> excel.run(y, in, name, user.username()),
                SheetImport.ImportResult::ok);
        return "talent/directory/import";
    }

    @GetMapping(BASE + "/figures")
    String importPage(@RequestParam(required = false) Integer year, CurrentUser user, Model model) {
        requireCityAdmin(user);
        model.addAttribute("year", year(year, defaultYear()));
        return "talent/directory/import";
    }

    @PostMapping(BASE + "/compute")
    String compute(@RequestParam(required = false) Integer year, CurrentUser user, RedirectAttributes flash) {
        requireCityAdmin(user);
        int y = year(year, defaultYear());
        int n = book.compute(y, user.username());
        flash.addFlashAttribute("message", "已按评分方案计算 " + y + " 年度 " + n + " 家企业的得分与排名。");
        return "redirect:" + BASE + "?year=" + y;
    }

    @PostMapping(BASE + "/cutoff")
    String cutoff(@RequestParam(required = false) Integer year, @RequestParam(required = false) String mode,
                  @RequestParam(required = false) Integer topN, @RequestParam(required = false) BigDecimal minScore,
                  CurrentUser user, RedirectAttributes flash) {
        requireCityAdmin(user);
        int y = year(year, defaultYear());
        boolean byScore = "score".equals(mode);
        int listed = book.setCutoff(y, byScore ? null : topN, byScore ? minScore : null, user.username());
        flash.addFlashAttribute("message", "已设定入选线，入选 " + listed + " 家企业（尚未发布）。");
        return "redirect:" + BASE + "?year=" + y;
    }

    @PostMapping(BASE + "/publish")
    String publish(@RequestParam(required = false) Integer year, CurrentUser user, RedirectAttributes flash) {
        requireCityAdmin(user);
        int y = year(year, defaultYear());
        int listed = book.publish(y, user.username());
        flash.addFlashAttribute("message", "已发布 " + y + " 年度自贸企业目录，共 " + listed + " 家企业。目录发布后冻结。");
        return "redirect:" + BASE + "?year=" + y;
    }

    @PostMapping(BASE + "/reopen")
    String reopen(@RequestParam(required = false) Integer year, @RequestParam(required = false) String reason,
                  CurrentUser user, RedirectAttributes flash) {
        requireCityAdmin(user);
        int y = year(year, defaultYear());
        book.reopen(y, reason, user.username());
        flash.addFlashAttribute("message", "已撤回 " + y + " 年度目录的发布；更正后请重新计算、设定入选线并发布。");
        return "redirect:" + BASE + "?year=" + y;
    }

    /** The directory of a year as JSON (rank, score, figures, listed; published or not). */
    @GetMapping("/api/talent/directory")
    @ResponseBody
    Map<String, Object> api(@RequestParam(required = false) Integer year, CurrentUser user) {
        requireOffice(user);
        int y = year(year, defaultYear());
        var info = book.year(y);
        return Map.of("year", y, "published", info.map(DirectoryBook.Year::published).orElse(false),
                "cutoff", info.map(DirectoryBook.Year::cutoffText).orElse("未设定"), "entries", book.entries(y));
    }
}
