package cn.zugong.party.internal.my;

import cn.zugong.party.internal.checkin.CheckinForms.LogForm;
import cn.zugong.party.internal.checkin.CheckinForms.RegisterForm;
import cn.zugong.party.internal.checkin.CheckinService;
import cn.zugong.party.internal.checkin.CheckinStore;
import cn.zugong.party.internal.checkin.CheckinViews.Log;
import cn.zugong.party.internal.checkin.CheckinViews.Member;
import cn.zugong.party.internal.checkin.CheckinViews.Place;
import cn.zugong.party.internal.checkin.CheckinViews.Post;
import cn.zugong.party.internal.checkin.CheckinViews.Registration;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The member's own JSON API (the phone pages' mirror): the same rules, only the member's own rows. */
@RestController
class CheckinMyApiController {

    private final MyCheckin my;
    private final CheckinStore store;
    private final CheckinService service;
    private final Clock clock;

    CheckinMyApiController(MyCheckin my, CheckinStore store, CheckinService service, Clock clock) {
        this.my = my;
        this.store = store;
        this.service = service;
        this.clock = clock;
    }

    @GetMapping("/api/party/my")
    MyCheckin.Overview overview(CurrentUser user) {
        return my.overview(user);
    }

    @GetMapping("/api/party/my/places")
    List<Place> places(@RequestParam(required = false) Long parent, @RequestParam String kind, CurrentUser user) {
        my.me(user);
        if (!List.of("COUNTY", "TOWNSHIP", "VILLAGE").contains(kind)) {
            throw new BadRequestException("「kind」无效：" + kind);
        }
        if (!kind.equals("COUNTY") && parent == null) {
            throw new BadRequestException("请给出上级区划「parent」");
        }
        return store.places(kind.equals("COUNTY") ? null : parent, kind);
    }

    @PostMapping("/api/party/my/registrations")
    Registration register(@RequestBody RegisterForm form, CurrentUser user) {
        Member m = my.me(user);
        return store.registration(service.register(m, form, user.username())).orElseThrow();
    }

    @PostMapping("/api/party/my/registrations/{id}/end")
    Registration end(@PathVariable long id, CurrentUser user) {
        Member m = my.me(user);
        service.end(my.myRegistration(m, id), user.username());
        return store.registration(id).orElseThrow();
    }

    @GetMapping("/api/party/my/posts")
    List<Post> posts(CurrentUser user) {
        return store.openPostsForMember(my.me(user).id(), LocalDate.now(clock));
    }

    @PostMapping("/api/party/my/posts/{id}/claim")
    Post claim(@PathVariable long id, CurrentUser user) {
        Member m = my.me(user);
        service.claim(m, my.post(m, id), user.username());
        return store.post(id).orElseThrow();
    }

    @PostMapping("/api/party/my/posts/{id}/withdraw")
    Post withdraw(@PathVariable long id, CurrentUser user) {
        Member m = my.me(user);
        service.withdraw(m, my.post(m, id), user.username());
        return store.post(id).orElseThrow();
    }

    @GetMapping("/api/party/my/logs")
    List<Log> logs(CurrentUser user) {
        return store.logsOfMember(my.me(user).id(), 200);
    }

    @GetMapping("/api/party/my/logs/{id}")
    Log log(@PathVariable long id, CurrentUser user) {
        return my.myLog(my.me(user), id);
    }

    @PostMapping("/api/party/my/logs")
    Log addLog(@RequestBody LogForm form, CurrentUser user) {
        Member m = my.me(user);
        return store.log(service.log(m, form, List.of(), user.username(), false)).orElseThrow();
    }
}
