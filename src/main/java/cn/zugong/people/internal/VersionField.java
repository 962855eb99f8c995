package cn.zugong.people.internal;

import cn.zugong.people.PersonRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The fields a person_version keeps (ADR 050), in column order, with the timeline's labels. */
enum VersionField {
    SERVICE_STATUS("service_status", "在职状态", null),
    UNIT_ID("unit_id", "单位", PersonRow::unitId),
    GENDER("gender", "性别", PersonRow::gender),
    BIRTH_DATE("birth_date", "出生日期", PersonRow::birthDate),
    ETHNICITY("ethnicity", "民族", PersonRow::ethnicity),
    POLITICAL_STATUS("political_status", "政治面貌", PersonRow::politicalStatus),
    FT_EDUCATION("ft_education", "全日制学历", PersonRow::ftEducation),
    FT_DEGREE("ft_degree", "全日制学位", PersonRow::ftDegree),
    IS_EDUCATION("is_education", "在职学历", PersonRow::isEducation),
    IS_DEGREE("is_degree", "在职学位", PersonRow::isDegree),
    MAJOR_CATEGORY("major_category", "专业类别", PersonRow::majorCategory),
    STAFF_KIND("staff_kind", "人员类别", PersonRow::staffKind),
    RANK_LEVEL("rank_level", "职级", PersonRow::rankLevel),
    RANK_SINCE("rank_since", "任职级时间", PersonRow::rankSince),
    POST_LEVEL("post_level", "职务", PersonRow::postLevel),
    POST_SINCE("post_since", "任职务时间", PersonRow::postSince),
    WORK_START_DATE("work_start_date", "参加工作时间", PersonRow::workStartDate),
    JOINED_UNIT_DATE("joined_unit_date", "进入本单位时间", PersonRow::joinedUnitDate),
    SOURCE("source", "进入方式", PersonRow::source),
    PROBATION_END("probation_end", "试用期满时间", PersonRow::probationEnd);

    static final String COLUMNS = Arrays.stream(values()).map(f -> f.column).collect(Collectors.joining(", "));
    static final int COUNT = values().length;

    final String column;
    final String label;
    private final Function<PersonRow, Object> getter;

    VersionField(String column, String label, Function<PersonRow, Object> getter) {
        this.column = column;
        this.label = label;
        this.getter = getter;
    }

    /** The state a row describes, with the given service status. */
    static Object[] valuesOf(PersonRow row, String serviceStatus) {
        Object[] values = new Object[COUNT];
        values[0] = serviceStatus;
        for (int i = 1; i < COUNT; i++) {
            values[i] = values()[i].getter.apply(row);
        }
        return values;
    }

    static Object[] read(ResultSet rs) throws SQLException {
        Object[] values = new Object[COUNT];
        for (VersionField f : values()) {
            Object v = switch (f) {
                case UNIT_ID -> rs.getLong(f.column);
                case BIRTH_DATE, RANK_SINCE, POST_SINCE, WORK_START_DATE, JOINED_UNIT_DATE, PROBATION_END ->
                        RosterQueries.date(rs, f.column);
                default -> rs.getString(f.column);
            };
            values[f.ordinal()] = v;
        }
        return values;
    }

    /** JDBC parameters of the values (dates as java.sql.Date). */
    static Object[] parameters(Object[] values) {
        Object[] params = new Object[COUNT];
        for (int i = 0; i < COUNT; i++) {
            params[i] = values[i] instanceof LocalDate d ? java.sql.Date.valueOf(d) : values[i];
        }
        return params;
    }

    /** The row's state fields replaced by the values (its identity and facts kept). */
    static PersonRow apply(PersonRow row, Object[] v) {
        return new PersonRow(row.id(), (Long) v[UNIT_ID.ordinal()], row.name(), (String) v[GENDER.ordinal()],
                (LocalDate) v[BIRTH_DATE.ordinal()], row.idNumber(), row.phone(), (String) v[ETHNICITY.ordinal()],
                (String) v[POLITICAL_STATUS.ordinal()], (String) v[FT_EDUCATION.ordinal()],
                (String) v[FT_DEGREE.ordinal()], (String) v[IS_EDUCATION.ordinal()], (String) v[IS_DEGREE.ordinal()],
                (String) v[MAJOR_CATEGORY.ordinal()], (String) v[STAFF_KIND.ordinal()],
                (String) v[RANK_LEVEL.ordinal()], (LocalDate) v[RANK_SINCE.ordinal()], (String) v[POST_LEVEL.ordinal()],
                (LocalDate) v[POST_SINCE.ordinal()], (LocalDate) v[WORK_START_DATE.ordinal()],
                (LocalDate) v[JOINED_UNIT_DATE.ordinal()], (String) v[SOURCE.ordinal()],
                (LocalDate) v[PROBATION_END.ordinal()], row.assessments(), row.trainingHours(), row.rewards(),
                row.disciplines());
    }
}
