/**
 * 干部工作 (issue 19, ADR 074): selecting, testing and caring for cadres on the roster. 一线考察 campaigns with on-site
 * records and outcomes; 选拔任用纪实 (appointment records whose 任职 changes the roster through its own API) and the
 * 干部任免审批表; 激励关爱 (容错纠错, 澄清正名, 暖心回访, re-use of disciplined cadres, 及时奖励, 担当作为好干部), visible
 * only to 干部监督 (role CADRE_SUPERVISOR) and ADMIN of the scope, every read audited; 年轻干部 (五制, 选调生); 一把手
 * 履职跟踪, 离任交接, 揭榜出征; 干部培训 (hours that reach the roster); 调研课题 and 破难解题率. Pages under
 * {@code /cadres}, API under {@code /api/cadres}; each part in {@code internal/<part>}, its figures through a public
 * service at the module root.
 */
package cn.zugong.cadre;
