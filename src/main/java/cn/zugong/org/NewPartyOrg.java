package cn.zugong.org;

/** A party organisation (党委 / 党总支 / 党支部) to add under the node with code {@code parentCode}. */
public record NewPartyOrg(String parentCode, String code, String name, int sortOrder, String orgType) {
}
