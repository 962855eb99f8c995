package cn.zugong.people.internal;

import cn.zugong.people.RosterVocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns of the Excel roster, shared by template, import and export so that an exported file
 * can be edited and imported again. The import maps columns by header name, never by position.
 */
enum RosterColumn {
    UNIT_CODE("单位代码", true, Kind.TEXT, null, 14, "所在单位的代码（组织机构页面可查），须为您管理范围内的单位", "330902001"),
    UNIT_NAME("单位名称", false, Kind.TEXT, null, 24, "仅供核对，导入时不读取", "定海区委组织部"),
    NAME("姓名", true, Kind.TEXT, null, 10, "不超过50字", "张三"),
    GENDER("性别", true, Kind.CODE, RosterVocabulary.GENDERS, 6, null, "男"),
    BIRTH_DATE("出生日期", true, Kind.DATE, null, 12, "须与身份证号中的出生日期一致，年龄16至70周岁", "1990-01-01"),
    ID_NUMBER("身份证号", true, Kind.TEXT, null, 21, "18位公民身份号码，须通过校验；第17位须与性别一致", "330902199001011234"),
    PHONE("手机号", false, Kind.TEXT, null, 14, "11位数字，以1开头", "13812345678"),
    ETHNICITY("民族", true, Kind.TEXT, null, 8, "民族全称，如“汉族”", "汉族"),
    POLITICAL("政治面貌", true, Kind.CODE, RosterVocabulary.POLITICAL_STATUSES, 12, null, "中共党员"),
    FT_EDUCATION("全日制学历", false, Kind.CODE, RosterVocabulary.EDUCATIONS, 11, null, "大学本科"),
    FT_DEGREE("全日制学位", false, Kind.CODE, RosterVocabulary.DEGREES, 11, null, "学士"),
    IS_EDUCATION("在职学历", false, Kind.CODE, RosterVocabulary.EDUCATIONS, 11, null, "研究生"),
    IS_DEGREE("在职学位", false, Kind.CODE, RosterVocabulary.DEGREES, 11, null, "硕士"),
    MAJOR("专业类别", false, Kind.CODE, RosterVocabulary.MAJOR_CATEGORIES, 12, null, "经济管理类"),
    STAFF_KIND("人员类别", true, Kind.CODE, RosterVocabulary.STAFF_KINDS, 10, null, "公务员"),
    RANK("职级", true, Kind.CODE, RosterVocabulary.RANKS, 14, null, "一级科员"),
    RANK_SINCE("任职级时间", false, Kind.DATE, null, 12, "不早于16周岁，不晚于今天", "2020-07-01"),
    POST("领导职务", false, Kind.CODE, RosterVocabulary.POSTS, 12, "无领导职务留空", ""),
    POST_SINCE("任职务时间", false, Kind.DATE, null, 12, "不早于16周岁，不晚于今天", ""),
    WORK_START("参加工作时间", false, Kind.DATE, null, 13, "不早于16周岁，不晚于今天", "2012-08-01"),
    JOINED_UNIT("进入本单位时间", true, Kind.DATE, null, 15, "不早于16周岁及参加工作时间，不晚于今天", "2016-03-01"),
    SOURCE("进入方式", true, Kind.CODE, RosterVocabulary.SOURCES, 10, null, "考录"),
    PROBATION_END("试用期满日期", false, Kind.DATE, null, 13, "新录用人员填写", ""),
    ASSESSMENT("年度考核", false, Kind.CODE, RosterVocabulary.ASSESSMENT_RESULTS, 12,
            "列名为“YYYY年度考核”，可增加其他年度的列", "称职"),
    TRAINING("年度培训学时", false, Kind.NUMBER, null, 14, "列名为“YYYY年度培训学时”；0至1000的数字", "60"),
    REWARDS("奖励", false, Kind.NOTES, null, 28, "“年份:内容”，多条用“；”分隔", "2024:嘉奖；2025:记三等功"),
    DISCIPLINES("处分", false, Kind.NOTES, null, 20, "“年份:内容”，多条用“；”分隔", "");

    enum Kind { TEXT, CODE, DATE, NUMBER, NOTES }

    /** A header as it appears in a sheet: the column and, for yearly facts, the year. */
    record Header(RosterColumn column, int year) {
        String title() {
            return column.isYearly() ? year + column.title : column.title;
        }
    }

    private static final Pattern YEARLY = Pattern.compile("(\\d{4})(年度考核|年度培训学时)");

    final String title;
    final boolean required;
    final Kind kind;
    final List<String> values;
    final int width;
    final String note;
    final String example;

    RosterColumn(String title, boolean required, Kind kind, List<String> values, int width, String note,
                 String example) {
        this.title = title;
        this.required = required;
        this.kind = kind;
        this.values = values;
        this.width = width;
        this.note = note;
        this.example = example;
    }

    boolean isYearly() {
        return this == ASSESSMENT || this == TRAINING;
    }

    /** The columns of template and export: three past assessment years and this year's training. */
    static List<Header> layout(int currentYear) {
        List<Header> headers = new ArrayList<>();
        for (RosterColumn c : values()) {
            if (c == ASSESSMENT) {
                for (int y = currentYear - 3; y < currentYear; y++) {
                    headers.add(new Header(c, y));
                }
            } else {
                headers.add(new Header(c, c == TRAINING ? currentYear : 0));
            }
        }
        return headers;
    }

    /** The header of a title cell, tolerating the "*" of required columns and spaces; null when unknown. */
    static Header parse(String title) {
        String t = title == null ? "" : title.replaceAll("[\\s*＊]", "");
        Matcher m = YEARLY.matcher(t);
        if (m.matches()) {
            return new Header(m.group(2).equals("年度考核") ? ASSESSMENT : TRAINING, Integer.parseInt(m.group(1)));
        }
        for (RosterColumn c : values()) {
            if (!c.isYearly() && c.title.equals(t)) {
                return new Header(c, 0);
            }
        }
        return null;
    }

    /** Allowed values for messages and the instructions sheet. */
    String allowed() {
        return values == null ? "" : String.join("、", values);
    }
}
