package cn.zugong.annual.internal;

import cn.zugong.annual.internal.ReviewRecords.Review;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.web.Downloads;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pages of 这一年 (ADR 081): the reviews of the scope, a review, its editor, a figure's provenance, the files. */
@Controller
class AnnualHomeController {

    private final ReviewService reviews;
    private final ReviewFiles files;
    private final OrgTree tree;
    private final ObjectMapper json;

    AnnualHomeController(ReviewService reviews, ReviewFiles files, OrgTree tree, ObjectMapper json) {
        this.reviews = reviews;
        this.files = files;
        this.tree = tree;
        this.json = json;
    }

    @GetMapping("/annual")
    String home(CurrentUser user, Model model) {
        List<Review> list = reviews.list(user);
        OrgNode own = tree.get(user.scope().nodeId(), user.scope());
        List<OrgNode> nodes = new java.util.ArrayList<>();
        nodes.add(own);
        tree.children(own.id(), user.scope()).stream().filter(n -> n.kind().isDivision()).forEach(nodes::add);
        model.addAttribute("reviews", list);
        model.addAttribute("nodes", nodes);
        model.addAttribute("mayWrite", AnnualAccess.mayWrite(user));
        model.addAttribute("year", reviews.period(null, null, null)[0].getYear());
        model.addAttribute("missing", reviews.missingModules());
        return "annual/home";
    }

    @PostMapping("/annual")
    String generate(@RequestParam(required = false) Long nodeId, @RequestParam(required = false) Integer year,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    CurrentUser user, RedirectAttributes flash) {
        LocalDate[] period = reviews.period(year, from, to);
        long id = reviews.generate(nodeId, period[0], period[1], user);
        flash.addFlashAttribute("message", "已生成年度回顾草稿。");
        return "redirect:/annual/" + id;
    }

    @GetMapping("/annual/{id}")
    String review(@PathVariable long id, CurrentUser user, Model model) throws JsonProcessingException {
        ReviewView view = reviews.view(id, user);
        model.addAttribute("v", view);
        model.addAttribute("r", view.review());
        model.addAttribute("charts", charts(view));
        model.addAttribute("mayWrite", AnnualAccess.mayWrite(user) && !view.review().published());
        model.addAttribute("mayPublish", user.role() == cn.zugong.shared.Role.ADMIN && !view.review().published());
        model.addAttribute("mayRegenerate", AnnualAccess.mayWrite(user));
        return "annual/review";
    }

    /** Each section's chart as JSON for ECharts: names, this period, the previous. */
    private Map<String, String> charts(ReviewView view) throws JsonProcessingException {
        Map<String, String> out = new LinkedHashMap<>();
        for (ReviewView.SectionView s : view.sections()) {
            if (s.chart() != null) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("title", s.chart().title());
                c.put("unit", s.chart().unit());
                c.put("names", s.chart().rows().stream().map(ReviewRecords.ChartRow::nodeName).toList());
                c.put("now", s.chart().rows().stream().map(ReviewRecords.ChartRow::value).toList());
                c.put("before", s.chart().rows().stream().map(ReviewRecords.ChartRow::previous).toList());
                c.put("nowLabel", view.review().from().getYear() + "年");
                c.put("beforeLabel", view.review().from().getYear() - 1 + "年");
                out.put(s.key(), json.writeValueAsString(c));
            }
        }
        return out;
    }

    @GetMapping("/annual/{id}/edit")
    String edit(@PathVariable long id, CurrentUser user, Model model) {
        ReviewView view = reviews.view(id, user);
        AnnualAccess.requireWriter(user);
        if (view.review().published()) {
            throw new cn.zugong.shared.ConflictException("年度回顾已发布，不能再修改；如需调整请重新生成草稿");
        }
        model.addAttribute("v", view);
        model.addAttribute("r", view.review());
        model.addAttribute("preview", null);
        return "annual/edit";
    }

    @PostMapping("/annual/{id}/edit")
    String save(@PathVariable long id, @RequestParam Map<String, String> form,
                @RequestParam(defaultValue = "save") String action, CurrentUser user, Model model,
                RedirectAttributes flash) {
        Map<Long, String> bodies = bodies(form);
        if ("preview".equals(action)) {
            ReviewView preview = reviews.preview(id, bodies, user);
            model.addAttribute("v", preview);
            model.addAttribute("r", preview.review());
            model.addAttribute("preview", preview);
            return "annual/edit";
        }
        reviews.edit(id, bodies, user);
        flash.addFlashAttribute("message", "已保存修改。");
        return "redirect:/annual/" + id;
    }

    /** The form's textareas are named p{paragraph id}. */
    static Map<Long, String> bodies(Map<String, String> form) {
        Map<Long, String> out = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.matches("p\\d{1,18}")) {
                out.put(Long.parseLong(k.substring(1)), v);
            }
        });
        return out;
    }

    @PostMapping("/annual/{id}/publish")
    String publish(@PathVariable long id, CurrentUser user, RedirectAttributes flash) {
        reviews.publish(id, user);
        flash.addFlashAttribute("message", "已发布。发布后的回顾不再随数据变化。");
        return "redirect:/annual/" + id;
    }

    @PostMapping("/annual/{id}/regenerate")
    String regenerate(@PathVariable long id, CurrentUser user, RedirectAttributes flash) {
        Review r = reviews.review(id, user);
        long draft = reviews.generate(r.nodeId(), r.from(), r.to(), user);
        flash.addFlashAttribute("message", "已按最新数据重新生成草稿。");
        return "redirect:/annual/" + draft;
    }

    @GetMapping("/annual/{id}/figures/{key}")
    String provenance(@PathVariable long id, @PathVariable String key, CurrentUser user, Model model) {
        model.addAttribute("p", reviews.provenance(id, key, user));
        return "annual/figure";
    }

    @GetMapping("/annual/{id}/review.docx")
    ResponseEntity<byte[]> word(@PathVariable long id, CurrentUser user) {
        ReviewView view = reviews.view(id, user);
        return Downloads.attachment(files.word(view), view.review().title() + ".docx", Downloads.DOCX);
    }

    @GetMapping("/annual/{id}/review.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, CurrentUser user) {
        ReviewView view = reviews.view(id, user);
        return Downloads.attachment(files.pdf(view), view.review().title() + ".pdf", "application/pdf");
    }

    @GetMapping("/annual/{id}/figures.xlsx")
    ResponseEntity<byte[]> excel(@PathVariable long id, CurrentUser user) {
        ReviewView view = reviews.view(id, user);
        return Downloads.attachment(files.excel(view), view.review().title() + "-数字.xlsx", Downloads.XLSX);
    }
}
