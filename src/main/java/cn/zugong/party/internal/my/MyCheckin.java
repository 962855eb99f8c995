package cn.zugong.party.internal.my;

import cn.zugong.party.internal.checkin.CheckinAccess;
import cn.zugong.party.internal.checkin.CheckinStore;
import cn.zugong.party.internal.checkin.CheckinViews.Log;
import cn.zugong.party.internal.checkin.CheckinViews.Member;
import cn.zugong.party.internal.checkin.CheckinViews.Post;
import cn.zugong.party.internal.checkin.CheckinViews.Registration;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What a party member sees of their own 党员报到: only rows of their own member record; anybody else's id answers 404
 * (ADR 069). Shared by the member's pages and the JSON mirror.
 */
@Component
class MyCheckin {

    /** The member's own page: no ID number, no phone. */
    record Overview(long memberId, String name, String branchName, List<Registration> registrations,
                    List<Post> openPosts, List<Post> claimed, List<Log> logs) {
    }

    private final CheckinAccess access;
    private final CheckinStore store;
    private final Clock clock;

    MyCheckin(CheckinAccess access, CheckinStore store, Clock clock) {
        this.access = access;
        this.store = store;
        this.clock = clock;
    }

    Member me(CurrentUser user) {
        return access.me(user);
    }

    Overview overview(CurrentUser user) {
        Member m = me(user);
        return new Overview(m.id(), m.name(), m.branchName(), store.registrationsOfMember(m.id()),
                store.openPostsForMember(m.id(), LocalDate.now(clock)), store.claimedBy(m.id()),
                store.logsOfMember(m.id(), 50));
    }

    Registration myRegistration(Member m, long id) {
        return store.registration(id).filter(r -> r.memberId() == m.id())
                .orElseThrow(() -> new NotFoundException("报到记录不存在：" + id));
    }

    /** A post of a village the member is reported with (or holds a place on); others are not the member's to see. */
    Post post(Member m, long id) {
        Post p = store.post(id).orElseThrow(() -> new NotFoundException("服务岗位不存在：" + id));
        boolean reported = store.openRegistration(m.id(), p.villageId()).isPresent();
        if (!reported && !store.hasOpenClaim(m.id(), id)) {
            throw new NotFoundException("服务岗位不存在：" + id);
        }
        return p;
    }

    Log myLog(Member m, long id) {
        return store.log(id).filter(l -> l.memberId() == m.id())
                .orElseThrow(() -> new NotFoundException("服务记录不存在：" + id));
    }
}
