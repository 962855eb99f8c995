-- ADR 082: the 党员报到 figures read service logs summed by village and month; see the PostgreSQL migration of the
-- same version. On H2 the trigger is a Java class of the party module.
create table checkin_log_month (
    village_id     bigint         not null references org_node (id),
    month_start    date           not null,
    logs           bigint         not null,
    elderly_visits bigint         not null,
    funds_yuan     decimal(18, 2) not null,
    primary key (village_id, month_start)
);
create index ix_checkin_log_month_month on checkin_log_month (month_start);
create index ix_checkin_log_served on checkin_log (served_on);

insert into checkin_log_month (village_id, month_start, logs, elderly_visits, funds_yuan)
select village_id, cast(date_trunc('month', served_on) as date), count(*), sum(elderly_visits), sum(funds_yuan)
from checkin_log group by village_id, cast(date_trunc('month', served_on) as date);

create trigger trg_checkin_log_month after insert, update, delete on checkin_log
    for each row call 'cn.zugong.party.internal.checkin.LogMonthTrigger';
