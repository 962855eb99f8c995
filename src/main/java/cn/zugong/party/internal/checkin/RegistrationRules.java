package cn.zugong.party.internal.checkin;

import cn.zugong.party.CheckinReason;
import cn.zugong.party.internal.checkin.CheckinViews.Member;
import cn.zugong.party.internal.checkin.CheckinViews.Village;
import cn.zugong.shared.BadRequestException;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * The check of a registration's reason against the member's data (ADR 069). It answers the basis written on the
 * registration (what was checked) or refuses with a Chinese message naming the reason and what did not hold.
 * 曾工作生活 rests on the member's declaration, which the village confirms; the other three are checked here in full.
 */
@Component
public class RegistrationRules {

    static final int DECLARATION_MIN = 10;
    static final int DECLARATION_MAX = 500;

    private final CheckinStore store;

    RegistrationRules(CheckinStore store) {
        this.store = store;
    }

    /** The reason's basis, or a {@link BadRequestException} naming what does not hold. */
    public String check(Member m, Village v, CheckinReason reason, LocalDate from, LocalDate to, String declaration,
                        LocalDate today) {
        if (v.branchId() == null) {
            throw new BadRequestException(v.name() + "尚无党组织，不能报到");
        }
        if (v.branchId() == m.branchId()) {
            throw new BadRequestException("您的组织关系就在" + v.branchName() + "，无需回村报到");
        }
        return switch (reason) {
            case HOMETOWN -> hometown(m, v);
            case FORMER_RESIDENT -> formerResident(m, from, to, declaration, today);
            case CONTACT_POINT, PAIRED_VILLAGE -> pairing(m, v, reason);
        };
    }

    /**
     * 原户籍: the first six digits of the ID number (the region where it was issued, i.e. the 户籍 at the time) are the
     * code of the village's county. The county, not the village: an ID number names no township or village.
     */
    private static String hometown(Member m, Village v) {
        String id = m.idNumber() == null ? "" : m.idNumber().strip();
        if (id.length() != 18 || !id.substring(0, 6).chars().allMatch(Character::isDigit)) {
            throw new BadRequestException("原户籍核验不通过：党员信息中的身份证号不完整，无法核对地区码");
        }
        String region = id.substring(0, 6);
        if (v.countyCode() == null || !region.equals(v.countyCode())) {
            throw new BadRequestException("原户籍核验不通过：身份证号地区码 " + region + " 与" + v.name() + "所在的"
                    + v.countyName() + "（" + v.countyCode() + "）不一致");
        }
        return "身份证号地区码 " + region + " 属" + v.countyName();
    }

    /** 曾工作生活: a past period of at least a year, not before the member's birth, and a declaration to confirm. */
    private static String formerResident(Member m, LocalDate from, LocalDate to, String declaration, LocalDate today) {
        String label = "曾工作生活核验不通过：";
        if (from == null || to == null) {
            throw new BadRequestException(label + "请填写在该村工作生活的起止日期");
        }
        if (from.isAfter(to)) {
            throw new BadRequestException(label + "起始日期晚于截止日期");
        }
        if (to.isAfter(today)) {
            throw new BadRequestException(label + "截止日期不能晚于今天");
        }
        if (m.birthDate() != null && from.isBefore(m.birthDate())) {
            throw new BadRequestException(label + "起始日期早于本人出生日期");
        }
        if (from.plusYears(1).isAfter(to)) {
            throw new BadRequestException(label + "在该村工作生活不足一年");
        }
        String text = declaration == null ? "" : declaration.strip();
        if (text.length() < DECLARATION_MIN) {
            throw new BadRequestException(label + "请填写在该村工作生活情况的说明（不少于 " + DECLARATION_MIN + " 个字）");
        }
        if (text.length() > DECLARATION_MAX) {
            throw new BadRequestException(label + "情况说明不超过 " + DECLARATION_MAX + " 个字");
        }
        return "自述 " + from + " 至 " + to + " 在该村工作生活，由村党组织确认";
    }

    /** 联系点 / 结对村: a pairing of that kind between the village and the member's branch or one above it. */
    private String pairing(Member m, Village v, CheckinReason reason) {
        if (!store.paired(m.branchPath(), v.id(), reason)) {
            throw new BadRequestException(reason.label() + "核验不通过：" + m.branchName() + "及其上级党组织未将"
                    + v.name() + "登记为" + reason.label());
        }
        return m.branchName() + "（或其上级党组织）的" + reason.label();
    }
}
