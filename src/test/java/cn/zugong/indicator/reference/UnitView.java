package cn.zugong.indicator.reference;

import cn.zugong.indicator.reference.Roster.Unit;
import java.util.List;

/** A unit on the as-of date: its 编制数 and quotas, the people in service there and the evaluation year. */
record UnitView(Unit unit, List<Staff> staff, int year) {
}
