package cn.zugong.deliberation;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A sitting of one level in one community. {@code id} is null for a regular date not yet put in the
 * schedule (shown as the next sitting, stored when the community schedules or holds it).
 */
public record Meeting(Long id, long communityNodeId, String communityName, String communityPath, MeetingLevel level,
                      LocalDate date, LocalDate slotDate, String place, boolean held, String attendees,
                      String heldBy, LocalDateTime heldAt) {
}
