-- The admin's catalog: public.admin_catalog() tells the signed-in user which tables and views of
-- the REST API they may reach, with their columns, keys, comments and what the user may do with
-- each. The admin (admin/src/catalog/) builds its generated CRUD from it at run time, so a table
-- added in a migration appears after a reload, and an action the database would refuse is not
-- offered. An RPC rather than PostgREST's OpenAPI document, which hosted Supabase restricts.
--
-- The JSON is admin/src/catalog/types.ts `Catalog`. The function is `security invoker`: every
-- privilege, policy and membership below is judged as the caller, never as the owner.
--
-- How "may the user do X on table T" is judged (`can`):
--   1. the privilege: has_table_privilege, or, for insert and update, a privilege on any column
--      (tables that grant insert/update column by column);
--   2. when T has row-level security on and the caller does not bypass it (a bypassrls role, or
--      the owner of a table without FORCE): at least one permissive policy for the command that
--      applies to the caller's roles, and every such restrictive policy, must be "passable".
--      A policy is judged by evaluating its expression against a row of all NULLs: false means
--      it cannot pass; true or null (unknown: it depends on the row) means it can. So
--      `(select app.is_admin())` is judged exactly, and `shop_id = any (app.staff_shop_ids())`
--      is "can" for staff of some shop (null = any('{x}') is null) and "cannot" for a supplier
--      (null = any('{}') is false). Select uses USING; insert WITH CHECK (or USING for FOR ALL);
--      update both USING and WITH CHECK (or USING); delete USING. Update and delete also need
--      select (PostgREST always filters on the key, which reads the row).
--      A policy that looks at other rows through a subquery depends on the rows there now:
--      `exists (select 1 from conversations c where c.id = messages.conversation_id and ...)` is
--      always false on a null row, `listing_id in (select l.id from product_listings l where ...)`
--      is false while no listing exists. So a policy found false is judged again with each such
--      `exists (select 1 from X x where <condition>)` and `<col> in (select ... from X x where
--      <condition>)` read as "the caller may read X (by this same rule) and <condition> is not
--      false on a null row of X": staff of a shop are offered messages (their conversations' shop
--      condition is null = any('{a}')), a marketer is not (null = any('{}') is false), and
--      suppliers get supplier order items only because they may read supplier orders.
--      NOT EXISTS and NOT IN are not relaxed; a subquery without WHERE or over several tables
--      is judged as it stands.
--      A policy whose evaluation raises an error counts as passable: the database still guards
--      the data, the admin merely offers an action that may be refused.
--   Views: the privilege, and whether Postgres can write through the view
--   (pg_relation_is_updatable); a security_invoker view is readable only when every relation it
--   reads is (their policies judge the caller when the view is read).
-- Column `insertable` / `updatable`: the table's `can`, the column privilege, not generated or
-- identity, and the role limits of app.limit_update_columns triggers: a caller holding that
-- trigger's role who is neither admin nor staff may update only the columns it lists.
--
-- Comments: a table, view or column comment that is a JSON object is returned as `comment`
-- (the admin validates its keys with admin/src/catalog/comments.ts); any other comment text is
-- returned as `description`. See supabase/README.md, "The admin's catalog and the comment convention".

-- ─── Helper functions ──────────────────────────────────────────────────────────────────────────

-- Evaluates boolean expressions on null rows: items is [{ "key", "relid", "expression" }], each
-- expression written against its table (relid), which is aliased by its name over a row of all
-- NULLs. Returns { key: "(expression) is not false" }. One statement for all; if it fails, one per
-- table, and a table whose expressions still fail is left out (unknown, see the header).
create function app.admin_catalog_evaluate(items jsonb) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  per_table text[];
  statement text;
  result jsonb := '{}';
  part jsonb;
begin
  select coalesce(array_agg(t.statement), '{}') into per_table
    from (
      select format('(select %s from (select (null::%s).*) as %I)',
                    string_agg(format('jsonb_build_object(%L, (%s) is not false)', i.item ->> 'key', i.item ->> 'expression'), ' || '),
                    c.oid::regclass, c.relname) as statement
        from jsonb_array_elements(items) as i (item)
        join pg_catalog.pg_class c on c.oid = (i.item ->> 'relid')::oid
       group by c.oid, c.relname
    ) as t;
  if cardinality(per_table) = 0 then
    return result;
  end if;
  begin
    execute 'select ' || array_to_string(per_table, ' || ') into result;
    return result;
  exception when others then
    result := '{}';
  end;
  foreach statement in array per_table loop
    begin
      execute 'select ' || statement into part;
      result := result || part;
    exception when others then
      raise log 'admin_catalog: policies not evaluated on a null row (%): %', left(statement, 200), sqlerrm;
    end;
  end loop;
  return result;
end
$$;

-- A policy expression with each subquery that looks into another table relaxed, so that its
-- verdict no longer hangs on the rows that table holds now: `EXISTS ( SELECT 1 FROM <table>
-- <alias> WHERE <condition> )` and `<x> IN ( SELECT <y> FROM <table> <alias> WHERE <condition> )`
-- (the shapes pg_get_expr prints) become "the caller may read <table> (readable:
-- { "<table oid>": bool }) and <condition> is not false on a null row of it" (for IN: and <x> is
-- null, as it is on the null row). Null when there is no such subquery. NOT EXISTS and NOT IN are
-- left alone: relaxing them would work the wrong way round.
create function app.admin_catalog_relax(expression text, readable jsonb) returns text
language plpgsql stable security invoker set search_path = ''
as $$
declare
  result text := '';
  rest text := expression;
  at_exists integer;
  at_in integer;
  found integer;
  opening integer;
  depth integer;
  i integer;
  ch text;
  in_quote text;
  sublink text;
  parts text[];
  target regclass;
  may_read boolean;
  relaxed boolean := false;
begin
  if expression is null then
    return null;
  end if;
  loop
    at_exists := position('EXISTS ( SELECT ' in rest);
    at_in := position(' IN ( SELECT ' in rest);
    exit when at_exists = 0 and at_in = 0;
    if at_in = 0 or (at_exists > 0 and at_exists < at_in) then
      found := at_exists;
      opening := found + length('EXISTS ');
    else
      found := at_in;
      opening := found + length(' IN ');
    end if;
    -- from the opening parenthesis to the one that closes it, quotes skipped
    i := opening;
    depth := 0;
    in_quote := null;
    loop
      exit when i > length(rest);
      ch := substr(rest, i, 1);
      if in_quote is not null then
        if ch = in_quote then in_quote := null; end if;
      elsif ch in ('''', '"') then
        in_quote := ch;
      elsif ch = '(' then
        depth := depth + 1;
      elsif ch = ')' then
        depth := depth - 1;
        exit when depth = 0;
      end if;
      i := i + 1;
    end loop;
    exit when depth <> 0;
    sublink := substr(rest, opening + 2, i - opening - 2);
    parts := regexp_match(sublink, '^SELECT .+?\s+FROM ((?:[a-z_][a-z0-9_]*\.)?[a-z_][a-z0-9_]*) ([a-z_][a-z0-9_]*)\s+WHERE (.*)$');
    target := to_regclass(parts[1]);
    if target is null or (found = at_exists and sublink !~ '^SELECT 1\s')
       or substr(rest, 1, found - 1) ~ 'NOT\s*\(?\s*$'                          -- NOT EXISTS
       or (found = at_in and substr(rest, 1, found - 1) ~ 'NOT \(\s*[a-z_][a-z0-9_.]*$') then -- NOT (x IN ...)
      result := result || substr(rest, 1, i);
    else
      may_read := coalesce((readable ->> target::oid::text)::boolean,
        not (select c.relrowsecurity from pg_catalog.pg_class c where c.oid = target)
          and pg_catalog.has_any_column_privilege(target, 'SELECT'));
      result := result || substr(rest, 1, found - 1)
        || case when found = at_in then ' IS NULL AND ' else '' end
        || format('(%s and (select (%s) is not false from (select (null::%s).*) as %s))',
                  case when may_read then 'true' else 'false' end, parts[3], target, parts[2]);
      relaxed := true;
    end if;
    rest := substr(rest, i + 1);
  end loop;
  return case when relaxed then result || rest end;
end
$$;

-- An expression with each text that is a key of `calls` replaced by its value.
create function app.admin_catalog_inline(expression text, calls jsonb) returns text
language plpgsql immutable set search_path = ''
as $$
declare
  call record;
begin
  if expression is null then
    return null;
  end if;
  for call in select key, value from jsonb_each_text(calls) loop
    expression := replace(expression, call.key, call.value);
  end loop;
  return expression;
end
$$;

-- Whether each policy that applies to the caller on the public tables they may read can pass,
-- as { "<policy oid>": { "using": bool, "check": bool } } (a key is absent when the policy has no
-- such expression, or when it could not be evaluated). Two rounds: every expression on a null row;
-- then, for those found false that look into another table through a correlated subquery, the
-- same expression relaxed by app.admin_catalog_relax with what the first round says the caller
-- may read.
create function app.admin_catalog_policy_verdicts() returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  policies jsonb;
  call text;
  value text;
  value_type text;
  calls jsonb := '{}';
  first jsonb;
  readable jsonb;
  second jsonb;
begin
  select coalesce(jsonb_agg(jsonb_build_object(
           'oid', p.oid::text, 'relid', c.oid::text, 'cmd', p.polcmd, 'permissive', p.polpermissive,
           'using', pg_catalog.pg_get_expr(p.polqual, p.polrelid),
           'check', pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid))), '[]')
    into policies
    from pg_catalog.pg_class c
    join pg_catalog.pg_policy p on p.polrelid = c.oid
   where c.relnamespace = 'public'::regnamespace
     and c.relkind in ('r', 'p')
     and c.relrowsecurity
     and pg_catalog.has_any_column_privilege(c.oid, 'SELECT')
     and (p.polroles = '{0}' or exists (
           select 1 from pg_catalog.unnest(p.polroles) as member (oid) where pg_catalog.pg_has_role(current_user, member.oid, 'USAGE')));

  -- Policies call their helpers as `(select app.fn())`: each such call is made once here and
  -- its value written in its place, so that hundreds of policies do not make hundreds of calls.
  for call in
    select distinct m.found[1]
      from jsonb_array_elements(policies) as p
     cross join lateral regexp_matches(coalesce(p ->> 'using', '') || ' ' || coalesce(p ->> 'check', ''),
                                       '(\( SELECT [a-z_]+\.[a-z_]+\(\) AS [a-z_]+\))', 'g') as m (found)
  loop
    begin
      execute format('select %s::text, pg_catalog.pg_typeof(%s)::text', call, call) into value, value_type;
      calls := calls || jsonb_build_object(call, format('(%s::%s)', coalesce(quote_literal(value), 'NULL'), value_type));
    exception when others then
      null; -- left as written: evaluated where it stands
    end;
  end loop;
  if calls <> '{}' then
    select jsonb_agg(p || jsonb_build_object('using', app.admin_catalog_inline(p ->> 'using', calls),
                                             'check', app.admin_catalog_inline(p ->> 'check', calls)))
      into policies
      from jsonb_array_elements(policies) as p;
  end if;

  first := app.admin_catalog_evaluate((
    select coalesce(jsonb_agg(jsonb_build_object('key', e.kind || (p ->> 'oid'), 'relid', p ->> 'relid', 'expression', e.expression)), '[]')
      from jsonb_array_elements(policies) as p
     cross join lateral (values ('using', p ->> 'using'), ('check', p ->> 'check')) as e (kind, expression)
     where e.expression is not null));

  -- What the caller may read after the first round: a table with RLS, through its select policies.
  select coalesce(jsonb_object_agg(t.relid, t.ok), '{}') into readable
    from (
      select p ->> 'relid' as relid,
             coalesce(bool_or((p ->> 'permissive')::boolean and coalesce((first ->> ('using' || (p ->> 'oid')))::boolean, true)), false)
               and not coalesce(bool_or(not (p ->> 'permissive')::boolean and not coalesce((first ->> ('using' || (p ->> 'oid')))::boolean, true)), false)
               as ok
        from jsonb_array_elements(policies) as p
       where p ->> 'cmd' in ('r', '*')
       group by p ->> 'relid'
    ) as t;

  second := app.admin_catalog_evaluate((
    select coalesce(jsonb_agg(jsonb_build_object('key', f.key, 'relid', f.relid, 'expression', f.relaxed)), '[]')
      from (
        select e.key, e.relid, app.admin_catalog_relax(e.expression, readable) as relaxed
          from (
            select raw.kind || (p ->> 'oid') as key, p ->> 'relid' as relid, raw.expression
              from jsonb_array_elements(policies) as p
             cross join lateral (values ('using', p ->> 'using'), ('check', p ->> 'check')) as raw (kind, expression)
             where raw.expression like '%( SELECT %'
             offset 0 -- filtered before relaxing
          ) as e
         where (first ->> e.key)::boolean is false
      ) as f
     where f.relaxed is not null));

  return (
    select coalesce(jsonb_object_agg(p ->> 'oid', jsonb_strip_nulls(jsonb_build_object(
             'using', (first ->> ('using' || (p ->> 'oid')))::boolean or coalesce((second ->> ('using' || (p ->> 'oid')))::boolean, false),
             'check', (first ->> ('check' || (p ->> 'oid')))::boolean or coalesce((second ->> ('check' || (p ->> 'oid')))::boolean, false)))), '{}')
      from jsonb_array_elements(policies) as p);
end
$$;

-- A comment's text as the catalog gives it: { comment: <the JSON object> | null, description: <other text> | null }.
create function app.admin_catalog_comment(comment_text text) returns jsonb
language sql immutable set search_path = ''
as $$
  select case
    when comment_text is null then jsonb_build_object('comment', null, 'description', null)
    when pg_catalog.pg_input_is_valid(comment_text, 'jsonb') and jsonb_typeof(comment_text::jsonb) = 'object'
      then jsonb_build_object('comment', comment_text::jsonb, 'description', null)
    else jsonb_build_object('comment', null, 'description', comment_text)
  end
$$;

revoke all on function app.admin_catalog_evaluate(jsonb), app.admin_catalog_relax(text, jsonb), app.admin_catalog_inline(text, jsonb),
  app.admin_catalog_policy_verdicts(), app.admin_catalog_comment(text) from public, anon;
grant execute on function app.admin_catalog_evaluate(jsonb), app.admin_catalog_relax(text, jsonb), app.admin_catalog_inline(text, jsonb),
  app.admin_catalog_policy_verdicts(), app.admin_catalog_comment(text) to authenticated;

-- ─── RPCs ──────────────────────────────────────────────────────────────────────────────────────

create function public.admin_catalog() returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  caller_roles text[];
  caller jsonb;
  resources jsonb;
begin
  if uid is null then
    raise exception 'the admin catalog is for signed-in users' using errcode = '42501';
  end if;

  -- The caller's own memberships (their policy lets everyone read their own).
  select coalesce(array_agg(distinct m.role::text order by m.role::text), '{}') into caller_roles
    from public.memberships m where m.user_id = uid;

  select jsonb_build_object(
           'id', uid,
           'email', (select auth.jwt()) ->> 'email',
           'display_name', p.display_name,
           'locale', coalesce(p.locale, 'fr'),
           'roles', to_jsonb(caller_roles),
           'shop_ids', to_jsonb(array(select distinct s from unnest(app.staff_shop_ids() || app.marketing_shop_ids()) as s order by s)),
           'supplier_ids', to_jsonb(app.supplier_ids()))
    into caller
    from (select 1) as one
    left join public.profiles p on p.id = uid;

  -- No plpgsql variable below: the statement is planned once per session, not at every call.
  with state as materialized (
    select app.admin_catalog_policy_verdicts() as verdicts,
           r.rolbypassrls or r.rolsuper as bypasses_rls,
           (select coalesce(array_agg(distinct m.role::text), '{}') from public.memberships m
             where m.user_id = (select auth.uid())) as caller_roles
      from pg_catalog.pg_roles r where r.rolname = current_user
  ),
  relations as (
    select c.oid, c.relname, c.relkind, c.relowner, c.relrowsecurity, c.relforcerowsecurity, c.reltuples,
           case when c.relkind in ('v', 'm') then 'view' else 'table' end as kind,
           -- table-wide privileges, so that columns are asked about only when these say no
           pg_catalog.has_table_privilege(c.oid, 'SELECT') as all_select,
           pg_catalog.has_table_privilege(c.oid, 'INSERT') as all_insert,
           pg_catalog.has_table_privilege(c.oid, 'UPDATE') as all_update,
           c.relkind = 'v' and exists (select 1 from unnest(c.reloptions) as o (option)
                                        where o.option ~* '^security_invoker=(true|on|yes|1)$') as invoker_view
      from pg_catalog.pg_class c
     where c.relnamespace = 'public'::regnamespace
       and c.relkind in ('r', 'p', 'v', 'm', 'f')
       and pg_catalog.has_any_column_privilege(c.oid, 'SELECT')
       -- tables that an extension installed in public are not the business's
       and not exists (select 1 from pg_catalog.pg_depend d
                        where d.classid = 'pg_catalog.pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
  ),
  -- Policies that apply to the caller, with their verdicts; polcmd: r select, a insert, w update, d delete, * all.
  applicable as (
    select p.polrelid, p.polcmd, p.polpermissive,
           coalesce(((select state.verdicts from state) -> p.oid::text ->> 'using')::boolean, true) as using_ok,
           coalesce(((select state.verdicts from state) -> p.oid::text ->> 'check')::boolean, ((select state.verdicts from state) -> p.oid::text ->> 'using')::boolean, true) as check_ok
      from pg_catalog.pg_policy p
      join relations r on r.oid = p.polrelid
     where p.polroles = '{0}' or exists (
             select 1 from pg_catalog.unnest(p.polroles) as member (oid) where pg_catalog.pg_has_role(current_user, member.oid, 'USAGE'))
  ),
  -- Per table and command, whether row-level security lets some row through.
  rls as (
    select r.oid,
           not r.relrowsecurity or (select state.bypasses_rls from state) or (pg_catalog.pg_has_role(current_user, r.relowner, 'USAGE') and not r.relforcerowsecurity)
             as bypassed
      from relations r
  ),
  passes as materialized (
    select r.oid, cmd.name,
           rls.bypassed or (
             exists (select 1 from applicable a
                      where a.polrelid = r.oid and a.polpermissive and a.polcmd in (cmd.code, '*')
                        and case cmd.name when 'insert' then a.check_ok when 'update' then a.using_ok and a.check_ok else a.using_ok end)
             and not exists (select 1 from applicable a
                      where a.polrelid = r.oid and not a.polpermissive and a.polcmd in (cmd.code, '*')
                        and not case cmd.name when 'insert' then a.check_ok when 'update' then a.using_ok and a.check_ok else a.using_ok end)
           ) as ok
      from relations r
      join rls on rls.oid = r.oid
     cross join (values ('select', 'r'::"char"), ('insert', 'a'), ('update', 'w'), ('delete', 'd')) as cmd (name, code)
  ),
  -- The relations a security_invoker view reads: their policies judge the caller when the view
  -- is read, so the view is readable only when each of them is.
  view_sources as materialized (
    select distinct rw.ev_class as oid, d.refobjid as source
      from pg_catalog.pg_rewrite rw
      join relations r on r.oid = rw.ev_class and r.invoker_view
      join pg_catalog.pg_depend d on d.classid = 'pg_catalog.pg_rewrite'::regclass and d.objid = rw.oid
                                 and d.refclassid = 'pg_catalog.pg_class'::regclass and d.refobjid <> rw.ev_class
  ),
  readable as (
    select r.oid,
           sel.ok and not exists (
             select 1 from view_sources vs
               left join passes source on source.oid = vs.source and source.name = 'select'
              where vs.oid = r.oid and not coalesce(source.ok, pg_catalog.has_any_column_privilege(vs.source, 'SELECT')))
             as ok
      from relations r
      join passes sel on sel.oid = r.oid and sel.name = 'select'
  ),
  abilities as materialized (
    select r.oid,
           sel.ok as can_select,
           pg_catalog.has_any_column_privilege(r.oid, 'INSERT') and ins.ok
             and (r.kind = 'table' or pg_catalog.pg_relation_is_updatable(r.oid, true) & 8 = 8) as can_insert,
           sel.ok and pg_catalog.has_any_column_privilege(r.oid, 'UPDATE') and upd.ok
             and (r.kind = 'table' or pg_catalog.pg_relation_is_updatable(r.oid, true) & 4 = 4) as can_update,
           sel.ok and pg_catalog.has_table_privilege(r.oid, 'DELETE') and del.ok
             and (r.kind = 'table' or pg_catalog.pg_relation_is_updatable(r.oid, true) & 16 = 16) as can_delete
      from relations r
      join readable sel on sel.oid = r.oid
      join passes ins on ins.oid = r.oid and ins.name = 'insert'
      join passes upd on upd.oid = r.oid and upd.name = 'update'
      join passes del on del.oid = r.oid and del.name = 'delete'
  ),
  -- Columns that app.limit_update_columns lets the caller update, per table, when a limit applies
  -- to them (tgargs: the role, then the columns, each followed by a NUL byte).
  limits as materialized (
    select t.tgrelid as oid, array_agg(allowed.col) as columns
      from pg_catalog.pg_trigger t
      join relations r on r.oid = t.tgrelid
     cross join lateral (select string_to_array(regexp_replace(encode(t.tgargs, 'escape'), '\\000$', ''), '\000') as args) as a
     cross join lateral unnest(a.args[2:]) as allowed (col)
     where t.tgfoid = 'app.limit_update_columns'::regproc
       and t.tgenabled <> 'D'
       and not (select state.caller_roles && array['admin', 'staff'] from state)
       and a.args[1] = any ((select state.caller_roles from state)::text[])
     group by t.tgrelid
  ),
  keys as materialized (
    select k.conrelid as oid,
           jsonb_agg(a.attname order by u.ord) as primary_key
      from pg_catalog.pg_constraint k
      join relations r on r.oid = k.conrelid
     cross join lateral unnest(k.conkey) with ordinality as u (attnum, ord)
      join pg_catalog.pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum
     where k.contype = 'p'
     group by k.conrelid
  ),
  foreign_keys as materialized (
    select distinct on (k.conrelid, k.conkey[1])
           k.conrelid as oid, k.conkey[1] as attnum,
           jsonb_build_object('schema', tn.nspname, 'table', tc.relname, 'column', ta.attname) as target
      from pg_catalog.pg_constraint k
      join relations r on r.oid = k.conrelid
      join pg_catalog.pg_class tc on tc.oid = k.confrelid
      join pg_catalog.pg_namespace tn on tn.oid = tc.relnamespace
      join pg_catalog.pg_attribute ta on ta.attrelid = k.confrelid and ta.attnum = k.confkey[1]
     where k.contype = 'f' and cardinality(k.conkey) = 1
     order by k.conrelid, k.conkey[1], k.conname
  ),
  -- A tsvector column with a GIN index on it; its text search configuration when a regconfig
  -- literal shows in its generation expression or in the functions that expression calls.
  searches as materialized (
    select distinct on (a.attrelid)
           a.attrelid as oid,
           jsonb_build_object('column', a.attname, 'config', (
             select substring(string_agg(coalesce(pg_catalog.pg_get_expr(d.adbin, d.adrelid), '') || ' ' || coalesce(f.prosrc, ''), ' ')
                              from '''([a-z_.]+)''::regconfig')
               from pg_catalog.pg_attrdef d
               left join pg_catalog.pg_depend dep on dep.classid = 'pg_catalog.pg_attrdef'::regclass and dep.objid = d.oid
                                                  and dep.refclassid = 'pg_catalog.pg_proc'::regclass
               left join pg_catalog.pg_proc f on f.oid = dep.refobjid
              where d.adrelid = a.attrelid and d.adnum = a.attnum)) as search
      from pg_catalog.pg_attribute a
      join relations r on r.oid = a.attrelid
      join pg_catalog.pg_index i on i.indrelid = a.attrelid and i.indkey[0] = a.attnum
      join pg_catalog.pg_class ic on ic.oid = i.indexrelid
      join pg_catalog.pg_am am on am.oid = ic.relam and am.amname = 'gin'
     where a.atttypid = 'pg_catalog.tsvector'::regtype and not a.attisdropped
     order by a.attrelid, a.attnum
  ),
  -- Table (attnum 0) and column comments, parsed once.
  comments as materialized (
    select d.objoid as oid, d.objsubid as attnum, app.admin_catalog_comment(d.description) as parsed
      from pg_catalog.pg_description d
      join relations r on r.oid = d.objoid
     where d.classoid = 'pg_catalog.pg_class'::regclass
  ),
  enums as materialized (
    select e.enumtypid, jsonb_agg(e.enumlabel order by e.enumsortorder) as labels
      from pg_catalog.pg_enum e
     group by e.enumtypid
  ),
  -- Text columns whose only check lists their values (`status text check (status in (...))`,
  -- the data model's statuses): the values, in the order the check lists them.
  check_values as materialized (
    select distinct on (k.conrelid, k.conkey[1])
           k.conrelid as oid, k.conkey[1] as attnum,
           (select jsonb_agg(replace(v.m[1], '''''', '''') order by v.ord)
              from regexp_matches(k.definition, '''((?:[^'']|'''')*)''::[a-z ]+', 'g') with ordinality as v (m, ord)) as labels
      from (select c.conrelid, c.conkey, c.conname, pg_catalog.pg_get_constraintdef(c.oid) as definition
              from pg_catalog.pg_constraint c
              join relations r on r.oid = c.conrelid
             where c.contype = 'c' and cardinality(c.conkey) = 1) as k
     where k.definition ~ '^CHECK \(\([a-z_][a-z0-9_]* = ANY \(ARRAY\[(''([^'']|'''')*''::[a-z ]+(, )?)+\]\)\)\)$'
     order by k.conrelid, k.conkey[1], k.conname
  ),
  columns as materialized (
    select a.attrelid as oid,
           jsonb_agg(jsonb_build_object(
             'name', a.attname,
             'type', pg_catalog.format_type(a.atttypid, a.atttypmod),
             'category', base.typcategory,
             'element_type', case when base.typcategory = 'A' then pg_catalog.format_type(base.typelem, null) end,
             'enum', coalesce(en.labels, cv.labels),
             'nullable', not a.attnotnull,
             'default', case when a.attgenerated = '' then pg_catalog.pg_get_expr(d.adbin, d.adrelid) end,
             'generated', a.attgenerated <> '',
             'identity', a.attidentity <> '',
             'max_length', case when base.oid in ('pg_catalog.varchar'::regtype, 'pg_catalog.bpchar'::regtype) and a.atttypmod > 4
                                then a.atttypmod - 4 end,
             'insertable', case when ab.can_insert and a.attgenerated = '' and a.attidentity = ''
                                then r.all_insert or pg_catalog.has_column_privilege(a.attrelid, a.attnum, 'INSERT')
                                else false end,
             'updatable', case when ab.can_update and a.attgenerated = '' and a.attidentity = ''
                                    and (l.columns is null or a.attname::text = any (l.columns))
                               then r.all_update or pg_catalog.has_column_privilege(a.attrelid, a.attnum, 'UPDATE')
                               else false end,
             'references', fk.target,
             'position', a.attnum)
             || coalesce(cm.parsed, app.admin_catalog_comment(null))
             order by a.attnum) as columns
      from pg_catalog.pg_attribute a
      join relations r on r.oid = a.attrelid
      join abilities ab on ab.oid = a.attrelid
      join pg_catalog.pg_type t on t.oid = a.atttypid
      -- a domain is described by its base type
      join pg_catalog.pg_type base on base.oid = case when t.typtype = 'd' then t.typbasetype else t.oid end
      left join pg_catalog.pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
      left join foreign_keys fk on fk.oid = a.attrelid and fk.attnum = a.attnum
      left join limits l on l.oid = a.attrelid
      left join enums en on en.enumtypid = case when base.typcategory = 'A' then base.typelem else base.oid end
      left join comments cm on cm.oid = a.attrelid and cm.attnum = a.attnum
      left join check_values cv on cv.oid = a.attrelid and cv.attnum = a.attnum
     where a.attnum > 0 and not a.attisdropped
       and (r.all_select or pg_catalog.has_column_privilege(a.attrelid, a.attnum, 'SELECT'))
     group by a.attrelid
  )
  select coalesce(jsonb_agg(jsonb_build_object(
           'schema', 'public',
           'name', r.relname,
           'kind', r.kind,
           'primary_key', coalesce(k.primary_key, '[]'),
           'can', jsonb_build_object('select', ab.can_select, 'insert', ab.can_insert, 'update', ab.can_update, 'delete', ab.can_delete),
           'search', s.search,
           'columns', coalesce(col.columns, '[]'),
           'estimated_rows', greatest(r.reltuples, 0)::bigint)
           || coalesce(cm.parsed, app.admin_catalog_comment(null))
           order by r.relname), '[]')
    into resources
    from relations r
    join abilities ab on ab.oid = r.oid
    left join keys k on k.oid = r.oid
    left join searches s on s.oid = r.oid
    left join columns col on col.oid = r.oid
    left join comments cm on cm.oid = r.oid and cm.attnum = 0
   where ab.can_select;

  return jsonb_build_object('user', caller, 'resources', resources);
end
$$;

revoke all on function public.admin_catalog() from public, anon, service_role;
grant execute on function public.admin_catalog() to authenticated;
