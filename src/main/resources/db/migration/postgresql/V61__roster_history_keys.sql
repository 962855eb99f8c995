-- Yearly facts keep several versions per (person, year): the key takes the two time starts (ADR 050).
alter table person_assessment drop constraint person_assessment_pkey;
alter table person_assessment add primary key (person_id, fact_year, valid_from, recorded_at);
alter table person_training drop constraint person_training_pkey;
alter table person_training add primary key (person_id, fact_year, valid_from, recorded_at);
