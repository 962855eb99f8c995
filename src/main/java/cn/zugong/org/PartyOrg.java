package cn.zugong.org;

/** A party organisation node with its type (党委 / 党总支 / 党支部) and sector. */
public record PartyOrg(OrgNode node, String orgType, PartySector sector) {
}
