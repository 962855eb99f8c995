-- Roster history (ADR 050): every state of a person is kept with the day it took effect (application
-- time: valid_from inclusive, valid_to exclusive) and when it was recorded (system time: recorded_at
-- inclusive, superseded_at exclusive) — the model of SQL:2011 bitemporal tables in plain tables that run
-- on H2 and PostgreSQL. "Open" ends are 9999-12-31. `person` keeps the current state for the roster pages;
-- evaluations read the versions as of a date (and optionally as known on a day).
create table person_version (
    person_id        bigint       not null references person (id) on delete cascade,
    valid_from       date         not null,
    valid_to         date         not null default date '9999-12-31',
    recorded_at      timestamp    not null,
    superseded_at    timestamp    not null default timestamp '9999-12-31 00:00:00',
    change_kind      varchar(20)  not null,
    change_note      varchar(200),
    recorded_by      varchar(50)  not null,
    service_status   varchar(10)  not null default '在职',
    unit_id          bigint       not null,
    gender           varchar(2)   not null,
    birth_date       date         not null,
    ethnicity        varchar(20)  not null,
    political_status varchar(20)  not null,
    ft_education     varchar(20),
    ft_degree        varchar(10),
    is_education     varchar(20),
    is_degree        varchar(10),
    major_category   varchar(30),
    staff_kind       varchar(10)  not null,
    rank_level       varchar(20)  not null,
    rank_since       date,
    post_level       varchar(20),
    post_since       date,
    work_start_date  date,
    joined_unit_date date         not null,
    source           varchar(10)  not null,
    probation_end    date,
    primary key (person_id, valid_from, recorded_at),
    constraint ck_person_version_period check (valid_from < valid_to),
    constraint ck_person_version_system check (recorded_at < superseded_at),
    constraint ck_person_version_status check (service_status in ('在职', '退休', '调出', '离职'))
);
create index ix_person_version_unit on person_version (unit_id);

-- The current state's status: people who left stay (their history is kept) but are not on the roster lists.
alter table person add column service_status varchar(10) default '在职' not null;
alter table person add column left_on date;
alter table person add constraint ck_person_service_status check (service_status in ('在职', '退休', '调出', '离职'));

-- Yearly facts become bitemporal too: valid_from is the day the fact took effect (an assessment decided,
-- a year's training total reached, a reward or discipline decided). Rows written before this migration
-- are valid since ever and recorded at the epoch.
alter table person_assessment add column valid_from date default date '1900-01-01' not null;
alter table person_assessment add column valid_to date default date '9999-12-31' not null;
alter table person_assessment add column recorded_at timestamp default timestamp '1970-01-01 00:00:00' not null;
alter table person_assessment add column superseded_at timestamp default timestamp '9999-12-31 00:00:00' not null;

alter table person_training add column valid_from date default date '1900-01-01' not null;
alter table person_training add column valid_to date default date '9999-12-31' not null;
alter table person_training add column recorded_at timestamp default timestamp '1970-01-01 00:00:00' not null;
alter table person_training add column superseded_at timestamp default timestamp '9999-12-31 00:00:00' not null;

alter table person_record add column valid_from date default date '1900-01-01' not null;
alter table person_record add column valid_to date default date '9999-12-31' not null;
alter table person_record add column recorded_at timestamp default timestamp '1970-01-01 00:00:00' not null;
alter table person_record add column superseded_at timestamp default timestamp '9999-12-31 00:00:00' not null;

-- An evaluation reads the roster as known at known_at (null on rows written before: as recorded then).
alter table indicator_evaluation add column known_at timestamp;

-- People already on the roster start their history on the day they joined their unit, as recorded now:
-- nothing earlier is known (ADR 050).
insert into person_version (person_id, valid_from, recorded_at, change_kind, change_note, recorded_by, unit_id, gender,
        birth_date, ethnicity, political_status, ft_education, ft_degree, is_education, is_degree, major_category,
        staff_kind, rank_level, rank_since, post_level, post_since, work_start_date, joined_unit_date, source,
        probation_end)
select id, joined_unit_date, current_timestamp, 'IMPORT', '历史数据迁移', 'system', unit_id, gender, birth_date, ethnicity,
       political_status, ft_education, ft_degree, is_education, is_degree, major_category, staff_kind, rank_level,
       rank_since, post_level, post_since, work_start_date, joined_unit_date, source, probation_end
from person;
