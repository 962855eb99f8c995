package cn.zugong.talent.internal.recognition;

import cn.zugong.talent.TalentEvents;
import cn.zugong.talent.internal.TalentRecord;
import cn.zugong.talent.internal.TalentStore;
import cn.zugong.talent.internal.recognition.RecognitionModel.Route;
import cn.zugong.talent.internal.recognition.RecognitionModel.Status;
import cn.zugong.talent.internal.recognition.RecognitionRepository.NewCase;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes behind the public {@code TalentRecognitions} API: past recognitions in bulk and 举荐小组. The caller holds
 * the transaction and audits.
 */
@Component
public class RecognitionAdmin {

    private final RecognitionRepository repository;
    private final RecognitionRules rules;
    private final TalentStore talents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecognitionAdmin(RecognitionRepository repository, RecognitionRules rules, TalentStore talents,
                     ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.rules = rules;
        this.talents = talents;
        this.events = events;
        this.clock = clock;
    }

    public record Past(long talentId, String level, String route, LocalDate decidedOn, String ruleId, String reason) {
    }

    public record NewMember(String username, String displayName, String affiliation) {
    }

    public int recordHistorical(List<Past> past, String by) {
        LocalDateTime now = LocalDateTime.now(clock);
        Map<String, Integer> caseNos = new HashMap<>();
        Map<String, Integer> certNos = new HashMap<>();
        int n = 0;
        for (Past p : past) {
            if (rules.classification().level(p.level()).isEmpty()) {
                throw new IllegalArgumentException("等级应为 A–E：" + p.level());
            }
            Route route = Route.valueOf(p.route());
            TalentRecord t = talents.find(p.talentId()).orElseThrow(
                    () -> new IllegalArgumentException("人才不存在：" + p.talentId()));
            int year = p.decidedOn().getYear();
            String casePrefix = "RD" + year + "-";
            int caseSeq = caseNos.computeIfAbsent(casePrefix, k -> repository.nextNumber("case_no", k));
            caseNos.put(casePrefix, caseSeq + 1);
            String certPrefix = "ZSRC" + year + p.level();
            int certSeq = certNos.computeIfAbsent(certPrefix, k -> repository.nextNumber("certificate_no", k));
            certNos.put(certPrefix, certSeq + 1);
            LocalDate until = p.decidedOn().plusYears(rules.validityYears()).minusDays(1);
            repository.insertHistorical(new NewCase(casePrefix + String.format("%05d", caseSeq), t.id(), t.nodeId(),
                    route, Status.DECIDED, null, null, p.level(), p.ruleId() == null ? null : p.level(), p.ruleId(),
                    p.reason(), p.level(), route.label() + "（历史记录）", null, by, now), p.level(), p.decidedOn(),
                    certPrefix + String.format("%05d", certSeq), until);
            talents.setLevel(t.id(), p.level(), route.name(), p.decidedOn(), until);
            long caseId = repository.ofTalent(t.id()).get(0).id(); // the newest: the one just written
            events.publishEvent(new TalentEvents.Recognised(t.id(), p.level(), route.name(), p.decidedOn(), until,
                    caseId));
            n++;
        }
        return n;
    }

    public long createGroup(long nodeId, String field, String name, List<NewMember> members, String by) {
        if (rules.classification().field(field).isEmpty()) {
            throw new IllegalArgumentException("领域不在人才分类目录中：" + field);
        }
        long id = repository.insertGroup(nodeId, field, name, by, LocalDateTime.now(clock));
        for (NewMember m : members) {
            repository.insertMember(id, m.username(), m.displayName(), m.affiliation());
        }
        return id;
    }

    public long countCreatedBy(String by) {
        return repository.countCreatedBy(by);
    }

    public String nodePath(long nodeId) {
        return repository.nodePath(nodeId);
    }
}
