package cn.zugong.prosperity.internal.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the pages and the API show of the lists, engagements, outcomes and ratings. */
public final class Rows {

    private Rows() {
    }

    public record Need(long id, long nodeId, String nodeName, String posterKind, String posterKindLabel,
                       String posterName, String title, String field, String fieldName, String description,
                       long placeNodeId, String placeName, String placePath, LocalDate from, LocalDate to,
                       int headcount, String status, String statusLabel, LocalDate postedOn, int engagements,
                       List<String> skills) {
    }

    /** An offer; {@code phone} is masked in lists and on the page (an admin may unmask it, audited). */
    public record Offer(long id, long nodeId, String nodeName, String kind, String kindLabel, String name,
                        String currentPost, Long personId, Long talentId, LocalDate from, LocalDate to, String phone,
                        String note, String status, String statusLabel, LocalDate registeredOn,
                        List<String> fields, List<String> fieldNames, List<String> skills, List<Long> placeIds,
                        List<String> placeNames, List<String> placePaths) {
    }

    public record Candidate(Offer offer, cn.zugong.prosperity.MatchingScore score, boolean engagedHere,
                            int activeElsewhere) {
    }

    public record Engagement(long id, long needId, String needTitle, long needNodeId, String needNodeName,
                             String placeName, String field, String fieldName, long offerId, String offerName,
                             String offerKindLabel, long offerNodeId, String offerNodeName, LocalDate start,
                             LocalDate end, String tasks, BigDecimal score, String status, String statusLabel,
                             LocalDate completedOn) {
    }

    public record Outcome(long id, long engagementId, LocalDate recordedOn, String summary, int projects,
                          BigDecimal fundsYuan, int peopleTrained, String createdBy) {
    }

    public record Rating(long id, long engagementId, String side, String sideLabel, int stars, String comment,
                         String ratedBy, java.time.LocalDateTime ratedAt) {
    }

    public record Field(String code, String name) {
    }

    static String needStatus(String s) {
        return switch (s) {
            case "OPEN" -> "征集中";
            case "MATCHED" -> "已对接";
            case "DONE" -> "已完成";
            case "WITHDRAWN" -> "撤回";
            default -> s;
        };
    }

    static String posterKind(String s) {
        return switch (s) {
            case "COUNTY" -> "县（市、区）";
            case "TOWNSHIP" -> "乡镇（街道）";
            case "VILLAGE" -> "村（社区）";
            case "ENTERPRISE" -> "企业";
            default -> s;
        };
    }

    static String offerKind(String s) {
        return "CADRE".equals(s) ? "挂职干部" : "人才";
    }

    static String offerStatus(String s) {
        return "ACTIVE".equals(s) ? "可对接" : "已撤回";
    }

    static String engagementStatus(String s) {
        return switch (s) {
            case "ACTIVE" -> "对接中";
            case "DONE" -> "已完成";
            case "ENDED" -> "已终止";
            default -> s;
        };
    }

    static String side(String s) {
        return "NEED".equals(s) ? "需求方评价人才" : "人才评价需求方";
    }
}
