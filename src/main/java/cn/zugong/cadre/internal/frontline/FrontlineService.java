package cn.zugong.cadre.internal.frontline;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.cadre.FrontlineForms.CadresForm;
import cn.zugong.cadre.FrontlineForms.CampaignForm;
import cn.zugong.cadre.FrontlineForms.Method;
import cn.zugong.cadre.FrontlineForms.Outcome;
import cn.zugong.cadre.FrontlineForms.OutcomeForm;
import cn.zugong.cadre.FrontlineForms.RecordForm;
import cn.zugong.cadre.FrontlineForms.TeamForm;
import cn.zugong.cadre.internal.CadreAccess;
import cn.zugong.cadre.internal.frontline.FrontlineViews.Cadre;
import cn.zugong.cadre.internal.frontline.FrontlineViews.Campaign;
import cn.zugong.cadre.internal.frontline.FrontlineViews.Detail;
import cn.zugong.cadre.internal.frontline.FrontlineViews.Team;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.people.PeopleDirectory;
import cn.zugong.people.PersonCard;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.Photos;
import cn.zugong.shared.Upload;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 一线考察 (ADR 075): reads with the scope applied (a campaign outside the caller's scope is 404) and the writes
 * with their workflow rules — teams and cadres from the roster inside the scope, on-site records only while the
 * campaign is open and inside its period, outcomes only for cadres it assessed and resting on their records. Every
 * write is one transaction and audited.
 */
@Service
public class FrontlineService {

    private final FrontlineStore store;
    private final CadreAccess access;
    private final OrgTree tree;
    private final PeopleDirectory people;
    private final AuditTrail audit;
    private final Clock clock;

    FrontlineService(FrontlineStore store, CadreAccess access, OrgTree tree, PeopleDirectory people, AuditTrail audit,
                     Clock clock) {
        this.store = store;
        this.access = access;
        this.tree = tree;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    // ------------------------------------------------------------------ reads

    Campaign campaign(CurrentUser user, long id) {
        access.requireRead(user);
        return store.campaign(id).filter(c -> user.scope().contains(c.nodePath()))
                .orElseThrow(() -> new NotFoundException("考察不存在或不在您的管理范围内：" + id));
    }

    Campaign campaignToWrite(CurrentUser user, long id) {
        Campaign c = campaign(user, id);
        access.requireWrite(user, c.nodePath());
        return c;
    }

    Detail detail(CurrentUser user, long id) {
        Campaign c = campaign(user, id);
        return new Detail(c, store.teams(id), store.cadres(id), store.records(id));
    }

    FrontlineViews.Record record(CurrentUser user, long recordId) {
        FrontlineViews.Record r = store.record(recordId)
                .orElseThrow(() -> new NotFoundException("现场记录不存在：" + recordId));
        campaign(user, r.campaignId());
        return r;
    }

    Cadre cadre(CurrentUser user, long cadreId) {
        Cadre x = store.cadre(cadreId).orElseThrow(() -> new NotFoundException("考察对象不存在：" + cadreId));
        campaign(user, x.campaignId());
        return x;
    }

    /** People of a unit in the scope, for picking team members and cadres (the roster's public API). */
    List<PersonCard> unitPeople(CurrentUser user, long unitId) {
        access.requireRead(user);
        OrgNode unit = tree.get(unitId, user.scope());
        if (!unit.isUnit()) {
            throw new BadRequestException("「单位」：" + unit.name() + "不是单位");
        }
        return people.unit(unitId, user.scope(), today());
    }

    // ------------------------------------------------------------------ writes

    @Transactional
    public long create(CurrentUser user, CampaignForm f) {
        long nodeId = id(f.nodeId(), "组织单位");
        OrgNode node = tree.get(nodeId, user.scope());
        access.requireWrite(user, node.path());
        String name = text(f.name(), "考察名称", 100, true);
        String kind = text(f.kind(), "考察类别", 20, true);
        if (store.kinds().stream().noneMatch(k -> k.code().equals(kind))) {
            throw new BadRequestException("「考察类别」无效：" + kind);
        }
        LocalDate from = date(f.startsOn(), "开始日期", true);
        LocalDate to = date(f.endsOn(), "结束日期", false);
        if (to != null && to.isBefore(from)) {
            throw new BadRequestException("「结束日期」不能早于「开始日期」");
        }
        List<String> dims = dimensions(f.dimensions());
        String description = text(f.description(), "考察说明", 1000, false);
        LocalDateTime now = LocalDateTime.now(clock);
        long id = store.insertCampaign(node.id(), name, kind, from, to, String.join("|", dims), description,
                user.username(), now);
        audit.record(new AuditEvent(AuditAction.CREATE, "frontline_campaign", String.valueOf(id),
                node.name() + " 发起一线考察「" + name + "」，考察维度：" + String.join("、", dims), null, null,
                user.username()));
        return id;
    }

    /** The dimensions as typed: one per line or separated by 、，,|; 1–8 of them, each 1–30 characters, no repeats. */
    static List<String> dimensions(String text) {
        if (text == null || text.isBlank()) {
            return List.of("政治表现", "担当作为", "工作实绩", "群众评价");
        }
        List<String> dims = Arrays.stream(text.split("[\\r\\n、，,|;；]+")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        if (dims.size() > 8) {
            throw new BadRequestException("「考察维度」最多 8 个（收到 " + dims.size() + " 个）");
        }
        if (new LinkedHashSet<>(dims).size() != dims.size()) {
            throw new BadRequestException("「考察维度」有重复");
        }
        dims.stream().filter(d -> d.length() > 30).findFirst().ifPresent(d -> {
            throw new BadRequestException("「考察维度」「" + d + "」过长（不超过 30 个字符）");
        });
        return dims;
    }

    @Transactional
    public long addTeam(CurrentUser user, long campaignId, TeamForm f) {
        Campaign c = campaignToWrite(user, campaignId);
        requireOpen(c, "添加考核组");
        String name = text(f.name(), "考核组名称", 60, true);
        if (store.teams(c.id()).stream().anyMatch(t -> t.name().equals(name))) {
            throw new ConflictException("本次考察已有考核组「" + name + "」");
        }
        List<PersonCard> members = pick(user, f.unitId(), f.personIds(), "考核组成员");
        long id = store.insertTeam(c.id(), name, user.username(), LocalDateTime.now(clock));
        for (int i = 0; i < members.size(); i++) {
            store.insertMember(id, members.get(i).id(), i == 0);
        }
        audit.record(new AuditEvent(AuditAction.CREATE, "frontline_team", String.valueOf(id),
                c.name() + " 组建" + name + "：" + members.stream().map(PersonCard::name)
                        .collect(Collectors.joining("、")), null, null, user.username()));
        return id;
    }

    @Transactional
    public int addCadres(CurrentUser user, long campaignId, CadresForm f) {
        Campaign c = campaignToWrite(user, campaignId);
        requireOpen(c, "添加考察对象");
        long teamId = id(f.teamId(), "考核组");
        Team team = store.team(c.id(), teamId)
                .orElseThrow(() -> new BadRequestException("「考核组」不属于本次考察：" + teamId));
        long unitId = id(f.unitId(), "被考察单位");
        OrgNode unit = tree.get(unitId, user.scope());
        if (!c.nodePath().isEmpty() && !unit.path().startsWith(c.nodePath())) {
            throw new BadRequestException("「被考察单位」" + unit.name() + "不在" + c.nodeName() + "范围内");
        }
        List<PersonCard> cadres = pick(user, unitId, f.personIds(), "被考察干部");
        List<String> already = cadres.stream().filter(p -> store.assessed(c.id(), p.id())).map(PersonCard::name)
                .toList();
        if (!already.isEmpty()) {
            throw new ConflictException("以下干部已是本次考察的对象：" + String.join("、", already));
        }
        LocalDateTime now = LocalDateTime.now(clock);
        cadres.forEach(p -> store.insertCadre(c.id(), team.id(), p.id(), unitId, user.username(), now));
        audit.record(new AuditEvent(AuditAction.CREATE, "frontline_cadre", String.valueOf(c.id()),
                c.name() + " " + team.name() + " 考察" + unit.name() + "干部 " + cadres.size() + " 名", null,
                Map.of("people", cadres.stream().map(PersonCard::id).toList()), user.username()));
        return cadres.size();
    }

    /** The people named, all of the unit and inside the caller's scope (through the roster's public API). */
    private List<PersonCard> pick(CurrentUser user, Long unitId, List<Long> personIds, String field) {
        long unit = id(unitId, field + "所在单位");
        if (personIds == null || personIds.isEmpty()) {
            throw new BadRequestException("请选择「" + field + "」");
        }
        if (personIds.size() > 200) {
            throw new BadRequestException("「" + field + "」一次最多 200 人");
        }
        Map<Long, PersonCard> found = new LinkedHashMap<>();
        unitPeople(user, unit).forEach(p -> found.put(p.id(), p));
        List<Long> missing = personIds.stream().filter(id -> !found.containsKey(id)).distinct().toList();
        if (!missing.isEmpty()) {
            throw new BadRequestException("「" + field + "」：以下人员不在所选单位或不在您的管理范围内："
                    + missing.stream().map(String::valueOf).collect(Collectors.joining("、")));
        }
        return new LinkedHashSet<>(personIds).stream().map(found::get).toList();
    }

    @Transactional
    public long record(CurrentUser user, long campaignId, RecordForm f, List<Upload> photos) {
        Campaign c = campaignToWrite(user, campaignId);
        requireOpen(c, "添加现场记录");
        long cadreId = id(f.cadreId(), "考察对象");
        Cadre x = store.cadre(cadreId).filter(k -> k.campaignId() == c.id())
                .orElseThrow(() -> new BadRequestException("「考察对象」不是本次考察的对象：" + cadreId));
        Method method = choice(Method.class, f.method(), "考察方式");
        LocalDate on = date(f.recordedOn(), "记录日期", true);
        LocalDate today = today();
        if (on.isAfter(today)) {
            throw new BadRequestException("「记录日期」不能晚于今天");
        }
        if (on.isBefore(c.startsOn()) || (c.endsOn() != null && on.isAfter(c.endsOn()))) {
            throw new BadRequestException("「记录日期」须在考察期间 " + c.period() + " 内");
        }
        String place = text(f.place(), "地点", 100, false);
        String seen = text(f.seen(), "现场所见", 1000, method == Method.SEE);
        String talkedTo = text(f.talkedTo(), "走访对象", 500, method == Method.VISIT);
        String summary = text(f.summary(), "评价意见", 1000, true);
        Map<String, Integer> ratings = ratings(c.dimensions(), f.ratings());
        List<Photos.Checked> checked = Photos.check(photos == null ? List.of() : photos);
        LocalDateTime now = LocalDateTime.now(clock);
        long id = store.insertRecord(c.id(), x.teamId(), x.id(), method.name(), on, place, seen, talkedTo, summary,
                user.username(), now);
        ratings.forEach((d, s) -> store.insertRating(id, d, s));
        checked.forEach(p -> store.insertPhoto(id, p.fileName(), p.contentType(), p.bytes(), p.sha256(),
                user.username(), now));
        audit.record(new AuditEvent(AuditAction.CREATE, "frontline_record", String.valueOf(id),
                c.name() + " " + method.label() + "：" + x.name() + "（" + x.unitName() + "）" + on
                        + (checked.isEmpty() ? "" : "，照片 " + checked.size() + " 张"), null, null, user.username()));
        return id;
    }

    /** A score 1–5 for each of the campaign's dimensions; none missing, none unknown. */
    static Map<String, Integer> ratings(List<String> dimensions, Map<String, String> given) {
        Map<String, String> in = given == null ? Map.of() : given;
        Set<String> unknown = new LinkedHashSet<>(in.keySet());
        unknown.removeAll(dimensions);
        if (!unknown.isEmpty()) {
            throw new BadRequestException("「评分」：本次考察没有维度「" + String.join("、", unknown) + "」");
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String d : dimensions) {
            String v = in.get(d);
            if (v == null || v.isBlank()) {
                missing.add(d);
                continue;
            }
            try {
                int s = Integer.parseInt(v.strip());
                if (s < 1 || s > 5) {
                    throw new NumberFormatException();
                }
                out.put(d, s);
            } catch (NumberFormatException e) {
                throw new BadRequestException("「评分·" + d + "」须为 1 至 5 的整数（收到 " + v + "）");
            }
        }
        if (!missing.isEmpty()) {
            throw new BadRequestException("请为以下维度评分：" + String.join("、", missing));
        }
        return out;
    }

    @Transactional
    public void outcome(CurrentUser user, long campaignId, OutcomeForm f) {
        Campaign c = campaignToWrite(user, campaignId);
        long personId = id(f.personId(), "被考察干部");
        Cadre x = store.cadreOfPerson(c.id(), personId)
                .orElseThrow(() -> new BadRequestException("该干部不是本次考察「" + c.name() + "」的考察对象，不能认定考察结果（人员 "
                        + personId + "）"));
        Outcome outcome = choice(Outcome.class, f.outcome(), "考察结果");
        String note = text(f.note(), outcome == Outcome.PROBLEM ? "问题说明" : "事迹摘要", 1000, outcome.needsEvidence());
        List<Long> evidence = f.evidence() == null ? List.of() : f.evidence().stream().distinct().toList();
        if (outcome.needsEvidence() && evidence.isEmpty()) {
            throw new BadRequestException("认定为「" + outcome.label() + "」须选择至少一条现场记录作为依据");
        }
        List<Long> own = store.recordsOfCadre(x.id(), evidence);
        List<Long> foreign = evidence.stream().filter(r -> !own.contains(r)).toList();
        if (!foreign.isEmpty()) {
            throw new BadRequestException("「依据」：以下记录不是对" + x.name() + "的现场记录："
                    + foreign.stream().map(String::valueOf).collect(Collectors.joining("、")));
        }
        store.setOutcome(x.id(), outcome.name(), note, evidence, user.username(), LocalDateTime.now(clock));
        audit.record(new AuditEvent(AuditAction.UPDATE, "frontline_cadre", String.valueOf(x.id()),
                c.name() + " 考察结果：" + x.name() + " " + outcome.label() + "（依据记录 " + evidence.size() + " 条）",
                x.outcome(), outcome.name(), user.username()));
    }

    @Transactional
    public void close(CurrentUser user, long campaignId) {
        Campaign c = campaignToWrite(user, campaignId);
        if (store.close(c.id(), user.username(), LocalDateTime.now(clock)) == 0) {
            throw new ConflictException("考察「" + c.name() + "」已结束，不能再次结束");
        }
        audit.record(new AuditEvent(AuditAction.UPDATE, "frontline_campaign", String.valueOf(c.id()),
                "结束一线考察「" + c.name() + "」", null, null, user.username()));
    }

    private static void requireOpen(Campaign c, String what) {
        if (!c.open()) {
            throw new ConflictException("考察「" + c.name() + "」已结束（" + c.closedAt().toLocalDate() + "），不能再" + what);
        }
    }

    // ------------------------------------------------------------------ field checks

    static long id(Long value, String field) {
        if (value == null) {
            throw new BadRequestException("请选择「" + field + "」");
        }
        return value;
    }

    static String text(String value, String field, int max, boolean required) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                throw new BadRequestException("请填写「" + field + "」");
            }
            return null;
        }
        if (v.length() > max) {
            throw new BadRequestException("「" + field + "」过长（不超过 " + max + " 个字符）");
        }
        return v;
    }

    static LocalDate date(String value, String field, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new BadRequestException("请填写「" + field + "」");
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("「" + field + "」格式应为 yyyy-MM-dd（收到 " + value + "）");
        }
    }

    static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException("请选择「" + field + "」");
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("「" + field + "」无效：" + value);
        }
    }
}
