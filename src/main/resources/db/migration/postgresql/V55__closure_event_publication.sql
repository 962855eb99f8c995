-- Spring Modulith's event publication registry (spring-modulith-events-jdbc 1.4.13, schema-postgresql.sql):
-- one row per event and @ApplicationModuleListener until the listener completes; completed rows are deleted
-- (spring.modulith.events.completion-mode=delete, ADR 044). Created here rather than by the library's schema
-- initialisation, so that Flyway owns every table.
create table if not exists event_publication
(
  id               uuid not null,
  listener_id      text not null,
  event_type       text not null,
  serialized_event text not null,
  publication_date timestamp with time zone not null,
  completion_date  timestamp with time zone,
  primary key (id)
);
create index if not exists event_publication_serialized_event_hash_idx on event_publication using hash(serialized_event);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);
