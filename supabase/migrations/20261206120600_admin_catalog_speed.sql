-- public.admin_catalog() in well under 150 ms on the large seed (it took 0.5–1.2 s there), with the
-- same answers. Two costs grew with the data or with the number of shops, both in
-- app.admin_catalog_policy_verdicts():
--
-- 1. `<column> IN ( SELECT ... )` judged on a null row. Postgres answers it by reading the whole
--    subquery into a hash table: the price breaks' policies (`listing_id IN (SELECT l.id FROM
--    product_listings l WHERE ...)`, five of them) read the 160,000 listings five times on every
--    call. On a null row the answer only depends on whether the subquery yields a row at all
--    (NULL IN (empty) is false, NULL IN (anything else) is null), so it is now asked exactly that:
--    `(CASE WHEN EXISTS ( SELECT ... ) THEN NULL::boolean ELSE false END)`, which stops at the
--    first row (app.admin_catalog_null_row_in).
-- 2. app.admin_catalog_relax walked the expression one character at a time with substr(), which is
--    linear in the position in a UTF-8 database, so quadratic overall, and it was given expressions
--    after the caller's helper calls were inlined: for an admin, every `app.staff_shop_ids()` is a
--    literal of all 50 shop ids (2,000 characters), ~20 ms a call. It now walks an array of the
--    characters, and is given the expressions as written, the calls inlined afterwards (the
--    result is the same: inlining only replaces `( SELECT app.fn() AS fn)` texts, which neither
--    rewrite looks into).
-- Everything else is as in 20261206120000_admin_catalog.sql, whose header documents the rules.

-- ─── Helper functions ──────────────────────────────────────────────────────────────────────────

-- The position of the parenthesis that closes the one at `opening` in `chars` (the characters
-- of an expression), quotes skipped; 0 when it is not closed.
create function app.admin_catalog_closing(chars text[], opening integer) returns integer
language plpgsql immutable set search_path = ''
as $$
declare
  depth integer := 0;
  in_quote text;
  ch text;
begin
  for i in opening .. coalesce(array_length(chars, 1), 0) loop
    ch := chars[i];
    if in_quote is not null then
      if ch = in_quote then in_quote := null; end if;
    elsif ch in ('''', '"') then
      in_quote := ch;
    elsif ch = '(' then
      depth := depth + 1;
    elsif ch = ')' then
      depth := depth - 1;
      if depth = 0 then
        return i;
      end if;
    end if;
  end loop;
  return 0;
end
$$;

-- As before (see 20261206120000_admin_catalog.sql): each correlated `EXISTS ( SELECT 1 FROM t a
-- WHERE c )` and `x IN ( SELECT y FROM t a WHERE c )` relaxed, NOT EXISTS and NOT IN left alone;
-- the same output, found with app.admin_catalog_closing instead of a substr() per character.
create or replace function app.admin_catalog_relax(expression text, readable jsonb) returns text
language plpgsql stable security invoker set search_path = ''
as $$
declare
  result text := '';
  rest text := expression;
  at_exists integer;
  at_in integer;
  found integer;
  opening integer;
  i integer;
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
    i := app.admin_catalog_closing(string_to_array(rest, null), opening);
    exit when i = 0;
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

-- A policy expression of table `relid` ready to be judged on a null row of that table: each
-- `<column> IN ( SELECT ... )` whose column is one of the table's (pg_get_expr prints the policy's
-- own columns unqualified, and every column inside a subquery qualified) becomes what it is
-- worth there, `(CASE WHEN EXISTS ( SELECT ... ) THEN NULL::boolean ELSE false END)`: the same
-- value, without reading the whole subquery. Any other text is left as it is.
create function app.admin_catalog_null_row_in(expression text, relid oid) returns text
language plpgsql stable security invoker set search_path = ''
as $$
declare
  result text := '';
  rest text := expression;
  found integer;
  parts text[];
  opening integer;
  i integer;
begin
  if expression is null or position(' IN ( SELECT ' in expression) = 0 then
    return expression;
  end if;
  loop
    -- the first `<identifier> IN ( SELECT ` whose identifier is not qualified
    parts := regexp_match(rest, '(^|[ (])([a-z_][a-z0-9_]*) IN \( SELECT ');
    exit when parts is null;
    found := regexp_instr(rest, '(^|[ (])([a-z_][a-z0-9_]*) IN \( SELECT ', 1, 1, 0, '', 2);
    opening := found + length(parts[2]) + length(' IN ');
    i := app.admin_catalog_closing(string_to_array(rest, null), opening);
    exit when i = 0;
    if exists (select 1 from pg_catalog.pg_attribute a
                where a.attrelid = relid and a.attname = parts[2] and a.attnum > 0 and not a.attisdropped) then
      result := result || substr(rest, 1, found - 1)
        || '(CASE WHEN EXISTS ' || substr(rest, opening, i - opening + 1) || ' THEN NULL::boolean ELSE false END)';
    else
      result := result || substr(rest, 1, i);
    end if;
    rest := substr(rest, i + 1);
  end loop;
  return result || rest;
end
$$;

-- As before, but each expression is rewritten by app.admin_catalog_null_row_in and, in the second
-- round, relaxed while still short, and only then are the caller's helper calls inlined.
create or replace function app.admin_catalog_policy_verdicts() returns jsonb
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
  -- its value written in its place (below, once each expression is in its final shape).
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

  first := app.admin_catalog_evaluate((
    select coalesce(jsonb_agg(jsonb_build_object('key', e.kind || (p ->> 'oid'), 'relid', p ->> 'relid',
             'expression', app.admin_catalog_inline(app.admin_catalog_null_row_in(e.expression, (p ->> 'relid')::oid), calls))), '[]')
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
    select coalesce(jsonb_agg(jsonb_build_object('key', f.key, 'relid', f.relid,
             'expression', app.admin_catalog_inline(app.admin_catalog_null_row_in(f.relaxed, f.relid::oid), calls))), '[]')
      from (
        select e.key, e.relid, app.admin_catalog_relax(e.expression, readable) as relaxed
          from (
            select raw.kind || (p ->> 'oid') as key, p ->> 'relid' as relid, raw.expression
              from jsonb_array_elements(policies) as p
             cross join lateral (values ('using', p ->> 'using'), ('check', p ->> 'check')) as raw (kind, expression)
             where raw.expression like '%( SELECT %'
               and (first ->> (raw.kind || (p ->> 'oid')))::boolean is false
             offset 0 -- filtered before relaxing
          ) as e
      ) as f
     where f.relaxed is not null));

  return (
    select coalesce(jsonb_object_agg(p ->> 'oid', jsonb_strip_nulls(jsonb_build_object(
             'using', (first ->> ('using' || (p ->> 'oid')))::boolean or coalesce((second ->> ('using' || (p ->> 'oid')))::boolean, false),
             'check', (first ->> ('check' || (p ->> 'oid')))::boolean or coalesce((second ->> ('check' || (p ->> 'oid')))::boolean, false)))), '{}')
      from jsonb_array_elements(policies) as p);
end
$$;

revoke all on function app.admin_catalog_closing(text[], integer), app.admin_catalog_null_row_in(text, oid) from public, anon;
grant execute on function app.admin_catalog_closing(text[], integer), app.admin_catalog_null_row_in(text, oid) to authenticated;
