package cn.zugong.cadre.internal;

import cn.zugong.audit.AuditEvent;
import cn.zugong.audit.AuditTrail;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.Role;
import org.springframework.stereotype.Component;

/**
 * Who may do what in the cadre module (ADR 074), one rule for every part: the office (ADMIN, REVIEWER, REPORTER,
 * LEADER) and 干部监督 read what lies in their scope; ADMIN and REVIEWER (the 干部科 staff) write the ordinary records
 * of their scope; the incentive and discipline records (激励关爱) exist only for ADMIN and 干部监督 — to everyone else
 * they answer 404, as if absent — and every read of one is audited.
 */
@Component
public class CadreAccess {

    private final AuditTrail audit;

    CadreAccess(AuditTrail audit) {
        this.audit = audit;
    }

    /** Reads of the ordinary records: the office and 干部监督 (the routes admit no one else; this guards services). */
    public void requireRead(CurrentUser user) {
        if (!user.role().isOffice() && !user.role().isCadreSupervisor()) {
            throw new ForbiddenException("当前角色无权访问干部工作");
        }
    }

    /** Writes of the ordinary records of a node at {@code nodePath}: ADMIN or REVIEWER whose scope holds it. */
    public void requireWrite(CurrentUser user, String nodePath) {
        requireWriter(user);
        if (!user.scope().contains(nodePath)) {
            throw new ForbiddenException("该单位不在您的管理范围内");
        }
    }

    /** Whether the role may write the ordinary records at all (ADMIN and REVIEWER, the 干部科 staff). */
    public static boolean canWrite(CurrentUser user) {
        return user.role() == Role.ADMIN || user.role() == Role.REVIEWER;
    }

    /** Page writes check the role first: a refused role gets 403, never a redirect back to the form. */
    public static void requireWriter(CurrentUser user) {
        if (!canWrite(user)) {
            throw new ForbiddenException("只有组织部管理员和审核员可以维护干部工作记录");
        }
    }

    /** Whether the user may know that incentive and discipline records exist at all. */
    public boolean seesSensitive(CurrentUser user) {
        return user.role() == Role.ADMIN || user.role().isCadreSupervisor();
    }

    /** The incentive and discipline records: for anyone else they do not exist (404, nothing revealed). */
    public void requireSensitive(CurrentUser user) {
        if (!seesSensitive(user)) {
            throw new NotFoundException("未找到该记录");
        }
    }

    /** A sensitive record of a node at {@code nodePath} read by the user: out of scope is 404 too; the read audited. */
    public void auditedRead(CurrentUser user, String nodePath, String objectType, Object id, String summary) {
        requireSensitive(user);
        if (!user.scope().contains(nodePath)) {
            throw new NotFoundException("未找到该记录");
        }
        audit.record(AuditEvent.read(objectType, id, summary));
    }
}
