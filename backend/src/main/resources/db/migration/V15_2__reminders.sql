-- Reminders (feature: reminder). What each patient chose, the devices that take Web Push, and
-- the reminders themselves: one row per task, kind (window opens / before it closes) and channel,
-- planned ahead by every replica (the unique key lets one insert win) and sent by whichever
-- replica claims it (FOR UPDATE SKIP LOCKED and a lease). No text is stored: what a reminder says
-- is fixed and holds no health data.
create table reminder_preference (
    patient_id             uuid primary key references patient (id),
    channels               text[]      not null,
    at_opening             boolean     not null,
    before_closing_minutes integer check (before_closing_minutes between 5 and 720),
    quiet_from             time,
    quiet_until            time,
    updated_at             timestamptz not null default now(),
    check ((quiet_from is null) = (quiet_until is null))
);

create table push_subscription (
    id         uuid primary key,
    patient_id uuid        not null references patient (id),
    endpoint   text        not null unique,
    p256dh     text        not null,
    auth       text        not null,
    device     text,
    created_at timestamptz not null default now()
);

create index push_subscription_patient_idx on push_subscription (patient_id);

create table reminder (
    id              bigserial primary key,
    patient_id      uuid        not null references patient (id),
    care_plan_id    uuid        not null references care_plan (id),
    activity_id     text        not null,
    task_date       date        not null,
    kind            text        not null check (kind in ('OPENS', 'CLOSING')),
    channel         text        not null check (channel in ('EMAIL', 'PUSH', 'SMS')),
    due_at          timestamptz not null,
    window_end      timestamptz not null,
    status          text        not null default 'PENDING'
                                check (status in ('PENDING', 'SENT', 'FAILED', 'CANCELLED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    leased_until    timestamptz,
    last_error      text,
    sent_at         timestamptz,
    created_at      timestamptz not null default now(),
    unique (care_plan_id, activity_id, task_date, kind, channel)
);

-- what the sender claims: due, pending rows
create index reminder_due_idx on reminder (next_attempt_at) where status = 'PENDING';
create index reminder_patient_idx on reminder (patient_id, status);
