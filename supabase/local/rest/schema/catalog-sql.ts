// The catalog queries the schema cache is built from. Run with a superuser connection, never per request.

const SYSTEM_SCHEMAS = `('pg_catalog', 'information_schema', 'pg_toast')`;

export const relationsQuery = `
select c.oid::int8 as oid, n.nspname as schema, c.relname as name, c.relkind as kind,
  obj_description(c.oid, 'pg_class') as description,
  (c.relkind in ('r', 'p') or (c.relkind in ('v', 'f') and (pg_relation_is_updatable(c.oid::regclass, true) & 8) = 8)) as insertable,
  (c.relkind in ('r', 'p') or (c.relkind in ('v', 'f') and (pg_relation_is_updatable(c.oid::regclass, true) & 4) = 4)) as updatable,
  (c.relkind in ('r', 'p') or (c.relkind in ('v', 'f') and (pg_relation_is_updatable(c.oid::regclass, true) & 16) = 16)) as deletable
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('r', 'v', 'm', 'f', 'p') and n.nspname not in ${SYSTEM_SCHEMAS} and n.nspname not like 'pg_temp%'
  and not c.relispartition`;

export const columnsQuery = `
select a.attrelid::int8 as relid, a.attname as name, a.attnum as position,
  not a.attnotnull as nullable,
  format_type(a.atttypid, null) as type,
  case when t.typcategory = 'A' then format_type(t.typelem, null) end as array_item_type,
  pg_get_expr(d.adbin, d.adrelid) as "default",
  information_schema._pg_char_max_length(information_schema._pg_truetypid(a.*, t.*), information_schema._pg_truetypmod(a.*, t.*)) as max_length,
  col_description(a.attrelid, a.attnum) as description,
  coalesce((select array_agg(e.enumlabel::text order by e.enumsortorder) from pg_enum e
            where e.enumtypid = coalesce(nullif(t.typbasetype, 0), t.oid)), '{}') as enum_values,
  a.attgenerated <> '' as generated,
  a.attidentity <> '' as identity
from pg_attribute a
join pg_class c on c.oid = a.attrelid
join pg_namespace n on n.oid = c.relnamespace
join pg_type t on t.oid = a.atttypid
left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'v', 'm', 'f', 'p')
  and n.nspname not in ${SYSTEM_SCHEMAS} and n.nspname not like 'pg_temp%'
order by a.attrelid, a.attnum`;

export const constraintsQuery = `
select con.conname as name, con.contype as type, con.conrelid::int8 as relid, con.confrelid::int8 as frelid,
  array(select a.attname::text from unnest(con.conkey) with ordinality k(n, i)
        join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.i) as columns,
  array(select a.attname::text from unnest(con.confkey) with ordinality k(n, i)
        join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.i) as fcolumns
from pg_constraint con
join pg_namespace n on n.oid = con.connamespace
where con.contype in ('p', 'u', 'f') and n.nspname not in ${SYSTEM_SCHEMAS}
order by con.conrelid, con.conname`;

export const viewRulesQuery = `
select c.oid::int8 as oid, r.ev_action::text as action
from pg_rewrite r
join pg_class c on c.oid = r.ev_class
join pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('v', 'm') and r.rulename = '_RETURN' and n.nspname not in ${SYSTEM_SCHEMAS}`;

export const routinesQuery = `
select p.oid::int8 as oid, n.nspname as schema, p.proname as name,
  obj_description(p.oid, 'pg_proc') as description,
  p.proretset as returns_set, p.prorows::float8 as rows, p.provolatile as volatility, p.provariadic <> 0 as has_variadic,
  coalesce(p.proargnames, '{}') as arg_names,
  coalesce(p.proargmodes::text[], array_fill('i'::text, array[p.pronargs::int])) as arg_modes,
  coalesce((select array_agg(format_type(u.t, null) order by u.i)
            from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality u(t, i)), '{}') as arg_types,
  coalesce((select array_agg(ty.typname::text order by u.i)
            from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality u(t, i)
            join pg_type ty on ty.oid = u.t), '{}') as arg_type_names,
  coalesce((select array_agg(ty.typrelid::int8 order by u.i)
            from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality u(t, i)
            join pg_type ty on ty.oid = u.t), '{}') as arg_type_relids,
  p.pronargdefaults as n_defaults,
  rn.nspname as return_schema, rt.typname as return_name,
  -- A bare RETURNS record (no OUT/TABLE parameters) is a scalar to PostgREST: its value is sent as an object.
  (rt.typrelid <> 0 or (rt.oid = 'record'::regtype and coalesce(p.proargmodes::text[] && '{t,b,o}', false))) as returns_composite,
  rt.oid = 'void'::regtype as returns_void,
  rc.relname as return_relation, rcn.nspname as return_relation_schema
from pg_proc p
join pg_namespace n on n.oid = p.pronamespace
join pg_type rt on rt.oid = p.prorettype
join pg_namespace rn on rn.oid = rt.typnamespace
left join pg_class rc on rc.oid = rt.typrelid and rc.relkind in ('r', 'v', 'm', 'f', 'p')
left join pg_namespace rcn on rcn.oid = rc.relnamespace
where p.prokind = 'f' and n.nspname not in ${SYSTEM_SCHEMAS}`;

export const roleSettingsQuery = `
select r.rolname as role, unnest(s.setconfig) as setting
from pg_db_role_setting s
join pg_roles r on r.oid = s.setrole
where s.setdatabase in (0, (select oid from pg_database where datname = current_database()))
order by s.setdatabase`;

export const timezonesQuery = `select name from pg_timezone_names`;
