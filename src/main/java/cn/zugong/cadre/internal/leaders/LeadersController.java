package cn.zugong.cadre.internal.leaders;

import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.cadre.LeadershipFigures;
import cn.zugong.cadre.internal.CadreAccess;
import cn.zugong.cadre.internal.leaders.LeaderViews.Handover;
import cn.zugong.cadre.internal.leaders.LeaderViews.Task;
import cn.zugong.cadre.internal.young.Forms;
import cn.zugong.org.NodeKind;
import cn.zugong.org.OrgTree;
import cn.zugong.people.LeadershipRoster.Leader;
import cn.zugong.people.LeadershipRoster;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The 干部科's pages of 一把手 tracking, 离任交接 and 揭榜出征. */
@Controller
class LeadersController {

    private final LeadersService service;
    private final LeadersStore store;
    private final LeadershipRoster roster;
    private final LeadershipFigures figures;
    private final OrgTree tree;
    private final CadreAccess access;
    private final AuditTrail audit;
    private final HandoverLinks links;

    LeadersController(LeadersService service, LeadersStore store, LeadershipRoster roster, LeadershipFigures figures,
                      OrgTree tree, CadreAccess access, AuditTrail audit, HandoverLinks links) {
        this.links = links;
        this.service = service;
        this.store = store;
        this.roster = roster;
        this.figures = figures;
        this.tree = tree;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/cadres/leaders")
    String index(@RequestParam(required = false) String level, CurrentUser user, Model model) {
        access.requireRead(user);
        String l = level == null || level.isBlank() ? null : level;
        if (l != null && !List.of("厅局级正职", "县处级正职", "乡科级正职").contains(l)) {
            throw new BadRequestException("「层次」无效：" + l);
        }
        List<Leader> heads = roster.heads(user.scope(), l, 300);
        audit.record(AuditEvent.read("leader_note", user.scope().nodeId(), "查看一把手名单 " + heads.size() + " 人"));
        model.addAttribute("heads", heads);
        model.addAttribute("level", l);
        model.addAttribute("notes", store.recentNotes(user.scope(), 30));
        return "cadres/leaders/index";
    }

    @GetMapping("/cadres/leaders/people/{personId}")
    String person(@PathVariable long personId, CurrentUser user, Model model) {
        Leader l = service.person(user, personId);
        audit.record(AuditEvent.read("leader_note", personId, "查看一把手履职跟踪：" + l.name()));
        model.addAttribute("leader", l);
        model.addAttribute("notes", store.notesOf(personId));
        model.addAttribute("kinds", LeaderViews.NOTE_KINDS);
        model.addAttribute("canWrite", CadreAccess.canWrite(user));
        model.addAttribute("today", service.now().toLocalDate());
        return "cadres/leaders/person";
    }

    @PostMapping("/cadres/leaders/people/{personId}/notes")
    String note(@PathVariable long personId, @RequestParam(required = false) String notedOn,
                @RequestParam(required = false) String kind, @RequestParam(required = false) String content,
                CurrentUser user, RedirectAttributes flash) {
        CadreAccess.requireWriter(user);
        return done(flash, "/cadres/leaders/people/" + personId,
                () -> service.note(user, personId, notedOn, kind, content), "履职跟踪已记录");
    }

    @GetMapping("/cadres/leaders/handovers")
    String handovers(@RequestParam(required = false) String township, @RequestParam(required = false) String appointment,
                     CurrentUser user, Model model) {
        access.requireRead(user);
        List<Handover> rows = store.handovers(user.scope(), null, 300);
        audit.record(AuditEvent.read("leader_handover", user.scope().nodeId(), "查看离任交接 " + rows.size() + " 件"));
        model.addAttribute("rows", rows);
        model.addAttribute("canWrite", CadreAccess.canWrite(user));
        model.addAttribute("townships", townships(user));
        model.addAttribute("township", township);
        model.addAttribute("holders", township == null || township.isBlank() ? List.of()
                : roster.postHoldersUnder(tree.get(Forms.id(township, "镇乡"), user.scope()).path(), 100));
        model.addAttribute("today", service.now().toLocalDate());
        model.addAttribute("pending", links.pending(user.scope(), 100));
        // 发起 from an appointment record: the leader and the record fixed, the 离任日期 its 任职 day
        model.addAttribute("link", appointment == null || appointment.isBlank() ? null
                : links.leaving(Forms.id(appointment, "选拔任用纪实")).filter(l -> user.scope().contains(l.townshipPath()))
                        .orElse(null));
        return "cadres/leaders/handovers";
    }

    @PostMapping("/cadres/leaders/handovers")
    String openHandover(@RequestParam(required = false) String townshipId, @RequestParam(required = false) String leavingId,
                        @RequestParam(required = false) String receivingId, @RequestParam(required = false) String leavesOn,
                        @RequestParam(required = false) String appointmentId,
                        CurrentUser user, RedirectAttributes flash) {
        CadreAccess.requireWriter(user);
        try {
            long id = service.openHandover(user, Forms.id(townshipId, "镇乡（街道）"), Forms.id(leavingId, "离任领导"),
                    Forms.id(receivingId, "接任领导"), leavesOn, Forms.optionalId(appointmentId, "选拔任用纪实"));
            flash.addFlashAttribute("message", "离任交接已发起");
            return "redirect:/cadres/leaders/handovers/" + id;
        } catch (BadRequestException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/cadres/leaders/handovers";
        }
    }

    @GetMapping("/cadres/leaders/handovers/{id}")
    String handover(@PathVariable long id, CurrentUser user, Model model) {
        Handover h = service.handover(user, id);
        audit.record(AuditEvent.read("leader_handover", id, "查看离任交接：" + h.leavingName()));
        model.addAttribute("h", h);
        model.addAttribute("items", store.items(id));
        model.addAttribute("canWrite", CadreAccess.canWrite(user));
        model.addAttribute("appointment", h.appointmentId() == null ? null : links.leaving(h.appointmentId()).orElse(null));
        return "cadres/leaders/handover";
    }

    @PostMapping("/cadres/leaders/handovers/{id}/items/{itemId}/confirm")
    String confirm(@PathVariable long id, @PathVariable long itemId, @RequestParam(required = false) String note,
                   CurrentUser user, RedirectAttributes flash) {
        CadreAccess.requireWriter(user);
        return done(flash, "/cadres/leaders/handovers/" + id, () -> service.confirmItem(user, id, itemId, note),
                "交接事项已确认");
    }

    @PostMapping("/cadres/leaders/handovers/{id}/sign")
    String sign(@PathVariable long id, @RequestParam(required = false) String side, CurrentUser user,
                RedirectAttributes flash) {
        CadreAccess.requireWriter(user);
        return done(flash, "/cadres/leaders/handovers/" + id, () -> service.sign(user, id, side), "签字已记录");
    }

    @PostMapping("/cadres/leaders/handovers/{id}/complete")
    String complete(@PathVariable long id, CurrentUser user, RedirectAttributes flash) {
        CadreAccess.requireWriter(user);
        return done(flash, "/cadres/leaders/handovers/" + id, () -> service.complete(user, id), "离任交接已完成");
    }

    @GetMapping("/cadres/leaders/tasks")
    String tasks(CurrentUser user, Model model) {
        access.requireRead(user);
        model.addAttribute("rows", store.tasks(user.scope(), 300));
        model.addAttribute("canWrite", CadreAccess.canWrite(user));
        model.addAttribute("today", service.now().toLocalDate());
        return "cadres/leaders/tasks";
    }

    @PostMapping("/cadres/leaders/tasks")
    String postTask(@RequestParam(required = false) String title, @RequestParam(required = false) String description,
                    @RequestParam(required = false) String capacity, @RequestParam(required = false) String startsOn,
                    @RequestParam(required = false) String endsOn, CurrentUser user, RedirectAttributes flash) {
        CadreAccess.requireWriter(user);
        try {
            long id = service.postTask(user, title, description, capacity, startsOn, endsOn);
            flash.addFlashAttribute("message", "揭榜任务已发布");
            return "redirect:/cadres/leaders/tasks/" + id;
        } catch (BadRequestException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/cadres/leaders/tasks";
        }
    }

    @GetMapping("/cadres/leaders/tasks/{id}")
    String task(@PathVariable long id, CurrentUser user, Model model) {
        Task t = service.task(user, id);
        var claims = store.claims(id);
        audit.record(AuditEvent.read("frontline_task", id, "查看揭榜任务及揭榜干部 " + claims.size() + " 人：" + t.title()));
        model.addAttribute("t", t);
        model.addAttribute("claims", claims);
        model.addAttribute("canWrite", CadreAccess.canWrite(user));
        model.addAttribute("formers", CadreAccess.canWrite(user) && "OPEN".equals(t.status()) ? roster.formers(user.scope(), 200)
                : List.of());
        return "cadres/leaders/task";
    }

    @PostMapping("/cadres/leaders/tasks/{id}/claims")
    String claim(@PathVariable long id, @RequestParam(required = false) String personId, CurrentUser user,
                 RedirectAttributes flash) {
        CadreAccess.requireWriter(user);
        return done(flash, "/cadres/leaders/tasks/" + id, () -> service.claimTask(user, id, Forms.id(personId, "揭榜干部")),
                "揭榜已登记");
    }

    @PostMapping("/cadres/leaders/tasks/{id}/close")
    String close(@PathVariable long id, CurrentUser user, RedirectAttributes flash) {
        CadreAccess.requireWriter(user);
        return done(flash, "/cadres/leaders/tasks/" + id, () -> service.close(user, id), "任务已关闭");
    }

    @PostMapping("/cadres/leaders/claims/{claimId}/progress")
    String progress(@PathVariable long claimId, @RequestParam(required = false) String progress, CurrentUser user,
                    RedirectAttributes flash) {
        CadreAccess.requireWriter(user);
        long task = service.claim(user, claimId).taskId();
        return done(flash, "/cadres/leaders/tasks/" + task, () -> service.progress(user, claimId, progress), "进展已更新");
    }

    @PostMapping("/cadres/leaders/claims/{claimId}/finish")
    String finish(@PathVariable long claimId, @RequestParam(required = false) String result, CurrentUser user,
                  RedirectAttributes flash) {
        CadreAccess.requireWriter(user);
        long task = service.claim(user, claimId).taskId();
        return done(flash, "/cadres/leaders/tasks/" + task, () -> service.finish(user, claimId, result), "攻坚成效已记录");
    }

    @GetMapping("/cadres/leaders/figures")
    String figures(@RequestParam(required = false) Integer year, CurrentUser user, Model model) {
        access.requireRead(user);
        int y = year == null ? service.now().getYear() : year;
        if (y < 2000 || y > 2100) {
            throw new BadRequestException("「年度」无效：" + y);
        }
        model.addAttribute("f", figures.of(user.scope(), y));
        return "cadres/leaders/figures";
    }

    /** The townships of the scope: the scope's node itself, its children or its children's children. */
    private List<cn.zugong.org.OrgNode> townships(CurrentUser user) {
        var root = tree.get(user.scope().nodeId(), user.scope());
        if (root.kind() == NodeKind.TOWNSHIP) {
            return List.of(root);
        }
        List<cn.zugong.org.OrgNode> out = new java.util.ArrayList<>();
        for (var c : tree.children(root.id(), user.scope())) {
            if (c.kind() == NodeKind.TOWNSHIP) {
                out.add(c);
            } else if (c.kind() == NodeKind.COUNTY) {
                tree.children(c.id(), user.scope()).stream().filter(n -> n.kind() == NodeKind.TOWNSHIP).forEach(out::add);
            }
        }
        return out;
    }

    private static String done(RedirectAttributes flash, String to, Runnable action, String message) {
        try {
            action.run();
            flash.addFlashAttribute("message", message);
        } catch (BadRequestException | ConflictException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + to;
    }
}
