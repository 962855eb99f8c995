package cn.zugong.deliberation;

import java.time.LocalDate;

/**
 * What a sitting recorded for one matter of its agenda: decided (议定事项 / 办理意见, responsible party, deadline;
 * for 私事 whether the residents settled it themselves) or not (未议结: it stays for the next sitting).
 */
public record Outcome(long matterId, String matterTitle, boolean decided, String decision, String responsible,
                      LocalDate deadline, Boolean settledByResidents) {

    /** An input for {@link Meetings#hold}: the matter was not settled at this sitting. */
    public static Outcome unsettled(long matterId) {
        return new Outcome(matterId, null, false, null, null, null, null);
    }

    public static Outcome decided(long matterId, String decision, String responsible, LocalDate deadline,
                                  Boolean settledByResidents) {
        return new Outcome(matterId, null, true, decision, responsible, deadline, settledByResidents);
    }
}
