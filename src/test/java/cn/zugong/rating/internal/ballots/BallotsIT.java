package cn.zugong.rating.internal.ballots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zugong.IntegrationTest;
import cn.zugong.TestClock;
import cn.zugong.TestUsers;
import cn.zugong.rating.internal.ballots.BallotFixtures.Fixture;
import cn.zugong.rating.internal.evaluation.BallotBox;
import cn.zugong.rating.internal.evaluation.RaterCodes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The vote API and the paper-ballot import (ADR 067), through HTTP and the database, on own fixtures. */
@IntegrationTest
class BallotsIT {

    static final LocalDateTime OPENS = TestClock.START.minusDays(3);
    static final LocalDateTime CLOSES = TestClock.START.plusDays(20);

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired RaterCodes codes;
    @Autowired BallotBox box;
    @Autowired cn.zugong.rating.internal.evaluation.WrongCodeThrottle throttle;

    BallotFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new BallotFixtures(jdbc, codes);
        throttle.perMinute(0);
    }

    private Fixture dinghai(int villages) {
        return fx.campaign("330902", fx.villages("330902", villages), 3, 4, OPENS, CLOSES, "OPEN");
    }

    private static String vote(String code, List<Long> subjects, String... grades) {
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < subjects.size(); i++) {
            marks.append(i == 0 ? "" : ",").append("{\"subject\":").append(subjects.get(i)).append(",\"grade\":\"")
                    .append(grades[i % grades.length]).append("\"}");
        }
        return "{\"code\":\"" + code + "\",\"marks\":[" + marks + "]}";
    }

    private MvcResult postVote(String json) throws Exception {
        return mvc.perform(post("/api/ratings/vote").contentType(MediaType.APPLICATION_JSON).content(json)).andReturn();
    }

    private static String body(MvcResult r) {
        return new String(r.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void aRaterSeesTheOwnVillageOnlyAndVotesOnce() throws Exception {
        Fixture f = dinghai(2);
        var v = f.villages().get(0);
        long rater = v.raters().get(0);
        String code = v.codes().get(rater);
        MvcResult paper = mvc.perform(get("/api/ratings/vote").param("code", code.toLowerCase())).andReturn();
        assertThat(paper.getResponse().getStatus()).isEqualTo(200);
        String json = body(paper);
        assertThat(json).contains("村班子1", "成员1-1", "\"label\":\"好\"").doesNotContain("村班子2", "成员2-1");
        // nothing of any rater: no number, no name, no other code, no count of who voted
        for (var village : f.villages()) {
            for (int i = 0; i < village.raters().size(); i++) {
                assertThat(json).doesNotContain(village.raterNos().get(i), "评议人" + village.raterNos().get(i),
                        village.codes().get(village.raters().get(i)));
            }
        }
        MvcResult cast = postVote(vote(code, v.subjects(), "好", "B", "差"));
        assertThat(cast.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(cast)).contains("\"ballots\":3");
        assertThat(fx.ballots(f.campaignId())).isEqualTo(3);
        assertThat(jdbc.sql("select channel from pe_rater where id = :id").param("id", rater).query(String.class)
                .single()).isEqualTo("ONLINE");
        assertThat(jdbc.sql("select grade from pe_ballot where campaign_id = :c order by grade")
                .param("c", f.campaignId()).query(String.class).list()).containsExactly("A", "B", "D");
        MvcResult again = postVote(vote(code, v.subjects(), "A"));
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(again)).contains("已投过票");
        assertThat(fx.ballots(f.campaignId())).isEqualTo(3);
        assertThat(body(mvc.perform(get("/api/ratings/vote").param("code", code)).andReturn())).contains("\"voted\":true");
    }

    @Test
    void wrongCodesGradesAndSubjectsAreRefusedAndNothingIsKept() throws Exception {
        Fixture f = dinghai(2);
        var v = f.villages().get(0);
        String code = v.codes().get(v.raters().get(1));
        MvcResult unknown = postVote(vote("ZZZZ-ZZZZ", v.subjects(), "A"));
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(body(unknown)).contains("评议码无效");
        MvcResult grade = postVote(vote(code, v.subjects(), "优"));
        assertThat(grade.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(grade)).contains("等次“优”无效");
        MvcResult foreign = postVote(vote(code, List.of(v.subjects().get(0), f.villages().get(1).subjects().get(0)), "A"));
        assertThat(foreign.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(foreign)).contains("不是本村（社区）的评议对象");
        MvcResult twice = postVote(vote(code, List.of(v.subjects().get(0), v.subjects().get(0)), "A"));
        assertThat(twice.getResponse().getStatus()).isEqualTo(400);
        assertThat(fx.ballots(f.campaignId())).isZero();
        assertThat(fx.voted(f.campaignId())).isZero();
    }

    @Test
    void theApiRefusesOutsideTheWindow() throws Exception {
        Fixture closed = fx.campaign("330902", fx.villages("330902", 1), 2, 2, OPENS.minusDays(10), OPENS, "OPEN");
        var v = closed.villages().get(0);
        MvcResult r = postVote(vote(v.codes().get(v.raters().get(0)), v.subjects(), "A"));
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(r)).contains("评议已截止");
        Fixture early = fx.campaign("330902", fx.villages("330902", 1), 2, 2, CLOSES, CLOSES.plusDays(2), "OPEN");
        var e = early.villages().get(0);
        MvcResult r2 = postVote(vote(e.codes().get(e.raters().get(0)), e.subjects(), "A"));
        assertThat(r2.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(r2)).contains("尚未开始");
        assertThat(fx.ballots(closed.campaignId()) + fx.ballots(early.campaignId())).isZero();
        assertThat(fx.voted(closed.campaignId()) + fx.voted(early.campaignId())).isZero();
    }

    @Test
    void ofTwoConcurrentSheetsOfOneRaterExactlyOneCounts() throws Exception {
        Fixture f = dinghai(1);
        var v = f.villages().get(0);
        long rater = v.raters().get(2);
        List<BallotBox.Mark> marks = v.subjects().stream().map(s -> new BallotBox.Mark(s, "A", null)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 1; round++) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> tries = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    BallotBox.Channel channel = t % 2 == 0 ? BallotBox.Channel.ONLINE : BallotBox.Channel.PAPER;
                    tries.add(pool.submit(() -> {
                        go.await();
                        try {
                            return box.cast(f.campaignId(), List.of(new BallotBox.Sheet(rater, marks)), channel);
                        } catch (RuntimeException e) {
                            return -1;
                        }
                    }));
                }
                go.countDown();
                int won = 0;
                for (Future<Integer> t : tries) {
                    if (t.get() > 0) {
                        won++;
                    }
                }
                assertThat(won).isEqualTo(1);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(fx.ballots(f.campaignId())).isEqualTo(v.subjects().size());
        assertThat(jdbc.sql("select ballots from pe_rater where id = :id").param("id", rater).query(Integer.class)
                .single()).isEqualTo(v.subjects().size());
    }

    @Test
    void wrongCodesAreThrottledPerAddress() throws Exception {
        Fixture f = dinghai(1);
        var v = f.villages().get(0);
        throttle.perMinute(2);
        try {
            assertThat(postVote(vote("AAAA-AAAA", v.subjects(), "A")).getResponse().getStatus()).isEqualTo(404);
            assertThat(postVote(vote("AAAA-AAAB", v.subjects(), "A")).getResponse().getStatus()).isEqualTo(404);
            assertThat(postVote(vote("AAAA-AAAC", v.subjects(), "A")).getResponse().getStatus()).isEqualTo(429);
            // a right code too, for the rest of the minute
            MvcResult right = postVote(vote(v.codes().get(v.raters().get(0)), v.subjects(), "A"));
            assertThat(right.getResponse().getStatus()).isEqualTo(429);
            assertThat(body(right)).contains("评议码错误次数过多");
        } finally {
            throttle.perMinute(0);
        }
        assertThat(fx.ballots(f.campaignId())).isZero();
    }

    // --- paper ---

    /** The template of the campaign as dinghai downloads it, grades filled in by {@code grade(row)}. */
    private byte[] filledTemplate(long campaign, String user, java.util.function.IntFunction<String> grade)
            throws Exception {
        MvcResult t = mvc.perform(get("/ratings/evaluation/{id}/paper/template.xlsx", campaign)
                .with(users.page(user))).andReturn();
        assertThat(t.getResponse().getStatus()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(t.getResponse().getContentAsByteArray()));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.getSheetAt(0);
            for (int r = 1; r <= s.getLastRowNum(); r++) {
                s.getRow(r).createCell(3).setCellValue(grade.apply(r));
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] sheet(String[]... rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("纸质评议票");
            Row h = s.createRow(0);
            for (int i = 0; i < PaperBallots.HEADERS.length; i++) {
                h.createCell(i).setCellValue(PaperBallots.HEADERS[i]);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] != null) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private MvcResult importApi(long campaign, String user, byte[] file, String name) throws Exception {
        return mvc.perform(multipart("/api/ratings/evaluation/{id}/paper", campaign)
                .file(new MockMultipartFile("file", name, "application/octet-stream", file))
                .with(TestUsers.api(user))).andReturn();
    }

    @Test
    void aFilledTemplateIsImportedOnceAndTheSameFileIsRefused() throws Exception {
        Fixture f = dinghai(2);
        byte[] file = filledTemplate(f.campaignId(), "dinghai", r -> r % 4 == 0 ? "差" : r % 3 == 0 ? "B" : "好");
        int lines = 2 * 3 * 4;
        MvcResult page = mvc.perform(multipart("/ratings/evaluation/{id}/paper", f.campaignId())
                .file(new MockMultipartFile("file", "第一批.xlsx", "application/octet-stream", file))
                .with(users.page("dinghai")).with(csrf())).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(page)).contains("已录入 8 位评议人的纸质票，共 " + lines + " 张评议票", "第一批.xlsx");
        assertThat(fx.ballots(f.campaignId())).isEqualTo(lines);
        assertThat(jdbc.sql("select count(*) from pe_rater where campaign_id = :c and channel = 'PAPER' and ballots = 3")
                .param("c", f.campaignId()).query(Long.class).single()).isEqualTo(8);
        assertThat(jdbc.sql("select count(*) from pe_ballot where campaign_id = :c and channel = 'PAPER'")
                .param("c", f.campaignId()).query(Long.class).single()).isEqualTo(lines);
        assertThat(jdbc.sql("select raters || '/' || lines || '/' || imported_by from pe_paper_batch where campaign_id = :c")
                .param("c", f.campaignId()).query(String.class).single()).isEqualTo("8/" + lines + "/dinghai");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'IMPORT' and object_type = 'pe_paper_batch' "
                + "and object_id = :c").param("c", String.valueOf(f.campaignId())).query(Long.class).single()).isEqualTo(1);
        MvcResult again = importApi(f.campaignId(), "dinghai", file, "第一批.xlsx");
        assertThat(again.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(again)).contains("不能重复导入");
        assertThat(fx.ballots(f.campaignId())).isEqualTo(lines);
        assertThat(fx.batches(f.campaignId())).isEqualTo(1);
        // the template now lists nobody (everyone voted)
        MvcResult empty = mvc.perform(get("/ratings/evaluation/{id}/paper/template.xlsx", f.campaignId())
                .with(users.page("dinghai"))).andReturn();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(empty.getResponse().getContentAsByteArray()))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isZero();
        }
    }

    @Test
    void everyProblemIsListedByRowAndColumnAndNothingIsSaved() throws Exception {
        Fixture f = dinghai(2);
        var a = f.villages().get(0);
        var b = f.villages().get(1);
        String s0 = String.valueOf(a.subjects().get(0));
        String s1 = String.valueOf(a.subjects().get(1));
        String foreign = String.valueOf(b.subjects().get(0));
        byte[] file = sheet(
                new String[] {a.raterNos().get(0), s0, "村班子1", "好"},      // row 2: fine
                new String[] {a.raterNos().get(0), s1, "成员", "优"},          // row 3: bad grade (D)
                new String[] {a.raterNos().get(1), s0, "村班子1", null},       // row 4: empty grade (D)
                new String[] {"99999", s0, "村班子1", "好"},                    // row 5: unknown rater (A)
                new String[] {a.raterNos().get(2), foreign, "村班子2", "好"},   // row 6: another village's subject (B)
                new String[] {a.raterNos().get(0), s0, "村班子1", "较好"},      // row 7: same rater+subject as row 2 (B)
                new String[] {a.raterNos().get(3), "十二", "村班子1", "好"},    // row 8: subject not a number (B)
                new String[] {null, s1, "成员", "差"});                        // row 9: empty rater (A)
        MvcResult r = importApi(f.campaignId(), "dinghai", file, "有错.xlsx");
        assertThat(r.getResponse().getStatus()).isEqualTo(422);
        String json = body(r);
        assertThat(json).contains("\"errorCount\":7",
                "第 3 行 D 列（等次）：等次“优”无效",
                "第 4 行 D 列（等次）：不能为空",
                "第 5 行 A 列（评议人编号）：评议人编号 99999 不存在",
                "第 6 行 B 列（评议对象编号）：评议对象 " + foreign + " 不是评议人 " + a.raterNos().get(2) + " 所在村（社区）的评议对象",
                "第 7 行 B 列（评议对象编号）：同一评议人对同一评议对象重复（与第 2 行重复）",
                "第 8 行 B 列（评议对象编号）：应为评议对象编号（数字）",
                "第 9 行 A 列（评议人编号）：不能为空");
        assertThat(fx.ballots(f.campaignId())).isZero();
        assertThat(fx.voted(f.campaignId())).isZero();
        assertThat(fx.batches(f.campaignId())).isZero();
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'IMPORT_FAILED' and object_type = 'pe_paper_batch' "
                + "and object_id = :c").param("c", String.valueOf(f.campaignId())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void paperAfterOnlineAndASecondPaperBatchAreDuplicates() throws Exception {
        Fixture f = dinghai(1);
        var v = f.villages().get(0);
        assertThat(postVote(vote(v.codes().get(v.raters().get(0)), v.subjects(), "A")).getResponse().getStatus())
                .isEqualTo(200);
        String s0 = String.valueOf(v.subjects().get(0));
        MvcResult first = importApi(f.campaignId(), "dinghai",
                sheet(new String[] {v.raterNos().get(1), s0, "", "好"}), "一.xlsx");
        assertThat(first.getResponse().getStatus()).isEqualTo(200);
        MvcResult dup = importApi(f.campaignId(), "dinghai", sheet(
                new String[] {v.raterNos().get(0), s0, "", "好"},
                new String[] {v.raterNos().get(1), s0, "", "差"},
                new String[] {v.raterNos().get(2), s0, "", "好"}), "二.xlsx");
        assertThat(dup.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(dup)).contains("第 2 行 A 列（评议人编号）：纸质票与线上投票重复",
                "第 3 行 A 列（评议人编号）：重复录入", "\"errorCount\":2");
        assertThat(fx.ballots(f.campaignId())).isEqualTo(v.subjects().size() + 1);
        assertThat(fx.voted(f.campaignId())).isEqualTo(2);
        assertThat(fx.batches(f.campaignId())).isEqualTo(1);
    }

    @Test
    void aDinghaiAdminCannotEnterPutuoBallots() throws Exception {
        // a city-wide campaign: dinghai may enter 定海's raters, never 普陀's
        List<Long> villages = new ArrayList<>(fx.villages("330902", 1));
        villages.addAll(fx.villages("330903", 1));
        Fixture city = fx.campaign("3309", villages, 2, 2, OPENS, CLOSES, "OPEN");
        var putuo = city.villages().get(1);
        MvcResult r = importApi(city.campaignId(), "dinghai",
                sheet(new String[] {putuo.raterNos().get(0), String.valueOf(putuo.subjects().get(0)), "", "好"}), "p.xlsx");
        assertThat(r.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(r)).contains("第 2 行 A 列（评议人编号）：评议人 " + putuo.raterNos().get(0) + " 不在您的管理范围内");
        // the template lists only the own scope
        MvcResult t = mvc.perform(get("/ratings/evaluation/{id}/paper/template.xlsx", city.campaignId())
                .with(users.page("dinghai"))).andReturn();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(t.getResponse().getContentAsByteArray()))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(4);
        }
        assertThat(mvc.perform(get("/ratings/evaluation/{id}/paper/template.xlsx", city.campaignId())
                .param("village", String.valueOf(putuo.nodeId())).with(users.page("dinghai"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        // a 普陀 campaign is not there for dinghai at all; a reviewer may not enter
        Fixture p = fx.campaign("330903", fx.villages("330903", 1), 2, 2, OPENS, CLOSES, "OPEN");
        var pv = p.villages().get(0);
        byte[] file = sheet(new String[] {pv.raterNos().get(0), String.valueOf(pv.subjects().get(0)), "", "好"});
        assertThat(importApi(p.campaignId(), "dinghai", file, "p.xlsx").getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/ratings/evaluation/{id}/paper", p.campaignId()).with(users.page("dinghai")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(importApi(p.campaignId(), "reviewer", file, "p.xlsx").getResponse().getStatus()).isEqualTo(403);
        assertThat(fx.ballots(city.campaignId()) + fx.ballots(p.campaignId())).isZero();
        assertThat(fx.voted(city.campaignId()) + fx.voted(p.campaignId())).isZero();
        // putuo itself may
        assertThat(importApi(p.campaignId(), "putuo", file, "p.xlsx").getResponse().getStatus()).isEqualTo(200);
        assertThat(fx.ballots(p.campaignId())).isEqualTo(1);
        MvcResult page = mvc.perform(get("/ratings/evaluation/{id}/paper", p.campaignId()).with(users.page("putuo")))
                .andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(page)).contains("纸质评议票录入", "p.xlsx");
    }
}
