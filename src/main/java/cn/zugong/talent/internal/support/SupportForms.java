package cn.zugong.talent.internal.support;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The forms of the support part (pages post them as fields, the API as JSON). */
public final class SupportForms {

    private SupportForms() {
    }

    /** A 专班: at the node of the 人才办 that sets it up; the leader from the roster (personId) or by name. */
    public record TeamForm(Long nodeId, String code, String name, String fields, String remit, String leadUnit,
                           Long leaderPersonId, String leaderName, Integer sortOrder) {
    }

    /** A member: from the roster (personId) or by name (e.g. an enterprise's head); duty LEADER … LIAISON. */
    public record MemberForm(Long personId, String name, String unitName, String duty) {
    }

    /** An enterprise or a talent the 专班 serves (one of the two). */
    public record ServeForm(Long employerId, Long talentId) {
    }

    /** A contact log of a 专班 (teamId) or with a key talent / platform / project (targetKind, targetId). */
    public record ContactForm(Long teamId, String targetKind, Long targetId,
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, String mode, String whom,
                              String byName, String content) {
    }

    /** A talent's own 人才诉求. */
    public record RequestForm(String topic, String title, String description) {
        public static RequestForm blank() {
            return new RequestForm(null, null, null);
        }
    }

    /**
     * A 人才诉求 entered by the office for an employer or a talent (one of the two), optionally found by a 专班
     * (teamId) on a contact (contactId).
     */
    public record OfficeRequestForm(Long employerId, Long talentId, Long teamId, Long contactId, String topic,
                                    String title, String description, String requesterName, String requesterPhone) {
    }

    public record PlatformForm(String name, String kind, String grade, Long employerId) {
    }

    public record ProjectForm(Long nodeId, String name, String kind, Long employerId,
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startedOn) {
    }

    /** The responsible leader of a key talent, platform or project: from the roster (personId) or by name. */
    public record LeaderForm(String kind, Long targetId, Long personId, String name, String post,
                             @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since) {
    }

    public record KeyTalentForm(Long talentId, String reason) {
    }

    /** Coverage filter: kind TALENT / PLATFORM / PROJECT or all; covered YES / NO or all; a node inside the scope. */
    public record CoverageFilter(String kind, String covered, Long nodeId) {
    }
}
