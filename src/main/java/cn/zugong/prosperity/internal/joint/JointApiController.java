package cn.zugong.prosperity.internal.joint;

import cn.zugong.prosperity.JointCommittees;
import cn.zugong.prosperity.JointFigures;
import cn.zugong.shared.CurrentUser;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 党建联建 JSON (/api/prosperity/joint/**, ADR 073): the same reads, figures and writes as the pages. */
@RestController
class JointApiController {

    private final JointCommittees committees;
    private final JointReads reads;
    private final JointFigures figures;
    private final JointController pages;

    JointApiController(JointCommittees committees, JointReads reads, JointFigures figures, JointController pages) {
        this.committees = committees;
        this.reads = reads;
        this.figures = figures;
        this.pages = pages;
    }

    @GetMapping("/api/prosperity/joint/committees")
    List<JointReads.Summary> list(CurrentUser user) {
        return reads.list(user);
    }

    @GetMapping("/api/prosperity/joint/committees/{committeeId}")
    JointReads.Detail detail(@PathVariable long committeeId, CurrentUser user) {
        return reads.detail(committeeId, user);
    }

    @PostMapping("/api/prosperity/joint/committees")
    Map<String, Long> create(@RequestBody JointCommittees.NewCommittee body, CurrentUser user) {
        return Map.of("id", committees.create(body, user));
    }

    @PostMapping("/api/prosperity/joint/committees/{committeeId}/terms")
    Map<String, Long> addTerm(@PathVariable long committeeId, @RequestBody JointCommittees.NewTerm body,
                              CurrentUser user) {
        return Map.of("id", committees.addTerm(committeeId, body, user));
    }

    @PostMapping("/api/prosperity/joint/projects/{projectId}/results")
    Map<String, Long> addResult(@PathVariable long projectId, @RequestBody JointCommittees.NewResult body,
                                CurrentUser user) {
        return Map.of("id", committees.addResult(projectId, body, user));
    }

    @GetMapping("/api/prosperity/joint/figures")
    JointFigures.Figures figures(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            CurrentUser user) {
        JointService.requireOffice(user);
        return figures.of(user.scope(), pages.from(from), pages.to(to));
    }
}
