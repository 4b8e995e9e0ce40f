// The read plan → one SELECT: the root resource with its columns, each embed as a lateral
// subquery (json_agg for to-many, row_to_json for to-one), filters, order and limit/offset.
import type { SelectField } from '../query/types.ts';
import type { EmbedNode, ReadNode, ReadPlan } from '../plan/read-plan.ts';
import { embedsOf } from '../plan/read-plan.ts';
import { fieldSql, filterSql, logicSql, type Qualifier } from './filters.ts';
import { aggregateSelectSql, groupTerms, hasAggregates } from './aggregates.ts';
import { ident, qualified, typeName, type SqlParams } from './params.ts';

export interface RootSource {
  /** FROM item, e.g. `"public"."items"` or `"pgrst_source" AS "items"`. */
  from: string;
  /** What columns are qualified with, e.g. `"public"."items"` or `"items"`. */
  qualifier: string;
}

export interface SelectSqlOptions {
  /** Read from somewhere else than the table (a CTE of affected rows for return=representation). */
  source?: RootSource;
  /** Apply the root filters (default true; false when the source CTE is already filtered). */
  rootFilters?: boolean;
  /** Root limit/offset (default: the plan's `limit`/`offset`; null: none). */
  range?: { offset: number; limit?: number } | null;
  /** Root ORDER BY (default true). */
  order?: boolean;
}

export function rootSource(plan: ReadPlan): RootSource {
  const q = qualified(plan.root.relation.schema, plan.root.relation.name);
  return { from: q, qualifier: q };
}

/** `SELECT <columns> FROM <root> <laterals> WHERE … ORDER BY … LIMIT … OFFSET …` */
export function buildSelectSql(plan: ReadPlan, params: SqlParams, options: SelectSqlOptions = {}): string {
  const source = options.source ?? rootSource(plan);
  const range = options.range === undefined ? plan.root.range : options.range ?? undefined;
  return nodeSql(plan.root, source.from, source.qualifier, [], params, {
    count: false,
    filters: options.rootFilters ?? true,
    order: options.order ?? true,
    range,
  });
}

/** `SELECT 1 FROM <root> <filtering laterals> WHERE …`: the rows an exact count counts. */
export function buildCountSql(plan: ReadPlan, params: SqlParams, source: RootSource = rootSource(plan)): string {
  return nodeSql(plan.root, source.from, source.qualifier, [], params, { count: true, filters: true, order: false, range: undefined });
}

interface NodeOptions {
  count: boolean;
  filters: boolean;
  order: boolean;
  range: { offset: number; limit?: number } | undefined;
}

function fieldSelectSql(q: string, cols: Qualifier, item: SelectField): string {
  if (item.field.name === '*' && item.field.json.length === 0) return `${q}.*`;
  let sql = fieldSql(cols, item.field);
  if (item.cast) sql = `CAST(${sql} AS ${typeName(item.cast)})`;
  const name = item.alias ?? jsonPathName(item.field.name, item.field.json);
  return item.alias || item.field.json.length || item.cast ? `${sql} AS ${ident(name)}` : sql;
}

/** The output name of `col->a->>0`: the last key of the path (`a`), else the column's name. */
function jsonPathName(column: string, json: SelectField['field']['json']): string {
  for (let i = json.length - 1; i >= 0; i--) if (!json[i].index) return json[i].key;
  return column;
}

function filtersEmbed(e: EmbedNode): boolean {
  return e.join === 'inner' || e.nullFilters.length > 0;
}

/** The row a qualifier names, as a function argument: `"public"."items"` → `"items"`. */
function wholeRow(q: string): string {
  return /"(?:[^"]|"")*"$/.exec(q)?.[0] ?? q;
}

const JSON_TYPES = new Set(['json', 'jsonb']);

/** Columns qualified by `q`; computed fields (functions of the row) called on the row instead. A JSON
 * path on a column that is not json (a composite, an array) reads `to_jsonb(col)`, as PostgREST does. */
function columnsOf(node: ReadNode, q: string): Qualifier {
  const { computed, relation } = node;
  const row = wholeRow(q);
  return (column, nested) => {
    const col = relation.columnsByName.get(column);
    const fn = col ? undefined : computed?.get(column);
    if (fn) return `${qualified(fn.schema, fn.name)}(${row})`;
    const sql = q ? `${q}.${ident(column)}` : ident(column);
    return nested && col && !JSON_TYPES.has(col.type) ? `to_jsonb(${sql})` : sql;
  };
}

function nodeSql(node: ReadNode, from: string, rowQualifier: string, joinWhere: string[], params: SqlParams, opts: NodeOptions): string {
  const q = rowQualifier;
  const cols = columnsOf(node, q);
  const columns: string[] = [];
  const joins: string[] = [];
  const where = [...joinWhere];
  const embeds = embedsOf(node).filter((e) => !opts.count || filtersEmbed(e));
  const grouped = !opts.count && hasAggregates(node);
  const groupBy: string[] = [];
  if (!opts.count) {
    for (const item of node.items) {
      if (item.kind === 'field') {
        if (grouped && item.field.aggregate) columns.push(aggregateSelectSql(cols, item.field));
        else columns.push(fieldSelectSql(q, cols, item.field));
        if (grouped && !item.field.aggregate) groupBy.push(...groupTerms(q, cols, node, item.field));
      } else if (!isEmptyEmbed(item.embed)) {
        const column = embedColumnSql(item.embed, grouped);
        columns.push(column);
        if (grouped && !item.embed.spread) groupBy.push(column.slice(0, column.lastIndexOf(' AS ')));
      }
    }
  }
  for (const e of embeds) {
    joins.push(lateralSql(e, q, params));
    const col = `${ident(e.lateral)}.${ident(e.lateral)}`;
    if (e.join === 'inner' && !e.spread) where.push(`${col} IS NOT NULL`);
    for (const nf of e.nullFilters) where.push(e.spread ? `${ident(e.lateral)} IS ${nf === 'null' ? 'NULL' : 'NOT NULL'}` : `${col} IS ${nf === 'null' ? 'NULL' : 'NOT NULL'}`);
  }
  if (opts.filters) {
    for (const f of node.filters) where.push(filterSql(cols, f, params));
    const resolver = (name: string) => {
      const e = embedsOf(node).find((x) => x.key === name);
      return e ? `${ident(e.lateral)}.${ident(e.lateral)}` : undefined;
    };
    for (const t of node.logic) where.push(logicSql(cols, t, params, resolver));
  }
  let sql = `SELECT ${opts.count ? '1' : columns.join(', ')} FROM ${from}`;
  if (joins.length) sql += ' ' + joins.join(' ');
  if (where.length) sql += ` WHERE ${where.join(' AND ')}`;
  if (groupBy.length) sql += ` GROUP BY ${groupBy.join(', ')}`;
  if (opts.order && node.order.length) sql += ` ORDER BY ${orderSql(node, cols)}`;
  if (opts.range) {
    if (opts.range.limit !== undefined) sql += ` LIMIT ${opts.range.limit}`;
    if (opts.range.offset) sql += ` OFFSET ${opts.range.offset}`;
  }
  return sql;
}

function orderSql(node: ReadNode, q: Qualifier): string {
  return node.order
    .map((t) => {
      let expr: string;
      if (t.relation) {
        const e = embedsOf(node).find((x) => x.key === t.relation)!;
        expr = fieldSql('', { name: '', json: [{ arrow: '->', key: t.field.name, index: false }, ...t.field.json] })
          .replace(/^""/, `(${ident(e.lateral)}.${ident(e.lateral)}::jsonb)`);
      } else expr = fieldSql(q, t.field);
      const dir = t.direction ? ` ${t.direction.toUpperCase()}` : '';
      const nulls = t.nulls ? (t.nulls === 'nullsfirst' ? ' NULLS FIRST' : ' NULLS LAST') : '';
      return expr + dir + nulls;
    })
    .join(', ');
}

/** `rel()` (nothing selected, at any depth) only filters: PostgREST leaves it out of the output. */
function isEmptyEmbed(e: EmbedNode): boolean {
  return e.node.items.every((i) => i.kind === 'embed' && isEmptyEmbed(i.embed));
}

/** `grouped`: beside aggregates, embeds are jsonb (json has no equality to group by). */
function embedColumnSql(e: EmbedNode, grouped = false): string {
  const lat = ident(e.lateral);
  const cast = grouped ? '::jsonb' : '';
  if (e.spread) return `${lat}.*`;
  if (e.toOne) return `${lat}.${lat}${cast} AS ${ident(e.key)}`;
  return `COALESCE(${lat}.${lat}${cast}, '[]'::json${cast}) AS ${ident(e.key)}`;
}

/** Output column names of a node (for spreading a to-many embed into per-column arrays). */
function outputNames(node: ReadNode): string[] {
  return node.items.flatMap((item) => {
    if (item.kind === 'embed') return item.embed.spread ? outputNames(item.embed.node) : [item.embed.key];
    const f = item.field;
    if (f.field.name === '*' && f.field.json.length === 0) return node.relation.columns.map((c) => c.name);
    return [f.alias ?? jsonPathName(f.field.name, f.field.json)];
  });
}

function lateralSql(e: EmbedNode, parentQ: string, params: SqlParams): string {
  const child = e.node;
  const rel = e.relationship;
  const a = ident(child.alias);
  let from = `${qualified(child.relation.schema, child.relation.name)} AS ${a}`;
  const joinWhere: string[] = [];
  if (rel.computed) {
    from = `${qualified(rel.computed.schema, rel.computed.name)}(${wholeRow(parentQ)}) AS ${a}`;
  } else if (rel.junction) {
    const j = ident(`${child.alias}_j`);
    const on = rel.junction.targetColumns.map(([t, jc]) => `${j}.${ident(jc)} = ${a}.${ident(t)}`).join(' AND ');
    from += ` INNER JOIN ${qualified(rel.junction.table.schema, rel.junction.table.name)} AS ${j} ON ${on}`;
    for (const [s, jc] of rel.junction.sourceColumns) joinWhere.push(`${j}.${ident(jc)} = ${parentQ}.${ident(s)}`);
  } else {
    for (const [parentCol, childCol] of rel.columns) joinWhere.push(`${a}.${ident(childCol)} = ${parentQ}.${ident(parentCol)}`);
  }
  const inner = nodeSql(child, from, a, joinWhere, params, { count: false, filters: true, order: true, range: e.toOne ? undefined : child.range });
  const lat = ident(e.lateral);
  const join = e.spread && e.join === 'inner' ? 'INNER JOIN LATERAL' : 'LEFT JOIN LATERAL';
  if (e.spread && e.toOne) return `${join} (${inner}) AS ${lat} ON TRUE`;
  if (e.spread) {
    const cols = outputNames(child).map((n) => `COALESCE(json_agg(${lat}.${ident(n)}), '[]'::json) AS ${ident(n)}`);
    return `${join} (SELECT ${cols.join(', ')} FROM (${inner}) AS ${lat}) AS ${lat} ON TRUE`;
  }
  const agg = e.toOne ? `row_to_json(${lat}.*)` : `json_agg(${lat})`;
  return `${join} (SELECT ${agg} AS ${lat} FROM (${inner}) AS ${lat}) AS ${lat} ON TRUE`;
}

/** The root's filters and logic trees as SQL conditions over `qualifier` (for UPDATE/DELETE WHERE). */
export function rootConditions(plan: ReadPlan, params: SqlParams, qualifier: string = rootSource(plan).qualifier): string[] {
  const node = plan.root;
  const cols = columnsOf(node, qualifier);
  return [...node.filters.map((f) => filterSql(cols, f, params)), ...node.logic.map((t) => logicSql(cols, t, params))];
}

