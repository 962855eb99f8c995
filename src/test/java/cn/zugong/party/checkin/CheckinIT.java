package cn.zugong.party.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestUsers;
import cn.zugong.party.CheckinPostKind;
import cn.zugong.party.CheckinPostRole;
import cn.zugong.party.CheckinReason;
import cn.zugong.party.CheckinRecords;
import cn.zugong.people.RosterWriter;
import cn.zugong.security.Accounts;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.Role;
import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * 党员报到 over HTTP and the database (ADR 069): each reason accepted and refused with its Chinese message (and the
 * refused write absent), the village's decision by scope and role, posts claimed within their capacity under
 * concurrent claims, and what a member and the office each see. Fixtures of its own (CheckinFixture) on the demo's
 * org tree: 公前村 (桃花镇, 普陀区 330903) and 东海社区 (菜园镇, 嵊泗县); members of 定海区教育局's branch.
 */
@IntegrationTest
class CheckinIT {

    static final String GONGQIAN = "330903104202";
    static final String DONGHAI = "330922100001";
    static final String EDU_BRANCH = "330902U10P1";
    static final LocalDateTime AT = LocalDateTime.of(2026, 3, 1, 9, 0);

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired RosterWriter roster;
    @Autowired Accounts accounts;
    @Autowired CheckinRecords records;

    CheckinFixture fx;
    long gongqian;
    long donghai;
    long eduBranch;

    @BeforeEach
    void setUp() {
        fx = new CheckinFixture(jdbc, roster, accounts, records);
        gongqian = fx.nodeId(GONGQIAN);
        donghai = fx.nodeId(DONGHAI);
        eduBranch = fx.nodeId(EDU_BRANCH);
    }

    private ResultActions postJson(String who, String path, String json) throws Exception {
        return mvc.perform(post(path).with(TestUsers.api(who)).contentType(MediaType.APPLICATION_JSON)
                .content(json == null ? "{}" : json));
    }

    private ResultActions register(String who, long village, String reason, String extra) throws Exception {
        return postJson(who, "/api/party/my/registrations", "{\"villageId\":\"" + village + "\",\"reason\":\"" + reason
                + "\"" + (extra == null ? "" : "," + extra) + "}");
    }

    private long registrations(long member) {
        return jdbc.sql("select count(*) from checkin_registration where member_id = :m").param("m", member)
                .query(Long.class).single();
    }

    private static long id(ResultActions r) throws Exception {
        return ((Number) JsonPath.read(r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id"))
                .longValue();
    }

    // ------------------------------------------------------------------ reasons

    @Test
    void hometownIsTheIdNumbersRegionAgainstTheVillagesCounty() throws Exception {
        long native_ = fx.member(eduBranch, "330903", "报到甲");
        long other = fx.member(eduBranch, "330902", "报到乙");
        String a = fx.account(native_, gongqian);
        String b = fx.account(other, gongqian);

        register(b, gongqian, "HOMETOWN", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(Matchers.containsString("原户籍核验不通过：身份证号地区码 330902")))
                .andExpect(jsonPath("$.error").value(Matchers.containsString("普陀区（330903）")));
        assertThat(registrations(other)).isZero();

        register(a, gongqian, "HOMETOWN", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.basis").value(Matchers.containsString("330903")));
        // one open registration per member and village
        register(a, gongqian, "HOMETOWN", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value(Matchers.containsString("不能重复报到")));
        assertThat(registrations(native_)).isEqualTo(1);
    }

    @Test
    void formerResidentNeedsAYearInThePastAndADeclaration() throws Exception {
        long m = fx.member(eduBranch, "330902", "报到丙");
        String u = fx.account(m, gongqian);
        register(u, gongqian, "FORMER_RESIDENT", "\"livedFrom\":\"2010-01-01\",\"livedTo\":\"2010-06-30\","
                + "\"declaration\":\"在桃花岛渔业合作社工作过半年\"").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("曾工作生活核验不通过：在该村工作生活不足一年"));
        register(u, gongqian, "FORMER_RESIDENT", "\"livedFrom\":\"2010-01-01\",\"livedTo\":\"2013-06-30\"")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(Matchers.containsString("请填写在该村工作生活情况的说明")));
        register(u, gongqian, "FORMER_RESIDENT", "\"livedFrom\":\"2030-01-01\",\"livedTo\":\"2031-06-30\","
                + "\"declaration\":\"在桃花岛渔业合作社工作过三年半\"").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("曾工作生活核验不通过：截止日期不能晚于今天"));
        assertThat(registrations(m)).isZero();
        register(u, gongqian, "FORMER_RESIDENT", "\"livedFrom\":\"2010-01-01\",\"livedTo\":\"2013-06-30\","
                + "\"declaration\":\"在桃花岛渔业合作社工作三年半，住村里\"").andExpect(status().isOk())
                .andExpect(jsonPath("$.livedFrom").value("2010-01-01"))
                .andExpect(jsonPath("$.reason").value("FORMER_RESIDENT"));
        assertThat(registrations(m)).isEqualTo(1);
    }

    @Test
    void contactPointAndPairedVillageNeedTheOfficesPairing() throws Exception {
        long m = fx.member(eduBranch, "330902", "报到丁");
        String u = fx.account(m, donghai);
        register(u, donghai, "CONTACT_POINT", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(Matchers.startsWith("联系点核验不通过：")));
        register(u, donghai, "PAIRED_VILLAGE", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(Matchers.startsWith("结对村核验不通过：")));
        assertThat(registrations(m)).isZero();

        // pairings are the ADMIN's: a reporter may not, an ADMIN outside the village's scope gets 404
        String pairing = "{\"orgCode\":\"330902U10P1\",\"villageId\":\"" + donghai + "\",\"kind\":\"CONTACT_POINT\"}";
        postJson("donghai", "/api/party/checkin/pairings", pairing).andExpect(status().isForbidden());
        postJson("putuo", "/api/party/checkin/pairings", pairing).andExpect(status().isNotFound());
        long pairingId = id(postJson("shengsi", "/api/party/checkin/pairings", pairing).andExpect(status().isOk()));
        try {
            register(u, donghai, "PAIRED_VILLAGE", null).andExpect(status().isBadRequest());
            register(u, donghai, "CONTACT_POINT", null).andExpect(status().isOk())
                    .andExpect(jsonPath("$.basis").value(Matchers.containsString("联系点")));
            assertThat(registrations(m)).isEqualTo(1);
        } finally {
            postJson("shengsi", "/api/party/checkin/pairings/" + pairingId + "/delete", null)
                    .andExpect(status().isOk());
        }
    }

    // ------------------------------------------------------------------ decisions and scope

    @Test
    void theVillageDecidesTheMembersBranchSeesOthersGet404() throws Exception {
        long m = fx.member(eduBranch, "330903", "报到戊");
        String u = fx.account(m, gongqian);
        long reg = id(register(u, gongqian, "HOMETOWN", null).andExpect(status().isOk()));
        // outside both the village's and the member's branch's scope: 404; the member's branch (定海区) sees it but
        // may not decide it; a leader sees but never writes
        mvc.perform(get("/api/party/checkin/registrations/" + reg).with(TestUsers.api("shengsi")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/party/checkin/registrations/" + reg).with(TestUsers.api("dinghai")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.memberName").exists());
        postJson("dinghai", "/api/party/checkin/registrations/" + reg + "/confirm", null)
                .andExpect(status().isForbidden());
        postJson("leader", "/api/party/checkin/registrations/" + reg + "/confirm", null)
                .andExpect(status().isForbidden());
        postJson("putuo", "/api/party/checkin/registrations/" + reg + "/refuse", "{\"refusal\":\" \"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("请填写「不通过理由」"));
        postJson("putuo", "/api/party/checkin/registrations/" + reg + "/confirm", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        postJson("putuo", "/api/party/checkin/registrations/" + reg + "/confirm", null)
                .andExpect(status().isConflict());

        // the member's page in the office: the member's branch and the village see it, others 404
        mvc.perform(get("/api/party/checkin/members/" + m).with(TestUsers.api("dinghai"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.registrations.length()").value(1))
                .andExpect(jsonPath("$.member.idNumber").doesNotExist());
        mvc.perform(get("/api/party/checkin/members/" + m).with(TestUsers.api("putuo"))).andExpect(status().isOk());
        mvc.perform(get("/api/party/checkin/members/" + m).with(TestUsers.api("caiyuan")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/party/checkin/members/" + m).with(users.page("caiyuan")))
                .andExpect(status().isNotFound());
        // a member reaches no office route, the office no member route
        mvc.perform(get("/api/party/checkin/registrations").with(TestUsers.api(u))).andExpect(status().isForbidden());
        mvc.perform(get("/api/party/my").with(TestUsers.api("putuo"))).andExpect(status().isForbidden());
    }

    @Test
    void aMemberSeesOnlyOwnRecordsAndLogsOnlyWhereReported() throws Exception {
        long m1 = fx.member(eduBranch, "330903", "报到己");
        long m2 = fx.member(eduBranch, "330903", "报到庚");
        String u1 = fx.account(m1, gongqian);
        String u2 = fx.account(m2, gongqian);
        long reg = records.register(m1, gongqian, CheckinReason.HOMETOWN, null, null, null, "test", AT);
        records.confirm(reg, "test", AT);
        long post = records.publish(gongqian, CheckinPostKind.ELDERLY, CheckinPostRole.SURVEYOR, "独居老人走访", null,
                3, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), "test", AT);
        // m2 is not reported: no post to see or claim, no log
        postJson(u2, "/api/party/my/posts/" + post + "/claim", null).andExpect(status().isNotFound());
        postJson(u2, "/api/party/my/logs", "{\"villageId\":\"" + gongqian + "\",\"servedOn\":\"2026-05-01\","
                + "\"what\":\"走访\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(Matchers.containsString("尚未在该村完成报到")));
        postJson(u1, "/api/party/my/posts/" + post + "/claim", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.claimed").value(1));
        long log = id(postJson(u1, "/api/party/my/logs", "{\"villageId\":\"" + gongqian + "\",\"postId\":\"" + post
                + "\",\"servedOn\":\"2026-05-01\",\"what\":\"走访独居老人\",\"whom\":\"张阿婆户\","
                + "\"elderlyVisits\":\"3\",\"fundsYuan\":\"1200.50\",\"projects\":\"海水养殖技术\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.elderlyVisits").value(3)));
        // bad input names the field
        postJson(u1, "/api/party/my/logs", "{\"villageId\":\"" + gongqian + "\",\"servedOn\":\"2026-05-01\","
                + "\"what\":\"走访\",\"fundsYuan\":\"12.345\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(Matchers.containsString("「争取资金（元）」最多两位小数")));
        postJson(u1, "/api/party/my/logs", "{\"villageId\":\"" + gongqian + "\",\"servedOn\":\"2026-02-01\","
                + "\"what\":\"走访\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(Matchers.containsString("不能早于报到确认日期")));
        mvc.perform(get("/api/party/my/logs/" + log).with(TestUsers.api(u1))).andExpect(status().isOk());
        mvc.perform(get("/api/party/my/logs/" + log).with(TestUsers.api(u2))).andExpect(status().isNotFound());
        mvc.perform(get("/api/party/my/logs").with(TestUsers.api(u2))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        // the village logs on a member's behalf; a reporter of another village cannot reach the member
        postJson("putuo", "/api/party/checkin/villages/" + gongqian + "/logs", "{\"memberId\":\"" + m1
                + "\",\"servedOn\":\"2026-05-02\",\"what\":\"代记：政策宣讲\",\"elderlyVisits\":\"2\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.onBehalf").value(true));
        postJson("donghai", "/api/party/checkin/villages/" + gongqian + "/logs", "{\"memberId\":\"" + m1
                + "\",\"servedOn\":\"2026-05-02\",\"what\":\"x\"}").andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from checkin_log where member_id = :m").param("m", m1).query(Long.class)
                .single()).isEqualTo(2);
        // leaving ends the registration and frees the place
        postJson(u1, "/api/party/my/registrations/" + reg + "/end", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ENDED"));
        assertThat(jdbc.sql("select claimed from checkin_post where id = :p").param("p", post).query(Integer.class)
                .single()).isZero();
    }

    // ------------------------------------------------------------------ capacity under concurrency

    @Test
    void fiftyConcurrentClaimsOnFivePlacesTakeExactlyFive() throws Exception {
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long m = fx.member(eduBranch, "330903", "认领");
            records.confirm(records.register(m, gongqian, CheckinReason.HOMETOWN, null, null, null, "test", AT),
                    "test", AT);
            members.add(m);
        }
        long post = records.publish(gongqian, CheckinPostKind.GRID, CheckinPostRole.PROMOTER, "网格值守", null, 5,
                LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), "test", AT);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger won = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> other = new ConcurrentLinkedQueue<>();
        List<Future<?>> futures = new ArrayList<>();
        for (long m : members) {
            futures.add(pool.submit(() -> {
                try {
                    start.await();
                    records.claim(m, post, "test", AT.plusDays(1));
                    won.incrementAndGet();
                } catch (ConflictException e) {
                    assertThat(e.getMessage()).contains("名额已满");
                } catch (Throwable t) {
                    other.add(t);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(other).isEmpty();
        assertThat(won.get()).isEqualTo(5);
        assertThat(jdbc.sql("select claimed from checkin_post where id = :p").param("p", post).query(Integer.class)
                .single()).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from checkin_claim where post_id = :p and open_post_id is not null")
                .param("p", post).query(Long.class).single()).isEqualTo(5);
        // a withdrawal frees a place which the next claim takes
        long holder = jdbc.sql("select min(member_id) from checkin_claim where open_post_id = :p").param("p", post)
                .query(Long.class).single();
        String u = fx.account(holder, gongqian);
        postJson(u, "/api/party/my/posts/" + post + "/withdraw", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.claimed").value(4));
        postJson(u, "/api/party/my/posts/" + post + "/claim", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.claimed").value(5));
        postJson(u, "/api/party/my/posts/" + post + "/claim", null).andExpect(status().isConflict());
    }
}
