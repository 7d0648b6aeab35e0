-- Patients (feature: patient). One national identifier per patient: fødselsnummer or D-number.
create table patient (
    id                 uuid primary key,
    identifier_system  text        not null,
    identifier_value   text        not null,
    given_name         text        not null,
    family_name        text        not null,
    birth_date         date        not null,
    phone              text,
    email              text,
    preferred_language text        not null default 'nb',
    version            bigint      not null default 0,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    constraint patient_identifier_unique unique (identifier_value)
);

create index patient_family_name_idx on patient (lower(family_name), lower(given_name));

-- Which teams follow a patient; clinicians see the patients of their own teams only.
create table patient_team (
    patient_id uuid not null references patient (id),
    team       text not null,
    primary key (patient_id, team)
);

create index patient_team_team_idx on patient_team (team, patient_id);

-- Audit trail (feature: audit). Append-only: the trigger refuses update, delete and truncate.
create table audit_event (
    id            bigserial primary key,
    occurred_at   timestamptz not null default now(),
    actor_subject text        not null,
    actor_name    text,
    actor_roles   text        not null,
    patient_id    uuid,
    action        text        not null,
    resource      text        not null,
    outcome       text        not null,
    detail        text
);

create index audit_event_patient_idx on audit_event (patient_id, occurred_at);

create function audit_event_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_event is append-only';
end;
$$;

create trigger audit_event_no_update_or_delete
    before update or delete on audit_event
    for each row execute function audit_event_append_only();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_append_only();
