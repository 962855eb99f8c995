package cn.zugong.cadre.internal.appointments;

import cn.zugong.cadre.internal.appointments.AppointmentForms.ProfileForm;
import cn.zugong.shared.BadRequestException;
import cn.zugong.shared.crypto.FieldCipher;
import cn.zugong.shared.web.FormFields;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the 干部任免审批表 needs beyond the roster: 籍贯, 出生地, 健康状况, 入党时间 (when the party register lacks it),
 * 专业技术职务, 专长, schools, 现任职务 (the title, where the roster has only the level), a photo, and the family members
 * (name and work unit encrypted with their column as associated data, as party members' phones are).
 */
@Component
class ApprovalProfiles {

    static final String FAMILY_NAME = "cadre_family.name";
    static final String FAMILY_WORK = "cadre_family.work";
    static final int MAX_PHOTO = 2 * 1024 * 1024;

    record Profile(String nativePlace, String birthplace, String health, LocalDate joinedPartyOn, String techTitle,
                   String speciality, String ftSchool, String isSchool, String currentPost, boolean hasPhoto) {
        static final Profile EMPTY = new Profile(null, null, null, null, null, null, null, null, null, false);
    }

    /** 称谓, 姓名, 出生年份, 政治面貌, 工作单位及职务. */
    record Member(String relation, String name, Integer birthYear, String politicalStatus, String work) {
        /** 年龄 at the form's day. */
        String age(LocalDate on) {
            return birthYear == null ? "" : Integer.toString(on.getYear() - birthYear);
        }
    }

    record Photo(byte[] bytes, String contentType) {
    }

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final Clock clock;

    ApprovalProfiles(JdbcClient jdbc, FieldCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    Profile profile(long personId) {
        return jdbc.sql("select * from cadre_profile where person_id = :p").param("p", personId)
                .query((rs, i) -> new Profile(rs.getString("native_place"), rs.getString("birthplace"),
                        rs.getString("health"), AppointmentStore.date(rs, "joined_party_on"), rs.getString("tech_title"),
                        rs.getString("speciality"), rs.getString("ft_school"), rs.getString("is_school"),
                        rs.getString("current_post"), rs.getString("photo_type") != null))
                .optional().orElse(Profile.EMPTY);
    }

    Optional<Photo> photo(long personId) {
        return jdbc.sql("select photo, photo_type from cadre_profile where person_id = :p and photo is not null")
                .param("p", personId).query((rs, i) -> new Photo(rs.getBytes(1), rs.getString(2))).optional();
    }

    List<Member> family(long personId) {
        return jdbc.sql("select * from cadre_family where person_id = :p order by sort_order").param("p", personId)
                .query((rs, i) -> {
                    int y = rs.getInt("birth_year");
                    Integer year = rs.wasNull() ? null : y;
                    String work = rs.getString("work");
                    return new Member(rs.getString("relation"), cipher.decrypt(rs.getString("name"), FAMILY_NAME), year,
                            rs.getString("political_status"), work == null ? null : cipher.decrypt(work, FAMILY_WORK));
                }).list();
    }

    /** Replaces the person's profile fields and family (the photo stays). */
    @org.springframework.transaction.annotation.Transactional
    void save(long personId, ProfileForm f, String by) {
        Profile p = new Profile(FormFields.text(f.nativePlace(), "籍贯", 50, false),
                FormFields.text(f.birthplace(), "出生地", 50, false),
                FormFields.text(f.health(), "健康状况", 20, false),
                FormFields.date(f.joinedPartyOn(), "入党时间", false),
                FormFields.text(f.techTitle(), "专业技术职务", 50, false),
                FormFields.text(f.speciality(), "熟悉专业有何专长", 100, false),
                FormFields.text(f.ftSchool(), "全日制教育毕业院校系及专业", 100, false),
                FormFields.text(f.isSchool(), "在职教育毕业院校系及专业", 100, false),
                FormFields.text(f.currentPost(), "现任职务", 200, false), false);
        List<Member> family = parseFamily(f.family());
        upsert(personId, by);
        jdbc.sql("""
                        update cadre_profile set native_place = :np, birthplace = :bp, health = :h, joined_party_on = :jp,
                            tech_title = :tt, speciality = :sp, ft_school = :fs, is_school = :is, current_post = :cp
                        where person_id = :p
                        """).param("np", p.nativePlace()).param("bp", p.birthplace()).param("h", p.health())
                .param("jp", p.joinedPartyOn()).param("tt", p.techTitle()).param("sp", p.speciality())
                .param("fs", p.ftSchool()).param("is", p.isSchool()).param("cp", p.currentPost()).param("p", personId)
                .update();
        jdbc.sql("delete from cadre_family where person_id = :p").param("p", personId).update();
        int order = 0;
        for (Member m : family) {
            jdbc.sql("""
                            insert into cadre_family (person_id, sort_order, relation, name, birth_year, political_status, work)
                            values (:p, :o, :r, :n, :y, :ps, :w)
                            """).param("p", personId).param("o", order++).param("r", m.relation())
                    .param("n", cipher.encrypt(m.name(), FAMILY_NAME)).param("y", m.birthYear())
                    .param("ps", m.politicalStatus())
                    .param("w", m.work() == null ? null : cipher.encrypt(m.work(), FAMILY_WORK)).update();
        }
    }

    @org.springframework.transaction.annotation.Transactional
    void savePhoto(long personId, byte[] bytes, String type, String by) {
        upsert(personId, by);
        jdbc.sql("update cadre_profile set photo = :b, photo_type = :t where person_id = :p")
                .param("b", bytes).param("t", type).param("p", personId).update();
    }

    private void upsert(long personId, String by) {
        LocalDateTime now = LocalDateTime.now(clock);
        int n = jdbc.sql("update cadre_profile set updated_at = :now, updated_by = :by where person_id = :p")
                .param("now", now).param("by", by).param("p", personId).update();
        if (n == 0) {
            jdbc.sql("insert into cadre_profile (person_id, updated_at, updated_by) values (:p, :now, :by)")
                    .param("p", personId).param("now", now).param("by", by).update();
        }
    }

    /**
     * The family as lines 「称谓 姓名 出生年份 政治面貌 工作单位及职务」 separated by spaces or commas (the last field may
     * hold spaces); every line's errors name the line.
     */
    static List<Member> parseFamily(String text) {
        List<Member> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        String[] lines = text.strip().split("\\R");
        if (lines.length > 12) {
            throw new BadRequestException("「家庭主要成员」最多 12 人（现有 " + lines.length + " 行）");
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("[\\s,，、]+", 5);
            if (f.length < 4) {
                throw new BadRequestException("「家庭主要成员」第 " + (i + 1) + " 行须写「称谓 姓名 出生年份 政治面貌 工作单位及职务」：" + line);
            }
            Integer year;
            try {
                year = Integer.parseInt(f[2]);
            } catch (NumberFormatException e) {
                throw new BadRequestException("「家庭主要成员」第 " + (i + 1) + " 行的出生年份无效：" + f[2]);
            }
            if (year < 1900 || year > 2100) {
                throw new BadRequestException("「家庭主要成员」第 " + (i + 1) + " 行的出生年份无效：" + year);
            }
            if (f[0].length() > 10 || f[1].length() > 30 || f[3].length() > 20 || (f.length > 4 && f[4].length() > 100)) {
                throw new BadRequestException("「家庭主要成员」第 " + (i + 1) + " 行有字段过长");
            }
            out.add(new Member(f[0], f[1], year, f[3], f.length > 4 ? f[4] : null));
        }
        return out;
    }

    /** The family as the form's text area shows it. */
    static String familyText(List<Member> family) {
        StringBuilder sb = new StringBuilder();
        for (Member m : family) {
            sb.append(m.relation()).append(' ').append(m.name()).append(' ')
                    .append(m.birthYear() == null ? "" : m.birthYear()).append(' ')
                    .append(m.politicalStatus() == null ? "群众" : m.politicalStatus())
                    .append(m.work() == null ? "" : " " + m.work()).append('\n');
        }
        return sb.toString();
    }
}
