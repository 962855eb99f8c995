package cn.zugong.tickets.internal;

import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.NotFoundException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/** The steps of a ticket as pages and the API name them, and what each needs from the form or JSON body. */
public enum Step {
    TRIAGE("分拣交办"),
    TRANSFER("转办"),
    START("开始办理"),
    PROGRESS("更新办理情况"),
    RESOLVE("办结"),
    CALLBACK("回访"),
    VERIFY("核验通过"),
    REJECT("核验退回"),
    CLOSE("销号"),
    REOPEN("重新打开"),
    INSTRUCT("领导批示"),
    ANSWER("答复批示");

    /** The fields a step may carry; unused ones are ignored. */
    record Input(String note, String category, Long unitId, LocalDate deadline, String assignee,
                 String satisfaction) {
        static final Input NONE = new Input(null, null, null, null, null, null);
    }

    private final String label;

    Step(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Step parse(String action) {
        return Arrays.stream(values()).filter(s -> s.name().equals(action.toUpperCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new NotFoundException("没有这个操作：" + action));
    }

    Ticket apply(TicketService tickets, long id, Input in, CurrentUser user) {
        return switch (this) {
            case TRIAGE -> tickets.triage(id, in.category(), in.unitId(), in.deadline(), in.assignee(), in.note(), user);
            case TRANSFER -> tickets.transfer(id, in.unitId(), in.note(), in.deadline(), user);
            case START -> tickets.start(id, in.note(), user);
            case PROGRESS -> tickets.progress(id, in.note(), user);
            case RESOLVE -> tickets.resolve(id, in.note(), user);
            case CALLBACK -> tickets.callback(id, in.satisfaction(), in.note(), user);
            case VERIFY -> tickets.verify(id, in.note(), user);
            case REJECT -> tickets.reject(id, in.note(), user);
            case CLOSE -> tickets.close(id, in.note(), user);
            case REOPEN -> tickets.reopen(id, in.note(), in.deadline(), user);
            case INSTRUCT -> tickets.instruct(id, in.note(), user);
            case ANSWER -> tickets.answer(id, in.note(), user);
        };
    }
}
