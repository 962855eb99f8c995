package cn.zugong.deliberation;

import cn.zugong.deliberation.internal.DeliberationRepository;
import cn.zugong.deliberation.internal.SanshiAccess;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The figures the seed prints (“协调解决社区重难点事项 N 件、民生小事 M 件，居民 R% 以上私事‘自己办’”), straight from
 * the data, for any node in the caller's scope and a period (default: this calendar year). Two queries.
 */
@Service
public class DeliberationFigures {

    private final DeliberationRepository repository;
    private final OrgTree tree;
    private final Clock clock;

    DeliberationFigures(DeliberationRepository repository, OrgTree tree, Clock clock) {
        this.repository = repository;
        this.tree = tree;
        this.clock = clock;
    }

    /** Matters raised in a period at an area (a village or community, or a node above) and how many are closed. */
    public record AreaCount(long raised, long closed) {
    }

    /**
     * Matters raised in {@code year} in each area's communities (the area itself or below it), with how many are
     * closed (销号) on the workflow: area id → counts, areas without a matter left out. One aggregate query for all
     * areas (the ratings' 三事分流 figure of a whole round); no caller scope: the rating round has checked it.
     */
    public Map<Long, AreaCount> closedByArea(java.util.Collection<OrgNode> areas, int year) {
        Map<Long, AreaCount> out = new java.util.HashMap<>();
        repository.closedByArea(areas.stream().map(OrgNode::id).distinct().toList(), LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31)).forEach((id, c) -> out.put(id, new AreaCount(c[0], c[1])));
        return out;
    }

    public Figures of(Long nodeId, LocalDate from, LocalDate to, CurrentUser user) {
        SanshiAccess.requireReader(user);
        OrgNode node = tree.get(nodeId == null ? user.scope().nodeId() : nodeId, user.scope());
        int year = LocalDate.now(clock).getYear();
        LocalDate start = from == null ? LocalDate.of(year, 1, 1) : from;
        LocalDate end = to == null ? LocalDate.of(year, 12, 31) : to;
        if (end.isBefore(start)) {
            throw new ConflictException("统计期间不正确：结束日期早于开始日期");
        }
        return of(node, start, end);
    }

    /**
     * The figures of a node the caller has already checked (the annual review's figure source, ADR 081): the same
     * queries as the figures page.
     */
    public Figures of(OrgNode node, LocalDate start, LocalDate end) {
        Map<MatterKind, long[]> rows = repository.matterFigures(node.asScope(), start, end);
        Map<MatterKind, Figures.Line> byKind = new EnumMap<>(MatterKind.class);
        for (MatterKind k : MatterKind.values()) {
            long[] r = rows.getOrDefault(k, new long[5]);
            byKind.put(k, new Figures.Line(r[0], r[1], r[2], r[3]));
        }
        long unclassified = rows.containsKey(null) ? rows.get(null)[0] : 0;
        long privateDecided = byKind.get(MatterKind.PRIVATE).decided();
        long settled = rows.getOrDefault(MatterKind.PRIVATE, new long[5])[4];
        BigDecimal share = privateDecided == 0 ? null : BigDecimal.valueOf(settled * 100)
                .divide(BigDecimal.valueOf(privateDecided), 2, RoundingMode.HALF_UP);
        Map<MeetingLevel, Long> held = new EnumMap<>(MeetingLevel.class);
        Map<MeetingLevel, Long> counted = repository.meetingsHeld(node.asScope(), start, end);
        for (MeetingLevel l : MeetingLevel.values()) {
            held.put(l, counted.getOrDefault(l, 0L));
        }
        return new Figures(node.id(), node.name(), start, end, byKind, unclassified, settled, share, held);
    }
}
