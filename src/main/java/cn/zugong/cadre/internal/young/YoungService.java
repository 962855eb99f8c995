package cn.zugong.cadre.internal.young;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.cadre.internal.CadreAccess;
import cn.zugong.cadre.internal.young.YoungViews.Cadre;
import cn.zugong.cadre.internal.young.YoungViews.Posting;
import cn.zugong.people.LeadershipRoster;
import cn.zugong.people.YoungCadreRoster;
import cn.zugong.people.YoungCadreRoster.Candidate;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 五制 of the 年轻干部库: proposing a person (预审 pending), the 预审 with result and reason (a pass only when the
 * level's entry rule holds on the day), the 导师 and the meetings, 试岗 / 实挂 postings ended only with their
 * assessment, the yearly 比选 ranking and exits with the reason. Each write one transaction, audited; a step the
 * state does not allow is refused (409) with what is wrong, and the store's conditional updates are the last guard.
 */
@Service
public class YoungService {

    static final List<String> GRADES = List.of("优秀", "良好", "一般", "较差");
    static final List<String> KINDS = List.of("TRIAL", "ATTACHED");

    private final YoungStore store;
    private final EntryRules rules;
    private final YoungCadreRoster roster;
    private final LeadershipRoster leaders;
    private final CadreAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    YoungService(YoungStore store, EntryRules rules, YoungCadreRoster roster, LeadershipRoster leaders,
                 CadreAccess access, AuditTrail audit, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.roster = roster;
        this.leaders = leaders;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    // ------------------------------------------------------------------ reading with the scope

    /** An entry the user may read: out of scope or missing → 404. */
    public Cadre read(CurrentUser user, long id) {
        access.requireRead(user);
        Cadre c = store.cadre(id).orElseThrow(() -> new NotFoundException("年轻干部记录不存在：" + id));
        if (!user.scope().contains(c.unitPath())) {
            throw new NotFoundException("年轻干部记录不存在：" + id);
        }
        return c;
    }

    Cadre write(CurrentUser user, long id) {
        Cadre c = read(user, id);
        access.requireWrite(user, c.unitPath());
        return c;
    }

    Posting posting(CurrentUser user, long id) {
        Posting p = store.posting(id).orElseThrow(() -> new NotFoundException("挂职记录不存在：" + id));
        read(user, p.cadreId());
        return p;
    }

    // ------------------------------------------------------------------ 预审

    @Transactional
    public long propose(CurrentUser user, long personId, String level, Integer cohort) {
        access.requireRead(user);
        Candidate c = roster.candidate(personId, user.scope())
                .orElseThrow(() -> new NotFoundException("人员不存在：" + personId));
        access.requireWrite(user, c.unitPath());
        if (!rules.has(level)) {
            throw new BadRequestException("「类别」应为" + rules.all().stream().map(r -> r.level() + "（" + r.label() + "）")
                    .toList() + "之一：" + level);
        }
        if (cohort != null && (cohort < 2000 || cohort > now().getYear())) {
            throw new BadRequestException("「选调生届别」应在2000–" + now().getYear() + "之间");
        }
        long id;
        try {
            id = store.insertCadre(personId, c.unitId(), level, cohort, user.username(), now());
        } catch (DuplicateKeyException e) {
            throw new ConflictException(c.name() + "已在年轻干部库中或正在预审，不能重复提名");
        }
        audit.record(AuditEvent.of(AuditAction.CREATE, "young_cadre", id, "提名年轻干部（待预审）：" + c.name()));
        return id;
    }

    /** The entry rule's failures for the entry's person today (empty: meets the rule). */
    public List<String> failures(Cadre c) {
        Candidate p = roster.candidates(List.of(c.personId())).get(0);
        return YoungCadreRoster.failures(p, rules.of(c.level()).criteria(), now().toLocalDate());
    }

    @Transactional
    public void review(CurrentUser user, long id, String result, String reason) {
        Cadre c = write(user, id);
        boolean pass = switch (Forms.choice(result, List.of("PASS", "FAIL"), "预审结果")) {
            case "PASS" -> true;
            default -> false;
        };
        String why = Forms.text(reason, "预审意见", 500);
        if (!"REVIEW".equals(c.status())) {
            throw new ConflictException(c.name() + "的预审已有结论（" + c.statusLabel() + "），不能再次预审");
        }
        if (pass) {
            List<String> failures = failures(c);
            if (!failures.isEmpty()) {
                throw new BadRequestException(c.name() + "不符合" + rules.of(c.level()).label() + "入库条件："
                        + String.join("；", failures));
            }
        }
        if (!store.review(id, pass, why, user.username(), now())) {
            throw new ConflictException(c.name() + "的预审已有结论，不能再次预审");
        }
        audit.record(AuditEvent.of(AuditAction.UPDATE, "young_cadre", id,
                "年轻干部预审" + (pass ? "通过，入库：" : "未通过：") + c.name() + "（" + why + "）"));
    }

    // ------------------------------------------------------------------ 导师制

    @Transactional
    public void mentor(CurrentUser user, long id, long mentorPersonId) {
        Cadre c = write(user, id);
        LeadershipRoster.Leader m = leaders.person(mentorPersonId, user.scope())
                .orElseThrow(() -> new NotFoundException("人员不存在：" + mentorPersonId));
        if (m.postLevel() == null) {
            throw new BadRequestException(m.name() + "未担任领导职务，不能担任导师");
        }
        if (m.id() == c.personId()) {
            throw new BadRequestException("导师不能是本人");
        }
        if (!store.mentor(id, m.id(), now().toLocalDate())) {
            throw new ConflictException(c.name() + "不在库中（" + c.statusLabel() + "），不能配备导师");
        }
        audit.record(AuditEvent.of(AuditAction.UPDATE, "young_cadre", id, "配备导师：" + c.name() + " ← " + m.name()));
    }

    @Transactional
    public long note(CurrentUser user, long id, String metOn, String content) {
        Cadre c = write(user, id);
        LocalDate on = Forms.date(metOn, "谈话日期");
        String text = Forms.text(content, "谈话内容", 2000);
        if (c.mentorId() == null) {
            throw new ConflictException(c.name() + "尚未配备导师，不能记录导师谈话");
        }
        if (!"IN_POOL".equals(c.status())) {
            throw new ConflictException(c.name() + "不在库中（" + c.statusLabel() + "），不能记录导师谈话");
        }
        if (on.isAfter(now().toLocalDate())) {
            throw new BadRequestException("「谈话日期」不能晚于今天");
        }
        long noteId = store.insertNote(id, c.mentorId(), on, text, user.username(), now());
        audit.record(AuditEvent.of(AuditAction.CREATE, "young_mentor_note", noteId, "导师谈话：" + c.name()));
        return noteId;
    }

    // ------------------------------------------------------------------ 试岗 / 实挂

    @Transactional
    public long openPosting(CurrentUser user, long id, String kind, String hostUnit, String post, String startsOn,
                            String endsOn) {
        Cadre c = write(user, id);
        String k = Forms.choice(kind, KINDS, "挂职类型");
        String host = Forms.text(hostUnit, "挂职单位", 100);
        String p = Forms.text(post, "挂职岗位", 100);
        LocalDate from = Forms.date(startsOn, "起始日期");
        LocalDate to = Forms.date(endsOn, "结束日期");
        if (to.isBefore(from)) {
            throw new BadRequestException("「结束日期」不能早于「起始日期」");
        }
        if (!"IN_POOL".equals(c.status())) {
            throw new ConflictException(c.name() + "不在库中（" + c.statusLabel() + "），不能安排" + YoungViews.kindLabel(k));
        }
        if (store.openPostings(id) > 0) {
            throw new ConflictException(c.name() + "尚有未结束的试岗或实挂，须先完成考核结束后再安排");
        }
        long postingId = store.insertPosting(id, k, host, p, from, to, user.username(), now());
        audit.record(AuditEvent.of(AuditAction.CREATE, "young_posting", postingId,
                YoungViews.kindLabel(k) + "：" + c.name() + " → " + host + p));
        return postingId;
    }

    @Transactional
    public void endPosting(CurrentUser user, long postingId, String grade, String comment) {
        Posting p = posting(user, postingId);
        Cadre c = write(user, p.cadreId());
        if (grade == null || grade.isBlank() || comment == null || comment.isBlank()) {
            throw new BadRequestException("结束" + p.kindLabel() + "须有考核结果：请填写「考核等次」和「考核评语」");
        }
        String g = Forms.choice(grade, GRADES, "考核等次");
        String text = Forms.text(comment, "考核评语", 1000);
        if (!store.endPosting(postingId, g, text, user.username(), now())) {
            throw new ConflictException("该" + p.kindLabel() + "已结束，不能再次考核");
        }
        audit.record(AuditEvent.of(AuditAction.UPDATE, "young_posting", postingId,
                p.kindLabel() + "考核：" + c.name() + " " + g));
    }

    // ------------------------------------------------------------------ 比选淘汰

    @Transactional
    public void exit(CurrentUser user, long id, String reason) {
        Cadre c = write(user, id);
        String why = Forms.text(reason, "退出原因", 500);
        if (!"IN_POOL".equals(c.status())) {
            throw new ConflictException(c.name() + "不在库中（" + c.statusLabel() + "），不能退出");
        }
        if (store.openPostings(id) > 0) {
            throw new ConflictException(c.name() + "尚有未结束的试岗或实挂，须先完成考核再退出");
        }
        if (!store.exit(id, why, now().toLocalDate(), user.username())) {
            throw new ConflictException(c.name() + "的状态已变化，不能退出");
        }
        audit.record(AuditEvent.of(AuditAction.UPDATE, "young_cadre", id, "比选淘汰，退出年轻干部库：" + c.name() + "（" + why + "）"));
    }

    /**
     * The year's 比选 ranking of the pool in the user's scope: the average of the postings' grades ending in the year
     * (优秀 100, 良好 85, 一般 70, 较差 50) and the year's 年度考核 (优秀 100, 称职 85, 基本称职 60, 不称职 0), each
     * counted when present; none → 0. Places by score, ties by the earlier entry. Written again when re-run.
     */
    @Transactional
    public int rank(CurrentUser user, int year) {
        access.requireWrite(user, user.scope().path());
        List<Object[]> inputs = store.rankingInputs(user.scope(), year);
        Map<Long, String> assessed = roster.assessments(inputs.stream().map(r -> (Long) r[1]).toList(), year);
        record Scored(long cadreId, BigDecimal score, String basis) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Object[] r : inputs) {
            List<BigDecimal> parts = new ArrayList<>();
            List<String> basis = new ArrayList<>();
            if (r[2] != null) {
                parts.add((BigDecimal) r[2]);
                basis.add("挂职考核" + r[3] + "次均分" + ((BigDecimal) r[2]).setScale(1, RoundingMode.HALF_UP));
            }
            String a = assessed.get((Long) r[1]);
            Integer points = a == null ? null : switch (a) {
                case "优秀" -> 100;
                case "称职" -> 85;
                case "基本称职" -> 60;
                case "不称职" -> 0;
                default -> null;
            };
            if (points != null) {
                parts.add(BigDecimal.valueOf(points));
                basis.add("年度考核" + a);
            }
            BigDecimal score = parts.isEmpty() ? BigDecimal.ZERO
                    : parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                            .divide(BigDecimal.valueOf(parts.size()), 2, RoundingMode.HALF_UP);
            scored.add(new Scored((Long) r[0], score, basis.isEmpty() ? "无考核记录" : String.join("，", basis)));
        }
        scored.sort(Comparator.comparing(Scored::score).reversed().thenComparing(Scored::cadreId));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            rows.add(new Object[] {s.cadreId(), s.score(), i + 1, s.basis()});
        }
        store.replaceRanking(year, rows, user.username(), now());
        audit.record(AuditEvent.of(AuditAction.UPDATE, "young_ranking", year, year + "年度年轻干部比选排名：" + rows.size() + "人"));
        return rows.size();
    }
}
