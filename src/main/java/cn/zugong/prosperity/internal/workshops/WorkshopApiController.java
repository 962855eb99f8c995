package cn.zugong.prosperity.internal.workshops;

import cn.zugong.prosperity.WorkshopFigures;
import cn.zugong.prosperity.WorkshopPeriod;
import cn.zugong.prosperity.internal.workshops.WorkshopStore.Filter;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.PageResult;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The JSON API of 共富工坊 and 百企联百村 (same rules and services as the pages). */
@RestController
class WorkshopApiController {

    static final String BASE = "/api/prosperity/workshops";
    static final String PAIRS = "/api/prosperity/pairs";

    private final Workshops workshops;
    private final Pairs pairs;
    private final WorkshopFigures figures;

    WorkshopApiController(Workshops workshops, Pairs pairs, WorkshopFigures figures) {
        this.workshops = workshops;
        this.pairs = pairs;
        this.figures = figures;
    }

    @GetMapping(BASE)
    PageResult<WorkshopStore.Row> list(@RequestParam(required = false) Long county,
                                       @RequestParam(required = false) String type,
                                       @RequestParam(required = false) String status,
                                       @RequestParam(required = false) String q,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size, CurrentUser user) {
        return workshops.list(user, new Filter(county, type, status, q), page, size);
    }

    @PostMapping(BASE)
    Map<String, Object> create(@RequestBody Workshops.Form form, CurrentUser user) {
        return Map.of("id", workshops.create(form, user));
    }

    @GetMapping(BASE + "/{id}")
    Workshops.Detail detail(@PathVariable long id, CurrentUser user) {
        return workshops.detail(id, user);
    }

    @PostMapping(BASE + "/{id}/ledger")
    Map<String, Object> ledger(@PathVariable long id, @RequestBody Workshops.LedgerForm form, CurrentUser user) {
        Workshops.Saved saved = workshops.enterLedger(id, form, user, "FORM");
        return Map.of("workshopId", id, "month", WorkshopPeriod.month(saved.row().month()).toString(),
                "corrected", saved.replaced());
    }

    @GetMapping(BASE + "/figures")
    WorkshopFigures.Figures figures(@RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to, CurrentUser user) {
        Access.requireOffice(user);
        return figures.of(user.scope(), Periods.parse(from, to, workshops.currentMonth()));
    }

    @GetMapping(PAIRS)
    java.util.List<Pairs.Pair> pairs(CurrentUser user) {
        return pairs.pairs(user, 2000);
    }

    @PostMapping(PAIRS)
    Map<String, Object> addPair(@RequestBody Pairs.PairForm form, CurrentUser user) {
        return Map.of("id", pairs.addPair(form, user));
    }

    @GetMapping(PAIRS + "/figures")
    WorkshopFigures.PairFigures pairFigures(CurrentUser user) {
        Access.requireOffice(user);
        return figures.pairs(user.scope());
    }

    @GetMapping(PAIRS + "/companies")
    java.util.List<Pairs.Company> companies(CurrentUser user) {
        return pairs.companies(user);
    }

    @GetMapping(PAIRS + "/companies/{id}")
    Pairs.CompanyDetail company(@PathVariable long id, CurrentUser user) {
        return pairs.company(id, user);
    }
}
