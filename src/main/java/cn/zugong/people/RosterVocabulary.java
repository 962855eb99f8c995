package cn.zugong.people;

import java.util.List;

/**
 * The coded values of roster fields, in one place: import validation, the Excel template's
 * drop-downs, list filters and the demo generator all use these lists.
 */
public final class RosterVocabulary {

    public static final List<String> GENDERS = List.of("男", "女");
    public static final List<String> POLITICAL_STATUSES = List.of("中共党员", "中共预备党员", "共青团员", "民主党派", "群众");
    public static final List<String> EDUCATIONS = List.of("研究生", "大学本科", "大学专科", "中专", "高中及以下");
    public static final List<String> DEGREES = List.of("博士", "硕士", "学士", "无");
    public static final List<String> MAJOR_CATEGORIES = List.of("经济管理类", "法学类", "文史哲类", "理工类", "信息技术类",
            "农林水产类", "海洋类", "医学类", "教育类", "其他");
    public static final List<String> STAFF_KINDS = List.of("公务员", "参公人员");
    /** 综合管理类公务员职级, highest first. */
    public static final List<String> RANKS = List.of("一级巡视员", "二级巡视员", "一级调研员", "二级调研员", "三级调研员",
            "四级调研员", "一级主任科员", "二级主任科员", "三级主任科员", "四级主任科员", "一级科员", "二级科员");
    /** 领导职务层次, highest first; empty means no leadership post. */
    public static final List<String> POSTS = List.of("厅局级正职", "厅局级副职", "县处级正职", "县处级副职", "乡科级正职",
            "乡科级副职");
    public static final List<String> SOURCES = List.of("考录", "选调生", "遴选", "调任", "军转");
    public static final List<String> ASSESSMENT_RESULTS = List.of("优秀", "称职", "基本称职", "不称职", "不确定等次");
    public static final List<String> PARTY_MEMBER_STATUSES = List.of("正式党员", "预备党员");
    public static final List<String> UNIT_TIERS = List.of("市直", "县直", "乡镇");

    private RosterVocabulary() {
    }
}
