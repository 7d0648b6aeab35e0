-- FHIR write-back (feature: fhirsync). A row waits here until the FHIR server has the resource.
create table fhir_outbox (
    id                 bigserial primary key,
    resource_type      text        not null,
    identifier_system  text        not null,
    identifier_value   text        not null,
    resource           text        not null,
    patient_system     text        not null,
    patient_value      text        not null,
    patient_given      text,
    patient_family     text,
    patient_birth_date date,
    status             text        not null default 'PENDING',
    attempts           int         not null default 0,
    next_attempt_at    timestamptz not null default now(),
    leased_until       timestamptz,
    last_error         text,
    created_at         timestamptz not null default now(),
    unique (identifier_system, identifier_value)
);

create index fhir_outbox_due_idx on fhir_outbox (status, next_attempt_at, id);

-- What was delivered, and the server's id for it.
create table fhir_delivery (
    identifier_system text        not null,
    identifier_value  text        not null,
    resource_type     text        not null,
    fhir_id           text        not null,
    delivered_at      timestamptz not null default now(),
    primary key (identifier_system, identifier_value)
);
