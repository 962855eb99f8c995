/**
 * The working-day calendar (工作日历): public holidays and 调休 make-up working days kept as data per year,
 * so deadlines, SLAs and escalations count the official working days, not Monday–Friday. Public API:
 * {@link cn.zugong.calendar.WorkCalendar}.
 */
package cn.zugong.calendar;
