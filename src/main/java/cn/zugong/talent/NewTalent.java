package cn.zugong.talent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A talent to register. ID number and phone are plain here: the registry encrypts them. Codes (category, field,
 * education, credentials) come from the classification; {@code annualSalary} in yuan.
 */
public record NewTalent(long nodeId, Long employerId, String name, String gender, LocalDate birthDate, String idNumber,
                        String phone, String email, String category, String field, String education, String school,
                        String major, BigDecimal annualSalary, LocalDate arrivedOn, List<Credential> credentials) {
}
