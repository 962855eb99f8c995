package cn.zugong.deliberation.internal;

import cn.zugong.closure.ClosurePages;
import cn.zugong.closure.StepInput;
import cn.zugong.deliberation.DeliberationFigures;
import cn.zugong.deliberation.Figures;
import cn.zugong.deliberation.Matter;
import cn.zugong.deliberation.MatterKind;
import cn.zugong.deliberation.MatterStatus;
import cn.zugong.deliberation.Matters;
import cn.zugong.deliberation.Meeting;
import cn.zugong.deliberation.MeetingLevel;
import cn.zugong.deliberation.Meetings;
import cn.zugong.deliberation.Outcome;
import cn.zugong.org.NodeKind;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.web.Downloads;
import cn.zugong.deliberation.internal.DeliberationForms.Classification;
import cn.zugong.deliberation.internal.DeliberationForms.CommunityYear;
import cn.zugong.deliberation.internal.DeliberationForms.FigureRange;
import cn.zugong.deliberation.internal.DeliberationForms.MatterFilter;
import cn.zugong.deliberation.internal.DeliberationForms.MatterForm;
import cn.zugong.deliberation.internal.DeliberationForms.MeetingForm;
import cn.zugong.deliberation.internal.DeliberationForms.Move;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 三事分流 pages: a community's matters and next sittings, a matter with its 三事归类单, a sitting, the figures. */
@Controller
class DeliberationController {

    private static final String BASE = "/deliberation";

    private final Matters matters;
    private final Meetings meetings;
    private final DeliberationFigures figures;
    private final DeliberationRepository repository;
    private final FiguresExcel excel;
    private final ClosurePages pages;
    private final OrgTree tree;
    private final Clock clock;

    DeliberationController(Matters matters, Meetings meetings, DeliberationFigures figures,
                           DeliberationRepository repository, FiguresExcel excel, ClosurePages pages,
                           OrgTree tree, Clock clock) {
        this.matters = matters;
        this.meetings = meetings;
        this.figures = figures;
        this.repository = repository;
        this.excel = excel;
        this.pages = pages;
        this.tree = tree;
        this.clock = clock;
    }

    /** The landing page: the caller's community (or the one chosen), else the communities in scope. */
    @GetMapping(BASE)
    String home(@Valid MatterFilter filter, CurrentUser user, Model model) {
        SanshiAccess.requireReader(user);
        OrgNode community = chosen(filter.nodeId(), filter.code(), user);
        if (community != null) {
            model.addAttribute("matterForm", MatterForm.blank(community.id(), LocalDate.now(clock)));
        }
        return home(community, filter.kind(), filter.status(), filter.page(), user, model);
    }

    private String home(OrgNode community, String kind, String status, Integer page, CurrentUser user, Model model) {
        MatterKind k = MatterKind.parse(kind);
        MatterStatus s = status == null ? null : MatterStatus.parse(status);
        model.addAttribute("community", community);
        model.addAttribute("matters", matters.find(community == null ? null : community.id(), k, s, page, 20, user));
        model.addAttribute("kind", k);
        model.addAttribute("status", s);
        model.addAttribute("kinds", MatterKind.values());
        model.addAttribute("statuses", MatterStatus.values());
        model.addAttribute("mayWork", SanshiAccess.mayWork(user));
        model.addAttribute("today", LocalDate.now(clock));
        if (community != null) {
            Map<MeetingLevel, Meeting> next = new EnumMap<>(MeetingLevel.class);
            for (MeetingLevel l : MeetingLevel.values()) {
                next.put(l, meetings.next(community.id(), l, user));
            }
            model.addAttribute("next", next);
            model.addAttribute("agendaCounts", meetings.agendaCounts(community.id(), user));
        } else {
            List<Map.Entry<Long, Long>> active = repository.activeCommunities(user.scope());
            Map<Long, OrgNode> nodes = tree.byIds(active.stream().map(Map.Entry::getKey).toList());
            model.addAttribute("communities", active.stream().map(e -> Map.entry(nodes.get(e.getKey()), e.getValue()))
                    .toList());
        }
        return "deliberation/home";
    }

    /** A refused field comes back to the community's page beside the field (400), with everything typed kept. */
    @PostMapping(BASE + "/matters")
    String register(@Valid MatterForm matterForm, BindingResult errors, CurrentUser user, Model model,
                    HttpServletResponse response, RedirectAttributes flash) {
        if (matterForm.nodeId() == null) {
            throw new ConflictException("请选择村（社区）");
        }
        if (errors.hasErrors()) {
            SanshiAccess.requireReader(user);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return home(SanshiAccess.community(tree, matterForm.nodeId(), user), null, null, null, user, model);
        }
        Matter m = matters.register(matterForm.matter(), user);
        flash.addFlashAttribute("message", "已登记事项「" + m.title() + "」，请填写三事归类单。");
        return "redirect:" + BASE + "/matters/" + m.id();
    }

    @GetMapping(BASE + "/matters/{id}")
    String matter(@PathVariable long id, CurrentUser user, Model model) {
        Matter matter = matters.get(id, user);
        model.addAttribute("matter", matter);
        model.addAttribute("sheet", matters.sheet(id, user));
        model.addAttribute("deliberations", matters.deliberations(id, user));
        model.addAttribute("kinds", MatterKind.values());
        model.addAttribute("mayWork", SanshiAccess.mayWork(user));
        if (matter.closureItemId() != null) {
            model.addAttribute("closure", pages.view(Matters.KIND, matter.closureItemId(),
                    BASE + "/matters/" + id + "/closure", null, user));
        }
        return "deliberation/matter";
    }

    /** The printable 三事归类单 of one matter. */
    @GetMapping(BASE + "/matters/{id}/sheet")
    String sheet(@PathVariable long id, CurrentUser user, Model model) {
        model.addAttribute("matter", matters.get(id, user));
        model.addAttribute("sheet", matters.sheet(id, user));
        model.addAttribute("printedOn", LocalDate.now(clock));
        return "deliberation/sheet";
    }

    @PostMapping(BASE + "/matters/{id}/classify")
    String classify(@PathVariable long id, @Valid Classification form, CurrentUser user, RedirectAttributes flash) {
        Matter m = matters.classify(id, MatterKind.parse(form.kind()), form.reason(), user);
        flash.addFlashAttribute("message", "已归类为「" + m.kind().label() + "」，列入" + m.level().label() + "议程。");
        return "redirect:" + BASE + "/matters/" + id;
    }

    /** A closure step on a decided matter: 办结 again after a rejection, 核验, 退回, 销号, 重新打开. */
    @PostMapping(BASE + "/matters/{id}/closure/{action}")
    String closure(@PathVariable long id, @PathVariable String action, @ModelAttribute StepInput input,
                   CurrentUser user, RedirectAttributes flash) {
        Matter matter = matters.get(id, user);
        if (matter.closureItemId() == null) {
            throw new ConflictException("事项尚未议定，还没有进入销号流程");
        }
        pages.step(Matters.KIND, matter.closureItemId(), action, input, user, flash);
        return "redirect:" + BASE + "/matters/" + id;
    }

    /** A community's schedule for a year: the three levels' sittings, held and planned. */
    @GetMapping(BASE + "/meetings")
    String schedule(@Valid CommunityYear asked, CurrentUser user, Model model) {
        OrgNode community = SanshiAccess.community(tree, asked.nodeId(), user);
        int y = asked.year() == null ? LocalDate.now(clock).getYear() : asked.year();
        if (y < 2000 || y > 2100) {
            throw new ConflictException("年度不正确：" + y);
        }
        model.addAttribute("community", community);
        model.addAttribute("year", y);
        model.addAttribute("meetings", meetings.schedule(community.id(), LocalDate.of(y, 1, 1),
                LocalDate.of(y, 12, 31), user));
        model.addAttribute("levels", MeetingLevel.values());
        model.addAttribute("mayWork", SanshiAccess.mayWork(user));
        model.addAttribute("today", LocalDate.now(clock));
        return "deliberation/schedule";
    }

    @PostMapping(BASE + "/meetings/schedule")
    String generate(@Valid CommunityYear asked, CurrentUser user, RedirectAttributes flash) {
        if (asked.year() == null) {
            throw new ConflictException("请选择村（社区）和年度");
        }
        int added = meetings.generate(asked.nodeId(), asked.year(), user);
        flash.addFlashAttribute("message", "已生成 " + asked.year() + " 年议事排期，新增 " + added + " 次会议。");
        return "redirect:" + BASE + "/meetings?nodeId=" + asked.nodeId() + "&year=" + asked.year();
    }

    @PostMapping(BASE + "/meetings")
    String create(@Valid MeetingForm form, CurrentUser user, RedirectAttributes flash) {
        Meeting m = meetings.create(form.nodeId(), MeetingLevel.parse(form.level()), form.date(), form.place(), user);
        flash.addFlashAttribute("message", "已安排" + m.level().label() + "：" + m.date());
        return "redirect:" + BASE + "/meetings/" + m.id();
    }

    @GetMapping(BASE + "/meetings/{id}")
    String meeting(@PathVariable long id, CurrentUser user, Model model) {
        Meeting meeting = meetings.get(id, user);
        model.addAttribute("meeting", meeting);
        model.addAttribute("agenda", meeting.held() ? List.of()
                : meetings.agenda(meeting.communityNodeId(), meeting.level(), user));
        model.addAttribute("outcomes", meeting.held() ? meetings.outcomes(id, user) : List.of());
        model.addAttribute("mayWork", SanshiAccess.mayWork(user));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("privateLevel", meeting.level() == MeetingLevel.GRID);
        return "deliberation/meeting";
    }

    @PostMapping(BASE + "/meetings/{id}/move")
    String move(@PathVariable long id, @Valid Move form, CurrentUser user, RedirectAttributes flash) {
        Meeting m = meetings.move(id, form.date(), form.reason(), user);
        flash.addFlashAttribute("message", "会议日期已调整为 " + m.date() + "。");
        return "redirect:" + BASE + "/meetings/" + id;
    }

    /** 召开会议: attendees and, per agenda matter, outcome_ID (DECIDED / UNSETTLED) with its fields. */
    @PostMapping(BASE + "/meetings/{id}/hold")
    String hold(@PathVariable long id, @RequestParam(required = false) String attendees,
                @RequestParam Map<String, String> form, CurrentUser user, RedirectAttributes flash) {
        List<Outcome> inputs = new ArrayList<>();
        for (var e : form.entrySet()) {
            if (!e.getKey().startsWith("outcome_")) {
                continue;
            }
            long matter = number(e.getKey().substring("outcome_".length()));
            if ("DECIDED".equals(e.getValue())) {
                inputs.add(Outcome.decided(matter, form.get("decision_" + matter), form.get("responsible_" + matter),
                        date(form.get("deadline_" + matter), "办理期限"), "true".equals(form.get("settled_" + matter))));
            } else {
                inputs.add(Outcome.unsettled(matter));
            }
        }
        Meeting m = meetings.hold(id, attendees, inputs, user);
        long decided = inputs.stream().filter(Outcome::decided).count();
        flash.addFlashAttribute("message", "已记录" + m.level().label() + "：议定 " + decided + " 项，议定事项已进入销号流程。");
        return "redirect:" + BASE + "/meetings/" + id;
    }

    @GetMapping(BASE + "/figures")
    String figures(@Valid FigureRange range, CurrentUser user, Model model) {
        Figures f = figures.of(range.nodeId(), range.from(), range.to(), user);
        OrgNode node = tree.get(f.nodeId(), user.scope());
        model.addAttribute("f", f);
        model.addAttribute("node", node);
        model.addAttribute("children", node.kind() == NodeKind.VILLAGE ? List.of()
                : tree.children(node.id(), user.scope()).stream().filter(n -> n.kind().isDivision()).toList());
        model.addAttribute("kinds", MatterKind.values());
        model.addAttribute("levels", MeetingLevel.values());
        return "deliberation/figures";
    }

    @GetMapping(BASE + "/figures.xlsx")
    ResponseEntity<byte[]> figuresExcel(@Valid FigureRange range, CurrentUser user) {
        Figures f = figures.of(range.nodeId(), range.from(), range.to(), user);
        return Downloads.attachment(excel.write(f), "三事分流统计-" + f.nodeName() + "-" + f.from() + "至" + f.to()
                + ".xlsx", Downloads.XLSX);
    }

    private OrgNode chosen(Long nodeId, String code, CurrentUser user) {
        if (nodeId != null) {
            return SanshiAccess.community(tree, nodeId, user);
        }
        if (code != null && !code.isBlank()) {
            OrgNode node = tree.byCode(code.strip()).filter(n -> user.scope().contains(n.path()))
                    .orElseThrow(() -> new NotFoundException("没有这个村（社区）或不在您的管理范围内：" + code.strip()));
            return SanshiAccess.community(tree, node.id(), user);
        }
        OrgNode own = tree.byId(user.scope().nodeId()).orElse(null);
        return own != null && own.kind() == NodeKind.VILLAGE ? own : null;
    }

    private static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ConflictException(field + "格式不正确（应为 yyyy-MM-dd）：" + value.strip());
        }
    }

    private static long number(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ConflictException("事项编号不正确：" + value);
        }
    }
}
