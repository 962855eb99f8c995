create index ix_org_node_path on org_node (path);
