-- Paper ballots (ADR 067): the same file is entered once per campaign; the unique index also settles two uploads
-- of one file racing each other.
create unique index uq_pe_paper_batch_sha on pe_paper_batch (campaign_id, sha256);
