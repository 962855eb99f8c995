package cn.zugong.prosperity;

import java.time.LocalDate;

/** A chosen match made an engagement: the need, the offer, the dates and the tasks agreed. */
public record MatchingNewEngagement(long needId, long offerId, LocalDate start, LocalDate end, String tasks) {
}
