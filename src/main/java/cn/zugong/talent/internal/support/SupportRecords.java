package cn.zugong.talent.internal.support;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** The rows of the 人才诉求 / 专班 / 联系服务专家 tables as the part reads them. */
public final class SupportRecords {

    private SupportRecords() {
    }

    /** 人才工作专班. */
    public record Team(long id, long nodeId, String nodePath, String nodeName, String code, String name, String fields,
                String remit, String leadUnit, Long leaderPersonId, String leaderName, int sortOrder) {
    }

    public record Member(long id, long teamId, Long personId, String name, String unitName, Duty duty) {
    }

    /** An enterprise or a talent a 专班 serves; {@code name} resolved from the registry. */
    public record Served(long id, long teamId, Long employerId, Long talentId, String name) {
        public String kindLabel() {
            return employerId != null ? "企业" : "人才";
        }
    }

    public record Contact(long id, long nodeId, Long teamId, TargetKind targetKind, Long targetId, LocalDate date,
                   ContactMode mode, String whom, String byName, String content, int problems, String recordedBy) {
    }

    /** 重点平台 (创新平台) with its host employer. */
    public record Platform(long id, long nodeId, String nodePath, String nodeName, String name, String kind, String grade,
                    long employerId) {
        public String gradeLabel() {
            return switch (grade) {
                case "NATIONAL" -> "国家级";
                case "PROVINCIAL" -> "省级";
                default -> "市级";
            };
        }
    }

    /** 重点项目. */
    public record Project(long id, long nodeId, String nodePath, String nodeName, String name, String kind, Long employerId,
                   LocalDate startedOn) {
    }

    /** The responsible leader of a key talent, platform or project. */
    public record Liaison(TargetKind targetKind, long targetId, Long leaderPersonId, String leaderName, String leaderPost,
                   LocalDate since) {
    }

    /** 人才诉求: who raised it and the ticket it became. */
    public record Request(long id, long nodeId, String nodePath, Long talentId, Long employerId, Long teamId,
                   Long contactId, String topic, String title, Long ticketItemId, String ticketNo, String raisedBy,
                   LocalDateTime raisedAt) {
    }

    /** The duty of a 专班 member. */
    public enum Duty {
        LEADER("组长"), DEPUTY("副组长"), MEMBER("成员"), LIAISON("联络员");

        private final String label;

        Duty(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What a leader is responsible for (党委联系服务专家制度). */
    public enum TargetKind {
        TALENT("重点人才"), PLATFORM("重点平台"), PROJECT("重点项目");

        private final String label;

        TargetKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static TargetKind parse(String value) {
            for (TargetKind k : values()) {
                if (k.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                    return k;
                }
            }
            return null;
        }
    }

    public enum ContactMode {
        VISIT("走访"), CALL("电话"), MEETING("座谈"), ONLINE("线上");

        private final String label;

        ContactMode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static ContactMode parse(String value) {
            for (ContactMode m : values()) {
                if (m.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                    return m;
                }
            }
            return null;
        }
    }
}
