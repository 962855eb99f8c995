package cn.zugong.tickets.internal;

import cn.zugong.service.CadreVisitCount;
import cn.zugong.service.ServiceCadres;
import cn.zugong.service.VisitStatistics;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.Role;
import cn.zugong.shared.time.ReportPeriod;
import cn.zugong.org.OrgTree;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The visits behind the ticket figures, for the seed's sentence "累计对接项目 X 次，走访联系企业 Y 次，走访渔农户 Z 次，
 * 发现收集各类问题诉求 N 个，整改解决 M 个，问题化解整改率 R%": the same period, unit and cadre as the figures, from the
 * service module's visit counts (one aggregate query).
 */
@Component
class VisitLine {

    /** Visit counts by kind. */
    record Visits(long projects, long enterprises, long farmers) {

        String sentence(Figure tickets) {
            return "累计对接项目 " + projects + " 次，走访联系企业 " + enterprises + " 次，走访渔农户 " + farmers
                    + " 次，发现收集各类问题诉求 " + tickets.found() + " 个，整改解决 " + tickets.solved()
                    + " 个，问题化解整改率 " + tickets.rate().toPlainString() + "%";
        }
    }

    private final VisitStatistics statistics;
    private final ServiceCadres cadres;
    private final OrgTree tree;

    VisitLine(VisitStatistics statistics, ServiceCadres cadres, OrgTree tree) {
        this.statistics = statistics;
        this.cadres = cadres;
        this.tree = tree;
    }

    Visits of(FigureFilter filter, CurrentUser user, LocalDate today) {
        OrgScope scope = filter.unitId() == null || user.role() == Role.CADRE ? user.scope()
                : tree.get(filter.unitId(), user.scope()).asScope();
        // a cadre counts the own visits only; a cadre filter narrows the office's figures the same way
        String cadre = user.role() == Role.CADRE ? user.username() : filter.cadre();
        Long cadreId = cadre == null || cadre.isBlank() ? null
                : cadres.byUsername(cadre).map(c -> c.id()).orElse(-1L);
        ReportPeriod period = ReportPeriod.of(filter.year(), filter.quarter(), filter.month(), today);
        List<CadreVisitCount> rows = statistics.byCadre(scope, period.from(), period.to()).stream()
                .filter(c -> cadreId == null || c.cadreId() == cadreId).toList();
        return new Visits(rows.stream().mapToLong(CadreVisitCount::projects).sum(),
                rows.stream().mapToLong(CadreVisitCount::enterprises).sum(),
                rows.stream().mapToLong(CadreVisitCount::farmers).sum());
    }
}
