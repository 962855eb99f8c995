package cn.zugong.talent.internal.code;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.org.NodeKind;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.PageResult;
import cn.zugong.talent.internal.Classification;
import cn.zugong.talent.internal.TalentAccess;
import cn.zugong.talent.internal.TalentRecord;
import cn.zugong.talent.internal.TalentStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 人才码: issue (on recognition, or by the 人才办's ADMIN), revoke (on withdrawal of the recognition, or by the
 * ADMIN with a reason), re-issue (the new code supersedes the old), verify (signature, known key, register, dates
 * against the clock), key rotation. ADR 058.
 */
@Service
public class CodeService {

    /** Validity of a code when the recognition gives no end date. */
    static final int DEFAULT_YEARS = 3;

    private final CodeStore store;
    private final CheckCounter counter;
    private final SigningKeys keys;
    private final TalentStore talents;
    private final TalentAccess access;
    private final Classification classification;
    private final OrgTree tree;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /**
     * Texts whose signature was already found valid (exact text → key id): a code shown again skips the SM2
     * verification (same bytes, same answer); its state (revoked, superseded, dates) is still read every time.
     * Bounded; only successes are kept, so a changed byte is a new text and is checked.
     */
    private final Map<String, String> verifiedSignatures = new java.util.concurrent.ConcurrentHashMap<>();
    static final int SIGNATURE_CACHE = 100_000;

    CodeService(CodeStore store, CheckCounter counter, SigningKeys keys, TalentStore talents, TalentAccess access,
                Classification classification, OrgTree tree, AuditTrail audit, Clock clock) {
        this.store = store;
        this.counter = counter;
        this.keys = keys;
        this.talents = talents;
        this.access = access;
        this.classification = classification;
        this.tree = tree;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- issue ----

    /**
     * Issues a code for the talent at {@code level}, valid from today until {@code until} (or three years); a valid
     * code the talent held is superseded. No access check: the recognition event, the demo and the ADMIN's action
     * (which checks first) call it. Audited under {@code by} (null: the signed-in user).
     */
    @Transactional
    public Code issue(long talentId, String level, LocalDate until, String by) {
        classification.level(level).orElseThrow(() -> new ConflictException("未知的人才等级：" + level));
        LocalDate today = LocalDate.now(clock);
        LocalDate end = until != null ? until : today.plusYears(DEFAULT_YEARS).minusDays(1);
        if (end.isBefore(today)) {
            throw new ConflictException("认定有效期已于 " + until + " 结束，不能签发人才码");
        }
        store.lockTalent(talentId);
        String actor = by != null ? by : "system";
        String keyId = keys.currentKeyId(actor);
        long serial;
        do {
            serial = 1 + (random.nextLong() & 0x3fff_ffff_ffff_ffffL) % 9_999_999_999_999L;
        } while (store.serialTaken(serial));
        var payload = new TalentCodeVerifier.Payload(TalentCodeVerifier.VERSION, keyId, serial, talentId, level,
                today, end);
        String text = TalentCodeVerifier.text(payload, keys.sign(keyId, payload.signedBytes()));
        Optional<Code> old = store.validOf(talentId);
        LocalDateTime now = LocalDateTime.now(clock);
        long id = store.insert(serial, talentId, keyId, level, today, end, text, actor, now);
        old.ifPresent(o -> store.supersede(o.id(), id, actor, now));
        Code code = store.find(id).orElseThrow();
        audit.record(new AuditEvent(AuditAction.CREATE, "talent_code", String.valueOf(id),
                (old.isPresent() ? "重新签发人才码：" : "签发人才码：") + code.talentName() + "（" + level + "类，有效期至 "
                        + end + "）", old.map(CodeService::summary).orElse(null), summary(code), by));
        return code;
    }

    /** The ADMIN's 签发 / 重新签发 for a recognised talent in scope. */
    @Transactional
    public Code issueByAdmin(long talentId, CurrentUser user) {
        TalentRecord t = access.talent(talentId, user);
        TalentAccess.requireAdmin(user);
        if (!t.recognised()) {
            throw new ConflictException("该人才尚未认定等级，不能签发人才码：" + t.name());
        }
        return issue(t.id(), t.level(), t.levelUntil(), null);
    }

    /** Issues for every recognised talent without a valid code (the demo; recognitions made before this part). */
    @Transactional
    public List<Long> issueForRecognised(String by) {
        List<Long> ids = store.recognisedWithoutCodeIds();
        for (long id : ids) {
            TalentRecord t = talents.find(id).orElseThrow();
            if (t.levelUntil() == null || !t.levelUntil().isBefore(LocalDate.now(clock))) {
                issue(id, t.level(), t.levelUntil(), by);
            }
        }
        return ids;
    }

    /** Re-issue through the public API: the talent's current level and recognition end. Returns the new text. */
    @Transactional
    public String reissue(long talentId, String by) {
        TalentRecord t = talents.find(talentId).orElseThrow(() -> new NotFoundException("人才不存在：" + talentId));
        if (!t.recognised()) {
            throw new ConflictException("该人才尚未认定等级，不能签发人才码：" + t.name());
        }
        return issue(talentId, t.level(), t.levelUntil(), by).payload();
    }

    public String validText(long talentId) {
        return store.validOf(talentId).map(Code::payload).orElse(null);
    }

    public List<Long> talentsWithValidCode(int limit) {
        return store.talentsWithValidCode(limit);
    }

    public boolean issuedBy(String by) {
        return store.countIssuedBy(by) > 0;
    }

    // ---- revoke ----

    /** The ADMIN's 撤销 of a code in scope, with a reason. */
    @Transactional
    public Code revokeByAdmin(long codeId, String reason, CurrentUser user) {
        Code code = codeInScope(codeId, user);
        TalentAccess.requireAdmin(user);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new ConflictException("请填写撤销原因");
        }
        if (why.length() > 200) {
            throw new ConflictException("撤销原因不能超过 200 字");
        }
        if (code.status() != CodeStatus.VALID) {
            throw new ConflictException("人才码" + code.status().label() + "，不能再撤销：" + code.serial());
        }
        return revoke(code, why, null);
    }

    /** Revokes every valid code of the talent (the recognition was withdrawn); returns how many. */
    @Transactional
    public int revokeAll(long talentId, String reason, String by) {
        store.lockTalent(talentId);
        int n = 0;
        for (Code c : store.ofTalent(talentId)) {
            if (c.status() == CodeStatus.VALID) {
                revoke(c, reason == null || reason.isBlank() ? "认定已撤销" : reason, by == null ? "system" : by);
                n++;
            }
        }
        return n;
    }

    private Code revoke(Code code, String reason, String by) {
        LocalDateTime now = LocalDateTime.now(clock);
        store.revoke(code.id(), reason, by != null ? by : currentActor(), now);
        Code after = store.find(code.id()).orElseThrow();
        audit.record(new AuditEvent(AuditAction.UPDATE, "talent_code", String.valueOf(code.id()),
                "撤销人才码：" + code.talentName() + "（" + reason + "）", summary(code), summary(after), by));
        return after;
    }

    private static String currentActor() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }

    // ---- verify ----

    /** Verifies a code's text and counts the verification (PAGE or API; the count is written in a batch). */
    @Transactional(readOnly = true)
    public Verification verify(String text, String channel) {
        Found found = check(text);
        counter.count(LocalDateTime.now(clock), channel, found.verification().outcome(),
                found.code() == null ? null : found.code().id());
        return found.verification();
    }

    record Found(Verification verification, Code code) {
    }

    /** The check without counting: format, key, signature, register, revocation, re-issue, dates. */
    Found check(String text) {
        TalentCodeVerifier.Parsed p = TalentCodeVerifier.parse(text);
        if (p == null) {
            return new Found(Verification.failed(Outcome.BAD_FORMAT), null);
        }
        String cacheKey = new String(p.signed(), java.nio.charset.StandardCharsets.ISO_8859_1)
                + new String(p.signature(), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!p.payload().keyId().equals(verifiedSignatures.get(cacheKey))) {
            ECPublicKeyParameters key = keys.publicKey(p.payload().keyId());
            if (key == null) {
                return new Found(Verification.failed(Outcome.UNKNOWN_KEY), null);
            }
            if (!TalentCodeVerifier.signatureValid(key, p.signed(), p.signature())) {
                return new Found(Verification.failed(Outcome.BAD_SIGNATURE), null);
            }
            if (verifiedSignatures.size() >= SIGNATURE_CACHE) {
                verifiedSignatures.clear();
            }
            verifiedSignatures.put(cacheKey, p.payload().keyId());
        }
        var f = p.payload();
        Optional<Code> registered = store.bySerial(f.serial()).filter(c -> c.talentId() == f.talentId()
                && c.keyId().equals(f.keyId()) && c.level().equals(f.level()) && c.validFrom().equals(f.validFrom())
                && c.validUntil().equals(f.validUntil()));
        if (registered.isEmpty()) {
            return new Found(Verification.failed(Outcome.UNKNOWN_CODE), null);
        }
        Code c = registered.get();
        LocalDate today = LocalDate.now(clock);
        Outcome outcome = c.status() == CodeStatus.REVOKED ? Outcome.REVOKED
                : c.status() == CodeStatus.SUPERSEDED ? Outcome.SUPERSEDED
                : today.isAfter(c.validUntil()) ? Outcome.EXPIRED
                : today.isBefore(c.validFrom()) ? Outcome.NOT_YET_VALID : Outcome.VALID;
        if (outcome != Outcome.VALID) {
            return new Found(Verification.failed(outcome), c);
        }
        return new Found(new Verification(Outcome.VALID, Verification.maskName(c.talentName()), c.level(),
                levelName(c.level()), c.validFrom(), c.validUntil()), c);
    }

    /** For the benchmark: the next checks verify every signature again. */
    void forgetVerifiedSignatures() {
        verifiedSignatures.clear();
    }

    String levelName(String level) {
        return classification.level(level).map(Classification.Level::label).orElse(level);
    }

    // ---- reading ----

    /** The signed-in talent's current code (the newest valid one), if any. */
    public Optional<Code> own(CurrentUser user) {
        TalentRecord t = access.own(user);
        return store.validOf(t.id());
    }

    Code codeInScope(long codeId, CurrentUser user) {
        Code code = store.find(codeId).orElseThrow(() -> new NotFoundException("人才码不存在或不在您的管理范围内：" + codeId));
        access.talent(code.talentId(), user);
        return code;
    }

    List<Code> history(long talentId, CurrentUser user) {
        access.talent(talentId, user);
        return store.ofTalent(talentId);
    }

    PageResult<Code> list(CodeStore.Filter filter, Integer page, CurrentUser user) {
        requireOffice(user);
        int p = PageResult.clampPage(page);
        int size = 20;
        LocalDate today = LocalDate.now(clock);
        long total = store.countInScope(user.scope(), filter, today);
        return new PageResult<>(store.inScope(user.scope(), filter, today, size, (p - 1) * size), p, size, total);
    }

    List<Map<String, Object>> recognisedWithoutCode(CurrentUser user) {
        requireOffice(user);
        return store.recognisedWithoutCode(user.scope(), 50);
    }

    List<Long> recognisedWithoutCodeIds() {
        return store.recognisedWithoutCodeIds();
    }

    // ---- keys ----

    List<SigningKeys.KeyInfo> keys() {
        return keys.all();
    }

    /** Key rotation: the city's ADMIN only (the key is the city's). */
    @Transactional
    public String rotate(CurrentUser user) {
        TalentAccess.requireAdmin(user);
        if (!cityAdmin(user)) {
            throw new ForbiddenException("只有市级管理员可以轮换人才码签名密钥");
        }
        List<String> before = keys.all().stream().filter(SigningKeys.KeyInfo::current).map(SigningKeys.KeyInfo::keyId)
                .toList();
        String created = keys.rotate(user.username());
        audit.record(new AuditEvent(AuditAction.CONFIG, "talent_code_key", created,
                "轮换人才码签名密钥：新密钥 " + created + " 起签发，旧密钥停止签发但继续用于核验",
                Map.of("current", before), Map.of("current", created), null));
        return created;
    }

    /** The 市委组织部 (人才办)'s ADMIN: scope at the city (or above, the top of the tree). */
    boolean cityAdmin(CurrentUser user) {
        return user.role() == cn.zugong.shared.Role.ADMIN && tree.byId(user.scope().nodeId())
                .map(n -> n.parentId() == null || n.kind() == NodeKind.CITY || n.kind() == NodeKind.PROVINCE)
                .orElse(false);
    }

    // ---- figures ----

    Map<LocalDate, Map<String, Long>> checksPerDay(int days) {
        LocalDate today = LocalDate.now(clock);
        return store.checksPerDay(today.minusDays(days - 1L), today);
    }

    public Map<LocalDate, Map<String, Long>> checksPerDay(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new ConflictException("日期范围不正确：" + from + " 晚于 " + to);
        }
        return store.checksPerDay(from, to);
    }

    private static void requireOffice(CurrentUser user) {
        if (!user.role().isOffice()) {
            throw new NotFoundException("页面不存在");
        }
    }

    private static Map<String, Object> summary(Code c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("serial", c.serial());
        m.put("talentId", c.talentId());
        m.put("level", c.level());
        m.put("validFrom", c.validFrom().toString());
        m.put("validUntil", c.validUntil().toString());
        m.put("keyId", c.keyId());
        m.put("status", c.status().name());
        if (c.reason() != null) {
            m.put("reason", c.reason());
        }
        return m;
    }
}
