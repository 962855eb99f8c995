package cn.zugong.prosperity;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.prosperity.internal.matching.Matcher;
import cn.zugong.prosperity.internal.matching.MatchingStore;
import cn.zugong.shared.OrgScope;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 聚力共富's public write API for other modules (the demo, feeds of other systems): posts needs, registers offers,
 * makes engagements (with the matcher's score), records outcomes, completions and ratings. Users write through the
 * pages, which check role, scope and side; this API trusts its caller and audits every write under the caller's
 * name. {@link #rank} gives the matcher's ranking over every offer (no scope), for callers that choose matches.
 */
@Service
public class MatchingLists {

    /** The whole tree: the trusted caller sees every offer. */
    private static final OrgScope ALL = new OrgScope(0, "/");

    private final MatchingStore store;
    private final Matcher matcher;
    private final AuditTrail audit;

    MatchingLists(MatchingStore store, Matcher matcher, AuditTrail audit) {
        this.store = store;
        this.matcher = matcher;
        this.audit = audit;
    }

    @Transactional
    public long postNeed(MatchingNewNeed need, String by) {
        long id = store.insertNeed(need, by);
        audit.record(AuditEvent.of(AuditAction.CREATE, "matching_need", id, "发布借力需求：" + need.title()));
        return id;
    }

    @Transactional
    public long registerOffer(MatchingNewOffer offer, String by) {
        long id = store.insertOffer(offer, by);
        audit.record(AuditEvent.of(AuditAction.CREATE, "matching_offer", id, "登记给力人才：" + offer.name()));
        return id;
    }

    /** A ranked candidate: the offer's id and its score. */
    public record Ranked(long offerId, MatchingScore score) {
    }

    public List<Ranked> rank(long needId) {
        var need = store.need(needId, ALL).orElseThrow(() -> new IllegalArgumentException("no need " + needId));
        return matcher.rank(need, ALL).stream().map(c -> new Ranked(c.offer().id(), c.score())).toList();
    }

    /** Makes an engagement; the need becomes 已对接 once it has as many engagements as people wanted. */
    @Transactional
    public long engage(MatchingNewEngagement e, String by) {
        var need = store.need(e.needId(), ALL).orElseThrow(() -> new IllegalArgumentException("no need " + e.needId()));
        var offer = store.offer(e.offerId(), ALL).orElseThrow(() -> new IllegalArgumentException("no offer " + e.offerId()));
        long id = store.insertEngagement(e, matcher.score(need, offer).total(), by);
        if (need.status().equals("OPEN") && store.needProgress(need.id())[0] >= need.headcount()) {
            store.setNeedStatus(need.id(), "MATCHED");
        }
        audit.record(AuditEvent.of(AuditAction.CREATE, "matching_engagement", id, "对接：" + offer.name() + " → "
                + need.title()));
        return id;
    }

    @Transactional
    public long addOutcome(long engagementId, MatchingNewOutcome outcome, String by) {
        long id = store.insertOutcome(engagementId, outcome, by);
        audit.record(AuditEvent.of(AuditAction.CREATE, "matching_outcome", id, "记录对接成效"));
        return id;
    }

    /** Completes an engagement on {@code on}; the need becomes 已完成 when all its engagements are done. */
    @Transactional
    public void complete(long engagementId, LocalDate on, String by) {
        var e = store.engagement(engagementId, ALL).orElseThrow();
        if (store.setEngagementStatus(engagementId, "ACTIVE", "DONE", on)) {
            var need = store.need(e.needId(), ALL).orElseThrow();
            long[] progress = store.needProgress(need.id());
            if (progress[0] >= need.headcount() && progress[0] == progress[1]) {
                store.setNeedStatus(need.id(), "DONE");
            }
            audit.record(AuditEvent.change(AuditAction.UPDATE, "matching_engagement", engagementId, null,
                    Map.of("status", "DONE", "by", by)));
        }
    }

    /** A rating by side NEED (the hosting side rates the person) or OFFER (the person rates the hosting side). */
    @Transactional
    public long rate(long engagementId, String side, int stars, String comment, String by, LocalDateTime at) {
        long id = store.insertRating(engagementId, side, stars, comment, by, at);
        audit.record(AuditEvent.of(AuditAction.CREATE, "matching_rating", id, side + " " + stars + " 星"));
        return id;
    }

    /** Whether any offer was registered by {@code by} (the demo loads once). */
    public boolean registeredBy(String by) {
        return store.anyCreatedBy(by);
    }
}
