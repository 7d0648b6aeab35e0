-- FHIR write-back (feature: fhirsync). A row waits here until the FHIR server has the resource.
create table fhir_outbox (
    id                 bigserial primary key,
    resource_type      text        not null,
    identifier_system  text        not null,
    identifier_value   text        not null,
    -- 0 for the first version of a resource; a later state of the same resource (e.g. a Flag made
    -- inactive) is a new row with the next revision, delivered after the earlier ones
    revision           int         not null default 0,
    -- CREATE: conditional create; UPSERT: conditional update (create or replace by identifier)
    method             text        not null default 'CREATE',
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
    unique (identifier_system, identifier_value, revision)
);

create index fhir_outbox_identifier_idx on fhir_outbox (identifier_system, identifier_value, id);

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
