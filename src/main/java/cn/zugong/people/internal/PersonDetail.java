package cn.zugong.people.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The person page: every roster field (identifiers masked) and the yearly facts. */
public record PersonDetail(PersonSummary summary, String ethnicity, String ftDegree, String isEducation,
                           String isDegree, String majorCategory, String staffKind, LocalDate rankSince,
                           LocalDate postSince, LocalDate workStartDate, LocalDate joinedUnitDate,
                           LocalDate probationEnd, String unitPath, List<Assessment> assessments,
                           List<Training> training, List<Note> records, PartyMembership partyMembership) {

    public record Assessment(int year, String result) {
    }

    public record Training(int year, BigDecimal hours) {
    }

    public record Note(String kind, int year, String description) {
        public String kindLabel() {
            return "REWARD".equals(kind) ? "奖励" : "处分";
        }
    }

    public record PartyMembership(long branchId, String branchName, LocalDate joinedPartyDate, String status,
                                  boolean mobile, String mobileTo) {
    }
}
