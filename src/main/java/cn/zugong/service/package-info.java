/**
 * 服务干部与走访: service cadres (五个一批 / 暖企专员 / 第一书记), the enterprises, villages and projects they
 * serve (联系对象, with a period), their visit logs (项目对接 / 走访企业 / 走访渔农户) with photos, and the visit
 * figures. Public API: {@link cn.zugong.service.Visits} (a visit as the tickets module sees it),
 * {@link cn.zugong.service.ServiceCadres} (the cadre behind an account) and
 * {@link cn.zugong.service.VisitStatistics} (visit counts by kind per cadre and per node); and, used by the demo,
 * {@link cn.zugong.service.ServiceHistory} (cadres, charges and visits with their real dates, in batches).
 */
package cn.zugong.service;
