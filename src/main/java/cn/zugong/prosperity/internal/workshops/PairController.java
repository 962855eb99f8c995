package cn.zugong.prosperity.internal.workshops;

import cn.zugong.prosperity.WorkshopFigures;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 百企联百村 and 强村公司 pages: the figures, the pairs, the companies; ADMIN adds and ends. */
@Controller
class PairController {

    static final String BASE = "/prosperity/pairs";

    private final Pairs pairs;
    private final Workshops workshops;
    private final WorkshopFigures figures;

    PairController(Pairs pairs, Workshops workshops, WorkshopFigures figures) {
        this.pairs = pairs;
        this.workshops = workshops;
        this.figures = figures;
    }

    @GetMapping(BASE)
    String home(CurrentUser user, Model model) {
        return page(user, model, null, null, Map.of());
    }

    private String page(CurrentUser user, Model model, Pairs.PairForm pairForm, Pairs.CompanyForm companyForm,
                        Map<String, String> errors) {
        Access.requireOffice(user);
        model.addAttribute("p", figures.pairs(user.scope()));
        model.addAttribute("pairs", pairs.pairs(user, 500));
        model.addAttribute("companies", pairs.companies(user));
        model.addAttribute("canAdmin", user.role() == Role.ADMIN);
        model.addAttribute("errors", errors);
        model.addAttribute("pairForm", pairForm);
        model.addAttribute("companyForm", companyForm);
        if (user.role() == Role.ADMIN) {
            model.addAttribute("villages", workshops.villageChoices(user));
            model.addAttribute("counties", workshops.countiesWithin(user));
        }
        return "prosperity/workshops/pairs";
    }

    @PostMapping(BASE)
    String addPair(Pairs.PairForm form, CurrentUser user, Model model, HttpServletResponse response) {
        try {
            pairs.addPair(form, user);
            return "redirect:" + BASE + "?saved";
        } catch (FormRefused e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(user, model, form, null, e.fields());
        }
    }

    @PostMapping(BASE + "/{id}/end")
    String endPair(@PathVariable long id, CurrentUser user) {
        pairs.endPair(id, user);
        return "redirect:" + BASE + "?ended";
    }

    @PostMapping(BASE + "/companies")
    String addCompany(Pairs.CompanyForm form, CurrentUser user, Model model, HttpServletResponse response) {
        try {
            long id = pairs.addCompany(form, user);
            return "redirect:" + BASE + "/companies/" + id + "?saved";
        } catch (FormRefused e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(user, model, null, form, e.fields());
        }
    }

    @GetMapping(BASE + "/companies/{id}")
    String company(@PathVariable long id, CurrentUser user, Model model) {
        model.addAttribute("c", pairs.company(id, user));
        model.addAttribute("canAdmin", user.role() == Role.ADMIN);
        model.addAttribute("errors", Map.of());
        return "prosperity/workshops/company";
    }

    @PostMapping(BASE + "/companies/{id}/revenue")
    String revenue(@PathVariable long id, @RequestParam(required = false) String revenueYear,
                   @RequestParam(required = false) String revenue, CurrentUser user, Model model,
                   HttpServletResponse response) {
        try {
            pairs.setRevenue(id, revenueYear, revenue, user);
            return "redirect:" + BASE + "/companies/" + id + "?saved";
        } catch (FormRefused e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("c", pairs.company(id, user));
            model.addAttribute("canAdmin", true);
            model.addAttribute("errors", e.fields());
            return "prosperity/workshops/company";
        }
    }
}
