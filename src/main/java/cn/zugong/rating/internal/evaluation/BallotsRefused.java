package cn.zugong.rating.internal.evaluation;

import cn.zugong.shared.ZugongException;
import java.util.List;

/** Sheets the ballot box refused, each with the rater's number and the reason; nothing of the call was kept. */
public class BallotsRefused extends ZugongException {

    private final List<String> reasons;

    public BallotsRefused(List<String> reasons) {
        super(409, reasons.size() == 1 ? reasons.get(0)
                : "共 " + reasons.size() + " 份评议票被拒绝：" + String.join("；", reasons.subList(0, Math.min(20, reasons.size())))
                        + (reasons.size() > 20 ? "……" : ""));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
