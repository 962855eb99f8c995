package cn.zugong.lighting.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks a {@link TaskForm} against its list; every problem is reported (field, value, reason in Chinese). */
final class TaskValidator {

    /** {@code field} is a TaskForm component name, or plan:N for the N-th month of the plan. */
    record Problem(String field, String value, String message) {
    }

    record Checked(Task task, List<Problem> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private TaskValidator() {
    }

    /** {@code units}: unit name → ids found under the list's owner (from one query for the whole file). */
    static Checked check(TaskForm f, TaskList list, long taskId, Map<String, List<Long>> units) {
        List<Problem> p = new ArrayList<>();
        String code = text(f.code(), "code", "任务编号", 40, true, p);
        if (code != null && !code.matches("[A-Za-z0-9._-]+")) {
            p.add(new Problem("code", code, "任务编号只能包含字母、数字、点、横线和下划线"));
        }
        String title = text(f.title(), "title", "任务名称", 300, true, p);
        Long lead = null;
        String leadName = text(f.leadUnit(), "leadUnit", "牵头单位", 100, true, p);
        if (leadName != null) {
            lead = unit(leadName, "leadUnit", list, units, p);
        }
        List<Long> co = new ArrayList<>();
        for (String name : f.coUnitNames()) {
            Long id = unit(name, "coUnits", list, units, p);
            if (id != null && !id.equals(lead)) {
                co.add(id);
            }
        }
        BigDecimal weight = number(f.weight(), "weight", "权重", p);
        if (weight != null && (weight.signum() <= 0 || weight.compareTo(BigDecimal.valueOf(100)) > 0)) {
            p.add(new Problem("weight", f.weight(), "权重须大于 0 且不超过 100"));
        }
        BigDecimal target = number(f.target(), "target", "目标值", p);
        if (target != null && target.signum() <= 0) {
            p.add(new Problem("target", f.target(), "目标值须大于 0"));
        }
        String measure = text(f.measure(), "measure", "计量单位", 20, true, p);
        LocalDate deadline = null;
        String d = f.deadline() == null ? "" : f.deadline().strip();
        if (d.isEmpty()) {
            p.add(new Problem("deadline", d, "完成时限不能为空"));
        } else {
            try {
                deadline = LocalDate.parse(d.replace('/', '-'));
                if (deadline.getYear() != list.year()) {
                    p.add(new Problem("deadline", d, "完成时限须在清单年度 " + list.year() + " 年内"));
                    deadline = null;
                }
            } catch (DateTimeParseException e) {
                p.add(new Problem("deadline", d, "完成时限格式应为 yyyy-MM-dd，如 " + list.year() + "-12-31"));
            }
        }
        List<Integer> plan = plan(f.plan(), deadline, p);
        String source = text(f.sourceItem(), "sourceItem", "来源事项", 300, false, p);
        if (!p.isEmpty()) {
            return new Checked(null, p);
        }
        return new Checked(new Task(taskId, list.id(), code, title, lead, leadName, co, "", weight, target, measure,
                plan, deadline, source), p);
    }

    private static List<Integer> plan(String text, LocalDate deadline, List<Problem> p) {
        String[] parts = text == null ? new String[0] : text.strip().split("\\s*[,，]\\s*");
        if (parts.length != 12) {
            p.add(new Problem("plan", text, "月度计划须为 12 个月的累计完成百分比（用逗号分隔）"));
            return null;
        }
        List<Integer> plan = new ArrayList<>();
        int before = 0;
        boolean ok = true;
        for (int m = 1; m <= 12; m++) {
            String v = parts[m - 1].strip();
            int value;
            try {
                value = new BigDecimal(v.isEmpty() ? "x" : v).intValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                p.add(new Problem("plan:" + m, v, m + "月计划进度须为 0–100 的整数"));
                ok = false;
                continue;
            }
            if (value < 0 || value > 100) {
                p.add(new Problem("plan:" + m, v, m + "月计划进度须在 0–100 之间"));
                ok = false;
            } else if (value < before) {
                p.add(new Problem("plan:" + m, v, m + "月计划进度不能低于上月（" + before + "%）：计划为累计值"));
                ok = false;
            }
            before = Math.max(before, value);
            plan.add(value);
        }
        if (ok && deadline != null && plan.get(deadline.getMonthValue() - 1) != 100) {
            p.add(new Problem("plan:" + deadline.getMonthValue(), String.valueOf(plan.get(deadline.getMonthValue() - 1)),
                    "完成时限所在月（" + deadline.getMonthValue() + "月）的计划进度须为 100%"));
            ok = false;
        }
        return ok ? plan : null;
    }

    private static Long unit(String name, String field, TaskList list, Map<String, List<Long>> units, List<Problem> p) {
        List<Long> ids = units.getOrDefault(name, List.of());
        if (ids.isEmpty()) {
            p.add(new Problem(field, name, "单位“" + name + "”不存在或不在本清单范围（" + list.ownerName() + "）内"));
            return null;
        }
        if (ids.size() > 1) {
            p.add(new Problem(field, name, "单位名称“" + name + "”不唯一，请联系管理员"));
            return null;
        }
        return ids.get(0);
    }

    private static String text(String v, String field, String label, int max, boolean required, List<Problem> p) {
        String s = v == null ? "" : v.strip();
        if (s.isEmpty()) {
            if (required) {
                p.add(new Problem(field, s, label + "不能为空"));
            }
            return required ? null : null;
        }
        if (s.length() > max) {
            p.add(new Problem(field, s, label + "不能超过 " + max + " 个字"));
            return null;
        }
        return s;
    }

    private static BigDecimal number(String v, String field, String label, List<Problem> p) {
        String s = v == null ? "" : v.strip();
        if (s.isEmpty()) {
            p.add(new Problem(field, s, label + "不能为空"));
            return null;
        }
        try {
            BigDecimal n = new BigDecimal(s);
            if (n.scale() > 2 || n.abs().compareTo(new BigDecimal("1000000000000")) >= 0) {
                p.add(new Problem(field, s, label + "最多两位小数"));
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            p.add(new Problem(field, s, label + "须为数字"));
            return null;
        }
    }
}
