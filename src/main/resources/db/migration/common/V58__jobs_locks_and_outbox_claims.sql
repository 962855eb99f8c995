-- Jobs once across nodes (ADR 046). Several application nodes share this database.

-- ShedLock: one row per scheduled job; a node runs the job only while lock_until (database time) is ahead
-- of it and the row names it, so the other nodes skip that schedule.
create table shedlock (
    name       varchar(64)  not null,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null,
    primary key (name)
);

-- 亮灯台 outbox: a node claims a due message with a conditional update before it sends it, so a message is
-- sent by one node only; a claim older than the claim timeout (a node died mid-send) may be taken over.
alter table lighting_outbox add column claimed_by varchar(100);
alter table lighting_outbox add column claimed_at timestamp;
