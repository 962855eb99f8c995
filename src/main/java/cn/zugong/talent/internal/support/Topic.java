package cn.zugong.talent.internal.support;

/**
 * What a 人才诉求 is about, and the 问题清单 category it is filed under (codes of ticket_category, V45): the talent
 * chooses a topic in words of the talent's life, the office triages the ticket as usual.
 */
public enum Topic {
    ENTRY("入职到岗", "APPROVAL"),
    HOUSING("住房安居", "LIVELIHOOD"),
    SCHOOL("子女就学", "LIVELIHOOD"),
    SPOUSE("配偶就业", "LIVELIHOOD"),
    MEDICAL("医疗保健", "LIVELIHOOD"),
    POLICY("政策兑现", "POLICY"),
    FUNDING("创业融资", "FACTOR"),
    HIRING("用工引才", "FACTOR"),
    PLATFORM("平台建设", "FACTOR"),
    OTHER("其他", "OTHER");

    private final String label;
    private final String category;

    Topic(String label, String category) {
        this.label = label;
        this.category = category;
    }

    public String label() {
        return label;
    }

    public String category() {
        return category;
    }

    public static Topic parse(String value) {
        for (Topic t : values()) {
            if (t.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return t;
            }
        }
        return null;
    }

    /** The label of a stored code, or the code itself when unknown. */
    public static String labelOf(String code) {
        Topic t = parse(code);
        return t == null ? code : t.label();
    }
}
