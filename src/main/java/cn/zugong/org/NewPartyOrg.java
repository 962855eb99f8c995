package cn.zugong.org;

/**
 * A party organisation (党委 / 党总支 / 党支部) to add under the node with code {@code parentCode}. A null
 * {@code sector} is taken from the parent: a unit's is 机关, a village's 农村 or 城市社区 (社区 in its name), a
 * township's 乡镇（街道）.
 */
public record NewPartyOrg(String parentCode, String code, String name, int sortOrder, String orgType,
                          PartySector sector) {

    public NewPartyOrg(String parentCode, String code, String name, int sortOrder, String orgType) {
        this(parentCode, code, name, sortOrder, orgType, null);
    }
}
