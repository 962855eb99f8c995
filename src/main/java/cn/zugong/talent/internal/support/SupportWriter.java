package cn.zugong.talent.internal.support;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.talent.internal.support.SupportRecords.ContactMode;
import cn.zugong.talent.internal.support.SupportRecords.Duty;
import cn.zugong.talent.internal.support.SupportRecords.TargetKind;
import cn.zugong.tickets.ProblemTickets;
import cn.zugong.tickets.TicketProgress;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Writes for callers that are not users (the demo, through {@link cn.zugong.talent.TalentSupportDesk}): no role or
 * scope check — the caller answers for its data — and one audit entry per batch ({@link #audit}).
 */
@Component
public class SupportWriter {

    private final SupportRepository repository;
    private final ProblemTickets tickets;
    private final AuditTrail audit;
    private final Clock clock;

    SupportWriter(SupportRepository repository, ProblemTickets tickets, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.tickets = tickets;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean teamExists(String code) {
        return repository.teamCodeExists(code);
    }

    public long team(long nodeId, String code, String name, String fields, String remit, String leadUnit,
                     Long leaderPersonId, String leaderName, int sortOrder, String by) {
        return repository.insertTeam(nodeId, code, name, fields, remit, leadUnit, leaderPersonId, leaderName, sortOrder,
                by, now());
    }

    public void member(long teamId, Long personId, String name, String unitName, String duty, String by) {
        repository.insertMember(teamId, personId, name, unitName, Duty.valueOf(duty), by, now());
    }

    public void served(long teamId, Long employerId, Long talentId, String by) {
        if (!repository.served(teamId, employerId, talentId)) {
            repository.insertServed(teamId, employerId, talentId, by, now());
        }
    }

    public long contact(long nodeId, Long teamId, String targetKind, Long targetId, LocalDate date, String mode,
                        String whom, String byName, String content, int problems, String by) {
        return repository.insertContact(nodeId, teamId, targetKind == null ? null : TargetKind.valueOf(targetKind),
                targetId, date, ContactMode.valueOf(mode), whom, byName, content, problems, by,
                date.atTime(17, 0));
    }

    public long platform(long nodeId, String name, String kind, String grade, long employerId, String by) {
        return repository.insertPlatform(nodeId, name, kind, grade, employerId, by, now());
    }

    public long project(long nodeId, String name, String kind, Long employerId, LocalDate startedOn, String by) {
        return repository.insertProject(nodeId, name, kind, employerId, startedOn, by, now());
    }

    public void keyTalent(long talentId, String reason, String by) {
        if (!repository.keyTalent(talentId)) {
            repository.insertKeyTalent(talentId, reason, by, now());
        }
    }

    public void leader(String kind, long targetId, Long personId, String name, String post, LocalDate since, String by) {
        repository.deleteLiaison(TargetKind.valueOf(kind), targetId);
        repository.insertLiaison(TargetKind.valueOf(kind), targetId, personId, name, post, since, by, now());
    }

    /** Links tickets already on the 问题清单 (e.g. written with their history) as 人才诉求. */
    public void requests(List<Object[]> rows, String by) {
        Map<Long, TicketProgress> progress = tickets.progress(rows.stream().map(r -> (Long) r[7]).toList());
        for (Object[] r : rows) {
            long id = repository.insertRequest((Long) r[0], (Long) r[1], (Long) r[2], (Long) r[3], (Long) r[4],
                    (String) r[5], (String) r[6], by, (LocalDateTime) r[8]);
            TicketProgress p = progress.get((Long) r[7]);
            repository.linkTicket(id, (Long) r[7], p == null ? null : p.ticketNo());
        }
    }

    public void audit(String summary, Map<String, Object> counts, String by) {
        audit.record(new AuditEvent(AuditAction.CREATE, "talent_team", null, summary, null, counts, by));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
