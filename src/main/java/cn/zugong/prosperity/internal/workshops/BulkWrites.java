package cn.zugong.prosperity.internal.workshops;

import cn.zugong.org.NodeKind;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.prosperity.WorkshopLoader;
import cn.zugong.prosperity.WorkshopPeriod;
import cn.zugong.talent.CreditCodes;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link WorkshopLoader}: the batch writes of loaders, checked like the pages' writes, no scope or role. */
@Service
class BulkWrites implements WorkshopLoader {

    private final WorkshopStore store;
    private final OrgTree tree;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    BulkWrites(WorkshopStore store, OrgTree tree, JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.store = store;
        this.tree = tree;
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    @Override
    public boolean hasWorkshops() {
        return jdbc.sql("select count(*) from workshop").query(Long.class).single() > 0;
    }

    @Override
    @Transactional
    public List<Long> addWorkshops(List<NewWorkshop> workshops, String by) {
        LocalDateTime now = LocalDateTime.now(clock);
        Map<String, Long> enterprises = new HashMap<>();
        Map<Long, OrgNode> nodes = tree.byIds(workshops.stream().map(NewWorkshop::nodeId).distinct().toList());
        Map<String, Long> counties = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        for (NewWorkshop w : workshops) {
            OrgNode node = nodes.get(w.nodeId());
            if (node == null || (node.kind() != NodeKind.TOWNSHIP && node.kind() != NodeKind.VILLAGE)) {
                throw new IllegalArgumentException("a workshop belongs to a township or a village: " + w.nodeId());
            }
            long county = county(node, counties);
            long id = store.insert(w.name(), w.nodeId(), county, w.typeCode(), w.products(), w.startedOn(),
                    w.provincialModel(), by, now);
            List<Long> runners = w.runners().stream().map(e -> enterprises.computeIfAbsent(checked(e),
                    code -> store.enterprise(code, e.name(), now))).distinct().toList();
            store.replaceLinks(id, w.villageIds(), runners);
            ids.add(id);
        }
        return ids;
    }

    /** The county of a node, looked up once per node. */
    private long county(OrgNode node, Map<String, Long> counties) {
        return counties.computeIfAbsent(node.path(), p -> store.countyOf(p)
                .orElseThrow(() -> new IllegalArgumentException("the node lies above a county: " + p)));
    }

    private static String checked(Enterprise e) {
        String code = e.creditCode().toUpperCase(java.util.Locale.ROOT);
        CreditCodes.problem(code).ifPresent(p -> {
            throw new IllegalArgumentException(e.name() + ": " + p);
        });
        return code;
    }

    @Override
    @Transactional
    public void addLedger(List<LedgerMonth> months, String by) {
        LocalDateTime now = LocalDateTime.now(clock);
        store.insertLedger(months.stream().map(m -> {
            if (m.lowIncome() > m.employed()) {
                throw new IllegalArgumentException("low income over employed: " + m);
            }
            return new WorkshopStore.Ledger(m.workshopId(), WorkshopPeriod.key(m.month()), m.employed(),
                    m.lowIncome(), m.wages(), m.sales(), m.collectiveIncome(), "DEMO", by, now, 0);
        }).toList());
    }

    @Override
    @Transactional
    public void addPairs(List<NewPair> pairs, String by) {
        LocalDateTime now = LocalDateTime.now(clock);
        Map<String, Long> enterprises = new HashMap<>();
        Map<Long, OrgNode> villages = tree.byIds(pairs.stream().map(NewPair::villageId).distinct().toList());
        Map<String, Long> counties = new HashMap<>();
        List<Object[]> rows = new ArrayList<>();
        for (NewPair p : pairs) {
            OrgNode v = villages.get(p.villageId());
            if (v == null || v.kind() != NodeKind.VILLAGE) {
                throw new IllegalArgumentException("a pair's village must be a village: " + p.villageId());
            }
            long county = county(v, counties);
            long enterprise = enterprises.computeIfAbsent(checked(p.enterprise()),
                    code -> store.enterprise(code, p.enterprise().name(), now));
            rows.add(new Object[] {enterprise, p.villageId(), county, Date.valueOf(p.since()), p.content(), by,
                    Timestamp.valueOf(now)});
        }
        template.batchUpdate("insert into workshop_pair (enterprise_id, village_id, county_id, since, content, status, "
                + "created_by, created_at) values (?, ?, ?, ?, ?, 'ACTIVE', ?, ?)", rows);
    }

    @Override
    @Transactional
    public void addCompanies(List<NewCompany> companies, String by) {
        LocalDateTime now = LocalDateTime.now(clock);
        for (NewCompany c : companies) {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("insert into workshop_company (name, county_id, registered_capital, founded_on, created_by, "
                            + "created_at) values (:n, :c, :cap, :f, :by, :at)")
                    .param("n", c.name()).param("c", c.countyId()).param("cap", c.registeredCapital())
                    .param("f", c.foundedOn() == null ? null : Date.valueOf(c.foundedOn()), java.sql.Types.DATE)
                    .param("by", by).param("at", Timestamp.valueOf(now)).update(key, "id");
            long id = key.getKey().longValue();
            template.batchUpdate("insert into workshop_company_share (company_id, village_id, share_pct) values (?, ?, ?)",
                    c.sharesByVillage().entrySet().stream().map(e -> new Object[] {id, e.getKey(), e.getValue()})
                            .toList());
            template.batchUpdate("insert into workshop_company_revenue (company_id, revenue_year, revenue) values (?, ?, ?)",
                    c.revenueByYear().entrySet().stream().map(e -> new Object[] {id, e.getKey(), e.getValue()})
                            .toList());
        }
    }
}
