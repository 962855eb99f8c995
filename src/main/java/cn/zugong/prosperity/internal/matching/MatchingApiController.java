package cn.zugong.prosperity.internal.matching;

import cn.zugong.shared.CurrentUser;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 聚力共富's JSON under /api/prosperity/matching: the same service, scope and roles as the pages. */
@RestController
class MatchingApiController {

    static final String BASE = "/api/prosperity/matching";

    private final MatchingService service;

    MatchingApiController(MatchingService service) {
        this.service = service;
    }

    record Created(long id) {
    }

    /** A need with its ranked candidates (each with the points of every component and why). */
    record NeedView(Rows.Need need, List<Rows.Candidate> candidates, List<Rows.Engagement> engagements) {
    }

    @GetMapping(BASE + "/fields")
    List<Rows.Field> fields(CurrentUser user) {
        MatchingService.requireOffice(user);
        return service.fields();
    }

    @GetMapping(BASE + "/needs")
    List<Rows.Need> needs(@RequestParam(required = false) String status, @RequestParam(required = false) String field,
                          @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                          CurrentUser user) {
        return service.needs(user, status, field, q, page);
    }

    @PostMapping(BASE + "/needs")
    ResponseEntity<Created> postNeed(@RequestBody Forms.NeedRequest request, CurrentUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(service.postNeed(user, request.need())));
    }

    @GetMapping(BASE + "/needs/{id}")
    NeedView need(@PathVariable long id, CurrentUser user) {
        return new NeedView(service.need(user, id), service.candidates(user, id),
                service.engagements(user, id, null, null, 0));
    }

    @GetMapping(BASE + "/needs/{id}/candidates")
    List<Rows.Candidate> candidates(@PathVariable long id, CurrentUser user) {
        return service.candidates(user, id);
    }

    @PostMapping(BASE + "/needs/{id}/withdraw")
    Map<String, String> withdraw(@PathVariable long id, CurrentUser user) {
        service.withdrawNeed(user, id);
        return Map.of("status", "WITHDRAWN");
    }

    @PostMapping(BASE + "/needs/{id}/engagements")
    ResponseEntity<Created> engage(@PathVariable long id, @RequestBody Forms.EngageForm form, CurrentUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(service.engage(user, form.engagement(id))));
    }

    @GetMapping(BASE + "/offers")
    List<Rows.Offer> offers(@RequestParam(required = false) String kind, @RequestParam(required = false) String field,
                            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                            CurrentUser user) {
        return service.offers(user, kind, field, q, page);
    }

    @PostMapping(BASE + "/offers")
    ResponseEntity<Created> postOffer(@RequestBody Forms.OfferRequest request, CurrentUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(service.registerOffer(user, request.offer())));
    }

    @GetMapping(BASE + "/offers/{id}")
    Rows.Offer offer(@PathVariable long id, CurrentUser user) {
        return service.offer(user, id);
    }

    @PostMapping(BASE + "/offers/{id}/unmask")
    ResponseEntity<Map<String, String>> unmask(@PathVariable long id, CurrentUser user) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(Map.of("field", "phone", "value", service.offerPhone(user, id)));
    }

    @PostMapping(BASE + "/offers/{id}/withdraw")
    Map<String, String> withdrawOffer(@PathVariable long id, CurrentUser user) {
        service.withdrawOffer(user, id);
        return Map.of("status", "WITHDRAWN");
    }

    @GetMapping(BASE + "/engagements")
    List<Rows.Engagement> engagements(@RequestParam(required = false) Long needId,
                                      @RequestParam(required = false) Long offerId,
                                      @RequestParam(required = false) String status,
                                      @RequestParam(defaultValue = "0") int page, CurrentUser user) {
        return service.engagements(user, needId, offerId, status, page);
    }

    @GetMapping(BASE + "/engagements/{id}")
    MatchingService.EngagementPage engagement(@PathVariable long id, CurrentUser user) {
        return service.engagement(user, id);
    }

    @PostMapping(BASE + "/engagements/{id}/outcomes")
    ResponseEntity<Created> outcome(@PathVariable long id, @RequestBody Forms.OutcomeForm form, CurrentUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(service.addOutcome(user, id, form.outcome())));
    }

    @PostMapping(BASE + "/engagements/{id}/ratings")
    ResponseEntity<Created> rate(@PathVariable long id, @RequestBody Forms.RatingForm form, CurrentUser user) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Created(service.rate(user, id, form.side(), Forms.n(form.stars()), form.comment())));
    }

    @PostMapping(BASE + "/engagements/{id}/complete")
    Map<String, String> complete(@PathVariable long id, @RequestBody(required = false) Forms.CompleteForm form,
                                 CurrentUser user) {
        service.complete(user, id, form == null ? null : form.on());
        return Map.of("status", "DONE");
    }
}
