package cn.zugong.closure.internal;

import cn.zugong.closure.ClosureAction;
import cn.zugong.closure.ClosurePermissions;
import cn.zugong.closure.ClosureRuleException;
import cn.zugong.closure.ClosureStatus;
import cn.zugong.shared.ForbiddenException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The state machine as a table: each action, who may take it, from which statuses, and to which status. */
public final class Transitions {

    public enum Need { WORK, VERIFY, DISPATCH, INSTRUCT }

    /** {@code to} null: the status stays as it is. */
    public record Rule(ClosureAction action, Need need, Set<ClosureStatus> from, ClosureStatus to) {
    }

    private static final Map<ClosureAction, Rule> RULES = new EnumMap<>(ClosureAction.class);

    static {
        rule(ClosureAction.ASSIGN, Need.DISPATCH, EnumSet.of(ClosureStatus.REGISTERED), ClosureStatus.ASSIGNED);
        rule(ClosureAction.START, Need.WORK, EnumSet.of(ClosureStatus.ASSIGNED), ClosureStatus.IN_PROGRESS);
        rule(ClosureAction.PROGRESS, Need.WORK, EnumSet.of(ClosureStatus.IN_PROGRESS), null);
        rule(ClosureAction.RESOLVE, Need.WORK, EnumSet.of(ClosureStatus.IN_PROGRESS), ClosureStatus.RESOLVED);
        rule(ClosureAction.VERIFY, Need.VERIFY, EnumSet.of(ClosureStatus.RESOLVED), ClosureStatus.VERIFIED);
        rule(ClosureAction.REJECT, Need.VERIFY, EnumSet.of(ClosureStatus.RESOLVED, ClosureStatus.VERIFIED),
                ClosureStatus.IN_PROGRESS);
        rule(ClosureAction.CLOSE, Need.VERIFY, EnumSet.of(ClosureStatus.VERIFIED), ClosureStatus.CLOSED);
        rule(ClosureAction.REOPEN, Need.VERIFY, EnumSet.of(ClosureStatus.CLOSED), ClosureStatus.IN_PROGRESS);
        rule(ClosureAction.TRANSFER, Need.DISPATCH, ClosureStatus.WORKING, ClosureStatus.ASSIGNED);
        rule(ClosureAction.ATTACH, Need.WORK, EnumSet.of(ClosureStatus.ASSIGNED, ClosureStatus.IN_PROGRESS), null);
        rule(ClosureAction.INSTRUCT, Need.INSTRUCT, EnumSet.allOf(ClosureStatus.class), null);
        rule(ClosureAction.ANSWER, Need.WORK, EnumSet.allOf(ClosureStatus.class), null);
    }

    private Transitions() {
    }

    private static void rule(ClosureAction action, Need need, Set<ClosureStatus> from, ClosureStatus to) {
        RULES.put(action, new Rule(action, need, from, to));
    }

    public static Rule of(ClosureAction action) {
        return RULES.get(action);
    }

    /** Whether the action is possible now for this user (pages show only these buttons). */
    public static boolean allowed(ClosureAction action, ClosureStatus status, ClosurePermissions may) {
        Rule rule = RULES.get(action);
        return rule != null && rule.from().contains(status) && permitted(rule.need(), may);
    }

    /** Throws 403 when the role may not, a rule exception (Chinese) when the status does not allow it. */
    public static Rule check(ClosureAction action, ClosureStatus status, ClosurePermissions may) {
        Rule rule = RULES.get(action);
        if (!permitted(rule.need(), may)) {
            throw new ForbiddenException(switch (rule.need()) {
                case WORK -> "只有责任单位的填报员或上级组织部管理员可以" + action.label();
                case VERIFY -> "只有上级审核员或组织部管理员可以" + action.label();
                case DISPATCH -> "只有上级组织部管理员可以" + action.label();
                case INSTRUCT -> "只有领导可以作出批示";
            });
        }
        if (!rule.from().contains(status)) {
            if (action == ClosureAction.CLOSE && status == ClosureStatus.RESOLVED) {
                throw new ClosureRuleException("尚未核验通过，不能销号：请先核验整改结果");
            }
            throw new ClosureRuleException("当前状态为「" + status.label() + "」，不能" + action.label() + "：只有处于"
                    + rule.from().stream().map(s -> "「" + s.label() + "」").collect(Collectors.joining("、"))
                    + "状态的事项可以" + action.label());
        }
        return rule;
    }

    private static boolean permitted(Need need, ClosurePermissions may) {
        return switch (need) {
            case WORK -> may.work();
            case VERIFY -> may.verify();
            case DISPATCH -> may.dispatch();
            case INSTRUCT -> may.instruct();
        };
    }
}
