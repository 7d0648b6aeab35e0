-- A care plan's submissions since a time (issue 13): the what-if replay and the evaluation read
-- `where care_plan_id = ? and measured_at >= ? order by measured_at` (and the same on
-- questionnaire_response by authored); without these they read the whole table (PopulationPlansIT).
-- On the partitioned measurement table the index is made on every month's partition.
create index measurement_care_plan_idx on measurement (care_plan_id, measured_at);

create index questionnaire_response_care_plan_idx on questionnaire_response (care_plan_id, authored);
