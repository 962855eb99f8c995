package cn.zugong.rating.internal.results;

import cn.zugong.org.PartySector;
import cn.zugong.rating.RatingFigures;
import cn.zugong.rating.RatingScheme;
import cn.zugong.rating.internal.results.Results.CountRow;
import cn.zugong.rating.internal.results.Results.Option;
import cn.zugong.rating.internal.results.Results.RankRow;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.OrgScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;

/**
 * Puts a results page, a 比 page and the public {@link RatingFigures} together from the queries; every answer is
 * in the caller's scope and for office roles only.
 */
@Service
class ResultsService implements RatingFigures {

    private final Rounds rounds;
    private final ResultsQuery query;
    private final CompareQuery compare;

    ResultsService(Rounds rounds, ResultsQuery query, CompareQuery compare) {
        this.rounds = rounds;
        this.query = query;
        this.compare = compare;
    }

    static void requireOffice(CurrentUser user) {
        if (!user.role().isOffice()) {
            throw new NotFoundException("页面不存在");
        }
    }

    Selection select(CurrentUser user, String scheme, Integer year, boolean current) {
        requireOffice(user);
        return rounds.select(scheme, year, current, user.scope());
    }

    static List<String> starLabels(RatingScheme scheme) {
        return IntStream.rangeClosed(0, Math.max(scheme.maxStars(), 0)).mapToObj(i -> scheme.title(i, false)).toList();
    }

    private List<Option> schemeOptions() {
        return rounds.schemesByCode().values().stream().map(s -> new Option(s.code(), s.name())).toList();
    }

    Results.Page results(CurrentUser user, String scheme, Integer year, boolean current, Long areaId, String sector) {
        Selection s = select(user, scheme, year, current);
        String sectorCode = sector == null || sector.isBlank() ? null : sector;
        if (sectorCode != null && Arrays.stream(PartySector.values()).noneMatch(p -> p.name().equals(sectorCode))) {
            throw new cn.zugong.shared.BadRequestException("领域 sector 无效：" + sector);
        }
        List<RankRow> all = query.ranking(s, null, null);
        List<RankRow> ranking = areaId == null && sectorCode == null ? all : query.ranking(s, areaId, sectorCode);
        List<CountRow> bySector = query.counts(s, ResultsQuery.Grouping.SECTOR);
        RatingScheme r = s.scheme();
        List<Integer> years = new ArrayList<>(rounds.years(r.code(), user.scope()));
        if (!years.contains(s.year())) {
            years.add(0, s.year());
        }
        return new Results.Page(user.scopeName(), r.code(), r.name(), r.version(), s.year(), s.published(),
                s.hasOther(), !r.strong().isEmpty(), starLabels(r), query.total(s),
                query.counts(s, ResultsQuery.Grouping.AREA), bySector, query.counts(s, ResultsQuery.Grouping.ORG_TYPE),
                ResultsQuery.movements(s, all), ranking, query.withdrawn(s), years, schemeOptions(), query.areas(s),
                r.appliesTo().stream().sorted().map(p -> new Option(p.name(), p.label())).toList(),
                areaId == null ? null : String.valueOf(areaId), sectorCode);
    }

    Compare.Page compare(CurrentUser user, String scheme, Integer year, boolean current, Long townshipId,
                         Long nodeId) {
        Selection s = select(user, scheme, year, current);
        List<Compare.OrgRow> rows = compare.rows(s);
        List<Compare.Average> averages = compare.averages(s);
        List<Compare.Average> townships = averages.stream().filter(a -> a.level().equals("TOWNSHIP")).toList();
        List<Compare.Average> counties = averages.stream().filter(a -> a.level().equals("COUNTY")).toList();
        Compare.OrgRow selectedOrg = nodeId == null ? null
                : rows.stream().filter(o -> o.nodeId() == nodeId).findFirst()
                .orElseThrow(() -> new NotFoundException("该组织不在所选评定中或不在您的管理范围内：" + nodeId));
        long township = townshipId != null ? townshipId : selectedOrg != null ? selectedOrg.townshipId()
                : rows.isEmpty() ? 0 : rows.get(0).townshipId();
        List<Option> townshipOptions = new ArrayList<>();
        List<Compare.Group> groups = new ArrayList<>();
        for (Compare.OrgRow o : rows) {
            if (townshipOptions.stream().noneMatch(t -> t.code().equals(String.valueOf(o.townshipId())))) {
                townshipOptions.add(new Option(String.valueOf(o.townshipId()), o.countyName() + " · " + o.townshipName()));
            }
        }
        if (townshipId != null && townshipOptions.stream().noneMatch(t -> t.code().equals(String.valueOf(townshipId)))) {
            throw new NotFoundException("所选乡镇（街道）在本次评定中没有您管理范围内的组织：" + townshipId);
        }
        List<Compare.OrgRow> inTownship = rows.stream().filter(o -> o.townshipId() == township).toList();
        if (!inTownship.isEmpty()) {
            long county = inTownship.get(0).countyId();
            groups.add(new Compare.Group(township, inTownship.get(0).townshipName(), inTownship.get(0).countyName(),
                    find(townships, township), find(counties, county), inTownship));
        }
        Compare.Selected selected = null;
        Compare.OrgRow chartOrg = selectedOrg != null ? selectedOrg : inTownship.isEmpty() ? null : inTownship.get(0);
        if (chartOrg != null) {
            selected = new Compare.Selected(chartOrg, find(townships, chartOrg.townshipId()),
                    find(counties, chartOrg.countyId()));
        }
        RatingScheme r = s.scheme();
        List<Integer> years = new ArrayList<>(rounds.years(r.code(), user.scope()));
        if (!years.contains(s.year())) {
            years.add(0, s.year());
        }
        return new Compare.Page(user.scopeName(), r.code(), r.name(), s.year(), s.published(), CompareQuery.dims(r),
                townshipOptions, township, groups, counties, selected, years, schemeOptions());
    }

    private static Compare.Average find(List<Compare.Average> averages, long id) {
        return averages.stream().filter(a -> a.id() == id).findFirst().orElse(null);
    }

    /** Scores of every organisation of the selection, for the score sheets' export. */
    Selection selectionFor(CurrentUser user, String scheme, Integer year, boolean current) {
        return select(user, scheme, year, current);
    }

    @Override
    public List<SchemeFigures> of(OrgScope scope, int year) {
        List<SchemeFigures> out = new ArrayList<>();
        for (String code : rounds.schemesByCode().keySet()) {
            if (rounds.rounds(code, year, scope).isEmpty()) {
                continue;
            }
            Selection s = rounds.select(code, year, false, scope);
            CountRow t = query.total(s);
            RatingScheme r = s.scheme();
            List<String> labels = starLabels(r);
            List<StarCount> stars = IntStream.range(0, t.byStars().size())
                    .mapToObj(i -> new StarCount(i, labels.get(i), t.byStars().get(i))).toList();
            out.add(new SchemeFigures(r.code(), r.name(), year, s.published(), t.total(), stars, t.doubleStrong(),
                    t.topDoubleStrong(), t.nextDoubleStrong(), t.threeOrMore(), t.shareThreeOrMore(),
                    query.withdrawn(s).size()));
        }
        return out;
    }
}
