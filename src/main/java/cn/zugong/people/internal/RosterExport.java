package cn.zugong.people.internal;

import cn.zugong.people.PersonRow;
import cn.zugong.people.PersonRow.YearNote;
import cn.zugong.people.internal.RosterColumn.Header;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.Masking;
import cn.zugong.shared.OrgScope;
import cn.zugong.shared.crypto.FieldCipher;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams the roster of a scope and filter to .xlsx with the template's columns, so the file can be
 * edited and imported again. ID numbers and phones are masked. Memory stays flat for any size: the
 * people and each yearly-fact table are read by one cursor each, in the same order, and merged.
 */
@Service
class RosterExport {

    private static final String FROM = " from person p join org_node u on u.id = p.unit_id";
    private static final String ORDER = " order by u.path, p.id";
    private static final int WINDOW = 500;

    private final JdbcClient jdbc;
    private final RosterQueries queries;
    private final TransactionTemplate readOnly;
    private final FieldCipher cipher;
    private final RosterSearch search;
    private final Clock clock;

    RosterExport(DataSource dataSource, RosterQueries queries, PlatformTransactionManager transactions,
                 FieldCipher cipher, RosterSearch search, Clock clock) {
        this.clock = clock;
        this.cipher = cipher;
        this.search = search;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(WINDOW); // PostgreSQL streams with a cursor only with a fetch size, in a transaction
        this.jdbc = JdbcClient.create(template);
        this.queries = queries;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** An export filtered by a whole ID number is a lookup like a search: counted first (429 beyond the allowance). */
    Optional<String> admit(RosterFilter filter, CurrentUser user) {
        return search.admit(filter, user, "导出");
    }

    /** Audits the lookup of an export filtered by a whole ID number. */
    void exported(String idNumber, int rows) {
        search.exported(idNumber, rows);
    }

    /** The export's date, from the platform clock: in the file name and as the reference for ages. */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    static String fileName(LocalDate today) {
        return "干部名册_" + today.toString().replace("-", "") + ".xlsx";
    }

    /** Writes the workbook; returns the number of people. */
    int write(RosterFilter filter, OrgScope scope, OutputStream out) {
        LocalDate today = LocalDate.now(clock);
        List<Header> headers = RosterColumn.layout(today.getYear());
        var where = queries.where(filter, scope, today);
        SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
        try (wb) {
            wb.setCompressTempFiles(true);
            var styles = RosterSheets.styles(wb);
            Sheet data = RosterSheets.dataSheet(wb, headers, styles);
            List<String> notes = new ArrayList<>(RosterSheets.generalNotes());
            notes.add(1, "注意：本文件中的身份证号、手机号已脱敏显示（含 *）。修改后重新导入前，须将这两列填写完整，否则该行将被拒绝。");
            notes.add(2, "出生日期列只导出出生年月（如 1980-05），以免与脱敏的身份证号一起推算出完整号码；重新导入时可保留，"
                    + "系统按身份证号补全日期。");
            RosterSheets.guideSheet(wb, headers, styles, notes);
            RosterSheets.dropDowns(wb, data, headers);
            maskedNotes(wb, data, headers);
            int count = readOnly.execute(status -> writeRows(data, headers, styles, where, today.getYear()));
            wb.write(out);
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A comment on the masked columns' headers: they must be completed before the file is imported again. */
    private static void maskedNotes(SXSSFWorkbook wb, Sheet data, List<Header> headers) {
        var drawing = data.createDrawingPatriarch();
        var helper = wb.getCreationHelper();
        for (int i = 0; i < headers.size(); i++) {
            RosterColumn c = headers.get(i).column();
            if (c == RosterColumn.ID_NUMBER || c == RosterColumn.PHONE) {
                var anchor = helper.createClientAnchor();
                anchor.setCol1(i);
                anchor.setCol2(i + 3);
                anchor.setRow1(0);
                anchor.setRow2(4);
                var comment = drawing.createCellComment(anchor);
                comment.setString(helper.createRichTextString(c.title + "已脱敏显示，重新导入前须填写完整" + c.title + "。"));
                data.getRow(0).getCell(i).setCellComment(comment);
            }
        }
    }

    private int writeRows(Sheet data, List<Header> headers, RosterSheets.Styles styles, RosterQueries.Where where,
                          int year) {
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("fromYear", year - 3);
        params.put("year", year);
        params.putAll(queries.now());
        try (var people = jdbc.sql("select p.*, u.code as unit_code, u.name as unit_name" + FROM + where.sql() + ORDER)
                     .params(where.params()).query(this::person).stream();
             var assessments = facts("select a.person_id, a.fact_year, null, a.result from person_assessment a join person p"
                     + " on p.id = a.person_id join org_node u on u.id = p.unit_id" + where.sql()
                     + " and" + RosterQueries.FACT_NOW.replace("f.", "a.") + " and a.fact_year >= :fromYear and a.fact_year < :year" + ORDER, params);
             var training = facts("select t.person_id, t.fact_year, null, t.hours from person_training t join person p"
                     + " on p.id = t.person_id join org_node u on u.id = p.unit_id" + where.sql()
                     + " and" + RosterQueries.FACT_NOW.replace("f.", "t.") + " and t.fact_year = :year" + ORDER, params);
             var records = facts("select r.person_id, r.fact_year, r.kind, r.description from person_record r join person p"
                     + " on p.id = r.person_id join org_node u on u.id = p.unit_id" + where.sql()
                     + " and" + RosterQueries.FACT_NOW.replace("f.", "r.") + ORDER + ", r.fact_year, r.kind", params)) {
            int[] n = {0};
            people.forEachOrdered(line -> {
                long id = line.person().id();
                Row row = data.createRow(++n[0]);
                var facts = new Facts(assessments.take(id), training.take(id), records.take(id));
                for (int i = 0; i < headers.size(); i++) {
                    cell(row, i, headers.get(i), line, facts, styles);
                }
            });
            return n[0];
        }
    }

    private FactCursor facts(String sql, Map<String, Object> params) {
        return new FactCursor(jdbc.sql(sql).params(params).query((rs, i) -> new FactCursor.Fact(rs.getLong(1),
                rs.getInt(2), rs.getString(3), rs.getString(4))).stream());
    }

    /** A person as exported: the unit by code and name, identifiers already masked. */
    private record Line(String unitCode, String unitName, PersonRow person) {
    }

    private record Facts(List<FactCursor.Fact> assessments, List<FactCursor.Fact> training,
                         List<FactCursor.Fact> records) {
    }

    private Line person(ResultSet rs, int i) throws SQLException {
        PersonRow p = new PersonRow(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("name"),
                rs.getString("gender"), RosterQueries.date(rs, "birth_date"),
                Masking.idNumber(cipher.decrypt(rs.getString("id_number"), PersonalFields.PERSON_ID_NUMBER)),
                Masking.phone(cipher.decrypt(rs.getString("phone"), PersonalFields.PERSON_PHONE)), rs.getString("ethnicity"), rs.getString("political_status"),
                rs.getString("ft_education"), rs.getString("ft_degree"), rs.getString("is_education"),
                rs.getString("is_degree"), rs.getString("major_category"), rs.getString("staff_kind"),
                rs.getString("rank_level"), RosterQueries.date(rs, "rank_since"), rs.getString("post_level"),
                RosterQueries.date(rs, "post_since"), RosterQueries.date(rs, "work_start_date"),
                RosterQueries.date(rs, "joined_unit_date"), rs.getString("source"),
                RosterQueries.date(rs, "probation_end"), Map.of(), Map.of(), List.of(), List.of());
        return new Line(rs.getString("unit_code"), rs.getString("unit_name"), p);
    }

    private static void cell(Row row, int index, Header h, Line line, Facts facts, RosterSheets.Styles styles) {
        PersonRow p = line.person();
        Object value = switch (h.column()) {
            case UNIT_CODE -> line.unitCode();
            case UNIT_NAME -> line.unitName();
            case NAME -> p.name();
            case GENDER -> p.gender();
            // 出生年月 only: the full date beside the masked number would give the number away (ADR 034)
            case BIRTH_DATE -> p.birthDate() == null ? null : YearMonth.from(p.birthDate()).toString();
            case ID_NUMBER -> p.idNumber();
            case PHONE -> p.phone();
            case ETHNICITY -> p.ethnicity();
            case POLITICAL -> p.politicalStatus();
            case FT_EDUCATION -> p.ftEducation();
            case FT_DEGREE -> p.ftDegree();
            case IS_EDUCATION -> p.isEducation();
            case IS_DEGREE -> p.isDegree();
            case MAJOR -> p.majorCategory();
            case STAFF_KIND -> p.staffKind();
            case RANK -> p.rankLevel();
            case RANK_SINCE -> p.rankSince();
            case POST -> p.postLevel();
            case POST_SINCE -> p.postSince();
            case WORK_START -> p.workStartDate();
            case JOINED_UNIT -> p.joinedUnitDate();
            case SOURCE -> p.source();
            case PROBATION_END -> p.probationEnd();
            case ASSESSMENT -> byYear(facts.assessments()).get(h.year());
            case TRAINING -> {
                String hours = byYear(facts.training()).get(h.year());
                yield hours == null ? null : new BigDecimal(hours);
            }
            case REWARDS -> notes(facts.records(), "REWARD");
            case DISCIPLINES -> notes(facts.records(), "DISCIPLINE");
        };
        if (value == null || "".equals(value)) {
            return;
        }
        Cell cell = row.createCell(index);
        if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(styles.date());
        } else if (value instanceof BigDecimal number) {
            cell.setCellValue(number.doubleValue());
        } else {
            cell.setCellValue(value.toString());
        }
    }

    private static Map<Integer, String> byYear(List<FactCursor.Fact> facts) {
        Map<Integer, String> map = new TreeMap<>();
        facts.forEach(f -> map.put(f.year(), f.text()));
        return map;
    }

    /** "2024:嘉奖；2025:记三等功", the format the import reads. */
    private static String notes(List<FactCursor.Fact> records, String kind) {
        return records.stream().filter(f -> kind.equals(f.kind()))
                .map(f -> new YearNote(f.year(), f.text()))
                .map(n -> n.year() + ":" + n.description()).collect(Collectors.joining("；"));
    }
}
