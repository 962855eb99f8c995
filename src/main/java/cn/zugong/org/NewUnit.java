package cn.zugong.org;

import java.util.List;

/** A unit to add under the node with code {@code parentCode}. */
public record NewUnit(String parentCode, String code, String name, int sortOrder, String unitType, String tier,
                      int authorizedHeadcount, List<UnitFacts.PostQuota> quotas) {
}
