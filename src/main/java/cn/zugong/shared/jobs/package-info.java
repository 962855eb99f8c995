/**
 * Scheduled jobs on several nodes (ADR 046): scheduling is on, and a method that carries
 * {@code @SchedulerLock} as well as {@code @Scheduled} runs on one node at a time through ShedLock's lock
 * table {@code shedlock} (database time, so the nodes' clocks may differ). {@link cn.zugong.shared.jobs.Node}
 * names this node in locks and claims.
 */
package cn.zugong.shared.jobs;
