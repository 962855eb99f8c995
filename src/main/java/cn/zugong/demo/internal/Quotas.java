package cn.zugong.demo.internal;

import cn.zugong.org.UnitFacts.Kind;
import cn.zugong.org.UnitFacts.PostQuota;
import java.util.ArrayList;
import java.util.List;

/** 领导职数 and 职级职数 of a unit from its tier and 编制数. */
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
                rank(quotas, authorized, "一级调研员", 0.03, "二级调研员", 0.06, "三级调研员", 0.10, "四级调研员", 0.14,
                        "一级主任科员", 0.15, "二级主任科员", 0.15);
            }
            case "县直" -> {
                leader(quotas, "乡科级正职", 1);
                leader(quotas, "乡科级副职", clamp(authorized / 7.0, 2, 6));
                rank(quotas, authorized, "二级调研员", 0.02, "三级调研员", 0.05, "四级调研员", 0.10,
                        "一级主任科员", 0.15, "二级主任科员", 0.18, "三级主任科员", 0.15);
            }
            default -> {
                leader(quotas, "乡科级正职", 2);
                leader(quotas, "乡科级副职", clamp(authorized / 4.0, 2, 12));
                rank(quotas, authorized, "三级调研员", 0.03, "四级调研员", 0.08, "一级主任科员", 0.15,
                        "二级主任科员", 0.18, "三级主任科员", 0.15);
            }
        }
        return List.copyOf(quotas);
    }

    private static void leader(List<PostQuota> quotas, String level, int quota) {
        quotas.add(new PostQuota(Kind.LEADER, level, quota));
    }

    /** Pairs of level and share of 编制数, rounded up. */
    private static void rank(List<PostQuota> quotas, int authorized, Object... levelsAndShares) {
        for (int i = 0; i < levelsAndShares.length; i += 2) {
            double share = (Double) levelsAndShares[i + 1];
            quotas.add(new PostQuota(Kind.RANK, (String) levelsAndShares[i], (int) Math.ceil(authorized * share)));
        }
    }

    static int clamp(double value, int low, int high) {
        return (int) Math.max(low, Math.min(high, Math.round(value)));
    }
}
