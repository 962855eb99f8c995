package cn.zugong.rating.internal.cycle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** The records of the yearly cycle (ADR 062, 064): rounds, entries, scores, their history, evidence, objections. */
final class CycleModel {

    private CycleModel() {
    }

    /** Where a score sheet is: the organisation's own self-assessment, a review level, or 审定 (done). */
    enum Stage {
        SELF("自评"), TOWNSHIP("乡镇初审"), COUNTY("县级复审"), CITY("市级审定"), DONE("已审定");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Stage parse(String s) {
            if (s == null || s.isBlank()) {
                return null;
            }
            try {
                return valueOf(s.strip());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    enum Status {
        ASSESSING("评定中"), PUBLICITY("公示中"), PUBLISHED("已发布");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    record Round(long id, long nodeId, String nodeName, String nodePath, String schemeCode, String schemeVersion,
                 int year, String name, Status status, LocalDate selfDue, LocalDate reviewDue, int publicityDays,
                 LocalDate publicityFrom, LocalDate publicityTo, LocalDateTime publishedAt, String createdBy,
                 LocalDateTime createdAt, int version) {
    }

    record Entry(long id, long roundId, long nodeId, String nodeName, String nodePath, Stage stage,
                 BigDecimal selfPoints, BigDecimal points, Integer stars, boolean strongParty,
                 boolean strongDevelopment, boolean vetoed, BigDecimal publishedPoints, Integer publishedStars,
                 boolean withdrawn, String updatedBy, LocalDateTime updatedAt, int version) {

        public boolean doubleStrong() {
            return strongParty && strongDevelopment;
        }
    }

    /**
     * A criterion's score now: {@code points} as given (or computed), {@code selfPoints} as the organisation
     * claimed them, {@code value} the count of a per-item criterion or the metric value of a computed one.
     */
    record Score(String criterion, BigDecimal points, BigDecimal selfPoints, BigDecimal value, String note,
                 String updatedBy, LocalDateTime updatedAt) {
    }

    record Change(long id, String criterion, String what, Stage stage, BigDecimal before, BigDecimal after,
                  String reason, String actor, LocalDateTime at) {
    }

    record Step(long id, String action, String fromStage, String toStage, String comment, String actor,
                LocalDateTime at) {

        public String actionLabel() {
            return switch (action) {
                case "SUBMIT" -> "提交";
                case "APPROVE" -> "审核通过";
                case "RETURN" -> "退回";
                case "CONFIRM" -> "审定";
                case "OBJECTION" -> "登记异议";
                case "ANSWER" -> "答复异议";
                case "PUBLICITY" -> "公示";
                case "PUBLISH" -> "发布";
                case "WITHDRAW" -> "摘星";
                case "RESTORE" -> "恢复星级";
                default -> action;
            };
        }
    }

    record VetoRow(String code, String reason, String recordedBy, LocalDateTime recordedAt) {
    }

    record Evidence(long id, long entryId, String criterion, String description, String fileName,
                    String contentType, Integer size, String sha256, String uploadedBy, LocalDateTime uploadedAt) {
    }

    record Objection(long id, long entryId, LocalDate raisedOn, String raisedBy, String content, String answer,
                     Boolean upheld, String answeredBy, LocalDateTime answeredAt, String recordedBy) {

        public boolean answered() {
            return answer != null;
        }
    }

    /** A review level of an entry: the stage and the org node (the organisation's ancestor) that acts at it. */
    record Level(Stage stage, long nodeId, String nodeName) {
    }
}
