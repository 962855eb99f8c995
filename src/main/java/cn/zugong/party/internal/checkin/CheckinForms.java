package cn.zugong.party.internal.checkin;

import static cn.zugong.shared.web.FormFields.blankToNull;

import cn.zugong.shared.BadRequestException;
import java.math.BigDecimal;

/** The forms of 党员报到 as strings (pages and JSON alike) and their parsing, each message naming its field. */
public final class CheckinForms {

    private CheckinForms() {
    }

    public record RegisterForm(String villageId, String reason, String livedFrom, String livedTo,
                               String declaration) {
    }

    public record PostForm(String kind, String role, String title, String description, String capacity,
                           String startsOn, String endsOn) {
    }

    public record LogForm(String villageId, String postId, String servedOn, String what, String whom,
                          String elderlyVisits, String fundsYuan, String projects) {
    }

    public record DecisionForm(String refusal) {
    }

    public record PairingForm(String orgCode, String villageId, String kind, String note) {
    }

    static int count(String value, String label, int min, int max) {
        String s = blankToNull(value);
        if (s == null) {
            return min;
        }
        try {
            int n = Integer.parseInt(s);
            if (n < min || n > max) {
                throw new BadRequestException("「" + label + "」应在 " + min + " 到 " + max + " 之间：" + s);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequestException("「" + label + "」应为整数：" + s);
        }
    }

    static BigDecimal yuan(String value, String label) {
        String s = blankToNull(value);
        if (s == null) {
            return BigDecimal.ZERO;
        }
        try {
            BigDecimal v = new BigDecimal(s.replace(",", ""));
            if (v.signum() < 0 || v.compareTo(new BigDecimal("100000000")) > 0) {
                throw new BadRequestException("「" + label + "」应在 0 到 1 亿元之间：" + s);
            }
            if (v.stripTrailingZeros().scale() > 2) {
                throw new BadRequestException("「" + label + "」最多两位小数（元、角、分）：" + s);
            }
            return v.setScale(2, java.math.RoundingMode.UNNECESSARY);
        } catch (NumberFormatException e) {
            throw new BadRequestException("「" + label + "」应为金额（元）：" + s);
        }
    }

    static <E extends Enum<E>> E choice(Class<E> type, String value, String label) {
        String s = blankToNull(value);
        if (s == null) {
            throw new BadRequestException("请选择「" + label + "」");
        }
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("「" + label + "」无效：" + s);
        }
    }
}
