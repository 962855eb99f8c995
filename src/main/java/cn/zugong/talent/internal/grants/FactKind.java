package cn.zugong.talent.internal.grants;

import java.util.List;

/** The four kinds of fact a grant is computed from, each imported from its own Excel sheet. */
public enum FactKind {
    HOUSE("购房记录", "住建部门网签备案的购房合同",
            List.of("身份证号*", "合同签订日期*", "房屋地址*", "建筑面积（㎡）*")),
    RENTAL("租房记录", "住房租赁合同登记备案",
            List.of("身份证号*", "起租日期*", "止租日期", "月租金（元）*")),
    SOCIAL("社保缴费", "人社部门的养老保险缴费月份",
            List.of("身份证号*", "缴费月份*", "在本市缴纳*")),
    EMPLOYMENT("就业记录", "劳动合同或用工备案",
            List.of("身份证号*", "用人单位统一社会信用代码*", "入职日期*", "离职日期"));

    private final String label;
    private final String source;
    private final List<String> headers;

    FactKind(String label, String source, List<String> headers) {
        this.label = label;
        this.source = source;
        this.headers = headers;
    }

    public String label() {
        return label;
    }

    public String source() {
        return source;
    }

    public List<String> headers() {
        return headers;
    }

    public static FactKind parse(String value) {
        for (FactKind k : values()) {
            if (k.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return k;
            }
        }
        throw new cn.zugong.shared.BadRequestException("数据类别不正确：" + value);
    }
}
