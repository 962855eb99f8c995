package cn.zugong.people.internal;

import java.time.YearMonth;

/**
 * A line of the roster list. ID number and phone are masked here and nowhere unmasked. The birth date
 * is given as 出生年月 only: with the full date, the masked number could be rebuilt (ADR 034).
 */
public record PersonSummary(long id, String name, String gender, YearMonth birthMonth, int age, String idNumberMasked,
                            String phoneMasked, String politicalStatus, String ftEducation, String rankLevel,
                            String postLevel, String source, long unitId, String unitName) {
}
