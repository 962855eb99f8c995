package cn.zugong.talent.internal.support;

import cn.zugong.shared.CurrentUser;
import cn.zugong.talent.internal.support.SupportForms.RequestForm;
import cn.zugong.talent.internal.support.SupportViews.RequestView;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The talent's own 人才诉求 (role TALENT, phone layout): raise one, see the own requests with their status and the
 * answer. Anything not the talent's own answers 404; nothing of the ticket's handling is shown.
 */
@Controller
class MyRequestsController {

    private final SupportService service;

    MyRequestsController(SupportService service) {
        this.service = service;
    }

    /** What a talent sees of a request (page and API alike). */
    record MyRequest(long id, String ticketNo, String topic, String title, LocalDateTime raisedAt, String status,
                     String statusLabel, String handledBy, LocalDate deadline, String answer,
                     LocalDateTime answeredAt) {

        static MyRequest of(RequestView v) {
            var p = v.progress();
            return new MyRequest(v.request().id(), v.request().ticketNo(), v.topicLabel(), v.request().title(),
                    v.request().raisedAt(), v.status() == null ? null : v.status().name(), v.statusLabel(),
                    p == null ? null : p.ownerName(), p == null ? null : p.deadline(), v.answer(),
                    v.done() ? p.resolvedAt() : null);
        }
    }

    @GetMapping("/talent/my/requests")
    String list(CurrentUser user, Model model) {
        model.addAttribute("requests", service.own(user).stream().map(MyRequest::of).toList());
        model.addAttribute("topics", Topic.values());
        model.addAttribute("form", RequestForm.blank());
        return "talent/my/requests";
    }

    @PostMapping("/talent/my/requests")
    String raise(RequestForm form, CurrentUser user, RedirectAttributes flash) {
        RequestView v = service.raiseOwn(form, user);
        flash.addFlashAttribute("message", "诉求已提交，编号 " + v.request().ticketNo() + "，我们会尽快办理并答复。");
        return "redirect:/talent/my/requests/" + v.request().id();
    }

    @GetMapping("/talent/my/requests/{id}")
    String one(@PathVariable long id, CurrentUser user, Model model) {
        model.addAttribute("r", MyRequest.of(service.ownOne(id, user)));
        return "talent/my/request";
    }

    @GetMapping("/api/talent/my/requests")
    @ResponseBody
    List<MyRequest> apiList(CurrentUser user) {
        return service.own(user).stream().map(MyRequest::of).toList();
    }

    @GetMapping("/api/talent/my/requests/{id}")
    @ResponseBody
    MyRequest apiOne(@PathVariable long id, CurrentUser user) {
        return MyRequest.of(service.ownOne(id, user));
    }

    @PostMapping("/api/talent/my/requests")
    @ResponseBody
    @ResponseStatus(HttpStatus.CREATED)
    MyRequest apiRaise(@RequestBody RequestForm form, CurrentUser user) {
        return MyRequest.of(service.raiseOwn(form, user));
    }
}
