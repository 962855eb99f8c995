package cn.zugong.rating.internal.evaluation;

import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.rating.EvaluationScheme;
import cn.zugong.rating.ReservePool;
import cn.zugong.rating.internal.evaluation.EvaluationService.SubjectResult;
import cn.zugong.rating.internal.evaluation.EvaluationStore.Campaign;
import cn.zugong.shared.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON of 双述双评双比 (ADR 066): campaigns, subjects, results (counts per grade, never a rater), adjustments and the
 * reserve pool; the same rules of scope and role as the pages. The vote API belongs to the ballots part.
 */
@RestController
@RequestMapping("/api/ratings/evaluation")
class EvaluationApiController {

    private final EvaluationService service;
    private final AuditTrail audit;
    private final Clock clock;

    EvaluationApiController(EvaluationService service, AuditTrail audit, Clock clock) {
        this.service = service;
        this.audit = audit;
        this.clock = clock;
    }

    record NewCampaignBody(String scheme, int year, String name, String opensAt, String closesAt) {
    }

    record DecisionBody(String decision, String note) {
    }

    @GetMapping("/campaigns")
    List<Map<String, Object>> campaigns(CurrentUser user) {
        return service.campaigns(user).stream().map(this::campaign).toList();
    }

    @PostMapping("/campaigns")
    Map<String, Object> create(@RequestBody NewCampaignBody body, CurrentUser user) {
        long id = service.create(user, body.scheme(), body.year(), body.name(), instant(body.opensAt()),
                instant(body.closesAt()));
        return campaign(service.campaign(id, user));
    }

    @GetMapping("/campaigns/{id}")
    Map<String, Object> campaign(@PathVariable long id, CurrentUser user) {
        Campaign c = service.campaign(id, user);
        Map<String, Object> out = campaign(c);
        out.put("villages", service.turnout(c, user).stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("orgNodeId", t.orgNodeId());
            m.put("raters", t.raters());
            m.put("coded", t.coded());
            m.put("voted", t.voted());
            m.put("online", t.online());
            m.put("paper", t.paper());
            return m;
        }).toList());
        return out;
    }

    @GetMapping("/campaigns/{id}/subjects")
    List<Map<String, Object>> subjects(@PathVariable long id, CurrentUser user) {
        Campaign c = service.campaign(id, user);
        return service.results(c, user).stream().flatMap(v -> v.subjects().stream().map(s -> {
            Map<String, Object> m = subject(s);
            m.put("village", v.village().name());
            m.put("reportText", s.subject().reportText());
            return m;
        })).toList();
    }

    /** Results: per subject the weighted points, the grade and the votes per group and grade; per village turnout. */
    @GetMapping("/campaigns/{id}/results")
    List<Map<String, Object>> results(@PathVariable long id, CurrentUser user) {
        Campaign c = service.campaign(id, user);
        EvaluationScheme scheme = service.scheme(c);
        return service.results(c, user).stream().map(v -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("orgNodeId", v.village().orgNodeId());
            m.put("village", v.village().name());
            m.put("township", v.village().township());
            m.put("raters", v.turnout().raters());
            m.put("voted", v.turnout().voted());
            m.put("subjects", v.subjects().stream().map(s -> {
                Map<String, Object> r = subject(s);
                r.put("points", s.result().points());
                r.put("grade", s.result().grade());
                r.put("gradeLabel", EvaluationSheets.label(scheme, s.result().grade()));
                r.put("poorByShare", s.result().poorByShare());
                r.put("votes", s.votes());
                r.put("totalVotes", s.total());
                return r;
            }).toList());
            return m;
        }).toList();
    }

    @GetMapping("/campaigns/{id}/adjustments")
    List<Map<String, Object>> adjustments(@PathVariable long id, CurrentUser user) {
        Campaign c = service.campaign(id, user);
        Map<Long, SubjectResult> bySubject = new HashMap<>();
        service.results(c, user).forEach(v -> v.subjects().forEach(s -> bySubject.put(s.subject().id(), s)));
        return service.adjustments(c, user).stream().map(a -> {
            SubjectResult s = bySubject.get(a.subjectId());
            Map<String, Object> m = s == null ? new LinkedHashMap<>() : subject(s);
            m.put("subjectId", a.subjectId());
            m.put("points", s == null ? null : s.result().points());
            m.put("decision", a.decision());
            m.put("decisionLabel", a.decision() == null ? null : EvaluationService.DECISIONS.get(a.decision()));
            m.put("note", a.note());
            m.put("decidedBy", a.decidedBy());
            m.put("decidedAt", a.decidedAt() == null ? null : a.decidedAt().toString());
            return m;
        }).toList();
    }

    @PostMapping("/subjects/{id}/decision")
    Map<String, Object> decide(@PathVariable long id, @RequestBody DecisionBody body, CurrentUser user) {
        service.subject(id, user);
        service.decide(user, id, body.decision(), body.note());
        return Map.of("subjectId", id, "decision", body.decision());
    }

    @GetMapping("/reserve")
    List<Map<String, Object>> reserve(CurrentUser user) {
        EvaluationService.office(user);
        List<ReservePool.Candidate> list = service.list(user.scope());
        audit.record(AuditEvent.read("PE_RESERVE", user.scope().nodeId(), "接口查询后备人选 " + list.size() + " 人"));
        LocalDate today = LocalDate.now(clock);
        return list.stream().map(x -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", x.id());
            m.put("orgNodeId", x.orgNodeId());
            m.put("village", x.village());
            m.put("name", x.name());
            m.put("gender", x.gender());
            m.put("birthDate", x.birthDate().toString());
            m.put("age", x.age(today));
            m.put("education", x.education());
            m.put("recommendedBy", x.recommendedBy());
            m.put("note", x.note());
            return m;
        }).toList();
    }

    private Map<String, Object> subject(SubjectResult s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.subject().id());
        m.put("orgNodeId", s.subject().orgNodeId());
        m.put("kind", s.subject().kind());
        m.put("name", s.subject().name());
        m.put("post", s.subject().post());
        m.put("gender", s.subject().gender());
        m.put("birthDate", s.subject().birthDate() == null ? null : s.subject().birthDate().toString());
        m.put("education", s.subject().education());
        m.put("townshipGrade", s.subject().townshipGrade());
        return m;
    }

    private Map<String, Object> campaign(Campaign c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("nodeId", c.nodeId());
        m.put("node", c.nodeName());
        m.put("scheme", c.schemeCode() + "@" + c.schemeVersion());
        m.put("year", c.year());
        m.put("name", c.name());
        m.put("opensAt", c.opensAt().toString());
        m.put("closesAt", c.closesAt().toString());
        m.put("status", c.status());
        return m;
    }

    private java.time.Instant instant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDateTime.parse(s).atZone(clock.getZone()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new cn.zugong.shared.BadRequestException("时间格式应为 yyyy-MM-ddTHH:mm：" + s);
        }
    }
}
