-- 干部培训 figures at city scale (issue 19, ADR 079): each class keeps the totals of its enrolments — 人次, sessions
-- marked and attended, hours (attended sessions' hours plus online courses' completed hours) — rewritten from its
-- enrolments in the same transaction as every write of enrolments, attendance or completions (the class row locked
-- first), so the figures aggregate the classes, not every enrolment. The rows there already are counted here.
alter table training_class add column enrolments int default 0 not null;
alter table training_class add column marked int default 0 not null;
alter table training_class add column attended int default 0 not null;
alter table training_class add column hours decimal(12, 1) default 0 not null;

update training_class set
  enrolments = (select count(*) from training_enrolment e where e.class_id = training_class.id),
  marked = (select coalesce(sum(e.marked), 0) from training_enrolment e where e.class_id = training_class.id),
  attended = (select coalesce(sum(e.attended), 0) from training_enrolment e where e.class_id = training_class.id),
  hours = (select coalesce(sum(e.attended_hours), 0) + coalesce(sum(e.completed_hours), 0) from training_enrolment e
           where e.class_id = training_class.id);
