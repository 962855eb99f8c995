package cn.zugong.cadre.internal.care;

import cn.zugong.cadre.CareFigures;
import cn.zugong.cadre.internal.CadreAccess;
import cn.zugong.cadre.CareRecords.Decide;
import cn.zugong.cadre.CareRecords.NewBatch;
import cn.zugong.cadre.CareRecords.NewCase;
import cn.zugong.cadre.CareRecords.NewClearance;
import cn.zugong.cadre.CareRecords.NewDiscipline;
import cn.zugong.cadre.CareRecords.NewItem;
import cn.zugong.cadre.CareRecords.NewNomination;
import cn.zugong.cadre.CareRecords.NewReuse;
import cn.zugong.cadre.CareRecords.NewVisit;
import cn.zugong.cadre.CareRecords.Publicity;
import cn.zugong.cadre.CareRecords.Review;
import cn.zugong.cadre.CareRecords.Verify;
import cn.zugong.cadre.internal.care.CareViews.BatchDetail;
import cn.zugong.cadre.internal.care.CareViews.BatchLine;
import cn.zugong.cadre.internal.care.CareViews.CaseDetail;
import cn.zugong.cadre.internal.care.CareViews.CaseLine;
import cn.zugong.cadre.internal.care.CareViews.ClearanceLine;
import cn.zugong.cadre.internal.care.CareViews.Criterion;
import cn.zugong.cadre.internal.care.CareViews.DisciplineDetail;
import cn.zugong.cadre.internal.care.CareViews.DisciplineLine;
import cn.zugong.cadre.internal.care.CareViews.ExemplarLine;
import cn.zugong.cadre.internal.care.CareViews.Overdue;
import cn.zugong.cadre.internal.care.CareViews.ReuseLine;
import cn.zugong.people.CadreCarePeople;
import cn.zugong.shared.CurrentUser;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 激励关爱 over JSON (ADR 077): the same services and checks as the pages; every route answers 404 to anyone but
 * ADMIN and 干部监督 (ADR 074), every read is audited.
 */
@RestController
class CareApiController {

    static final String BASE = "/api/cadres/care";

    private final CareService service;
    private final CareReads reads;
    private final CareFigures figures;
    private final CareExport export;
    private final CadreCarePeople people;
    private final CadreAccess access;

    CareApiController(CareService service, CareReads reads, CareFigures figures, CareExport export,
                      CadreCarePeople people, CadreAccess access) {
        this.service = service;
        this.reads = reads;
        this.figures = figures;
        this.export = export;
        this.people = people;
        this.access = access;
    }

    private static Map<String, Object> id(long id) {
        return Map.of("id", id);
    }

    @GetMapping(BASE + "/figures")
    CareFigures.Figures figures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                LocalDate to, @RequestParam(required = false) Integer year, CurrentUser user) {
        access.requireSensitive(user);
        CarePeriod p = CarePeriod.of(from, to, year, reads.today());
        return figures.of(user.scope(), p.from(), p.to(), reads.today());
    }

    @GetMapping(BASE + "/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                  LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                  LocalDate to, @RequestParam(required = false) Integer year, CurrentUser user) {
        return export.download(CarePeriod.of(from, to, year, reads.today()), user);
    }

    @GetMapping(BASE + "/people")
    List<CadreCarePeople.Subject> people(@RequestParam(required = false) String q, CurrentUser user) {
        access.requireSensitive(user);
        return q == null || q.isBlank() ? List.of() : people.search(q, user.scope(), 20);
    }

    // 容错纠错
    @GetMapping(BASE + "/criteria")
    List<Criterion> criteria(CurrentUser user) {
        return reads.criteria(user);
    }

    @GetMapping(BASE + "/cases")
    List<CaseLine> cases(CurrentUser user) {
        return reads.cases(user);
    }

    @GetMapping(BASE + "/cases/{id}")
    CaseDetail caseDetail(@PathVariable long id, CurrentUser user) {
        return reads.caseDetail(id, user);
    }

    @PostMapping(BASE + "/cases")
    Map<String, Object> apply(@RequestBody NewCase f, CurrentUser user) {
        return id(service.apply(f, user));
    }

    @PostMapping(BASE + "/cases/{id}/verify")
    Map<String, Object> verify(@PathVariable long id, @RequestBody Verify f, CurrentUser user) {
        service.verify(id, f, user);
        return id(id);
    }

    @PostMapping(BASE + "/cases/{id}/decide")
    Map<String, Object> decide(@PathVariable long id, @RequestBody Decide f, CurrentUser user) {
        service.decide(id, f, user);
        return id(id);
    }

    // 澄清正名
    @GetMapping(BASE + "/clearances")
    List<ClearanceLine> clearances(CurrentUser user) {
        return reads.clearances(user);
    }

    @GetMapping(BASE + "/clearances/{id}")
    ClearanceLine clearance(@PathVariable long id, CurrentUser user) {
        return reads.clearance(id, user);
    }

    @PostMapping(BASE + "/clearances")
    Map<String, Object> clear(@RequestBody NewClearance f, CurrentUser user) {
        return id(service.clear(f, user));
    }

    // 处理处分, 暖心回访, 督办
    @GetMapping(BASE + "/disciplines")
    List<DisciplineLine> disciplines(CurrentUser user) {
        return reads.disciplines(user);
    }

    @GetMapping(BASE + "/disciplines/{id}")
    DisciplineDetail discipline(@PathVariable long id, CurrentUser user) {
        return reads.discipline(id, user);
    }

    @PostMapping(BASE + "/disciplines")
    Map<String, Object> discipline(@RequestBody NewDiscipline f, CurrentUser user) {
        return id(service.discipline(f, user));
    }

    @PostMapping(BASE + "/disciplines/{id}/visits")
    Map<String, Object> visit(@PathVariable long id, @RequestBody NewVisit f, CurrentUser user) {
        service.visit(id, f, user);
        return id(id);
    }

    @PostMapping(BASE + "/disciplines/{id}/dunning")
    Map<String, Object> dun(@PathVariable long id, CurrentUser user) {
        return Map.of("id", id, "level", service.dun(id, user).name());
    }

    @GetMapping(BASE + "/overdue")
    List<Overdue> overdue(CurrentUser user) {
        return reads.overdue(user);
    }

    // re-use
    @GetMapping(BASE + "/reuses")
    List<ReuseLine> reuses(CurrentUser user) {
        return reads.reuses(user);
    }

    @PostMapping(BASE + "/reuses")
    Map<String, Object> reuse(@RequestBody NewReuse f, CurrentUser user) {
        return id(service.reuse(f, user));
    }

    // 及时奖励
    @GetMapping(BASE + "/rewards")
    List<BatchLine> batches(CurrentUser user) {
        return reads.batches(user);
    }

    @GetMapping(BASE + "/rewards/{id}")
    BatchDetail batch(@PathVariable long id, CurrentUser user) {
        return reads.batch(id, user);
    }

    @PostMapping(BASE + "/rewards")
    Map<String, Object> batch(@RequestBody NewBatch f, CurrentUser user) {
        return id(service.batch(f, user));
    }

    @PostMapping(BASE + "/rewards/{id}/items")
    Map<String, Object> item(@PathVariable long id, @RequestBody NewItem f, CurrentUser user) {
        service.item(id, f, user);
        return id(id);
    }

    // 担当作为好干部
    @GetMapping(BASE + "/exemplars")
    List<ExemplarLine> exemplars(CurrentUser user) {
        return reads.exemplars(user);
    }

    @GetMapping(BASE + "/exemplars/{id}")
    ExemplarLine exemplar(@PathVariable long id, CurrentUser user) {
        return reads.exemplar(id, user);
    }

    @PostMapping(BASE + "/exemplars")
    Map<String, Object> nominate(@RequestBody NewNomination f, CurrentUser user) {
        return id(service.nominate(f, user));
    }

    @PostMapping(BASE + "/exemplars/{id}/review")
    Map<String, Object> review(@PathVariable long id, @RequestBody Review f, CurrentUser user) {
        service.review(id, f, user);
        return id(id);
    }

    @PostMapping(BASE + "/exemplars/{id}/publicity")
    Map<String, Object> publicize(@PathVariable long id, @RequestBody Publicity f, CurrentUser user) {
        service.publicize(id, f, user);
        return id(id);
    }

    @PostMapping(BASE + "/exemplars/{id}/publish")
    Map<String, Object> publish(@PathVariable long id, CurrentUser user) {
        service.publish(id, user);
        return id(id);
    }
}
