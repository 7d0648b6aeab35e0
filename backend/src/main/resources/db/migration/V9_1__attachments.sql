-- Files patients attach to questionnaire answers (feature: attachment), kept in PostgreSQL so they are
-- as durable as the response that refers to them (same backups, same transaction guarantees).
-- The type is what the bytes show, never what the client declared.
create table attachment (
    id           uuid primary key,
    patient_id   uuid        not null references patient (id),
    content_type text        not null,
    size         bigint      not null,
    sha256       text        not null,
    title        text,
    data         bytea       not null,
    uploaded_at  timestamptz not null default now()
);

create index attachment_patient on attachment (patient_id);
