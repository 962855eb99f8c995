-- The working-day calendar (shared): days that differ from Monday–Friday. A public holiday on a weekday is
-- a row with workday = false; a 调休 make-up working day on a weekend is a row with workday = true. Every
-- other day is a working day exactly when it is Monday to Friday. Kept as data per year (国务院办公厅
-- 关于部分节假日安排的通知); a year without rows falls back to Monday–Friday.
create table work_calendar_day (
    cal_day date        not null primary key,
    workday boolean     not null,
    note    varchar(40) not null
);

-- 2025 (国务院办公厅关于2025年部分节假日安排的通知)
insert into work_calendar_day (cal_day, workday, note) values
 ('2025-01-01', false, '元旦'),
 ('2025-01-26', true,  '春节调休上班'),
 ('2025-01-28', false, '春节'), ('2025-01-29', false, '春节'), ('2025-01-30', false, '春节'),
 ('2025-01-31', false, '春节'), ('2025-02-03', false, '春节'), ('2025-02-04', false, '春节'),
 ('2025-02-08', true,  '春节调休上班'),
 ('2025-04-04', false, '清明节'),
 ('2025-04-27', true,  '劳动节调休上班'),
 ('2025-05-01', false, '劳动节'), ('2025-05-02', false, '劳动节'), ('2025-05-05', false, '劳动节'),
 ('2025-06-02', false, '端午节'),
 ('2025-09-28', true,  '国庆节调休上班'),
 ('2025-10-01', false, '国庆节、中秋节'), ('2025-10-02', false, '国庆节、中秋节'), ('2025-10-03', false, '国庆节、中秋节'),
 ('2025-10-06', false, '国庆节、中秋节'), ('2025-10-07', false, '国庆节、中秋节'), ('2025-10-08', false, '国庆节、中秋节'),
 ('2025-10-11', true,  '国庆节调休上班');

-- 2026 (国务院办公厅关于2026年部分节假日安排的通知)
insert into work_calendar_day (cal_day, workday, note) values
 ('2026-01-01', false, '元旦'), ('2026-01-02', false, '元旦'),
 ('2026-01-04', true,  '元旦调休上班'),
 ('2026-02-14', true,  '春节调休上班'),
 ('2026-02-16', false, '春节'), ('2026-02-17', false, '春节'), ('2026-02-18', false, '春节'),
 ('2026-02-19', false, '春节'), ('2026-02-20', false, '春节'), ('2026-02-23', false, '春节'),
 ('2026-02-28', true,  '春节调休上班'),
 ('2026-04-06', false, '清明节'),
 ('2026-05-01', false, '劳动节'), ('2026-05-04', false, '劳动节'), ('2026-05-05', false, '劳动节'),
 ('2026-05-09', true,  '劳动节调休上班'),
 ('2026-06-19', false, '端午节'),
 ('2026-09-20', true,  '国庆节调休上班'),
 ('2026-09-25', false, '中秋节'),
 ('2026-10-01', false, '国庆节'), ('2026-10-02', false, '国庆节'), ('2026-10-05', false, '国庆节'),
 ('2026-10-06', false, '国庆节'), ('2026-10-07', false, '国庆节'),
 ('2026-10-10', true,  '国庆节调休上班');
