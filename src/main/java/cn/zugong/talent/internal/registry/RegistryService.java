package cn.zugong.talent.internal.registry;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.org.NodeKind;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.security.Accounts;
import cn.zugong.security.NewAccount;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.IdNumbers;
import cn.zugong.shared.Masking;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.PageResult;
import cn.zugong.shared.Role;
import cn.zugong.talent.Credential;
import cn.zugong.talent.CredentialKind;
import cn.zugong.talent.CreditCodes;
import cn.zugong.talent.NewEmployer;
import cn.zugong.talent.NewTalent;
import cn.zugong.talent.internal.Classification;
import cn.zugong.talent.internal.EmployerRecord;
import cn.zugong.talent.internal.TalentAccess;
import cn.zugong.talent.internal.TalentRecord;
import cn.zugong.talent.internal.TalentSearch;
import cn.zugong.talent.internal.TalentStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's work behind the pages, the API and the import: scoped reads (404 outside), ADMIN-only writes
 * (403), every write audited with before and after (ID number and phone masked in the trail), the checks of a
 * talent (ID number, gender and birth date agreeing with it, codes of the classification) in one place.
 */
@Service
class RegistryService {

    static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9_.-]{3,29}");
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "@#%&*+-=?";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TalentStore store;
    private final TalentAccess access;
    private final Classification classification;
    private final OrgTree tree;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    RegistryService(TalentStore store, TalentAccess access, Classification classification, OrgTree tree,
                    Accounts accounts, AuditTrail audit, Clock clock) {
        this.store = store;
        this.access = access;
        this.classification = classification;
        this.tree = tree;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    Classification classification() {
        return classification;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    static void requireOffice(CurrentUser user) {
        if (!user.role().isOffice()) {
            throw new NotFoundException("页面不存在");
        }
    }

    // ---- reads ----

    PageResult<TalentRecord> search(TalentSearch q, Integer page, Integer size, CurrentUser user) {
        requireOffice(user);
        int p = PageResult.clampPage(page);
        int s = PageResult.clampSize(size);
        Set<String> keys = keyFields();
        long total = store.count(q, keys, user.scope());
        return new PageResult<>(store.search(q, keys, user.scope(), s, (p - 1) * s), p, s, total);
    }

    Set<String> keyFields() {
        return classification.fields().stream().filter(Classification.Field::key).map(Classification.Field::code)
                .collect(Collectors.toSet());
    }

    TalentRecord talent(long id, CurrentUser user) {
        requireOffice(user);
        return access.talent(id, user);
    }

    /** The node a filter names, inside the caller's scope (404 outside). */
    OrgNode node(Long nodeId, CurrentUser user) {
        if (nodeId == null) {
            return null;
        }
        return tree.get(nodeId, user.scope());
    }

    /** The nodes a talent or employer may belong to: the city or county nodes of the caller's scope. */
    List<OrgNode> talentNodes(CurrentUser user) {
        OrgNode root = tree.get(user.scope().nodeId(), user.scope());
        List<OrgNode> out = new ArrayList<>();
        if (root.kind() == NodeKind.CITY || root.kind() == NodeKind.COUNTY) {
            out.add(root);
        }
        if (root.kind() == NodeKind.PROVINCE || root.kind() == NodeKind.CITY) {
            for (OrgNode c : tree.children(root.id(), user.scope())) {
                if (c.kind() == NodeKind.COUNTY || c.kind() == NodeKind.CITY) {
                    out.add(c);
                }
            }
        }
        if (out.isEmpty()) {
            out.add(root);
        }
        return out;
    }

    PageResult<EmployerRecord> employers(String q, Integer page, CurrentUser user) {
        requireOffice(user);
        int p = PageResult.clampPage(page);
        int s = 20;
        return new PageResult<>(store.employers(user.scope(), q, s, (p - 1) * s), p, s,
                store.countEmployers(user.scope(), q));
    }

    EmployerRecord employer(long id, CurrentUser user) {
        requireOffice(user);
        return store.findEmployer(id).filter(e -> user.scope().contains(e.nodePath()))
                .orElseThrow(() -> new NotFoundException("用人单位不存在或不在您的管理范围内：" + id));
    }

    /** Employers for a form's select (the caller's scope, up to 500 by name). */
    List<EmployerRecord> employerChoices(CurrentUser user) {
        return store.employers(user.scope(), null, 500, 0);
    }

    Map<String, Long> countByLevel(CurrentUser user) {
        return store.countByLevel(user.scope());
    }

    long countEmployers(CurrentUser user) {
        return store.countEmployers(user.scope(), null);
    }

    // ---- checks ----

    /**
     * Every problem of a talent form that Bean Validation cannot see, by field: the ID number (format, check
     * character), gender and birth date against it, the node in scope, the employer in scope, the codes.
     */
    Map<String, String> problems(TalentForm f, CurrentUser user) {
        Map<String, String> out = new LinkedHashMap<>();
        if (f.idNumber() == null || f.idNumber().isBlank()) {
            out.put("idNumber", "请填写身份证号");
        } else {
            String id = IdNumbers.normalise(f.idNumber());
            IdNumbers.problem(id).ifPresentOrElse(p -> out.put("idNumber", p), () -> {
                String gender = genderOf(id);
                if (f.gender() != null && !f.gender().equals(gender)) {
                    out.put("gender", "性别与身份证号不一致：身份证号显示为“" + gender + "”");
                }
                LocalDate birth = IdNumbers.birthDate(id).orElseThrow();
                if (f.birthDate() != null && !f.birthDate().equals(birth)) {
                    out.put("birthDate", "出生日期与身份证号不一致：身份证号显示为 " + birth);
                }
                if (birth.isAfter(today())) {
                    out.put("idNumber", "身份证号中的出生日期晚于今天");
                }
            });
        }
        if (f.nodeId() != null && talentNodes(user).stream().noneMatch(n -> n.id() == f.nodeId())) {
            out.put("nodeId", "所属区域不在您的管理范围内");
        }
        if (f.employerId() != null && store.findEmployer(f.employerId())
                .filter(e -> user.scope().contains(e.nodePath())).isEmpty()) {
            out.put("employerId", "用人单位不存在或不在您的管理范围内");
        }
        if (f.category() != null && !f.category().isBlank() && !classification.categories().containsKey(f.category())) {
            out.put("category", "人才类别不在分类目录中：" + f.category());
        }
        if (f.field() != null && !f.field().isBlank() && classification.field(f.field()).isEmpty()) {
            out.put("field", "领域不在分类目录中：" + f.field());
        }
        if (f.education() != null && !f.education().isBlank() && !classification.education().containsKey(f.education())) {
            out.put("education", "学历不在分类目录中：" + f.education());
        }
        credentialProblem(CredentialKind.TITLE, f.titles()).ifPresent(p -> out.put("titles", p));
        credentialProblem(CredentialKind.AWARD, f.awards()).ifPresent(p -> out.put("awards", p));
        credentialProblem(CredentialKind.PROGRAMME, f.programmes()).ifPresent(p -> out.put("programmes", p));
        if (f.arrivedOn() != null && f.arrivedOn().isAfter(today().plusYears(1))) {
            out.put("arrivedOn", "到岗日期过晚");
        }
        return out;
    }

    private java.util.Optional<String> credentialProblem(CredentialKind kind, List<String> codes) {
        for (String c : codes) {
            if (!classification.credentials(kind).containsKey(c)) {
                return java.util.Optional.of(kind.label() + "不在分类目录中：" + c);
            }
        }
        return java.util.Optional.empty();
    }

    static String genderOf(String idNumber) {
        return (idNumber.charAt(16) - '0') % 2 == 1 ? "男" : "女";
    }

    NewTalent toNew(TalentForm f) {
        String id = IdNumbers.normalise(f.idNumber());
        List<Credential> credentials = new ArrayList<>();
        f.titles().stream().distinct().forEach(c -> credentials.add(new Credential(CredentialKind.TITLE, c, null, null)));
        f.awards().stream().distinct().forEach(c -> credentials.add(new Credential(CredentialKind.AWARD, c, null, null)));
        f.programmes().stream().distinct()
                .forEach(c -> credentials.add(new Credential(CredentialKind.PROGRAMME, c, null, null)));
        return new NewTalent(f.nodeId(), f.employerId(), f.name().strip(), genderOf(id),
                IdNumbers.birthDate(id).orElseThrow(), id, f.phone(), f.email(), f.category(), f.field(),
                f.education(), f.school(), f.major(), f.annualSalary(), f.arrivedOn(), credentials);
    }

    // ---- writes (ADMIN) ----

    @Transactional
    long create(TalentForm f, CurrentUser user) {
        TalentAccess.requireAdmin(user);
        NewTalent t = toNew(f);
        if (store.idByIdNumber(t.idNumber()).isPresent()) {
            throw new ConflictException("该身份证号已在人才库中");
        }
        long id = store.insert(t, user.username());
        audit.record(new AuditEvent(AuditAction.CREATE, "talent", String.valueOf(id), "登记人才：" + t.name(), null,
                shown(t), null));
        return id;
    }

    @Transactional
    void update(long id, TalentForm f, CurrentUser user) {
        TalentAccess.requireAdmin(user);
        TalentRecord before = access.talent(id, user);
        NewTalent t = toNew(f);
        store.idByIdNumber(t.idNumber()).filter(other -> other != id).ifPresent(other -> {
            throw new ConflictException("该身份证号已属于人才库中的另一人");
        });
        store.update(id, t);
        audit.record(new AuditEvent(AuditAction.UPDATE, "talent", String.valueOf(id), "修改人才信息：" + t.name(),
                shown(before), shown(t), null));
    }

    /** What the trail keeps of a talent: never a whole ID number or phone. */
    static Map<String, Object> shown(NewTalent t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("node", t.nodeId());
        m.put("employer", t.employerId());
        m.put("name", t.name());
        m.put("idNumber", Masking.idNumber(t.idNumber()));
        m.put("phone", Masking.phone(t.phone()));
        m.put("category", t.category());
        m.put("field", t.field());
        m.put("education", t.education());
        m.put("annualSalary", t.annualSalary());
        m.put("credentials", t.credentials().stream().map(c -> c.kind() + ":" + c.code()).toList());
        return m;
    }

    /** The same for a talent as stored: the fields of {@link #shown(NewTalent)}, no others. */
    static Map<String, Object> shown(TalentRecord t) {
        return shown(new NewTalent(t.nodeId(), t.employerId(), t.name(), t.gender(), t.birthDate(), t.idNumber(),
                t.phone(), t.email(), t.category(), t.field(), t.education(), t.school(), t.major(), t.annualSalary(),
                t.arrivedOn(), t.credentials()));
    }

    Map<String, String> employerProblems(EmployerForm f, Long existingId, CurrentUser user) {
        Map<String, String> out = new LinkedHashMap<>();
        if (f.creditCode() != null && !f.creditCode().isBlank()) {
            String code = f.creditCode().strip().toUpperCase(Locale.ROOT);
            CreditCodes.problem(code).ifPresentOrElse(p -> out.put("creditCode", p),
                    () -> store.findEmployerByCode(code).filter(e -> existingId == null || e.id() != existingId)
                            .ifPresent(e -> out.put("creditCode", "该统一社会信用代码已登记为“" + e.name() + "”")));
        }
        if (f.nodeId() != null && talentNodes(user).stream().noneMatch(n -> n.id() == f.nodeId())) {
            out.put("nodeId", "所属区域不在您的管理范围内");
        }
        if (f.industry() != null && !f.industry().isBlank() && classification.field(f.industry()).isEmpty()) {
            out.put("industry", "行业（领域）不在分类目录中：" + f.industry());
        }
        return out;
    }

    @Transactional
    long createEmployer(EmployerForm f, CurrentUser user) {
        TalentAccess.requireAdmin(user);
        NewEmployer e = new NewEmployer(f.nodeId(), f.creditCode().strip().toUpperCase(Locale.ROOT), f.name().strip(),
                f.kind(), f.industry());
        long id = store.insertEmployer(e, user.username());
        audit.record(new AuditEvent(AuditAction.CREATE, "talent_employer", String.valueOf(id),
                "登记用人单位：" + e.name(), null, e, null));
        return id;
    }

    @Transactional
    void updateEmployer(long id, EmployerForm f, CurrentUser user) {
        TalentAccess.requireAdmin(user);
        EmployerRecord before = employer(id, user);
        NewEmployer e = new NewEmployer(f.nodeId(), f.creditCode().strip().toUpperCase(Locale.ROOT), f.name().strip(),
                f.kind(), f.industry());
        store.updateEmployer(id, e);
        audit.record(new AuditEvent(AuditAction.UPDATE, "talent_employer", String.valueOf(id),
                "修改用人单位：" + e.name(), new NewEmployer(before.nodeId(), before.creditCode(), before.name(),
                before.kind(), before.industry()), e, null));
    }

    /**
     * Opens the talent's own account (role TALENT, scoped to the talent's node) with a random initial password
     * that must be changed at the first sign-in; returns the password, shown once to the ADMIN (ADR 056).
     */
    @Transactional
    String openAccount(long id, String username, CurrentUser user) {
        TalentAccess.requireAdmin(user);
        TalentRecord t = access.talent(id, user);
        if (t.username() != null) {
            throw new ConflictException("该人才已有账号：" + t.username());
        }
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new ConflictException("账号名格式不正确：以小写字母开头，4–30 位小写字母、数字、下划线、点或连字符");
        }
        if (accounts.exists(name)) {
            throw new ConflictException("账号名已被使用：" + name);
        }
        String password = initialPassword();
        accounts.create(new NewAccount(name, password, t.name() + "（人才）", Role.TALENT, t.nodeId()), true);
        store.linkAccount(id, name);
        audit.record(new AuditEvent(AuditAction.CREATE, "account", name, "为人才开通账号：" + t.name() + "（" + name
                + "，角色 人才，首次登录须修改密码）", null, Map.of("talent", id, "username", name, "role", "TALENT"), null));
        return password;
    }

    /** 14 characters with upper, lower, digit and symbol, from a secure random source. */
    static String initialPassword() {
        String all = UPPER + LOWER + DIGITS + SYMBOLS;
        char[] c = new char[14];
        c[0] = UPPER.charAt(RANDOM.nextInt(UPPER.length()));
        c[1] = LOWER.charAt(RANDOM.nextInt(LOWER.length()));
        c[2] = DIGITS.charAt(RANDOM.nextInt(DIGITS.length()));
        c[3] = SYMBOLS.charAt(RANDOM.nextInt(SYMBOLS.length()));
        for (int i = 4; i < c.length; i++) {
            c[i] = all.charAt(RANDOM.nextInt(all.length()));
        }
        for (int i = c.length - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            char x = c[i];
            c[i] = c[j];
            c[j] = x;
        }
        return new String(c);
    }

    /** The whole ID number or phone of a talent in scope, for ADMIN only, audited (never the value). */
    @Transactional
    String reveal(long id, String field, CurrentUser user) {
        if (!user.role().canUnmask()) {
            throw new ForbiddenException("当前角色（" + user.role().label() + "）无权查看完整"
                    + ("phone".equals(field) ? "手机号" : "身份证号"));
        }
        TalentRecord t = talent(id, user);
        String value = switch (field) {
            case "idNumber" -> t.idNumber();
            case "phone" -> t.phone();
            default -> throw new cn.zugong.shared.BadRequestException("field 只能为 idNumber 或 phone");
        };
        audit.record(AuditEvent.of(AuditAction.UNMASK, "talent", id,
                "查看人才完整" + ("phone".equals(field) ? "手机号" : "身份证号") + "（field=" + field + "）"));
        return value;
    }
}
