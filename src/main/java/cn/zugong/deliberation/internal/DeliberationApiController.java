package cn.zugong.deliberation.internal;

import cn.zugong.deliberation.DeliberationFigures;
import cn.zugong.deliberation.Figures;
import cn.zugong.deliberation.Matter;
import cn.zugong.deliberation.Matters;
import cn.zugong.deliberation.Meeting;
import cn.zugong.deliberation.MeetingLevel;
import cn.zugong.deliberation.Meetings;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.deliberation.internal.DeliberationForms.FigureRange;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read API of 三事分流: a matter, a community's next sitting and agenda per level, the figures. */
@RestController
@RequestMapping("/api/deliberation")
class DeliberationApiController {

    private final Matters matters;
    private final Meetings meetings;
    private final DeliberationFigures figures;

    DeliberationApiController(Matters matters, Meetings meetings, DeliberationFigures figures) {
        this.matters = matters;
        this.meetings = meetings;
        this.figures = figures;
    }

    @GetMapping("/matters/{id}")
    Matter matter(@PathVariable long id, CurrentUser user) {
        return matters.get(id, user);
    }

    /** The next sitting of the level and what it will deliberate. */
    @GetMapping("/agenda")
    Map<String, Object> agenda(@RequestParam(required = false) Long nodeId, @RequestParam(required = false) String level,
                               CurrentUser user) {
        MeetingLevel l = MeetingLevel.parse(level);
        if (nodeId == null || l == null) {
            throw new ConflictException("请指定村（社区）nodeId 和会议层级 level（JOINT / COUNCIL / GRID）");
        }
        Meeting next = meetings.next(nodeId, l, user);
        List<Matter> agenda = meetings.agenda(nodeId, l, user);
        return Map.of("meeting", next, "agenda", agenda);
    }

    @GetMapping("/figures")
    Figures figures(@Valid FigureRange range, CurrentUser user) {
        return figures.of(range.nodeId(), range.from(), range.to(), user);
    }
}
