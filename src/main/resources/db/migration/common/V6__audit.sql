-- One append-only audit trail. Each entry's hash covers its fields and the previous entry's hash,
-- so any change or deletion breaks the chain from that entry on.
create table audit_entry (
    id          bigint primary key,
    at          timestamp    not null,
    actor       varchar(50)  not null,
    actor_role  varchar(20),
    client_ip   varchar(64),
    action      varchar(30)  not null,
    object_type varchar(40),
    object_id   varchar(64),
    summary     varchar(500),
    before_json text,
    after_json  text,
    prev_hash   varchar(64)  not null,
    hash        varchar(64)  not null
);
create index ix_audit_at on audit_entry (at);
create index ix_audit_actor on audit_entry (actor, at);
create index ix_audit_object on audit_entry (object_type, object_id);

-- The head of the chain: one row, locked while an entry is appended.
create table audit_head (
    id        int primary key,
    last_id   bigint      not null,
    last_hash varchar(64) not null
);
insert into audit_head (id, last_id, last_hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
