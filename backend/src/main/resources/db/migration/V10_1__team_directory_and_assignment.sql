-- Team directory (feature: team): the colleagues an item can be assigned or escalated to. A row is
-- kept when a clinician holding the team claim logs in (last_login_at) and when an admin lists one
-- (listed_by); either makes them choosable.
create table team_member (
    team          text        not null,
    subject       text        not null,
    name          text        not null,
    roles         text        not null default '',
    last_login_at timestamptz,
    listed_by     text,
    listed_at     timestamptz,
    primary key (team, subject)
);

-- Escalation to a named colleague or a role (feature: worklist).
alter table worklist_item
    add column escalated_to_subject text,
    add column escalated_to_name    text,
    add column escalated_to_role    text;

-- The worklist filters "mine" and search by name look these up within a team's open items.
create index worklist_item_assignee_idx on worklist_item (assignee_subject) where status <> 'RESOLVED';
