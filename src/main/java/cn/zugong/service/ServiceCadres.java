package cn.zugong.service;

import cn.zugong.service.internal.ServiceQueries;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The service cadres as other modules see them. */
@Service
public class ServiceCadres {

    private final ServiceQueries queries;

    ServiceCadres(ServiceQueries queries) {
        this.queries = queries;
    }

    /** The cadre an account (role CADRE) is linked to; empty for an unlinked or unknown account. */
    public Optional<CadreSummary> byUsername(String username) {
        return queries.cadreByUsername(username);
    }
}
