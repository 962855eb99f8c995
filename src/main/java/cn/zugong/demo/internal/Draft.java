package cn.zugong.demo.internal;

import cn.zugong.people.PersonRow.YearNote;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A person while being drawn: the facts later steps depend on, filled step by step. */
final class Draft {
    boolean male;
    boolean recruit;
    double age;
    LocalDate birth;
    String education;
    LocalDate workStart;
    /** Years of service on the demo date. */
    double years;
    String source;
    /** 领导职务层次, or null. */
    String post;
    /** Index into RosterVocabulary.RANKS, -1 until assigned. */
    int rank = -1;
    LocalDate rankSince;
    LocalDate joined;
    LocalDate postSince;
    final Map<Integer, String> assessments = new TreeMap<>();
    final List<YearNote> rewards = new ArrayList<>();
    final List<YearNote> disciplines = new ArrayList<>();

    boolean leader() {
        return post != null;
    }
}
