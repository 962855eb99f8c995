package cn.zugong.party.internal.mobile;

import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.closure.Escalation;
import cn.zugong.party.internal.mobile.MobileRecords.ContactRow;
import cn.zugong.party.internal.mobile.MobileRecords.DunningRow;
import cn.zugong.party.internal.mobile.MobileRecords.EventRow;
import cn.zugong.party.internal.mobile.MobileRecords.FileLine;
import cn.zugong.party.internal.mobile.MobileRecords.FileView;
import cn.zugong.party.internal.mobile.MobileRecords.Overdue;
import cn.zugong.party.internal.mobile.MobileRecords.TaskRow;
import cn.zugong.party.internal.mobile.MobileRecords.Unmanaged;
import cn.zugong.party.internal.mobile.MobileRepository.FileFilter;
import cn.zugong.party.internal.mobile.MobileRepository.Placement;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.PageResult;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** What the pages and the API read: a file with its history (audited), the lists of overdue and unmanaged files. */
@Service
class MobileReads {

    /** A file's page: the file (phone masked), its history, and where its contact stands today. */
    record FileDetail(FileView file, List<EventRow> events, List<ContactRow> contacts, List<TaskRow> tasks,
                      List<DunningRow> dunnings, int overdueWorkdays, Escalation level, List<String> unmanagedReasons) {
    }

    private final MobileRepository repository;
    private final MobileDue due;
    private final AuditTrail audit;
    private final Clock clock;

    MobileReads(MobileRepository repository, MobileDue due, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.due = due;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    FileDetail detail(long id, OrgScope scope) {
        FileView f = repository.file(id, scope).orElseThrow(() -> new NotFoundException("流动党员档案不存在"));
        audit.record(AuditEvent.read("mobile_file", id, "查看流动党员档案：" + f.name()));
        LocalDate today = today();
        int overdue = f.state().active() && f.nextDue() != null && f.nextDue().isBefore(today)
                ? due.overdue(f.nextDue(), today) : 0;
        boolean late = f.state().active() && f.nextDue() != null && f.nextDue().isBefore(today);
        List<String> reasons = List.of();
        if (f.hostId() == null && f.state().active()) {
            MobileRule rule = new MobileRule(repository.rules(), repository.hosts(scope));
            reasons = rule.apply(new Placement(f.id(), f.province(), f.city(), f.district(), f.employer(), f.liveCity(),
                    f.liveDistrict(), f.liveCommunity())).reasons();
        }
        return new FileDetail(f.masked(), repository.events(id), repository.contacts(id), repository.tasks(id),
                repository.dunnings(id), overdue, late ? due.level(overdue) : Escalation.NONE, reasons);
    }

    PageResult<FileLine> files(FileFilter filter, OrgScope scope, int page, int size) {
        return repository.files(filter, scope, page, size);
    }

    PageResult<Overdue> overdue(OrgScope scope, int page, int size) {
        LocalDate today = today();
        PageResult<FileLine> p = repository.overdue(scope, today, page, size);
        Map<Long, String> dunned = repository.lastDunnings(p.items().stream().map(FileLine::id).toList());
        List<Overdue> rows = p.items().stream().map(l -> {
            int days = due.overdue(l.nextDue(), today);
            return new Overdue(l, days, due.level(days), dunned.get(l.id()));
        }).toList();
        return new PageResult<>(rows, p.page(), p.size(), p.total());
    }

    /** The unmanaged files of a page, each with why no rule applied (the hosts and rules read once per page). */
    PageResult<Unmanaged> unmanaged(OrgScope scope, int page, int size) {
        PageResult<FileLine> p = repository.unmanaged(scope, page, size);
        Map<Long, Placement> places = repository.placements(scope, p.items().stream().map(FileLine::id).toList())
                .stream().collect(Collectors.toMap(Placement::id, Function.identity()));
        MobileRule rule = new MobileRule(repository.rules(), repository.hosts(scope));
        List<Unmanaged> rows = p.items().stream().map(l -> new Unmanaged(l,
                places.containsKey(l.id()) ? rule.apply(places.get(l.id())).reasons() : List.of())).toList();
        return new PageResult<>(rows, p.page(), p.size(), p.total());
    }
}
