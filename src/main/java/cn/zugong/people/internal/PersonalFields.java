package cn.zugong.people.internal;

/**
 * The encrypted columns of the people module. Each name is the associated data of its column's
 * SM4-GCM values (ADR 006), so a value copied into another column or table does not decrypt.
 */
final class PersonalFields {

    static final String PERSON_ID_NUMBER = "person.id_number";
    static final String PERSON_PHONE = "person.phone";
    static final String MEMBER_ID_NUMBER = "party_member.id_number";
    static final String MEMBER_PHONE = "party_member.phone";

    private PersonalFields() {
    }

    /** AAD of a table's column. */
    static String aad(String table, String column) {
        return table + "." + column;
    }
}
