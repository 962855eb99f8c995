-- 服务干部 (service cadres: 五个一批 / 暖企专员 / 第一书记) sign in with their own role (issue 8).
alter table account drop constraint ck_account_role;
alter table account add constraint ck_account_role
    check (role in ('ADMIN', 'REVIEWER', 'REPORTER', 'LEADER', 'CADRE', 'SYS_ADMIN', 'SEC_ADMIN', 'AUDITOR'));
