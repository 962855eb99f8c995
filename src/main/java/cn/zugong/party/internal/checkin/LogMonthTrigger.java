package cn.zugong.party.internal.checkin;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.h2.api.Trigger;

/**
 * H2's copy of the PostgreSQL trigger {@code checkin_log_month_apply} (migration V94, ADR 082): keeps the sums of
 * service logs by village and month in step with {@code checkin_log} whoever writes it. Columns are found by name,
 * so a column added to the table does not shift them.
 */
public final class LogMonthTrigger implements Trigger {

    private static final String APPLY = """
            merge into checkin_log_month t
            using (values (cast(? as bigint), cast(? as date), cast(? as bigint), cast(? as bigint),
                           cast(? as decimal(18, 2)))) s (village_id, month_start, logs, elderly_visits, funds_yuan)
            on t.village_id = s.village_id and t.month_start = s.month_start
            when matched then update set logs = t.logs + s.logs, elderly_visits = t.elderly_visits + s.elderly_visits,
                funds_yuan = t.funds_yuan + s.funds_yuan
            when not matched then insert (village_id, month_start, logs, elderly_visits, funds_yuan)
                values (s.village_id, s.month_start, s.logs, s.elderly_visits, s.funds_yuan)""";

    private int village = -1;
    private int servedOn = -1;
    private int elderly = -1;
    private int funds = -1;

    @Override
    public void init(Connection conn, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        try (ResultSet rs = conn.getMetaData().getColumns(null, schema, table, null)) {
            while (rs.next()) {
                int at = rs.getInt("ORDINAL_POSITION") - 1;
                switch (rs.getString("COLUMN_NAME").toLowerCase()) {
                    case "village_id" -> village = at;
                    case "served_on" -> servedOn = at;
                    case "elderly_visits" -> elderly = at;
                    case "funds_yuan" -> funds = at;
                    default -> { }
                }
            }
        }
        if (village < 0 || servedOn < 0 || elderly < 0 || funds < 0) {
            throw new SQLException("checkin_log lacks a column the monthly sums need");
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow != null) {
            apply(conn, oldRow, -1);
        }
        if (newRow != null) {
            apply(conn, newRow, 1);
        }
    }

    private void apply(Connection conn, Object[] row, int sign) throws SQLException {
        LocalDate day = row[servedOn] instanceof LocalDate d ? d : ((Date) row[servedOn]).toLocalDate();
        try (PreparedStatement st = conn.prepareStatement(APPLY)) {
            st.setLong(1, ((Number) row[village]).longValue());
            st.setObject(2, day.withDayOfMonth(1));
            st.setLong(3, sign);
            st.setLong(4, sign * ((Number) row[elderly]).longValue());
            st.setBigDecimal(5, ((BigDecimal) row[funds]).multiply(BigDecimal.valueOf(sign)));
            st.executeUpdate();
        }
    }
}
