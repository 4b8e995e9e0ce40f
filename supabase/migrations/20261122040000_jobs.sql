-- Jobs: pg-boss's queue tables, the SQL way to enqueue a job inside the caller's transaction, and
-- the staff-only RPCs that read and act on queue state through the REST API.
--
-- pg-boss (jobs/, Node) owns the `pgboss` schema and migrates it itself when a newer pg-boss starts.
-- This migration creates that schema up front, exactly as pg-boss 10.4 would (its
-- getConstructionPlans('pgboss'), schema version 24), so that app.enqueue_job() works before any
-- worker has ever started: triggers and RPCs can enqueue from the first migration that follows.
-- A database where a worker already created the schema is left as it is.

-- ─── Tables ────────────────────────────────────────────────────────────────────────────────────

do $pgboss$
declare
  installed int;
begin
  -- The lock pg-boss itself takes before creating or migrating its schema.
  perform pg_advisory_xact_lock(
    ('x' || encode(sha224((current_database() || '.pgboss.pgboss')::bytea), 'hex'))::bit(64)::bigint
  );
  if to_regclass('pgboss.version') is not null then
    select version into installed from pgboss.version;
    if installed < 24 then
      raise exception 'pg-boss schema version % found, version 24 or later is needed', installed
        using hint = 'Start the jobs worker once (npm run worker): pg-boss migrates its own schema.';
    end if;
    return;
  end if;
  execute $ddl$
    CREATE SCHEMA IF NOT EXISTS pgboss
  $ddl$;
  execute $ddl$
    CREATE TYPE pgboss.job_state AS ENUM (
      'created',
      'retry',
      'active',
      'completed',
      'cancelled',
      'failed'
    )
  $ddl$;
  execute $ddl$
    CREATE TABLE pgboss.version (
      version int primary key,
      maintained_on timestamp with time zone,
      cron_on timestamp with time zone,
      monitored_on timestamp with time zone
    )
  $ddl$;
  execute $ddl$
    CREATE TABLE pgboss.queue (
      name text,
      policy text,
      retry_limit int,
      retry_delay int,
      retry_backoff bool,
      expire_seconds int,
      retention_minutes int,
      dead_letter text REFERENCES pgboss.queue (name),
      partition_name text,
      created_on timestamp with time zone not null default now(),
      updated_on timestamp with time zone not null default now(),
      PRIMARY KEY (name)
    )
  $ddl$;
  execute $ddl$
    CREATE TABLE pgboss.schedule (
      name text REFERENCES pgboss.queue ON DELETE CASCADE,
      cron text not null,
      timezone text,
      data jsonb,
      options jsonb,
      created_on timestamp with time zone not null default now(),
      updated_on timestamp with time zone not null default now(),
      PRIMARY KEY (name)
    )
  $ddl$;
  execute $ddl$
    CREATE TABLE pgboss.subscription (
      event text not null,
      name text not null REFERENCES pgboss.queue ON DELETE CASCADE,
      created_on timestamp with time zone not null default now(),
      updated_on timestamp with time zone not null default now(),
      PRIMARY KEY(event, name)
    )
  $ddl$;
  execute $ddl$
    CREATE TABLE pgboss.job (
      id uuid not null default gen_random_uuid(),
      name text not null,
      priority integer not null default(0),
      data jsonb,
      state pgboss.job_state not null default('created'),
      retry_limit integer not null default(2),
      retry_count integer not null default(0),
      retry_delay integer not null default(0),
      retry_backoff boolean not null default false,
      start_after timestamp with time zone not null default now(),
      started_on timestamp with time zone,
      singleton_key text,
      singleton_on timestamp without time zone,
      expire_in interval not null default interval '15 minutes',
      created_on timestamp with time zone not null default now(),
      completed_on timestamp with time zone,
      keep_until timestamp with time zone NOT NULL default now() + interval '14 days',
      output jsonb,
      dead_letter text,
      policy text
    ) PARTITION BY LIST (name)
  $ddl$;
  execute $ddl$
    ALTER TABLE pgboss.job ADD PRIMARY KEY (name, id)
  $ddl$;
  execute $ddl$
    CREATE TABLE pgboss.archive (LIKE pgboss.job)
  $ddl$;
  execute $ddl$
    ALTER TABLE pgboss.archive ADD PRIMARY KEY (name, id)
  $ddl$;
  execute $ddl$
    ALTER TABLE pgboss.archive ADD archived_on timestamptz NOT NULL DEFAULT now()
  $ddl$;
  execute $ddl$
    CREATE INDEX archive_i1 ON pgboss.archive(archived_on)
  $ddl$;
  execute $ddl$
    CREATE FUNCTION pgboss.create_queue(queue_name text, options json)
    RETURNS VOID AS
    $$
    DECLARE
      table_name varchar := 'j' || encode(sha224(queue_name::bytea), 'hex');
      queue_created_on timestamptz;
    BEGIN

      WITH q as (
      INSERT INTO pgboss.queue (
        name,
        policy,
        retry_limit,
        retry_delay,
        retry_backoff,
        expire_seconds,
        retention_minutes,
        dead_letter,
        partition_name
      )
      VALUES (
        queue_name,
        options->>'policy',
        (options->>'retryLimit')::int,
        (options->>'retryDelay')::int,
        (options->>'retryBackoff')::bool,
        (options->>'expireInSeconds')::int,
        (options->>'retentionMinutes')::int,
        options->>'deadLetter',
        table_name
      )
      ON CONFLICT DO NOTHING
      RETURNING created_on
      )
      SELECT created_on into queue_created_on from q;

      IF queue_created_on IS NULL THEN
        RETURN;
      END IF;

      EXECUTE format('CREATE TABLE pgboss.%I (LIKE pgboss.job INCLUDING DEFAULTS)', table_name);

      EXECUTE format('ALTER TABLE pgboss.%1$I ADD PRIMARY KEY (name, id)', table_name);
      EXECUTE format('ALTER TABLE pgboss.%1$I ADD CONSTRAINT q_fkey FOREIGN KEY (name) REFERENCES pgboss.queue (name) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED', table_name);
      EXECUTE format('ALTER TABLE pgboss.%1$I ADD CONSTRAINT dlq_fkey FOREIGN KEY (dead_letter) REFERENCES pgboss.queue (name) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED', table_name);
      EXECUTE format('CREATE UNIQUE INDEX %1$s_i1 ON pgboss.%1$I (name, COALESCE(singleton_key, '''')) WHERE state = ''created'' AND policy = ''short''', table_name);
      EXECUTE format('CREATE UNIQUE INDEX %1$s_i2 ON pgboss.%1$I (name, COALESCE(singleton_key, '''')) WHERE state = ''active'' AND policy = ''singleton''', table_name);
      EXECUTE format('CREATE UNIQUE INDEX %1$s_i3 ON pgboss.%1$I (name, state, COALESCE(singleton_key, '''')) WHERE state <= ''active'' AND policy = ''stately''', table_name);
      EXECUTE format('CREATE UNIQUE INDEX %1$s_i4 ON pgboss.%1$I (name, singleton_on, COALESCE(singleton_key, '''')) WHERE state <> ''cancelled'' AND singleton_on IS NOT NULL', table_name);
      EXECUTE format('CREATE INDEX %1$s_i5 ON pgboss.%1$I (name, start_after) INCLUDE (priority, created_on, id) WHERE state < ''active''', table_name);

      EXECUTE format('ALTER TABLE pgboss.%I ADD CONSTRAINT cjc CHECK (name=%L)', table_name, queue_name);
      EXECUTE format('ALTER TABLE pgboss.job ATTACH PARTITION pgboss.%I FOR VALUES IN (%L)', table_name, queue_name);
    END;
    $$
    LANGUAGE plpgsql
  $ddl$;
  execute $ddl$
    CREATE FUNCTION pgboss.delete_queue(queue_name text)
    RETURNS VOID AS
    $$
    DECLARE
      table_name varchar;
    BEGIN
      WITH deleted as (
        DELETE FROM pgboss.queue
        WHERE name = queue_name
        RETURNING partition_name
      )
      SELECT partition_name from deleted INTO table_name;

      EXECUTE format('DROP TABLE IF EXISTS pgboss.%I', table_name);
    END;
    $$
    LANGUAGE plpgsql
  $ddl$;
  execute $ddl$
    INSERT INTO pgboss.version(version) VALUES ('24')
  $ddl$;
end
$pgboss$;

-- The product queues, so that jobs can be enqueued from SQL before the worker first starts.
-- Their options mirror jobs/queues/*.ts; the worker re-applies those at every start (the registry
-- wins), and tests/jobs/migration.test.ts fails if the two drift apart.
select pgboss.create_queue('send-email-dead', json_build_object(
  'policy', 'standard', 'retryLimit', 0, 'retryDelay', 0, 'retryBackoff', false,
  'expireInSeconds', 60, 'retentionMinutes', 43200));
select pgboss.create_queue('send-email', json_build_object(
  'policy', 'standard', 'retryLimit', 8, 'retryDelay', 5, 'retryBackoff', true,
  'expireInSeconds', 60, 'retentionMinutes', 20160, 'deadLetter', 'send-email-dead'));
select pgboss.create_queue('prune-email-deliveries', json_build_object(
  'policy', 'singleton', 'retryLimit', 2, 'retryDelay', 60, 'retryBackoff', true,
  'expireInSeconds', 600, 'retentionMinutes', 20160));

-- ─── Grants ────────────────────────────────────────────────────────────────────────────────────

-- pg-boss's tables belong to the database owner the worker connects as; the API roles get nothing.
revoke all on schema pgboss from public;

-- `app` holds the helpers policies and functions share. It is not exposed by the REST API.
create schema if not exists app;
revoke all on schema app from public;
grant usage on schema app to anon, authenticated, service_role;

-- ─── Row-level security ────────────────────────────────────────────────────────────────────────

-- No policies: only their owner (the worker's role, which bypasses RLS) reads or writes them.
alter table pgboss.job enable row level security;
alter table pgboss.archive enable row level security;
alter table pgboss.queue enable row level security;
alter table pgboss.schedule enable row level security;
alter table pgboss.subscription enable row level security;
alter table pgboss.version enable row level security;

-- ─── Helper functions ──────────────────────────────────────────────────────────────────────────

-- Whether the caller is staff. For now: `app_metadata.role` of the caller's JWT is 'admin' or
-- 'staff' (app_metadata is writable only with the service role). This is the single place the
-- memberships model will replace; policies and RPCs call it as (select app.is_staff()).
create function app.is_staff() returns boolean
language sql stable security definer set search_path = ''
as $$
  select coalesce((select auth.jwt()) -> 'app_metadata' ->> 'role', '') in ('admin', 'staff')
$$;
revoke all on function app.is_staff() from public;
grant execute on function app.is_staff() to anon, authenticated, service_role;

-- Raises 42501 (REST: 403, or 401 without a token) unless the caller is staff. For the RPCs below.
create function app.assert_staff() returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not (select app.is_staff()) then
    raise exception 'only staff can see or act on job queues' using errcode = '42501';
  end if;
end
$$;
revoke all on function app.assert_staff() from public;

-- Enqueues one job in the caller's transaction: if that transaction rolls back, no job exists.
-- `options` (all optional): id (uuid), priority (int), startAfter (seconds or ISO timestamp),
-- singletonKey (text), singletonSeconds (int: throttle, one job per key per window), retryLimit,
-- retryDelay (seconds), retryBackoff (bool), expireInSeconds, deadLetter (queue name).
-- Unset options take the queue's (set from jobs/queues/*.ts). Returns the job id, or null when a
-- singleton/throttle slot is already taken. Mirrors pg-boss 10's own insert (plans.insertJob).
-- Callable by the database owner and the service role: triggers and RPCs that enqueue on behalf of
-- a user are `security definer`. Payloads are validated by the queue's schema when the job runs.
create function app.enqueue_job(queue_name text, payload jsonb default '{}', options jsonb default '{}')
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  queue_row pgboss.queue;
  unknown text;
  starts timestamptz;
  throttle int := (options ->> 'singletonSeconds')::int;
  backoff boolean;
  delay int;
  job_id uuid;
begin
  select * into queue_row from pgboss.queue q where q.name = queue_name;
  if not found then
    raise exception 'unknown job queue "%"', queue_name
      using hint = 'Queues are declared in jobs/queues/ and created by their migration or by the worker at start.';
  end if;
  if jsonb_typeof(coalesce(payload, 'null')) <> 'object' then
    raise exception 'job payload for "%" must be a JSON object', queue_name;
  end if;
  select string_agg(k, ', ') into unknown from jsonb_object_keys(coalesce(options, '{}')) k
  where k not in ('id', 'priority', 'startAfter', 'singletonKey', 'singletonSeconds', 'retryLimit',
                  'retryDelay', 'retryBackoff', 'expireInSeconds', 'deadLetter');
  if unknown is not null then
    raise exception 'unknown job option(s): %', unknown;
  end if;

  starts := case jsonb_typeof(options -> 'startAfter')
    when 'number' then now() + (options ->> 'startAfter')::numeric * interval '1 second'
    when 'string' then (options ->> 'startAfter')::timestamptz
    else now()
  end;
  backoff := coalesce((options ->> 'retryBackoff')::boolean, queue_row.retry_backoff, false);
  delay := coalesce((options ->> 'retryDelay')::int, queue_row.retry_delay, 0);

  insert into pgboss.job (
    id, name, data, priority, start_after, singleton_key, singleton_on, dead_letter, expire_in,
    keep_until, retry_limit, retry_delay, retry_backoff, policy
  ) values (
    coalesce((options ->> 'id')::uuid, gen_random_uuid()),
    queue_name,
    payload,
    coalesce((options ->> 'priority')::int, 0),
    starts,
    options ->> 'singletonKey',
    case when throttle > 0 then
      'epoch'::timestamp + interval '1 second' * (throttle * floor(date_part('epoch', now()) / throttle))
    end,
    coalesce(options ->> 'deadLetter', queue_row.dead_letter),
    coalesce((options ->> 'expireInSeconds')::numeric, queue_row.expire_seconds, 900) * interval '1 second',
    starts + coalesce(queue_row.retention_minutes * interval '1 minute', interval '14 days'),
    coalesce((options ->> 'retryLimit')::int, queue_row.retry_limit, 2),
    case when backoff then greatest(delay, 1) else delay end,
    backoff,
    queue_row.policy
  )
  on conflict do nothing
  returning id into job_id;
  return job_id;
end
$$;
revoke all on function app.enqueue_job(text, jsonb, jsonb) from public, anon, authenticated;
grant execute on function app.enqueue_job(text, jsonb, jsonb) to service_role;

-- ─── RPCs (staff only) ─────────────────────────────────────────────────────────────────────────

-- How many jobs each queue holds in each state.
create function public.job_queue_counts()
returns table (queue text, created bigint, retry bigint, active bigint, completed bigint,
               cancelled bigint, failed bigint, total bigint)
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform app.assert_staff();
  return query
    select q.name,
           count(j.id) filter (where j.state = 'created'),
           count(j.id) filter (where j.state = 'retry'),
           count(j.id) filter (where j.state = 'active'),
           count(j.id) filter (where j.state = 'completed'),
           count(j.id) filter (where j.state = 'cancelled'),
           count(j.id) filter (where j.state = 'failed'),
           count(j.id)
    from pgboss.queue q
    left join pgboss.job j on j.name = q.name
    where q.name not like '\_\_pgboss\_\_%'
    group by q.name
    order by q.name;
end
$$;
revoke all on function public.job_queue_counts() from public, anon, service_role;
grant execute on function public.job_queue_counts() to authenticated;

-- Jobs that failed for good (retries used up), newest first, with the error they failed with.
create function public.failed_jobs(queue_name text default null, max_rows int default 100)
returns table (id uuid, queue text, payload jsonb, error jsonb, retry_count int, retry_limit int,
               created_at timestamptz, failed_at timestamptz)
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform app.assert_staff();
  return query
    select j.id, j.name, j.data, j.output, j.retry_count, j.retry_limit, j.created_on, j.completed_on
    from pgboss.job j
    where j.state = 'failed' and (queue_name is null or j.name = queue_name)
    order by j.completed_on desc
    limit least(greatest(max_rows, 1), 1000);
end
$$;
revoke all on function public.failed_jobs(text, int) from public, anon, service_role;
grant execute on function public.failed_jobs(text, int) to authenticated;

-- Runs a failed job once more, now.
create function public.retry_job(job_id uuid)
returns table (id uuid, queue text, state text)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  current_state text;
begin
  perform app.assert_staff();
  select j.state::text into current_state from pgboss.job j where j.id = job_id;
  if current_state is null then
    raise exception 'no job with id %', job_id;
  elsif current_state <> 'failed' then
    raise exception 'job % is %, only a failed job can be retried', job_id, current_state;
  end if;
  return query
    update pgboss.job j
    set state = 'retry', retry_limit = j.retry_limit + 1, start_after = now(), completed_on = null
    where j.id = job_id and j.state = 'failed'
    returning j.id, j.name, j.state::text;
end
$$;
revoke all on function public.retry_job(uuid) from public, anon, service_role;
grant execute on function public.retry_job(uuid) to authenticated;

-- Cancels a job that has not finished (created, waiting for a retry, or active).
create function public.cancel_job(job_id uuid)
returns table (id uuid, queue text, state text)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  current_state text;
begin
  perform app.assert_staff();
  select j.state::text into current_state from pgboss.job j where j.id = job_id;
  if current_state is null then
    raise exception 'no job with id %', job_id;
  elsif current_state in ('completed', 'cancelled', 'failed') then
    raise exception 'job % is already %, it cannot be cancelled', job_id, current_state;
  end if;
  return query
    update pgboss.job j
    set state = 'cancelled', completed_on = now()
    where j.id = job_id and j.state < 'completed'
    returning j.id, j.name, j.state::text;
end
$$;
revoke all on function public.cancel_job(uuid) from public, anon, service_role;
grant execute on function public.cancel_job(uuid) to authenticated;
