package cn.zugong.org;

import java.util.List;

/** Establishment facts of a unit: 编制数 and 领导职数 / 职级职数 by level. */
public record UnitFacts(long unitId, String unitType, String tier, int authorizedHeadcount, List<PostQuota> quotas) {

    public record PostQuota(Kind kind, String level, int quota) {
    }

    public enum Kind {
        LEADER("领导职数"),
        RANK("职级职数");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public List<PostQuota> quotas(Kind kind) {
        return quotas.stream().filter(q -> q.kind() == kind).toList();
    }
}
