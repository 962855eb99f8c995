package cn.zugong.talent.internal.services;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.calendar.WorkCalendar;
import cn.zugong.closure.Attachment;
import cn.zugong.closure.ClosureEvent;
import cn.zugong.closure.ClosureItem;
import cn.zugong.closure.ClosureItems;
import cn.zugong.closure.ClosureWorkflow;
import cn.zugong.closure.NewClosureItem;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.org.PlatformAdmin;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.PageResult;
import cn.zugong.shared.Role;
import cn.zugong.shared.Upload;
import cn.zugong.talent.internal.Classification;
import cn.zugong.talent.internal.TalentAccess;
import cn.zugong.talent.internal.TalentRecord;
import cn.zugong.talent.internal.TalentStore;
import cn.zugong.talent.internal.services.MaterialCheck.Need;
import cn.zugong.talent.internal.services.ServiceCatalogue.ServiceItem;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 码上办: a talent applies for an item of the catalogue with only the materials the platform does not hold yet
 * ({@link MaterialCheck}); the application goes to the item's handling unit on the closure workflow (kind
 * {@value #KIND}, deadline = the day of submission plus the item's time limit in working days, 督办 by the
 * workflow's escalation). A 专窗专员 (REPORTER of the handling unit, or an ADMIN over it) may file one at the counter
 * on the talent's behalf (代办帮办), recorded as such. A TALENT sees only the own applications (404 otherwise); the
 * office sees the applications whose handling unit lies in its scope.
 */
@Service
public class ServiceApplications {

    public static final String KIND = "TALENT_SERVICE";

    private final ServiceCatalogue catalogue;
    private final HandlingUnits units;
    private final ApplicationStore store;
    private final TalentStore talents;
    private final TalentAccess access;
    private final Classification classification;
    private final ClosureItems items;
    private final ClosureWorkflow workflow;
    private final WorkCalendar calendar;
    private final AuditTrail audit;
    private final PlatformAdmin platform;
    private final OrgTree tree;
    private final Clock clock;

    ServiceApplications(ServiceCatalogue catalogue, HandlingUnits units, ApplicationStore store, TalentStore talents,
                        TalentAccess access, Classification classification, ClosureItems items,
                        ClosureWorkflow workflow, WorkCalendar calendar, AuditTrail audit, PlatformAdmin platform,
                        OrgTree tree, Clock clock) {
        this.catalogue = catalogue;
        this.units = units;
        this.store = store;
        this.talents = talents;
        this.access = access;
        this.classification = classification;
        this.items = items;
        this.workflow = workflow;
        this.calendar = calendar;
        this.audit = audit;
        this.platform = platform;
        this.tree = tree;
        this.clock = clock;
    }

    /** An item as a list shows it: its area, its unit (null: 未配置承办单位), and for a talent why not (null: may). */
    public record ItemView(ServiceItem item, String areaName, OrgNode unit, String refusal) {
        public boolean configured() {
            return unit != null;
        }

        public String unitName() {
            return unit == null ? "未配置承办单位" : unit.name();
        }
    }

    /** The whole catalogue, for the office. */
    public List<ItemView> catalogue() {
        return catalogue.items().stream().map(i -> new ItemView(i, catalogue.areaName(i.area()),
                units.of(i).orElse(null), units.of(i).isEmpty() ? "未配置承办单位" : null)).toList();
    }

    /** The catalogue as the talent sees it: each item with the reason it cannot be applied for online, if any. */
    public List<ItemView> catalogueFor(TalentRecord t) {
        return catalogue.items().stream().map(i -> new ItemView(i, catalogue.areaName(i.area()),
                units.of(i).orElse(null), refusal(i, t, false))).toList();
    }

    public Map<String, String> areas() {
        return catalogue.areas();
    }

    public ServiceItem item(String code) {
        return catalogue.item(code).orElseThrow(() -> new NotFoundException("服务事项不存在：" + code));
    }

    public ItemView view(ServiceItem item, TalentRecord t, boolean counter) {
        return new ItemView(item, catalogue.areaName(item.area()), units.of(item).orElse(null),
                t == null ? null : refusal(item, t, counter));
    }

    /** Why the talent may not apply for the item (online, or at the counter), in Chinese; null when they may. */
    String refusal(ServiceItem item, TalentRecord t, boolean counter) {
        Optional<OrgNode> unit = units.of(item);
        if (unit.isEmpty()) {
            return "「" + item.name() + "」未配置承办单位，暂不能申请";
        }
        if (!item.allTalents()) {
            LocalDate today = LocalDate.now(clock);
            if (t.level() == null) {
                return "「" + item.name() + "」仅限" + item.levelsText() + "申请：" + who(counter) + "尚未取得人才层次认定";
            }
            if (t.levelUntil() != null && t.levelUntil().isBefore(today)) {
                return "「" + item.name() + "」仅限" + item.levelsText() + "申请：" + who(counter) + "的人才认定已于 "
                        + t.levelUntil() + " 到期";
            }
            if (!item.eligible(t.level())) {
                return "「" + item.name() + "」仅限" + item.levelsText() + "申请：" + who(counter) + "的人才层次为"
                        + t.level() + "类";
            }
        }
        if (!counter && !item.online()) {
            return "「" + item.name() + "」需到专窗办理：请携带材料到" + unit.get().name() + "专窗，由专窗专员代办";
        }
        return null;
    }

    private static String who(boolean counter) {
        return counter ? "该人才" : "您";
    }

    /** The item's materials for the talent now: which are reused (and why), which must be handed in. */
    public List<Need> needs(ServiceItem item, TalentRecord t) {
        return MaterialCheck.check(item, catalogue, t, earlier(t.id()), classification, LocalDate.now(clock));
    }

    private Map<String, MaterialCheck.Earlier> earlier(long talentId) {
        Map<String, MaterialCheck.Earlier> latest = new HashMap<>();
        for (ApplicationStore.Upload u : store.uploadsOf(talentId)) {
            latest.put(u.material(), new MaterialCheck.Earlier(u.applicationId(), u.applicationNo(),
                    u.at().toLocalDate()));
        }
        return latest;
    }

    /** The talent's own application (码上办): uploads by material code; only the missing materials are asked for. */
    @Transactional
    public Application apply(String itemCode, Map<String, Upload> files, String note, CurrentUser user) {
        TalentRecord t = access.own(user);
        return submit(t, item(itemCode), files, note, user, false);
    }

    /**
     * 代办帮办: a 专窗专员 (REPORTER of the handling unit) or an ADMIN over it files the application for a talent who
     * came to the counter, identified by ID number and name. Materials not held may be scanned and uploaded, or
     * checked on paper at the counter (recorded without a file).
     */
    @Transactional
    public Application applyAtCounter(String idNumber, String name, String itemCode, Map<String, Upload> files,
                                      String note, CurrentUser user) {
        requireCounter(user);
        ServiceItem item = item(itemCode);
        OrgNode unit = units.of(item).orElseThrow(() -> new ConflictException("「" + item.name() + "」未配置承办单位，暂不能申请"));
        if (!user.scope().contains(unit.path())) {
            throw new ForbiddenException("「" + item.name() + "」由" + unit.name() + "承办，您不能代办");
        }
        TalentRecord t = counterTalent(idNumber, name);
        return submit(t, item, files, note, user, true);
    }

    /** 代办 is for the 专窗专员 (REPORTER) and the administrators: 403 for anyone else. */
    public void requireCounter(CurrentUser user) {
        if (user.role() != Role.REPORTER && user.role() != Role.ADMIN) {
            throw new ForbiddenException("只有承办单位的专窗专员或组织部管理员可以代办");
        }
    }

    /** The talent at the counter: by ID number (blind index) and the name on it; 404 if they do not match. */
    public TalentRecord counterTalent(String idNumber, String name) {
        if (idNumber == null || idNumber.isBlank()) {
            throw new BadRequestException("请填写身份证号");
        }
        if (name == null || name.isBlank()) {
            throw new BadRequestException("请填写姓名");
        }
        return talents.idByIdNumber(idNumber.strip().toUpperCase(java.util.Locale.ROOT)).flatMap(talents::find)
                .filter(t -> t.name().equals(name.strip()))
                .orElseThrow(() -> new NotFoundException("人才库中没有身份证号与姓名相符的人才"));
    }

    private Application submit(TalentRecord t, ServiceItem item, Map<String, Upload> files, String note,
                               CurrentUser actor, boolean proxy) {
        String refused = refusal(item, t, proxy);
        if (refused != null) {
            throw new ConflictException(refused);
        }
        if (note != null && note.strip().length() > 500) {
            throw new BadRequestException("备注不能超过 500 字");
        }
        OrgNode unit = units.of(item).orElseThrow();
        List<Need> needs = needs(item, t);
        Map<String, Upload> given = files == null ? Map.of() : files;
        List<String> missing = needs.stream().filter(n -> !n.reused())
                .filter(n -> given.get(n.code()) == null || given.get(n.code()).size() <= 0)
                .map(Need::name).toList();
        if (!proxy && !missing.isEmpty()) {
            throw new BadRequestException("请上传以下材料：" + String.join("、", missing));
        }
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate deadline = calendar.plusWorkdays(now.toLocalDate(), item.days());
        int reused = (int) needs.stream().filter(Need::reused).count();
        long id = store.insert(t.id(), item.code(), item.area(), unit.id(), needs.size(), reused,
                proxy ? actor.username() : null, proxy ? actor.displayName() : null, actor.username(), now,
                note == null || note.isBlank() ? null : note.strip());
        String no = ApplicationStore.number(now, id);
        String kept = note == null || note.isBlank() ? null : note.strip();
        CurrentUser registrar = registrar(actor);
        ClosureItem ci = items.register(new NewClosureItem(KIND, no, unit.id(), item.area(),
                item.name() + "（" + t.name() + "）",
                (proxy ? "专窗代办：" + actor.displayName() + "。" : "码上办：人才本人线上申请。") + "材料 " + needs.size()
                        + " 项，平台已有 " + reused + " 项。" + (kept == null ? "" : kept), deadline), registrar);
        store.linkItem(id, ci.id());
        for (Need n : needs) {
            Upload file = given.get(n.code());
            if (!n.reused() && file != null && file.size() > 0) {
                Attachment att = workflow.attachToRegistration(ci.id(), file, registrar);
                store.insertMaterial(id, n.code(), n.source(), null, att.id(), att.fileName());
            } else {
                store.insertMaterial(id, n.code(), n.source(), n.fromApplication(), null, null);
            }
        }
        Application saved = store.find(id).orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("applicationNo", saved.applicationNo());
        after.put("talent", t.id());
        after.put("item", item.code());
        after.put("unit", unit.id());
        after.put("needed", saved.needed());
        after.put("reused", saved.reused());
        after.put("deadline", saved.deadline().toString());
        after.put("proxy", proxy);
        if (proxy) {
            after.put("proxyBy", actor.username());
        }
        audit.record(new AuditEvent(AuditAction.CREATE, "talent_service_application", String.valueOf(id),
                (proxy ? "专窗代办人才服务申请 " : "人才服务申请 ") + saved.applicationNo() + "：" + item.name(), null, after,
                null));
        return saved;
    }

    /**
     * Who registers the item on the workflow: the acting user's name, with the deployment's reach — a talent's
     * account is scoped to its 人才办, not to the handling unit, and the workflow checks the registrar's scope.
     */
    private CurrentUser registrar(CurrentUser actor) {
        OrgNode root = platform.root();
        return new CurrentUser(actor.accountId(), actor.username(), actor.displayName(), Role.ADMIN, root.asScope(),
                root.name());
    }

    /** An application the user may see: the own for a TALENT, in the handling unit's scope for the office; else 404. */
    public Application get(long id, CurrentUser user) {
        if (user.role() == Role.TALENT) {
            return own(id, user);
        }
        return store.find(id).filter(a -> user.role().isOffice() && tree.byId(a.ownerNodeId())
                        .map(n -> user.scope().contains(n.path())).orElse(false))
                .orElseThrow(() -> notFound(id));
    }

    /** The talent's own application; 404 for any other (and for any other role). */
    public Application own(long id, CurrentUser user) {
        TalentRecord t = access.own(user);
        return store.find(id).filter(a -> a.talentId() == t.id()).orElseThrow(() -> notFound(id));
    }

    public List<Application> ownApplications(CurrentUser user) {
        return store.ofTalent(access.own(user).id());
    }

    public PageResult<Application> page(ApplicationFilter filter, CurrentUser user) {
        if (!user.role().isOffice()) {
            throw new NotFoundException("没有可查看的申请");
        }
        return store.page(user.scope(), filter);
    }

    /** A material of an application as pages show it. */
    public record MaterialLine(String code, String name, String source, boolean reused, String fromNo,
                               Long attachmentId, String fileName) {
        public String sourceLabel() {
            return switch (source) {
                case "REGISTRY" -> "人才库已有";
                case "RECOGNITION" -> "人才认定已有";
                case "EARLIER" -> "以往申请已交" + (fromNo == null ? "" : "（" + fromNo + "）");
                default -> fileName != null ? "本次上传" : "专窗现场核验";
            };
        }
    }

    public List<MaterialLine> materials(Application a) {
        return store.materials(a.id()).stream().map(m -> new MaterialLine(m.code(),
                Optional.ofNullable(catalogue.material(m.code())).map(ServiceCatalogue.MaterialKind::name)
                        .orElse(m.code()), m.source(), m.reused(), m.fromNo(), m.attachmentId(), m.fileName()))
                .toList();
    }

    /** The steps of an application (the caller has checked it may see it; a talent sees the own through this). */
    public List<ClosureEvent> history(Application a) {
        return items.history(a.itemId(), registrar(new CurrentUser(0, "system", "系统", Role.ADMIN,
                platform.root().asScope(), platform.root().name())));
    }

    public String talentName(long talentId) {
        return talents.namesOf(List.of(talentId)).getOrDefault(talentId, "");
    }

    public Map<Long, String> talentNames(List<Application> list) {
        return talents.namesOf(list.stream().map(Application::talentId).distinct().toList());
    }

    public Map<Long, String> unitNames(List<Application> list) {
        Map<Long, String> names = new HashMap<>();
        tree.byIds(list.stream().map(Application::ownerNodeId).distinct().toList())
                .forEach((id, n) -> names.put(id, n.name()));
        return names;
    }

    /** The names of the item's materials, joined with 、. */
    public String materialNames(ServiceItem item) {
        return String.join("、", item.materials().stream().map(c -> catalogue.material(c).name()).toList());
    }

    public String itemName(String code) {
        return catalogue.item(code).map(ServiceItem::name).orElse(code);
    }

    public String areaName(String code) {
        return catalogue.areaName(code);
    }

    public TalentRecord ownTalent(CurrentUser user) {
        return access.own(user);
    }

    /** Every application in the scope submitted in the year, for the figures. */
    public List<Application> inYear(CurrentUser user, int year) {
        if (!user.role().isOffice()) {
            throw new NotFoundException("没有可查看的统计");
        }
        return store.inYear(user.scope(), year);
    }

    ServiceCatalogue catalogueData() {
        return catalogue;
    }

    /** A step in the words of a service application (as the kind labels them; 提交申请 for the registration). */
    public static String stepLabel(cn.zugong.closure.ClosureAction action) {
        return switch (action) {
            case REGISTER -> "提交申请";
            case ASSIGN -> "受理";
            case START -> "开始办理";
            case PROGRESS -> "更新办理情况";
            case RESOLVE -> "办结";
            case ATTACH -> "上传材料";
            default -> action.label();
        };
    }

    static NotFoundException notFound(long id) {
        return new NotFoundException("申请不存在或不在您的查看范围内：" + id);
    }

    /** For the figures: working days from submission to 办结. */
    int workdaysToFinish(Application a) {
        return calendar.workdaysBetween(a.submittedAt().toLocalDate(), a.finishedOn());
    }

    List<ApplicationStore.Upload> uploadsOf(long talentId) {
        return new ArrayList<>(store.uploadsOf(talentId));
    }
}
