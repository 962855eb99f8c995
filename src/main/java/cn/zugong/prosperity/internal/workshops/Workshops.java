package cn.zugong.prosperity.internal.workshops;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.prosperity.WorkshopPeriod;
import cn.zugong.prosperity.internal.workshops.LedgerCheck.Checked;
import cn.zugong.prosperity.internal.workshops.WorkshopStore.Change;
import cn.zugong.prosperity.internal.workshops.WorkshopStore.Filter;
import cn.zugong.prosperity.internal.workshops.WorkshopStore.Ledger;
import cn.zugong.prosperity.internal.workshops.WorkshopStore.Named;
import cn.zugong.prosperity.internal.workshops.WorkshopStore.Row;
import cn.zugong.prosperity.internal.workshops.WorkshopStore.Runner;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.PageResult;
import cn.zugong.talent.CreditCodes;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 共富工坊: the register (ADMIN) and the monthly ledger (ADMIN or REPORTER), scoped by the workshop's node. */
@Service
public class Workshops {

    private final WorkshopStore store;
    private final OrgTree tree;
    private final AuditTrail audit;
    private final Clock clock;

    Workshops(WorkshopStore store, OrgTree tree, AuditTrail audit, Clock clock) {
        this.store = store;
        this.tree = tree;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The register form as typed: {@code enterprises} one per line, "名称 统一社会信用代码" (a comma or space between);
     * {@code closedOn} set means 停办 from that day.
     */
    public record Form(String name, Long nodeId, String type, String products, String startedOn,
                       Boolean provincialModel, List<Long> villageIds, String enterprises, String closedOn,
                       Integer version) {
    }

    /** A ledger month as typed (strings, so that every wrong value gets its own Chinese message). */
    public record LedgerForm(String month, String employed, String lowIncome, String wages, String sales,
                             String collectiveIncome) {
    }

    record Detail(Row workshop, List<Named> villages, List<Runner> runners, List<Ledger> ledger,
                  List<Change> changes) {
    }

    /** What a ledger write did: the row now, and whether it replaced an earlier one (a correction). */
    record Saved(Ledger row, boolean replaced) {
    }

    YearMonth currentMonth() {
        return YearMonth.now(clock);
    }

    /** A workshop in the caller's scope; outside it (or missing) 404. */
    Row get(long id, CurrentUser user) {
        Access.requireOffice(user);
        return store.find(id).filter(w -> user.scope().contains(w.nodePath()))
                .orElseThrow(() -> new NotFoundException("共富工坊不存在或不在您的管理范围内：" + id));
    }

    Detail detail(long id, CurrentUser user) {
        Row w = get(id, user);
        return new Detail(w, store.villages(id), store.runners(id), store.ledger(id), store.changes(id));
    }

    PageResult<Row> list(CurrentUser user, Filter filter, Integer page, Integer size) {
        Access.requireOffice(user);
        int p = PageResult.clampPage(page);
        int s = PageResult.clampSize(size);
        return new PageResult<>(store.list(user.scope(), filter, (p - 1) * s, s), p, s, store.count(user.scope(), filter));
    }

    List<WorkshopStore.Type> types() {
        return store.types();
    }

    List<Named> counties(CurrentUser user) {
        return store.counties(user.scope());
    }

    /** The counties inside the caller's scope (a 强村公司 belongs to one). */
    List<Named> countiesWithin(CurrentUser user) {
        return store.countiesWithin(user.scope());
    }

    List<Named> nodeChoices(CurrentUser user) {
        return store.nodes(user.scope(), false);
    }

    List<Named> villageChoices(CurrentUser user) {
        return store.nodes(user.scope(), true);
    }

    // ---- the register

    @Transactional
    public long create(Form form, CurrentUser user) {
        Access.requireAdmin(user);
        Valid v = check(form, user, null);
        LocalDateTime now = LocalDateTime.now(clock);
        long countyId = store.countyOf(v.node().path())
                .orElseThrow(() -> new FormRefused(Map.of("nodeId", "所属组织须在某个县（市、区）之下")));
        long id = store.insert(v.name(), v.node().id(), countyId, v.type(), v.products(), v.startedOn(),
                v.model(), user.username(), now);
        store.replaceLinks(id, v.villages(), enterprises(v.runners(), now));
        audit.record(new AuditEvent(AuditAction.CREATE, "workshop", String.valueOf(id), "新增共富工坊：" + v.name(),
                null, v.summary(), user.username()));
        return id;
    }

    @Transactional
    public void update(long id, Form form, CurrentUser user) {
        Access.requireAdmin(user);
        Row before = get(id, user);
        Valid v = check(form, user, before);
        LocalDateTime now = LocalDateTime.now(clock);
        int version = form.version() == null ? before.version() : form.version();
        if (!store.update(id, version, v.name(), v.type(), v.products(), v.startedOn(), v.model(), v.closedOn(),
                user.username(), now)) {
            throw new ConflictException("该工坊已被他人修改，请刷新后重试");
        }
        store.replaceLinks(id, v.villages(), enterprises(v.runners(), now));
        audit.record(new AuditEvent(AuditAction.UPDATE, "workshop", String.valueOf(id), "修改共富工坊：" + v.name(),
                before, v.summary(), user.username()));
    }

    private List<Long> enterprises(List<EnterpriseLine> runners, LocalDateTime now) {
        return runners.stream().map(e -> store.enterprise(e.creditCode(), e.name(), now)).distinct().toList();
    }

    /** The form's values once checked. */
    private record Valid(String name, OrgNode node, String type, String products, LocalDate startedOn, boolean model,
                         LocalDate closedOn, Set<Long> villages, List<EnterpriseLine> runners) {
        Map<String, Object> summary() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("nodeId", node.id());
            m.put("type", type);
            m.put("startedOn", startedOn.toString());
            m.put("provincialModel", model);
            m.put("closedOn", closedOn == null ? null : closedOn.toString());
            m.put("villages", villages);
            m.put("enterprises", runners.stream().map(EnterpriseLine::creditCode).toList());
            return m;
        }
    }

    private Valid check(Form f, CurrentUser user, Row existing) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = f.name() == null ? "" : f.name().strip();
        if (name.isEmpty()) {
            errors.put("name", "工坊名称：必填");
        } else if (name.length() > 100) {
            errors.put("name", "工坊名称：不能超过 100 个字");
        }
        OrgNode node = null;
        if (existing != null) {
            node = tree.byId(existing.nodeId()).orElseThrow();
        } else if (f.nodeId() == null) {
            errors.put("nodeId", "所属乡镇或村：必选");
        } else {
            node = tree.byId(f.nodeId()).filter(n -> user.scope().contains(n.path())).orElse(null);
            if (node == null || !(node.kind() == cn.zugong.org.NodeKind.TOWNSHIP
                    || node.kind() == cn.zugong.org.NodeKind.VILLAGE)) {
                errors.put("nodeId", "所属乡镇或村：须为您管理范围内的乡镇（街道）或村（社区）");
                node = null;
            }
        }
        String type = f.type() == null ? "" : f.type().strip();
        if (type.isEmpty() || !store.typeExists(type)) {
            errors.put("type", "工坊类型：请从列表中选择");
        }
        String products = f.products() == null || f.products().isBlank() ? null : f.products().strip();
        if (products != null && products.length() > 300) {
            errors.put("products", "主要产品：不能超过 300 个字");
        }
        LocalDate started = date(f.startedOn(), "startedOn", "成立日期", true, errors);
        if (started != null && started.isAfter(LocalDate.now(clock))) {
            errors.put("startedOn", "成立日期：不能晚于今天");
        }
        LocalDate closed = date(f.closedOn(), "closedOn", "停办日期", false, errors);
        if (closed != null && started != null && closed.isBefore(started)) {
            errors.put("closedOn", "停办日期：不能早于成立日期");
        }
        if (closed != null && closed.isAfter(LocalDate.now(clock))) {
            errors.put("closedOn", "停办日期：不能晚于今天");
        }
        Set<Long> villages = new LinkedHashSet<>(f.villageIds() == null ? List.of() : f.villageIds());
        if (villages.isEmpty()) {
            errors.put("villageIds", "服务的村：至少选择一个村（社区）");
        } else {
            var nodes = tree.byIds(villages);
            for (Long v : villages) {
                OrgNode n = nodes.get(v);
                if (n == null || n.kind() != cn.zugong.org.NodeKind.VILLAGE || !user.scope().contains(n.path())) {
                    errors.put("villageIds", "服务的村：须为您管理范围内的村（社区）：" + v);
                    break;
                }
            }
        }
        List<EnterpriseLine> runners = enterpriseLines(f.enterprises(), errors);
        if (!errors.isEmpty()) {
            throw new FormRefused(errors);
        }
        return new Valid(name, node, type, products, started, Boolean.TRUE.equals(f.provincialModel()), closed,
                villages, runners);
    }

    private static LocalDate date(String text, String field, String label, boolean required,
                                  Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            if (required) {
                errors.put(field, label + "：必填");
            }
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, label + "：日期格式应为 yyyy-MM-dd：" + text.strip());
            return null;
        }
    }

    /** "名称 代码" per line; the code checked by the talent module's 统一社会信用代码 rule. */
    static List<EnterpriseLine> enterpriseLines(String text, Map<String, String> errors) {
        List<EnterpriseLine> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            errors.put("enterprises", "运营企业：至少填写一家（每行“企业名称 统一社会信用代码”）");
            return out;
        }
        String[] lines = text.strip().split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int cut = Math.max(Math.max(line.lastIndexOf(' '), line.lastIndexOf(',')),
                    Math.max(line.lastIndexOf('，'), line.lastIndexOf('\t')));
            String name = cut < 0 ? "" : line.substring(0, cut).strip();
            String code = (cut < 0 ? line : line.substring(cut + 1)).strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty() || name.length() > 100) {
                errors.put("enterprises", "运营企业第 " + (i + 1) + " 行：应为“企业名称 统一社会信用代码”，名称不超过 100 个字");
                return out;
            }
            var problem = CreditCodes.problem(code);
            if (problem.isPresent()) {
                errors.put("enterprises", "运营企业第 " + (i + 1) + " 行（" + name + "）：" + problem.get());
                return out;
            }
            out.add(new EnterpriseLine(name, code));
        }
        if (out.isEmpty()) {
            errors.put("enterprises", "运营企业：至少填写一家");
        }
        return out;
    }

    // ---- the ledger

    /** Enters one month (a correction when the month is there: the old values go to the change trail). */
    @Transactional
    public Saved enterLedger(long workshopId, LedgerForm form, CurrentUser user, String source) {
        Access.requireLedgerWrite(user);
        Row w = get(workshopId, user);
        Map<String, String> errors = new LinkedHashMap<>();
        Checked<YearMonth> month = LedgerCheck.month(form.month(), currentMonth(), YearMonth.from(w.startedOn()),
                w.closedOn() == null ? null : YearMonth.from(w.closedOn()));
        Checked<Integer> employed = LedgerCheck.people(form.employed(), true);
        Checked<Integer> low = LedgerCheck.people(form.lowIncome(), false);
        Checked<BigDecimal> wages = LedgerCheck.money(form.wages());
        Checked<BigDecimal> sales = LedgerCheck.money(form.sales());
        Checked<BigDecimal> collective = LedgerCheck.money(form.collectiveIncome());
        put(errors, "month", "月份", month);
        put(errors, "employed", "用工人数", employed);
        put(errors, "lowIncome", "其中低收入农户", low);
        put(errors, "wages", "发放工资", wages);
        put(errors, "sales", "销售额", sales);
        put(errors, "collectiveIncome", "村集体增收", collective);
        if (employed.ok() && low.ok()) {
            LedgerCheck.lowIncome(employed.value(), low.value()).ifPresent(p -> errors.put("lowIncome", p));
        }
        if (!errors.isEmpty()) {
            throw new FormRefused(errors);
        }
        int key = WorkshopPeriod.key(month.value());
        Ledger row = new Ledger(workshopId, key, employed.value(), low.value(), wages.value(), sales.value(),
                collective.value(), source, user.username(), LocalDateTime.now(clock), 0);
        var before = store.ledger(workshopId, key);
        if (before.isPresent()) {
            store.replaceLedger(List.of(before.get()), List.of(row));
        } else {
            store.insertLedger(List.of(row));
        }
        audit.record(new AuditEvent(before.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE, "workshop_ledger",
                workshopId + ":" + key, (before.isPresent() ? "更正" : "填报") + "共富工坊月度台账：" + w.name() + " "
                + month.value(), before.map(Workshops::values).orElse(null), values(row), user.username()));
        return new Saved(row, before.isPresent());
    }

    static Map<String, Object> values(Ledger l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("month", l.month());
        m.put("employed", l.employed());
        m.put("lowIncome", l.lowIncome());
        m.put("wages", l.wages());
        m.put("sales", l.sales());
        m.put("collectiveIncome", l.collectiveIncome());
        return m;
    }

    private static void put(Map<String, String> errors, String field, String label, Checked<?> c) {
        if (!c.ok()) {
            errors.put(field, label + "：" + c.problem());
        }
    }
}
