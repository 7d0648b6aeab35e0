-- Observations partitioned by month (issue 13): measurement becomes a table partitioned by range
-- on measured_at (the instant the value was taken, UTC), one partition per calendar month (UTC),
-- plus a default partition for anything outside the months that exist. Reads that bound
-- measured_at (history, trends, what-if, combination rules) touch only their months; old months
-- can later be detached and archived whole instead of deleted row by row.
--
-- What changes for the code: nothing in its SQL. The primary key becomes (id, measured_at), as
-- PostgreSQL requires every unique constraint of a partitioned table to hold the partition key.
-- No statement relies on id alone being unique: inserts have no ON CONFLICT (a retried submission
-- is caught by idempotency_record (owner, key)), nothing references measurement(id), and ids are
-- random UUIDs made by the application. The foreign key to patient and measurement_patient_idx are
-- kept (created on the parent, so every partition has them).

-- Makes the partition of the month starting at month_start if it is missing. Rows the default
-- partition took for that month move into it first (attaching over them would fail). SECURITY
-- DEFINER: the application's role may not create tables; this lets it make months ahead
-- (MeasurementPartitions) without being given that right. Serialised by an advisory lock, so two
-- replicas calling it at once do not race.
create function heima_measurement_month(month_start date) returns boolean
    language plpgsql
    security definer
    set search_path from current
as $$
declare
    first_day date := date_trunc('month', month_start)::date;
    part text := format('measurement_y%sm%s', to_char(first_day, 'YYYY'), to_char(first_day, 'MM'));
    from_ts timestamptz := first_day::timestamp at time zone 'UTC';
    to_ts timestamptz := (first_day + interval '1 month')::timestamp at time zone 'UTC';
begin
    perform pg_advisory_xact_lock(hashtext('heima_measurement_month'));
    if to_regclass(part) is not null then
        return false;
    end if;
    execute format('create table %I (like measurement including defaults including constraints)', part);
    execute format('insert into %I select * from measurement_default where measured_at >= $1 and measured_at < $2',
                   part) using from_ts, to_ts;
    delete from measurement_default where measured_at >= from_ts and measured_at < to_ts;
    execute format('alter table measurement attach partition %I for values from (%L) to (%L)', part, from_ts, to_ts);
    return true;
end
$$;

-- The months from this one to months_ahead ahead; answers how many it made.
create function heima_measurement_months_ahead(months_ahead int) returns int
    language plpgsql
    security definer
    set search_path from current
as $$
declare
    this_month date := date_trunc('month', now() at time zone 'UTC')::date;
    made int := 0;
begin
    for i in 0..greatest(months_ahead, 0) loop
        if heima_measurement_month((this_month + make_interval(months => i))::date) then
            made := made + 1;
        end if;
    end loop;
    return made;
end
$$;

-- The swap: the old table steps aside (its indexes too: index names are per schema) ...
alter table measurement rename to measurement_unpartitioned;
alter index measurement_pkey rename to measurement_unpartitioned_pkey;
alter index measurement_patient_idx rename to measurement_unpartitioned_patient_idx;
alter table measurement_unpartitioned rename constraint measurement_patient_id_fkey
    to measurement_unpartitioned_patient_id_fkey;

-- ... the partitioned table takes its name, columns (in order), defaults and checks ...
create table measurement (like measurement_unpartitioned including defaults including constraints including storage)
    partition by range (measured_at);
alter table measurement add constraint measurement_pkey primary key (id, measured_at);
alter table measurement add constraint measurement_patient_id_fkey foreign key (patient_id) references patient (id);
create index measurement_patient_idx on measurement (patient_id, vital, measured_at);
create table measurement_default partition of measurement default;

-- ... a partition for every month from the oldest stored (at least a year back, for imported
-- history) to three months ahead ...
do $$
declare
    oldest date := least(
        (select min(measured_at) at time zone 'UTC' from measurement_unpartitioned)::date,
        (now() at time zone 'UTC' - interval '12 months')::date);
    m date := date_trunc('month', oldest)::date;
    last_month date := date_trunc('month', now() at time zone 'UTC' + interval '3 months')::date;
begin
    while m <= last_month loop
        perform heima_measurement_month(m);
        m := (m + interval '1 month')::date;
    end loop;
end
$$;

-- ... and the rows move across (each to its month), in this migration's transaction: a
-- submission either sees the old table or the new one with everything in it.
insert into measurement select * from measurement_unpartitioned;
drop table measurement_unpartitioned;
