/**
 * 人才 (市委人才办, issue 16): the talent registry (人才库) with employers, 三位一体认定 (常规 / 特殊 / 举荐, the
 * 10+10 直通车), the 自贸企业 directory, the service catalogue and 码上办, the signed 人才码 with its public verify
 * page, 码上秒享 benefit grants, 人才诉求 and the 人才工作专班 / 联系服务专家. Talents and 举荐委员 sign in with roles
 * of their own ({@link cn.zugong.shared.Role#TALENT}, {@link cn.zugong.shared.Role#TALENT_REFEREE}) and reach only
 * their own routes under {@code /talent/my} and {@code /talent/referee}; see docs/adr/055-talent-module.md.
 * The classification (levels A–E, fields, categories, credentials) is data: {@code talent/classification.yaml}.
 * {@link cn.zugong.talent.TalentSupportDesk} writes 专班, contacts, key platforms / projects / talents, leaders and
 * 人才诉求 for the demo (ADR 061).
 */
package cn.zugong.talent;
