package cn.zugong.talent.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A talent to register (plain ID number and phone: {@link TalentStore} encrypts them). */
public record NewTalent(long nodeId, Long employerId, String name, String gender, LocalDate birthDate, String idNumber,
                        String phone, String email, String category, String field, String education, String school,
                        String major, BigDecimal annualSalary, LocalDate arrivedOn,
                        List<TalentRecord.Credential> credentials) {
}
