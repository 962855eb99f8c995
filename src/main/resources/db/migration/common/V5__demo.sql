-- One row per loaded demo data set, so a restart never loads it twice.
create table demo_load (
    name      varchar(50) primary key,
    seed      bigint      not null,
    loaded_at timestamp   not null default current_timestamp
);
