package cn.zugong.deliberation;

import java.time.LocalDate;

/** What a community registers: the matter, who raised it (name, phone), where (网格) and when; evidence optional. */
public record NewMatter(long communityNodeId, String title, String description, String raisedBy, String phone,
                        String grid, LocalDate raisedOn, String evidence) {
}
