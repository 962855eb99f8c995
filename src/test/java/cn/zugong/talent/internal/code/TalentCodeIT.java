package cn.zugong.talent.internal.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zugong.IntegrationTest;
import cn.zugong.TestClock;
import cn.zugong.TestUsers;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.IdNumbers;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.Role;
import cn.zugong.talent.NewTalent;
import cn.zugong.talent.TalentEvents;
import cn.zugong.talent.TalentRegistry;
import cn.zugong.talent.internal.TalentStore;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 人才码 on the whole application: issued on TalentEvents.Recognised, revoked on RecognitionRevoked, verified
 * valid / tampered (one byte) / expired (test clock) / revoked / re-issued / rotated key / unknown key / bad format;
 * the public page and API answer only the masked name, level and validity, and limit each client address; the
 * office's writes are ADMIN-only and scoped; the talent sees only the own code. Each test makes its own talents in
 * 嵊泗县 (ID numbers of region 650102, which the demo does not use).
 */
@IntegrationTest
class TalentCodeIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(100 + (int) (System.nanoTime() % 700));

    @Autowired CheckCounter counter;
    @Autowired CodeService codes;
    @Autowired VerifyThrottle throttle;
    @Autowired TalentRegistry registry;
    @Autowired TalentStore talents;
    @Autowired OrgTree tree;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;

    @AfterEach
    void reset() {
        clock.reset();
    }

    private LocalDate today() {
        return clock.instant().atZone(clock.getZone()).toLocalDate();
    }

    /** A talent of 嵊泗县 recognised at {@code level} until {@code until}, through the recognition event. */
    private long recognised(String name, String level, LocalDate until) {
        long node = tree.byCode("330922").orElseThrow().id();
        LocalDate birth = LocalDate.of(1988, 3, 14);
        long id = registry.register(new NewTalent(node, null, name, "女", birth,
                IdNumbers.of("650102", birth, SEQUENCE.incrementAndGet()), "13905801234", null, "ENGINEER",
                "OIL_GAS_TRADE", "MASTER", null, null, null, null, List.of()), "code-test");
        recognise(id, level, until);
        return id;
    }

    private void recognise(long id, String level, LocalDate until) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            talents.setLevel(id, level, "REGULAR", today(), until);
            events.publishEvent(new TalentEvents.Recognised(id, level, "REGULAR", today(), until, 0));
        });
    }

    private Code valid(long talentId) {
        return jdbc.sql("select id from talent_code where talent_id = :t and status = 'VALID'").param("t", talentId)
                .query(Long.class).list().stream().map(id -> codes.codeInScope(id, cityAdmin())).findFirst().orElseThrow();
    }

    private CurrentUser cityAdmin() {
        return user("admin", Role.ADMIN, "3309");
    }

    private CurrentUser user(String username, Role role, String code) {
        var node = tree.byCode(code).orElseThrow();
        return new CurrentUser(0, username, username, role, node.asScope(), node.name());
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void recognitionIssuesASignedCodeThatVerifies() {
        long id = recognised("林晓雯", "C", today().plusYears(3));
        Code code = valid(id);
        assertThat(code.level()).isEqualTo("C");
        assertThat(code.validFrom()).isEqualTo(today());
        assertThat(code.payload()).startsWith("ZT1:");
        var parsed = TalentCodeVerifier.parse(code.payload()).payload();
        assertThat(parsed.talentId()).isEqualTo(id);
        assertThat(parsed.serial()).isEqualTo(code.serial());
        Verification v = codes.verify(code.payload(), "API");
        assertThat(v.outcome()).isEqualTo(Outcome.VALID);
        assertThat(v.maskedName()).isEqualTo("林**");
        assertThat(v.levelName()).isEqualTo("C类 省级领军人才");
        assertThat(jdbc.sql("select count(*) from audit_entry where object_type = 'talent_code' and object_id = :id")
                .param("id", String.valueOf(code.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void oneChangedByteFailsAsInvalidSignature() {
        Code code = valid(recognised("周启航", "D", today().plusYears(3)));
        byte[] bytes = TalentCodeVerifier.unbase45(code.payload().substring(4));
        byte[] level = bytes.clone();
        level[25] = 'A'; // D → A
        assertThat(codes.verify("ZT1:" + TalentCodeVerifier.base45(level), "API").outcome())
                .isEqualTo(Outcome.BAD_SIGNATURE);
        byte[] signature = bytes.clone();
        signature[97] ^= 0x01;
        assertThat(codes.verify("ZT1:" + TalentCodeVerifier.base45(signature), "API").outcome())
                .isEqualTo(Outcome.BAD_SIGNATURE);
        assertThat(codes.verify("不是人才码", "API").outcome()).isEqualTo(Outcome.BAD_FORMAT);
    }

    @Test
    void aCodeExpiresWithItsRecognitionOnTheClock() {
        LocalDate until = today().plusDays(30);
        Code code = valid(recognised("黄一鸣", "E", until));
        assertThat(code.validUntil()).isEqualTo(until);
        clock.setTo(until.atTime(23, 0));
        assertThat(codes.verify(code.payload(), "API").outcome()).isEqualTo(Outcome.VALID);
        clock.setTo(until.plusDays(1).atTime(8, 0));
        assertThat(codes.verify(code.payload(), "API").outcome()).isEqualTo(Outcome.EXPIRED);
        assertThat(code.stateOn(until.plusDays(1))).isEqualTo("已过期");
    }

    @Test
    void withdrawnRecognitionRevokesTheCode() {
        long id = recognised("陈思远", "C", today().plusYears(3));
        Code code = valid(id);
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            talents.setLevel(id, null, null, null, null);
            events.publishEvent(new TalentEvents.RecognitionRevoked(id, "认定材料不实，撤销认定"));
        });
        assertThat(codes.verify(code.payload(), "API").outcome()).isEqualTo(Outcome.REVOKED);
        assertThat(jdbc.sql("select reason from talent_code where id = :id").param("id", code.id()).query(String.class)
                .single()).isEqualTo("认定材料不实，撤销认定");
    }

    @Test
    void theAdminRevokesWithAReasonOnlyInScope() {
        long id = recognised("吴海峰", "D", today().plusYears(3));
        Code code = valid(id);
        assertThatThrownBy(() -> codes.revokeByAdmin(code.id(), " ", cityAdmin()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("撤销原因");
        assertThatThrownBy(() -> codes.revokeByAdmin(code.id(), "离职", user("putuo", Role.ADMIN, "330903")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> codes.revokeByAdmin(code.id(), "离职", user("reviewer", Role.REVIEWER, "3309")))
                .isInstanceOf(ForbiddenException.class);
        assertThat(codes.verify(code.payload(), "API").outcome()).isEqualTo(Outcome.VALID);
        codes.revokeByAdmin(code.id(), "用人单位报告已离职", cityAdmin());
        assertThat(codes.verify(code.payload(), "API").outcome()).isEqualTo(Outcome.REVOKED);
        assertThatThrownBy(() -> codes.revokeByAdmin(code.id(), "再撤销", cityAdmin()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("已撤销");
    }

    @Test
    void aReissuedCodeSupersedesTheOldOne() {
        long id = recognised("郑雨桐", "B", today().plusYears(3));
        Code old = valid(id);
        Code fresh = codes.issueByAdmin(id, cityAdmin());
        assertThat(fresh.serial()).isNotEqualTo(old.serial());
        assertThat(codes.verify(old.payload(), "API").outcome()).isEqualTo(Outcome.SUPERSEDED);
        assertThat(codes.verify(fresh.payload(), "API").outcome()).isEqualTo(Outcome.VALID);
        assertThat(jdbc.sql("select superseded_by from talent_code where id = :id").param("id", old.id())
                .query(Long.class).single()).isEqualTo(fresh.id());
        assertThat(jdbc.sql("select count(*) from talent_code where talent_id = :t and status = 'VALID'")
                .param("t", id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void afterRotationOldCodesStayValidAndNewCodesUseTheNewKey() {
        Code before = valid(recognised("钱乐天", "C", today().plusYears(3)));
        assertThatThrownBy(() -> codes.rotate(user("dinghai", Role.ADMIN, "330902")))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("市级管理员");
        String newKey = codes.rotate(cityAdmin());
        assertThat(newKey).isNotEqualTo(before.keyId());
        Code after = valid(recognised("孙嘉禾", "C", today().plusYears(3)));
        assertThat(after.keyId()).isEqualTo(newKey);
        assertThat(TalentCodeVerifier.parse(after.payload()).payload().keyId()).isEqualTo(newKey);
        assertThat(codes.verify(before.payload(), "API").outcome()).isEqualTo(Outcome.VALID);
        assertThat(codes.verify(after.payload(), "API").outcome()).isEqualTo(Outcome.VALID);
        assertThat(codes.keys()).filteredOn(SigningKeys.KeyInfo::current).extracting(SigningKeys.KeyInfo::keyId)
                .containsExactly(newKey);
    }

    @Test
    void aCodeSignedByAnotherKeyIsAnUnknownKey() {
        var pair = TalentCodeFormatTest.keyPair();
        var pub = (org.bouncycastle.crypto.params.ECPublicKeyParameters) pair.getPublic();
        var payload = new TalentCodeVerifier.Payload(1, TalentCodeVerifier.keyId(pub), 77, 1, "A", today(),
                today().plusYears(1));
        String forged = TalentCodeVerifier.text(payload, TalentCodeFormatTest.sign(pair,
                payload.signedBytes()));
        assertThat(codes.verify(forged, "API").outcome()).isEqualTo(Outcome.UNKNOWN_KEY);
    }

    @Test
    void thePublicPageShowsOnlyTheMaskedNameLevelAndValidity() throws Exception {
        long id = recognised("欧阳明轩", "C", today().plusYears(3));
        Code code = valid(id);
        String page = mvc.perform(post("/talent/verify").param("code", code.payload()).with(csrf())
                        .with(from("10.61.0.1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"masked-name\">欧***<").contains("C类 省级领军人才")
                .contains(code.validFrom() + " 至 " + code.validUntil())
                .doesNotContain("欧阳明轩").doesNotContain("13905801234").doesNotContain("6501021988");
        mvc.perform(get("/api/talent/verify").param("code", code.payload()).with(from("10.61.0.1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.name").value("欧***")).andExpect(jsonPath("$.level").value("C"))
                .andExpect(jsonPath("$.talentId").doesNotExist());
        mvc.perform(post("/api/talent/verify").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"ZT1:AAAA\"}").with(from("10.61.0.1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.result").value("格式错误")).andExpect(jsonPath("$.name").doesNotExist());
        codes.revokeByAdmin(code.id(), "测试撤销", cityAdmin());
        String revoked = mvc.perform(post("/talent/verify").param("code", code.payload()).with(csrf())
                .with(from("10.61.0.1"))).andReturn().getResponse().getContentAsString();
        assertThat(revoked).contains("无效：已撤销").doesNotContain("欧***");
        counter.flush(); // verifications are counted in batches
        long counted = jdbc.sql("select count(*) from talent_code_check where code_id = :c").param("c", code.id())
                .query(Long.class).single();
        assertThat(counted).isEqualTo(3);
        mvc.perform(get("/api/talent/verify/keys")).andExpect(status().isOk())
                .andExpect(jsonPath("$.keys[0].publicKey").isString());
    }

    @Test
    void anUploadedPictureOfTheQrCodeIsVerifiedAndAnythingElseIsRefusedWithAReason() throws Exception {
        Code code = valid(recognised("施雨涵", "E", today().plusYears(1)));
        byte[] png = QrImages.png(code.payload(), 400);
        String page = mvc.perform(multipart("/talent/verify").file(new MockMultipartFile("image", "qr.png", "image/png",
                        png)).with(csrf()).with(from("10.63.0.1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"masked-name\">施**<").doesNotContain("施雨涵");
        String refused = mvc.perform(multipart("/talent/verify").file(new MockMultipartFile("image", "x.png",
                        "image/png", "不是图片".getBytes())).param("code", code.payload()).with(csrf()).with(from("10.63.0.1")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("没有识别到二维码").doesNotContain("masked-name");
        mvc.perform(multipart("/talent/verify").file(new MockMultipartFile("image", "x.png", "image/png", new byte[0]))
                .with(csrf()).with(from("10.63.0.1"))).andExpect(status().isBadRequest());
    }

    @Test
    void eachClientAddressIsLimitedWith429() throws Exception {
        int limit = throttle.perMinute();
        assertThat(limit).isEqualTo(30);
        clock.setTo(LocalDateTime.of(2026, 12, 4, 11, 0, 5));
        for (int i = 0; i < limit; i++) {
            mvc.perform(get("/api/talent/verify").param("code", "x").with(from("10.62.0.1"))).andExpect(status().isOk());
        }
        mvc.perform(get("/api/talent/verify").param("code", "x").with(from("10.62.0.1")))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("核验过于频繁")));
        String page = mvc.perform(post("/talent/verify").param("code", "x").with(csrf()).with(from("10.62.0.1")))
                .andExpect(status().isTooManyRequests()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("核验过于频繁");
        mvc.perform(get("/api/talent/verify").param("code", "x").with(from("10.62.0.2"))).andExpect(status().isOk());
        clock.setTo(LocalDateTime.of(2026, 12, 4, 11, 1, 0));
        mvc.perform(get("/api/talent/verify").param("code", "x").with(from("10.62.0.1"))).andExpect(status().isOk());
    }

    @Test
    void theTalentSeesTheOwnCodeAndNoOtherRoute() throws Exception {
        long own = talents.findByUsername("talent").orElseThrow().id();
        recognise(own, "D", today().plusYears(2));
        Code code = valid(own);
        Code other = valid(recognised("冯子墨", "C", today().plusYears(3)));
        String page = mvc.perform(get("/talent/my").with(users.page("talent"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("D类 市级高层次人才").contains(String.valueOf(code.serial()))
                .contains("/talent/my/code.png").doesNotContain(String.valueOf(other.serial()));
        byte[] png = mvc.perform(get("/talent/my/code.png").with(users.page("talent"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(QrImages.read(new java.io.ByteArrayInputStream(png))).isEqualTo(code.payload());
        // the office's routes are refused to the role before any lookup; no talent route takes an id
        for (String path : List.of("/talent/codes/" + other.id(), "/talent/codes", "/talent/codes/keys")) {
            int s = mvc.perform(get(path).with(users.page("talent"))).andReturn().getResponse().getStatus();
            assertThat(s).as(path).isIn(403, 404);
        }
        mvc.perform(post("/talent/codes/" + other.id() + "/revoke").param("reason", "x").with(csrf())
                .with(users.page("talent"))).andExpect(status().isForbidden());
        mvc.perform(get("/talent/my/code.png").param("talentId", String.valueOf(other.talentId()))
                .with(users.page("talent"))).andExpect(status().isOk())
                .andExpect(result -> assertThat(QrImages.read(new java.io.ByteArrayInputStream(
                        result.getResponse().getContentAsByteArray()))).isEqualTo(code.payload()));
        assertThat(jdbc.sql("select status from talent_code where id = :id").param("id", other.id())
                .query(String.class).single()).isEqualTo("VALID");
        // an office user has no /talent/my
        mvc.perform(get("/talent/my").with(users.page("admin"))).andExpect(status().isForbidden());
    }

    @Test
    void officePagesListRevokeAndReissueForTheAdminOnly() throws Exception {
        long id = recognised("何雅琴", "C", today().plusYears(3));
        Code code = valid(id);
        String list = mvc.perform(get("/talent/codes").param("q", "何雅琴").with(users.page("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(String.valueOf(code.serial()));
        mvc.perform(get("/talent/codes/" + code.id()).with(users.page("putuo"))).andExpect(status().isNotFound());
        mvc.perform(post("/talent/codes/" + code.id() + "/revoke").param("reason", "x").with(csrf())
                .with(users.page("reviewer"))).andExpect(status().isForbidden());
        mvc.perform(post("/talent/codes/issue").param("talentId", String.valueOf(id)).with(csrf())
                .with(users.page("leader"))).andExpect(status().isForbidden());
        assertThat(valid(id).id()).isEqualTo(code.id());
        mvc.perform(post("/talent/codes/" + code.id() + "/revoke").param("reason", "").with(csrf())
                .with(users.page("admin"))).andExpect(status().isConflict());
        mvc.perform(post("/talent/codes/issue").param("talentId", String.valueOf(id)).with(csrf())
                .with(users.page("admin"))).andExpect(status().is3xxRedirection());
        assertThat(valid(id).id()).isNotEqualTo(code.id());
        mvc.perform(get("/talent/codes/keys").with(users.page("admin"))).andExpect(status().isOk());
        mvc.perform(get("/api/talent/codes").param("status", "SUPERSEDED").param("q", "何雅琴")
                        .with(TestUsers.api("admin"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].serial").value(String.valueOf(code.serial())));
    }
}
