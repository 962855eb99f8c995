package cn.zugong.people;

/** A party member of a branch as other modules list it (the raters of a public evaluation): no ID number, no phone. */
public record BranchMember(long id, long branchId, String name, String gender) {
}
