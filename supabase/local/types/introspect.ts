// What the type generator reads from the catalogue, in one place: the public schema's tables,
// views, columns, foreign keys, functions, enums and composite types, plus every type they name.
import type pg from 'pg';

export type Queryable = Pick<pg.Client, 'query'>;

export interface PgType {
  oid: number;
  name: string;
  schema: string;
  /** b base, c composite, d domain, e enum, p pseudo, r range, m multirange. */
  kind: string;
  elem: number;
  base: number;
  relid: number;
  enums: string[] | null;
}

export interface Relation {
  oid: number;
  name: string;
  /** r table, p partitioned table, f foreign table, v view, m materialized view, c composite type. */
  kind: string;
  updatable: boolean;
}

export interface Column {
  relid: number;
  name: string;
  type: number;
  nullable: boolean;
  hasDefault: boolean;
  /** '' none, 'a' always, 'd' by default. */
  identity: string;
  /** '' no, 's' stored. */
  generated: string;
  updatable: boolean;
}

export interface ForeignKey {
  name: string;
  relation: string;
  columns: string[];
  referencedRelation: string;
  referencedColumns: string[];
  oneToOne: boolean;
}

export interface PgFunction {
  name: string;
  signature: string;
  returnsSet: boolean;
  returnType: number;
  argTypes: number[];
  /** i in, o out, b inout, v variadic, t table column. */
  argModes: string[];
  argNames: string[];
  defaults: number;
}

export interface Catalogue {
  types: Map<number, PgType>;
  relations: Relation[];
  columns: Column[];
  foreignKeys: ForeignKey[];
  functions: PgFunction[];
}

const SCHEMA = `'public'::regnamespace`;

const TYPES = `
  select t.oid::int as oid, t.typname as name, n.nspname as schema, t.typtype as kind, t.typelem::int as elem,
         t.typbasetype::int as base, t.typrelid::int as relid,
         (select array_agg(e.enumlabel::text order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid) as enums
    from pg_type t join pg_namespace n on n.oid = t.typnamespace`;

const RELATIONS = `
  select c.oid::int as oid, c.relname as name, c.relkind as kind,
         (c.relkind = 'v' and pg_relation_is_updatable(c.oid, false) & 28 = 28) as updatable
    from pg_class c
   where c.relnamespace = ${SCHEMA} and c.relkind in ('r', 'p', 'f', 'v', 'm', 'c') and not c.relispartition
   order by c.relname`;

const COLUMNS = `
  select a.attrelid::int as relid, a.attname as name, a.atttypid::int as type,
         not (a.attnotnull or coalesce(t.typnotnull, false)) as nullable, a.atthasdef as "hasDefault",
         a.attidentity::text as identity, a.attgenerated::text as generated,
         c.relkind not in ('v', 'm') or pg_column_is_updatable(c.oid, a.attnum, false) as updatable
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid
    join pg_type t on t.oid = a.atttypid
   where c.relnamespace = ${SCHEMA} and c.relkind in ('r', 'p', 'f', 'v', 'm', 'c') and a.attnum > 0 and not a.attisdropped
   order by a.attrelid, a.attname`;

const FOREIGN_KEYS = `
  select con.conname as name, src.relname as relation,
         array(select a.attname::text from unnest(con.conkey) with ordinality k(attnum, i)
                 join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum order by k.i) as columns,
         ref.relname as "referencedRelation",
         array(select a.attname::text from unnest(con.confkey) with ordinality k(attnum, i)
                 join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum order by k.i) as "referencedColumns",
         exists (select 1 from pg_index i
                  where i.indrelid = con.conrelid and i.indisunique and i.indpred is null
                    and (select array_agg(x order by x) from unnest(i.indkey::int2[]) x) = (select array_agg(x order by x) from unnest(con.conkey) x)
         ) as "oneToOne"
    from pg_constraint con
    join pg_class src on src.oid = con.conrelid
    join pg_class ref on ref.oid = con.confrelid
   where con.contype = 'f' and src.relnamespace = ${SCHEMA} and ref.relnamespace = ${SCHEMA}
   order by con.conname, ref.relname`;

// Functions an API caller can name: not aggregates or procedures, not trigger functions, not
// members of an extension that happens to be installed in public.
const FUNCTIONS = `
  select p.proname as name, pg_get_function_identity_arguments(p.oid) as signature, p.proretset as "returnsSet",
         p.prorettype::int as "returnType",
         coalesce(p.proallargtypes::int[], p.proargtypes::oid[]::int[]) as "argTypes",
         coalesce(p.proargmodes::text[], '{}') as "argModes",
         coalesce(p.proargnames, '{}') as "argNames",
         p.pronargdefaults as defaults
    from pg_proc p
   where p.pronamespace = ${SCHEMA} and p.prokind = 'f'
     and p.prorettype not in ('trigger'::regtype, 'event_trigger'::regtype)
     and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
   order by p.proname, signature`;

export async function readCatalogue(client: Queryable): Promise<Catalogue> {
  const rows = async <T>(text: string) => (await client.query(text)).rows as T[];
  const types = await rows<PgType>(TYPES);
  const functions = (await rows<PgFunction>(FUNCTIONS)).map((f) => ({
    ...f,
    argModes: f.argModes.length ? f.argModes : f.argTypes.map(() => 'i'),
    argNames: f.argTypes.map((_, i) => f.argNames[i] ?? ''),
  }));
  return {
    types: new Map(types.map((t) => [t.oid, t])),
    relations: await rows<Relation>(RELATIONS),
    columns: await rows<Column>(COLUMNS),
    foreignKeys: await rows<ForeignKey>(FOREIGN_KEYS),
    functions,
  };
}
