package cn.zugong.tickets.internal;

import cn.zugong.audit.AuditAction;
import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.org.PlatformAdmin;
import cn.zugong.shared.ConflictException;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The categories and their SLA, as data (seeded by V45). The platform administrator edits the SLA
 * and switches categories on and off; the SLA counts from the triage date in calendar days.
 */
@Service
public class TicketCategories {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final PlatformAdmin platform;

    TicketCategories(JdbcClient jdbc, AuditTrail audit, Clock clock, PlatformAdmin platform) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.platform = platform;
    }

    public List<TicketCategory> all() {
        return jdbc.sql("select code, name, sla_days, sort_order, active from ticket_category order by sort_order, code")
                .query((rs, i) -> new TicketCategory(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getBoolean(5))).list();
    }

    public List<TicketCategory> active() {
        return all().stream().filter(TicketCategory::active).toList();
    }

    public Optional<TicketCategory> find(String code) {
        return code == null ? Optional.empty() : all().stream().filter(c -> c.code().equals(code.strip())).findFirst();
    }

    /** An active category, or a Chinese refusal naming the field. */
    TicketCategory require(String code) {
        if (code == null || code.isBlank()) {
            throw new ConflictException("请选择问题类别");
        }
        return find(code).filter(TicketCategory::active)
                .orElseThrow(() -> new ConflictException("问题类别不存在或已停用：" + code));
    }

    /** Only the platform administrator (docs/adr/038) sets the SLA every unit works to. */
    public boolean mayEdit(CurrentUser user) {
        return platform.is(user);
    }

    @Transactional
    public TicketCategory update(String code, Integer slaDays, boolean active, CurrentUser user) {
        if (!mayEdit(user)) {
            throw new ForbiddenException("只有市级及以上组织部管理员可以设置问题类别的处理时限");
        }
        TicketCategory before = find(code).orElseThrow(() -> new NotFoundException("问题类别不存在：" + code));
        if (slaDays == null || slaDays < 1 || slaDays > 365) {
            throw new ConflictException("处理时限（天）须为 1–365 之间的整数：" + slaDays);
        }
        jdbc.sql("""
                        update ticket_category set sla_days = :sla, active = :active, updated_by = :by, updated_at = :at
                        where code = :code
                        """).param("sla", slaDays).param("active", active).param("by", user.username())
                .param("at", LocalDateTime.now(clock)).param("code", before.code()).update();
        TicketCategory after = find(code).orElseThrow();
        audit.record(new AuditEvent(AuditAction.CONFIG, "ticket_category", before.code(),
                "问题类别处理时限：" + before.name() + " " + before.slaDays() + " 天 → " + after.slaDays() + " 天"
                        + (after.active() ? "" : "（停用）"),
                Map.of("slaDays", before.slaDays(), "active", before.active()),
                Map.of("slaDays", after.slaDays(), "active", after.active()), null));
        return after;
    }
}
