-- The open plans of some teams (capacity forecast, admin views) are read by team: without this
-- index that read scanned every plan of every team (100,000 enrolled patients across 200 teams).
create index care_plan_open_team_idx on care_plan (team, id) where status <> 'ENDED';
