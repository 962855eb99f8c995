package cn.zugong.talent.internal.services;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.calendar.WorkCalendar;
import cn.zugong.closure.ClosureAction;
import cn.zugong.closure.ClosureItems;
import cn.zugong.closure.ClosureStatus;
import cn.zugong.closure.Escalation;
import cn.zugong.closure.HistoricalItem;
import cn.zugong.org.OrgNode;
import cn.zugong.org.PlatformAdmin;
import cn.zugong.talent.ServiceApplicationHistory.Outcome;
import cn.zugong.talent.ServiceApplicationHistory.PastApplication;
import cn.zugong.talent.internal.Classification;
import cn.zugong.talent.internal.TalentRecord;
import cn.zugong.talent.internal.TalentStore;
import cn.zugong.talent.internal.services.MaterialCheck.Need;
import cn.zugong.talent.internal.services.ServiceCatalogue.ServiceItem;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports past applications (see {@link cn.zugong.talent.ServiceApplicationHistory}): the material check runs as of
 * each submission day, over the uploads of the talent's earlier applications; the closure items go in through
 * {@link ClosureItems#importHistorical} with their steps (提交 → 受理 → 开始办理 → 办结 → 核验 → 销号 as far as the
 * outcome goes) and, for one still being worked past its deadline, the 督办 level the default rule gives on the day.
 */
@Component
public class ServiceHistoryImport {

    private static final int REMINDER_AFTER = 1;
    private static final int YELLOW_AFTER = 5;
    private static final int RED_AFTER = 10;

    private final ServiceCatalogue catalogue;
    private final HandlingUnits units;
    private final ApplicationStore store;
    private final TalentStore talents;
    private final Classification classification;
    private final ServiceApplications services;
    private final ClosureItems items;
    private final WorkCalendar calendar;
    private final PlatformAdmin platform;
    private final AuditTrail audit;

    ServiceHistoryImport(ServiceCatalogue catalogue, HandlingUnits units, ApplicationStore store, TalentStore talents,
                         Classification classification, ServiceApplications services, ClosureItems items,
                         WorkCalendar calendar, PlatformAdmin platform, AuditTrail audit) {
        this.catalogue = catalogue;
        this.units = units;
        this.store = store;
        this.talents = talents;
        this.classification = classification;
        this.services = services;
        this.items = items;
        this.calendar = calendar;
        this.platform = platform;
        this.audit = audit;
    }

    public List<String> itemsFor(long talentId) {
        TalentRecord t = talents.find(talentId).orElseThrow();
        return catalogue.items().stream().filter(i -> services.refusal(i, t, true) == null)
                .map(ServiceItem::code).toList();
    }

    public int timeLimit(String itemCode) {
        return catalogue.item(itemCode).orElseThrow().days();
    }

    public List<Long> talentIds(int limit) {
        return talents.inScope(platform.root().asScope(), limit, 0).stream().map(TalentRecord::id).toList();
    }

    public Optional<Long> talentOf(String username) {
        return talents.findByUsername(username).map(TalentRecord::id);
    }

    public boolean importedBy(String by) {
        return store.countSubmittedBy(by) > 0;
    }

    @Transactional
    public int importAll(List<PastApplication> applications, LocalDate asOf, String by) {
        List<PastApplication> sorted = applications.stream()
                .sorted(Comparator.comparing(PastApplication::submittedAt)).toList();
        Map<Long, TalentRecord> cache = new HashMap<>();
        Map<Long, Map<String, MaterialCheck.Earlier>> uploads = new HashMap<>();
        List<HistoricalItem> history = new ArrayList<>();
        Map<String, Long> appByNo = new HashMap<>();
        long root = platform.root().id();
        for (PastApplication p : sorted) {
            TalentRecord t = cache.computeIfAbsent(p.talentId(), id -> talents.find(id).orElseThrow());
            ServiceItem item = catalogue.item(p.itemCode()).orElseThrow(() -> new IllegalArgumentException(
                    "unknown item " + p.itemCode()));
            OrgNode unit = units.of(item).orElse(null);
            if (unit == null || services.refusal(item, t, true) != null) {
                continue;
            }
            LocalDate day = p.submittedAt().toLocalDate();
            Map<String, MaterialCheck.Earlier> earlier = uploads.computeIfAbsent(t.id(), k -> new HashMap<>());
            List<Need> needs = MaterialCheck.check(item, catalogue, t, earlier, classification, day);
            int reused = (int) needs.stream().filter(Need::reused).count();
            boolean proxy = p.counterOfficer() != null;
            String submitter = proxy ? p.counterOfficer() : by;
            long id = store.insert(t.id(), item.code(), item.area(), unit.id(), needs.size(), reused,
                    p.counterOfficer(), p.counterOfficerName(), submitter, p.submittedAt(), null);
            String no = ApplicationStore.number(p.submittedAt(), id);
            appByNo.put(no, id);
            for (Need n : needs) {
                if (n.reused()) {
                    store.insertMaterial(id, n.code(), n.source(), n.fromApplication(), null, null);
                } else {
                    store.insertMaterial(id, n.code(), n.source(), null, null, proxy ? null : n.name() + ".pdf");
                    earlier.put(n.code(), new MaterialCheck.Earlier(id, no, day));
                }
            }
            history.add(item(no, t, item, unit, needs.size(), reused, p, asOf, root, by));
        }
        Map<String, Long> itemIds = items.importHistorical(ServiceApplications.KIND, history);
        itemIds.forEach((no, itemId) -> store.linkItem(appByNo.get(no), itemId));
        audit.record(new AuditEvent(AuditAction.CREATE, "talent_service_application", null,
                "导入码上办历史申请 " + itemIds.size() + " 件", null, Map.of("count", itemIds.size(), "by", by), null));
        return itemIds.size();
    }

    private HistoricalItem item(String no, TalentRecord t, ServiceItem item, OrgNode unit, int needed, int reused,
                                PastApplication p, LocalDate asOf, long root, String by) {
        LocalDateTime at = p.submittedAt();
        LocalDate deadline = calendar.plusWorkdays(at.toLocalDate(), item.days());
        String officer = unit.name() + "专窗专员";
        boolean proxy = p.counterOfficer() != null;
        List<HistoricalItem.Step> steps = new ArrayList<>();
        steps.add(new HistoricalItem.Step(at, proxy ? p.counterOfficer() : by,
                proxy ? p.counterOfficerName() : t.name(), ClosureAction.REGISTER, null, ClosureStatus.REGISTERED,
                proxy ? "专窗代办" : "码上办"));
        ClosureStatus status = ClosureStatus.REGISTERED;
        LocalDateTime resolvedAt = null;
        LocalDateTime closedAt = null;
        // the outcome as far as the steps' times have come by the end of asOf: a later step has not happened yet
        LocalDateTime end = asOf.atTime(23, 59);
        int o = p.outcome().ordinal();
        LocalDateTime accepted = proxy ? at.plusMinutes(5) : calendar.plusWorkdays(at.toLocalDate(), 1).atTime(9, 30);
        LocalDateTime resolving = calendar.plusWorkdays(at.toLocalDate(), Math.max(1, p.workdaysTaken())).atTime(16, 0);
        if (resolving.isBefore(accepted.plusHours(2))) {
            resolving = accepted.plusHours(2);
        }
        LocalDateTime verifying = resolving.plusDays(1).withHour(10);
        LocalDateTime closing = resolving.plusDays(1).withHour(11);
        if (o >= Outcome.ACCEPTED.ordinal() && !accepted.isAfter(end)) {
            steps.add(new HistoricalItem.Step(accepted, "demo-counter", officer, ClosureAction.ASSIGN, status,
                    ClosureStatus.ASSIGNED, "已受理"));
            status = ClosureStatus.ASSIGNED;
            if (o >= Outcome.IN_PROGRESS.ordinal() && !accepted.plusHours(1).isAfter(end)) {
                steps.add(new HistoricalItem.Step(accepted.plusHours(1), "demo-counter", officer, ClosureAction.START,
                        status, ClosureStatus.IN_PROGRESS, "材料齐全，开始办理"));
                status = ClosureStatus.IN_PROGRESS;
                if (o >= Outcome.RESOLVED.ordinal() && !resolving.isAfter(end)) {
                    resolvedAt = resolving;
                    steps.add(new HistoricalItem.Step(resolvedAt, "demo-counter", officer, ClosureAction.RESOLVE,
                            status, ClosureStatus.RESOLVED, "已办结，结果已告知本人"));
                    status = ClosureStatus.RESOLVED;
                    if (o >= Outcome.VERIFIED.ordinal() && !verifying.isAfter(end)) {
                        steps.add(new HistoricalItem.Step(verifying, "demo-talent-office", "市委人才办",
                                ClosureAction.VERIFY, status, ClosureStatus.VERIFIED, "核验通过"));
                        status = ClosureStatus.VERIFIED;
                        if (o >= Outcome.CLOSED.ordinal() && !closing.isAfter(end)) {
                            closedAt = closing;
                            steps.add(new HistoricalItem.Step(closedAt, "demo-talent-office", "市委人才办",
                                    ClosureAction.CLOSE, status, ClosureStatus.CLOSED, "办结销号"));
                            status = ClosureStatus.CLOSED;
                        }
                    }
                }
            }
        }
        Escalation escalation = Escalation.NONE;
        if (status.working() && asOf.isAfter(deadline)) {
            int late = calendar.workdaysBetween(deadline, asOf);
            escalation = late >= RED_AFTER ? Escalation.RED_CARD : late >= YELLOW_AFTER ? Escalation.YELLOW_CARD
                    : late >= REMINDER_AFTER ? Escalation.REMINDER : Escalation.NONE;
        }
        return new HistoricalItem(no, unit.id(), item.area(), item.name() + "（" + t.name() + "）",
                (proxy ? "专窗代办：" + p.counterOfficerName() + "。" : "码上办：人才本人线上申请。") + "材料 " + needed
                        + " 项，平台已有 " + reused + " 项。", status, null, null, null, deadline, escalation,
                escalation == Escalation.RED_CARD ? root : null, proxy ? p.counterOfficer() : by, at, resolvedAt,
                closedAt, steps);
    }
}
