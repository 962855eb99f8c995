package cn.zugong.service.internal;

import cn.zugong.service.CadreType;
import cn.zugong.service.ChargeKind;
import cn.zugong.service.VisitKind;
import cn.zugong.shared.Masking;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** The module's rows as the pages and services read them. */
final class Records {

    private Records() {
    }

    /** A service cadre; {@code phone} is the plaintext (decrypted on read), shown masked in lists. */
    record Cadre(long id, String name, String phone, long nodeId, String nodeName, String nodePath, CadreType type,
                 String username) {
        public String maskedPhone() {
            return Masking.phone(phone);
        }

        cn.zugong.shared.OrgScope nodeScope() {
            return new cn.zugong.shared.OrgScope(nodeId, nodePath);
        }
    }

    /** A charge (联系对象) with its target's name; current on a day when the day lies in [from, to]. */
    record Charge(long id, long cadreId, ChargeKind kind, long targetId, String targetName, LocalDate validFrom,
                  LocalDate validTo) {
        public boolean currentOn(LocalDate day) {
            return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
        }

        public String periodText() {
            return validFrom + " 至 " + (validTo == null ? "今" : validTo.toString());
        }
    }

    record Enterprise(long id, String name, String creditCode, String industry, String address, long nodeId,
                      String nodeName) {
    }

    record Project(long id, String name, String industry, String address, long nodeId, String nodeName) {
    }

    /** A visit with the names a page shows; {@code nodePath} is the cadre's node, through which it is scoped. */
    record Visit(long id, long cadreId, String cadreName, String cadreUsername, long nodeId, String nodeName,
                 String nodePath, long chargeId, ChargeKind chargeKind, String chargeName, VisitKind kind,
                 LocalDate date, String place, String whom, String notes, boolean problem, String createdBy,
                 LocalDateTime createdAt) {
    }

    record Photo(long id, long visitId, String fileName, String contentType, int size, String sha256) {
        public String sizeText() {
            return size >= 1024 * 1024 ? String.format("%.1f MB", size / 1048576.0) : (size + 1023) / 1024 + " KB";
        }
    }

    /** A checked photo ready to store. */
    record NewPhoto(String fileName, String contentType, byte[] bytes, String sha256) {
    }
}
