package cn.zugong.people;

/** What another module may show of a person: no ID number, no phone (a link leads to the person page). */
public record PersonCard(long id, String name, String gender, java.time.LocalDate birthDate, int age, String politicalStatus, String ftEducation,
                         String rankLevel, String postLevel, String source, String unitName) {
}
