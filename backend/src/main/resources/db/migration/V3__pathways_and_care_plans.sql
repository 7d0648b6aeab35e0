-- Pathway templates (feature: pathway). Edits go to the draft; publishing copies it to the next
-- version, which can never be changed or deleted (trigger below).
create table pathway (
    id         uuid primary key,
    team       text        not null,
    name       text        not null,
    created_at timestamptz not null default now(),
    created_by text        not null
);

create index pathway_team_idx on pathway (team, lower(name));

create table pathway_draft (
    pathway_id uuid primary key references pathway (id),
    definition jsonb       not null,
    revision   bigint      not null default 0,
    updated_at timestamptz not null default now(),
    updated_by text        not null
);

create table pathway_version (
    pathway_id   uuid        not null references pathway (id),
    version      int         not null,
    definition   jsonb       not null,
    published_at timestamptz not null default now(),
    published_by text        not null,
    primary key (pathway_id, version)
);

create function pathway_version_immutable() returns trigger
    language plpgsql as
$$
begin
    raise exception 'a published pathway version cannot be changed';
end;
$$;

create trigger pathway_version_no_update_or_delete
    before update or delete on pathway_version
    for each row execute function pathway_version_immutable();

-- Care plans (feature: careplan): a patient enrolled on one pathway version.
create table care_plan (
    id                  uuid primary key,
    patient_id          uuid        not null references patient (id),
    pathway_id          uuid        not null,
    pathway_version     int         not null,
    team                text        not null,
    start_date          date        not null,
    time_zone           text        not null default 'Europe/Oslo',
    status              text        not null default 'ACTIVE',
    end_date            date,
    end_reason          text,
    personal_thresholds jsonb       not null default '[]',
    version             bigint      not null default 0,
    created_at          timestamptz not null default now(),
    created_by          text        not null,
    foreign key (pathway_id, pathway_version) references pathway_version (pathway_id, version)
);

create index care_plan_patient_idx on care_plan (patient_id);

create table care_plan_pause (
    id           uuid primary key,
    care_plan_id uuid        not null references care_plan (id),
    from_date    date        not null,
    until_date   date,
    resumed_on   date,
    reason       text        not null,
    created_at   timestamptz not null default now(),
    created_by   text        not null
);

create index care_plan_pause_plan_idx on care_plan_pause (care_plan_id);

-- A task (activity on a day) the patient has done; written by the submission that did it.
create table task_completion (
    care_plan_id  uuid        not null references care_plan (id),
    activity_id   text        not null,
    due_date      date        not null,
    completed_at  timestamptz not null,
    submission_id uuid        not null,
    primary key (care_plan_id, activity_id, due_date)
);
