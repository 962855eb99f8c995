-- 亮灯台: whether a month's lights are final is a property of the month (lighting_month.status = 'CLOSED'),
-- not of each light row. Closing a month then writes only the lights that changed instead of flipping a
-- flag on every row of the month.
alter table lighting_light drop column provisional;
