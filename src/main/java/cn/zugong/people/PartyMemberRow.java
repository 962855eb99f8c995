package cn.zugong.people;

import java.time.LocalDate;

/** A party member of a branch (党支部); {@code personId} links a member who is also on the roster. */
public record PartyMemberRow(long branchId, Long personId, String name, String gender, LocalDate birthDate,
                             String idNumber, String phone, LocalDate joinedPartyDate, String status,
                             boolean mobile, String mobileTo) {
}
