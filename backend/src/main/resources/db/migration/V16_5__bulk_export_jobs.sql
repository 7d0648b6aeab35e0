-- FHIR Bulk Data exports (feature: export). A job is a row any replica can pick up, poll or cancel;
-- its NDJSON files are kept as ordered chunks (each well under a megabyte), so neither writing nor
-- downloading a file ever holds it whole in memory.
create table export_job (
    id               uuid primary key,
    status           text        not null default 'ACCEPTED',
    request_url      text        not null,
    types            text[]      not null,
    since            timestamptz,
    team             text,
    pathway_id       uuid,
    pseudonymise     boolean     not null default false,
    -- the per-export salt of the pseudonyms; cleared when the job ends, so not even Heima can
    -- recompute a finished export's pseudonyms from its own data and the secret
    salt             bytea,
    requested_by     text        not null,
    requested_at     timestamptz not null default now(),
    transaction_time timestamptz,
    patients_total   int,
    patients_done    int         not null default 0,
    attempts         int         not null default 0,
    leased_until     timestamptz,
    lease_owner      text,
    error            text,
    finished_at      timestamptz,
    expires_at       timestamptz not null
);

create index export_job_waiting_idx on export_job (status, requested_at);

create table export_chunk (
    job_id        uuid   not null references export_job (id) on delete cascade,
    resource_type text   not null,
    seq           int    not null,
    resources     int    not null,
    data          bytea  not null,
    primary key (job_id, resource_type, seq)
);
