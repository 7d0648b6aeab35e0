-- Questionnaire library (feature: questionnaire). One row per canonical url|version; a new version is
-- a new row and the old one never changes. The FHIR resource is kept as JSONB beside the columns we
-- query. Questionnaires are not patient data, so nothing here is audited.
create table questionnaire (
    id               uuid primary key,
    url              text        not null,
    version          text        not null,
    title            text,
    -- the title per language (primary text and translation extensions), e.g. {"nb": "...", "en": "..."}
    titles           jsonb       not null default '{}',
    status           text        not null,
    retired          boolean     not null default false,
    retired_at       timestamptz,
    retired_by       text,
    resource         jsonb       not null,
    imported_at      timestamptz not null default now(),
    imported_by      text        not null,
    imported_by_name text,
    constraint questionnaire_canonical_unique unique (url, version)
);

-- newest version first per url
create index questionnaire_url_imported_idx on questionnaire (url, imported_at desc);
