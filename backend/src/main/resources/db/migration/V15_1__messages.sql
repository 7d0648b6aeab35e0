-- Messages between a patient and their care team (feature: message). One conversation per patient;
-- every message names the team it was written to or from. Photos are attachment rows (same table as
-- questionnaire files: the type is what the bytes show). Read receipts: who of the other side read
-- it, and when.
create table message (
    id              uuid primary key,
    patient_id      uuid        not null references patient (id),
    team            text        not null,
    author_kind     text        not null check (author_kind in ('PATIENT', 'CLINICIAN')),
    author_subject  text        not null,
    author_name     text        not null,
    body            text        not null,
    photo_ids       uuid[]      not null default '{}',
    sent_at         timestamptz not null default now(),
    read_at         timestamptz,
    read_by_subject text,
    read_by_name    text
);

create index message_patient_idx on message (patient_id, sent_at);
-- the unread messages of one side, for read receipts and counts
create index message_unread_idx on message (patient_id, author_kind) where read_at is null;

-- A MESSAGE worklist item belongs to the patient's care team, not to one care plan: a patient may
-- write with no plan open.
alter table worklist_item alter column care_plan_id drop not null;
