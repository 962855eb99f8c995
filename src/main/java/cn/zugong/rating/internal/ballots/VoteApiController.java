package cn.zugong.rating.internal.ballots;

import cn.zugong.rating.EvaluationScheme;
import cn.zugong.rating.EvaluationSchemes;
import cn.zugong.rating.internal.evaluation.BallotBox;
import cn.zugong.rating.internal.evaluation.RaterCodes;
import cn.zugong.rating.internal.evaluation.WrongCodeThrottle;
import cn.zugong.rating.internal.evaluation.RaterCodes.RaterRef;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The raters' JSON vote API (public, ADR 062/067): {@code GET /api/ratings/vote?code=…} gives what the code opens —
 * the campaign, the own village's subjects and the grades, nothing about any other rater — and
 * {@code POST /api/ratings/vote} casts the rater's one sheet through the {@link BallotBox}. Wrong codes are limited
 * per client address ({@link WrongCodeThrottle}). Answers: 404 unknown code, 409 already voted, 400 window closed,
 * bad grade or a subject not of the rater's village.
 */
@RestController
class VoteApiController {

    static final String PATH = "/api/ratings/vote";

    /** One mark as sent: the subject's id and a grade code (A) or label (好). */
    record MarkBody(Long subject, String grade) {
    }

    record VoteBody(String code, List<MarkBody> marks) {
    }

    private record Campaign(long id, String name, String schemeCode, String schemeVersion, String status,
                            LocalDateTime opensAt, LocalDateTime closesAt) {
    }

    private record Subject(long id, String name, String post, String kind) {
    }

    private final RaterCodes codes;
    private final BallotBox box;
    private final EvaluationSchemes schemes;
    private final WrongCodeThrottle throttle;
    private final JdbcClient jdbc;
    private final Clock clock;

    VoteApiController(RaterCodes codes, BallotBox box, EvaluationSchemes schemes, WrongCodeThrottle throttle,
                      JdbcClient jdbc, Clock clock) {
        this.codes = codes;
        this.box = box;
        this.schemes = schemes;
        this.throttle = throttle;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping(PATH)
    Map<String, Object> ballotPaper(@RequestParam(required = false) String code, HttpServletRequest request) {
        RaterRef rater = rater(code, request);
        Campaign campaign = campaign(rater.campaignId());
        EvaluationScheme scheme = scheme(campaign);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("campaign", campaign.name());
        out.put("opensAt", campaign.opensAt().toString());
        out.put("closesAt", campaign.closesAt().toString());
        out.put("open", open(campaign));
        out.put("village", jdbc.sql("select name from org_node where id = :id").param("id", rater.orgNodeId())
                .query(String.class).optional().orElse(""));
        out.put("group", scheme.group(rater.group()).map(EvaluationScheme.RaterGroup::label).orElse(rater.group()));
        out.put("voted", rater.channel() != null);
        out.put("marks", scheme.marks().name());
        out.put("grades", scheme.grades().stream().map(g -> Map.of("code", g.code(), "label", g.label())).toList());
        if (scheme.marks() == EvaluationScheme.Marks.POINTS) {
            out.put("maxScore", scheme.maxScore());
        }
        out.put("subjects", subjects(rater).stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("name", s.name());
            m.put("post", s.post());
            m.put("kind", s.kind());
            return m;
        }).toList());
        return out;
    }

    @PostMapping(value = PATH, consumes = "application/json")
    Map<String, Object> vote(@RequestBody(required = false) VoteBody body, HttpServletRequest request) {
        RaterRef rater = rater(body == null ? null : body.code(), request);
        if (rater.channel() != null) {
            throw new ConflictException("PAPER".equals(rater.channel()) ? "您的纸质评议票已录入，不能再在线投票"
                    : "您已投过票，每位评议人只能投票一次");
        }
        Campaign campaign = campaign(rater.campaignId());
        EvaluationScheme scheme = scheme(campaign);
        if (scheme.marks() != EvaluationScheme.Marks.GRADES) {
            throw new BadRequestException("本次评议按分数评议，请在评议页面投票");
        }
        if (!open(campaign)) {
            LocalDateTime now = LocalDateTime.now(clock);
            throw new BadRequestException(now.isBefore(campaign.opensAt()) || campaign.status().equals("DRAFT")
                    ? "评议尚未开始" : "评议已截止，不能再投票");
        }
        List<MarkBody> marks = body.marks() == null ? List.of() : body.marks();
        if (marks.isEmpty()) {
            throw new BadRequestException("请至少评议一个对象");
        }
        Set<Long> own = new HashSet<>();
        for (Subject s : subjects(rater)) {
            own.add(s.id());
        }
        Set<Long> seen = new HashSet<>();
        List<BallotBox.Mark> sheet = new ArrayList<>();
        for (MarkBody m : marks) {
            if (m == null || m.subject() == null || !own.contains(m.subject())) {
                throw new BadRequestException("评议对象 " + (m == null ? null : m.subject()) + " 不是本村（社区）的评议对象");
            }
            if (!seen.add(m.subject())) {
                throw new BadRequestException("评议对象 " + m.subject() + " 评了两次");
            }
            String grade = gradeCode(scheme, m.grade());
            if (grade == null) {
                throw new BadRequestException("等次“" + m.grade() + "”无效，应为 " + String.join("、",
                        scheme.grades().stream().map(g -> g.label() + "（" + g.code() + "）").toList()));
            }
            sheet.add(new BallotBox.Mark(m.subject(), grade, null));
        }
        int ballots = box.cast(rater.campaignId(), List.of(new BallotBox.Sheet(rater.raterId(), sheet)),
                BallotBox.Channel.ONLINE);
        return Map.of("ballots", ballots, "message", "投票成功，感谢您的参与");
    }

    /** A grade code from its code or its label; null when neither. */
    static String gradeCode(EvaluationScheme scheme, String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        return scheme.grades().stream().filter(g -> g.code().equalsIgnoreCase(t) || g.label().equals(t))
                .map(EvaluationScheme.Grade::code).findFirst().orElse(null);
    }

    private RaterRef rater(String code, HttpServletRequest request) {
        String client = request.getRemoteAddr();
        throttle.check(client);
        if (code == null || code.isBlank()) {
            throw new BadRequestException("请输入评议码");
        }
        RaterRef rater = code.length() > 20 ? null : codes.find(code).orElse(null);
        if (rater == null) {
            throttle.wrong(client);
            throw new NotFoundException("评议码无效：请核对评议码（如 ABCD-EFGH）后重试");
        }
        return rater;
    }

    private boolean open(Campaign c) {
        LocalDateTime now = LocalDateTime.now(clock);
        return c.status().equals("OPEN") && !now.isBefore(c.opensAt()) && now.isBefore(c.closesAt());
    }

    private Campaign campaign(long id) {
        return jdbc.sql("select id, name, scheme_code, scheme_version, status, opens_at, closes_at from pe_campaign "
                        + "where id = :id").param("id", id)
                .query((rs, row) -> new Campaign(rs.getLong("id"), rs.getString("name"), rs.getString("scheme_code"),
                        rs.getString("scheme_version"), rs.getString("status"),
                        rs.getTimestamp("opens_at").toLocalDateTime(), rs.getTimestamp("closes_at").toLocalDateTime()))
                .optional().orElseThrow(() -> new NotFoundException("评议活动不存在"));
    }

    private EvaluationScheme scheme(Campaign c) {
        return schemes.find(c.schemeCode(), c.schemeVersion())
                .orElseThrow(() -> new IllegalStateException("scheme missing: " + c.schemeCode()));
    }

    private List<Subject> subjects(RaterRef rater) {
        return jdbc.sql("select id, name, post, kind from pe_subject where campaign_id = :campaign "
                        + "and org_node_id = :village order by sort_order, id")
                .param("campaign", rater.campaignId()).param("village", rater.orgNodeId())
                .query((rs, row) -> new Subject(rs.getLong("id"), rs.getString("name"), rs.getString("post"),
                        rs.getString("kind"))).list();
    }
}
