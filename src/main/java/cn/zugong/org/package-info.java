/**
 * 组织机构: the organisation tree — Zhejiang's administrative divisions (GB/T 2260), units and party organisations —
 * its scope rules and the node pages. Public API: {@link cn.zugong.org.OrgTree} and {@link cn.zugong.org.OrgNode}
 * (read the tree within a scope; used by every module), {@link cn.zugong.org.NodeKind},
 * {@link cn.zugong.org.UnitFacts} (a unit's staffing quotas, for 数字体检), {@link cn.zugong.org.PlatformAdmin} (the
 * one rule for the platform administrator, ADR 038), {@link cn.zugong.org.NodeFigures}/{@link cn.zugong.org.NodeFigure}
 * (what other modules add to a node's page); and, used by the demo, {@link cn.zugong.org.OrgBuilder} with
 * {@link cn.zugong.org.Division}, {@link cn.zugong.org.DivisionFile}, {@link cn.zugong.org.NewUnit} and
 * {@link cn.zugong.org.NewPartyOrg} (write the tree in batches).
 */
package cn.zugong.org;
