package cn.zugong.lighting.internal;

import java.time.LocalDate;

/** A task list: a domain's yearly key tasks, or the items of one meeting (with the meeting recorded). */
public record TaskList(long id, String code, String name, int year, String domain, String source,
                       String sourceMeeting, LocalDate meetingDate, long ownerNodeId, String ownerPath,
                       String ownerName, ListConfig config, String createdBy) {

    public static final String ANNUAL = "年度重点任务";
    public static final String SYMPOSIUM = "人才座谈会";
    public static final String MEETING = "推进例会";

    public boolean fromMeeting() {
        return !ANNUAL.equals(source);
    }
}
