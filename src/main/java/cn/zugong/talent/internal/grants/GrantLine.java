package cn.zugong.talent.internal.grants;

import cn.zugong.shared.Masking;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a run with the facts that made it (copied when computed). {@link #explanation()} says it the way a
 * finance officer reads it: which rule, which level and amount, which facts, the directory factor, the cap, and for
 * a correction what had been paid before.
 */
public record GrantLine(long id, long runId, int runPeriod, String runStatus, long talentId, String talentName,
                        String idNumber, String ruleCode, String ruleName, String entKey, int revision,
                        int grantedPeriod, String kind, BigDecimal amount, String level, BigDecimal baseAmount,
                        BigDecimal factor, Boolean capped, LocalDate arrivedOn, String employerName,
                        Boolean inDirectory, LocalDate houseDate, String houseAddress, BigDecimal houseArea,
                        LocalDate rentalFrom, LocalDate rentalTo, BigDecimal monthlyRent, Integer socialMonths,
                        BigDecimal previousAmount) {

    public boolean correction() {
        return "CORRECTION".equals(kind);
    }

    public String runPeriodLabel() {
        return GrantRun.label(runPeriod);
    }

    public String maskedIdNumber() {
        return idNumber == null ? "" : Masking.idNumber(idNumber);
    }

    public String kindLabel() {
        return correction() ? (amount.signum() >= 0 ? "补发" : "冲减") : "发放";
    }

    public String explanation() {
        List<String> parts = new ArrayList<>();
        String month = GrantRun.label(grantedPeriod);
        if (correction() && level == null) {
            return "更正：按现有数据复核 " + month + " 的" + ruleName + "，已不再符合条件（原已发 " + yuan(previousAmount)
                    + " 元），冲减 " + yuan(amount.negate()) + " 元";
        }
        parts.add(ruleName + "（" + (entKey.contains(":") ? month : "一次性") + "）");
        parts.add("人才等级 " + level + " 类，标准 " + yuan(baseAmount) + " 元");
        if (arrivedOn != null) {
            parts.add("到岗 " + arrivedOn);
        }
        if (employerName != null) {
            parts.add("任职 " + employerName + (Boolean.TRUE.equals(inDirectory) ? "（自贸企业目录在册，加码 ×"
                    + factor.stripTrailingZeros().toPlainString() + "）" : ""));
        }
        if (houseDate != null) {
            parts.add("购房合同 " + houseDate + "，" + houseAddress + "，" + houseArea.stripTrailingZeros().toPlainString()
                    + " ㎡");
        }
        if (rentalFrom != null) {
            parts.add("租房 " + rentalFrom + " 至 " + (rentalTo == null ? "今" : rentalTo) + "，月租 " + yuan(monthlyRent)
                    + " 元");
        }
        if (socialMonths != null) {
            parts.add("本市社保 " + socialMonths + " 个月");
        }
        if (Boolean.TRUE.equals(capped)) {
            parts.add("按上限核定");
        }
        String text = String.join("；", parts);
        if (correction()) {
            BigDecimal now = previousAmount.add(amount);
            return "更正：按现有数据复核为 " + yuan(now) + " 元，原已发 " + yuan(previousAmount) + " 元，"
                    + (amount.signum() >= 0 ? "补发 " + yuan(amount) : "冲减 " + yuan(amount.negate())) + " 元。依据：" + text;
        }
        return text + "；核定 " + yuan(amount) + " 元";
    }

    static String yuan(BigDecimal v) {
        return v == null ? "—" : v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
