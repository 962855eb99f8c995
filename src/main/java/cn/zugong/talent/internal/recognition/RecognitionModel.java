package cn.zugong.talent.internal.recognition;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** The recognition part's records: routes, states, a case and what hangs on it. */
public final class RecognitionModel {

    private RecognitionModel() {
    }

    /** 三位一体: the three routes. */
    public enum Route {
        REGULAR("常规认定"), SPECIAL("特殊认定"), NOMINATED("举荐认定");

        private final String label;

        Route(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Route parse(String s) {
            if (s == null || s.isBlank()) {
                return null;
            }
            for (Route r : values()) {
                if (r.name().equalsIgnoreCase(s.strip())) {
                    return r;
                }
            }
            throw new cn.zugong.shared.BadRequestException("认定途径 route 应为 REGULAR、SPECIAL 或 NOMINATED，实际为“" + s + "”");
        }
    }

    /** A case's states; the last three are final (a decided case can still be revoked). */
    public enum Status {
        SUBMITTED("已申报待审核"), COMMITTEE("委员会评审中"), VOTING("举荐委员评议中"), REVIEWED("审核通过待公示"),
        PUBLICITY("公示中"), DECIDED("已认定"), REJECTED("不予认定"), REVOKED("已撤销");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean open() {
            return this != DECIDED && this != REJECTED && this != REVOKED;
        }

        public static Status parse(String s) {
            if (s == null || s.isBlank()) {
                return null;
            }
            for (Status st : values()) {
                if (st.name().equalsIgnoreCase(s.strip())) {
                    return st;
                }
            }
            throw new cn.zugong.shared.BadRequestException("状态 status 不正确：“" + s + "”");
        }
    }

    /** A case as pages and the API read it; the talent's name only (never ID number or phone). */
    public record Case(long id, String caseNo, long talentId, String talentName, String talentField, long nodeId,
                       String nodePath, String nodeName, Route route, Status status, String fastTrack,
                       String fastTrackRule, String claimedLevel, String ruleLevel, String ruleId, String ruleReason,
                       String proposedLevel, String level, String summary, Long groupId, String groupName,
                       String reviewNote, LocalDate publicityFrom, LocalDate publicityUntil, LocalDate decidedOn,
                       String decidedBy, String decisionNote, String certificateNo, LocalDate validUntil,
                       String revokedReason, boolean historical, String createdBy, LocalDateTime createdAt) {

        public String fastTrackLabel() {
            return fastTrack == null ? null : fastTrack.equals("TO_RECOGNITION") ? "直通认定" : "直通终评";
        }
    }

    public record Event(String action, String fromStatus, String toStatus, String note, String actor, LocalDateTime at) {
        /** The step's name in Chinese (申报, 审核通过, 委员评议 …). */
        public String actionLabel() {
            return switch (action) {
                case "OPEN" -> "申报";
                case "BALLOT" -> "委员评议";
                default -> RecognitionFlow.parse(action).map(RecognitionFlow::label).orElse(action);
            };
        }

        public String statusLabel() {
            return Status.valueOf(toStatus).label();
        }
    }

    public record Evidence(long id, long caseId, String fileName, String contentType, int size, String sha256,
                           String uploadedBy, LocalDateTime uploadedAt) {
    }

    public record Opinion(long id, String memberName, String opinion, String level, String reason, String recordedBy,
                          LocalDateTime recordedAt) {
        public boolean agrees() {
            return "AGREE".equals(opinion);
        }
    }

    public record Objection(long id, String raisedBy, String content, LocalDate receivedOn, String answer,
                            Boolean upheld, String answeredBy, LocalDateTime answeredAt) {
        public boolean answered() {
            return answer != null;
        }
    }

    public record Group(long id, long nodeId, String field, String fieldName, String name, List<Member> members) {
    }

    public record Member(String username, String displayName, String affiliation) {
    }

    /** A 委员's ballot: the level opinion (null: 不予举荐), the reason and the points per dimension. */
    public record Ballot(String username, String displayName, String level, String reason, int total,
                         Map<String, Integer> points, LocalDateTime submittedAt) {
    }

    /** The vote of a nominated case: members, ballots in, whether the quorum is met and what is carried. */
    public record Tally(int members, int submitted, int quorumNeeded, boolean quorumMet, String carriedLevel,
                        Map<String, Integer> atOrAbove, int agreeNeeded, String explanation) {
    }
}
