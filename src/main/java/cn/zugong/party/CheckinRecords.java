package cn.zugong.party;

import cn.zugong.party.internal.checkin.CheckinForms;
import cn.zugong.party.internal.checkin.CheckinService;
import cn.zugong.party.internal.checkin.CheckinStore;
import cn.zugong.party.internal.checkin.CheckinViews.Member;
import cn.zugong.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 党员报到's writes for other modules and the demo (ADR 069): the same service, rules and audit as the pages, with an
 * explicit actor and time (the demo writes a campaign as of its own date). A reason that does not hold is refused
 * exactly as on the member's page.
 */
@Service
public class CheckinRecords {

    private final CheckinService service;
    private final CheckinStore store;
    private final JdbcClient jdbc;

    CheckinRecords(CheckinService service, CheckinStore store, JdbcClient jdbc) {
        this.service = service;
        this.store = store;
        this.jdbc = jdbc;
    }

    /** Whether any registration exists (the demo's idempotence check). */
    public boolean any() {
        return jdbc.sql("select count(*) from checkin_registration").query(Long.class).single() > 0;
    }

    @Transactional
    public long pair(long partyOrgId, long villageId, CheckinReason kind, String note, String actor,
                     LocalDateTime at) {
        return store.insertPairing(partyOrgId, villageId, kind, note, actor, at);
    }

    public long register(long memberId, long villageId, CheckinReason reason, LocalDate livedFrom, LocalDate livedTo,
                         String declaration, String actor, LocalDateTime at) {
        return service.register(member(memberId), new CheckinForms.RegisterForm(String.valueOf(villageId),
                reason.name(), str(livedFrom), str(livedTo), declaration), actor, at);
    }

    public void confirm(long registrationId, String actor, LocalDateTime at) {
        service.decide(store.registration(registrationId).orElseThrow(), true, null, actor, at);
    }

    public long publish(long villageId, CheckinPostKind kind, CheckinPostRole role, String title, String description,
                        int capacity, LocalDate from, LocalDate to, String actor, LocalDateTime at) {
        return service.publish(service.village(villageId), new CheckinForms.PostForm(kind.name(), role.name(), title,
                description, String.valueOf(capacity), from.toString(), to.toString()), actor, at);
    }

    public long claim(long memberId, long postId, String actor, LocalDateTime at) {
        return service.claim(member(memberId), store.post(postId).orElseThrow(), actor, at);
    }

    public long log(long memberId, long villageId, Long postId, LocalDate servedOn, String what, String whom,
                    int elderlyVisits, BigDecimal fundsYuan, String projects, String actor, LocalDateTime at) {
        return service.log(member(memberId), new CheckinForms.LogForm(String.valueOf(villageId),
                postId == null ? null : postId.toString(), servedOn.toString(), what, whom,
                String.valueOf(elderlyVisits), fundsYuan.toPlainString(), projects), List.of(), actor, false, at);
    }

    /** Links a member's own account (party_member.username) when the member has none yet. */
    @Transactional
    public boolean linkAccount(long memberId, String username) {
        return jdbc.sql("update party_member set username = :u where id = :m and username is null")
                .param("u", username).param("m", memberId).update() == 1;
    }

    private Member member(long id) {
        return store.member(id).orElseThrow(() -> new NotFoundException("党员不存在：" + id));
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
