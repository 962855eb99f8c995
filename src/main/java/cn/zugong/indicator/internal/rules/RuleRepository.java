package cn.zugong.indicator.internal.rules;

import cn.zugong.indicator.PackId;
import cn.zugong.indicator.RuleSpec;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rule versions and the version stamp on evaluations. */
@Repository
public class RuleRepository {

    /** A stored version: the indicator and its rule after the change. */
    public record Row(int version, String indicatorCode, RuleSpec spec, String reason, String changedBy,
                      LocalDateTime changedAt) {
    }

    private final JdbcClient jdbc;

    RuleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int currentVersion(PackId pack) {
        return jdbc.sql("select coalesce(max(version), 0) from indicator_rule_change where pack_code = :c and pack_version = :v")
                .param("c", pack.code()).param("v", pack.version()).query(Integer.class).single();
    }

    /** Every change up to and including {@code version}, oldest first. */
    public List<Row> upTo(PackId pack, int version) {
        return jdbc.sql("""
                        select version, indicator_code, direction, red, yellow, blue, low, high, advice_red,
                               advice_yellow, advice_blue, advice_green, reason, changed_by, changed_at
                        from indicator_rule_change
                        where pack_code = :c and pack_version = :v and version <= :n order by version
                        """).param("c", pack.code()).param("v", pack.version()).param("n", version)
                .query((rs, i) -> new Row(rs.getInt(1), rs.getString(2), new RuleSpec(rs.getString(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                        rs.getBigDecimal(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12)),
                        rs.getString(13), rs.getString(14), rs.getTimestamp(15).toLocalDateTime())).list();
    }

    public void insert(PackId pack, int version, String code, RuleSpec s, String reason, String actor,
                       LocalDateTime at) {
        jdbc.sql("""
                        insert into indicator_rule_change (pack_code, pack_version, version, indicator_code, direction,
                            red, yellow, blue, low, high, advice_red, advice_yellow, advice_blue, advice_green, reason,
                            changed_by, changed_at)
                        values (:c, :v, :n, :code, :dir, :red, :yellow, :blue, :low, :high, :ar, :ay, :ab, :ag,
                                :reason, :by, :at)
                        """).param("c", pack.code()).param("v", pack.version()).param("n", version).param("code", code)
                .param("dir", s.direction()).param("red", s.red()).param("yellow", s.yellow()).param("blue", s.blue())
                .param("low", s.low()).param("high", s.high()).param("ar", s.adviceRed())
                .param("ay", s.adviceYellow()).param("ab", s.adviceBlue()).param("ag", s.adviceGreen())
                .param("reason", reason).param("by", actor).param("at", at).update();
    }

    public void stamp(long evaluationId, int version) {
        jdbc.sql("update indicator_evaluation set rules_version = :n where id = :id").param("n", version)
                .param("id", evaluationId).update();
    }

    public int versionOf(long evaluationId) {
        return jdbc.sql("select rules_version from indicator_evaluation where id = :id").param("id", evaluationId)
                .query(Integer.class).optional().orElse(0);
    }
}
