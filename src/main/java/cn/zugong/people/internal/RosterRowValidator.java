package cn.zugong.people.internal;

import cn.zugong.people.PersonRow;
import cn.zugong.people.PersonRow.YearNote;
import cn.zugong.people.internal.RosterColumn.Header;
import cn.zugong.people.internal.RosterSheetReader.ParsedSheet;
import cn.zugong.people.internal.RosterSheetReader.RawRow;
import cn.zugong.shared.Decimals;
import cn.zugong.shared.IdNumbers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one row on its own (no database): required fields, coded values, dates, ID number against
 * birth date and gender. Adds every problem to the shared error list and always returns a draft, so
 * the caller can go on with the cross-row and database checks and report everything at once.
 */
final class RosterRowValidator {

    /** A row as read; unitId is resolved later; idNumber is set only when it is a valid number. */
    record Draft(int row, String unitCode, String idNumber, PersonRow person) {
    }

    private static final Pattern NOTE = Pattern.compile("(\\d{4})\\s*[:：]\\s*(.+)");
    private static final Pattern PHONE = Pattern.compile("1[0-9]{10}");
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*月?");
    private static final BigDecimal MAX_HOURS = BigDecimal.valueOf(1000);

    private final ParsedSheet sheet;
    private final LocalDate today;
    private final List<ImportError> errors;

    RosterRowValidator(ParsedSheet sheet, LocalDate today, List<ImportError> errors) {
        this.sheet = sheet;
        this.today = today;
        this.errors = errors;
    }

    Draft validate(RawRow raw) {
        String unitCode = required(raw, RosterColumn.UNIT_CODE);
        String name = required(raw, RosterColumn.NAME);
        if (name != null && name.length() > 50) {
            error(raw, RosterColumn.NAME, "姓名不能超过50个字");
        }
        String gender = code(raw, RosterColumn.GENDER);
        // an exported roster shows 出生年月 only (ADR 034): the day then comes from the ID number
        YearMonth birthMonth = yearMonth(raw);
        LocalDate birth = birthMonth == null ? withinAgeRange(raw, date(raw, RosterColumn.BIRTH_DATE)) : null;
        String idNumber = idNumber(raw, birth, gender);
        if (birthMonth != null) {
            birth = withinAgeRange(raw, birthFromId(raw, birthMonth, idNumber));
        }
        String phone = phone(raw);
        String ethnicity = required(raw, RosterColumn.ETHNICITY);
        if (ethnicity != null && (!ethnicity.endsWith("族") || ethnicity.length() > 20)) {
            error(raw, RosterColumn.ETHNICITY, "民族应填写全称，如“汉族”“回族”");
        }
        LocalDate adult = birth == null ? null : birth.plusYears(16);
        LocalDate rankSince = career(raw, RosterColumn.RANK_SINCE, adult);
        LocalDate postSince = career(raw, RosterColumn.POST_SINCE, adult);
        LocalDate workStart = career(raw, RosterColumn.WORK_START, adult);
        LocalDate joinedUnit = career(raw, RosterColumn.JOINED_UNIT, adult);
        if (joinedUnit != null && workStart != null && joinedUnit.isBefore(workStart)) {
            error(raw, RosterColumn.JOINED_UNIT, "进入本单位时间早于参加工作时间（" + workStart + "）");
        }
        LocalDate probationEnd = date(raw, RosterColumn.PROBATION_END);
        if (probationEnd != null && joinedUnit != null && !probationEnd.isAfter(joinedUnit)) {
            error(raw, RosterColumn.PROBATION_END, "试用期满日期应晚于进入本单位时间（" + joinedUnit + "）");
        }
        PersonRow person = new PersonRow(null, 0, name, gender, birth, idNumber, phone, ethnicity,
                code(raw, RosterColumn.POLITICAL), code(raw, RosterColumn.FT_EDUCATION),
                code(raw, RosterColumn.FT_DEGREE), code(raw, RosterColumn.IS_EDUCATION),
                code(raw, RosterColumn.IS_DEGREE), code(raw, RosterColumn.MAJOR), code(raw, RosterColumn.STAFF_KIND),
                code(raw, RosterColumn.RANK), rankSince, code(raw, RosterColumn.POST), postSince, workStart,
                joinedUnit, code(raw, RosterColumn.SOURCE), probationEnd, assessments(raw), training(raw),
                notes(raw, RosterColumn.REWARDS), notes(raw, RosterColumn.DISCIPLINES));
        return new Draft(raw.row(), unitCode, idNumber, person);
    }

    /** The birth date if it fits the age range, null when it lies in the future. */
    private LocalDate withinAgeRange(RawRow raw, LocalDate birth) {
        if (birth == null) {
            return null;
        }
        int age = Period.between(birth, today).getYears();
        if (birth.isAfter(today)) {
            error(raw, RosterColumn.BIRTH_DATE, "出生日期不能晚于今天");
            return null;
        }
        if (age < 16 || age > 70) {
            error(raw, RosterColumn.BIRTH_DATE, "年龄为 " + age + " 岁，应在16至70岁之间");
        }
        return birth;
    }

    /** A birth-date cell holding only year and month as text ("1977-07", "1977年7月"), else null. */
    private YearMonth yearMonth(RawRow raw) {
        if (!(value(raw, single(RosterColumn.BIRTH_DATE)) instanceof String text)) {
            return null;
        }
        Matcher m = YEAR_MONTH.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        int month = Integer.parseInt(m.group(2));
        return month >= 1 && month <= 12 ? YearMonth.of(Integer.parseInt(m.group(1)), month) : null;
    }

    private LocalDate birthFromId(RawRow raw, YearMonth birthMonth, String idNumber) {
        if (idNumber == null) {
            return null; // the ID number's own error says what to fix
        }
        LocalDate idBirth = IdNumbers.birthDate(idNumber).orElseThrow();
        if (!YearMonth.from(idBirth).equals(birthMonth)) {
            error(raw, RosterColumn.BIRTH_DATE, "出生年月（" + birthMonth + "）与身份证号中的出生日期（" + idBirth + "）不一致");
            return null;
        }
        return idBirth;
    }

    private String idNumber(RawRow raw, LocalDate birth, String gender) {
        String value = required(raw, RosterColumn.ID_NUMBER);
        if (value == null) {
            return null;
        }
        if (!(raw.values()[index(single(RosterColumn.ID_NUMBER))] instanceof String)) {
            error(raw, RosterColumn.ID_NUMBER, "身份证号须以文本格式填写（数字格式会丢失末位），请将该列设为文本后重新输入");
            return null;
        }
        // NFKC: full-width digits are the same number, never a second one (hole 4 of issue 12)
        String id = IdNumbers.normalise(value);
        if (id.contains("*")) {
            error(raw, RosterColumn.ID_NUMBER, "身份证号为脱敏显示（含 *），请填写完整的18位号码");
            return null;
        }
        var problem = IdNumbers.problem(id);
        if (problem.isPresent()) {
            error(raw, RosterColumn.ID_NUMBER, problem.get());
            return null;
        }
        LocalDate idBirth = IdNumbers.birthDate(id).orElseThrow();
        if (birth != null && !birth.equals(idBirth)) {
            error(raw, RosterColumn.ID_NUMBER, "身份证号中的出生日期（" + idBirth + "）与出生日期（" + birth + "）不一致");
        }
        String idGender = (id.charAt(16) - '0') % 2 == 1 ? "男" : "女";
        if (gender != null && !gender.equals(idGender)) {
            error(raw, RosterColumn.ID_NUMBER, "身份证号第17位表示性别为" + idGender + "，与性别（" + gender + "）不一致");
        }
        return id;
    }

    private String phone(RawRow raw) {
        String value = text(raw, single(RosterColumn.PHONE));
        if (value == null) {
            return null;
        }
        String digits = Normalizer.normalize(value, Normalizer.Form.NFKC).replaceAll("[\\s-]", "");
        if (digits.contains("*")) {
            error(raw, RosterColumn.PHONE, "手机号为脱敏显示（含 *），请填写完整号码或留空");
        } else if (!PHONE.matcher(digits).matches()) {
            error(raw, RosterColumn.PHONE, "手机号应为以1开头的11位数字");
        }
        return digits;
    }

    /** A date in someone's career: not before 16 years of age, not in the future. */
    private LocalDate career(RawRow raw, RosterColumn column, LocalDate adult) {
        LocalDate date = date(raw, column);
        if (date == null) {
            return null;
        }
        if (date.isAfter(today)) {
            error(raw, column, column.title + "不能晚于今天");
        } else if (adult != null && date.isBefore(adult)) {
            error(raw, column, column.title + "早于本人16周岁（" + adult + "）");
        }
        return date;
    }

    private Map<Integer, String> assessments(RawRow raw) {
        Map<Integer, String> result = new TreeMap<>();
        for (Header h : yearly(RosterColumn.ASSESSMENT)) {
            String value = text(raw, h);
            if (value != null && checkCode(raw, h, value)) {
                result.put(h.year(), value);
            }
        }
        return result;
    }

    private Map<Integer, BigDecimal> training(RawRow raw) {
        Map<Integer, BigDecimal> result = new TreeMap<>();
        for (Header h : yearly(RosterColumn.TRAINING)) {
            String value = text(raw, h);
            if (value == null) {
                continue;
            }
            // a number cell comes from Excel's double (bounded); text is parsed bounded: "1E-999999999" would make
            // setScale compute 10^999999998
            BigDecimal hours = value(raw, h) instanceof BigDecimal number ? number
                    : Decimals.parse(value).orElse(null);
            if (hours == null) {
                error(raw, h, "培训学时应为数字（如 48 或 48.5，不用科学计数法）");
            } else if (hours.signum() < 0 || hours.compareTo(MAX_HOURS) > 0) {
                error(raw, h, "培训学时应在0至1000之间");
            } else {
                result.put(h.year(), hours.setScale(1, RoundingMode.HALF_UP));
            }
        }
        return result;
    }

    private List<YearNote> notes(RawRow raw, RosterColumn column) {
        String value = text(raw, single(column));
        List<YearNote> notes = new ArrayList<>();
        if (value == null) {
            return notes;
        }
        for (String entry : value.split("[；;\\n]")) {
            if (entry.isBlank()) {
                continue;
            }
            Matcher m = NOTE.matcher(entry.strip());
            int year = m.matches() ? Integer.parseInt(m.group(1)) : 0;
            if (year < 1950 || year > today.getYear() || m.group(2).strip().length() > 100) {
                error(raw, column, "“" + entry.strip() + "”格式不正确，应为“年份:内容”（内容不超过100字），多条用“；”分隔，"
                        + "如 2024:嘉奖；2025:记三等功");
            } else {
                notes.add(new YearNote(year, m.group(2).strip()));
            }
        }
        return notes;
    }

    private String required(RawRow raw, RosterColumn column) {
        String value = text(raw, single(column));
        if (value == null) {
            error(raw, column, "必填项不能为空");
        }
        return value;
    }

    private String code(RawRow raw, RosterColumn column) {
        String value = column.required ? required(raw, column) : text(raw, single(column));
        return value != null && checkCode(raw, single(column), value) ? value : null;
    }

    private boolean checkCode(RawRow raw, Header h, String value) {
        if (h.column().values.contains(value)) {
            return true;
        }
        error(raw, h, "“" + value + "”不是有效的" + h.column().title + "，可选值：" + h.column().allowed());
        return false;
    }

    private LocalDate date(RawRow raw, RosterColumn column) {
        Header h = single(column);
        LocalDate date = RosterCells.date(value(raw, h));
        if (date == null && column.required) {
            error(raw, column, "必填项不能为空");
        } else if (date == RosterCells.INVALID || (date != null && date.getYear() < 1900)) {
            error(raw, column, "日期无效，请按 yyyy-MM-dd 格式填写，如 1990-01-01");
            return null;
        }
        return date;
    }

    private void error(RawRow raw, RosterColumn column, String message) {
        error(raw, single(column), message);
    }

    private void error(RawRow raw, Header h, String message) {
        boolean present = sheet.columns().containsKey(h);
        String value = present ? RosterCells.text(value(raw, h)) : null;
        errors.add(new ImportError(raw.row(), present ? sheet.letter(h) : "-", h.title(),
                value == null ? "" : value, message));
    }

    private String text(RawRow raw, Header h) {
        return RosterCells.text(value(raw, h));
    }

    private Object value(RawRow raw, Header h) {
        Integer i = sheet.columns().get(h);
        return i == null ? null : raw.values()[i];
    }

    private int index(Header h) {
        return sheet.columns().get(h);
    }

    private static Header single(RosterColumn column) {
        return new Header(column, 0);
    }

    private List<Header> yearly(RosterColumn column) {
        return sheet.columns().keySet().stream().filter(h -> h.column() == column).toList();
    }
}
