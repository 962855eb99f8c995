-- Personal data at rest (ADR 006): ID numbers and phones hold SM4-GCM ciphertext as text
-- "v1:<keyId>:<base64>", longer than the plaintext; exact-match search and uniqueness move to a keyed
-- blind index (HMAC-SM3, 64 hex characters). Rows written before this migration still hold plaintext
-- and no index: the application encrypts them in place on its next start (PersonalDataEncryption),
-- in batches, before the index is relied upon.
alter table person alter column id_number set data type varchar(200);
alter table person alter column phone set data type varchar(200);
alter table person add column id_number_idx varchar(64);
alter table person drop constraint uk_person_id_number;
alter table person add constraint uk_person_id_number_idx unique (id_number_idx);

alter table party_member alter column id_number set data type varchar(200);
alter table party_member alter column phone set data type varchar(200);
alter table party_member add column id_number_idx varchar(64);
alter table party_member drop constraint uk_party_member_id_number;
alter table party_member add constraint uk_party_member_id_number_idx unique (id_number_idx);
