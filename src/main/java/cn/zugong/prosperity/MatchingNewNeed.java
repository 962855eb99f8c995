package cn.zugong.prosperity;

import java.time.LocalDate;
import java.util.List;

/**
 * A 借力 need as posted: the poster's org node (scope) and kind (COUNTY, TOWNSHIP, VILLAGE, ENTERPRISE) and name, the
 * field code (matching_field), wanted skills (tags), the place (a county, township or village node), the period,
 * how many people, and the day it was posted (null: today).
 */
public record MatchingNewNeed(long nodeId, String posterKind, String posterName, String title, String field,
                              String description, long placeNodeId, LocalDate from, LocalDate to, int headcount,
                              List<String> skills, LocalDate postedOn) {
}
