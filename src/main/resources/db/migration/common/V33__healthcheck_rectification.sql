-- 整改: a health-check warning (unit × indicator of an evaluation) put on the closure workflow. The
-- closure item carries status, deadline and history; this row says which result it is about.
create table healthcheck_rectification (
    item_id        bigint         not null primary key references closure_item (id),
    evaluation_id  bigint         not null references indicator_evaluation (id),
    unit_id        bigint         not null references org_node (id),
    indicator_code varchar(20)    not null,
    colour         varchar(10)    not null,
    result_value   decimal(18, 4)
);
create index ix_healthcheck_rectification_unit on healthcheck_rectification (unit_id, indicator_code);
