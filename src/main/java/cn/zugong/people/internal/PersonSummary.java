package cn.zugong.people.internal;

import java.time.LocalDate;

/** A line of the roster list. ID number and phone are masked here and nowhere unmasked. */
public record PersonSummary(long id, String name, String gender, LocalDate birthDate, int age, String idNumberMasked,
                            String phoneMasked, String politicalStatus, String ftEducation, String rankLevel,
                            String postLevel, String source, long unitId, String unitName) {
}
