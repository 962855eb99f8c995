package cn.zugong.people;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One civil servant as written by the Excel import and the demo generator. {@code id} is null for a
 * new person. Yearly facts: assessment result and training hours by year; rewards and disciplinary
 * records as (year, description).
 */
public record PersonRow(Long id, long unitId, String name, String gender, LocalDate birthDate, String idNumber,
                        String phone, String ethnicity, String politicalStatus, String ftEducation, String ftDegree,
                        String isEducation, String isDegree, String majorCategory, String staffKind,
                        String rankLevel, LocalDate rankSince, String postLevel, LocalDate postSince,
                        LocalDate workStartDate, LocalDate joinedUnitDate, String source, LocalDate probationEnd,
                        Map<Integer, String> assessments, Map<Integer, BigDecimal> trainingHours,
                        List<YearNote> rewards, List<YearNote> disciplines) {

    public record YearNote(int year, String description) {
    }

    public PersonRow withId(long newId) {
        return new PersonRow(newId, unitId, name, gender, birthDate, idNumber, phone, ethnicity, politicalStatus,
                ftEducation, ftDegree, isEducation, isDegree, majorCategory, staffKind, rankLevel, rankSince,
                postLevel, postSince, workStartDate, joinedUnitDate, source, probationEnd, assessments,
                trainingHours, rewards, disciplines);
    }
}
