-- The DHO "evaluate" step: the day the care team next evaluates the follow-up (set at
-- enrolment, moved by each evaluation); null when none is planned.
alter table care_plan add column evaluation_date date;
