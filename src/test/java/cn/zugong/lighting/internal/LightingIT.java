package cn.zugong.lighting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zugong.IntegrationTest;
import cn.zugong.TestClock;
import cn.zugong.TestUsers;
import cn.zugong.shared.legend.Colour;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.OrgScope;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class LightingIT {

    /** The codes of the demo's lists (written by the demo module's LightingDemo). */
    static final String DEMO_ANNUAL = "ZS-2026-RC";
    static final String DEMO_SYMPOSIUM = "ZS-2026-ZTH";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired ListRepository lists;
    @Autowired MonthClose close;
    @Autowired LightingJob job;
    @Autowired Scoring scoring;
    @Autowired Outbox outbox;
    @Autowired OrgTree tree;
    @Autowired TestClock clock;

    static final AtomicInteger SEQ = new AtomicInteger();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    TaskList annual() {
        return lists.listByCode(LightingIT.DEMO_ANNUAL).orElseThrow();
    }

    long unit(String name) {
        return tree.search(name, tree.byCode("3309").orElseThrow().asScope(), 5).stream()
                .filter(n -> n.name().equals(name)).findFirst().orElseThrow().id();
    }

    /** A fresh list of the previous month's year whose window (1st–31st of the current month) is open now. */
    TaskList openList(String webhook) {
        return list(Period.of(LocalDate.now(clock)).previous().year(), webhook);
    }

    /** A fresh list of {@code year}, reported 1st–31st of the month after each month. */
    TaskList list(int year, String webhook) {
        OrgScope city = tree.byCode("3309").orElseThrow().asScope();
        String code = "IT-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
        long id = lists.insertList(new TaskList(0, code, "测试清单" + code, year, "人才工作", TaskList.MEETING,
                "推进例会", null, city.nodeId(), city.path(), "舟山市", new ListConfig(1, 31, 40, BigDecimal.ONE,
                new BigDecimal("0.8"), null, 2, ListConfig.points(100, 90, 70, 40, 0), webhook), "test"),
                LocalDateTime.now(clock));
        return lists.list(id).orElseThrow();
    }

    long task(TaskList list, String code, String unitName, String weight) {
        return lists.insertTask(new Task(0, list.id(), code, "测试任务" + code, unit(unitName), unitName, List.of(), "",
                new BigDecimal(weight), new BigDecimal("100"), "人", List.of(50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 100),
                LocalDate.of(list.year(), 12, 31), null), LocalDateTime.now(clock));
    }

    MvcResult submit(String user, long taskId, Period p, String actual, String narrative) throws Exception {
        return mvc.perform(post("/api/lighting/reports").with(TestUsers.api(user)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"taskId\":" + taskId + ",\"month\":\"" + p.iso() + "\",\"actual\":" + actual
                        + ",\"narrative\":\"" + narrative + "\",\"submit\":true}")).andReturn();
    }

    static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void demoHas110TasksOverRealUnitsAndTenMonthsOfReports() {
        TaskList list = annual();
        assertThat(lists.allTasks(list.id())).hasSize(110);
        assertThat(jdbc.sql("select count(distinct period) from lighting_report r join lighting_task t on t.id = r.task_id "
                + "where t.list_id = :l").param("l", list.id()).query(Integer.class).single()).isEqualTo(10);
        assertThat(lists.listByCode(LightingIT.DEMO_SYMPOSIUM).orElseThrow().sourceMeeting()).contains("座谈会");
        var september = scoring.trend(list.id(), list.config() == null ? null : new OrgScope(list.ownerNodeId(),
                list.ownerPath())).stream().filter(f -> f.period().month() == 9).findFirst().orElseThrow();
        assertThat(september.total()).isEqualTo(110);
        assertThat(september.count(Colour.GREEN) + september.count(Colour.BLUE)).isLessThan(110);
        assertThat(september.count(Colour.RED)).isLessThan(110);
    }

    @Test
    void windowStatesAndNotReportedIsRedAtClose() throws Exception {
        // a fixed day inside the year: in January "next month" would be a month of the following year's list
        clock.setTo(LocalDateTime.of(2026, 7, 10, 10, 0));
        TaskList list = openList(null);
        Period p = new Period(2026, 6);
        long reported = task(list, "W1", "定海区教育局", "1");
        long silent = task(list, "W2", "定海区教育局", "1");
        // before open: the current month's window opens next month
        assertThat(submit("reporter", reported, p.next(), "5", "进展").getResponse().getStatus()).isEqualTo(409);
        // open
        assertThat(submit("reporter", reported, p, "50", "按计划推进").getResponse().getStatus())
                .isEqualTo(200);
        // closed: the clock passes the end of the window; the job closes the month
        clock.advance(Duration.ofDays(35));
        MvcResult late = submit("reporter", silent, p, "1", "迟报");
        assertThat(late.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(late)).contains("不在申报时间内");
        job.run();
        var grid = new LightQueries(jdbc).grid(list.id(), list.config() == null ? null
                : new OrgScope(list.ownerNodeId(), list.ownerPath()));
        assertThat(grid.get(reported).get(p.month()).colour()).isEqualTo(Colour.BLUE);
        assertThat(grid.get(silent).get(p.month()).colour()).isEqualTo(Colour.RED);
        assertThat(grid.get(silent).get(p.month()).reason()).contains("未申报");
        assertThat(grid.get(silent).get(p.month()).provisional()).isFalse();
        // reopened: a late report is accepted and marked late
        close.reopen(list.id(), p, "admin");
        assertThat(submit("reporter", silent, p, "1", "补报").getResponse().getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("select late from lighting_report where task_id = :t").param("t", silent)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void submissionIsExactlyOnceAndIdempotent() throws Exception {
        TaskList list = openList(null);
        Period p = Period.of(LocalDate.now(clock)).previous();
        long t = task(list, "X1", "定海区教育局", "1");
        var pool = Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            answers.add(pool.submit(() -> submit("reporter", t, p, "42", "同一份申报").getResponse().getStatus()));
        }
        for (var a : answers) {
            assertThat(a.get()).isEqualTo(200);
        }
        pool.shutdown();
        assertThat(jdbc.sql("select count(*) from lighting_report where task_id = :t").param("t", t).query(Integer.class)
                .single()).isOne();
        assertThat(submit("reporter", t, p, "43", "改了数").getResponse().getStatus()).isEqualTo(409);
    }

    @Test
    void reviewerReturnsWithAReasonTheReporterSees() throws Exception {
        TaskList list = openList(null);
        Period p = Period.of(LocalDate.now(clock)).previous();
        long t = task(list, "R1", "定海区教育局", "1");
        MvcResult saved = submit("reporter", t, p, "30", "已引进 30 人");
        long id = Long.parseLong(body(saved).replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        MvcResult noReason = mvc.perform(post("/lighting/reports/" + id + "/review").with(users.page("reviewer")).with(csrf())
                .param("decision", "return").param("reason", " ")).andReturn();
        assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(noReason)).contains("退回原因");
        mvc.perform(post("/lighting/reports/" + id + "/review").with(users.page("reviewer")).with(csrf())
                .param("decision", "return").param("reason", "请补充引进人员名单"));
        assertThat(jdbc.sql("select status from lighting_report where id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("RETURNED");
        String page = body(mvc.perform(get("/lighting/report").param("listId", String.valueOf(list.id()))
                .param("month", p.iso()).with(users.page("reporter"))).andReturn());
        assertThat(page).contains("退回原因：请补充引进人员名单");
        assertThat(submit("reporter", t, p, "30", "已引进 30 人，名单见附件").getResponse().getStatus()).isEqualTo(200);
        mvc.perform(post("/lighting/reports/" + id + "/review").with(users.page("reviewer")).with(csrf())
                .param("decision", "approve"));
        assertThat(jdbc.sql("select status from lighting_report where id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("APPROVED");
        assertThat(jdbc.sql("select count(*) from audit_entry where object_type = 'lighting_report' and object_id = :id")
                .param("id", String.valueOf(id)).query(Integer.class).single()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void scoringAndRankingOnAHandComputedExample() {
        // three 市直 units; weights 2 and 1. 甲: BLUE(90)×2 + GREEN(100)×1 → 280/3 = 93.3;
        // 乙: YELLOW(70)×2 + PURPLE(40)×1 → 180/3 = 60.0; 丙: RED(0, not reported) ×1 → 0.0
        // A fixed month, not last month: December plans 100, so "last month" broke this every January.
        TaskList list = list(2026, null);
        Period p = new Period(2026, 6);
        long a1 = task(list, "S1", "市科学技术局", "2");
        long a2 = task(list, "S2", "市科学技术局", "1");
        long b1 = task(list, "S3", "市商务局", "2");
        long b2 = task(list, "S4", "市商务局", "1");
        task(list, "S5", "市总工会", "1");
        int plan = 50; // every month but December plans 50 of 100
        insertReport(a1, p, unit("市科学技术局"), plan);            // on plan → 蓝
        insertReport(a2, p, unit("市科学技术局"), 100);             // done → 绿
        insertReport(b1, p, unit("市商务局"), plan * 0.9);          // 90% → 黄
        insertReport(b2, p, unit("市商务局"), plan * 0.5);          // 50% → 紫
        close.close(list.id(), p, "test");
        var ranking = scoring.ranking(list.id(), p, new OrgScope(list.ownerNodeId(), list.ownerPath()));
        assertThat(ranking).extracting(Scoring.UnitScore::unitName, u -> u.score().toPlainString(), Scoring.UnitScore::rank)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("市科学技术局", "93.3", 1),
                        org.assertj.core.groups.Tuple.tuple("市商务局", "60.0", 2),
                        org.assertj.core.groups.Tuple.tuple("市总工会", "0.0", 3));
        var month = scoring.trend(list.id(), new OrgScope(list.ownerNodeId(), list.ownerPath())).get(0);
        assertThat(month.score().toPlainString()).isEqualTo("65.7"); // (180+100+140+40+0)/7
    }

    void insertReport(long task, Period p, long unit, double actual) {
        jdbc.sql("insert into lighting_report (task_id, period, unit_id, actual_value, narrative, status, saved_by, saved_at) "
                        + "values (:t, :p, :u, :a, '测试', 'APPROVED', 'test', current_timestamp)").param("t", task)
                .param("p", p.code()).param("u", unit).param("a", BigDecimal.valueOf(actual)).update();
    }

    @Test
    void importListsEveryErrorByRowAndColumnAndWritesNothing() throws Exception {
        TaskList list = openList(null);
        var out = new ByteArrayOutputStream();
        try (var wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet("亮灯任务");
            var head = sheet.createRow(0);
            for (int i = 0; i < TaskSheet.HEADERS.size(); i++) {
                head.createCell(i).setCellValue(TaskSheet.HEADERS.get(i));
            }
            row(sheet, 1, "I-1", "新引进高校毕业生", "定海区教育局", "", "1", "100", "人", "2026-12-31", false);
            row(sheet, 2, "I-2", "", "不存在的局", "", "-1", "abc", "人", "2026-12-31", false);
            row(sheet, 3, "I-1", "重复编号", "定海区教育局", "", "1", "10", "个", "2026-12-31", true);
            wb.write(out);
        }
        MvcResult r = mvc.perform(multipart("/lighting/import").file(new MockMultipartFile("file", "t.xlsx",
                "application/octet-stream", out.toByteArray())).param("listId", String.valueOf(list.id()))
                .with(users.page("admin")).with(csrf())).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(422);
        String html = body(r);
        assertThat(html).contains("任务名称不能为空", "单位“不存在的局”不存在", "权重须大于 0", "目标值须为数字",
                "计划进度不能低于上月", "任务编号与第 2 行重复");
        assertThat(html).containsPattern("<td>3</td><td>B</td>").containsPattern("<td>3</td><td>C</td>")
                .containsPattern("<td>3</td><td>F</td>");
        assertThat(lists.allTasks(list.id())).isEmpty();
    }

    private static void row(org.apache.poi.ss.usermodel.Sheet s, int r, String code, String title, String lead, String co,
                            String weight, String target, String measure, String deadline, boolean badPlan) {
        var row = s.createRow(r);
        String[] v = {code, title, lead, co, weight, target, measure};
        for (int i = 0; i < v.length; i++) {
            row.createCell(i).setCellValue(v[i]);
        }
        for (int m = 1; m <= 12; m++) {
            row.createCell(6 + m).setCellValue(badPlan && m == 5 ? 10 : Math.min(100, m * 10));
        }
        row.createCell(19).setCellValue(deadline);
    }

    @Test
    void aUnitReporterSeesOnlyTheUnitsTasksAndADistrictNothingOfAnother() throws Exception {
        TaskList list = annual();
        String page = body(mvc.perform(get("/lighting/report").param("listId", String.valueOf(list.id()))
                .with(users.page("reporter"))).andReturn());
        assertThat(page).contains("定海区教育局").doesNotContain("普陀区教育局", "市委组织部");
        String api = body(mvc.perform(get("/api/lighting/lists/" + list.id() + "/tasks").with(TestUsers.api("reporter")))
                .andReturn());
        assertThat(api).contains("定海区教育局").doesNotContain("普陀区", "市人力资源");
        String board = body(mvc.perform(get("/lighting/board").param("listId", String.valueOf(list.id()))
                .with(users.page("dinghai"))).andReturn());
        assertThat(board).contains("定海区").doesNotContain("普陀区", "岱山县");
        long putuoTask = lists.allTasks(list.id()).stream().filter(t -> t.leadUnitName().startsWith("普陀区"))
                .findFirst().orElseThrow().id();
        assertThat(mvc.perform(get("/lighting/tasks/" + putuoTask).with(users.page("dinghai"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/lighting/tasks/" + putuoTask + "/reports").with(TestUsers.api("reporter")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/lighting/board").with(users.page("sysadmin"))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }

    @Test
    void boardAndBulletinShowTheMonth() throws Exception {
        TaskList list = annual();
        String board = body(mvc.perform(get("/lighting/board").param("listId", String.valueOf(list.id()))
                .param("month", "2026-09").with(users.page("leader"))).andReturn());
        assertThat(board).contains("id=\"trend-chart\"", "data-trend", "任务得分 = 颜色分值 × 任务权重", "id=\"ranking\"");
        MvcResult docx = mvc.perform(get("/lighting/board/bulletin.docx").param("listId", String.valueOf(list.id()))
                .param("month", "2026-09").with(users.page("leader"))).andReturn();
        assertThat(docx.getResponse().getStatus()).isEqualTo(200);
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(
                docx.getResponse().getContentAsByteArray()))) {
            String text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc).getText();
            assertThat(text).contains("2026年9月亮灯通报", "红灯、紫灯任务", "单位赋分排名", "市委组织部");
        }
        MvcResult xlsx = mvc.perform(get("/lighting/board/bulletin.xlsx").param("listId", String.valueOf(list.id()))
                .param("month", "2026-09").with(users.page("leader"))).andReturn();
        try (var wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            assertThat(wb.getSheet("单位排名").getLastRowNum()).isGreaterThan(10);
        }
    }

    @Test
    void remindersGoToTheUnitAndThroughTheOutboxToAWebhookWithRetries() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/robot", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int status = calls.incrementAndGet() == 1 ? 500 : 200;
            byte[] answer = "{\"errcode\":0}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        stub.start();
        try {
            TaskList list = openList("http://127.0.0.1:" + stub.getAddress().getPort() + "/robot");
            task(list, "N1", "定海区教育局", "1");
            job.run(); // remind-days 40: within the reminder period; first delivery fails (500)
            long id = jdbc.sql("select id from lighting_outbox where dedupe_key like :k").param("k", "remind:" + list.id() + ":%")
                    .query(Long.class).single();
            assertThat(jdbc.sql("select status from lighting_outbox where id = :id").param("id", id).query(String.class)
                    .single()).isEqualTo("PENDING");
            clock.advance(Duration.ofMinutes(2));
            outbox.deliverDue();
            assertThat(jdbc.sql("select status from lighting_outbox where id = :id").param("id", id).query(String.class)
                    .single()).isEqualTo("SENT");
            assertThat(jdbc.sql("select status_code from lighting_outbox_attempt where outbox_id = :id order by attempt")
                    .param("id", id).query(Integer.class).list()).containsExactly(null, 200);
            assertThat(received).hasSize(2).allSatisfy(b -> assertThat(b).contains("\"msgtype\":\"text\"", "定海区教育局"));
            job.run(); // deduplicated: no second reminder
            assertThat(jdbc.sql("select count(*) from lighting_notice where list_id = :l").param("l", list.id())
                    .query(Integer.class).single()).isOne();
            String page = body(mvc.perform(get("/lighting/report").param("listId", String.valueOf(list.id()))
                    .with(users.page("reporter"))).andReturn());
            assertThat(page).contains("【亮灯台提醒】");
        } finally {
            stub.stop(0);
        }
    }

    @Test
    void anAdministratorCreatesAListAndATaskInTheUi() throws Exception {
        mvc.perform(post("/lighting/lists").with(users.page("admin")).with(csrf()).param("code", "UI-1")
                .param("name", "推进例会事项").param("year", "2026").param("domain", "人才工作").param("source", "推进例会")
                .param("sourceMeeting", "第三次重点人才工作推进例会").param("openDay", "1").param("closeDay", "10")
                .param("remindDays", "3").param("bluePercent", "100").param("yellowPercent", "80").param("stallMonths", "2")
                .param("pointsGreen", "100").param("pointsBlue", "90").param("pointsYellow", "70")
                .param("pointsPurple", "40").param("pointsRed", "0"));
        TaskList list = lists.listByCode("UI-1").orElseThrow();
        MvcResult r = mvc.perform(post("/lighting/lists/" + list.id() + "/tasks").with(users.page("admin")).with(csrf())
                .param("code", "UI-T1").param("title", "推进人才飞地项目签约").param("leadUnit", "市委组织部")
                .param("coUnits", "市科学技术局、市财政局").param("weight", "2").param("target", "5").param("measure", "个")
                .param("plan", "0,0,10,20,30,40,50,60,70,80,90,100").param("deadline", "2026-12-31")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(302);
        Task t = lists.allTasks(list.id()).get(0);
        assertThat(t.coUnitNames()).contains("市科学技术局", "市财政局");
        assertThat(mvc.perform(post("/lighting/lists/" + list.id() + "/tasks").with(users.page("dinghai")).with(csrf())
                .param("code", "X")).andReturn().getResponse().getStatus()).isIn(403, 404);
    }

    /**
     * The close writes only changed lights: relighting every month of the demo list over stored lights gives
     * exactly the rows of a relight from nothing, provisional or final (a reopened month, a changed report).
     */
    @Test
    void writingOnlyChangedLightsEqualsAFullRelight() {
        TaskList list = annual();
        String rows = "select task_id, period, unit_id, colour, actual, planned, ratio, points, weight, reason "
                + "from lighting_light where list_id = :l order by task_id, period";
        var report = jdbc.sql("select r.id, r.actual_value from lighting_report r join lighting_task t on t.id = r.task_id "
                + "where t.list_id = :l and r.period = 202603 and r.status = 'APPROVED' order by r.id")
                .param("l", list.id()).query((rs, i) -> new Object[] {rs.getLong(1), rs.getBigDecimal(2)}).list().get(0);
        String all = "select task_id, period, list_id, unit_id, colour, actual, planned, ratio, points, weight, reason, lit_at "
                + "from lighting_light where list_id = :l";
        List<Object[]> before = jdbc.sql(all).param("l", list.id()).query((rs, i) -> {
            Object[] row = new Object[12];
            for (int c = 0; c < 12; c++) {
                row[c] = rs.getObject(c + 1);
            }
            return row;
        }).list();
        try {
            jdbc.sql("update lighting_report set actual_value = 0 where id = :id").param("id", report[0]).update();
            for (boolean provisional : new boolean[] {true, false}) {
                for (int m = 1; m <= 12; m++) {
                    close.light(list, new Period(list.year(), m), provisional, LocalDateTime.now(clock));
                }
                var diffed = jdbc.sql(rows).param("l", list.id()).query().listOfRows();
                jdbc.sql("delete from lighting_light where list_id = :l").param("l", list.id()).update();
                for (int m = 1; m <= 12; m++) {
                    close.light(list, new Period(list.year(), m), provisional, LocalDateTime.now(clock));
                }
                assertThat(diffed).hasSizeGreaterThan(1000).isEqualTo(jdbc.sql(rows).param("l", list.id()).query().listOfRows());
            }
        } finally {
            jdbc.sql("update lighting_report set actual_value = :v where id = :id").param("v", report[1])
                    .param("id", report[0]).update();
            jdbc.sql("delete from lighting_light where list_id = :l").param("l", list.id()).update();
            for (Object[] row : before) {
                jdbc.sql("insert into lighting_light (task_id, period, list_id, unit_id, colour, actual, planned, ratio, "
                        + "points, weight, reason, lit_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").params(row).update();
            }
        }
    }
}
