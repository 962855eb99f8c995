-- The closure state lives on closure_item only (ADR 044). problem_ticket and deliberation_matter kept copies of
-- it, written by synchronous listeners of the closure events; their reads now join closure_item instead, and the
-- figures that needed the copies compute them in the same whole-table aggregate.

-- When the item was last reported done (办结): the on-time figures compare it with the deadline. Set by the
-- workflow on every move to RESOLVED; filled here from the history (tickets: from their own column, the same
-- value the figures used until now).
alter table closure_item add column resolved_at timestamp;
update closure_item set resolved_at = (select max(e.happened_at) from closure_event e
                                       where e.item_id = closure_item.id and e.action = 'RESOLVE');
update closure_item set resolved_at = (select t.resolved_at from problem_ticket t where t.item_id = closure_item.id)
where kind = 'PROBLEM_TICKET' and exists (select 1 from problem_ticket t where t.item_id = closure_item.id);

-- problem_ticket: the indexes over the copied columns go with them (the figures filter closure_item by id).
drop index ix_problem_ticket_owner;
drop index ix_problem_ticket_category;
drop index ix_problem_ticket_open;
alter table problem_ticket drop column status;
alter table problem_ticket drop column owner_node_id;
alter table problem_ticket drop column deadline;
alter table problem_ticket drop column escalation;
alter table problem_ticket drop column resolved_at;
alter table problem_ticket drop column closed_at;
alter table problem_ticket drop column days_to_close;
alter table problem_ticket drop column closed_late;
alter table problem_ticket drop column reopen_count;
create index ix_problem_ticket_category on problem_ticket (category_code);

-- deliberation_matter: the matter's closure status is read from its item (closure_item_id).
alter table deliberation_matter drop column closure_status;
