package cn.zugong.talent.internal.code;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One issued 人才码 (table talent_code), with its talent's name, node and employer for the pages. */
public record Code(long id, long serial, long talentId, String keyId, String level, LocalDate validFrom,
            LocalDate validUntil, String payload, CodeStatus status, String issuedBy, LocalDateTime issuedAt,
            String reason, String revokedBy, LocalDateTime revokedAt, Long supersededBy, String talentName,
            String nodePath, String employerName) {

    public boolean expiredOn(LocalDate day) {
        return day.isAfter(validUntil);
    }

    /** The state as the office reads it on {@code day}: 有效 / 已过期 / 已撤销 / 已重新签发. */
    public String stateOn(LocalDate day) {
        if (status == CodeStatus.VALID && expiredOn(day)) {
            return "已过期";
        }
        return status.label();
    }
}
