package cn.zugong.service.internal;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.security.Accounts;
import cn.zugong.service.CadreType;
import cn.zugong.service.ChargeKind;
import cn.zugong.service.internal.Records.Cadre;
import cn.zugong.service.internal.Records.Charge;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Maintains cadres, their charges, enterprises and projects (ADMIN over the node); every write audited. */
@Service
class CadreAdmin {

    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

    /** The cadre form as typed (strings, so that every bad value gets its own Chinese message). */
    record CadreForm(String name, String phone, String nodeId, String type, String username) {
    }

    record ChargeForm(String targetKind, String enterpriseId, String villageId, String projectId, String from,
                      String to) {
    }

    record TargetForm(String name, String creditCode, String industry, String address, String nodeId) {
    }

    private final ServiceRepository repository;
    private final ServiceAccess access;
    private final OrgTree tree;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    CadreAdmin(ServiceRepository repository, ServiceAccess access, OrgTree tree, Accounts accounts, AuditTrail audit,
               Clock clock) {
        this.repository = repository;
        this.access = access;
        this.tree = tree;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public long create(CadreForm form, CurrentUser user) {
        ServiceAccess.requireAdmin(user);
        Checked c = check(form, 0, user);
        long id = repository.insertCadre(c.name, c.phone, c.node.id(), c.type, c.username, user.username(), now());
        audit.record(AuditEvent.change(AuditAction.CREATE, "service_cadre", id, null, snapshot(c)));
        return id;
    }

    @Transactional
    public void update(long id, CadreForm form, CurrentUser user) {
        Cadre before = access.editableCadre(user, id);
        Checked c = check(form, id, user);
        repository.updateCadre(id, c.name, c.phone, c.node.id(), c.type, c.username, now());
        audit.record(AuditEvent.change(AuditAction.UPDATE, "service_cadre", id, snapshot(before), snapshot(c)));
    }

    @Transactional
    public long addCharge(long cadreId, ChargeForm form, CurrentUser user) {
        Cadre cadre = access.editableCadre(user, cadreId);
        var errors = new InvalidForm.Collector();
        ChargeKind kind = parseEnum(ChargeKind.class, form.targetKind());
        if (kind == null) {
            errors.add("targetKind", "请选择联系对象类型（企业、村（社区）或项目）");
        }
        Long target = null;
        if (kind != null) {
            String field = switch (kind) {
                case ENTERPRISE -> "enterpriseId";
                case VILLAGE -> "villageId";
                case PROJECT -> "projectId";
            };
            String raw = switch (kind) {
                case ENTERPRISE -> form.enterpriseId();
                case VILLAGE -> form.villageId();
                case PROJECT -> form.projectId();
            };
            target = parseId(raw);
            if (target == null) {
                errors.add(field, "请选择联系的" + kind.label());
            } else if (!repository.targetPath(kind, target).map(user.scope()::contains).orElse(false)) {
                errors.add(field, "联系的" + kind.label() + "不存在或不在您的管理范围内");
            }
        }
        LocalDate[] period = period(form.from(), form.to(), errors);
        errors.throwIfAny();
        long id = repository.insertCharge(cadre.id(), kind, target, period[0], period[1], user.username(), now());
        audit.record(AuditEvent.change(AuditAction.CREATE, "service_charge", id, null,
                chargeSnapshot(cadre, kind.name(), target, period[0], period[1])));
        return id;
    }

    /** A new period for a charge (e.g. it ends); visits already logged must stay inside it. */
    @Transactional
    public void updateCharge(long cadreId, long chargeId, String from, String to, CurrentUser user) {
        Cadre cadre = access.editableCadre(user, cadreId);
        Charge before = repository.charge(chargeId).filter(ch -> ch.cadreId() == cadre.id())
                .orElseThrow(() -> new NotFoundException("联系对象不存在：" + chargeId));
        var errors = new InvalidForm.Collector();
        LocalDate[] period = period(from, to, errors);
        errors.throwIfAny();
        long orphaned = repository.visitsOutside(chargeId, period[0], period[1]);
        if (orphaned > 0) {
            throw new ConflictException("联系期限不能调整：该联系对象有 " + orphaned + " 条走访记录的日期落在新的期限之外");
        }
        repository.updateChargePeriod(chargeId, period[0], period[1]);
        audit.record(AuditEvent.change(AuditAction.UPDATE, "service_charge", chargeId,
                chargeSnapshot(cadre, before.kind().name(), before.targetId(), before.validFrom(), before.validTo()),
                chargeSnapshot(cadre, before.kind().name(), before.targetId(), period[0], period[1])));
    }

    @Transactional
    public long createEnterprise(TargetForm form, CurrentUser user) {
        ServiceAccess.requireAdmin(user);
        var errors = new InvalidForm.Collector();
        String name = text(form.name(), "name", "企业名称", 100, true, errors);
        String code = form.creditCode() == null ? "" : form.creditCode().strip().toUpperCase(java.util.Locale.ROOT);
        CreditCodes.problem(code).ifPresent(p -> errors.add("creditCode", p));
        if (!errors.has("creditCode") && repository.creditCodeTaken(code)) {
            errors.add("creditCode", "统一社会信用代码 " + code + " 已登记");
        }
        String industry = text(form.industry(), "industry", "所属行业", 50, true, errors);
        String address = text(form.address(), "address", "地址", 200, false, errors);
        OrgNode node = node(form.nodeId(), "nodeId", "所在地", user, errors);
        errors.throwIfAny();
        long id = repository.insertEnterprise(name, code, industry, address, node.id(), user.username(), now());
        audit.record(AuditEvent.change(AuditAction.CREATE, "service_enterprise", id, null,
                Map.of("name", name, "creditCode", code, "industry", industry, "node", node.name())));
        return id;
    }

    @Transactional
    public long createProject(TargetForm form, CurrentUser user) {
        ServiceAccess.requireAdmin(user);
        var errors = new InvalidForm.Collector();
        String name = text(form.name(), "name", "项目名称", 100, true, errors);
        if (name != null && repository.projectNameTaken(name)) {
            errors.add("name", "项目「" + name + "」已登记");
        }
        String industry = text(form.industry(), "industry", "所属行业", 50, true, errors);
        String address = text(form.address(), "address", "地址", 200, false, errors);
        OrgNode node = node(form.nodeId(), "nodeId", "所在地", user, errors);
        errors.throwIfAny();
        long id = repository.insertProject(name, industry, address, node.id(), user.username(), now());
        audit.record(AuditEvent.change(AuditAction.CREATE, "service_project", id, null,
                Map.of("name", name, "industry", industry, "node", node.name())));
        return id;
    }

    // ---- checks ---------------------------------------------------------------------------------------

    private record Checked(String name, String phone, OrgNode node, CadreType type, String username) {
    }

    private Checked check(CadreForm form, long cadreId, CurrentUser user) {
        var errors = new InvalidForm.Collector();
        String name = text(form.name(), "name", "姓名", 50, true, errors);
        String phone = form.phone() == null ? "" : form.phone().strip();
        if (phone.isEmpty()) {
            errors.add("phone", "请填写联系电话");
        } else if (!PHONE.matcher(phone).matches()) {
            errors.add("phone", "联系电话格式不正确：应为11位手机号或带区号的固定电话");
        }
        OrgNode node = node(form.nodeId(), "nodeId", "所属单位", user, errors);
        CadreType type = parseEnum(CadreType.class, form.type());
        if (type == null) {
            errors.add("type", "请选择干部类型（五个一批、暖企专员或第一书记）");
        }
        String username = form.username() == null || form.username().isBlank() ? null : form.username().strip();
        if (username != null) {
            if (!accounts.exists(username)) {
                errors.add("username", "关联账号「" + username + "」不存在");
            } else if (repository.usernameTaken(username, cadreId)) {
                errors.add("username", "关联账号「" + username + "」已关联其他服务干部");
            }
        }
        errors.throwIfAny();
        return new Checked(name, phone, node, type, username);
    }

    private LocalDate[] period(String fromText, String toText, InvalidForm.Collector errors) {
        LocalDate from = date(fromText, "from", "联系起始日期", true, errors);
        LocalDate to = date(toText, "to", "联系截止日期", false, errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add("to", "联系截止日期不能早于起始日期");
        }
        return new LocalDate[] {from, to};
    }

    private OrgNode node(String raw, String field, String label, CurrentUser user, InvalidForm.Collector errors) {
        Long id = parseId(raw);
        if (id == null) {
            errors.add(field, "请选择" + label);
            return null;
        }
        OrgNode node = tree.byId(id).filter(n -> user.scope().contains(n.path())).orElse(null);
        if (node == null) {
            errors.add(field, label + "不存在或不在您的管理范围内");
        }
        return node;
    }

    static String text(String raw, String field, String label, int max, boolean required,
                       InvalidForm.Collector errors) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            if (required) {
                errors.add(field, "请填写" + label);
            }
            return value.isEmpty() ? null : value;
        }
        if (value.length() > max) {
            errors.add(field, label + "不能超过 " + max + " 个字符");
        }
        return value;
    }

    static LocalDate date(String raw, String field, String label, boolean required, InvalidForm.Collector errors) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                errors.add(field, "请填写" + label);
            }
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            errors.add(field, label + "格式不正确，应为 年-月-日（如 2026-05-01）");
            return null;
        }
    }

    static Long parseId(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : Long.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String raw) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(raw)).findFirst().orElse(null);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private static Map<String, Object> snapshot(Checked c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("phone", cn.zugong.shared.Masking.phone(c.phone()));
        m.put("node", c.node().name());
        m.put("type", c.type().label());
        m.put("username", c.username());
        return m;
    }

    private static Map<String, Object> snapshot(Cadre c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("phone", c.maskedPhone());
        m.put("node", c.nodeName());
        m.put("type", c.type().label());
        m.put("username", c.username());
        return m;
    }

    private static Map<String, Object> chargeSnapshot(Cadre cadre, String kind, long target, LocalDate from,
                                                      LocalDate to) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cadre", cadre.name());
        m.put("kind", kind);
        m.put("target", target);
        m.put("from", String.valueOf(from));
        m.put("to", to == null ? null : to.toString());
        return m;
    }
}
