package cn.zugong.talent.internal.recognition;

import static cn.zugong.TestUsers.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestClock;
import cn.zugong.TestUsers;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.security.Accounts;
import cn.zugong.security.NewAccount;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.IdNumbers;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.Role;
import cn.zugong.talent.Credential;
import cn.zugong.talent.CredentialKind;
import cn.zugong.talent.NewTalent;
import cn.zugong.talent.TalentRecognitions;
import cn.zugong.talent.TalentRegistry;
import cn.zugong.talent.internal.TalentStore;
import cn.zugong.talent.internal.recognition.RecognitionModel.Case;
import cn.zugong.talent.internal.recognition.RecognitionModel.Status;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 三位一体认定 end to end on talents and a 举荐小组 made by the test (the demo's only for the accounts dinghai,
 * putuo, reviewer and referee): a 常规 case through 公示 with an objection to the certificate and its revocation; the
 * 举荐 vote with quorum not met, then met, decided by two thirds; a 委员 who has not submitted reads no other score
 * (404 on the API, nothing on the page); the 公示's end over the 国庆 holiday; scope; refused writes leave the
 * database as it was.
 */
@IntegrationTest
class RecognitionIT {

    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 400));

    private static final AtomicInteger GROUPS = new AtomicInteger();
    private static final String[] FIELDS = {"OIL_GAS_TRADE", "PETROCHEM_MATERIALS", "MARITIME_SHIPPING",
            "OIL_GAS_STORAGE", "MARINE_EQUIPMENT", "BONDED_FUEL", "DIGITAL_ECONOMY", "MARINE_BIO", "FISHERY", "TOURISM",
            "NEW_ENERGY", "HEALTH", "EDUCATION", "FINANCE", "MANUFACTURING", "OTHER"};

    @Autowired RecognitionService service;
    @Autowired RefereeService referees;
    @Autowired TalentRecognitions recognitions;
    @Autowired TalentRegistry registry;
    @Autowired TalentStore talents;
    @Autowired Accounts accounts;
    @Autowired OrgTree tree;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private CurrentUser admin(String code) {
        OrgNode n = tree.byCode(code).orElseThrow();
        return new CurrentUser(0, code.equals("3309") ? "admin" : "dinghai", "管理员", Role.ADMIN, n.asScope(), n.name());
    }

    private CurrentUser referee(String username) {
        OrgNode n = tree.byCode("3309").orElseThrow();
        return new CurrentUser(0, username, username, Role.TALENT_REFEREE, n.asScope(), n.name());
    }

    /** A talent of the test in a county: a 硕士 (E by E-1) with the credentials given. */
    private long talent(String county, String field, String education, Credential... credentials) {
        return talent(county, field, education, "ENGINEER", credentials);
    }

    private long talent(String county, String field, String education, String category, Credential... credentials) {
        OrgNode node = tree.byCode(county).orElseThrow();
        int seq = SEQ.incrementAndGet();
        LocalDate birth = LocalDate.of(1990, 1, 1).plusDays(seq % 3000);
        return registry.register(new NewTalent(node.id(), null, "测试人才" + seq, "男", birth,
                IdNumbers.of("110101", birth, 100 + seq % 800), "13800000000", null, category, field, education,
                null, null, new BigDecimal("200000"), LocalDate.of(2020, 1, 1), List.of(credentials)), "recognition-it");
    }

    private List<String> refereeAccounts(int n) {
        List<String> out = new ArrayList<>();
        long city = tree.byCode("3309").orElseThrow().id();
        for (int i = 0; i < n; i++) {
            String u = "jjit" + SEQ.incrementAndGet() + "x" + i;
            accounts.create(new NewAccount(u, IntegrationTest.PASSWORD, "测试委员" + i, Role.TALENT_REFEREE, city));
            out.add(u);
        }
        return out;
    }

    private long group(List<String> members) {
        // at 定海 (the demo's groups are the city's), one field per group: a group per node and field
        long dinghai = tree.byCode("330902").orElseThrow().id();
        String field = FIELDS[GROUPS.getAndIncrement() % FIELDS.length];
        return recognitions.createGroup(dinghai, field, "测试举荐小组" + SEQ.incrementAndGet(),
                members.stream().map(u -> new TalentRecognitions.Referee(u, "委员" + u, "测试单位")).toList(),
                "recognition-it");
    }

    private Map<String, Integer> points(int each) {
        Map<String, Integer> p = new LinkedHashMap<>();
        service.rules().dimensions().forEach(d -> p.put(d.code(), Math.min(each, d.points())));
        return p;
    }

    private String caseStatus(long caseId) {
        return jdbc.sql("select status from talent_recognition_case where id = :id").param("id", caseId)
                .query(String.class).single();
    }

    private long count(String table, long caseId) {
        return jdbc.sql("select count(*) from " + table + " where case_id = :id").param("id", caseId)
                .query(Long.class).single();
    }

    @Test
    void publicityEndsAfterFiveWorkingDaysOverTheNationalDayHoliday() {
        assertThat(service.rules().publicityWorkdays()).isEqualTo(5);
        // Tue 29 Sep: 30 Sep (1), 1–7 Oct holiday, Thu 8 (2), Fri 9 (3), Sat 10 调休上班 (4), Mon 12 (5)
        assertThat(service.publicityEnd(LocalDate.of(2026, 9, 29))).isEqualTo(LocalDate.of(2026, 10, 12));
        // an ordinary week: Mon 7 Dec 2026 → Mon 14 Dec
        assertThat(service.publicityEnd(LocalDate.of(2026, 12, 7))).isEqualTo(LocalDate.of(2026, 12, 14));
    }

    @Test
    void aRegularCaseGoesThroughPublicityWithAnObjectionToTheCertificateAndIsRevoked() throws Exception {
        long t = talent("330902", "OIL_GAS_TRADE", "MASTER");
        CurrentUser dinghai = admin("330902");
        Case c = service.open(new RecognitionService.Application(t, "REGULAR", null, null, "本人申报"), dinghai);
        assertThat(c.ruleLevel()).isEqualTo("E");
        assertThat(c.ruleId()).isEqualTo("E-1");
        assertThat(c.ruleReason()).contains("未认定为D类").contains("学历应为博士研究生，该人才为硕士研究生");
        assertThatThrownBy(() -> service.open(new RecognitionService.Application(t, "SPECIAL", "D", null, "再次申报"),
                dinghai)).isInstanceOf(ConflictException.class).hasMessageContaining("已有办理中的认定案件");

        mvc.perform(multipart("/talent/recognition/" + c.id() + "/evidence")
                        .file(new MockMultipartFile("file", "学历证书.pdf", "application/pdf", "%PDF-1.4 证书".getBytes(StandardCharsets.UTF_8)))
                        .with(users.page("dinghai")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(multipart("/talent/recognition/" + c.id() + "/evidence")
                        .file(new MockMultipartFile("file", "假证书.pdf", "application/pdf", "not a pdf".getBytes(StandardCharsets.UTF_8)))
                        .with(users.page("dinghai")).with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(count("talent_recognition_evidence", c.id())).isEqualTo(1);
        String page = mvc.perform(get("/talent/recognition/" + c.id()).with(users.page("dinghai")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("E-1").contains("学历应为博士研究生，该人才为硕士研究生");

        service.step(c.id(), "review", RecognitionService.Step.note("材料齐全"), dinghai);
        Case pub = service.step(c.id(), "publicise", RecognitionService.Step.note(null), dinghai);
        assertThat(pub.status()).isEqualTo(Status.PUBLICITY);
        assertThat(pub.publicityUntil()).isEqualTo(service.publicityEnd(pub.publicityFrom()));
        service.step(c.id(), "object", new RecognitionService.Step(null, null, null, null, "群众来信", "反映学历存疑",
                null, null, null), dinghai);
        long objection = service.objections(pub).get(0).id();
        clock.advance(Duration.ofDays(20));
        assertThatThrownBy(() -> service.step(c.id(), "decide", RecognitionService.Step.note(null), dinghai))
                .isInstanceOf(ConflictException.class).hasMessageContaining("未答复的异议");
        clock.reset();
        service.step(c.id(), "answer", new RecognitionService.Step(null, null, null, null, null,
                "经学信网核验学历属实", null, objection, false), dinghai);
        assertThatThrownBy(() -> service.step(c.id(), "decide", RecognitionService.Step.note(null), dinghai))
                .isInstanceOf(ConflictException.class).hasMessageContaining("期满后才能认定");
        assertThat(talents.find(t).orElseThrow().level()).isNull();

        clock.advance(Duration.ofDays(20));
        Case decided = service.step(c.id(), "decide", RecognitionService.Step.note("同意认定"), dinghai);
        assertThat(decided.status()).isEqualTo(Status.DECIDED);
        assertThat(decided.level()).isEqualTo("E");
        assertThat(decided.certificateNo()).matches("ZSRC\\d{4}E\\d{5}");
        assertThat(decided.validUntil()).isEqualTo(decided.decidedOn().plusYears(5).minusDays(1));
        var record = talents.find(t).orElseThrow();
        assertThat(record.level()).isEqualTo("E");
        assertThat(record.levelRoute()).isEqualTo("REGULAR");
        assertThat(record.levelUntil()).isEqualTo(decided.validUntil());
        byte[] pdf = mvc.perform(get("/talent/recognition/" + c.id() + "/certificate").with(users.page("dinghai")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(Arrays.copyOf(pdf, 4), StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).as("the certificate is one page").isEqualTo(1);
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("人才认定证书", decided.certificateNo(), "E类");
        }

        service.step(c.id(), "revoke", RecognitionService.Step.note("学历造假"), dinghai);
        assertThat(talents.find(t).orElseThrow().level()).isNull();
        assertThat(caseStatus(c.id())).isEqualTo("REVOKED");
    }

    @Test
    void aNominationVoteNeedsItsQuorumAndTwoThirds() {
        List<String> members = refereeAccounts(6);
        long g = group(members);
        long t = talent("330902", "MARITIME_SHIPPING", "BACHELOR");
        CurrentUser city = admin("3309");
        Case c = service.open(new RecognitionService.Application(t, "NOMINATED", "C", g, "举荐"), city);
        service.step(c.id(), "review", RecognitionService.Step.note(null), city);
        referees.submit(c.id(), new RefereeService.BallotForm(points(20), "C", "贡献突出"), referee(members.get(0)));
        referees.submit(c.id(), new RefereeService.BallotForm(points(20), "C", "贡献突出"), referee(members.get(1)));
        referees.submit(c.id(), new RefereeService.BallotForm(points(15), "D", "相当于D类"), referee(members.get(2)));
        // 3 of 6 members: the quorum is 2/3 of 6 = 4
        assertThatThrownBy(() -> service.step(c.id(), "tally", RecognitionService.Step.note(null), city))
                .isInstanceOf(ConflictException.class).hasMessageContaining("法定人数为2/3即4人");
        assertThat(caseStatus(c.id())).isEqualTo("VOTING");
        referees.submit(c.id(), new RefereeService.BallotForm(points(10), "E", "相当于E类"), referee(members.get(3)));
        // 4 ballots: C 2, D or higher 3, E or higher 4; 2/3 of 4 is 3 → D
        Case after = service.step(c.id(), "tally", RecognitionService.Step.note(null), city);
        assertThat(after.status()).isEqualTo(Status.REVIEWED);
        assertThat(after.proposedLevel()).isEqualTo("D");
        assertThat(service.history(after).get(service.history(after).size() - 1).note())
                .isEqualTo("已提交4份评议（委员6人），3票同意认定为D类或更高，达到2/3即3票");
        // a late ballot is refused
        assertThatThrownBy(() -> referees.submit(c.id(), new RefereeService.BallotForm(points(1), "A", "迟交"),
                referee(members.get(4)))).isInstanceOf(ConflictException.class);
        assertThat(count("talent_referee_ballot", c.id())).isEqualTo(4);
    }

    @Test
    void theTwoThirdsRuleOnHandCountedBallots() {
        // 5 ballots: 2 E, 3 不予举荐 → E or higher 2 of 5 < 2/3 → nothing carried
        var none = service.tally(5, Arrays.asList("E", null, "E", null, null));
        assertThat(none.quorumMet()).isTrue();
        assertThat(none.carriedLevel()).isNull();
        assertThat(none.explanation()).contains("没有一个等级获得2/3即4票以上的同意");
        // 3 ballots of 3: B, C, C → C or higher 3, B or higher 1 → C
        assertThat(service.tally(3, List.of("B", "C", "C")).carriedLevel()).isEqualTo("C");
        // 2 of 3 for B exactly two thirds → B
        assertThat(service.tally(3, List.of("B", "B", "E")).carriedLevel()).isEqualTo("B");
        // quorum: 3 of 5 members is below 2/3 (needs 4)
        var short1 = service.tally(5, List.of("A", "A", "A"));
        assertThat(short1.quorumMet()).isFalse();
        assertThat(short1.carriedLevel()).isNull();
        assertThat(short1.quorumNeeded()).isEqualTo(4);
    }

    @Test
    void aRefereeSeesNoOtherScoreBeforeSubmittingAndNothingOutsideTheOwnGroups() throws Exception {
        List<String> members = refereeAccounts(3);
        List<String> outsider = refereeAccounts(1);
        long g = group(members);
        long t = talent("330903", "MARITIME_SHIPPING", "BACHELOR");
        CurrentUser city = admin("3309");
        Case c = service.open(new RecognitionService.Application(t, "NOMINATED", "D", g, "举荐"), city);
        service.step(c.id(), "review", RecognitionService.Step.note(null), city);
        referees.submit(c.id(), new RefereeService.BallotForm(points(23), "D", "甲委员的秘密理由"), referee(members.get(0)));

        String second = members.get(1);
        mvc.perform(get("/api/talent/referee/cases/" + c.id() + "/ballots").with(api(second)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/talent/referee/cases/" + c.id() + "/ballot").with(api(second)))
                .andExpect(status().isNotFound());
        String api = mvc.perform(get("/api/talent/referee/cases/" + c.id()).with(api(second)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(api).doesNotContain("甲委员的秘密理由").doesNotContain("\"SALARY\":23");
        String page = mvc.perform(get("/talent/referee/cases/" + c.id()).with(users.page(second)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("甲委员的秘密理由").contains("id=\"ballot\"");
        String list = mvc.perform(get("/api/talent/referee/cases").with(api(second)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).doesNotContain("甲委员的秘密理由");

        // an outsider (a 委员 of no group of the case) and the office answer 404 / 403
        mvc.perform(get("/api/talent/referee/cases/" + c.id()).with(api(outsider.get(0))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/talent/referee/cases/" + c.id()).with(users.page(outsider.get(0))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/talent/referee/cases/" + c.id() + "/ballot").with(api(outsider.get(0)))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"points\":{\"SALARY\":1,\"PERFORMANCE\":1,\"MARKET\":1,\"LEADING\":1},\"level\":\"A\",\"reason\":\"x\"}"))
                .andExpect(status().isNotFound());
        assertThat(count("talent_referee_ballot", c.id())).isEqualTo(1);
        mvc.perform(get("/api/talent/referee/cases/" + c.id() + "/ballots").with(api("dinghai")))
                .andExpect(status().isForbidden());

        // bad points are refused with the dimension's name, nothing written
        mvc.perform(post("/api/talent/referee/cases/" + c.id() + "/ballot").with(api(second))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"points\":{\"SALARY\":99,\"PERFORMANCE\":1,\"MARKET\":1,\"LEADING\":1},\"level\":\"D\",\"reason\":\"x\"}"))
                .andExpect(status().isBadRequest());
        assertThat(count("talent_referee_ballot", c.id())).isEqualTo(1);

        // after the own ballot (through the page form) the others' are there
        mvc.perform(post("/talent/referee/cases/" + c.id() + "/ballot").with(users.page(second)).with(csrf())
                        .param("points.SALARY", "20").param("points.PERFORMANCE", "20").param("points.MARKET", "20")
                        .param("points.LEADING", "10").param("level", "D").param("reason", "乙委员意见"))
                .andExpect(status().is3xxRedirection());
        String ballots = mvc.perform(get("/api/talent/referee/cases/" + c.id() + "/ballots").with(api(second)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(ballots).contains("甲委员的秘密理由").contains("乙委员意见");
        String after = mvc.perform(get("/talent/referee/cases/" + c.id()).with(users.page(second)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(after).contains("甲委员的秘密理由");
        // submitting twice is refused, one ballot stays
        mvc.perform(post("/api/talent/referee/cases/" + c.id() + "/ballot").with(api(second))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"points\":{\"SALARY\":1,\"PERFORMANCE\":1,\"MARKET\":1,\"LEADING\":1},\"level\":\"A\",\"reason\":\"改票\"}"))
                .andExpect(status().isConflict());
        assertThat(count("talent_referee_ballot", c.id())).isEqualTo(2);
        // the office sees no ballot while the vote runs
        assertThat(referees.ballotsForOffice(service.get(c.id(), city))).isEmpty();
    }

    @Test
    void scopeAndRefusedWritesLeaveTheDatabaseAsItWas() throws Exception {
        long dinghaiTalent = talent("330902", "OIL_GAS_TRADE", "DOCTOR");
        long putuoTalent = talent("330903", "OIL_GAS_TRADE", "DOCTOR");
        CurrentUser city = admin("3309");
        Case d = service.open(new RecognitionService.Application(dinghaiTalent, "REGULAR", null, null, "申报"), city);
        Case p = service.open(new RecognitionService.Application(putuoTalent, "REGULAR", null, null, "申报"), city);
        assertThat(d.ruleLevel()).isEqualTo("D");

        // dinghai sees its own case and not 普陀's, on pages and API
        mvc.perform(get("/talent/recognition/" + d.id()).with(users.page("dinghai"))).andExpect(status().isOk());
        mvc.perform(get("/talent/recognition/" + p.id()).with(users.page("dinghai"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/talent/recognition/cases/" + p.id()).with(api("dinghai")))
                .andExpect(status().isNotFound());
        String list = mvc.perform(get("/api/talent/recognition/cases").param("size", "200").with(api("dinghai")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains(d.caseNo()).doesNotContain(p.caseNo());
        String dinghaiPath = tree.byCode("330902").orElseThrow().path();
        assertThat(service.find(new RecognitionRepository.Filter(null, null, null, null), 1, 200, admin("330902"))
                .items()).allMatch(x -> x.nodePath().startsWith(dinghaiPath));
        mvc.perform(get("/api/talent/recognition/evaluation").param("talentId", String.valueOf(putuoTalent))
                .with(api("dinghai"))).andExpect(status().isNotFound());

        long events = count("talent_recognition_event", p.id());
        // 普陀's case from 定海: 404, nothing changes
        mvc.perform(post("/talent/recognition/" + p.id() + "/review").with(users.page("dinghai")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/talent/recognition/cases/" + p.id() + "/review").with(api("dinghai"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isNotFound());
        // a reviewer reads but may not act: 403, nothing changes
        mvc.perform(get("/talent/recognition/" + p.id()).with(users.page("reviewer"))).andExpect(status().isOk());
        mvc.perform(post("/api/talent/recognition/cases/" + p.id() + "/review").with(api("reviewer"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/talent/recognition/cases").with(api("reviewer")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"talentId\":" + putuoTalent + ",\"route\":\"SPECIAL\",\"claimedLevel\":\"C\",\"summary\":\"x\"}"))
                .andExpect(status().isForbidden());
        // an illegal step: 409 with the reason, nothing changes
        mvc.perform(post("/api/talent/recognition/cases/" + p.id() + "/decide").with(api("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isConflict());
        // a talent or a 委员 reaches none of the office's routes
        mvc.perform(get("/api/talent/recognition/cases/" + d.id()).with(api("referee")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/talent/recognition/" + d.id()).with(users.page("talent"))).andExpect(status().isForbidden());
        assertThat(caseStatus(p.id())).isEqualTo("SUBMITTED");
        assertThat(count("talent_recognition_event", p.id())).isEqualTo(events);
        assertThat(count("talent_recognition_evidence", p.id())).isZero();
        assertThat(jdbc.sql("select count(*) from talent_recognition_case where talent_id = :t").param("t", putuoTalent)
                .query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> service.get(p.id(), admin("330902"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aSpecialCaseIsDecidedByTheCommitteesMajorityWithItsReasons() {
        long t = talent("330902", "TOURISM", "BACHELOR", "OTHER");
        CurrentUser city = admin("3309");
        assertThatThrownBy(() -> service.open(new RecognitionService.Application(t, "REGULAR", null, null, "申报"), city))
                .isInstanceOf(ConflictException.class).hasMessageContaining("不符合任何常规认定规则");
        Case c = service.open(new RecognitionService.Application(t, "SPECIAL", "D", null, "关键岗位"), city);
        service.step(c.id(), "review", RecognitionService.Step.note(null), city);
        for (int i = 0; i < 4; i++) {
            service.step(c.id(), "opinion", new RecognitionService.Step("理由" + i, i < 2 ? "D" : "E", "委员" + i,
                    i < 3, null, null, null, null, null), city);
        }
        assertThatThrownBy(() -> service.step(c.id(), "conclude", RecognitionService.Step.note(null), city))
                .isInstanceOf(ConflictException.class).hasMessageContaining("需至少5位委员的意见，现有4位");
        service.step(c.id(), "opinion", new RecognitionService.Step("理由4", "E", "委员4", true, null, null, null, null,
                null), city);
        // opinions: D, D, E, 不同意, E → D or higher 2 of 5, E or higher 4 of 5 → E
        Case after = service.step(c.id(), "conclude", RecognitionService.Step.note(null), city);
        assertThat(after.status()).isEqualTo(Status.REVIEWED);
        assertThat(after.proposedLevel()).isEqualTo("E");
        assertThat(service.opinions(after)).extracting(RecognitionModel.Opinion::reason)
                .containsExactly("理由0", "理由1", "理由2", "理由3", "理由4");
    }

    @Test
    void theDemoRecognisedEveryLevelAndTheTalentAccount() {
        for (String level : List.of("A", "B", "C", "D", "E")) {
            assertThat(jdbc.sql("select count(*) from talent where level = :l").param("l", level).query(Long.class)
                    .single()).as("level " + level).isPositive();
        }
        assertThat(talents.findByUsername("talent").orElseThrow().level()).isNotNull();
        assertThat(jdbc.sql("select count(*) from talent_recognition_case where route = 'NOMINATED' and created_by = 'demo-recognition'")
                .query(Long.class).single()).isEqualTo(13);
        for (String s : List.of("SUBMITTED", "COMMITTEE", "VOTING", "REVIEWED", "PUBLICITY", "DECIDED", "REJECTED")) {
            assertThat(jdbc.sql("select count(*) from talent_recognition_case where status = :s and created_by = 'demo-recognition'")
                    .param("s", s).query(Long.class).single()).as(s).isPositive();
        }
    }
}
