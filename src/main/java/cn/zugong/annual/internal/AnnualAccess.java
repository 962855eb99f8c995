package cn.zugong.annual.internal;

import cn.zugong.annual.internal.ReviewRecords.Review;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.ForbiddenException;
import cn.zugong.shared.NotFoundException;
import cn.zugong.shared.Role;

/**
 * Who may do what with a review (ADR 081): the office roles read the reviews of their scope (outside it: 404); ADMIN
 * and REVIEWER generate and edit; ADMIN publishes.
 */
final class AnnualAccess {

    private AnnualAccess() {
    }

    static void requireReader(CurrentUser user) {
        if (!user.role().isOffice()) {
            throw new ForbiddenException("当前角色（" + user.role().label() + "）不能查看年度回顾");
        }
    }

    static boolean mayWrite(CurrentUser user) {
        return user.role() == Role.ADMIN || user.role() == Role.REVIEWER;
    }

    static void requireWriter(CurrentUser user) {
        requireReader(user);
        if (!mayWrite(user)) {
            throw new ForbiddenException("只有组织部管理员或审核员可以生成和编辑年度回顾（当前角色：" + user.role().label() + "）");
        }
    }

    static void requirePublisher(CurrentUser user) {
        requireReader(user);
        if (user.role() != Role.ADMIN) {
            throw new ForbiddenException("只有组织部管理员可以发布年度回顾（当前角色：" + user.role().label() + "）");
        }
    }

    /** The review, if it lies in the user's scope; 404 otherwise, as if it did not exist. */
    static Review inScope(Review review, CurrentUser user) {
        if (!user.scope().contains(review.nodePath())) {
            throw notFound(review.id());
        }
        return review;
    }

    static NotFoundException notFound(long id) {
        return new NotFoundException("年度回顾不存在或不在您的管理范围内：" + id);
    }
}
