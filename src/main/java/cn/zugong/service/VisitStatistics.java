package cn.zugong.service;

import cn.zugong.service.internal.ServiceQueries;
import cn.zugong.shared.OrgScope;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/** Visit counts by kind (项目对接 / 走访企业 / 走访渔农户) for a period, straight from the visit logs. */
@Service
public class VisitStatistics {

    private final ServiceQueries queries;

    VisitStatistics(ServiceQueries queries) {
        this.queries = queries;
    }

    /** Every cadre whose node lies in the scope, with the visits dated from–to (both inclusive); 0 when none. */
    public List<CadreVisitCount> byCadre(OrgScope scope, LocalDate from, LocalDate to) {
        return queries.byCadre(scope, from, to);
    }

    /** The same per node (the unit or division the cadres belong to), in tree order. */
    public List<NodeVisitCount> byNode(OrgScope scope, LocalDate from, LocalDate to) {
        return queries.byNode(scope, from, to);
    }
}
