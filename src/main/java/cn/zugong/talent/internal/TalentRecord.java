package cn.zugong.talent.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A talent of the registry as the module's code reads it: ID number and phone already decrypted (pages show them
 * only through {@link cn.zugong.shared.Masking}); {@code level} null when not recognised.
 */
public record TalentRecord(long id, long nodeId, String nodePath, Long employerId, String employerName, String name,
                           String gender, LocalDate birthDate, String idNumber, String phone, String email,
                           String category, String field, String education, String school, String major,
                           BigDecimal annualSalary, LocalDate arrivedOn, String level, String levelRoute,
                           LocalDate levelSince, LocalDate levelUntil, String username, String status,
                           List<Credential> credentials) {

    /** A title, award or programme the talent holds, by its code in the classification. */
    public record Credential(Classification.CredentialKind kind, String code, Integer year, String note) {
    }

    public boolean holds(Classification.CredentialKind kind, String code) {
        return credentials.stream().anyMatch(c -> c.kind() == kind && c.code().equals(code));
    }

    public boolean recognised() {
        return level != null;
    }
}
