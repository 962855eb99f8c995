package cn.zugong.service.internal;

import cn.zugong.service.CadreSummary;
import cn.zugong.service.CadreVisitCount;
import cn.zugong.service.NodeVisitCount;
import cn.zugong.service.VisitSummary;
import cn.zugong.service.internal.Records.Visit;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the module's public API reads (the API classes at the package root delegate here). */
@Service
@Transactional(readOnly = true)
public class ServiceQueries {

    private final ServiceRepository repository;
    private final VisitRepository visits;
    private final ServiceAccess access;

    ServiceQueries(ServiceRepository repository, VisitRepository visits, ServiceAccess access) {
        this.repository = repository;
        this.visits = visits;
        this.access = access;
    }

    public Optional<CadreSummary> cadreByUsername(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return repository.cadreByUsername(username).map(c -> new CadreSummary(c.id(), c.name(), c.type(), c.nodeId(),
                c.nodeName(), c.username()));
    }

    public VisitSummary visit(long visitId, CurrentUser user) {
        return summary(access.visibleVisit(user, visitId));
    }

    public List<VisitSummary> withProblems(OrgScope scope) {
        return visits.withProblems(scope).stream().map(ServiceQueries::summary).toList();
    }

    private static VisitSummary summary(Visit v) {
        return new VisitSummary(v.id(), v.cadreId(), v.cadreName(), v.cadreUsername(), v.kind(), v.date(), v.place(),
                v.whom(), v.chargeName(), v.nodeId(), v.nodeName());
    }

    public List<CadreVisitCount> byCadre(OrgScope scope, LocalDate from, LocalDate to) {
        return visits.byCadre(scope, null, from, to);
    }

    public List<NodeVisitCount> byNode(OrgScope scope, LocalDate from, LocalDate to) {
        return visits.byNode(scope, from, to);
    }
}
