package cn.zugong.rating.internal.evaluation;

import cn.zugong.rating.EvaluationScheme;
import cn.zugong.rating.EvaluationSchemes;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way ballots enter (ADR 062), online or from paper: each rater casts one sheet — marks for subjects of the
 * own village, each subject at most once, abstentions allowed — once per campaign. The rater is claimed with
 * {@code update … where channel is null}, so of two concurrent sheets of one rater exactly one counts; the ballots
 * are written without the rater, without time and without an identity of their own. Online sheets count only inside
 * the campaign's window (the platform clock); paper sheets may be entered until the results are published. A call is
 * all-or-nothing: any refused sheet refuses the call with every reason.
 */
@Component
public class BallotBox {

    public enum Channel { ONLINE, PAPER }

    /** A rater's mark for one subject: a grade code (GRADES schemes) or points (POINTS schemes). */
    public record Mark(long subjectId, String grade, BigDecimal score) {
    }

    /** One rater's sheet. */
    public record Sheet(long raterId, List<Mark> marks) {
    }

    private record Campaign(long id, String schemeCode, String schemeVersion, String status, Instant opensAt,
                            Instant closesAt) {
    }

    private record Rater(long id, long orgNodeId, String group, String raterNo, String channel) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final EvaluationSchemes schemes;
    private final Clock clock;

    BallotBox(JdbcClient jdbc, JdbcTemplate template, EvaluationSchemes schemes, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.schemes = schemes;
        this.clock = clock;
    }

    /** Casts the sheets of one campaign; returns the number of ballots written. */
    @Transactional
    public int cast(long campaignId, List<Sheet> sheets, Channel channel) {
        // a paper entry locks the campaign against a concurrent publication; online sheets only read it
        Campaign campaign = campaign(campaignId, channel == Channel.PAPER);
        EvaluationScheme scheme = schemes.find(campaign.schemeCode(), campaign.schemeVersion())
                .orElseThrow(() -> new IllegalStateException("scheme missing: " + campaign.schemeCode()));
        open(campaign, channel);
        Map<Long, Rater> raters = raters(campaignId, sheets.stream().map(Sheet::raterId).toList());
        Map<Long, Long> subjectVillage = subjects(campaignId,
                raters.values().stream().map(Rater::orgNodeId).distinct().toList());
        List<String> refused = new ArrayList<>();
        List<Object[]> ballots = new ArrayList<>();
        Set<Long> seenRaters = new HashSet<>();
        for (Sheet sheet : sheets) {
            Rater rater = raters.get(sheet.raterId());
            if (rater == null) {
                refused.add("评议人 " + sheet.raterId() + " 不属于本次评议");
                continue;
            }
            if (!seenRaters.add(rater.id())) {
                refused.add("评议人 " + rater.raterNo() + " 的评议票出现了两次");
                continue;
            }
            if (rater.channel() != null) {
                refused.add(already(rater));
                continue;
            }
            Set<Long> subjects = new HashSet<>();
            for (Mark mark : sheet.marks()) {
                Long village = subjectVillage.get(mark.subjectId());
                if (village == null || village != rater.orgNodeId()) {
                    refused.add("评议人 " + rater.raterNo() + " 不能评议对象 " + mark.subjectId() + "（不是本村社的评议对象）");
                } else if (!subjects.add(mark.subjectId())) {
                    refused.add("评议人 " + rater.raterNo() + " 对同一对象 " + mark.subjectId() + " 评了两次");
                } else {
                    String problem = markProblem(scheme, mark);
                    if (problem != null) {
                        refused.add("评议人 " + rater.raterNo() + "：" + problem);
                    } else {
                        ballots.add(new Object[] {campaignId, mark.subjectId(), rater.group(), mark.grade(),
                                mark.score(), channel.name()});
                    }
                }
            }
        }
        if (!refused.isEmpty()) {
            throw new BallotsRefused(refused);
        }
        claim(sheets, raters, channel);
        template.batchUpdate("insert into pe_ballot (campaign_id, subject_id, rater_group, grade, score, channel) "
                + "values (?, ?, ?, ?, ?, ?)", ballots);
        return ballots.size();
    }

    private void claim(List<Sheet> sheets, Map<Long, Rater> raters, Channel channel) {
        if (sheets.size() > 1) {
            claimMany(sheets, raters, channel);
            return;
        }
        List<Object[]> claims = sheets.stream()
                .map(s -> new Object[] {channel.name(), s.marks().size(), s.raterId()}).toList();
        int[] counts = template.batchUpdate(
                "update pe_rater set channel = ?, ballots = ? where id = ? and channel is null", claims);
        List<String> lost = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                lost.add(already(raters.get(sheets.get(i).raterId())));
            }
        }
        if (!lost.isEmpty()) {
            // another sheet of the same rater committed first: this call keeps nothing
            throw new BallotsRefused(lost);
        }
    }

    /**
     * A paper batch of thousands of sheets: the raters still unclaimed are locked first (a concurrent sheet of one
     * of them waits for this transaction, or has committed and is not returned), then claimed with one update per
     * ballot count and chunk instead of one per rater; the counts must add up, else nothing is kept.
     */
    private void claimMany(List<Sheet> sheets, Map<Long, Rater> raters, Channel channel) {
        List<Long> ids = sheets.stream().map(Sheet::raterId).toList();
        Set<Long> free = new HashSet<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            free.addAll(jdbc.sql("select id from pe_rater where id in (:ids) and channel is null for update")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 1000))).query(Long.class).list());
        }
        List<String> lost = ids.stream().filter(id -> !free.contains(id)).map(id -> already(raters.get(id))).toList();
        if (!lost.isEmpty()) {
            throw new BallotsRefused(lost);
        }
        Map<Integer, List<Long>> byCount = new HashMap<>();
        for (Sheet s : sheets) {
            byCount.computeIfAbsent(s.marks().size(), k -> new ArrayList<>()).add(s.raterId());
        }
        int claimed = 0;
        for (Map.Entry<Integer, List<Long>> e : byCount.entrySet()) {
            List<Long> group = e.getValue();
            for (int i = 0; i < group.size(); i += 1000) {
                claimed += jdbc.sql("update pe_rater set channel = :channel, ballots = :n "
                                + "where id in (:ids) and channel is null")
                        .param("channel", channel.name()).param("n", e.getKey())
                        .param("ids", group.subList(i, Math.min(group.size(), i + 1000))).update();
            }
        }
        if (claimed != sheets.size()) {
            throw new BallotsRefused(List.of("有 " + (sheets.size() - claimed) + " 位评议人已同时在别处投票，本批未录入，请重新导入"));
        }
    }

    private static String already(Rater rater) {
        String how = "ONLINE".equals(rater.channel()) ? "已在线投票" : "PAPER".equals(rater.channel()) ? "已录入纸质票" : "已投票";
        return "评议人 " + rater.raterNo() + " " + how + "，不能重复投票";
    }

    private static String markProblem(EvaluationScheme scheme, Mark mark) {
        if (scheme.marks() == EvaluationScheme.Marks.GRADES) {
            return mark.grade() != null && scheme.grade(mark.grade()).isPresent() ? null
                    : "等次 " + mark.grade() + " 不是本方案的等次";
        }
        return mark.score() != null && mark.score().signum() >= 0 && mark.score().compareTo(scheme.maxScore()) <= 0
                ? null : "分数 " + mark.score() + " 应在 0 至 " + scheme.maxScore().toPlainString() + " 之间";
    }

    private void open(Campaign campaign, Channel channel) {
        Instant now = clock.instant();
        if (channel == Channel.ONLINE) {
            if (!campaign.status().equals("OPEN") || now.isBefore(campaign.opensAt())) {
                throw new BadRequestException("评议尚未开始");
            }
            if (!now.isBefore(campaign.closesAt())) {
                throw new BadRequestException("评议已截止，不能再投票");
            }
        } else if (!campaign.status().equals("OPEN") && !campaign.status().equals("CLOSED")) {
            throw new BadRequestException("评议结果已公布或评议未开始，不能录入纸质票");
        }
    }

    private Campaign campaign(long campaignId, boolean lock) {
        return jdbc.sql("select id, scheme_code, scheme_version, status, opens_at, closes_at from pe_campaign "
                        + "where id = :id" + (lock ? " for update" : ""))
                .param("id", campaignId)
                .query((rs, row) -> new Campaign(rs.getLong("id"), rs.getString("scheme_code"),
                        rs.getString("scheme_version"), rs.getString("status"),
                        rs.getTimestamp("opens_at").toInstant(), rs.getTimestamp("closes_at").toInstant()))
                .optional().orElseThrow(() -> new NotFoundException("评议活动不存在：" + campaignId));
    }

    private Map<Long, Rater> raters(long campaignId, List<Long> ids) {
        Map<Long, Rater> raters = new HashMap<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            jdbc.sql("select id, org_node_id, rater_group, rater_no, channel from pe_rater "
                            + "where campaign_id = :campaign and id in (:ids)")
                    .param("campaign", campaignId).param("ids", ids.subList(i, Math.min(ids.size(), i + 1000)))
                    .query((rs, row) -> new Rater(rs.getLong("id"), rs.getLong("org_node_id"),
                            rs.getString("rater_group"), rs.getString("rater_no"), rs.getString("channel")))
                    .list().forEach(r -> raters.put(r.id(), r));
        }
        return raters;
    }

    /** The subjects of the given villages: subject id → village. */
    private Map<Long, Long> subjects(long campaignId, List<Long> villages) {
        Map<Long, Long> village = new HashMap<>();
        for (int i = 0; i < villages.size(); i += 1000) {
            jdbc.sql("select id, org_node_id from pe_subject where campaign_id = :campaign and org_node_id in (:villages)")
                    .param("campaign", campaignId).param("villages", villages.subList(i, Math.min(villages.size(), i + 1000)))
                    .query(rs -> {
                        village.put(rs.getLong("id"), rs.getLong("org_node_id"));
                    });
        }
        return village;
    }
}
