// The data-changing statements of the REST API, one function each: INSERT (and upsert), UPDATE,
// DELETE. Rows come from one JSON bind parameter; identifiers are quoted; filter values are
// bind parameters built by sql/filters.ts.
import type { Column, Relation } from '../schema/types.ts';
import { ident, literal, qualified } from '../sql/params.ts';

/** What the statement hands back to the outer query: nothing but a row each, the primary key, or whole rows. */
export type ReturningKind = 'rows' | 'pk' | 'all';

export interface ReturningSpec {
  kind: ReturningKind;
  /** Add `pgrst_inserted` (true when the row was inserted, false when an upsert updated it). */
  inserted: boolean;
}

export interface ConflictSpec {
  columns: string[];
  action: 'merge' | 'ignore';
}

export interface InsertSpec {
  relation: Relation;
  columns: string[];
  /** Placeholder of the JSON array of rows. */
  rows: string;
  /** Prefer: missing=default — a key absent from a row takes the column default. */
  missingDefault: boolean;
  conflict?: ConflictSpec;
  /** Extra conditions on the body rows (PUT: the primary key values of the URL). */
  bodyWhere?: string[];
  returning: ReturningSpec;
}

export interface UpdateSpec {
  relation: Relation;
  columns: string[];
  /** Placeholder of the JSON array whose first row holds the new values. */
  rows: string;
  where: string[];
  returning: ReturningSpec;
}

export interface DeleteSpec {
  relation: Relation;
  where: string[];
  returning: ReturningSpec;
}

export const BODY = 'pgrst_body';

export function tableName(relation: Relation): string {
  return qualified(relation.schema, relation.name);
}

function returningSql(relation: Relation, spec: ReturningSpec): string {
  const table = tableName(relation);
  const items =
    spec.kind === 'all' ? [`${table}.*`] : spec.kind === 'pk' ? relation.primaryKey.map((c) => `${table}.${ident(c)}`) : ['1'];
  if (spec.kind === 'pk' && items.length === 0) items.push('1');
  if (spec.inserted) items.push(relation.kind === 'table' || relation.kind === 'partitioned table' ? `(${table}.xmax = 0) AS pgrst_inserted` : 'true AS pgrst_inserted');
  return ` RETURNING ${items.join(', ')}`;
}

/** The default of a column left out of a row with missing=default. */
function defaultSql(relation: Relation, column: Column): string {
  // A generated column takes no value at all (its catalog "default" is the generation expression).
  if (column.generated) return 'NULL';
  if (column.default !== null) return column.default;
  if (column.identity) return `nextval(pg_get_serial_sequence(${literal(tableName(relation))}, ${literal(column.name)}))`;
  return 'NULL';
}

/** `FROM …` clause producing one typed record per JSON row, and the expression of each column. */
function bodySource(spec: Pick<InsertSpec, 'relation' | 'columns' | 'rows' | 'missingDefault'>): { from: string; values: string[] } {
  const rowType = `NULL::${tableName(spec.relation)}`;
  const b = ident(BODY);
  if (!spec.missingDefault) {
    return {
      from: `json_populate_recordset(${rowType}, ${spec.rows}::json) AS ${b}`,
      values: spec.columns.map((c) => `${b}.${ident(c)}`),
    };
  }
  return {
    from: `jsonb_array_elements(${spec.rows}::jsonb) AS pgrst_row(j), LATERAL jsonb_populate_record(${rowType}, pgrst_row.j) AS ${b}`,
    values: spec.columns.map((c) => {
      const column = spec.relation.columnsByName.get(c)!;
      return `CASE WHEN pgrst_row.j ? ${literal(c)} THEN ${b}.${ident(c)} ELSE ${defaultSql(spec.relation, column)} END`;
    }),
  };
}

export function insertSql(spec: InsertSpec): string {
  const table = tableName(spec.relation);
  const { from, values } = bodySource(spec);
  const cols = spec.columns.map(ident).join(', ');
  let sql = `INSERT INTO ${table}${cols ? ` (${cols})` : ''} SELECT ${values.join(', ')} FROM ${from}`;
  if (spec.bodyWhere?.length) sql += ` WHERE ${spec.bodyWhere.join(' AND ')}`;
  if (spec.conflict) {
    sql += ` ON CONFLICT (${spec.conflict.columns.map(ident).join(', ')})`;
    if (spec.conflict.action === 'ignore' || spec.columns.length === 0) sql += ' DO NOTHING';
    else sql += ` DO UPDATE SET ${spec.columns.map((c) => `${ident(c)} = EXCLUDED.${ident(c)}`).join(', ')}`;
  }
  return sql + returningSql(spec.relation, spec.returning);
}

export function updateSql(spec: UpdateSpec): string {
  const table = tableName(spec.relation);
  const b = ident(BODY);
  const set = spec.columns.map((c) => `${ident(c)} = ${b}.${ident(c)}`).join(', ');
  const where = spec.where;
  let sql = `UPDATE ${table} SET ${set} FROM (SELECT * FROM json_populate_recordset(NULL::${table}, ${spec.rows}::json) LIMIT 1) AS ${b}`;
  if (where.length) sql += ` WHERE ${where.join(' AND ')}`;
  return sql + returningSql(spec.relation, spec.returning);
}

export function deleteSql(spec: DeleteSpec): string {
  const table = tableName(spec.relation);
  const where = spec.where;
  let sql = `DELETE FROM ${table}`;
  if (where.length) sql += ` WHERE ${where.join(' AND ')}`;
  return sql + returningSql(spec.relation, spec.returning);
}
