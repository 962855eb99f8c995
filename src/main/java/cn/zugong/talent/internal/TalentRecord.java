package cn.zugong.talent.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import cn.zugong.talent.Credential;
import cn.zugong.talent.CredentialKind;

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

    public boolean holds(CredentialKind kind, String code) {
        return credentials.stream().anyMatch(c -> c.kind() == kind && c.code().equals(code));
    }

    public boolean recognised() {
        return level != null;
    }
}
