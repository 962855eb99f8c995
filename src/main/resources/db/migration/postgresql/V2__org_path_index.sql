-- text_pattern_ops lets  path LIKE 'prefix%'  use the index under any collation.
create index ix_org_node_path on org_node (path text_pattern_ops);
