package cn.zugong.people;

/**
 * A party member as the 流动党员 work sees one (issue 18): who, of which branch, whether the roster marks the member
 * 流动 and where to, and the region code of the ID number (its first six digits: where the member's 户籍 was first
 * registered), never the whole number nor the phone.
 */
public record PartyMemberRef(long id, long branchId, String name, String gender, boolean mobile, String mobileTo,
                             String idRegion) {
}
