package cn.zugong.lighting.internal;

import cn.zugong.shared.OrgScope;
import cn.zugong.shared.legend.Colour;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Lists and tasks. Task reads go through the one scope filter on the lead unit. */
@Repository
public class ListRepository {

    private static final String LIST = "select l.*, n.path owner_path, n.name owner_name from lighting_list l "
            + "join org_node n on n.id = l.owner_node_id ";
    private static final String TASK = "select t.*, n.name lead_name from lighting_task t "
            + "join org_node n on n.id = t.lead_unit_id ";

    private final JdbcClient jdbc;

    ListRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TaskList> list(long id) {
        return jdbc.sql(LIST + "where l.id = :id").param("id", id).query(ListRepository::list).optional();
    }

    public Optional<TaskList> listByCode(String code) {
        return jdbc.sql(LIST + "where l.code = :c").param("c", code).query(ListRepository::list).optional();
    }

    public List<TaskList> all() {
        return jdbc.sql(LIST + "order by l.list_year desc, l.id").query(ListRepository::list).list();
    }

    /** Lists the scope owns or leads a task of, with the number of those tasks. */
    public Map<TaskList, Integer> visible(OrgScope scope) {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.sql("select t.list_id, count(*) c from lighting_task t where " + OrgScope.sqlContains("t.lead_unit_id")
                        + " group by t.list_id").param("scopePath", scope.pathPattern())
                .query((rs, i) -> counts.put(rs.getLong(1), rs.getInt(2))).list();
        Map<TaskList, Integer> out = new LinkedHashMap<>();
        for (TaskList l : all()) {
            if (scope.contains(l.ownerPath()) || counts.containsKey(l.id())) {
                out.put(l, counts.getOrDefault(l.id(), 0));
            }
        }
        return out;
    }

    public long insertList(TaskList l, LocalDateTime now) {
        var keys = new GeneratedKeyHolder();
        ListConfig c = l.config();
        jdbc.sql("insert into lighting_list (code, name, list_year, domain, source, source_meeting, meeting_date, "
                        + "owner_node_id, open_day, close_day, remind_days, blue_ratio, yellow_ratio, red_ratio, stall_months, "
                        + "points_green, points_blue, points_yellow, points_purple, points_red, webhook_url, created_by, created_at) "
                        + "values (:code, :name, :year, :domain, :source, :meeting, :meetingDate, :owner, :open, :close, :remind, "
                        + ":blue, :yellow, :red, :stall, :pg, :pb, :py, :pp, :pr, :webhook, :by, :now)")
                .params(listParams(l)).param("owner", l.ownerNodeId()).param("by", l.createdBy())
                .param("now", Timestamp.valueOf(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void updateList(TaskList l) {
        jdbc.sql("update lighting_list set code = :code, name = :name, list_year = :year, domain = :domain, source = :source, "
                        + "source_meeting = :meeting, meeting_date = :meetingDate, open_day = :open, close_day = :close, "
                        + "remind_days = :remind, blue_ratio = :blue, yellow_ratio = :yellow, red_ratio = :red, "
                        + "stall_months = :stall, points_green = :pg, points_blue = :pb, points_yellow = :py, "
                        + "points_purple = :pp, points_red = :pr, webhook_url = :webhook where id = :id")
                .params(listParams(l)).param("id", l.id()).update();
    }

    private static Map<String, Object> listParams(TaskList l) {
        ListConfig c = l.config();
        Map<String, Object> p = new HashMap<>();
        p.put("code", l.code());
        p.put("name", l.name());
        p.put("year", l.year());
        p.put("domain", l.domain());
        p.put("source", l.source());
        p.put("meeting", l.sourceMeeting());
        p.put("meetingDate", l.meetingDate());
        p.put("open", c.openDay());
        p.put("close", c.closeDay());
        p.put("remind", c.remindDays());
        p.put("blue", c.blueRatio());
        p.put("yellow", c.yellowRatio());
        p.put("red", c.redRatio());
        p.put("stall", c.stallMonths());
        p.put("pg", c.pointsOf(Colour.GREEN));
        p.put("pb", c.pointsOf(Colour.BLUE));
        p.put("py", c.pointsOf(Colour.YELLOW));
        p.put("pp", c.pointsOf(Colour.PURPLE));
        p.put("pr", c.pointsOf(Colour.RED));
        p.put("webhook", c.webhookUrl());
        return p;
    }

    public Optional<Task> task(long id) {
        List<Task> tasks = tasks(TASK + "where t.id = :id", Map.of("id", id));
        return tasks.stream().findFirst();
    }

    public List<Task> tasks(long listId, OrgScope scope) {
        return tasks(TASK + "where t.list_id = :list and " + OrgScope.sqlContains("t.lead_unit_id") + " order by t.code",
                Map.of("list", listId, "scopePath", scope.pathPattern()));
    }

    public List<Task> tasksOfUnit(long listId, long unitId) {
        return tasks(TASK + "where t.list_id = :list and t.lead_unit_id = :unit order by t.code",
                Map.of("list", listId, "unit", unitId));
    }

    /** All tasks of the list (month close, bench): two queries whatever the size. */
    public List<Task> allTasks(long listId) {
        return tasks(TASK + "where t.list_id = :list order by t.code", Map.of("list", listId));
    }

    private List<Task> tasks(String sql, Map<String, Object> params) {
        List<Object[]> rows = new ArrayList<>();
        jdbc.sql(sql).params(params).query((rs, i) -> rows.add(new Object[] {rs.getLong("id"), rs.getLong("list_id"),
                rs.getString("code"), rs.getString("title"), rs.getLong("lead_unit_id"), rs.getString("lead_name"),
                rs.getBigDecimal("weight"), rs.getBigDecimal("target_value"), rs.getString("measure"),
                rs.getString("plan"), rs.getObject("deadline", LocalDate.class), rs.getString("source_item")})).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Long>> coIds = new HashMap<>();
        Map<Long, List<String>> coNames = new HashMap<>();
        List<Long> listIds = rows.stream().map(r -> (Long) r[1]).distinct().toList();
        jdbc.sql("select c.task_id, c.unit_id, n.name from lighting_task_co_unit c join lighting_task t on t.id = c.task_id "
                        + "join org_node n on n.id = c.unit_id where t.list_id in (:lists) order by c.task_id, n.sort_order, n.id")
                .param("lists", listIds).query((rs, i) -> {
                    coIds.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                    coNames.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(3));
                    return null;
                }).list();
        return rows.stream().map(r -> new Task((Long) r[0], (Long) r[1], (String) r[2], (String) r[3], (Long) r[4],
                (String) r[5], coIds.getOrDefault((Long) r[0], List.of()),
                String.join("、", coNames.getOrDefault((Long) r[0], List.of())), (BigDecimal) r[6], (BigDecimal) r[7],
                (String) r[8], Task.parsePlan((String) r[9]), (LocalDate) r[10], (String) r[11])).toList();
    }

    public long insertTask(Task t, LocalDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into lighting_task (list_id, code, title, lead_unit_id, weight, target_value, measure, plan, "
                        + "deadline, source_item, updated_at) values (:list, :code, :title, :lead, :weight, :target, :measure, "
                        + ":plan, :deadline, :source, :now)")
                .params(taskParams(t)).param("now", Timestamp.valueOf(now)).update(keys, "id");
        long id = keys.getKey().longValue();
        replaceCoUnits(id, t.coUnitIds());
        return id;
    }

    public void updateTask(Task t, LocalDateTime now) {
        jdbc.sql("update lighting_task set code = :code, title = :title, lead_unit_id = :lead, weight = :weight, "
                        + "target_value = :target, measure = :measure, plan = :plan, deadline = :deadline, "
                        + "source_item = :source, updated_at = :now where id = :id")
                .params(taskParams(t)).param("id", t.id()).param("now", Timestamp.valueOf(now)).update();
        replaceCoUnits(t.id(), t.coUnitIds());
    }

    private void replaceCoUnits(long taskId, List<Long> units) {
        jdbc.sql("delete from lighting_task_co_unit where task_id = :t").param("t", taskId).update();
        for (Long u : units.stream().distinct().toList()) {
            jdbc.sql("insert into lighting_task_co_unit (task_id, unit_id) values (:t, :u)").param("t", taskId)
                    .param("u", u).update();
        }
    }

    private static Map<String, Object> taskParams(Task t) {
        Map<String, Object> p = new HashMap<>();
        p.put("list", t.listId());
        p.put("code", t.code());
        p.put("title", t.title());
        p.put("lead", t.leadUnitId());
        p.put("weight", t.weight());
        p.put("target", t.target());
        p.put("measure", t.measure());
        p.put("plan", t.planText());
        p.put("deadline", t.deadline());
        p.put("source", t.sourceItem());
        return p;
    }

    /** Units under the scope by exact name (imports and forms name units as people write them). */
    public Map<String, List<Long>> unitsByName(OrgScope scope, java.util.Collection<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        Map<String, List<Long>> out = new HashMap<>();
        jdbc.sql("select n.name, n.id from org_node n where n.kind = 'UNIT' and n.name in (:names) and "
                        + OrgScope.sqlContains("n.id")).param("names", List.copyOf(names)).param("scopePath", scope.pathPattern())
                .query((rs, i) -> out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2))).list();
        return out;
    }

    static TaskList list(ResultSet rs, int i) throws SQLException {
        ListConfig config = new ListConfig(rs.getInt("open_day"), rs.getInt("close_day"), rs.getInt("remind_days"),
                rs.getBigDecimal("blue_ratio"), rs.getBigDecimal("yellow_ratio"), rs.getBigDecimal("red_ratio"),
                rs.getInt("stall_months"), ListConfig.points(rs.getInt("points_green"), rs.getInt("points_blue"),
                rs.getInt("points_yellow"), rs.getInt("points_purple"), rs.getInt("points_red")),
                rs.getString("webhook_url"));
        return new TaskList(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getInt("list_year"),
                rs.getString("domain"), rs.getString("source"), rs.getString("source_meeting"),
                rs.getObject("meeting_date", LocalDate.class), rs.getLong("owner_node_id"), rs.getString("owner_path"),
                rs.getString("owner_name"), config, rs.getString("created_by"));
    }

    static String joinNames(List<String> names) {
        return names.stream().collect(Collectors.joining("、"));
    }
}
