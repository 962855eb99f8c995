package cn.zugong.prosperity.internal.workshops;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.org.NodeKind;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import cn.zugong.talent.CreditCodes;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 百企联百村 pairs (scoped by their village) and 强村公司 (scoped by their county; a township or village also sees
 * the companies its villages hold shares in). ADMIN writes.
 */
@Service
class Pairs {

    private final JdbcClient jdbc;
    private final OrgTree tree;
    private final WorkshopStore store;
    private final AuditTrail audit;
    private final Clock clock;

    Pairs(JdbcClient jdbc, OrgTree tree, WorkshopStore store, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.tree = tree;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    record Pair(long id, String enterpriseName, String creditCode, long villageId, String villageName,
                String countyName, LocalDate since, String content, String status) {
        public String statusLabel() {
            return "ACTIVE".equals(status) ? "结对中" : "已结束";
        }
    }

    record Company(long id, String name, long countyId, String countyName, BigDecimal registeredCapital,
                   LocalDate foundedOn, long villages, BigDecimal latestRevenue, Integer latestYear) {
    }

    record Share(long villageId, String villageName, BigDecimal sharePct) {
    }

    record Revenue(int revenueYear, BigDecimal revenue) {
    }

    record CompanyDetail(Company company, List<Share> shares, List<Revenue> revenues) {
    }

    public record PairForm(String enterpriseName, String creditCode, Long villageId, String since, String content) {
    }

    /** {@code shares}: one line per village, "村代码 占股%" (e.g. 330902001001 25). */
    public record CompanyForm(String name, Long countyId, String registeredCapital, String foundedOn, String shares) {
    }

    private static final String PAIR = """
            select p.id, e.name as enterprise_name, e.credit_code, p.village_id, v.name as village_name,
                   c.name as county_name, p.since, p.content, p.status
              from workshop_pair p join workshop_enterprise e on e.id = p.enterprise_id
              join org_node v on v.id = p.village_id join org_node c on c.id = p.county_id
            """;

    private static final String COMPANY = """
            select k.id, k.name, k.county_id, c.name as county_name, k.registered_capital, k.founded_on,
                   (select count(*) from workshop_company_share s where s.company_id = k.id) as villages,
                   (select r.revenue from workshop_company_revenue r where r.company_id = k.id
                     order by r.revenue_year desc fetch first 1 rows only) as latest_revenue,
                   (select max(r.revenue_year) from workshop_company_revenue r where r.company_id = k.id) as latest_year
              from workshop_company k join org_node c on c.id = k.county_id
             where (c.path like :scopePath or exists (select 1 from workshop_company_share s
                    join org_node v on v.id = s.village_id where s.company_id = k.id and v.path like :scopePath))
            """;

    List<Pair> pairs(CurrentUser user, int limit) {
        Access.requireOffice(user);
        return jdbc.sql(PAIR + " where v.path like :scopePath order by c.code, v.path, e.name fetch first " + limit
                + " rows only").param("scopePath", user.scope().pathPattern()).query(Pair.class).list();
    }

    Pair pair(long id, CurrentUser user) {
        Access.requireOffice(user);
        return jdbc.sql(PAIR + " where p.id = :id and v.path like :scopePath").param("id", id)
                .param("scopePath", user.scope().pathPattern()).query(Pair.class).optional()
                .orElseThrow(() -> new NotFoundException("结对不存在或不在您的管理范围内：" + id));
    }

    List<Company> companies(CurrentUser user) {
        Access.requireOffice(user);
        return jdbc.sql(COMPANY + " order by c.code, k.name").param("scopePath", user.scope().pathPattern())
                .query(Company.class).list();
    }

    CompanyDetail company(long id, CurrentUser user) {
        Access.requireOffice(user);
        Company c = jdbc.sql(COMPANY + " and k.id = :id").param("id", id)
                .param("scopePath", user.scope().pathPattern()).query(Company.class).optional()
                .orElseThrow(() -> new NotFoundException("强村公司不存在或不在您的管理范围内：" + id));
        List<Share> shares = jdbc.sql("select s.village_id, v.name as village_name, s.share_pct from "
                + "workshop_company_share s join org_node v on v.id = s.village_id where s.company_id = :id "
                + "order by s.share_pct desc, v.code").param("id", id).query(Share.class).list();
        List<Revenue> revenues = jdbc.sql("select revenue_year, revenue from workshop_company_revenue "
                + "where company_id = :id order by revenue_year desc").param("id", id).query(Revenue.class).list();
        return new CompanyDetail(c, shares, revenues);
    }

    @Transactional
    public long addPair(PairForm f, CurrentUser user) {
        Access.requireAdmin(user);
        Map<String, String> errors = new LinkedHashMap<>();
        String name = f.enterpriseName() == null ? "" : f.enterpriseName().strip();
        if (name.isEmpty() || name.length() > 100) {
            errors.put("enterpriseName", "企业名称：必填，不超过 100 个字");
        }
        String code = f.creditCode() == null ? "" : f.creditCode().strip().toUpperCase(Locale.ROOT);
        CreditCodes.problem(code).ifPresent(p -> errors.put("creditCode", p));
        OrgNode village = f.villageId() == null ? null : tree.byId(f.villageId())
                .filter(v -> v.kind() == NodeKind.VILLAGE && user.scope().contains(v.path())).orElse(null);
        if (village == null) {
            errors.put("villageId", "结对村：须为您管理范围内的村（社区）");
        }
        LocalDate since = date(f.since(), "since", "结对日期", errors);
        String content = f.content() == null ? "" : f.content().strip();
        if (content.isEmpty() || content.length() > 500) {
            errors.put("content", "帮扶内容：必填，不超过 500 个字");
        }
        if (!errors.isEmpty()) {
            throw new FormRefused(errors);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        long enterprise = store.enterprise(code, name, now);
        boolean exists = jdbc.sql("select count(*) from workshop_pair where enterprise_id = :e and village_id = :v")
                .param("e", enterprise).param("v", village.id()).query(Long.class).single() > 0;
        if (exists) {
            throw new ConflictException("该企业已与" + village.name() + "结对");
        }
        long county = store.countyOf(village.path()).orElseThrow();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into workshop_pair (enterprise_id, village_id, county_id, since, content, status, created_by, "
                        + "created_at) values (:e, :v, :c, :s, :content, 'ACTIVE', :by, :at)")
                .param("e", enterprise).param("v", village.id()).param("c", county).param("s", Date.valueOf(since))
                .param("content", content).param("by", user.username()).param("at", Timestamp.valueOf(now))
                .update(key, "id");
        long id = key.getKey().longValue();
        audit.record(new AuditEvent(AuditAction.CREATE, "workshop_pair", String.valueOf(id), "新增百企联百村结对：" + name
                + " — " + village.name(), null, Map.of("creditCode", code, "villageId", village.id()), user.username()));
        return id;
    }

    @Transactional
    public void endPair(long id, CurrentUser user) {
        Access.requireAdmin(user);
        Pair p = pair(id, user);
        jdbc.sql("update workshop_pair set status = 'ENDED' where id = :id").param("id", id).update();
        audit.record(new AuditEvent(AuditAction.UPDATE, "workshop_pair", String.valueOf(id), "结束百企联百村结对：" + p
                .enterpriseName() + " — " + p.villageName(), Map.of("status", p.status()), Map.of("status", "ENDED"),
                user.username()));
    }

    @Transactional
    public long addCompany(CompanyForm f, CurrentUser user) {
        Access.requireAdmin(user);
        Map<String, String> errors = new LinkedHashMap<>();
        String name = f.name() == null ? "" : f.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            errors.put("name", "公司名称：必填，不超过 100 个字");
        }
        OrgNode county = f.countyId() == null ? null : tree.byId(f.countyId())
                .filter(c -> c.kind() == NodeKind.COUNTY && user.scope().contains(c.path())).orElse(null);
        if (county == null) {
            errors.put("countyId", "所属县（市、区）：须为您管理范围内的县（市、区）");
        }
        BigDecimal capital = LedgerCheck.money(f.registeredCapital()).value();
        if (capital == null || capital.signum() <= 0) {
            errors.put("registeredCapital", "注册资本（元）：应为大于 0 的金额");
        }
        LocalDate founded = f.foundedOn() == null || f.foundedOn().isBlank() ? null
                : date(f.foundedOn(), "foundedOn", "成立日期", errors);
        Map<Long, BigDecimal> shares = shares(f.shares(), county, errors);
        if (!errors.isEmpty()) {
            throw new FormRefused(errors);
        }
        if (jdbc.sql("select count(*) from workshop_company where name = :n").param("n", name).query(Long.class)
                .single() > 0) {
            throw new FormRefused(Map.of("name", "公司名称：已有同名的强村公司"));
        }
        LocalDateTime now = LocalDateTime.now(clock);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into workshop_company (name, county_id, registered_capital, founded_on, created_by, created_at) "
                        + "values (:n, :c, :cap, :f, :by, :at)")
                .param("n", name).param("c", county.id()).param("cap", capital)
                .param("f", founded == null ? null : Date.valueOf(founded), java.sql.Types.DATE)
                .param("by", user.username()).param("at", Timestamp.valueOf(now)).update(key, "id");
        long id = key.getKey().longValue();
        shares.forEach((v, pct) -> jdbc.sql("insert into workshop_company_share (company_id, village_id, share_pct) "
                + "values (:k, :v, :p)").param("k", id).param("v", v).param("p", pct).update());
        audit.record(new AuditEvent(AuditAction.CREATE, "workshop_company", String.valueOf(id), "新增强村公司：" + name,
                null, Map.of("countyId", county.id(), "shares", shares), user.username()));
        return id;
    }

    /** Sets one year's revenue (replacing it when given before). */
    @Transactional
    public void setRevenue(long id, String year, String revenue, CurrentUser user) {
        Access.requireAdmin(user);
        Company c = company(id, user).company();
        if (!user.scope().contains(tree.byId(c.countyId()).orElseThrow().path())) {
            throw new NotFoundException("强村公司不存在或不在您的管理范围内：" + id);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Integer y = null;
        try {
            y = Integer.valueOf(year == null ? "" : year.strip());
            if (y < 2000 || y > LocalDate.now(clock).getYear()) {
                errors.put("revenueYear", "年度：应在 2000 年至今年之间");
            }
        } catch (NumberFormatException e) {
            errors.put("revenueYear", "年度：应为四位年份");
        }
        var money = LedgerCheck.money(revenue);
        if (!money.ok()) {
            errors.put("revenue", "营业收入（元）：" + money.problem());
        }
        if (!errors.isEmpty()) {
            throw new FormRefused(errors);
        }
        jdbc.sql("delete from workshop_company_revenue where company_id = :k and revenue_year = :y").param("k", id)
                .param("y", y).update();
        jdbc.sql("insert into workshop_company_revenue (company_id, revenue_year, revenue) values (:k, :y, :r)")
                .param("k", id).param("y", y).param("r", money.value()).update();
        audit.record(new AuditEvent(AuditAction.UPDATE, "workshop_company", String.valueOf(id), "登记强村公司营业收入："
                + c.name() + " " + y, null, Map.of("year", y, "revenue", money.value()), user.username()));
    }

    private Map<Long, BigDecimal> shares(String text, OrgNode county, Map<String, String> errors) {
        Map<Long, BigDecimal> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            errors.put("shares", "入股村：至少一个（每行“村代码 占股%”）");
            return out;
        }
        BigDecimal total = BigDecimal.ZERO;
        String[] lines = text.strip().split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String[] parts = lines[i].strip().split("[\\s,，]+");
            if (parts.length != 2) {
                errors.put("shares", "入股村第 " + (i + 1) + " 行：应为“村代码 占股%”");
                return out;
            }
            OrgNode v = tree.byCode(parts[0]).orElse(null);
            if (v == null || v.kind() != NodeKind.VILLAGE || county == null || !county.asScope().contains(v.path())) {
                errors.put("shares", "入股村第 " + (i + 1) + " 行：" + parts[0] + " 不是本县（市、区）的村（社区）");
                return out;
            }
            BigDecimal pct;
            try {
                pct = new BigDecimal(parts[1].replace("%", ""));
            } catch (NumberFormatException e) {
                errors.put("shares", "入股村第 " + (i + 1) + " 行：占股应为数字：" + parts[1]);
                return out;
            }
            if (pct.signum() <= 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0 || pct.scale() > 2) {
                errors.put("shares", "入股村第 " + (i + 1) + " 行：占股应在 0 到 100 之间（至多两位小数）");
                return out;
            }
            if (out.put(v.id(), pct) != null) {
                errors.put("shares", "入股村第 " + (i + 1) + " 行：" + v.name() + " 重复");
                return out;
            }
            total = total.add(pct);
        }
        if (total.compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.put("shares", "入股村：占股合计 " + total.toPlainString() + "% 超过 100%");
        }
        return out;
    }

    private static LocalDate date(String text, String field, String label, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            errors.put(field, label + "：必填");
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, label + "：日期格式应为 yyyy-MM-dd：" + text.strip());
            return null;
        }
    }
}
