package cn.zugong.people.internal;

import java.time.LocalDate;

public record PartyMemberSummary(long id, String name, String gender, int age, String idNumberMasked,
                                 String phoneMasked, long branchId, String branchName, LocalDate joinedPartyDate,
                                 String status, boolean mobile, String mobileTo, Long personId) {
}
