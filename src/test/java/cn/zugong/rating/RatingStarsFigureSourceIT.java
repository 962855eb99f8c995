package cn.zugong.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.FigureSourceChecks;
import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.security.Accounts;
import cn.zugong.security.NewAccount;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.Role;
import cn.zugong.shared.figures.FigureRecords;
import cn.zugong.shared.figures.FigureSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * rating.stars (ADR 081) on a township of its own under 普陀 (T) with a second one outside (U) and an empty third
 * (E). 2016, 两新“五星双强”: the published round holds O1 (五星双强: counted), O2 (five stars, 党建强 only), O3 (four
 * stars 双强), O8 (published five, 摘星 to four) and O4 (in U, outside); an unpublished round of the same year holds
 * O5 (五星双强, not shown while a published round exists); O6 is 五星双强 in 2015 (the year before the period);
 * O7 has five stars and both flags in 村评五星 (a scheme without 双强) → 1. In 2017 only an unpublished round
 * exists, with O1 五星双强: the current results count → 1.
 */
@IntegrationTest
class RatingStarsFigureSourceIT {

    static final String RUN = Long.toString(System.nanoTime() % 2_000_000_000L, 36);
    static final String SCHEME = "liangxin-wuxing";
    static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired List<FigureSource> sources;
    @Autowired ObjectMapper json;

    @Test
    void fiveStarDoubleStrongOfTheRatingYearAsTheResultsPageCountsIt() throws Exception {
        String t = "330903S" + RUN;
        long township = node("330903", "TOWNSHIP", t);
        long side = node(t, "VILLAGE", t + "V");
        String u = "330903U" + RUN;
        long other = node("330903", "TOWNSHIP", u);
        String e = "330903W" + RUN;
        long empty = node("330903", "TOWNSHIP", e);
        long o1 = org(t, "1");
        long o2 = org(t, "2");
        long o3 = org(t, "3");
        long o4 = org(u, "4");
        long o5 = org(t, "5");
        long o6 = org(t, "6");
        long o7 = org(t, "7");
        long o8 = org(t, "8");

        long published = round(township, SCHEME, 2016, "PUBLISHED");
        entry(published, o1, 5, true, true, 5);
        entry(published, o2, 5, true, false, 5);
        entry(published, o3, 4, true, true, 4);
        entry(published, o8, 4, true, true, 5);
        entry(round(other, SCHEME, 2016, "PUBLISHED"), o4, 5, true, true, 5);
        entry(round(side, SCHEME, 2016, "ASSESSING"), o5, 5, true, true, null);
        entry(round(township, SCHEME, 2015, "PUBLISHED"), o6, 5, true, true, 5);
        entry(round(township, "cun-wuxing", 2016, "PUBLISHED"), o7, 5, true, true, 5);
        entry(round(township, SCHEME, 2017, "ASSESSING"), o1, 5, true, true, null);

        OrgScope scope = scope(t);
        String admin = account(township);
        CurrentUser user = new CurrentUser(0, admin, "图源测试", Role.ADMIN, scope, "图源测试镇");
        FigureSource stars = sources.stream().filter(s -> s.id().equals("rating.stars")).findFirst().orElseThrow();

        LocalDate from = LocalDate.of(2016, 1, 1);
        LocalDate to = LocalDate.of(2016, 12, 31);
        Map<String, BigDecimal> v = FigureSourceChecks.assertConsistent(stars, scope, from, to, user);
        assertThat(v).containsEntry("fiveStarDoubleStrong", BigDecimal.ONE);
        FigureRecords records = stars.records("fiveStarDoubleStrong", scope, from, to, user, 20);
        assertThat(records.rows()).hasSize(1);
        assertThat(records.rows().get(0).get(0)).isEqualTo("图源组织1" + RUN);
        assertThat(api("/api/ratings/results?scheme=" + SCHEME + "&year=2016", admin).at("/total/topDoubleStrong")
                .asLong()).isEqualTo(1);
        assertThat(stars.page(scope, from, to)).isEqualTo("/ratings/results?year=2016&scheme=" + SCHEME);

        // a year with only the current (unpublished) round: the page shows it, and so does the source
        LocalDate from17 = LocalDate.of(2017, 1, 1);
        LocalDate to17 = LocalDate.of(2017, 12, 31);
        assertThat(FigureSourceChecks.assertConsistent(stars, scope, from17, to17, user))
                .containsEntry("fiveStarDoubleStrong", BigDecimal.ONE);
        assertThat(api("/api/ratings/results?scheme=" + SCHEME + "&year=2017", admin).at("/total/topDoubleStrong")
                .asLong()).isEqualTo(1);

        OrgScope none = scope(e);
        assertThat(FigureSourceChecks.assertConsistent(stars, none, from, to,
                new CurrentUser(0, admin, "图源测试", Role.ADMIN, none, "图源空镇")))
                .containsEntry("fiveStarDoubleStrong", BigDecimal.ZERO);
        assertThat(api("/api/ratings/results?scheme=" + SCHEME + "&year=2016", account(empty))
                .at("/total/topDoubleStrong").asLong()).isZero();
    }

    private JsonNode api(String url, String user) throws Exception {
        return json.readTree(mvc.perform(get(url).with(TestUsers.api(user))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    private long id(String code) {
        return jdbc.sql("select id from org_node where code = :c").param("c", code).query(Long.class).single();
    }

    private OrgScope scope(String code) {
        var row = jdbc.sql("select id, path from org_node where code = :c").param("c", code).query().singleRow();
        return new OrgScope(((Number) row.get("id")).longValue(), (String) row.get("path"));
    }

    private long node(String parentCode, String kind, String code) {
        return node(parentCode, kind, code, "图源" + code);
    }

    private long node(String parentCode, String kind, String code, String name) {
        var parent = jdbc.sql("select id, path, depth from org_node where code = :c").param("c", parentCode).query()
                .singleRow();
        jdbc.sql("insert into org_node (parent_id, kind, code, name, path, depth, sort_order) values (:p, :k, :c, :n, "
                        + ":path, :d, 0)").param("p", parent.get("id")).param("k", kind).param("c", code)
                .param("n", name).param("path", parent.get("path") + code + "/")
                .param("d", ((Number) parent.get("depth")).intValue() + 1).update();
        return id(code);
    }

    /** A 两新 party organisation (党支部 of a private enterprise) under the township. */
    private long org(String township, String n) {
        long id = node(township, "PARTY_ORG", township + "O" + n, "图源组织" + n + RUN);
        jdbc.sql("insert into party_org (node_id, org_type, sector) values (:id, '党支部', 'PRIVATE_ENTERPRISE')")
                .param("id", id).update();
        return id;
    }

    private String account(long nodeId) {
        String username = "fr" + RUN + "x" + SEQ.incrementAndGet();
        accounts.create(new NewAccount(username, IntegrationTest.PASSWORD, "图源测试", Role.ADMIN, nodeId));
        return username;
    }

    private long round(long node, String scheme, int year, String status) {
        jdbc.sql("insert into rating_round (node_id, scheme_code, scheme_version, rating_year, name, status, "
                        + "publicity_days, published_at, created_by, created_at) values (:n, :s, '2026.1', :y, :name, "
                        + ":st, 5, :at, 'fg-it', :at)").param("n", node).param("s", scheme).param("y", year)
                .param("name", year + "年图源测试评定").param("st", status)
                .param("at", LocalDateTime.of(year, 12, 20, 10, 0)).update();
        return jdbc.sql("select id from rating_round where node_id = :n and scheme_code = :s and rating_year = :y")
                .param("n", node).param("s", scheme).param("y", year).query(Long.class).single();
    }

    private void entry(long round, long node, int stars, boolean party, boolean development, Integer publishedStars) {
        jdbc.sql("insert into rating_entry (round_id, node_id, stage, self_points, points, stars, strong_party, "
                        + "strong_development, vetoed, published_points, published_stars, withdrawn, updated_by, "
                        + "updated_at) values (:r, :n, 'DONE', :p, :p, :st, :sp, :sd, false, :p, :ps, :w, 'fg-it', :at)")
                .param("r", round).param("n", node).param("p", BigDecimal.valueOf(500 + 90L * stars))
                .param("st", stars).param("sp", party).param("sd", development).param("ps", publishedStars)
                .param("w", publishedStars != null && publishedStars > stars)
                .param("at", LocalDateTime.of(2016, 12, 20, 10, 0)).update();
    }
}
