package cn.zugong.annual.internal;

import cn.zugong.annual.internal.ReviewRecords.FrozenFigure;
import cn.zugong.annual.internal.ReviewRecords.Review;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.figures.FigureRecords;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The API of 这一年: reviews of the scope, generate, a review with its figures, edit, publish, provenance, catalogue. */
@RestController
@RequestMapping("/api/annual")
class AnnualApiController {

    private final ReviewService reviews;

    AnnualApiController(ReviewService reviews) {
        this.reviews = reviews;
    }

    record ReviewSummary(long id, long nodeId, String nodeName, LocalDate from, LocalDate to, String status,
                         String title) {
        static ReviewSummary of(Review r) {
            return new ReviewSummary(r.id(), r.nodeId(), r.nodeName(), r.from(), r.to(), r.status(), r.title());
        }
    }

    record GenerateRequest(Long nodeId, Integer year, LocalDate from, LocalDate to) {
    }

    record FigureJson(String key, String name, String source, String measure, String unit, String definition,
                      BigDecimal value, BigDecimal previous, String phrased, String change) {
        static FigureJson of(FrozenFigure f) {
            return new FigureJson(f.key(), f.name(), f.source(), f.measure(), f.unit(), f.definition(), f.value(),
                    f.previous(), f.phrased(), f.change().orElse(null));
        }
    }

    record ParagraphJson(long id, String section, String heading, String body, String text) {
    }

    record ReviewJson(ReviewSummary review, List<String> missingModules, List<FigureJson> figures,
                      List<ParagraphJson> paragraphs, Map<String, String> notes) {
    }

    record ParagraphEdit(long id, String body) {
    }

    @GetMapping
    List<ReviewSummary> list(CurrentUser user) {
        return reviews.list(user).stream().map(ReviewSummary::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ReviewJson generate(@RequestBody GenerateRequest request, CurrentUser user) {
        LocalDate[] period = reviews.period(request.year(), request.from(), request.to());
        return json(reviews.view(reviews.generate(request.nodeId(), period[0], period[1], user), user));
    }

    @GetMapping("/{id}")
    ReviewJson get(@PathVariable long id, CurrentUser user) {
        return json(reviews.view(id, user));
    }

    @PutMapping("/{id}/paragraphs")
    ReviewJson edit(@PathVariable long id, @RequestBody List<ParagraphEdit> edits, CurrentUser user) {
        Map<Long, String> bodies = new LinkedHashMap<>();
        edits.forEach(e -> bodies.put(e.id(), e.body()));
        reviews.edit(id, bodies, user);
        return json(reviews.view(id, user));
    }

    @PostMapping("/{id}/publish")
    ReviewJson publish(@PathVariable long id, CurrentUser user) {
        reviews.publish(id, user);
        return json(reviews.view(id, user));
    }

    @GetMapping("/{id}/figures/{key}/records")
    FigureRecords records(@PathVariable long id, @PathVariable String key, CurrentUser user) {
        return reviews.provenance(id, key, user).records();
    }

    @GetMapping("/catalogue")
    Catalogue catalogue(CurrentUser user) {
        AnnualAccess.requireReader(user);
        return reviews.catalogue();
    }

    private static ReviewJson json(ReviewView v) {
        Map<String, String> notes = new LinkedHashMap<>();
        v.sections().stream().filter(s -> s.note() != null).forEach(s -> notes.put(s.key(), s.note()));
        return new ReviewJson(ReviewSummary.of(v.review()), v.review().missingModules(),
                v.figures().values().stream().map(FigureJson::of).toList(),
                v.sections().stream().flatMap(s -> s.paragraphs().stream()
                        .map(p -> new ParagraphJson(p.id(), s.key(), p.heading(), p.body(), p.text()))).toList(),
                notes);
    }
}
