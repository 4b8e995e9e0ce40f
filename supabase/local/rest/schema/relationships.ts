// Relationships as PostgREST derives them from foreign keys: many-to-one and its one-to-many
// inverse (one-to-one when the FK columns are unique), the same through views exposing the key
// columns, and many-to-many through junction tables whose key holds both foreign keys.
import type { QualifiedName, Relationship } from './types.ts';
import type { ColumnOrigin } from './views.ts';

export interface ForeignKey {
  name: string;
  relid: number;
  frelid: number;
  columns: string[];
  fcolumns: string[];
}

export interface RelationshipInput {
  foreignKeys: ForeignKey[];
  /** relid → column sets that are unique (pk and unique constraints). */
  uniqueKeys: Map<number, string[][]>;
  primaryKeys: Map<number, string[]>;
  names: Map<number, QualifiedName>;
  /** view relid → its columns' base origins. */
  viewOrigins: Map<number, Map<string, ColumnOrigin>>;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The relations exposing all `columns` of `relid`: itself, and views with a column for each (renamed). */
function exposures(input: RelationshipInput, relid: number, columns: string[]): Array<{ relid: number; columns: string[] }> {
  const out = [{ relid, columns }];
  for (const [viewId, origins] of input.viewOrigins) {
    const mapped = columns.map((col) => {
      for (const [viewCol, origin] of origins) if (origin.relid === relid && origin.column === col) return viewCol;
      return undefined;
    });
    if (mapped.every((c): c is string => c !== undefined)) out.push({ relid: viewId, columns: mapped });
  }
  return out;
}

export function deriveRelationships(input: RelationshipInput): Relationship[] {
  const rels: Relationship[] = [];
  const name = (relid: number) => input.names.get(relid)!;
  for (const fk of input.foreignKeys) {
    if (!input.names.has(fk.relid) || !input.names.has(fk.frelid)) continue;
    const unique = (input.uniqueKeys.get(fk.relid) ?? []).some((key) => sameSet(key, fk.columns));
    for (const src of exposures(input, fk.relid, fk.columns)) {
      for (const dst of exposures(input, fk.frelid, fk.fcolumns)) {
        const table = name(src.relid);
        const foreignTable = name(dst.relid);
        const isSelf = src.relid === dst.relid;
        const pairs = src.columns.map((c, i): [string, string] => [c, dst.columns[i]]);
        rels.push({ table, foreignTable, cardinality: unique ? 'one-to-one' : 'many-to-one', constraint: fk.name, columns: pairs, isSelf, fkOwner: true });
        rels.push({
          table: foreignTable,
          foreignTable: table,
          cardinality: unique ? 'one-to-one' : 'one-to-many',
          constraint: fk.name,
          columns: pairs.map(([a, b]): [string, string] => [b, a]),
          isSelf,
          fkOwner: false,
        });
      }
    }
  }
  rels.push(...manyToMany(input));
  return rels;
}

function manyToMany(input: RelationshipInput): Relationship[] {
  const out: Relationship[] = [];
  const byTable = new Map<number, ForeignKey[]>();
  for (const fk of input.foreignKeys) byTable.set(fk.relid, [...(byTable.get(fk.relid) ?? []), fk]);
  for (const [junctionId, fks] of byTable) {
    const keys = [input.primaryKeys.get(junctionId) ?? [], ...(input.uniqueKeys.get(junctionId) ?? [])].filter((k) => k.length);
    for (const f1 of fks) {
      for (const f2 of fks) {
        if (f1 === f2) continue;
        const cols = [...f1.columns, ...f2.columns];
        if (!keys.some((key) => cols.every((c) => key.includes(c)))) continue;
        if (!input.names.has(f1.frelid) || !input.names.has(f2.frelid)) continue;
        const table = input.names.get(f1.frelid)!;
        const foreignTable = input.names.get(f2.frelid)!;
        out.push({
          table,
          foreignTable,
          cardinality: 'many-to-many',
          constraint: f1.name,
          columns: [],
          isSelf: f1.frelid === f2.frelid,
          fkOwner: false,
          junction: {
            table: input.names.get(junctionId)!,
            constraint1: f1.name,
            constraint2: f2.name,
            sourceColumns: f1.fcolumns.map((c, i): [string, string] => [c, f1.columns[i]]),
            targetColumns: f2.fcolumns.map((c, i): [string, string] => [c, f2.columns[i]]),
          },
        });
      }
    }
  }
  return out;
}
