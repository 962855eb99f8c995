package cn.zugong.closure.internal;

import cn.zugong.closure.Escalation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 督办 levels by working days overdue (docs/adr/020): from {@code reminder} working days past the deadline
 * a reminder, from {@code yellow} a yellow card, from {@code red} a red card to the next level up.
 */
@Component
public class EscalationRule {

    private final int reminder;
    private final int yellow;
    private final int red;

    EscalationRule(@Value("${zugong.closure.escalation.reminder-after:1}") int reminder,
                   @Value("${zugong.closure.escalation.yellow-after:5}") int yellow,
                   @Value("${zugong.closure.escalation.red-after:10}") int red) {
        if (!(0 < reminder && reminder < yellow && yellow < red)) {
            throw new IllegalStateException("zugong.closure.escalation: need 0 < reminder-after < yellow-after < red-after");
        }
        this.reminder = reminder;
        this.yellow = yellow;
        this.red = red;
    }

    public Escalation levelFor(int overdueWorkdays) {
        if (overdueWorkdays >= red) {
            return Escalation.RED_CARD;
        }
        if (overdueWorkdays >= yellow) {
            return Escalation.YELLOW_CARD;
        }
        return overdueWorkdays >= reminder ? Escalation.REMINDER : Escalation.NONE;
    }

    public String describe() {
        return "逾期 " + reminder + " 个工作日提醒，" + yellow + " 个工作日黄牌督办，" + red + " 个工作日红牌督办（报上一级）";
    }
}
