package cn.zugong.people;

/**
 * What another module may show of a person: no ID number, no phone (a link leads to the person page).
 * {@code birthDate} is for computations (retirement, age); pages show {@link #birthMonth()} (出生年月)
 * only, as the roster does, so no page holds the full date beside a masked number (ADR 034).
 */
public record PersonCard(long id, String name, String gender, java.time.LocalDate birthDate, int age, String politicalStatus, String ftEducation,
                         String rankLevel, String postLevel, String source, String unitName) {

    /** 出生年月, the form pages show. */
    public java.time.YearMonth birthMonth() {
        return birthDate == null ? null : java.time.YearMonth.from(birthDate);
    }
}
