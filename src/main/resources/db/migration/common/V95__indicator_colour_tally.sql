-- ADR 083: how many of each unit's results an evaluation gave each colour. The colour counts of a scope (the
-- node page's and screen's trend, the figures of 数字体检 in the annual review) sum these rows (about four per
-- unit: ~40,000 for a province run) instead of reading the evaluation's results (~3 million for a province run).
-- Written with the results by the same transaction (ResultWriter, ResultStore) and rewritten for a unit when it is
-- re-checked. Roll-up rows are not counted: a scope's count is the sum of its units'.
create table indicator_colour_tally (
    evaluation_id bigint      not null references indicator_evaluation (id) on delete cascade,
    node_id       bigint      not null,
    colour        varchar(10) not null,
    results       integer     not null,
    primary key (evaluation_id, node_id, colour)
);

insert into indicator_colour_tally (evaluation_id, node_id, colour, results)
select evaluation_id, node_id, colour, count(*)
from indicator_result
where rollup = false and colour is not null
group by evaluation_id, node_id, colour;
