-- Patient summaries made for the record (feature: report): which period each covered, so the
-- next one starts where the last ended. The document itself is not kept: it is made again
-- from the stored data on request.
create table patient_summary (
    id          uuid primary key,
    patient_id  uuid        not null references patient (id),
    teams       text[]      not null,
    period_from timestamptz not null,
    period_to   timestamptz not null,
    language    text        not null,
    made_at     timestamptz not null default now(),
    made_by     text        not null
);

create index patient_summary_patient_idx on patient_summary (patient_id, period_to);
