package cn.zugong.talent;

import cn.zugong.shared.OrgScope;
import cn.zugong.talent.internal.TalentStore;
import cn.zugong.talent.internal.support.SupportWriter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 人才工作专班 and 党委联系服务专家 for callers outside the module that are not users — the demo: 专班 with members
 * and the enterprises and talents they serve, contact logs, key platforms and projects, key talents, responsible
 * leaders, and 人才诉求 linked to tickets already on the 问题清单. It trusts its caller (no role or scope check)
 * and is audited once per batch ({@link #audit}). Users work through the /talent/support pages.
 */
@Service
public class TalentSupportDesk {

    /** An employer as the desk's callers choose among them. */
    public record EmployerRef(long id, long nodeId, String name, String kind, String industry) {
    }

    /** A 人才诉求 whose ticket exists already (its closure item id). */
    public record LinkedRequest(long nodeId, Long talentId, Long employerId, Long teamId, Long contactId, String topic,
                                String title, long ticketItemId, LocalDateTime raisedAt) {
    }

    private final SupportWriter writer;
    private final TalentStore store;

    TalentSupportDesk(SupportWriter writer, TalentStore store) {
        this.writer = writer;
        this.store = store;
    }

    public boolean teamExists(String code) {
        return writer.teamExists(code);
    }

    @Transactional
    public long team(long nodeId, String code, String name, String fields, String remit, String leadUnit,
                     Long leaderPersonId, String leaderName, int sortOrder, String by) {
        return writer.team(nodeId, code, name, fields, remit, leadUnit, leaderPersonId, leaderName, sortOrder, by);
    }

    /** {@code duty}: LEADER, DEPUTY, MEMBER or LIAISON; {@code personId} null for someone not on the roster. */
    @Transactional
    public void member(long teamId, Long personId, String name, String unitName, String duty, String by) {
        writer.member(teamId, personId, name, unitName, duty, by);
    }

    @Transactional
    public void served(long teamId, Long employerId, Long talentId, String by) {
        writer.served(teamId, employerId, talentId, by);
    }

    /** {@code targetKind}: TALENT, PLATFORM, PROJECT or null (a 专班's contact); {@code mode}: VISIT, CALL, MEETING, ONLINE. */
    @Transactional
    public long contact(long nodeId, Long teamId, String targetKind, Long targetId, LocalDate date, String mode,
                        String whom, String byName, String content, int problems, String by) {
        return writer.contact(nodeId, teamId, targetKind, targetId, date, mode, whom, byName, content, problems, by);
    }

    /** {@code grade}: NATIONAL, PROVINCIAL or CITY. */
    @Transactional
    public long platform(long nodeId, String name, String kind, String grade, long employerId, String by) {
        return writer.platform(nodeId, name, kind, grade, employerId, by);
    }

    @Transactional
    public long project(long nodeId, String name, String kind, Long employerId, LocalDate startedOn, String by) {
        return writer.project(nodeId, name, kind, employerId, startedOn, by);
    }

    @Transactional
    public void keyTalent(long talentId, String reason, String by) {
        writer.keyTalent(talentId, reason, by);
    }

    /** The responsible leader of a TALENT, PLATFORM or PROJECT (replacing any earlier one). */
    @Transactional
    public void leader(String kind, long targetId, Long personId, String name, String post, LocalDate since,
                       String by) {
        writer.leader(kind, targetId, personId, name, post, since, by);
    }

    @Transactional
    public void requests(List<LinkedRequest> requests, String by) {
        writer.requests(requests.stream().map(r -> new Object[] {r.nodeId(), r.talentId(), r.employerId(), r.teamId(),
                r.contactId(), r.topic(), r.title(), r.ticketItemId(), r.raisedAt()}).toList(), by);
    }

    public void audit(String summary, Map<String, Object> counts, String by) {
        writer.audit(summary, counts, by);
    }

    /** Employers under a node (by id), optionally of one industry, at most {@code limit}. */
    public List<EmployerRef> employers(long nodeId, String path, String industry, int limit) {
        return store.employersInScope(new OrgScope(nodeId, path), industry, limit).stream()
                .map(e -> new EmployerRef(e.id(), e.nodeId(), e.name(), e.kind(), e.industry())).toList();
    }

    /** Talents under a node holding one of the programmes (codes of the classification), by id. */
    public List<Long> talentsInProgrammes(long nodeId, String path, List<String> programmes, int limit) {
        return store.idsHolding(new OrgScope(nodeId, path), CredentialKind.PROGRAMME, programmes, limit);
    }

    /** Talents under a node recognised at one of the levels, by id. */
    public List<Long> talentsAtLevels(long nodeId, String path, List<String> levels) {
        return store.atLevels(new OrgScope(nodeId, path), levels).stream().map(t -> t.id()).toList();
    }

    /** The talent linked to an account, with its node and employer: {@code [talentId, nodeId, employerId]}. */
    public Optional<long[]> talentOf(String username) {
        return store.findByUsername(username).map(t -> new long[] {t.id(), t.nodeId(),
                t.employerId() == null ? 0 : t.employerId()});
    }

    /** The name of a talent (for the demo's texts). */
    public Optional<String> talentName(long talentId) {
        return store.find(talentId).map(t -> t.name());
    }
}
