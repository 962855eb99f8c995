package cn.zugong.prosperity;

import java.time.LocalDate;
import java.util.List;

/**
 * A 给力 offer as registered: the managing org node (scope), kind CADRE (挂职干部, may link a roster person) or
 * TALENT (may link the talent registry), name, current post, field codes, skills (tags), the org nodes of the places
 * the person can serve, availability (to may be null: open), the phone (stored encrypted), a note, and the day it
 * was registered (null: today).
 */
public record MatchingNewOffer(long nodeId, String kind, String name, String currentPost, Long personId,
                               Long talentId, List<String> fields, List<String> skills, List<Long> placeNodeIds,
                               LocalDate from, LocalDate to, String phone, String note, LocalDate registeredOn) {
}
