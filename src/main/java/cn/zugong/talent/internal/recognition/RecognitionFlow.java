package cn.zugong.talent.internal.recognition;

import cn.zugong.talent.internal.recognition.RecognitionModel.Route;
import cn.zugong.talent.internal.recognition.RecognitionModel.Status;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The recognition case's state machine as one table (the closure workflow's idea, ADR 057): each step with the
 * routes it applies to and the states it starts from. Where it goes is decided by the step (e.g. 审核通过 goes to the
 * committee, the vote or straight to 待公示 by route and 直通车). Every step is ADMIN's, in scope.
 */
enum RecognitionFlow {
    REVIEW("审核通过", EnumSet.allOf(Route.class), EnumSet.of(Status.SUBMITTED)),
    RETURN("审核不通过", EnumSet.allOf(Route.class), EnumSet.of(Status.SUBMITTED)),
    OPINION("记录委员意见", EnumSet.of(Route.SPECIAL), EnumSet.of(Status.COMMITTEE)),
    CONCLUDE("委员会结论", EnumSet.of(Route.SPECIAL), EnumSet.of(Status.COMMITTEE)),
    TALLY("计票", EnumSet.of(Route.NOMINATED), EnumSet.of(Status.VOTING)),
    PUBLICISE("开始公示", EnumSet.allOf(Route.class), EnumSet.of(Status.REVIEWED)),
    OBJECT("登记异议", EnumSet.allOf(Route.class), EnumSet.of(Status.PUBLICITY)),
    ANSWER("答复异议", EnumSet.allOf(Route.class), EnumSet.of(Status.PUBLICITY)),
    DECIDE("认定", EnumSet.allOf(Route.class), EnumSet.of(Status.PUBLICITY)),
    REJECT("不予认定", EnumSet.allOf(Route.class),
            EnumSet.of(Status.COMMITTEE, Status.VOTING, Status.REVIEWED, Status.PUBLICITY)),
    REVOKE("撤销认定", EnumSet.allOf(Route.class), EnumSet.of(Status.DECIDED)),
    ATTACH("上传佐证材料", EnumSet.allOf(Route.class),
            EnumSet.of(Status.SUBMITTED, Status.COMMITTEE, Status.VOTING, Status.REVIEWED));

    private final String label;
    private final Set<Route> routes;
    private final Set<Status> from;

    RecognitionFlow(String label, Set<Route> routes, Set<Status> from) {
        this.label = label;
        this.routes = routes;
        this.from = from;
    }

    String label() {
        return label;
    }

    boolean allowed(Route route, Status status) {
        return routes.contains(route) && from.contains(status);
    }

    /** A step's name as it appears in routes ("review", "decide" …); empty for an unknown one. */
    static java.util.Optional<RecognitionFlow> parse(String name) {
        try {
            return java.util.Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** Why the step cannot be taken now, in Chinese. */
    String refusal(Route route, Status status) {
        if (!routes.contains(route)) {
            return route.label() + "没有“" + label + "”这一步";
        }
        return "案件" + status.label() + "，不能" + label;
    }
}
