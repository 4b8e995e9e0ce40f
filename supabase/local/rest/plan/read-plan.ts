// Resolves a parsed query (select, filters, order, ranges) against the schema cache into a tree
// of nodes, one per resource (the root and each embed), ready for the SQL builder.
import { ApiError } from '../errors.ts';
import type { Relation, Relationship, Routine, SchemaCache } from '../schema/types.ts';
import { qualifiedKey } from '../schema/types.ts';
import { findRelation } from '../schema/lookup.ts';
import type { Filter, LogicTree, OrderTerm, QueryParams, RangeParam, SelectField, SelectItem, SelectRelation } from '../query/types.ts';
import { findRelationship } from './find-relationship.ts';

export interface EmbedNode {
  /** Key of the embed in the output (alias, else the name used in select). */
  key: string;
  relationship: Relationship;
  toOne: boolean;
  join: 'inner' | 'left';
  spread: boolean;
  /** `rel=is.null` / `rel=not.is.null` filters on the parent. */
  nullFilters: Array<'null' | 'not_null'>;
  /** SQL alias of the lateral subquery. */
  lateral: string;
  node: ReadNode;
}

export type NodeItem = { kind: 'field'; field: SelectField } | { kind: 'embed'; embed: EmbedNode };

export interface ReadNode {
  relation: Relation;
  /** SQL alias the resource's columns are qualified with (embeds: unique alias). */
  alias: string;
  items: NodeItem[];
  filters: Filter[];
  logic: LogicTree[];
  order: OrderTerm[];
  range?: RangeParam;
  /** Computed fields of the relation (functions of its row), by name. */
  computed?: Map<string, Routine>;
}

export interface ReadPlan {
  schema: string;
  root: ReadNode;
}

export interface PlanOptions {
  aggregatesEnabled?: boolean;
}

class AliasCounter {
  n = 0;
  next(name: string): string {
    this.n += 1;
    return `${name}_${this.n}`;
  }
}

export function buildReadPlan(cache: SchemaCache, schema: string, table: string, query: QueryParams, options: PlanOptions = {}): ReadPlan {
  const relation = findRelation(cache, schema, table);
  const counter = new AliasCounter();
  const root = buildNode(cache, schema, relation, query.select, counter, options, relation.name, 0);
  root.alias = '';
  attachParams(root, query);
  return { schema, root };
}

function buildNode(cache: SchemaCache, schema: string, relation: Relation, select: SelectItem[], counter: AliasCounter, options: PlanOptions, alias: string, depth: number): ReadNode {
  const computed = cache.computedFields.get(qualifiedKey(relation.schema, relation.name));
  const node: ReadNode = { relation, alias, items: [], filters: [], logic: [], order: [], computed };
  for (const item of select) {
    if (item.kind === 'field') {
      if (item.aggregate && !options.aggregatesEnabled) throw new ApiError(400, 'PGRST123', 'Use of aggregate functions is not allowed');
      node.items.push({ kind: 'field', field: item });
    } else node.items.push({ kind: 'embed', embed: buildEmbed(cache, schema, relation, item, counter, options, depth + 1) });
  }
  return node;
}

function buildEmbed(cache: SchemaCache, schema: string, parent: Relation, item: SelectRelation, counter: AliasCounter, options: PlanOptions, depth: number): EmbedNode {
  const relationship = findRelationship(cache, schema, parent.name, item.name, item.hint);
  const target = findRelation(cache, relationship.foreignTable.schema, relationship.foreignTable.name);
  // As PostgREST names it (`clients_1`): each embed is its own subquery, so the depth keeps it unique.
  const alias = `${target.name}_${depth}`;
  const node = buildNode(cache, schema, target, item.children, counter, options, alias, depth);
  const toOne = relationship.cardinality === 'many-to-one' || relationship.cardinality === 'one-to-one';
  return {
    key: item.alias ?? item.name,
    relationship,
    toOne,
    join: item.join ?? 'left',
    spread: item.spread,
    nullFilters: [],
    lateral: counter.next(`${parent.name}_${target.name}`),
    node,
  };
}

export function embedsOf(node: ReadNode): EmbedNode[] {
  return node.items.flatMap((i) => (i.kind === 'embed' ? [i.embed] : []));
}

function findEmbed(node: ReadNode, key: string): EmbedNode | undefined {
  return embedsOf(node).find((e) => e.key === key);
}

function notEmbedded(name: string): ApiError {
  return new ApiError(400, 'PGRST108', `'${name}' is not an embedded resource in this request`, null, `Verify that '${name}' is included in the 'select' query parameter.`);
}

/** The node at an embed path ([] = root), or 400 PGRST108. */
export function nodeAt(root: ReadNode, path: string[]): ReadNode {
  let node = root;
  for (const key of path) {
    const embed = findEmbed(node, key);
    if (!embed) throw notEmbedded(key);
    node = embed.node;
  }
  return node;
}

/** Filters, logic trees, order and ranges go to the node their path names. */
export function attachParams(root: ReadNode, query: QueryParams): void {
  for (const { path, filter } of query.filters) {
    const node = nodeAt(root, path);
    const embed = filter.field.json.length === 0 ? findEmbed(node, filter.field.name) : undefined;
    if (embed && !node.relation.columnsByName.has(filter.field.name)) {
      if (filter.operation.kind !== 'is' || (filter.operation.value !== 'null' && filter.operation.value !== 'not_null')) {
        throw new ApiError(400, 'PGRST120', `Bad operator on the '${embed.key}' embedded resource`, 'Only is null or not is null filters are allowed on embedded resources');
      }
      const isNull = filter.operation.value === 'null' !== filter.negated;
      embed.nullFilters.push(isNull ? 'null' : 'not_null');
      continue;
    }
    node.filters.push(filter);
  }
  for (const { path, tree } of query.logic) nodeAt(root, path).logic.push(tree);
  for (const { path, terms } of query.order) {
    const node = nodeAt(root, path);
    for (const term of terms) {
      if (term.relation) {
        const embed = findEmbed(node, term.relation);
        if (!embed) throw notEmbedded(term.relation);
        if (!embed.toOne) {
          throw new ApiError(400, 'PGRST118', `A related order on '${embed.key}' is not possible`, `'${node.relation.name}' and '${embed.key}' do not form a many-to-one or one-to-one relationship`);
        }
      }
    }
    node.order.push(...terms);
  }
  for (const [key, range] of query.ranges) nodeAt(root, key === '' ? [] : key.split('.')).range = range;
}
