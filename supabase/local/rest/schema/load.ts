// Builds the SchemaCache from the catalog in one round of queries.
import type pg from 'pg';
import { columnsQuery, constraintsQuery, relationsQuery, roleSettingsQuery, routinesQuery, timezonesQuery, viewRulesQuery } from './catalog-sql.ts';
import { computedRelationships } from './computed-relationships.ts';
import type { Column, Relation, RelationKind, Relationship, Routine, SchemaCache } from './types.ts';
import { qualifiedKey } from './types.ts';
import { deriveRelationships, type ForeignKey } from './relationships.ts';
import { parseTargetList, resolveViewOrigins } from './views.ts';

const KINDS: Record<string, RelationKind> = { r: 'table', v: 'view', m: 'materialized view', f: 'foreign table', p: 'partitioned table' };
const VOLATILITY = { i: 'immutable', s: 'stable', v: 'volatile' } as const;

type Queryable = Pick<pg.Client, 'query'>;

export async function loadSchemaCache(db: Queryable): Promise<SchemaCache> {
  const rowsOf = async (sql: string) => (await db.query(sql)).rows;
  const relRows = await rowsOf(relationsQuery);
  const colRows = await rowsOf(columnsQuery);
  const conRows = await rowsOf(constraintsQuery);
  const viewRows = await rowsOf(viewRulesQuery);
  const routineRows = await rowsOf(routinesQuery);
  const settingRows = await rowsOf(roleSettingsQuery);
  const timezones = new Set<string>((await rowsOf(timezonesQuery)).map((r) => r.name));

  const byOid = new Map<number, Relation>();
  for (const r of relRows) {
    byOid.set(Number(r.oid), {
      oid: Number(r.oid), schema: r.schema, name: r.name, kind: KINDS[r.kind], description: r.description,
      insertable: r.insertable, updatable: r.updatable, deletable: r.deletable,
      columns: [], columnsByName: new Map(), primaryKey: [],
    });
  }
  const attnames = new Map<number, Map<number, string>>();
  for (const c of colRows) {
    const relid = Number(c.relid);
    const rel = byOid.get(relid);
    if (!attnames.has(relid)) attnames.set(relid, new Map());
    attnames.get(relid)!.set(c.position, c.name);
    if (!rel) continue;
    const column: Column = {
      name: c.name, type: c.type, arrayItemType: c.array_item_type, nullable: c.nullable, default: c.default,
      maxLength: c.max_length, enumValues: c.enum_values, description: c.description, position: c.position,
      generated: c.generated, identity: c.identity,
    };
    rel.columns.push(column);
    rel.columnsByName.set(column.name, column);
  }

  const foreignKeys: ForeignKey[] = [];
  const uniqueKeys = new Map<number, string[][]>();
  const primaryKeys = new Map<number, string[]>();
  for (const con of conRows) {
    const relid = Number(con.relid);
    if (con.type === 'f') foreignKeys.push({ name: con.name, relid, frelid: Number(con.frelid), columns: con.columns, fcolumns: con.fcolumns });
    else {
      uniqueKeys.set(relid, [...(uniqueKeys.get(relid) ?? []), con.columns]);
      if (con.type === 'p') primaryKeys.set(relid, con.columns);
    }
  }

  const isView = (relid: number) => {
    const kind = byOid.get(relid)?.kind;
    return kind === 'view' || kind === 'materialized view';
  };
  const targetLists = new Map(viewRows.map((v) => [Number(v.oid), parseTargetList(v.action)]));
  const viewOrigins = resolveViewOrigins(targetLists, attnames, isView);

  for (const rel of byOid.values()) {
    const pk = primaryKeys.get(rel.oid);
    if (pk) rel.primaryKey = pk;
    else if (isView(rel.oid)) rel.primaryKey = viewPrimaryKey(rel.oid, viewOrigins, primaryKeys);
  }

  const names = new Map([...byOid].map(([oid, r]) => [oid, { schema: r.schema, name: r.name }]));
  const relationships = new Map<string, Relationship[]>();
  for (const rel of deriveRelationships({ foreignKeys, uniqueKeys, primaryKeys, names, viewOrigins })) {
    const key = qualifiedKey(rel.table.schema, rel.table.name);
    relationships.set(key, [...(relationships.get(key) ?? []), rel]);
  }

  const relations = new Map([...byOid.values()].map((r) => [qualifiedKey(r.schema, r.name), r]));
  const routines = new Map<string, Routine[]>();
  for (const row of routineRows) {
    const routine = toRoutine(row, byOid);
    const key = qualifiedKey(routine.schema, routine.name);
    routines.set(key, [...(routines.get(key) ?? []), routine]);
  }

  for (const rel of computedRelationships([...routines.values()].flat())) {
    const key = qualifiedKey(rel.table.schema, rel.table.name);
    relationships.set(key, [...(relationships.get(key) ?? []), rel]);
  }

  const computedFields = new Map<string, Map<string, Routine>>();
  for (const routine of [...routines.values()].flat()) {
    const [first, ...rest] = routine.params;
    if (!first?.rowTypeOf || routine.returnsSet || rest.some((p) => p.required)) continue;
    // A function of another schema than its table's is not one of the table's fields (PostgREST: 400).
    if (routine.schema !== first.rowTypeOf.schema) continue;
    const key = qualifiedKey(first.rowTypeOf.schema, first.rowTypeOf.name);
    if (!computedFields.has(key)) computedFields.set(key, new Map());
    computedFields.get(key)!.set(routine.name, routine);
  }

  const roleSettings = new Map<string, Array<[string, string]>>();
  for (const s of settingRows) {
    const eq = (s.setting as string).indexOf('=');
    if (eq < 0) continue;
    const list = roleSettings.get(s.role) ?? [];
    list.push([s.setting.slice(0, eq), s.setting.slice(eq + 1)]);
    roleSettings.set(s.role, list);
  }
  return { relations, relationships, routines, computedFields, roleSettings, timezones, loadedAt: new Date() };
}

function viewPrimaryKey(viewId: number, origins: Map<number, Map<string, { relid: number; column: string }>>, pks: Map<number, string[]>): string[] {
  const map = origins.get(viewId);
  if (!map) return [];
  for (const [relid, pk] of pks) {
    const cols = pk.map((col) => [...map].find(([, o]) => o.relid === relid && o.column === col)?.[0]);
    if (cols.every((c): c is string => c !== undefined)) return cols;
  }
  return [];
}

function toRoutine(row: any, byOid: Map<number, Relation>): Routine {
  const relids: string[] = row.arg_type_relids;
  const names: string[] = row.arg_names;
  const modes: string[] = row.arg_modes;
  const types: string[] = row.arg_types;
  const typeNames: string[] = row.arg_type_names;
  const inputs = modes
    .map((mode, i) => ({ mode, i }))
    .filter(({ mode }) => mode === 'i' || mode === 'b' || mode === 'v');
  const firstOptional = inputs.length - row.n_defaults;
  return {
    oid: Number(row.oid), schema: row.schema, name: row.name, description: row.description,
    params: inputs.map(({ mode, i }, n) => ({
      name: names[i] ?? '', type: types[i], typeName: typeNames[i], required: n < firstOptional, variadic: mode === 'v',
      ...rowType(byOid.get(Number(relids[i]))),
    })),
    returnType: { schema: row.return_schema, name: row.return_name },
    returnsSet: row.returns_set,
    returnsComposite: row.returns_composite,
    returnsVoid: row.returns_void,
    returnsRelation: row.return_relation ? { schema: row.return_relation_schema, name: row.return_relation } : null,
    volatility: VOLATILITY[row.volatility as 'i' | 's' | 'v'],
    hasVariadic: row.has_variadic,
    rows: Number(row.rows),
    outParams: modes.flatMap((mode, i) => (mode === 'o' || mode === 'b' || mode === 't' ? [names[i] ?? ''] : [])),
  };
}

function rowType(rel: Relation | undefined): { rowTypeOf?: { schema: string; name: string } } {
  return rel ? { rowTypeOf: { schema: rel.schema, name: rel.name } } : {};
}
