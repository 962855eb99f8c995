package cn.zugong.service;

import cn.zugong.service.internal.ServiceQueries;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import java.util.List;
import org.springframework.stereotype.Service;

/** Visit logs as other modules see them (a problem ticket raised from a visit). */
@Service
public class Visits {

    private final ServiceQueries queries;

    Visits(ServiceQueries queries) {
        this.queries = queries;
    }

    /**
     * The visit, if the caller may see it: a 服务干部 only the own visits, office roles those of cadres in their
     * scope; otherwise {@link cn.zugong.shared.NotFoundException} (404).
     */
    public VisitSummary get(long visitId, CurrentUser user) {
        return queries.visit(visitId, user);
    }

    /** The visits of cadres in the scope that found a problem (发现问题), oldest first. */
    public List<VisitSummary> withProblems(OrgScope scope) {
        return queries.withProblems(scope);
    }
}
