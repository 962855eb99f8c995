package cn.zugong.org;

import java.util.Set;

/**
 * The sector (领域) of a party organisation, as the party's statistics group them; what a rating scheme applies to.
 * 非公企业 and 社会组织 together are the 两新 organisations.
 */
public enum PartySector {
    ORGAN("机关"),
    INSTITUTION("事业单位"),
    STATE_ENTERPRISE("国有企业"),
    PRIVATE_ENTERPRISE("非公企业"),
    SOCIAL_ORG("社会组织"),
    VILLAGE("农村"),
    COMMUNITY("城市社区"),
    TOWNSHIP("乡镇（街道）");

    /** 两新组织: 新经济组织 (非公企业) and 新社会组织. */
    public static final Set<PartySector> LIANGXIN = Set.of(PRIVATE_ENTERPRISE, SOCIAL_ORG);

    private final String label;

    PartySector(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
