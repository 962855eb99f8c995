package cn.zugong.demo.internal;

import cn.zugong.org.UnitFacts.Kind;
import cn.zugong.org.UnitFacts.PostQuota;
import java.util.ArrayList;
import java.util.List;

/**
 * 领导职数 and 职级职数 of a unit from its tier and 编制数. The 职级职数 follow the shape of the national proportions
 * (公务员职务与职级并行规定, 2019): the 调研员 levels are a small share of a unit's 编制 — about a fifth in a 市直
 * unit, a tenth in a 县直 unit, less in a township — and the 主任科员 levels most of the rest; 四级主任科员 and the
 * 科员 levels have no separate quota here.
 */
final class Quotas {

    private Quotas() {
    }

    static List<PostQuota> of(String tier, int authorized) {
        List<PostQuota> quotas = new ArrayList<>();
        switch (tier) {
            case "市直" -> {
                leader(quotas, "县处级正职", 1);
                leader(quotas, "县处级副职", clamp(authorized / 15.0, 2, 5));
                leader(quotas, "乡科级正职", clamp(authorized / 8.0, 2, 14));
                leader(quotas, "乡科级副职", clamp(authorized / 15.0, 1, 6));
                rank(quotas, authorized, "一级调研员", 0.02, "二级调研员", 0.04, "三级调研员", 0.06, "四级调研员", 0.08,
                        "一级主任科员", 0.15, "二级主任科员", 0.18);
            }
            case "县直" -> {
                leader(quotas, "乡科级正职", 1);
                leader(quotas, "乡科级副职", clamp(authorized / 7.0, 2, 6));
                rank(quotas, authorized, "二级调研员", 0.01, "三级调研员", 0.03, "四级调研员", 0.06,
                        "一级主任科员", 0.14, "二级主任科员", 0.18, "三级主任科员", 0.22);
            }
            default -> {
                leader(quotas, "乡科级正职", 2);
                leader(quotas, "乡科级副职", clamp(authorized / 4.0, 2, 12));
                rank(quotas, authorized, "三级调研员", 0.02, "四级调研员", 0.05, "一级主任科员", 0.14,
                        "二级主任科员", 0.18, "三级主任科员", 0.22);
            }
        }
        return List.copyOf(quotas);
    }

    private static void leader(List<PostQuota> quotas, String level, int quota) {
        quotas.add(new PostQuota(Kind.LEADER, level, quota));
    }

    /**
     * Pairs of level and share of 编制数, rounded; a level that rounds to none is left out (a small unit has no
     * 二级调研员 post), except the 主任科员 levels, of which every unit has at least one.
     */
    private static void rank(List<PostQuota> quotas, int authorized, Object... levelsAndShares) {
        for (int i = 0; i < levelsAndShares.length; i += 2) {
            String level = (String) levelsAndShares[i];
            int quota = (int) Math.round(authorized * (Double) levelsAndShares[i + 1]);
            if (level.endsWith("主任科员")) {
                quota = Math.max(1, quota);
            }
            if (quota > 0) {
                quotas.add(new PostQuota(Kind.RANK, level, quota));
            }
        }
    }

    static int clamp(double value, int low, int high) {
        return (int) Math.max(low, Math.min(high, Math.round(value)));
    }
}
