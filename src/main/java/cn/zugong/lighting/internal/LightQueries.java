package cn.zugong.lighting.internal;

import cn.zugong.shared.OrgScope;
import cn.zugong.shared.legend.Colour;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of the lights history: the board's grid, one task's months, the red and purple tasks of a month. */
@Repository
public class LightQueries {

    /** A light is provisional until its month is closed. */
    static final String CELL = "select l.*, case when m.status = 'CLOSED' then false else true end provisional "
            + "from lighting_light l left join lighting_month m on m.list_id = l.list_id and m.period = l.period ";

    private final JdbcClient jdbc;

    LightQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Cell(long taskId, Period period, Colour colour, BigDecimal actual, BigDecimal planned,
                       BigDecimal ratio, int points, String reason, boolean provisional) {
    }

    public record Flagged(long taskId, String code, String title, String unitName, Colour colour, String reason) {
    }

    /** Task id → month (1–12) → light, for the tasks of the list inside the scope. */
    public Map<Long, Map<Integer, Cell>> grid(long listId, OrgScope scope) {
        Map<Long, Map<Integer, Cell>> grid = new HashMap<>();
        jdbc.sql(CELL + "where l.list_id = :l and " + OrgScope.sqlContains("l.unit_id"))
                .param("l", listId).param("scopePath", scope.pathPattern())
                .query((rs, i) -> {
                    Cell c = cell(rs);
                    return grid.computeIfAbsent(c.taskId(), k -> new HashMap<>()).put(c.period().month(), c);
                }).list();
        return grid;
    }

    public List<Cell> ofTask(long taskId) {
        return jdbc.sql(CELL + "where l.task_id = :t order by l.period").param("t", taskId)
                .query((rs, i) -> cell(rs)).list();
    }

    /** 红 and 紫 tasks of the month inside the scope, worst first. */
    public List<Flagged> flagged(long listId, Period period, OrgScope scope) {
        return jdbc.sql("select t.id, t.code, t.title, n.name, l.colour, l.reason from lighting_light l "
                        + "join lighting_task t on t.id = l.task_id join org_node n on n.id = l.unit_id "
                        + "where l.list_id = :l and l.period = :p and l.colour in ('RED', 'PURPLE') and "
                        + OrgScope.sqlContains("l.unit_id") + " order by case when l.colour = 'RED' then 0 else 1 end, t.code")
                .param("l", listId).param("p", period.code()).param("scopePath", scope.pathPattern())
                .query((rs, i) -> new Flagged(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Colour.of(rs.getString(5)), rs.getString(6))).list();
    }

    private static Cell cell(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Cell(rs.getLong("task_id"), Period.of(rs.getInt("period")), Colour.of(rs.getString("colour")),
                rs.getBigDecimal("actual"), rs.getBigDecimal("planned"), rs.getBigDecimal("ratio"), rs.getInt("points"),
                rs.getString("reason"), rs.getBoolean("provisional"));
    }
}
