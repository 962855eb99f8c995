package cn.zugong.talent.internal.grants;

import cn.zugong.talent.internal.grants.BenefitRules.Kind;
import cn.zugong.talent.internal.grants.BenefitRules.Rule;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The grant run's arithmetic, set-based: for each rule two statements over whole tables — the new grants (an
 * entitlement whose key has no line yet) and the corrections (an entitlement of this month already granted whose
 * amount the facts now make different, or which they no longer support). No query per talent. The amounts and
 * levels of the rules come from the validated {@link BenefitRules} and are written into the SQL as literals
 * (numbers and single-letter level codes only); everything a user typed is bound.
 */
@Component
class GrantComputation {

    private static final String LINE_COLUMNS = """
            run_id, talent_id, rule_code, ent_key, revision, granted_period, kind, amount, level, base_amount, factor,
            capped, arrived_on, employer_name, in_directory, house_date, house_address, house_area, rental_from,
            rental_to, monthly_rent, social_months, previous_amount""";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GrantComputation.class);

    private final JdbcClient jdbc;

    private final boolean postgres;

    GrantComputation(JdbcClient jdbc, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        try (var c = dataSource.getConnection()) {
            this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the database product", e);
        }
    }

    /**
     * PostgreSQL only, for the run's transaction: hash joins throughout (the statements read whole tables; a nested
     * loop chosen on stale statistics — an empty line table on the first run — rescans the table being inserted into
     * once per row), and no JIT (its compile time exceeds these statements' run time). See ADR 060.
     */
    void prepareTransaction() {
        if (postgres) {
            jdbc.sql("set local enable_nestloop = off").update();
            jdbc.sql("set local jit = off").update();
        }
    }

    /** Lines added for {@code rule} in run {@code run} (grants + corrections). */
    int compute(long run, Rule rule, YearMonth month, int directoryYear, String scopePath) {
        int period = month.getYear() * 100 + month.getMonthValue();
        long started = System.nanoTime();
        String entitlement = entitlement(rule);
        String key = "'" + rule.key(period) + "'";
        int added = bind(jdbc.sql("insert into talent_grant_line (" + LINE_COLUMNS + ") select :run, e.talent_id, '"
                + rule.code() + "', " + key + ", 0, :period, 'GRANT', e.amount, e.level, e.base_amount, e.factor, e.capped, "
                + "e.arrived_on, e.employer_name, e.in_directory, e.house_date, e.house_address, e.house_area, "
                + "e.rental_from, e.rental_to, e.monthly_rent, e.social_months, null from (" + entitlement + ") e "
                + "where not exists (select 1 from talent_grant_line l where l.talent_id = e.talent_id and l.ent_key = "
                + key + ")"), rule, month, directoryYear, scopePath).param("run", run).update();
        long granted = System.nanoTime();
        // corrections only where the month already has lines of the rule (none on a month's first run)
        boolean earlier = jdbc.sql("select count(*) from talent_grant_line where granted_period = :period and rule_code = :rule "
                + "and run_id <> :run").param("period", period).param("rule", rule.code()).param("run", run)
                .query(Long.class).single() > 0;
        int corrected = !earlier ? 0 : bind(jdbc.sql("insert into talent_grant_line (" + LINE_COLUMNS + ") select :run, k.talent_id, '"
                + rule.code() + "', k.ent_key, k.revision + 1, :period, 'CORRECTION', coalesce(e.amount, 0) - k.total, "
                + "e.level, e.base_amount, e.factor, e.capped, e.arrived_on, e.employer_name, e.in_directory, "
                + "e.house_date, e.house_address, e.house_area, e.rental_from, e.rental_to, e.monthly_rent, "
                + "e.social_months, k.total from (select l.talent_id, l.ent_key, sum(l.amount) total, max(l.revision) "
                + "revision from talent_grant_line l join talent t on t.id = l.talent_id join org_node n on n.id = t.node_id "
                + "where l.rule_code = '" + rule.code() + "' and l.granted_period = :period and n.path like :scopePath "
                + "and l.run_id <> :run group by l.talent_id, l.ent_key) k left join (" + entitlement
                + ") e on e.talent_id = k.talent_id where coalesce(e.amount, 0) <> k.total"),
                rule, month, directoryYear, scopePath).param("run", run).update();
        log.debug("grant rule {} period {}: {} grants in {} ms, {} corrections in {} ms", rule.code(), period, added,
                (granted - started) / 1_000_000, corrected, (System.nanoTime() - granted) / 1_000_000);
        return added + corrected;
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Rule rule, YearMonth month, int directoryYear,
                                          String scopePath) {
        LocalDate start = month.atDay(1);
        LocalDate end = month.atEndOfMonth();
        spec = spec.param("period", month.getYear() * 100 + month.getMonthValue())
                .param("start", Date.valueOf(start)).param("end", Date.valueOf(end))
                .param("dirYear", directoryYear).param("scopePath", scopePath);
        if (rule.withinMonthsOfArrival() != null) {
            spec = spec.param("arrivedAfter", Date.valueOf(start.minusMonths(rule.withinMonthsOfArrival())));
        }
        if (rule.social() != null) {
            YearMonth first = month.minusMonths(rule.social().ofLast() - 1L);
            spec = spec.param("socialFrom", first.getYear() * 100 + first.getMonthValue());
        }
        return spec;
    }

    /**
     * One row per talent entitled under {@code rule} in the month: talent_id, level, base_amount, factor, amount,
     * capped and the facts. Employment, house, rental and social security are aggregated over their whole tables
     * once (group by talent), then joined.
     */
    static String entitlement(Rule rule) {
        String levels = rule.levels().keySet().stream().sorted().map(l -> "'" + l + "'").collect(Collectors.joining(", "));
        StringBuilder base = new StringBuilder("case t.level");
        for (Map.Entry<String, BigDecimal> e : rule.levels().entrySet()) {
            base.append(" when '").append(e.getKey()).append("' then ").append(e.getValue().toPlainString());
        }
        base.append(" end");
        String factor = "case when dir.employer_id is not null then " + rule.directoryFactor().toPlainString()
                + " else 1 end";
        String raw = "(" + base + ") * (" + factor + ")";
        String amount = raw;
        String capped = "false";
        if (rule.cap() != null) {
            amount = "least(" + amount + ", " + rule.cap().toPlainString() + ")";
            capped = "(" + raw + " > " + rule.cap().toPlainString() + ")";
        }
        if (rule.capByRent()) {
            capped = "(" + capped + " or " + amount + " > r.monthly_rent)";
            amount = "least(" + amount + ", r.monthly_rent)";
        }
        StringBuilder sql = new StringBuilder("select t.id talent_id, t.level, t.arrived_on, cast(" + base
                + " as decimal(14, 2)) base_amount, cast(" + factor + " as decimal(6, 3)) factor, cast(round(" + amount
                + ", 2) as decimal(14, 2)) amount, " + capped + " capped, "
                + "te.name employer_name, (dir.employer_id is not null) in_directory, "
                + (rule.housePurchaseAfterArrival() ? "h.contract_date house_date, h.address house_address, h.area house_area, "
                        : "cast(null as date) house_date, cast(null as varchar(200)) house_address, cast(null as decimal(8, 2)) house_area, ")
                + (rule.renting() ? "r.from_date rental_from, r.to_date rental_to, r.monthly_rent, "
                        : "cast(null as date) rental_from, cast(null as date) rental_to, cast(null as decimal(10, 2)) monthly_rent, ")
                + (rule.social() != null ? "ss.months social_months" : "cast(null as int) social_months")
                + " from talent t join org_node n on n.id = t.node_id");
        // the employer of the month: the highest employer id among the employments covering the month
        sql.append(rule.employed() ? " join " : " left join ").append("""
                (select e.talent_id, max(e.employer_id) employer_id from talent_employment e
                  where e.from_date <= :end and (e.to_date is null or e.to_date >= :start) group by e.talent_id) emp
                  on emp.talent_id = t.id
                left join talent_employer te on te.id = emp.employer_id
                left join (select de.employer_id from talent_directory_entry de
                             join talent_directory d on d.report_year = de.report_year
                            where de.report_year = :dirYear and de.listed = true and d.published_at is not null) dir
                  on dir.employer_id = emp.employer_id
                """);
        if (rule.housePurchaseAfterArrival()) {
            sql.append("""
                    join (select hp.talent_id, min(hp.id) house_id from talent_house_purchase hp
                            join talent ht on ht.id = hp.talent_id
                           where hp.contract_date >= ht.arrived_on and hp.contract_date <= :end group by hp.talent_id) hf
                      on hf.talent_id = t.id
                    join talent_house_purchase h on h.id = hf.house_id
                    """);
        }
        if (rule.renting()) {
            sql.append("""
                    join (select rr.talent_id, min(rr.id) rental_id from talent_rental rr
                           where rr.from_date <= :end and (rr.to_date is null or rr.to_date >= :start) group by rr.talent_id) rf
                      on rf.talent_id = t.id
                    join talent_rental r on r.id = rf.rental_id
                    """);
        }
        if (rule.social() != null) {
            sql.append("""
                    join (select s.talent_id, count(*) months from talent_social_security s
                           where s.pay_month between :socialFrom and :period and s.paid_in_city = true group by s.talent_id) ss
                      on ss.talent_id = t.id and ss.months >=\s""").append(rule.social().months()).append('\n');
        }
        sql.append(" where t.status = 'ACTIVE' and t.level in (").append(levels).append(")")
                .append(" and t.arrived_on is not null and t.arrived_on <= :end and n.path like :scopePath");
        if (rule.withinMonthsOfArrival() != null) {
            sql.append(" and t.arrived_on > :arrivedAfter");
        }
        if (rule.kind() == Kind.ONCE) {
            sql.append(""); // once-only: the key has no month; the insert skips a key already granted
        }
        return sql.toString();
    }
}
