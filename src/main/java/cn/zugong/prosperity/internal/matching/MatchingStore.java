package cn.zugong.prosperity.internal.matching;

import cn.zugong.prosperity.MatchingNewEngagement;
import cn.zugong.prosperity.MatchingNewNeed;
import cn.zugong.prosperity.MatchingNewOffer;
import cn.zugong.prosperity.MatchingNewOutcome;
import cn.zugong.shared.Masking;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.crypto.BlindIndex;
import cn.zugong.shared.crypto.FieldCipher;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The 借力 and 给力 lists, engagements, outcomes and ratings in SQL. Reads take the caller's scope: a need belongs to
 * its poster's node; an offer is seen where it is managed and at the places it serves (above or below the caller's
 * node); an engagement by both its sides. Tags (skills, fields, places) are read in one query per list, never per row.
 */
@Repository
public class MatchingStore {

    static final String PHONE = "matching_offer.phone";

    /** A need inside the caller's scope (binds :scopePath). */
    static final String NEED_IN_SCOPE = "n.node_id in (select s.id from org_node s where s.path like :scopePath)";

    /**
     * An offer the caller sees (binds :scopePath and :callerPath): managed inside the scope, or serving a place that
     * lies inside the scope or above the caller's node (an offer for the whole city is seen by every county).
     */
    static final String OFFER_VISIBLE = """
            (o.node_id in (select s.id from org_node s where s.path like :scopePath)
             or exists (select 1 from matching_offer_place op join org_node pn on pn.id = op.node_id
                        where op.offer_id = o.id and (pn.path like :scopePath or :callerPath like pn.path || '%')))""";

    /** An engagement either side of which lies in the caller's scope (binds :scopePath). */
    static final String ENGAGEMENT_IN_SCOPE = """
            (n.node_id in (select s.id from org_node s where s.path like :scopePath)
             or o.node_id in (select s.id from org_node s where s.path like :scopePath))""";

    /** The visibility predicate for {@code scope}; the whole tree (a trusted caller: the demo) needs none. */
    static String offerVisible(OrgScope scope) {
        return scope.path().equals("/") ? "(:scopePath = :scopePath and :callerPath = :callerPath)" : OFFER_VISIBLE;
    }

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final Clock clock;

    MatchingStore(JdbcClient jdbc, FieldCipher cipher, BlindIndex index, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.index = index;
        this.clock = clock;
    }

    // ---- fields ----

    public List<Rows.Field> fields() {
        return jdbc.sql("select code, name from matching_field order by sort_order, code")
                .query((rs, n) -> new Rows.Field(rs.getString(1), rs.getString(2))).list();
    }

    public Map<String, String> fieldNames() {
        Map<String, String> out = new LinkedHashMap<>();
        fields().forEach(f -> out.put(f.code(), f.name()));
        return out;
    }

    // ---- needs ----

    public long insertNeed(MatchingNewNeed need, String by) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into matching_need (node_id, poster_kind, poster_name, title, field, description, place_node_id,
                    period_from, period_to, headcount, status, posted_on, created_by, created_at)
                values (:node, :kind, :poster, :title, :field, :description, :place, :from, :to, :headcount, 'OPEN',
                    :posted, :by, :now)""")
                .param("node", need.nodeId()).param("kind", need.posterKind()).param("poster", need.posterName())
                .param("title", need.title()).param("field", need.field()).param("description", need.description())
                .param("place", need.placeNodeId()).param("from", need.from()).param("to", need.to())
                .param("headcount", need.headcount())
                .param("posted", need.postedOn() == null ? LocalDate.now(clock) : need.postedOn())
                .param("by", by).param("now", LocalDateTime.now(clock)).update(key, "id");
        long id = key.getKey().longValue();
        for (String skill : need.skills()) {
            jdbc.sql("insert into matching_need_skill (need_id, skill) values (:id, :s)").param("id", id)
                    .param("s", skill).update();
        }
        return id;
    }

    private static final String NEED_SELECT = """
            select n.id, n.node_id, nn.name node_name, n.poster_kind, n.poster_name, n.title, n.field, f.name field_name,
                n.description, n.place_node_id, pn.name place_name, pn.path place_path, n.period_from, n.period_to,
                n.headcount, n.status, n.posted_on,
                (select count(*) from matching_engagement e where e.need_id = n.id and e.status <> 'ENDED') engagements
            from matching_need n join org_node nn on nn.id = n.node_id join org_node pn on pn.id = n.place_node_id
            join matching_field f on f.code = n.field""";

    public Optional<Rows.Need> need(long id, OrgScope scope) {
        List<Rows.Need> rows = jdbc.sql(NEED_SELECT + " where n.id = :id and " + NEED_IN_SCOPE)
                .param("id", id).param("scopePath", scope.pathPattern()).query(this::needRow).list();
        return withSkills(rows).stream().findFirst();
    }

    /** Needs in scope, newest first, filtered by status, field, county and a word of the title or poster. */
    public List<Rows.Need> needs(OrgScope scope, String status, String field, String q, int limit, int offset) {
        StringBuilder sql = new StringBuilder(NEED_SELECT).append(" where ").append(NEED_IN_SCOPE);
        Map<String, Object> params = new HashMap<>();
        params.put("scopePath", scope.pathPattern());
        if (status != null) {
            sql.append(" and n.status = :status");
            params.put("status", status);
        }
        if (field != null) {
            sql.append(" and n.field = :field");
            params.put("field", field);
        }
        if (q != null) {
            sql.append(" and (n.title like :q escape '\\' or n.poster_name like :q escape '\\'"
                    + " or pn.name like :q escape '\\')");
            params.put("q", cn.zugong.shared.SqlLike.contains(q));
        }
        sql.append(" order by n.posted_on desc, n.id desc limit ").append(limit).append(" offset ").append(offset);
        return withSkills(jdbc.sql(sql.toString()).params(params).query(this::needRow).list());
    }


    public void setNeedStatus(long id, String status) {
        jdbc.sql("update matching_need set status = :s, updated_at = :now where id = :id").param("s", status)
                .param("now", LocalDateTime.now(clock)).param("id", id).update();
    }

    private Rows.Need needRow(ResultSet rs, int n) throws SQLException {
        return new Rows.Need(rs.getLong("id"), rs.getLong("node_id"), rs.getString("node_name"),
                rs.getString("poster_kind"), Rows.posterKind(rs.getString("poster_kind")), rs.getString("poster_name"),
                rs.getString("title"), rs.getString("field"), rs.getString("field_name"), rs.getString("description"),
                rs.getLong("place_node_id"), rs.getString("place_name"), rs.getString("place_path"),
                rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
                rs.getInt("headcount"), rs.getString("status"), Rows.needStatus(rs.getString("status")),
                rs.getObject("posted_on", LocalDate.class), rs.getInt("engagements"), List.of());
    }

    private List<Rows.Need> withSkills(List<Rows.Need> needs) {
        if (needs.isEmpty()) {
            return needs;
        }
        Map<Long, List<String>> skills = new HashMap<>();
        jdbc.sql("select need_id, skill from matching_need_skill where need_id in (:ids) order by skill")
                .param("ids", needs.stream().map(Rows.Need::id).toList())
                .query(rs -> {
                    skills.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return needs.stream().map(x -> new Rows.Need(x.id(), x.nodeId(), x.nodeName(), x.posterKind(),
                x.posterKindLabel(), x.posterName(), x.title(), x.field(), x.fieldName(), x.description(),
                x.placeNodeId(), x.placeName(), x.placePath(), x.from(), x.to(), x.headcount(), x.status(),
                x.statusLabel(), x.postedOn(), x.engagements(), skills.getOrDefault(x.id(), List.of()))).toList();
    }

    // ---- offers ----

    public long insertOffer(MatchingNewOffer offer, String by) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into matching_offer (node_id, kind, name, current_post, person_id, talent_id, available_from,
                    available_to, phone, phone_index, note, status, registered_on, created_by, created_at)
                values (:node, :kind, :name, :post, :person, :talent, :from, :to, :phone, :idx, :note, 'ACTIVE',
                    :registered, :by, :now)""")
                .param("node", offer.nodeId()).param("kind", offer.kind()).param("name", offer.name())
                .param("post", offer.currentPost()).param("person", offer.personId()).param("talent", offer.talentId())
                .param("from", offer.from()).param("to", offer.to())
                .param("phone", cipher.encrypt(offer.phone(), PHONE)).param("idx", index.of(offer.phone()))
                .param("note", offer.note())
                .param("registered", offer.registeredOn() == null ? LocalDate.now(clock) : offer.registeredOn())
                .param("by", by).param("now", LocalDateTime.now(clock)).update(key, "id");
        long id = key.getKey().longValue();
        for (String f : offer.fields()) {
            jdbc.sql("insert into matching_offer_field (offer_id, field) values (:id, :f)").param("id", id)
                    .param("f", f).update();
        }
        for (String s : offer.skills()) {
            jdbc.sql("insert into matching_offer_skill (offer_id, skill) values (:id, :s)").param("id", id)
                    .param("s", s).update();
        }
        for (Long p : offer.placeNodeIds()) {
            jdbc.sql("insert into matching_offer_place (offer_id, node_id) values (:id, :p)").param("id", id)
                    .param("p", p).update();
        }
        return id;
    }

    private static final String OFFER_SELECT = """
            select o.id, o.node_id, nn.name node_name, o.kind, o.name, o.current_post, o.person_id, o.talent_id,
                o.available_from, o.available_to, o.phone, o.note, o.status, o.registered_on
            from matching_offer o join org_node nn on nn.id = o.node_id""";

    public Optional<Rows.Offer> offer(long id, OrgScope scope) {
        return withTags(jdbc.sql(OFFER_SELECT + " where o.id = :id and " + offerVisible(scope)).param("id", id)
                .param("scopePath", scope.pathPattern()).param("callerPath", scope.path())
                .query(this::offerRow).list()).stream().findFirst();
    }

    /** The full phone of an offer the caller sees (the caller audits the read). */
    public Optional<String> phone(long id, OrgScope scope) {
        return jdbc.sql("select o.phone from matching_offer o where o.id = :id and " + offerVisible(scope)).param("id", id)
                .param("scopePath", scope.pathPattern()).param("callerPath", scope.path())
                .query((rs, n) -> Optional.ofNullable(cipher.decrypt(rs.getString(1), PHONE))).optional()
                .flatMap(p -> p);
    }

    public List<Rows.Offer> offers(OrgScope scope, String kind, String field, String q, int limit, int offset) {
        StringBuilder sql = new StringBuilder(OFFER_SELECT).append(" where ").append(offerVisible(scope));
        Map<String, Object> params = new HashMap<>();
        params.put("scopePath", scope.pathPattern());
        params.put("callerPath", scope.path());
        if (kind != null) {
            sql.append(" and o.kind = :kind");
            params.put("kind", kind);
        }
        if (field != null) {
            sql.append(" and exists (select 1 from matching_offer_field f where f.offer_id = o.id and f.field = :field)");
            params.put("field", field);
        }
        if (q != null) {
            sql.append(" and (o.name like :q escape '\\' or o.current_post like :q escape '\\'"
                    + " or exists (select 1 from matching_offer_skill k where k.offer_id = o.id"
                    + " and k.skill like :q escape '\\'))");
            params.put("q", cn.zugong.shared.SqlLike.contains(q));
        }
        sql.append(" order by o.registered_on desc, o.id desc limit ").append(limit).append(" offset ").append(offset);
        return withTags(jdbc.sql(sql.toString()).params(params).query(this::offerRow).list());
    }

    /**
     * The active offers the caller sees that share the field or a skill with the need (or all of them when
     * {@code anyOffer}): four queries whatever their number (rows, then their fields, skills and places).
     */
    public List<Rows.Offer> candidates(OrgScope scope, long needId, boolean field, boolean skills) {
        String match;
        if (field && skills) {
            match = " and (exists (select 1 from matching_offer_field f join matching_need n on n.field = f.field"
                    + " where n.id = :need and f.offer_id = o.id) or exists (select 1 from matching_offer_skill k"
                    + " join matching_need_skill ns on ns.skill = k.skill where ns.need_id = :need and k.offer_id = o.id))";
        } else if (field) {
            match = " and exists (select 1 from matching_offer_field f join matching_need n on n.field = f.field"
                    + " where n.id = :need and f.offer_id = o.id)";
        } else if (skills) {
            match = " and exists (select 1 from matching_offer_skill k join matching_need_skill ns on ns.skill = k.skill"
                    + " where ns.need_id = :need and k.offer_id = o.id)";
        } else {
            match = " and :need = :need";
        }
        String where = " where o.status = 'ACTIVE' and " + offerVisible(scope) + match;
        List<Rows.Offer> rows = jdbc.sql(OFFER_SELECT + where).param("need", needId)
                .param("scopePath", scope.pathPattern()).param("callerPath", scope.path())
                .query(this::offerRow).list();
        return withTags(rows, "select o.id from matching_offer o" + where,
                Map.of("need", needId, "scopePath", scope.pathPattern(), "callerPath", scope.path()));
    }

    /** Offers and how many active engagements each has (busy elsewhere), for the given offers. */
    public Map<Long, Integer> activeEngagements(Collection<Long> offerIds) {
        Map<Long, Integer> out = new HashMap<>();
        if (offerIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select offer_id, count(*) from matching_engagement where status = 'ACTIVE' group by offer_id")
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getInt(2));
                });
        return out;
    }

    private Rows.Offer offerRow(ResultSet rs, int n) throws SQLException {
        String phone = cipher.decrypt(rs.getString("phone"), PHONE);
        return new Rows.Offer(rs.getLong("id"), rs.getLong("node_id"), rs.getString("node_name"), rs.getString("kind"),
                Rows.offerKind(rs.getString("kind")), rs.getString("name"), rs.getString("current_post"),
                (Long) rs.getObject("person_id", Long.class), (Long) rs.getObject("talent_id", Long.class),
                rs.getObject("available_from", LocalDate.class), rs.getObject("available_to", LocalDate.class),
                Masking.phone(phone), rs.getString("note"), rs.getString("status"),
                Rows.offerStatus(rs.getString("status")), rs.getObject("registered_on", LocalDate.class),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private List<Rows.Offer> withTags(List<Rows.Offer> offers) {
        if (offers.isEmpty()) {
            return offers;
        }
        return withTags(offers, "select o.id from matching_offer o where o.id in (:ids)",
                Map.of("ids", offers.stream().map(Rows.Offer::id).toList()));
    }

    /** Fields, skills and places of the offers selected by {@code idsSql} (three queries). */
    private List<Rows.Offer> withTags(List<Rows.Offer> offers, String idsSql, Map<String, ?> params) {
        if (offers.isEmpty()) {
            return offers;
        }
        Map<Long, List<String>> fields = new HashMap<>();
        Map<Long, List<String>> fieldNames = new HashMap<>();
        jdbc.sql("select f.offer_id, f.field, mf.name from matching_offer_field f join matching_field mf on mf.code = f.field"
                        + " where f.offer_id in (" + idsSql + ") order by mf.sort_order").params(params)
                .query(rs -> {
                    fields.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                    fieldNames.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(3));
                });
        Map<Long, List<String>> skills = new HashMap<>();
        jdbc.sql("select k.offer_id, k.skill from matching_offer_skill k where k.offer_id in (" + idsSql
                        + ") order by k.skill").params(params)
                .query(rs -> {
                    skills.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<Long, List<Long>> placeIds = new HashMap<>();
        Map<Long, List<String>> placeNames = new HashMap<>();
        Map<Long, List<String>> placePaths = new HashMap<>();
        jdbc.sql("select p.offer_id, p.node_id, n.name, n.path from matching_offer_place p join org_node n on n.id = p.node_id"
                        + " where p.offer_id in (" + idsSql + ") order by n.path").params(params)
                .query(rs -> {
                    placeIds.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                    placeNames.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(3));
                    placePaths.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(4));
                });
        return offers.stream().map(o -> new Rows.Offer(o.id(), o.nodeId(), o.nodeName(), o.kind(), o.kindLabel(),
                o.name(), o.currentPost(), o.personId(), o.talentId(), o.from(), o.to(), o.phone(), o.note(),
                o.status(), o.statusLabel(), o.registeredOn(), fields.getOrDefault(o.id(), List.of()),
                fieldNames.getOrDefault(o.id(), List.of()), skills.getOrDefault(o.id(), List.of()),
                placeIds.getOrDefault(o.id(), List.of()), placeNames.getOrDefault(o.id(), List.of()),
                placePaths.getOrDefault(o.id(), List.of()))).toList();
    }

    public void withdrawOffer(long id) {
        jdbc.sql("update matching_offer set status = 'WITHDRAWN', updated_at = :now where id = :id")
                .param("now", LocalDateTime.now(clock)).param("id", id).update();
    }

    // ---- engagements ----

    public long insertEngagement(MatchingNewEngagement e, BigDecimal score, String by) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into matching_engagement (need_id, offer_id, start_on, end_on, tasks, score, status, created_by,
                    created_at)
                values (:need, :offer, :start, :end, :tasks, :score, 'ACTIVE', :by, :now)""")
                .param("need", e.needId()).param("offer", e.offerId()).param("start", e.start()).param("end", e.end())
                .param("tasks", e.tasks()).param("score", score).param("by", by)
                .param("now", LocalDateTime.now(clock)).update(key, "id");
        return key.getKey().longValue();
    }

    private static final String ENGAGEMENT_SELECT = """
            select e.id, e.need_id, n.title need_title, n.node_id need_node_id, nn.name need_node_name,
                pn.name place_name, n.field, f.name field_name, e.offer_id, o.name offer_name, o.kind offer_kind,
                o.node_id offer_node_id, onn.name offer_node_name, e.start_on, e.end_on, e.tasks, e.score, e.status,
                e.completed_on
            from matching_engagement e join matching_need n on n.id = e.need_id
            join matching_offer o on o.id = e.offer_id join org_node nn on nn.id = n.node_id
            join org_node pn on pn.id = n.place_node_id join org_node onn on onn.id = o.node_id
            join matching_field f on f.code = n.field""";

    /**
     * One engagement if either side lies in the scope: the sides' paths are read first (one small query) and checked
     * here, so the six-table read runs only for an engagement the caller may see.
     */
    public Optional<Rows.Engagement> engagement(long id, OrgScope scope) {
        Optional<String[]> sides = sidePaths(id);
        if (sides.isEmpty() || !(scope.contains(sides.get()[0]) || scope.contains(sides.get()[1]))) {
            return Optional.empty();
        }
        return jdbc.sql(ENGAGEMENT_SELECT + " where e.id = :id").param("id", id).query(this::engagementRow).optional();
    }

    /** Engagements in scope, optionally of one need or one offer, newest first. */
    public List<Rows.Engagement> engagements(OrgScope scope, Long needId, Long offerId, String status, int limit,
                                             int offset) {
        // optional filters appended only when given (a typeless "null is null" parameter fails on PostgreSQL)
        StringBuilder sql = new StringBuilder(ENGAGEMENT_SELECT).append(" where ").append(ENGAGEMENT_IN_SCOPE);
        Map<String, Object> params = new HashMap<>();
        params.put("scopePath", scope.pathPattern());
        if (needId != null) {
            sql.append(" and e.need_id = :need");
            params.put("need", needId);
        }
        if (offerId != null) {
            sql.append(" and e.offer_id = :offer");
            params.put("offer", offerId);
        }
        if (status != null) {
            sql.append(" and e.status = :status");
            params.put("status", status);
        }
        sql.append(" order by e.start_on desc, e.id desc limit ").append(limit).append(" offset ").append(offset);
        return jdbc.sql(sql.toString()).params(params).query(this::engagementRow).list();
    }

    public boolean engaged(long needId, long offerId) {
        return jdbc.sql("select count(*) from matching_engagement where need_id = :n and offer_id = :o")
                .param("n", needId).param("o", offerId).query(Long.class).single() > 0;
    }

    public Map<Long, Boolean> engagedOffers(long needId) {
        Map<Long, Boolean> out = new HashMap<>();
        jdbc.sql("select offer_id from matching_engagement where need_id = :n").param("n", needId)
                .query(rs -> {
                    out.put(rs.getLong(1), true);
                });
        return out;
    }

    /** Engagements of a need that are not ended, and how many of those are done. */
    public long[] needProgress(long needId) {
        return jdbc.sql("select count(*), coalesce(sum(case when status = 'DONE' then 1 else 0 end), 0)"
                        + " from matching_engagement where need_id = :n and status <> 'ENDED'").param("n", needId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    /** Moves an engagement on; false when it was no longer in {@code from} (a concurrent change). */
    public boolean setEngagementStatus(long id, String from, String to, LocalDate completedOn) {
        return jdbc.sql("update matching_engagement set status = :to, completed_on = :on, updated_at = :now"
                        + " where id = :id and status = :from")
                .param("to", to).param("on", completedOn).param("now", LocalDateTime.now(clock)).param("id", id)
                .param("from", from).update() == 1;
    }

    private Rows.Engagement engagementRow(ResultSet rs, int n) throws SQLException {
        return new Rows.Engagement(rs.getLong("id"), rs.getLong("need_id"), rs.getString("need_title"),
                rs.getLong("need_node_id"), rs.getString("need_node_name"), rs.getString("place_name"),
                rs.getString("field"), rs.getString("field_name"), rs.getLong("offer_id"), rs.getString("offer_name"),
                Rows.offerKind(rs.getString("offer_kind")), rs.getLong("offer_node_id"),
                rs.getString("offer_node_name"), rs.getObject("start_on", LocalDate.class),
                rs.getObject("end_on", LocalDate.class), rs.getString("tasks"), rs.getBigDecimal("score"),
                rs.getString("status"), Rows.engagementStatus(rs.getString("status")),
                rs.getObject("completed_on", LocalDate.class));
    }

    // ---- outcomes and ratings ----

    public long insertOutcome(long engagementId, MatchingNewOutcome o, String by) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into matching_outcome (engagement_id, recorded_on, summary, projects, funds_yuan, people_trained,
                    created_by, created_at)
                values (:e, :on, :summary, :projects, :funds, :trained, :by, :now)""")
                .param("e", engagementId).param("on", o.recordedOn()).param("summary", o.summary())
                .param("projects", o.projects()).param("funds", o.fundsYuan()).param("trained", o.peopleTrained())
                .param("by", by).param("now", LocalDateTime.now(clock)).update(key, "id");
        return key.getKey().longValue();
    }

    public List<Rows.Outcome> outcomes(long engagementId) {
        return jdbc.sql("select id, engagement_id, recorded_on, summary, projects, funds_yuan, people_trained, created_by"
                        + " from matching_outcome where engagement_id = :e order by recorded_on, id")
                .param("e", engagementId)
                .query((rs, n) -> new Rows.Outcome(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getInt(5), rs.getBigDecimal(6), rs.getInt(7), rs.getString(8))).list();
    }

    /** Inserts a rating; the unique key (engagement, side) refuses a second one even under concurrent posts. */
    public long insertRating(long engagementId, String side, int stars, String comment, String by,
                             LocalDateTime at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into matching_rating (engagement_id, side, stars, comment, rated_by, rated_at)
                values (:e, :side, :stars, :comment, :by, :at)""")
                .param("e", engagementId).param("side", side).param("stars", stars).param("comment", comment)
                .param("by", by).param("at", at == null ? LocalDateTime.now(clock) : at).update(key, "id");
        return key.getKey().longValue();
    }

    public List<Rows.Rating> ratings(long engagementId) {
        return jdbc.sql("select id, engagement_id, side, stars, comment, rated_by, rated_at from matching_rating"
                        + " where engagement_id = :e order by side")
                .param("e", engagementId)
                .query((rs, n) -> new Rows.Rating(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        Rows.side(rs.getString(3)), rs.getInt(4), rs.getString(5), rs.getString(6),
                        rs.getObject(7, LocalDateTime.class))).list();
    }

    /** The org paths of the need's node and the offer's managing node (which side a caller is on). */
    public Optional<String[]> sidePaths(long engagementId) {
        return jdbc.sql("""
                select nn.path, onn.path from matching_engagement e join matching_need n on n.id = e.need_id
                join matching_offer o on o.id = e.offer_id join org_node nn on nn.id = n.node_id
                join org_node onn on onn.id = o.node_id where e.id = :id""").param("id", engagementId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
    }

    /** Whether anything was written by {@code by} (the demo loads once). */
    public boolean anyCreatedBy(String by) {
        return jdbc.sql("select count(*) from matching_offer where created_by = :by").param("by", by)
                .query(Long.class).single() > 0;
    }
}
