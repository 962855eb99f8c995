-- ADR 054: on PostgreSQL indicator_result is partitioned by evaluation, one partition per run. A run's ~3 million
-- rows go by COPY into a fresh table without indexes, its primary key is built once afterwards (a sorted build,
-- not three million index insertions) and the table is attached as the run's partition. The per-row foreign key
-- to indicator_evaluation goes: the writer checks the evaluation once per run, and deleting an evaluation still
-- deletes its rows (the trigger below drops its partition's rows, as the cascade did).
alter table indicator_result rename to indicator_result_v9;
alter table indicator_result_v9 rename constraint indicator_result_pkey to indicator_result_v9_pkey;

create table indicator_result (
    evaluation_id  bigint         not null,
    node_id        bigint         not null,
    indicator_code varchar(20)    not null,
    rollup         boolean        not null,
    numerator      decimal(18, 4) not null,
    denominator    decimal(18, 4),
    result_value   decimal(18, 4),
    colour         varchar(10),
    advice         varchar(500),
    primary key (evaluation_id, node_id, indicator_code)
) partition by list (evaluation_id);

-- every existing evaluation gets its partition (re-checks of old runs write into it)
do $$
declare
    e bigint;
begin
    for e in select id from indicator_evaluation order by id loop
        execute format('create table indicator_result_e%s partition of indicator_result for values in (%s)', e, e);
    end loop;
end
$$;

insert into indicator_result select * from indicator_result_v9;
drop table indicator_result_v9;

create function indicator_result_cascade() returns trigger language plpgsql as $$
begin
    delete from indicator_result where evaluation_id = old.id;
    return old;
end
$$;

create trigger indicator_evaluation_deletes_results after delete on indicator_evaluation
    for each row execute function indicator_result_cascade();
