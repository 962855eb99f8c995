package cn.zugong.tickets.internal;

import cn.zugong.closure.StepInput;
import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A ticket's step as its page's form and the API's JSON body carry it: the workflow's fields plus the category
 * (分拣交办) and the satisfaction (回访). The API also accepts the unit as {@code unitId}, its earlier name.
 */
record TicketStepForm(String note, String category, @JsonAlias("unitId") Long toUnitId,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline, String assignee,
                      String satisfaction) {

    StepInput input() {
        Map<String, String> more = new HashMap<>();
        more.put(TicketSteps.CATEGORY, category);
        more.put(TicketSteps.SATISFACTION, satisfaction);
        return new StepInput(note, assignee, deadline, toUnitId, more);
    }
}
