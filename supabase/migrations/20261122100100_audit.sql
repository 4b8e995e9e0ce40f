-- Audit log: who changed which business row, when, and the values before and after. Written only
-- by triggers, readable only by admins, editable by nobody. Each domain's migration registers its
-- tables with app.audit_table('public.<table>').

-- ─── Tables ────────────────────────────────────────────────────────────────────────────────────

-- One insert, update or delete of one business row.
create table public.audit_log (
  id bigint generated always as identity primary key,
  occurred_at timestamptz not null default now(),
  actor_id uuid,
  actor_role text not null,
  table_name text not null,
  row_id text,
  operation text not null check (operation in ('INSERT', 'UPDATE', 'DELETE')),
  old_values jsonb,
  new_values jsonb,
  changed_columns text[]
);
create index audit_log_row_idx on public.audit_log (table_name, row_id, occurred_at desc);
create index audit_log_actor_idx on public.audit_log (actor_id, occurred_at desc);
create index audit_log_occurred_at_idx on public.audit_log (occurred_at desc);

-- ─── Grants ────────────────────────────────────────────────────────────────────────────────────

revoke all on public.audit_log from anon, authenticated, service_role;
grant select on public.audit_log to authenticated, service_role;

-- ─── Triggers ──────────────────────────────────────────────────────────────────────────────────

-- Refuses any change to a row of an append-only table (the audit log, ledgers), for every role.
create function app.refuse_change() returns trigger
language plpgsql set search_path = ''
as $$
begin
  raise exception '% rows cannot be changed or deleted', tg_table_name
    using errcode = '42501', hint = 'This table is append-only: record a correcting entry instead.';
end
$$;

create trigger audit_log_is_append_only before update or delete on public.audit_log
  for each row execute function app.refuse_change();
create trigger audit_log_is_never_truncated before truncate on public.audit_log
  for each statement execute function app.refuse_change();

-- Records one row change. security definer: the caller cannot write the log, the trigger can.
create function app.audit_row() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  old_values jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
  new_values jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
  changed text[];
begin
  if tg_op = 'UPDATE' then
    select array_agg(key order by key) into changed
    from jsonb_each(new_values) as n(key, value)
    where n.value is distinct from old_values -> n.key;
    if changed is null then
      return null;
    end if;
  end if;
  insert into public.audit_log (actor_id, actor_role, table_name, row_id, operation, old_values, new_values, changed_columns)
  values (
    (select auth.uid()),
    coalesce(nullif(current_setting('request.jwt.claim.role', true), ''), (select auth.jwt()) ->> 'role', session_user),
    tg_table_name,
    coalesce(new_values, old_values) ->> 'id',
    tg_op, old_values, new_values, changed
  );
  return null;
end
$$;
revoke all on function app.audit_row() from public;

-- Registers a table with the audit log.
create function app.audit_table(target regclass) returns void
language plpgsql set search_path = ''
as $$
begin
  execute format('create trigger audit_changes after insert or update or delete on %s for each row execute function app.audit_row()', target);
end
$$;
revoke all on function app.audit_table(regclass) from public;

select app.audit_table('public.profiles');
select app.audit_table('public.memberships');

-- ─── Row-level security ────────────────────────────────────────────────────────────────────────

alter table public.audit_log enable row level security;

-- ─── Policies ──────────────────────────────────────────────────────────────────────────────────

create policy "Admins read the audit log" on public.audit_log
  for select to authenticated
  using ((select app.is_admin()));
