package cn.zugong.cadre;

import cn.zugong.cadre.internal.leaders.LeadersService;
import cn.zugong.shared.CurrentUser;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The 一把手 / 离任交接 / 揭榜出征 writes for other modules (the demo): the part's own service with its checks,
 * transactions and audit (ADR 078).
 */
@Service
public class LeadershipRecords {

    private final LeadersService leaders;
    private final JdbcClient jdbc;

    LeadershipRecords(LeadersService leaders, JdbcClient jdbc) {
        this.leaders = leaders;
        this.jdbc = jdbc;
    }

    public long note(CurrentUser user, long personId, String notedOn, String kind, String content) {
        return leaders.note(user, personId, notedOn, kind, content);
    }

    public long openHandover(CurrentUser user, long townshipId, long leavingId, long receivingId, String leavesOn) {
        return leaders.openHandover(user, townshipId, leavingId, receivingId, leavesOn, null);
    }

    /** The checklist items of a handover, in order. */
    public List<Long> items(long handoverId) {
        return jdbc.sql("select id from leader_handover_item where handover_id = :h order by sort_order, id")
                .param("h", handoverId).query(Long.class).list();
    }

    public void confirmItem(CurrentUser user, long id, long itemId, String note) {
        leaders.confirmItem(user, id, itemId, note);
    }

    public void sign(CurrentUser user, long id, boolean leaving) {
        leaders.sign(user, id, leaving ? "LEAVING" : "RECEIVING");
    }

    public void complete(CurrentUser user, long id) {
        leaders.complete(user, id);
    }

    public long postTask(CurrentUser user, String title, String description, int capacity, String startsOn,
                         String endsOn) {
        return leaders.postTask(user, title, description, String.valueOf(capacity), startsOn, endsOn);
    }

    public long claimTask(CurrentUser user, long taskId, long personId) {
        return leaders.claimTask(user, taskId, personId);
    }

    public void progress(CurrentUser user, long claimId, String progress) {
        leaders.progress(user, claimId, progress);
    }

    public void finish(CurrentUser user, long claimId, String result) {
        leaders.finish(user, claimId, result);
    }
}
