package cn.zugong.party.internal.mobile;

import cn.zugong.party.MobileHostKind;
import cn.zugong.party.internal.mobile.MobileRecords.HostRow;
import cn.zugong.party.internal.mobile.MobileRecords.RuleRow;
import cn.zugong.party.internal.mobile.MobileRepository.Placement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * 三个一批 (ADR 070): the ordered rule applied to one member. Each kind of host is tried in the rule's order; the
 * first kind that finds a host manages the member, the lowest host id winning among several (so the choice is the
 * same every time); when none applies, each kind says why, which the 逐人纳管 page shows.
 * <ul>
 * <li>工作地纳管: a WORKPLACE host of the same city whose employer is the member's, or, with no employer named,
 * whose district is the member's (a 园区 or 街道 organisation of the place of work);</li>
 * <li>居住地接收: a RESIDENCE host of the city the member lives in, the same district and community where the host
 * names them;</li>
 * <li>区域性党组织覆盖: a REGIONAL host (驻外 / 流动党员党委) covering the member's city or province.</li>
 * </ul>
 */
final class MobileRule {

    /** The host chosen and the kind of the rule that chose it. */
    record Choice(HostRow host, MobileHostKind kind) {
    }

    /** A choice, or the reason of each rule that did not apply. */
    record Outcome(Optional<Choice> choice, List<String> reasons) {
    }

    private final List<RuleRow> rules;
    private final List<HostRow> hosts;

    MobileRule(List<RuleRow> rules, List<HostRow> hosts) {
        this.rules = rules;
        this.hosts = hosts.stream().sorted(java.util.Comparator.comparingLong(HostRow::id)).toList();
    }

    Outcome apply(Placement p) {
        List<String> reasons = new ArrayList<>();
        for (RuleRow rule : rules) {
            Optional<HostRow> host = hosts.stream().filter(h -> h.kind() == rule.kind() && fits(h, p)).findFirst();
            if (host.isPresent()) {
                return new Outcome(Optional.of(new Choice(host.get(), rule.kind())), List.of());
            }
            reasons.add(rule.label() + "：" + why(rule.kind(), p));
        }
        return new Outcome(Optional.empty(), reasons);
    }

    static boolean fits(HostRow h, Placement p) {
        return switch (h.kind()) {
            case WORKPLACE -> same(h.city(), p.city()) && (h.employer() != null
                    ? same(h.employer(), p.employer())
                    : h.district() != null && same(h.district(), p.district()));
            case RESIDENCE -> p.liveCity() != null && same(h.city(), p.liveCity())
                    && (h.district() == null || same(h.district(), p.liveDistrict()))
                    && (h.community() == null || same(h.community(), p.liveCommunity()));
            case REGIONAL -> h.destinations().stream().anyMatch(d -> same(d, p.city()) || same(d, p.province()));
        };
    }

    private static String why(MobileHostKind kind, Placement p) {
        return switch (kind) {
            case WORKPLACE -> p.employer() == null && p.district() == null ? "未登记工作单位和所在区县"
                    : MobileRecords.place(null, p.city(), p.district()) + (p.employer() == null ? "" : "“" + p.employer() + "”")
                    + "没有登记的工作地党组织";
            case RESIDENCE -> p.liveCity() == null ? "未登记居住地"
                    : MobileRecords.place(null, p.liveCity(), p.liveDistrict())
                    + (p.liveCommunity() == null ? "" : p.liveCommunity()) + "没有登记的居住地社区（村）党组织";
            case REGIONAL -> "没有覆盖" + MobileRecords.place(p.province(), p.city(), null) + "的驻外（区域性）党组织";
        };
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && Objects.equals(a.strip(), b.strip());
    }
}
