package cn.zugong.talent.internal;

import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.Role;
import org.springframework.stereotype.Component;

/**
 * Who sees which talent — the one rule every talent route goes through (ADR 055):
 * <ul>
 * <li>the office (ADMIN, REVIEWER, LEADER, REPORTER) sees the talents whose node lies in its scope;</li>
 * <li>a TALENT sees only the talent linked to the own account;</li>
 * <li>a 举荐委员 sees no registry record (only the nominations of the own groups, through the recognition pages);</li>
 * <li>service cadres and the three security officers see none.</li>
 * </ul>
 * Anything not seen answers 404, as everywhere on the platform. Only ADMIN changes the registry.
 */
@Component
public class TalentAccess {

    private final TalentStore store;

    TalentAccess(TalentStore store) {
        this.store = store;
    }

    /** The talent if the user may see it, else 404. */
    public TalentRecord talent(long id, CurrentUser user) {
        return store.find(id).filter(t -> sees(user, t)).orElseThrow(() -> notFound(id));
    }

    /** The talent an account of role TALENT is linked to; 404 for anyone else or an unlinked account. */
    public TalentRecord own(CurrentUser user) {
        if (user.role() != Role.TALENT) {
            throw new NotFoundException("没有关联的人才信息");
        }
        return store.findByUsername(user.username()).orElseThrow(() -> new NotFoundException("没有关联的人才信息"));
    }

    public static boolean sees(CurrentUser user, TalentRecord t) {
        if (user.role() == Role.TALENT) {
            return user.username().equals(t.username());
        }
        return user.role().isOffice() && user.scope().contains(t.nodePath());
    }

    /** The registry is changed by the 组织部管理员 (人才办) only. */
    public static void requireAdmin(CurrentUser user) {
        if (user.role() != Role.ADMIN) {
            throw new ForbiddenException("当前角色（" + user.role().label() + "）无权修改人才信息");
        }
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("人才不存在或不在您的管理范围内：" + id);
    }
}
