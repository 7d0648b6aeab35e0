-- Idempotent submissions (feature: idempotency): the first answer to a key is kept and replayed.
create table idempotency_record (
    owner        text        not null,
    key          text        not null,
    request_hash text        not null,
    status       int,
    location     text,
    -- the answer's exact bytes (not jsonb, which would reorder keys), so a replay is identical
    response     text,
    created_at   timestamptz not null default now(),
    primary key (owner, key)
);

-- Measurements (feature: measurement). values: [{code, value, unit}] in the vital's own unit;
-- entered: what the patient typed, unit included, before conversion.
create table measurement (
    id              uuid primary key,
    patient_id      uuid        not null references patient (id),
    care_plan_id    uuid,
    activity_id     text,
    vital           text        not null,
    values          jsonb       not null,
    entered         jsonb       not null,
    measured_at     timestamptz not null,
    received_at     timestamptz not null default now(),
    source          text        not null,
    triage_level    text        not null,
    triage          jsonb       not null,
    submission_id   uuid        not null,
    created_by      text        not null
);

create index measurement_patient_idx on measurement (patient_id, vital, measured_at);
