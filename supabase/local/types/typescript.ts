// TypeScript types for the public schema, in the shape `supabase gen types typescript` prints
// (postgres-meta's typegen, formatted as prettier leaves it: no semicolons, 80 columns), so that
// createClient<Database>() and Tables<'orders'> work as with hosted Supabase. Deterministic:
// everything is sorted by name (enum values keep their order), and nothing depends on the clock.
import { readCatalogue, type Catalogue, type Column, type PgFunction, type Queryable } from './introspect.ts';
import { HELPER_TYPES } from './helpers.ts';

const WIDTH = 80;
const SCHEMA = 'public';
const EMPTY = '[_ in never]: never';

const NUMBER = new Set(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric']);
const STRING = new Set(['bytea', 'bpchar', 'varchar', 'date', 'text', 'citext', 'time', 'timetz', 'timestamp', 'timestamptz', 'uuid', 'vector']);

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const key = (name: string) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name));
const pad = (indent: number) => ' '.repeat(indent);

/** A TypeScript type as the members of a union, so that a line too long can break between them. */
type Union = string[];

class Printer {
  private readonly relationsByOid: Map<number, { name: string; kind: string }>;

  constructor(private readonly catalogue: Catalogue) {
    this.relationsByOid = new Map(catalogue.relations.map((r) => [r.oid, r]));
  }

  /** The TypeScript for a Postgres type, as postgres-meta maps it (unknown for what it does not). */
  type(oid: number): Union {
    const t = this.catalogue.types.get(oid);
    if (!t) return ['unknown'];
    if (t.kind === 'd') return this.type(t.base);
    if (t.schema === 'pg_catalog') {
      if (t.name === 'bool') return ['boolean'];
      if (NUMBER.has(t.name)) return ['number'];
      if (STRING.has(t.name)) return ['string'];
      if (t.name === 'json' || t.name === 'jsonb') return ['Json'];
      if (t.name === 'void') return ['undefined'];
      if (t.name === 'record') return ['Record<string, unknown>'];
    }
    if (t.elem !== 0 && t.name.startsWith('_')) {
      const inner = this.type(t.elem);
      return [inner.length > 1 ? `(${inner.join(' | ')})[]` : `${inner[0]}[]`];
    }
    if (t.kind === 'e') {
      return t.schema === SCHEMA ? [`Database["public"]["Enums"][${JSON.stringify(t.name)}]`] : (t.enums ?? []).map((v) => JSON.stringify(v));
    }
    if (t.kind === 'c' && t.schema === SCHEMA) {
      const relation = this.relationsByOid.get(t.relid);
      if (relation?.kind === 'c') return [`Database["public"]["CompositeTypes"][${JSON.stringify(t.name)}]`];
      if (relation && ['v', 'm'].includes(relation.kind)) return [`Database["public"]["Views"][${JSON.stringify(t.name)}]["Row"]`];
      if (relation) return [`Database["public"]["Tables"][${JSON.stringify(t.name)}]["Row"]`];
    }
    return ['unknown'];
  }

  columns(relid: number): Column[] {
    return this.catalogue.columns.filter((c) => c.relid === relid).sort(byName);
  }
}

/** `name: type` on one line, or broken before each union member when it does not fit. */
function member(indent: number, name: string, union: Union): string[] {
  const line = `${pad(indent)}${name}: ${union.join(' | ')}`;
  if (line.length <= WIDTH || union.length < 2) return [line];
  return [`${pad(indent)}${name}:`, ...union.map((u) => `${pad(indent + 2)}| ${u}`)];
}

/** `name: {` members `}` (with a suffix such as `[]`), or `name: {}` style EMPTY body. */
function block(indent: number, name: string, body: string[], suffix = ''): string[] {
  if (body.length === 0) return [`${pad(indent)}${name}: {}${suffix}`];
  return [`${pad(indent)}${name}: {`, ...body, `${pad(indent)}}${suffix}`];
}

function section(indent: number, name: string, body: string[]): string[] {
  return block(indent, name, body.length ? body : [`${pad(indent + 2)}${EMPTY}`]);
}

function relationships(indent: number, catalogue: Catalogue, relation: string): string[] {
  const keys = catalogue.foreignKeys.filter((fk) => fk.relation === relation);
  if (keys.length === 0) return [`${pad(indent)}Relationships: []`];
  const i = pad(indent + 4);
  return [
    `${pad(indent)}Relationships: [`,
    ...keys.flatMap((fk) => [
      `${pad(indent + 2)}{`,
      `${i}foreignKeyName: ${JSON.stringify(fk.name)}`,
      `${i}columns: ${list(fk.columns)}`,
      `${i}isOneToOne: ${fk.oneToOne}`,
      `${i}referencedRelation: ${JSON.stringify(fk.referencedRelation)}`,
      `${i}referencedColumns: ${list(fk.referencedColumns)}`,
      `${pad(indent + 2)}},`,
    ]),
    `${pad(indent)}]`,
  ];
}

const list = (values: string[]) => `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;

/** The public functions whose single argument is a table's row: PostgREST's computed fields. */
function computedFields(printer: Printer, functions: PgFunction[], rowType: number): string[][] {
  return functions
    .filter((f) => inArgs(f).length === 1 && inArgs(f)[0].type === rowType)
    .map((f) => [f.name, ...printer.type(f.returnType), 'null']);
}

function inArgs(f: PgFunction) {
  return f.argTypes.map((type, i) => ({ type, mode: f.argModes[i], name: f.argNames[i] })).filter((a) => ['i', 'b', 'v'].includes(a.mode));
}

function tables(printer: Printer, catalogue: Catalogue, functions: PgFunction[], indent: number): string[] {
  const rowTypes = new Map([...catalogue.types.values()].filter((t) => t.relid).map((t) => [t.relid, t.oid]));
  return catalogue.relations
    .filter((r) => ['r', 'p', 'f'].includes(r.kind))
    .sort(byName)
    .flatMap((table) => {
      const columns = printer.columns(table.oid);
      const i = indent + 4;
      const row = [
        ...columns.flatMap((c) => member(i, key(c.name), [...printer.type(c.type), ...(c.nullable ? ['null'] : [])])),
        ...computedFields(printer, functions, rowTypes.get(table.oid) ?? -1).flatMap(([name, ...union]) => member(i, key(name), union)),
      ];
      const insert = columns.flatMap((c) => {
        if (c.identity === 'a' || c.generated) return [`${pad(i)}${key(c.name)}?: never`];
        const optional = c.nullable || c.identity !== '' || c.hasDefault;
        return member(i, `${key(c.name)}${optional ? '?' : ''}`, [...printer.type(c.type), ...(c.nullable ? ['null'] : [])]);
      });
      const update = columns.flatMap((c) => {
        if (c.identity === 'a' || c.generated) return [`${pad(i)}${key(c.name)}?: never`];
        return member(i, `${key(c.name)}?`, [...printer.type(c.type), ...(c.nullable ? ['null'] : [])]);
      });
      return [
        `${pad(indent)}${key(table.name)}: {`,
        ...block(indent + 2, 'Row', row),
        ...block(indent + 2, 'Insert', insert),
        ...block(indent + 2, 'Update', update),
        ...relationships(indent + 2, catalogue, table.name),
        `${pad(indent)}}`,
      ];
    });
}

function views(printer: Printer, catalogue: Catalogue, indent: number): string[] {
  return catalogue.relations
    .filter((r) => ['v', 'm'].includes(r.kind))
    .sort(byName)
    .flatMap((view) => {
      const columns = printer.columns(view.oid);
      const i = indent + 4;
      const writable = (c: Column) => (c.updatable ? member(i, `${key(c.name)}?`, [...printer.type(c.type), 'null']) : [`${pad(i)}${key(c.name)}?: never`]);
      return [
        `${pad(indent)}${key(view.name)}: {`,
        ...block(indent + 2, 'Row', columns.flatMap((c) => member(i, key(c.name), [...printer.type(c.type), 'null']))),
        ...(view.updatable ? [...block(indent + 2, 'Insert', columns.flatMap(writable)), ...block(indent + 2, 'Update', columns.flatMap(writable))] : []),
        ...relationships(indent + 2, catalogue, view.name),
        `${pad(indent)}}`,
      ];
    });
}

function functionEntries(printer: Printer, catalogue: Catalogue, functions: PgFunction[], indent: number): string[] {
  const groups = new Map<string, PgFunction[]>();
  for (const f of functions) groups.set(f.name, [...(groups.get(f.name) ?? []), f]);
  return [...groups.keys()].sort().flatMap((name) => {
    const overloads = groups.get(name)!;
    const i = indent + 2;
    const argObjects = overloads.map((f) => {
      const args = inArgs(f);
      const firstDefault = args.length - f.defaults;
      if (args.length === 0) return { inline: 'Record<PropertyKey, never>', members: [] as Array<[string, Union]> };
      const members = args.map((a, n): [string, Union] => [`${key(a.name)}${n >= firstDefault ? '?' : ''}`, printer.type(a.type)]);
      return { inline: `{ ${members.map(([k, t]) => `${k}: ${t.join(' | ')}`).join('; ')} }`, members };
    });
    let argLines: string[];
    const inlineArgs = `${pad(i)}Args: ${argObjects.map((a) => a.inline).join(' | ')}`;
    if (inlineArgs.length <= WIDTH) argLines = [inlineArgs];
    else if (argObjects.length > 1) argLines = [`${pad(i)}Args:`, ...argObjects.map((a) => `${pad(i + 2)}| ${a.inline}`)];
    else argLines = block(i, 'Args', argObjects[0].members.flatMap(([k, t]) => member(i + 2, k, t)));

    const f = overloads[0];
    const set = f.returnsSet ? '[]' : '';
    const tableColumns = f.argTypes.map((type, n) => ({ type, mode: f.argModes[n], name: f.argNames[n] })).filter((a) => a.mode === 't');
    const returnType = catalogue.types.get(f.returnType);
    const relation = returnType?.relid ? catalogue.relations.find((r) => r.oid === returnType.relid && r.kind !== 'c') : undefined;
    let returnLines: string[];
    if (tableColumns.length > 0) {
      returnLines = block(i, 'Returns', tableColumns.flatMap((c) => member(i + 2, key(c.name), printer.type(c.type))), set);
    } else if (relation) {
      returnLines = block(i, 'Returns', printer.columns(relation.oid).flatMap((c) => member(i + 2, key(c.name), [...printer.type(c.type), ...(c.nullable ? ['null'] : [])])), set);
    } else {
      const union = printer.type(f.returnType);
      returnLines = member(i, 'Returns', set ? [union.length > 1 ? `(${union.join(' | ')})[]` : `${union[0]}[]`] : union);
    }
    return [`${pad(indent)}${key(name)}: {`, ...argLines, ...returnLines, `${pad(indent)}}`];
  });
}

/** Generates the file's text from the database the client is connected to. */
export async function generateTypes(client: Queryable): Promise<string> {
  const catalogue = await readCatalogue(client);
  const printer = new Printer(catalogue);
  // Like postgres-meta: functions whose inputs are all named, or that take one unnamed input.
  const functions = catalogue.functions.filter((f) => {
    const args = inArgs(f);
    return args.length === 1 || args.every((a) => a.name !== '');
  });
  const enums = [...catalogue.types.values()].filter((t) => t.schema === SCHEMA && t.kind === 'e').sort(byName);
  const composites = catalogue.relations.filter((r) => r.kind === 'c').sort(byName);

  const lines = [
    'export type Json =',
    '  | string',
    '  | number',
    '  | boolean',
    '  | null',
    '  | { [key: string]: Json | undefined }',
    '  | Json[]',
    '',
    'export type Database = {',
    '  public: {',
    ...section(4, 'Tables', tables(printer, catalogue, functions, 6)),
    ...section(4, 'Views', views(printer, catalogue, 6)),
    ...section(4, 'Functions', functionEntries(printer, catalogue, functions, 6)),
    ...section(4, 'Enums', enums.flatMap((e) => member(6, key(e.name), (e.enums ?? []).map((v) => JSON.stringify(v))))),
    ...section(
      4,
      'CompositeTypes',
      composites.flatMap((c) => block(6, key(c.name), printer.columns(c.oid).flatMap((a) => member(8, key(a.name), [...printer.type(a.type), 'null'])))),
    ),
    '  }',
    '}',
    '',
    HELPER_TYPES,
    'export const Constants = {',
    '  public: {',
    ...block(4, 'Enums', enums.flatMap((e) => constantList(6, key(e.name), e.enums ?? [])), ','),
    '  },',
    '} as const',
    '',
  ];
  return lines.join('\n');
}

function constantList(indent: number, name: string, values: string[]): string[] {
  const line = `${pad(indent)}${name}: ${list(values)},`;
  if (line.length <= WIDTH) return [line];
  return [`${pad(indent)}${name}: [`, ...values.map((v) => `${pad(indent + 2)}${JSON.stringify(v)},`), `${pad(indent)}],`];
}
