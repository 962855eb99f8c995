package cn.zugong.prosperity.internal.matching;

import cn.zugong.shared.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 聚力共富's pages: the 借力 list (/prosperity/matching), a need with its ranked candidates and why, the 给力 list, an
 * offer, engagements with outcomes and ratings. Office roles read inside their scope; ADMIN and REPORTER write.
 */
@Controller
class MatchingController {

    static final String BASE = "/prosperity/matching";

    private final MatchingService service;
    private final MatchingPlaces places;

    MatchingController(MatchingService service, MatchingPlaces places) {
        this.service = service;
        this.places = places;
    }

    @GetMapping(BASE)
    String needs(@RequestParam(required = false) String status, @RequestParam(required = false) String field,
                 @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                 CurrentUser user, Model model) {
        model.addAttribute("needs", service.needs(user, status, field, q, page));
        model.addAttribute("fields", service.fields());
        model.addAttribute("status", status);
        model.addAttribute("field", field);
        model.addAttribute("q", q);
        model.addAttribute("page", page);
        model.addAttribute("pageSize", MatchingService.PAGE);
        return "prosperity/matching/needs";
    }

    @GetMapping(BASE + "/needs/new")
    String newNeed(CurrentUser user, Model model) {
        MatchingService.requireWrite(user);
        model.addAttribute("fields", service.fields());
        model.addAttribute("places", places.of(user.scope(), false));
        return "prosperity/matching/need-form";
    }

    @PostMapping(BASE + "/needs")
    String postNeed(@ModelAttribute Forms.NeedForm form, CurrentUser user) {
        long id = service.postNeed(user, form.need());
        return "redirect:" + BASE + "/needs/" + id;
    }

    @GetMapping(BASE + "/needs/{id}")
    String need(@PathVariable long id, CurrentUser user, Model model) {
        model.addAttribute("need", service.need(user, id));
        model.addAttribute("candidates", service.candidates(user, id));
        model.addAttribute("rules", service.rules());
        model.addAttribute("engagements", service.engagements(user, id, null, null, 0));
        return "prosperity/matching/need";
    }

    @PostMapping(BASE + "/needs/{id}/withdraw")
    String withdraw(@PathVariable long id, CurrentUser user) {
        service.withdrawNeed(user, id);
        return "redirect:" + BASE + "/needs/" + id;
    }

    @PostMapping(BASE + "/needs/{id}/engagements")
    String engage(@PathVariable long id, @ModelAttribute Forms.EngageForm form, CurrentUser user) {
        long engagement = service.engage(user, form.engagement(id));
        return "redirect:" + BASE + "/engagements/" + engagement;
    }

    @GetMapping(BASE + "/offers")
    String offers(@RequestParam(required = false) String kind, @RequestParam(required = false) String field,
                  @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                  CurrentUser user, Model model) {
        model.addAttribute("offers", service.offers(user, kind, field, q, page));
        model.addAttribute("fields", service.fields());
        model.addAttribute("kind", kind);
        model.addAttribute("field", field);
        model.addAttribute("q", q);
        model.addAttribute("page", page);
        model.addAttribute("pageSize", MatchingService.PAGE);
        return "prosperity/matching/offers";
    }

    @GetMapping(BASE + "/offers/new")
    String newOffer(CurrentUser user, Model model) {
        MatchingService.requireWrite(user);
        model.addAttribute("fields", service.fields());
        model.addAttribute("places", places.of(new cn.zugong.shared.OrgScope(user.scope().nodeId(),
                cityPath(user.scope().path())), true));
        return "prosperity/matching/offer-form";
    }

    /** An offer may serve anywhere in the caller's city: the places list starts at the city (path /33/3309/). */
    private static String cityPath(String path) {
        String[] parts = path.split("/");
        return parts.length >= 3 ? "/" + parts[1] + "/" + parts[2] + "/" : path;
    }

    @PostMapping(BASE + "/offers")
    String postOffer(@ModelAttribute Forms.OfferForm form, CurrentUser user) {
        long id = service.registerOffer(user, form.offer());
        return "redirect:" + BASE + "/offers/" + id;
    }

    @GetMapping(BASE + "/offers/{id}")
    String offer(@PathVariable long id, CurrentUser user, Model model) {
        model.addAttribute("offer", service.offer(user, id));
        model.addAttribute("engagements", service.engagements(user, null, id, null, 0));
        return "prosperity/matching/offer";
    }

    /** htmx: the full phone replaces the masked one (admins only, audited). */
    @PostMapping(BASE + "/offers/{id}/unmask")
    String unmask(@PathVariable long id, CurrentUser user, Model model, HttpServletResponse response) {
        model.addAttribute("value", service.offerPhone(user, id));
        response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
        return "prosperity/matching/unmasked :: value";
    }

    @PostMapping(BASE + "/offers/{id}/withdraw")
    String withdrawOffer(@PathVariable long id, CurrentUser user) {
        service.withdrawOffer(user, id);
        return "redirect:" + BASE + "/offers/" + id;
    }

    @GetMapping(BASE + "/engagements")
    String engagements(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
                       CurrentUser user, Model model) {
        model.addAttribute("engagements", service.engagements(user, null, null, status, page));
        model.addAttribute("status", status);
        model.addAttribute("page", page);
        model.addAttribute("pageSize", MatchingService.PAGE);
        return "prosperity/matching/engagements";
    }

    @GetMapping(BASE + "/engagements/{id}")
    String engagement(@PathVariable long id, CurrentUser user, Model model) {
        model.addAttribute("p", service.engagement(user, id));
        return "prosperity/matching/engagement";
    }

    @PostMapping(BASE + "/engagements/{id}/outcomes")
    String outcome(@PathVariable long id, @ModelAttribute Forms.OutcomeForm form, CurrentUser user) {
        service.addOutcome(user, id, form.outcome());
        return "redirect:" + BASE + "/engagements/" + id;
    }

    @PostMapping(BASE + "/engagements/{id}/ratings")
    String rate(@PathVariable long id, @ModelAttribute Forms.RatingForm form, CurrentUser user) {
        service.rate(user, id, form.side(), Forms.n(form.stars()), form.comment());
        return "redirect:" + BASE + "/engagements/" + id;
    }

    @PostMapping(BASE + "/engagements/{id}/complete")
    String complete(@PathVariable long id, @ModelAttribute Forms.CompleteForm form, CurrentUser user) {
        service.complete(user, id, form.on());
        return "redirect:" + BASE + "/engagements/" + id;
    }
}
