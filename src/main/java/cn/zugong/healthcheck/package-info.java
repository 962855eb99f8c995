/**
 * 数字体检: the civil-service health check as its users see it — running an evaluation of the default
 * indicator pack for a scope, the overview, the colour matrix with drill-down to the people behind a
 * number, trends, what changed, advice, and the projection of retirements and vacancies. The engine
 * itself is the indicator module. Public API, used by the demo: {@link cn.zugong.healthcheck.HealthCheckPack}
 * (the code of the pack these pages evaluate).
 */
package cn.zugong.healthcheck;
