package cn.zugong.calendar.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The calendar's exception days (holidays on weekdays, 调休 working days on weekends), read once and cached. */
@Repository
public class CalendarDays {

    private final JdbcClient jdbc;
    private volatile Map<LocalDate, Boolean> exceptions;

    CalendarDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<LocalDate, Boolean> exceptions() {
        Map<LocalDate, Boolean> loaded = exceptions;
        if (loaded == null) {
            Map<LocalDate, Boolean> map = new HashMap<>();
            jdbc.sql("select cal_day, workday from work_calendar_day")
                    .query(rs -> {
                        map.put(rs.getObject(1, LocalDate.class), rs.getBoolean(2));
                    });
            loaded = Map.copyOf(map);
            exceptions = loaded;
        }
        return loaded;
    }
}
