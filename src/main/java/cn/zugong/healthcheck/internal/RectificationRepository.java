package cn.zugong.healthcheck.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which health-check result each rectification item is about. */
@Repository
class RectificationRepository {

    record Row(long itemId, long evaluationId, long unitId, String indicatorCode, String colour, BigDecimal value) {
        String key() {
            return unitId + "/" + indicatorCode;
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    RectificationRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void insertAll(List<Row> rows) {
        template.batchUpdate("""
                insert into healthcheck_rectification (item_id, evaluation_id, unit_id, indicator_code, colour,
                                                       result_value)
                values (?, ?, ?, ?, ?, ?)
                """, rows, 500, (ps, r) -> {
            ps.setLong(1, r.itemId());
            ps.setLong(2, r.evaluationId());
            ps.setLong(3, r.unitId());
            ps.setString(4, r.indicatorCode());
            ps.setString(5, r.colour());
            ps.setBigDecimal(6, r.value());
        });
    }

    Optional<Row> find(long itemId) {
        return byItems(List.of(itemId)).values().stream().findFirst();
    }

    Map<Long, Row> byItems(Collection<Long> itemIds) {
        Map<Long, Row> rows = new HashMap<>();
        List<Long> ids = new ArrayList<>(itemIds);
        for (int i = 0; i < ids.size(); i += 500) {
            jdbc.sql("""
                            select item_id, evaluation_id, unit_id, indicator_code, colour, result_value
                            from healthcheck_rectification where item_id in (:ids)
                            """).param("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
                    .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                            rs.getString(5), rs.getBigDecimal(6)))
                    .list().forEach(r -> rows.put(r.itemId(), r));
        }
        return rows;
    }
}
