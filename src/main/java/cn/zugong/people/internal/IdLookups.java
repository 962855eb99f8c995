package cn.zugong.people.internal;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.crypto.BlindIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Whole-ID-number lookups (ADR 034): a search of the roster by a whole 身份证号 and an import row that
 * hits a person outside the importer's scope both confirm that a number exists, so both are audited
 * (who, when, hit or not — never the number) and counted per account over a sliding window kept in the
 * database (any number of nodes count together). Beyond the allowance a search is refused (429).
 */
@Component
class IdLookups {

    /** One import row whose ID number belongs to a person outside the importer's scope. */
    record ForeignHit(int row, long personId) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final BlindIndex index;
    private final int limit;
    private final Duration window;

    IdLookups(JdbcClient jdbc, Clock clock, AuditTrail audit, BlindIndex index,
              @Value("${zugong.people.id-lookups.limit:10}") int limit,
              @Value("${zugong.people.id-lookups.window:10m}") Duration window) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.index = index;
        this.limit = limit;
        this.window = window;
    }

    /**
     * Counts one search by a whole number, or refuses it (audited) when the account has used its
     * allowance. Counted first, then checked, so concurrent searches cannot slip past together; a
     * refused search gives its count back, so waiting out the window always helps.
     */
    void admitSearch(CurrentUser user, String channel) {
        LocalDateTime now = LocalDateTime.now(clock);
        long id = insert(user.username(), now);
        if (used(user.username(), now) > limit) {
            jdbc.sql("delete from person_id_lookup where id = :id").param("id", id).update();
            audit.record(AuditEvent.of(AuditAction.READ_PERSONAL, "person", null,
                    "按完整身份证号查找人员（" + channel + "）：超过频率限制（" + allowance() + "），已拒绝"));
            throw refusal();
        }
    }

    /** Audits a search by a whole number once its answer is known: the person found, or none. */
    void searched(String idNumber, Collection<Long> found, String channel) {
        searched(idNumber, found.size() == 1 ? found.iterator().next() : null, found.size(), channel);
    }

    /** As above when only the number of people is known ({@code hit} null). */
    void searched(String idNumber, Long hit, int hits, String channel) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("channel", channel);
        after.put("hits", hits);
        // a prefix of the keyed blind index ties repeated searches for one number together, and
        // reveals nothing of the number without the index key
        after.put("indexPrefix", index.of(idNumber).substring(0, 8));
        audit.record(new AuditEvent(AuditAction.READ_PERSONAL, "person", hit == null ? null : String.valueOf(hit),
                "按完整身份证号查找人员（" + channel + "）：" + (hits == 0 ? "未命中" : "命中 " + hits + " 人"),
                null, after, null));
    }

    /**
     * Audits and counts import rows that hit people outside the importer's scope (in the import's
     * transaction); false when they go beyond the allowance, and the import must then tell no row.
     */
    boolean foreignHits(CurrentUser user, List<ForeignHit> hits) {
        LocalDateTime now = LocalDateTime.now(clock);
        for (ForeignHit hit : hits) {
            insert(user.username(), now);
            audit.record(new AuditEvent(AuditAction.READ_PERSONAL, "person", String.valueOf(hit.personId()),
                    "导入干部名册：第 " + hit.row() + " 行的身份证号已登记在管理范围以外的单位，已拒绝该行",
                    null, Map.of("channel", "导入", "row", hit.row()), null));
        }
        return used(user.username(), now) <= limit;
    }

    IdLookupLimitException refusal() {
        return new IdLookupLimitException("按完整身份证号查找过于频繁：每个账号" + allowance()
                + "（导入文件中已属于其他单位人员的身份证号也计入），请稍后再试；如确有需要，请联系上级组织部门",
                window.toSeconds());
    }

    private String allowance() {
        return " " + window.toMinutes() + " 分钟内最多 " + limit + " 次";
    }

    private long insert(String actor, LocalDateTime now) {
        jdbc.sql("delete from person_id_lookup where actor = :actor and at <= :cutoff")
                .param("actor", actor).param("cutoff", now.minus(window)).update();
        var key = new GeneratedKeyHolder();
        jdbc.sql("insert into person_id_lookup (actor, at) values (:actor, :at)")
                .param("actor", actor).param("at", now).update(key, "id");
        return key.getKey().longValue();
    }

    private long used(String actor, LocalDateTime now) {
        return jdbc.sql("select count(*) from person_id_lookup where actor = :actor and at > :cutoff")
                .param("actor", actor).param("cutoff", now.minus(window)).query(Long.class).single();
    }
}
