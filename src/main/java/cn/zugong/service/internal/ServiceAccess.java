package cn.zugong.service.internal;

import cn.zugong.service.internal.Records.Cadre;
import cn.zugong.service.internal.Records.Visit;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.Role;
import org.springframework.stereotype.Component;

/**
 * Who sees and does what. A 服务干部 (CADRE) sees only the own cadre record, charges and visits, and logs only
 * the own visits; office roles see the cadres whose node lies in their scope and their visits; an 组织部管理员
 * (ADMIN) over a cadre's node edits the cadre and charges and may log visits for the cadre. Anything not
 * visible answers 404, a role that may not act 403.
 */
@Component
class ServiceAccess {

    private final ServiceRepository repository;
    private final VisitRepository visits;

    ServiceAccess(ServiceRepository repository, VisitRepository visits) {
        this.repository = repository;
        this.visits = visits;
    }

    static boolean isCadre(CurrentUser user) {
        return user.role() == Role.CADRE;
    }

    /** The cadre record of a signed-in 服务干部; 403 while the account is not linked to one. */
    Cadre ownCadre(CurrentUser user) {
        return repository.cadreByUsername(user.username()).orElseThrow(() -> new ForbiddenException(
                "您的账号尚未关联服务干部档案，请联系组织部管理员"));
    }

    Cadre visibleCadre(CurrentUser user, long id) {
        Cadre cadre = repository.cadre(id).filter(c -> isCadre(user) ? user.username().equals(c.username())
                : user.scope().contains(c.nodePath())).orElse(null);
        if (cadre == null) {
            throw new NotFoundException("服务干部不存在或不在您的管理范围内：" + id);
        }
        return cadre;
    }

    /** An ADMIN whose scope holds the cadre's node; others read only. */
    Cadre editableCadre(CurrentUser user, long id) {
        Cadre cadre = visibleCadre(user, id);
        requireAdmin(user);
        return cadre;
    }

    static void requireAdmin(CurrentUser user) {
        if (user.role() != Role.ADMIN) {
            throw new ForbiddenException("只有组织部管理员可以维护服务干部、联系对象、企业和项目");
        }
    }

    static boolean canEdit(CurrentUser user) {
        return user.role() == Role.ADMIN;
    }

    /** The cadre a visit is logged for: a CADRE logs only the own; an ADMIN for a cadre in the scope. */
    Cadre loggingCadre(CurrentUser user, Long cadreId) {
        if (isCadre(user)) {
            Cadre own = ownCadre(user);
            if (cadreId != null && cadreId != own.id()) {
                throw new NotFoundException("服务干部不存在或不在您的管理范围内：" + cadreId);
            }
            return own;
        }
        if (user.role() != Role.ADMIN) {
            throw new ForbiddenException("只有服务干部本人和组织部管理员可以登记走访");
        }
        if (cadreId == null) {
            throw new InvalidForm(java.util.Map.of("cadreId", "请选择服务干部"));
        }
        return visibleCadre(user, cadreId);
    }

    static boolean canLog(CurrentUser user) {
        return user.role() == Role.CADRE || user.role() == Role.ADMIN;
    }

    Visit visibleVisit(CurrentUser user, long id) {
        Visit visit = visits.visit(id).filter(v -> isCadre(user) ? user.username().equals(v.cadreUsername())
                : user.scope().contains(v.nodePath())).orElse(null);
        if (visit == null) {
            throw new NotFoundException("走访记录不存在或不在您的管理范围内：" + id);
        }
        return visit;
    }
}
