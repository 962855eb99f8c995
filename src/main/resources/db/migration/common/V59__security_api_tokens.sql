-- API tokens (ADR 048): short-lived signed JWTs issued by POST /api/tokens. The token itself is checked by its
-- signature; this table records each token's id (jti) so that it can be revoked one by one and so that a caller
-- revokes only its own. Rows past their expiry are purged when new tokens are issued: an expired token is
-- refused by its signature's claims whatever the table says.
create table api_token (
    jti        varchar(64) not null primary key,
    account_id bigint      not null references account (id) on delete cascade,
    issued_at  timestamp   not null,
    expires_at timestamp   not null,
    revoked_at timestamp,
    revoked_by varchar(50)
);
create index ix_api_token_account on api_token (account_id);
create index ix_api_token_expires on api_token (expires_at);

-- Tokens issued before this instant are refused: a password change or reset, a lock-out, disabling the account,
-- a change of its grant or "revoke all" set it, so every token of the account dies at once.
alter table account add column tokens_valid_after timestamp;
