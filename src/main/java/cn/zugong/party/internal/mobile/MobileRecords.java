package cn.zugong.party.internal.mobile;

import cn.zugong.closure.Escalation;
import cn.zugong.party.MobileEventKind;
import cn.zugong.party.MobileHostKind;
import cn.zugong.party.MobileState;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** The rows the 流动党员 pages and API show. Phones are masked unless a record says otherwise. */
final class MobileRecords {

    private MobileRecords() {
    }

    /** A file as its page shows it; {@code phone} masked. */
    record FileView(long id, long memberId, long branchId, String branchName, String name, String province,
                    String city, String district, boolean inCity, String employer, String phone, String liveCity,
                    String liveDistrict, String liveCommunity, LocalDate leftOn, String reason, String relation,
                    MobileState state, List<String> skills, Long hostId, String hostName, MobileHostKind hostRule,
                    LocalDate managedOn, LocalDate lastContactOn, LocalDate nextDue, LocalDateTime createdAt,
                    String createdBy) {
        public String where() {
            return place(province, city, district);
        }

        /** The same file with its phone masked (lists, pages and the API never show it whole). */
        public FileView masked() {
            return new FileView(id, memberId, branchId, branchName, name, province, city, district, inCity, employer,
                    cn.zugong.shared.Masking.phone(phone), liveCity, liveDistrict, liveCommunity, leftOn, reason,
                    relation, state, skills, hostId, hostName, hostRule, managedOn, lastContactOn, nextDue, createdAt,
                    createdBy);
        }

        public String livesAt() {
            return liveCity == null ? "" : place(null, liveCity, liveDistrict) + (liveCommunity == null ? "" : liveCommunity);
        }
    }

    /** A line of a list of files. */
    record FileLine(long id, String name, String branchName, String where, String employer, MobileState state,
                    String hostName, MobileHostKind hostRule, LocalDate lastContactOn, LocalDate nextDue) {
    }

    /** An overdue file with its days overdue on the working-day calendar and its 督办 level. */
    record Overdue(FileLine file, int workdays, Escalation level, String lastDunning) {
    }

    /** A file no rule could give to a host, with each rule's reason. */
    record Unmanaged(FileLine file, List<String> reasons) {
    }

    record ContactRow(long id, LocalDate on, String channel, String by, String content, LocalDate nextDue,
                      String recordedBy) {
    }

    record EventRow(long id, MobileEventKind kind, LocalDate on, String otherOrg, String note, String recordedBy) {
    }

    record TaskRow(long id, String task, LocalDate givenOn, String result, String recordedBy) {
    }

    record DunningRow(Escalation level, int overdue, String note, LocalDateTime at, String by) {
    }

    /** A host organisation with the destinations it covers (regional ones) and how many members it manages. */
    record HostRow(long id, MobileHostKind kind, String name, long ownerId, Long orgId, String city, String district,
                   String employer, String community, List<String> destinations, long members) {
        public String place() {
            return MobileRecords.place(null, city, district) + (community == null ? "" : community);
        }
    }

    /** A candidate of 源头查找; phone masked. */
    record CandidateRow(long id, long memberId, long branchId, String branchName, String name, String source,
                        String listName, String province, String city, String district, String employer,
                        String phone, String status, LocalDateTime foundAt) {
        public CandidateRow withMaskedPhone() {
            return new CandidateRow(id, memberId, branchId, branchName, name, source, listName, province, city,
                    district, employer, cn.zugong.shared.Masking.phone(phone), status, foundAt);
        }

        public String sourceLabel() {
            return switch (source) {
                case "IMPORT" -> "外出名单" + (listName == null ? "" : "（" + listName + "）");
                case "ROSTER" -> "党员信息标注流动";
                default -> "身份证号非本市";
            };
        }
    }

    /** One rule of 三个一批 in its order. */
    record RuleRow(int position, MobileHostKind kind, String label) {
    }

    static String place(String province, String city, String district) {
        StringBuilder b = new StringBuilder();
        if (province != null && (city == null || !city.startsWith(province))) {
            b.append(province);
        }
        if (city != null) {
            b.append(city);
        }
        if (district != null) {
            b.append(district);
        }
        return b.toString();
    }
}
