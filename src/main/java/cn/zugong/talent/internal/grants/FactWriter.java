package cn.zugong.talent.internal.grants;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.talent.TalentBenefits;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Facts added through the public API ({@link TalentBenefits}): batched inserts, one audit event. */
@Component
public class FactWriter {

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    FactWriter(JdbcTemplate jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public List<TalentBenefits.TalentRef> talentsCreatedBy(String createdBy) {
        return jdbc.query("select id, employer_id, arrived_on, level from talent where created_by = ? order by id",
                (rs, n) -> new TalentBenefits.TalentRef(rs.getLong("id"), (Long) rs.getObject("employer_id", Long.class),
                        rs.getDate("arrived_on") == null ? null : rs.getDate("arrived_on").toLocalDate(),
                        rs.getString("level")), createdBy);
    }

    public boolean anyRun() {
        return jdbc.queryForObject("select count(*) from talent_grant_run", Long.class) > 0;
    }

    @Transactional
    public void record(List<TalentBenefits.House> houses, List<TalentBenefits.Rental> rentals,
                       List<TalentBenefits.Social> social, List<TalentBenefits.Employment> employment, String by) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
        jdbc.batchUpdate("insert into talent_house_purchase (talent_id, contract_date, address, area, imported_by, "
                + "imported_at) values (?, ?, ?, ?, ?, ?)", houses.stream().map(h -> new Object[] {h.talentId(),
                Date.valueOf(h.contractDate()), h.address(), h.area(), by, now}).toList());
        jdbc.batchUpdate("insert into talent_rental (talent_id, from_date, to_date, monthly_rent, imported_by, imported_at) "
                + "values (?, ?, ?, ?, ?, ?)", rentals.stream().map(r -> new Object[] {r.talentId(), Date.valueOf(r.from()),
                r.to() == null ? null : Date.valueOf(r.to()), r.monthlyRent(), by, now}).toList());
        jdbc.batchUpdate("insert into talent_social_security (talent_id, pay_month, paid_in_city, imported_by, imported_at) "
                + "values (?, ?, ?, ?, ?)", social.stream().map(s -> new Object[] {s.talentId(),
                s.month().getYear() * 100 + s.month().getMonthValue(), s.paidInCity(), by, now}).toList());
        jdbc.batchUpdate("insert into talent_employment (talent_id, employer_id, from_date, to_date, imported_by, "
                + "imported_at) values (?, ?, ?, ?, ?, ?)", employment.stream().map(e -> new Object[] {e.talentId(),
                e.employerId(), Date.valueOf(e.from()), e.to() == null ? null : Date.valueOf(e.to()), by, now}).toList());
        audit.record(new AuditEvent(AuditAction.IMPORT, "talent_fact", null, "登记码上秒享数据：购房 " + houses.size()
                + "，租房 " + rentals.size() + "，社保 " + social.size() + "，就业 " + employment.size(), null,
                Map.of("houses", houses.size(), "rentals", rentals.size(), "social", social.size(),
                        "employment", employment.size()), by));
    }
}
