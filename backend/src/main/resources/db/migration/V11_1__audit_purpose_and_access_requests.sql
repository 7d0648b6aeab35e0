-- Issue 11 (audit): why an access happened, and the controlled flow that replaces the
-- "already registered" answer for a person another team follows.

-- HL7 v3 PurposeOfUse code (TREAT, PATRQT, HOPERAT); rows written before this migration
-- have none.
alter table audit_event add column purpose text;

-- The patient's own view ("who has looked at my data") and the admins' search by actor
-- and time read these.
create index audit_event_actor_idx on audit_event (actor_subject, occurred_at);
create index audit_event_occurred_idx on audit_event (occurred_at);

-- A team asks for access to a person another team follows. The requester is answered the
-- same whether or not the person exists; patient_id is null when no record matched.
-- The owning team decides.
create table patient_access_request (
    id                uuid primary key,
    identifier_value  text        not null,
    patient_id        uuid references patient (id),
    requesting_team   text        not null,
    requested_by      text        not null,
    requested_by_name text,
    reason            text,
    status            text        not null default 'PENDING',
    decided_by        text,
    decided_by_name   text,
    decided_at        timestamptz,
    created_at        timestamptz not null default now(),
    constraint patient_access_request_status check (status in ('PENDING', 'APPROVED', 'DENIED'))
);

create index patient_access_request_patient_idx on patient_access_request (patient_id, status);
