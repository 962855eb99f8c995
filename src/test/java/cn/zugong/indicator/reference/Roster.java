package cn.zugong.indicator.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * A generated city as plain rows: the org tree (divisions and units with 编制数 and quotas), every person's
 * bitemporal versions and the bitemporal yearly facts, exactly as they go into the tables of V3/V60.
 */
record Roster(String cityCode, List<Division> divisions, List<Unit> units, List<Version> versions,
              List<Assessment> assessments, List<Training> trainings, List<Record> records) {

    static final LocalDate OPEN_DATE = LocalDate.of(9999, 12, 31);
    static final LocalDateTime OPEN_TIME = LocalDateTime.of(9999, 12, 31, 0, 0);

    /** A division under {@code parentCode} (null: the city itself); level city / county / township. */
    record Division(String code, String name, String level, String parentCode) {
    }

    /** A unit: tier 市直/县直/乡镇, unit type, 编制数 and quotas (kind LEADER/RANK → level → 职数). */
    record Unit(String code, String parentCode, String tier, String unitType, int headcount,
                Map<String, Map<String, Integer>> quotas) {

        int quota(String kind, String level) {
            return quotas.getOrDefault(kind, Map.of()).getOrDefault(level, 0);
        }

        int quotaTotal(String kind) {
            return quotas.getOrDefault(kind, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The formula-visible state of a person in one version (and the service status). */
    record State(String unitCode, String status, String gender, LocalDate birthDate, String ethnicity,
                 String political, String ftEducation, String ftDegree, String isEducation, String isDegree,
                 String major, String staffKind, String rank, LocalDate rankSince, String post, LocalDate postSince,
                 LocalDate workStart, LocalDate joinedUnit, String source, LocalDate probationEnd) {

        State withUnit(String unit, LocalDate joined) {
            return new State(unit, status, gender, birthDate, ethnicity, political, ftEducation, ftDegree,
                    isEducation, isDegree, major, staffKind, rank, rankSince, post, postSince, workStart, joined,
                    source, probationEnd);
        }

        State withRank(String newRank, LocalDate since) {
            return new State(unitCode, status, gender, birthDate, ethnicity, political, ftEducation, ftDegree,
                    isEducation, isDegree, major, staffKind, newRank, since, post, postSince, workStart, joinedUnit,
                    source, probationEnd);
        }

        State withPost(String newPost, LocalDate since) {
            return new State(unitCode, status, gender, birthDate, ethnicity, political, ftEducation, ftDegree,
                    isEducation, isDegree, major, staffKind, rank, rankSince, newPost, since, workStart, joinedUnit,
                    source, probationEnd);
        }

        State withStatus(String newStatus) {
            return new State(unitCode, newStatus, gender, birthDate, ethnicity, political, ftEducation, ftDegree,
                    isEducation, isDegree, major, staffKind, rank, rankSince, post, postSince, workStart, joinedUnit,
                    source, probationEnd);
        }

        State withPolitical(String newPolitical) {
            return new State(unitCode, status, gender, birthDate, ethnicity, newPolitical, ftEducation, ftDegree,
                    isEducation, isDegree, major, staffKind, rank, rankSince, post, postSince, workStart, joinedUnit,
                    source, probationEnd);
        }

        State withInService(String education, String degree) {
            return new State(unitCode, status, gender, birthDate, ethnicity, political, ftEducation, ftDegree,
                    education, degree, major, staffKind, rank, rankSince, post, postSince, workStart, joinedUnit,
                    source, probationEnd);
        }

        /** A correction of recorded personal data (a wrong birth date or full-time education). */
        State corrected(LocalDate birth, String education) {
            return new State(unitCode, status, gender, birth, ethnicity, political, education, ftDegree,
                    isEducation, isDegree, major, staffKind, rank, rankSince, post, postSince, workStart, joinedUnit,
                    source, probationEnd);
        }
    }

    /** One person_version row. */
    record Version(long personId, LocalDate validFrom, LocalDate validTo, LocalDateTime recordedAt,
                   LocalDateTime supersededAt, String changeKind, State state) {

        boolean validOn(LocalDate d) {
            return !validFrom.isAfter(d) && d.isBefore(validTo);
        }

        boolean knownAt(LocalDateTime k) {
            return !recordedAt.isAfter(k) && k.isBefore(supersededAt);
        }
    }

    /** Bitemporal columns shared by the fact rows. */
    record Period(LocalDate validFrom, LocalDate validTo, LocalDateTime recordedAt, LocalDateTime supersededAt) {

        boolean visible(LocalDate d, LocalDateTime k) {
            return !validFrom.isAfter(d) && d.isBefore(validTo) && !recordedAt.isAfter(k) && k.isBefore(supersededAt);
        }

        Period supersededAt(LocalDateTime t) {
            return new Period(validFrom, validTo, recordedAt, t);
        }

        Period endingOn(LocalDate to) {
            return new Period(validFrom, to, recordedAt, supersededAt);
        }
    }

    record Assessment(long personId, int year, String result, Period period) {
    }

    record Training(long personId, int year, BigDecimal hours, Period period) {
    }

    /** kind REWARD / DISCIPLINE. */
    record Record(long personId, String kind, int year, String description, Period period) {
    }
}
