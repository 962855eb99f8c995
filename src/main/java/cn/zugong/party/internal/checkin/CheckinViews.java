package cn.zugong.party.internal.checkin;

import cn.zugong.party.CheckinPostKind;
import cn.zugong.party.CheckinPostRole;
import cn.zugong.party.CheckinReason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** The rows of 党员报到 as the pages and the JSON API show them (no ID number, no phone). */
public final class CheckinViews {

    private CheckinViews() {
    }

    /** A party member as the rules read them; {@code idNumber} is the plaintext, never shown. */
    public record Member(long id, long branchId, String branchPath, String branchName, String name,
                         LocalDate birthDate, String idNumber, String username) {
    }

    /** A village with its party organisation and the county and township above it. */
    public record Village(long id, String code, String name, String path, Long branchId, String branchName,
                          String townshipName, String countyCode, String countyName) {
    }

    public record Registration(long id, long memberId, String memberName, long villageId, String villageName,
                               String townshipName, CheckinReason reason, String status, String basis,
                               LocalDate livedFrom, LocalDate livedTo, String declaration, LocalDateTime requestedAt,
                               LocalDate reportedOn, LocalDate endedOn, String refusal) {
        public String reasonLabel() {
            return reason.label();
        }

        public String statusLabel() {
            return switch (status) {
                case "PENDING" -> "待确认";
                case "ACTIVE" -> "已报到";
                case "REFUSED" -> "未通过";
                default -> "已结束";
            };
        }
    }

    public record Post(long id, long villageId, String villageName, CheckinPostKind kind, CheckinPostRole role,
                       String title, String description, int capacity, int claimed, LocalDate startsOn,
                       LocalDate endsOn, boolean closed) {
        public int left() {
            return capacity - claimed;
        }

        public String kindLabel() {
            return kind.label();
        }

        public String roleLabel() {
            return role.label();
        }
    }

    public record Log(long id, long memberId, String memberName, long villageId, String villageName, Long postId,
                      LocalDate servedOn, String what, String whom, int elderlyVisits, BigDecimal fundsYuan,
                      String projects, String loggedBy, boolean onBehalf, int photos) {
    }

    public record Pairing(long id, long orgId, String orgName, long villageId, String villageName,
                          CheckinReason kind, String note) {
    }

    /** A stored photo: name, type, bytes and hash. */
    public record Photo(long id, String fileName, String contentType, byte[] bytes, String sha256) {
    }

    /** A division to pick from (county → township → village) on the member's registration form. */
    public record Place(long id, String code, String name) {
    }
}
