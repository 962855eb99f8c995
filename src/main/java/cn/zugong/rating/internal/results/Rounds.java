package cn.zugong.rating.internal.results;

import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.rating.RatingScheme;
import cn.zugong.rating.RatingSchemes;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.OrgScope;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Chooses the rounds a results page shows (see {@link Selection}). */
@Component
class Rounds {

    private final JdbcClient jdbc;
    private final RatingSchemes schemes;
    private final OrgTree tree;
    private final Clock clock;

    Rounds(JdbcClient jdbc, RatingSchemes schemes, OrgTree tree, Clock clock) {
        this.jdbc = jdbc;
        this.schemes = schemes;
        this.tree = tree;
        this.clock = clock;
    }

    /** A round as the selector lists it. */
    record RoundRow(long id, String name, String status, String version) {
    }

    /** The schemes by code (their newest version), for the selector. */
    Map<String, RatingScheme> schemesByCode() {
        Map<String, RatingScheme> byCode = new LinkedHashMap<>();
        for (RatingScheme s : schemes.all()) {
            byCode.put(s.code(), schemes.latest(s.code()).orElse(s));
        }
        return byCode;
    }

    /** Years of the scheme with a round holding organisations of the scope, newest first. */
    List<Integer> years(String scheme, OrgScope scope) {
        return jdbc.sql("select distinct r.rating_year from rating_round r where r.scheme_code = :s and exists ("
                        + "select 1 from rating_entry e join org_node n on n.id = e.node_id where e.round_id = r.id "
                        + "and n.path like :scopePath) order by r.rating_year desc")
                .param("s", scheme).param("scopePath", scope.pathPattern()).query(Integer.class).list();
    }

    List<RoundRow> rounds(String scheme, int year, OrgScope scope) {
        return jdbc.sql("select r.id, r.name, r.status, r.scheme_version from rating_round r where r.scheme_code = :s "
                        + "and r.rating_year = :y and exists (select 1 from rating_entry e join org_node n on "
                        + "n.id = e.node_id where e.round_id = r.id and n.path like :scopePath) order by r.id")
                .param("s", scheme).param("y", year).param("scopePath", scope.pathPattern())
                .query((rs, i) -> new RoundRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /**
     * The selection for a scheme code (null: the first scheme that has rounds in the scope, else the first scheme),
     * a year (null: the newest year with a round in the scope, else the clock's) and whether the current
     * (unpublished) rounds are asked for.
     */
    Selection select(String schemeCode, Integer year, boolean current, OrgScope scope) {
        Map<String, RatingScheme> byCode = schemesByCode();
        if (byCode.isEmpty()) {
            throw new NotFoundException("尚无评定方案");
        }
        String code = schemeCode;
        if (code == null || code.isBlank()) {
            code = byCode.keySet().stream().filter(c -> !years(c, scope).isEmpty()).findFirst()
                    .orElse(byCode.keySet().iterator().next());
        }
        if (!byCode.containsKey(code)) {
            throw new NotFoundException("评定方案不存在：" + code);
        }
        if (year != null && (year < 2000 || year > 2100)) {
            throw new BadRequestException("年份 year 应在 2000–2100 之间，实际为 " + year);
        }
        int y = year != null ? year : years(code, scope).stream().findFirst().orElse(LocalDate.now(clock).getYear());
        List<RoundRow> all = rounds(code, y, scope);
        List<RoundRow> published = all.stream().filter(r -> r.status().equals("PUBLISHED")).toList();
        List<RoundRow> other = all.stream().filter(r -> !r.status().equals("PUBLISHED")).toList();
        boolean showPublished = !published.isEmpty() && !(current && !other.isEmpty());
        List<RoundRow> chosen = showPublished ? published : other;
        RatingScheme scheme = chosen.isEmpty() ? byCode.get(code)
                : schemes.find(code, chosen.get(0).version()).orElse(byCode.get(code));
        List<RoundRow> before = rounds(code, y - 1, scope);
        List<RoundRow> beforePublished = before.stream().filter(r -> r.status().equals("PUBLISHED")).toList();
        List<Long> previous = new ArrayList<>((beforePublished.isEmpty() ? before : beforePublished).stream()
                .map(RoundRow::id).toList());
        OrgNode node = tree.byId(scope.nodeId()).orElseThrow(() -> new NotFoundException("组织节点不存在"));
        return new Selection(scheme, y, chosen.stream().map(RoundRow::id).toList(), showPublished,
                showPublished ? !other.isEmpty() : !published.isEmpty(), previous, scope, node.depth() + 1);
    }
}
