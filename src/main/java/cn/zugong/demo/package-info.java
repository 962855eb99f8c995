/**
 * Deterministic demo data: the Zhoushan demo city loaded on first start and the province-scale benchmark set,
 * built by {@code DemoLoader} in one sequence — roster, accounts, 数字体检 evaluations, 亮灯台, 走访服务,
 * 三事分流, 问题清单 — only through other modules' public APIs (org, people, security, indicator, healthcheck,
 * lighting, service, deliberation, closure, calendar, tickets); no module depends on this one. See
 * docs/adr/041-demo-through-public-apis.md.
 */
package cn.zugong.demo;
