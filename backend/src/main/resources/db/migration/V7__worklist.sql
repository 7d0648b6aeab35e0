-- The clinicians' worklist (feature: worklist): one item per yellow/red submission or missed task.
create table worklist_item (
    id                uuid primary key,
    patient_id        uuid        not null references patient (id),
    patient_name      text        not null,
    patient_system    text        not null,
    patient_value     text        not null,
    care_plan_id      uuid        not null references care_plan (id),
    team              text        not null,
    kind              text        not null,
    source_key        text        not null,
    activity_id       text,
    level             text        not null,
    summary           text        not null,
    reasons           jsonb       not null,
    raised_at         timestamptz not null default now(),
    due_at            timestamptz not null,
    status            text        not null default 'OPEN',
    assignee_subject  text,
    assignee_name     text,
    taken_at          timestamptz,
    escalated_at      timestamptz,
    resolved_at       timestamptz,
    resolved_by       text,
    resolved_by_name  text,
    action            text,
    note              text,
    patient_message   text,
    version           bigint      not null default 0,
    -- one item per submission or per missed task, however many replicas notice it
    unique (kind, source_key)
);

create index worklist_item_open_idx on worklist_item (team, status, level, raised_at);
create index worklist_item_patient_idx on worklist_item (patient_id, raised_at);
