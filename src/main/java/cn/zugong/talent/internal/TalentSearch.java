package cn.zugong.talent.internal;

/**
 * Filters of the registry list (every one optional): name (contains), level ("NONE" for not recognised), category,
 * field, key-field only (自贸重点领域), education, employer, node (the subtree of that node, inside the caller's scope).
 */
public record TalentSearch(String name, String level, String category, String field, boolean keyFieldsOnly,
                           String education, Long employerId, String nodePath) {

    public static TalentSearch all() {
        return new TalentSearch(null, null, null, null, false, null, null, null);
    }
}
