package cn.zugong.party.internal.mobile;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.closure.Escalation;
import cn.zugong.party.MobileEventKind;
import cn.zugong.party.MobileHostKind;
import cn.zugong.party.MobileMembers.Assignment;
import cn.zugong.party.MobileMembers.FileHistory;
import cn.zugong.party.MobileMembers.NewContact;
import cn.zugong.party.MobileMembers.NewEvent;
import cn.zugong.party.MobileMembers.NewFile;
import cn.zugong.party.MobileMembers.NewHost;
import cn.zugong.party.MobileMembers.NewTask;
import cn.zugong.party.MobileState;
import cn.zugong.party.internal.mobile.MobileRecords.ContactRow;
import cn.zugong.party.internal.mobile.MobileRecords.EventRow;
import cn.zugong.party.internal.mobile.MobileRecords.FileView;
import cn.zugong.party.internal.mobile.MobileRepository.FileInsert;
import cn.zugong.party.internal.mobile.MobileRepository.Placement;
import cn.zugong.people.PartyMemberRef;
import cn.zugong.people.PeopleDirectory;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.OrgScope;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The five steps' writes (ADR 070). A file's state and 组织关系 are replayed from its events and its next due date
 * from its latest contact and the contact rule (data), in the same transaction as the write that changes them.
 */
@Service
public class MobileService {

    static final Set<String> REASONS = Set.of("务工", "经商", "求学", "随迁", "其他");
    static final Set<String> RELATIONS = Set.of("转出", "未转出", "保留");
    static final List<String> CHANNELS = List.of("电话", "走访", "书信", "微信", "视频", "其他");
    private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}");
    /** The city the platform serves: a destination inside it is 市内流动. */
    static final String HOME_CITY = "舟山市";

    private final MobileRepository repository;
    private final org.springframework.beans.factory.ObjectProvider<MobileSources> sources;
    private final PeopleDirectory people;
    private final MobileDue due;
    private final AuditTrail audit;
    private final Clock clock;

    MobileService(MobileRepository repository, org.springframework.beans.factory.ObjectProvider<MobileSources> sources,
                  PeopleDirectory people, MobileDue due, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.sources = sources;
        this.people = people;
        this.due = due;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    public boolean anyFile() {
        return repository.anyFile();
    }

    // ------------------------------------------------------------------ 建档建库

    @Transactional
    public long open(NewFile f, OrgScope scope, String by) {
        PartyMemberRef member = member(f.memberId(), scope);
        long id = insert(f, member, today(), by);
        repository.fileOtherCandidates(member.id());
        audit.record(new AuditEvent(AuditAction.CREATE, "mobile_file", String.valueOf(id),
                "流动党员建档：" + member.name() + "（" + f.city().strip() + "）", null, null, by));
        return id;
    }

    /** A file from an open candidate of 源头查找: the candidate is closed as filed. */
    @Transactional
    public long openFromCandidate(long candidateId, NewFile f, OrgScope scope, String by) {
        var c = repository.candidate(candidateId, scope).orElseThrow(() -> new NotFoundException("线索不存在"));
        if (!c.status().equals("OPEN")) {
            throw new ConflictException("该线索已处理（" + (c.status().equals("FILED") ? "已建档" : "已排除") + "）");
        }
        NewFile withMember = new NewFile(c.memberId(), f.province(), f.city(), f.district(), f.inCity(), f.employer(),
                f.phone(), f.liveCity(), f.liveDistrict(), f.liveCommunity(), f.leftOn(), f.reason(), f.relation(),
                f.skills());
        long id = open(withMember, scope, by);
        repository.closeCandidate(candidateId, "FILED");
        return id;
    }

    @Transactional
    public void dismissCandidate(long candidateId, OrgScope scope, String by) {
        var c = repository.candidate(candidateId, scope).orElseThrow(() -> new NotFoundException("线索不存在"));
        if (!repository.closeCandidate(candidateId, "DISMISSED")) {
            throw new ConflictException("该线索已处理");
        }
        audit.record(AuditEvent.of(AuditAction.UPDATE, "mobile_candidate", candidateId, "排除流动党员线索：" + c.name()).by(by));
    }

    private long insert(NewFile f, PartyMemberRef member, LocalDate filedOn, String by) {
        check(f, filedOn);
        if (repository.fileOfMember(member.id())) {
            throw new ConflictException("党员“" + member.name() + "”已建档，请在其档案中登记动态");
        }
        String city = f.city().strip();
        boolean inCity = f.inCity() != null ? f.inCity() : city.startsWith(HOME_CITY) || city.equals("舟山");
        Map<MobileState, Integer> intervals = repository.intervals();
        long id = repository.insertFile(new FileInsert(member.id(), member.branchId(), member.name(),
                text(f.province()), city, text(f.district()), inCity, text(f.employer()), text(f.phone()),
                text(f.liveCity()), text(f.liveDistrict()), text(f.liveCommunity()), f.leftOn(), f.reason(),
                f.relation(), MobileState.OUT, skills(f.skills()), null,
                filedOn.plusDays(intervals.getOrDefault(MobileState.OUT, 90)), LocalDateTime.now(clock), by));
        // the file opens with the member's leaving: the first event of 动态管理
        repository.insertEvent(id, MobileEventKind.LEFT, f.leftOn(), null, null, LocalDateTime.now(clock), by);
        return id;
    }

    private void check(NewFile f, LocalDate today) {
        List<String> problems = new ArrayList<>();
        if (blank(f.city())) {
            problems.add("流向城市：必填");
        }
        if (f.leftOn() == null) {
            problems.add("外出时间：必填");
        } else if (f.leftOn().isAfter(today)) {
            problems.add("外出时间：不能晚于今天");
        }
        if (f.reason() == null || !REASONS.contains(f.reason())) {
            problems.add("外出原因：应为 务工、经商、求学、随迁、其他 之一");
        }
        if (f.relation() == null || !RELATIONS.contains(f.relation())) {
            problems.add("组织关系：应为 转出、未转出、保留 之一");
        }
        if (!blank(f.phone()) && !PHONE.matcher(f.phone().strip()).matches()) {
            problems.add("联系电话：应为11位手机号或带区号的固定电话");
        }
        length(problems, "流向省份", f.province(), 30);
        length(problems, "流向城市", f.city(), 50);
        length(problems, "区县", f.district(), 50);
        length(problems, "工作单位", f.employer(), 100);
        length(problems, "居住城市", f.liveCity(), 50);
        length(problems, "居住区县", f.liveDistrict(), 50);
        length(problems, "居住社区（村）", f.liveCommunity(), 100);
        length(problems, "特长", f.skills(), 300);
        refuse(problems);
    }

    // ------------------------------------------------------------------ 走亲连心, 动态管理, 用其所长

    @Transactional
    public void contact(long fileId, NewContact c, OrgScope scope, String by) {
        FileView file = file(fileId, scope);
        LocalDate today = today();
        List<String> problems = new ArrayList<>();
        if (c.on() == null) {
            problems.add("联系日期：必填");
        } else if (c.on().isAfter(today)) {
            problems.add("联系日期：不能晚于今天");
        }
        if (c.channel() == null || !CHANNELS.contains(c.channel())) {
            problems.add("联系方式：应为 " + String.join("、", CHANNELS) + " 之一");
        }
        if (blank(c.by())) {
            problems.add("联系人：必填");
        }
        if (blank(c.content())) {
            problems.add("联系内容：必填");
        }
        if (c.nextDue() != null && c.on() != null && !c.nextDue().isAfter(c.on())) {
            problems.add("下次联系：应晚于本次联系日期");
        }
        length(problems, "联系人", c.by(), 50);
        length(problems, "联系内容", c.content(), 1000);
        refuse(problems);
        repository.insertContact(fileId, c.on(), c.channel(), c.by().strip(), c.content().strip(), c.nextDue(),
                LocalDateTime.now(clock), by);
        recompute(file);
        audit.record(AuditEvent.of(AuditAction.UPDATE, "mobile_file", fileId,
                "走亲连心：" + file.name() + " " + c.on() + " " + c.channel()).by(by));
    }

    @Transactional
    public void event(long fileId, NewEvent e, OrgScope scope, String by) {
        FileView file = file(fileId, scope);
        List<String> problems = new ArrayList<>();
        if (e.kind() == null) {
            problems.add("动态类型：必填");
        }
        if (e.on() == null) {
            problems.add("发生日期：必填");
        } else if (e.on().isAfter(today())) {
            problems.add("发生日期：不能晚于今天");
        } else if (e.on().isBefore(file.leftOn())) {
            problems.add("发生日期：不能早于外出时间 " + file.leftOn());
        }
        if (e.kind() != null && e.kind() != MobileEventKind.LEFT && e.kind() != MobileEventKind.RETURNED
                && e.kind() != MobileEventKind.LOST && e.kind() != MobileEventKind.RECONNECTED && blank(e.otherOrg())) {
            problems.add("对方组织：" + e.kind().label() + "须填写对方党组织");
        }
        length(problems, "对方组织", e.otherOrg(), 100);
        length(problems, "说明", e.note(), 500);
        refuse(problems);
        repository.insertEvent(fileId, e.kind(), e.on(), text(e.otherOrg()), text(e.note()), LocalDateTime.now(clock), by);
        recompute(file);
        audit.record(AuditEvent.of(AuditAction.UPDATE, "mobile_file", fileId,
                "动态管理：" + file.name() + " " + e.on() + " " + e.kind().label()).by(by));
    }

    @Transactional
    public void task(long fileId, NewTask t, OrgScope scope, String by) {
        FileView file = file(fileId, scope);
        List<String> problems = new ArrayList<>();
        if (blank(t.task())) {
            problems.add("任务：必填");
        }
        if (t.on() == null) {
            problems.add("交办日期：必填");
        } else if (t.on().isAfter(today())) {
            problems.add("交办日期：不能晚于今天");
        }
        length(problems, "任务", t.task(), 200);
        length(problems, "完成情况", t.result(), 500);
        refuse(problems);
        repository.insertTask(fileId, t.task().strip(), t.on(), text(t.result()), LocalDateTime.now(clock), by);
        audit.record(AuditEvent.of(AuditAction.UPDATE, "mobile_file", fileId, "用其所长：" + file.name() + " " + t.task()).by(by));
    }

    @Transactional
    public void skills(long fileId, String skills, OrgScope scope, String by) {
        FileView file = file(fileId, scope);
        List<String> problems = new ArrayList<>();
        length(problems, "特长", skills, 300);
        refuse(problems);
        repository.updateSkills(fileId, skills(skills));
        audit.record(AuditEvent.of(AuditAction.UPDATE, "mobile_file", fileId, "特长：" + file.name() + " " + skills(skills)).by(by));
    }

    /** 督办 an overdue contact at the level its working days overdue have reached. */
    @Transactional
    public Escalation dun(long fileId, String note, OrgScope scope, String by) {
        FileView file = file(fileId, scope);
        LocalDate today = today();
        if (!file.state().active() || file.nextDue() == null || !file.nextDue().isBefore(today)) {
            throw new ConflictException("该流动党员的联系未逾期，无需督办");
        }
        int overdue = due.overdue(file.nextDue(), today);
        Escalation level = due.level(overdue);
        if (level == Escalation.NONE) {
            level = Escalation.REMINDER;
        }
        List<String> problems = new ArrayList<>();
        length(problems, "督办意见", note, 300);
        refuse(problems);
        repository.insertDunning(fileId, level, overdue, text(note), LocalDateTime.now(clock), by);
        audit.record(AuditEvent.of(AuditAction.UPDATE, "mobile_file", fileId,
                "督办：" + file.name() + " 联系已逾期 " + overdue + " 个工作日，" + level.label()).by(by));
        return level;
    }

    /** Replays the events and the latest contact into the file's state, 组织关系 and next due date. */
    private void recompute(FileView file) {
        List<EventRow> events = repository.events(file.id());
        List<ContactRow> contacts = repository.contacts(file.id());
        Derived d = derive(file.relation(), file.createdAt().toLocalDate(), events, contacts, repository.intervals());
        repository.updateDerived(file.id(), d.state(), d.relation(), d.lastContactOn(), d.nextDue());
    }

    record Derived(MobileState state, String relation, LocalDate lastContactOn, LocalDate nextDue) {
    }

    /** Events oldest first; contacts newest first. Without a contact the interval counts from the filing day. */
    static Derived derive(String relation, LocalDate filedOn, List<EventRow> events, List<ContactRow> contacts,
                          Map<MobileState, Integer> intervals) {
        MobileState state = MobileState.OUT;
        String rel = relation;
        for (EventRow e : events) {
            if (e.kind() == MobileEventKind.TRANSFER) {
                rel = "转出";
            } else {
                state = e.kind().leaves();
            }
        }
        ContactRow last = contacts.isEmpty() ? null : contacts.get(0);
        LocalDate lastOn = last == null ? null : last.on();
        LocalDate next = null;
        if (state.active()) {
            if (last != null && last.nextDue() != null) {
                next = last.nextDue();
            } else {
                next = (lastOn == null ? filedOn : lastOn).plusDays(intervals.getOrDefault(state, 90));
            }
        }
        return new Derived(state, rel, lastOn, next);
    }

    // ------------------------------------------------------------------ 三个一批

    @Transactional
    public long addHost(NewHost h, long ownerId, String by) {
        List<String> problems = new ArrayList<>();
        if (h.kind() == null) {
            problems.add("纳管方式：必填");
        }
        if (blank(h.name())) {
            problems.add("组织名称：必填");
        } else if (repository.hostNameTaken(h.name().strip())) {
            problems.add("组织名称：已登记同名组织");
        }
        List<String> destinations = h.destinations() == null ? List.of()
                : h.destinations().stream().filter(d -> !blank(d)).map(String::strip).distinct().toList();
        if (h.kind() == MobileHostKind.WORKPLACE && (blank(h.city()) || blank(h.employer()) && blank(h.district()))) {
            problems.add("工作地：须填写所在城市，以及工作单位或所在区县");
        }
        if (h.kind() == MobileHostKind.RESIDENCE && blank(h.city())) {
            problems.add("居住地：须填写所在城市");
        }
        if (h.kind() == MobileHostKind.REGIONAL && destinations.isEmpty()) {
            problems.add("覆盖地区：区域性党组织须填写覆盖的城市或省份");
        }
        length(problems, "组织名称", h.name(), 100);
        length(problems, "城市", h.city(), 50);
        length(problems, "区县", h.district(), 50);
        length(problems, "工作单位", h.employer(), 100);
        length(problems, "社区（村）", h.community(), 100);
        destinations.forEach(d -> length(problems, "覆盖地区", d, 50));
        refuse(problems);
        long id = repository.insertHost(h.kind(), h.name().strip(), ownerId, h.orgId(), text(h.city()),
                text(h.district()), h.kind() == MobileHostKind.WORKPLACE ? text(h.employer()) : null,
                h.kind() == MobileHostKind.RESIDENCE ? text(h.community()) : null,
                h.kind() == MobileHostKind.REGIONAL ? destinations : List.of(), LocalDateTime.now(clock), by);
        audit.record(AuditEvent.of(AuditAction.CREATE, "mobile_host", id, "登记纳管组织：" + h.name().strip()
                + "（" + h.kind().label() + "）").by(by));
        return id;
    }

    /** One pass of the rule over the unmanaged active files inside the scope (or only {@code onlyIds}). */
    @Transactional
    public Assignment assign(OrgScope scope, String by) {
        return assign(scope, null, by);
    }

    Assignment assign(OrgScope scope, List<Long> onlyIds, String by) {
        MobileRule rule = new MobileRule(repository.rules(), repository.hosts(scope));
        List<Placement> open = repository.placements(scope, onlyIds);
        List<long[]> pairs = new ArrayList<>();
        Map<Long, MobileHostKind> kinds = new HashMap<>();
        for (Placement p : open) {
            rule.apply(p).choice().ifPresent(c -> {
                pairs.add(new long[] {p.id(), c.host().id()});
                kinds.put(p.id(), c.kind());
            });
        }
        int assigned = repository.assign(pairs, kinds, today());
        Map<MobileHostKind, Integer> byKind = new EnumMap<>(MobileHostKind.class);
        kinds.values().forEach(k -> byKind.merge(k, 1, Integer::sum));
        if (assigned > 0) {
            audit.record(new AuditEvent(AuditAction.UPDATE, "mobile_file", null, "三个一批纳管：" + assigned + " 人",
                    null, byKind, by));
        }
        return new Assignment(assigned, byKind, open.size() - assigned);
    }

    // ------------------------------------------------------------------ the demo's (and a migration's) bulk load

    @Transactional
    public List<Long> load(List<FileHistory> files, OrgScope scope, String by) {
        Map<Long, PartyMemberRef> members = people.partyMemberRefs(
                files.stream().map(h -> h.file().memberId()).toList(), scope).stream()
                .collect(Collectors.toMap(PartyMemberRef::id, m -> m));
        Map<MobileState, Integer> intervals = repository.intervals();
        LocalDateTime now = LocalDateTime.now(clock);
        List<Long> ids = new ArrayList<>();
        for (FileHistory h : files) {
            PartyMemberRef m = members.get(h.file().memberId());
            if (m == null) {
                throw new NotFoundException("党员不存在或不在管辖范围内：" + h.file().memberId());
            }
            long id = insert(h.file(), m, h.filedOn(), by);
            List<EventRow> events = new ArrayList<>();
            for (NewEvent e : h.events()) {
                repository.insertEvent(id, e.kind(), e.on(), text(e.otherOrg()), text(e.note()), now, by);
                events.add(new EventRow(0, e.kind(), e.on(), e.otherOrg(), e.note(), by));
            }
            events.sort(java.util.Comparator.comparing(EventRow::on));
            List<ContactRow> contacts = new ArrayList<>();
            for (NewContact c : h.contacts()) {
                repository.insertContact(id, c.on(), c.channel(), c.by(), c.content(), c.nextDue(), now, by);
                contacts.add(new ContactRow(0, c.on(), c.channel(), c.by(), c.content(), c.nextDue(), by));
            }
            contacts.sort(java.util.Comparator.comparing(ContactRow::on).reversed());
            for (NewTask t : h.tasks()) {
                repository.insertTask(id, t.task(), t.on(), t.result(), now, by);
            }
            Derived d = derive(h.file().relation(), h.filedOn(), events, contacts, intervals);
            repository.updateDerived(id, d.state(), d.relation(), d.lastContactOn(), d.nextDue());
            ids.add(id);
        }
        audit.record(new AuditEvent(AuditAction.IMPORT, "mobile_file", null, "流动党员档案批量建档：" + ids.size() + " 份",
                null, null, by));
        return ids;
    }

    public int findCandidates(OrgScope scope, String by) {
        var r = sources.getObject().scan(scope, by);
        return r.roster() + r.idRegion();
    }

    // ------------------------------------------------------------------ helpers

    FileView file(long id, OrgScope scope) {
        return repository.file(id, scope).orElseThrow(() -> new NotFoundException("流动党员档案不存在"));
    }

    private PartyMemberRef member(Long memberId, OrgScope scope) {
        if (memberId == null) {
            throw new BadRequestException("党员：必填");
        }
        return people.partyMemberRefs(List.of(memberId), scope).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("党员不存在"));
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String text(String s) {
        return blank(s) ? null : s.strip();
    }

    /** Skills as tags joined by "、" (any of , ， 、 ; space separates them when typed). */
    static String skills(String s) {
        List<String> tags = MobileRepository.tags(s);
        return tags.isEmpty() ? null : String.join("、", new java.util.LinkedHashSet<>(tags));
    }

    private static void length(List<String> problems, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            problems.add(field + "：不能超过 " + max + " 个字");
        }
    }

    private static void refuse(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new BadRequestException(String.join("；", problems));
        }
    }

    /** For pages: rules in order, with their labels. */
    List<MobileRecords.RuleRow> rules() {
        return repository.rules();
    }

    Map<String, Integer> intervalsByLabel() {
        Map<String, Integer> out = new LinkedHashMap<>();
        repository.intervals().forEach((s, d) -> out.put(s.label(), d));
        return out;
    }
}
