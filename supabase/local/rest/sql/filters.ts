// Filters and logic trees → SQL conditions over a qualified resource, values as bind parameters.
import type { Field, Filter, LogicTree, Operation } from '../query/types.ts';
import { ident, literal, pgArrayLiteral, type SqlParams } from './params.ts';

const QUANT_SQL = { eq: '=', gte: '>=', gt: '>', lte: '<=', lt: '<', like: 'LIKE', ilike: 'ILIKE', match: '~', imatch: '~*' } as const;
const SIMPLE_SQL = { neq: '<>', cs: '@>', cd: '<@', ov: '&&', sl: '<<', sr: '>>', nxr: '&<', nxl: '&>', adj: '-|-' } as const;
const FTS_SQL = { fts: 'to_tsquery', plfts: 'plainto_tsquery', phfts: 'phraseto_tsquery', wfts: 'websearch_to_tsquery' } as const;
const IS_SQL = { null: 'NULL', not_null: 'NOT NULL', true: 'TRUE', false: 'FALSE', unknown: 'UNKNOWN' } as const;

/** How a resource's columns are written: a qualifier (`"public"."items"`, '' for none), or a
 * function of the column name (to turn computed fields into function calls, and to wrap a column
 * that is not json in `to_jsonb()` when a JSON path follows: `nested`). */
export type Qualifier = string | ((column: string, nested: boolean) => string);

/** `qualifier."col"->'a'->>0`. */
export function fieldSql(qualifier: Qualifier, field: Field): string {
  let sql =
    typeof qualifier === 'function'
      ? qualifier(field.name, field.json.length > 0)
      : qualifier ? `${qualifier}.${ident(field.name)}` : ident(field.name);
  for (const op of field.json) sql += op.arrow + (op.index ? op.key : literal(op.key));
  return sql;
}

function likeValue(op: string, value: string): string {
  return op === 'like' || op === 'ilike' ? value.replace(/\*/g, '%') : value;
}

export function operationSql(column: string, operation: Operation, params: SqlParams): string {
  switch (operation.kind) {
    case 'quant': {
      const value = likeValue(operation.op, operation.value);
      const op = QUANT_SQL[operation.op];
      if (operation.quantifier) return `${column} ${op} ${operation.quantifier.toUpperCase()}(${params.add(value)})`;
      return `${column} ${op} ${params.add(value)}`;
    }
    case 'simple':
      return `${column} ${SIMPLE_SQL[operation.op]} ${params.add(operation.value)}`;
    case 'in':
      if (operation.values.length === 1 && operation.values[0] === '') return `${column} = ANY('{}')`;
      return `${column} = ANY(${params.add(pgArrayLiteral(operation.values))})`;
    case 'is':
      return `${column} IS ${IS_SQL[operation.value]}`;
    case 'isdistinct':
      return `${column} IS DISTINCT FROM ${params.add(operation.value)}`;
    case 'fts': {
      const fn = FTS_SQL[operation.op];
      const args = operation.language !== undefined ? `${params.add(operation.language)}, ${params.add(operation.value)}` : params.add(operation.value);
      return `${column} @@ ${fn}(${args})`;
    }
  }
}

export function filterSql(qualifier: Qualifier, filter: Filter, params: SqlParams): string {
  const sql = operationSql(fieldSql(qualifier, filter.field), filter.operation, params);
  return filter.negated ? `NOT ${sql}` : sql;
}

/** Resolves a name inside a logic tree that is an embedded resource (for `rel.is.null`). */
export type EmbedResolver = (name: string) => string | undefined;

export function logicSql(qualifier: Qualifier, tree: LogicTree, params: SqlParams, embedColumn?: EmbedResolver): string {
  if (tree.kind === 'filter') {
    const f = tree.filter;
    const embedded = f.field.json.length === 0 && f.operation.kind === 'is' ? embedColumn?.(f.field.name) : undefined;
    if (embedded) {
      const sql = operationSql(embedded, f.operation, params);
      return f.negated ? `NOT ${sql}` : sql;
    }
    return filterSql(qualifier, f, params);
  }
  const inner = tree.children.map((c) => logicSql(qualifier, c, params, embedColumn)).join(tree.operator === 'and' ? ' AND ' : ' OR ');
  return tree.negated ? `NOT (${inner})` : `(${inner})`;
}
