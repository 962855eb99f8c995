package cn.zugong.lighting.internal;

import cn.zugong.shared.legend.Colour;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The list form: name, source, meeting, window days, thresholds (in percent) and points, all as typed. */
public record ListForm(String code, String name, String year, String domain, String source, String sourceMeeting,
                       String meetingDate, String openDay, String closeDay, String remindDays, String bluePercent,
                       String yellowPercent, String redPercent, String stallMonths, String pointsGreen,
                       String pointsBlue, String pointsYellow, String pointsPurple, String pointsRed, String webhookUrl) {

    public static ListForm of(TaskList l) {
        ListConfig c = l.config();
        return new ListForm(l.code(), l.name(), String.valueOf(l.year()), l.domain(), l.source(), l.sourceMeeting(),
                l.meetingDate() == null ? "" : l.meetingDate().toString(), String.valueOf(c.openDay()),
                String.valueOf(c.closeDay()), String.valueOf(c.remindDays()), pct(c.blueRatio()), pct(c.yellowRatio()),
                c.redRatio() == null ? "" : pct(c.redRatio()), String.valueOf(c.stallMonths()),
                String.valueOf(c.pointsOf(Colour.GREEN)), String.valueOf(c.pointsOf(Colour.BLUE)),
                String.valueOf(c.pointsOf(Colour.YELLOW)), String.valueOf(c.pointsOf(Colour.PURPLE)),
                String.valueOf(c.pointsOf(Colour.RED)), c.webhookUrl());
    }

    private static String pct(BigDecimal r) {
        return r.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString();
    }

    /** The list this form describes, or the problems (in Chinese). */
    TaskList toList(long id, long ownerNodeId, String ownerPath, String ownerName, String createdBy, List<String> problems) {
        String c = req(code, "清单编号", 40, problems);
        if (c != null && !c.matches("[A-Za-z0-9._-]+")) {
            problems.add("清单编号只能包含字母、数字、点、横线和下划线");
        }
        String n = req(name, "清单名称", 200, problems);
        int y = integer(year, "年度", 2000, 2100, problems);
        String d = req(domain, "领域", 50, problems);
        String s = req(source, "来源", 20, problems);
        if (s != null && !List.of(TaskList.ANNUAL, TaskList.SYMPOSIUM, TaskList.MEETING).contains(s)) {
            problems.add("来源只能是 年度重点任务、人才座谈会 或 推进例会");
        }
        String meeting = sourceMeeting == null || sourceMeeting.isBlank() ? null : sourceMeeting.strip();
        if (s != null && !TaskList.ANNUAL.equals(s) && meeting == null) {
            problems.add("来自会议的清单须填写来源会议");
        }
        if (meeting != null && meeting.length() > 200) {
            problems.add("来源会议不能超过 200 个字");
        }
        LocalDate md = null;
        if (meetingDate != null && !meetingDate.isBlank()) {
            try {
                md = LocalDate.parse(meetingDate.strip());
            } catch (RuntimeException e) {
                problems.add("会议日期格式应为 yyyy-MM-dd");
            }
        }
        int open = integer(openDay, "窗口开放日", 1, 28, problems);
        int close = integer(closeDay, "窗口截止日", 1, 31, problems);
        if (close < open) {
            problems.add("窗口截止日不能早于开放日");
        }
        int remind = integer(remindDays, "提前提醒天数", 0, 27, problems);
        BigDecimal blue = percent(bluePercent, "蓝灯阈值", true, problems);
        BigDecimal yellow = percent(yellowPercent, "黄灯阈值", true, problems);
        BigDecimal red = percent(redPercent, "红灯阈值", false, problems);
        if (blue != null && yellow != null && (yellow.signum() <= 0 || blue.compareTo(yellow) <= 0)) {
            problems.add("阈值须满足 蓝 > 黄 > 0");
        }
        if (red != null && yellow != null && red.compareTo(yellow) >= 0) {
            problems.add("红灯阈值须低于黄灯阈值");
        }
        int stall = integer(stallMonths, "停滞月数", 0, 11, problems);
        int[] pts = new int[5];
        String[] raw = {pointsGreen, pointsBlue, pointsYellow, pointsPurple, pointsRed};
        String[] names = {"绿灯分值", "蓝灯分值", "黄灯分值", "紫灯分值", "红灯分值"};
        for (int i = 0; i < 5; i++) {
            pts[i] = integer(raw[i], names[i], 0, 100, problems);
        }
        String hook = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.strip();
        if (hook != null && (!hook.matches("https?://\\S+") || hook.length() > 300)) {
            problems.add("机器人 Webhook 地址须以 http:// 或 https:// 开头");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new TaskList(id, c, n, y, d, s, meeting, md, ownerNodeId, ownerPath, ownerName,
                new ListConfig(open, close, remind, blue, yellow, red, stall,
                        ListConfig.points(pts[0], pts[1], pts[2], pts[3], pts[4]), hook), createdBy);
    }

    private static String req(String v, String label, int max, List<String> problems) {
        if (v == null || v.isBlank()) {
            problems.add(label + "不能为空");
            return null;
        }
        if (v.strip().length() > max) {
            problems.add(label + "不能超过 " + max + " 个字");
            return null;
        }
        return v.strip();
    }

    private static int integer(String v, String label, int min, int max, List<String> problems) {
        try {
            int n = Integer.parseInt(v == null ? "" : v.strip());
            if (n < min || n > max) {
                problems.add(label + "须在 " + min + "–" + max + " 之间");
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(label + "须为整数");
            return min;
        }
    }

    private static BigDecimal percent(String v, String label, boolean required, List<String> problems) {
        if (v == null || v.isBlank()) {
            if (required) {
                problems.add(label + "不能为空");
            }
            return null;
        }
        try {
            BigDecimal p = new BigDecimal(v.strip());
            if (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(1000)) > 0) {
                problems.add(label + "须在 0–1000（%）之间");
                return null;
            }
            return p.movePointLeft(2);
        } catch (NumberFormatException e) {
            problems.add(label + "须为数字（百分比）");
            return null;
        }
    }

    static List<String> problems() {
        return new ArrayList<>();
    }
}
