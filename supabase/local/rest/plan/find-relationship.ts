// Choosing the relationship an embed `target!hint(...)` refers to, as PostgREST's findRel does,
// with its PGRST200 (none) and PGRST201 (ambiguous) errors.
import { ApiError } from '../errors.ts';
import type { Relationship, SchemaCache } from '../schema/types.ts';
import { qualifiedKey } from '../schema/types.ts';
import { bestMatch } from '../schema/fuzzy.ts';

const singleCol = (r: Relationship, side: 0 | 1) => (r.columns.length === 1 ? r.columns[0][side] : undefined);

function matchesConstraint(r: Relationship, name: string): boolean {
  return r.constraint === name;
}

function matchesHint(r: Relationship, hint: string): boolean {
  return (
    (!r.junction && (matchesConstraint(r, hint) || singleCol(r, 0) === hint || singleCol(r, 1) === hint)) ||
    (r.junction !== undefined && r.junction.table.name === hint)
  );
}

export function findRelationship(cache: SchemaCache, schema: string, origin: string, target: string, hint: string | undefined): Relationship {
  const all = cache.relationships.get(qualifiedKey(schema, origin)) ?? [];
  const isView = (r: Relationship) => {
    const kind = cache.relations.get(qualifiedKey(r.foreignTable.schema, r.foreignTable.name))?.kind;
    return kind === 'view' || kind === 'materialized view';
  };
  const direct = (r: Relationship) => !r.junction;
  // A computed relationship is named by its function, and wins over foreign keys of the same name.
  const computed = hint === undefined ? all.filter((r) => r.computed?.name === target) : [];
  if (computed.length === 1) return computed[0];
  const candidates = all.filter((r) => {
    if (r.computed) return false;
    if (r.isSelf && direct(r)) {
      // One FK, two relationships: the table name gives the one-to-many (children), the FK
      // column the many-to-one (parent); a hint (the FK column) picks the one-to-many.
      if (hint === undefined) {
        return (r.foreignTable.name === target && r.cardinality === 'one-to-many') || (singleCol(r, 0) === target && r.cardinality === 'many-to-one');
      }
      return r.foreignTable.name === target && r.cardinality === 'one-to-many' && singleCol(r, 1) === hint;
    }
    if (hint === undefined) {
      return (
        r.foreignTable.name === target ||
        (direct(r) && r.constraint === target && !isView(r)) ||
        (direct(r) && singleCol(r, 0) === target && !isView(r))
      );
    }
    return r.foreignTable.name === target && matchesHint(r, hint);
  });
  if (candidates.length === 1) return candidates[0];
  if (candidates.length === 0) throw noRelationship(cache, schema, origin, target, hint);
  candidates.sort(compareRelationships);
  throw new ApiError(
    300,
    'PGRST201',
    `Could not embed because more than one relationship was found for '${origin}' and '${target}'`,
    candidates.map(describe),
    `Try changing '${target}' to one of the following: ${candidates.map(hintFor).join(', ')}. Find the desired relationship in the 'details' key.`,
  );
}

// PostgREST keeps each table's relationships sorted (derived Ord of its Relationship type): by
// foreign table, self-reference, then cardinality in the order O2M < M2O < O2O < M2M, then the
// constraint and columns (for M2M: the junction table, its constraints and columns).
const CARDINALITY_RANK = { 'one-to-many': 0, 'many-to-one': 1, 'one-to-one': 2, 'many-to-many': 3 } as const;

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareLists(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareText(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

function sortKey(r: Relationship): string[] {
  const pairs = (cols: Array<[string, string]>) => cols.flat();
  if (r.junction) {
    const j = r.junction;
    return [j.table.schema, j.table.name, j.constraint1, ...pairs(j.sourceColumns), j.constraint2, ...pairs(j.targetColumns)];
  }
  return [r.constraint, ...pairs(r.columns)];
}

function compareRelationships(a: Relationship, b: Relationship): number {
  return (
    compareText(a.foreignTable.schema, b.foreignTable.schema) ||
    compareText(a.foreignTable.name, b.foreignTable.name) ||
    Number(a.isSelf) - Number(b.isSelf) ||
    CARDINALITY_RANK[a.cardinality] - CARDINALITY_RANK[b.cardinality] ||
    compareLists(sortKey(a), sortKey(b))
  );
}

function fmt(cols: string[]): string {
  return `(${cols.join(', ')})`;
}

function describe(r: Relationship): Record<string, string> {
  if (r.junction) {
    const j = r.junction;
    return {
      cardinality: 'many-to-many',
      embedding: `${r.table.name} with ${r.foreignTable.name}`,
      relationship: `${j.table.name} using ${j.constraint1}${fmt(j.sourceColumns.map((c) => c[1]))} and ${j.constraint2}${fmt(j.targetColumns.map((c) => c[1]))}`,
    };
  }
  return {
    cardinality: r.cardinality,
    embedding: `${r.table.name} with ${r.foreignTable.name}`,
    relationship: `${r.constraint} using ${r.table.name}${fmt(r.columns.map((c) => c[0]))} and ${r.foreignTable.name}${fmt(r.columns.map((c) => c[1]))}`,
  };
}

function hintFor(r: Relationship): string {
  return `'${r.foreignTable.name}!${r.junction ? r.junction.table.name : r.constraint}'`;
}

function noRelationship(cache: SchemaCache, schema: string, origin: string, target: string, hint: string | undefined): ApiError {
  const details = `Searched for a foreign key relationship between '${origin}' and '${target}'${hint ? ` using the hint '${hint}'` : ''} in the schema '${schema}', but no matches were found.`;
  let suggestion: string | null = null;
  const parentRels = cache.relationships.get(qualifiedKey(schema, origin));
  if (parentRels) {
    const children = [...new Set(parentRels.map((r) => r.foreignTable.name))];
    const child = children.includes(target) ? undefined : bestMatch(target, children, 0.33);
    if (child) suggestion = `Perhaps you meant '${child}' instead of '${target}'.`;
  } else {
    const parents = [...new Set([...cache.relationships.keys()].filter((k) => k.startsWith(`${schema}.`)).map((k) => k.slice(schema.length + 1)))];
    const parent = bestMatch(origin, parents, 0.33);
    if (parent) suggestion = `Perhaps you meant '${parent}' instead of '${origin}'.`;
  }
  return new ApiError(400, 'PGRST200', `Could not find a relationship between '${origin}' and '${target}' in the schema cache`, details, suggestion);
}
