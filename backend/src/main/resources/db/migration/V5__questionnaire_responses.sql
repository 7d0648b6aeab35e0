-- Questionnaire responses (feature: response).
-- A draft per task (care plan, activity, day): saved halfway, resumed on any device.
create table response_draft (
    care_plan_id           uuid        not null references care_plan (id),
    activity_id            text        not null,
    due_date               date        not null,
    patient_id             uuid        not null references patient (id),
    questionnaire_response jsonb       not null,
    updated_at             timestamptz not null default now(),
    primary key (care_plan_id, activity_id, due_date)
);

-- A submitted response: the FHIR resource as stored (server-computed scores filled in), the scores
-- and the triage result with its rule version.
create table questionnaire_response (
    id            uuid primary key,
    patient_id    uuid        not null references patient (id),
    care_plan_id  uuid        not null references care_plan (id),
    activity_id   text        not null,
    due_date      date        not null,
    questionnaire text        not null,
    resource      jsonb       not null,
    scores        jsonb       not null,
    authored      timestamptz not null,
    received_at   timestamptz not null default now(),
    triage_level  text        not null,
    triage        jsonb       not null,
    created_by    text        not null
);

create index questionnaire_response_patient_idx on questionnaire_response (patient_id, authored);
