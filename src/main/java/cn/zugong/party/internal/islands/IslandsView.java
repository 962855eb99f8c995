package cn.zugong.party.internal.islands;

import cn.zugong.org.Island;
import cn.zugong.org.Islands;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.people.PeopleDirectory;
import cn.zugong.people.PeopleDirectory.MemberCounts;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.OrgScope;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The islands page (ADR 073): the islands of the city as the caller's scope sees them — an island is shown when its
 * county lies in the scope or, for a narrower scope (a township, a village), when one of its villages does; only the
 * villages inside the scope are listed and counted. Party members are the figures of the villages' party
 * organisations ({@link PeopleDirectory#memberCounts}, which adds every branch under a node's path, so a village's
 * node gives the sum of its branches). Counts only: no person is read, nothing to audit.
 */
@Service
class IslandsView {

    private final Islands islands;
    private final OrgTree tree;
    private final PeopleDirectory people;
    private final Clock clock;

    IslandsView(Islands islands, OrgTree tree, PeopleDirectory people, Clock clock) {
        this.islands = islands;
        this.tree = tree;
        this.people = people;
        this.clock = clock;
    }

    record VillageRow(long id, String code, String name, String township, long members, long mobile) {
    }

    record IslandRow(long id, String code, String name, long countyId, String countyName, boolean remote,
                     int villageCount, long members, long mobile, List<VillageRow> villages) {
    }

    record Totals(int islands, int remote, int villages, long members, long remoteMembers) {
    }

    record Page(String scopeName, int year, Boolean remoteOnly, Totals totals, List<IslandRow> islands) {
    }

    static void requireOffice(CurrentUser user) {
        if (!user.role().isOffice()) {
            throw new ForbiddenException("当前角色（" + user.role().label() + "）无权查看海岛");
        }
    }

    Page page(CurrentUser user, Boolean remoteOnly) {
        requireOffice(user);
        List<IslandRow> rows = rows(user.scope(), remoteOnly);
        Totals totals = new Totals(rows.size(), (int) rows.stream().filter(IslandRow::remote).count(),
                rows.stream().mapToInt(IslandRow::villageCount).sum(), rows.stream().mapToLong(IslandRow::members).sum(),
                rows.stream().filter(IslandRow::remote).mapToLong(IslandRow::members).sum());
        return new Page(user.scopeName(), year(), remoteOnly, totals, rows);
    }

    IslandRow island(CurrentUser user, long islandId) {
        requireOffice(user);
        return rows(user.scope(), null).stream().filter(i -> i.id() == islandId).findFirst()
                .orElseThrow(() -> new NotFoundException("海岛不存在或不在您的管理范围内：" + islandId));
    }

    private int year() {
        return LocalDate.now(clock).getYear();
    }

    private List<IslandRow> rows(OrgScope scope, Boolean remoteOnly) {
        List<Island> all = islands.all();
        Set<Long> ids = new HashSet<>();
        all.forEach(i -> {
            ids.add(i.countyId());
            ids.addAll(i.villageIds());
        });
        Map<Long, OrgNode> nodes = tree.byIds(ids);
        // one figure query for every village in scope
        List<Long> villagesInScope = new ArrayList<>();
        for (Island i : all) {
            i.villageIds().stream().filter(v -> scope.contains(nodes.get(v).path())).forEach(villagesInScope::add);
        }
        Set<Long> townships = new HashSet<>();
        villagesInScope.forEach(v -> townships.add(nodes.get(v).parentId()));
        Map<Long, OrgNode> townshipNodes = tree.byIds(townships);
        Map<Long, MemberCounts> counts = people.memberCounts(villagesInScope, year());
        List<IslandRow> out = new ArrayList<>();
        for (Island i : all) {
            boolean countyInScope = scope.contains(nodes.get(i.countyId()).path());
            List<VillageRow> villages = i.villageIds().stream().filter(v -> scope.contains(nodes.get(v).path()))
                    .map(v -> village(nodes.get(v), townshipNodes, counts.get(v))).toList();
            if ((!countyInScope && villages.isEmpty()) || (remoteOnly != null && remoteOnly != i.remote())) {
                continue;
            }
            out.add(new IslandRow(i.id(), i.code(), i.name(), i.countyId(), i.countyName(), i.remote(),
                    villages.size(), villages.stream().mapToLong(VillageRow::members).sum(),
                    villages.stream().mapToLong(VillageRow::mobile).sum(), villages));
        }
        return out;
    }

    private static VillageRow village(OrgNode v, Map<Long, OrgNode> townships, MemberCounts c) {
        OrgNode township = townships.get(v.parentId());
        return new VillageRow(v.id(), v.code(), v.name(), township == null ? "" : township.name(),
                c == null ? 0 : c.members(), c == null ? 0 : c.mobile());
    }
}
