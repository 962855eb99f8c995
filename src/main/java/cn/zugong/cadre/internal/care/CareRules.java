package cn.zugong.cadre.internal.care;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The care part's vocabularies and labels (ADR 077): codes stored, Chinese shown. */
final class CareRules {

    private CareRules() {
    }

    static final Map<String, String> CASE_STATUS = Map.of("APPLIED", "已申请", "VERIFIED", "已核实", "DECIDED", "已认定");
    static final Map<String, String> RESULTS = new LinkedHashMap<>();
    static final Map<String, String> EXEMPLAR_STATUS = new LinkedHashMap<>();
    static final Map<String, String> APPOINTMENT_KINDS = Map.of("PROMOTION", "提拔任用", "FURTHER_USE", "进一步使用",
            "RANK_PROMOTION", "职级晋升", "EXCHANGE", "交流");
    /** Appointments that count as 进一步使用或提拔任用 of a disciplined cadre (a 交流 alone does not). */
    static final List<String> REUSE_KINDS = List.of("PROMOTION", "FURTHER_USE", "RANK_PROMOTION");
    /** 澄清正名: how it was published and within which scope. */
    static final List<String> PUBLISHED = List.of("会议通报", "书面通报", "当面澄清", "媒体公开");
    static final List<String> REACH = List.of("本单位", "本系统", "本乡镇（街道）", "本县（市、区）", "全市");
    /**
     * 处理处分 kinds and their 影响期 in months (党纪处分条例, 政务处分法, 干部选拔任用工作条例): an 影响期 given
     * explicitly wins.
     */
    static final Map<String, Integer> DISCIPLINE_MONTHS = new LinkedHashMap<>();

    static {
        RESULTS.put("EXEMPT", "免责");
        RESULTS.put("LIGHTER", "从轻减轻");
        RESULTS.put("REFUSED", "不予容错");
        EXEMPLAR_STATUS.put("NOMINATED", "已提名");
        EXEMPLAR_STATUS.put("REVIEWED", "审核通过");
        EXEMPLAR_STATUS.put("REJECTED", "审核未通过");
        EXEMPLAR_STATUS.put("PUBLICIZING", "公示中");
        EXEMPLAR_STATUS.put("PUBLISHED", "已发布");
        DISCIPLINE_MONTHS.put("诫勉", 6);
        DISCIPLINE_MONTHS.put("警告", 6);
        DISCIPLINE_MONTHS.put("严重警告", 12);
        DISCIPLINE_MONTHS.put("政务警告", 6);
        DISCIPLINE_MONTHS.put("政务记过", 12);
        DISCIPLINE_MONTHS.put("政务记大过", 18);
        DISCIPLINE_MONTHS.put("政务降级", 24);
        DISCIPLINE_MONTHS.put("撤销党内职务", 24);
        DISCIPLINE_MONTHS.put("政务撤职", 24);
        DISCIPLINE_MONTHS.put("组织处理", 12);
    }

    static String caseStatus(String code) {
        return CASE_STATUS.getOrDefault(code, code);
    }

    static String result(String code) {
        return RESULTS.getOrDefault(code, code);
    }

    static String exemplarStatus(String code) {
        return EXEMPLAR_STATUS.getOrDefault(code, code);
    }

    static String appointmentKind(String code) {
        return APPOINTMENT_KINDS.getOrDefault(code, code);
    }
}
