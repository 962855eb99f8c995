-- ADR 082: the 党员报到 figures read service logs summed by village and month (a few thousand rows) instead of
-- scanning every log twice; the edges of a period that is not whole months are read from checkin_log itself. The
-- sums are kept by a trigger, so every writer (the application, imports, benchmarks' bulk inserts) keeps them.
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
from checkin_log group by 1, 2;

create function checkin_log_month_apply() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        update checkin_log_month
        set logs = logs - 1, elderly_visits = elderly_visits - old.elderly_visits,
            funds_yuan = funds_yuan - old.funds_yuan
        where village_id = old.village_id and month_start = cast(date_trunc('month', old.served_on) as date);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into checkin_log_month (village_id, month_start, logs, elderly_visits, funds_yuan)
        values (new.village_id, cast(date_trunc('month', new.served_on) as date), 1, new.elderly_visits,
                new.funds_yuan)
        on conflict (village_id, month_start) do update
        set logs = checkin_log_month.logs + 1,
            elderly_visits = checkin_log_month.elderly_visits + excluded.elderly_visits,
            funds_yuan = checkin_log_month.funds_yuan + excluded.funds_yuan;
    end if;
    return null;
end
$$;

create trigger trg_checkin_log_month after insert or update or delete on checkin_log
    for each row execute function checkin_log_month_apply();
