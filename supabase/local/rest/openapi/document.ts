// The Swagger 2.0 document PostgREST serves at the root, for one schema and what the role may use.
import type { Relation, Routine, SchemaCache } from '../schema/types.ts';
import { qualifiedKey } from '../schema/types.ts';
import { property, swaggerType } from './properties.ts';

export const POSTGREST_VERSION = '13.0.5';

export interface Privileges {
  /** relation oid → privileges the role has ('SELECT', 'INSERT', 'UPDATE', 'DELETE'). */
  relations: Map<number, Set<string>>;
  /** routine oids the role may execute. */
  routines: Set<number>;
}

export interface DocumentOptions {
  schema: string;
  schemaDescription: string | null;
  host: string;
}

const MEDIA = ['application/json', 'application/vnd.pgrst.object+json;nulls=stripped', 'application/vnd.pgrst.object+json', 'text/csv'];
const ref = (to: string) => ({ $ref: `#/parameters/${to}` });

function definition(cache: SchemaCache, rel: Relation): Record<string, unknown> {
  const rels = cache.relationships.get(qualifiedKey(rel.schema, rel.name)) ?? [];
  const properties = Object.fromEntries(rel.columns.map((c) => [c.name, property(rel, c, rels)]));
  const required = rel.columns.filter((c) => !c.nullable).map((c) => c.name);
  const out: Record<string, unknown> = {};
  if (rel.description) out.description = rel.description;
  out.properties = properties;
  if (required.length) out.required = required;
  out.type = 'object';
  return out;
}

/** First line of a comment as the summary, the rest (leading newlines dropped) as the description. */
function summaryOf(comment: string | null): Record<string, string> {
  if (!comment) return {};
  const i = comment.indexOf('\n');
  if (i < 0) return { summary: comment };
  const rest = comment.slice(i).replace(/^\n+/, '');
  return rest ? { summary: comment.slice(0, i), description: rest } : { summary: comment.slice(0, i) };
}

function relationPaths(rel: Relation, privileges: Set<string>): Record<string, unknown> {
  const filters = rel.columns.map((c) => ref(`rowFilter.${rel.name}.${c.name}`));
  const tags = [rel.name];
  const summary = summaryOf(rel.description);
  const path: Record<string, unknown> = {};
  {
    path.get = {
      ...summary, tags,
      parameters: [...filters, ref('select'), ref('order'), ref('range'), ref('rangeUnit'), ref('offset'), ref('limit'), ref('preferCount')],
      responses: { '200': { description: 'OK', schema: { items: { $ref: `#/definitions/${rel.name}` }, type: 'array' } }, '206': { description: 'Partial Content' } },
    };
  }
  // Like PostgREST: a writable relation gets all three write methods.
  if (privileges.size > 0 && (rel.insertable || rel.updatable || rel.deletable)) {
    path.post = { ...summary, tags, parameters: [ref(`body.${rel.name}`), ref('select'), ref('preferPost')], responses: { '201': { description: 'Created' } } };
    path.delete = { ...summary, tags, parameters: [...filters, ref('preferReturn')], responses: { '204': { description: 'No Content' } } };
    path.patch = { ...summary, tags, parameters: [...filters, ref(`body.${rel.name}`), ref('preferReturn')], responses: { '204': { description: 'No Content' } } };
  }
  return path;
}

function rpcProperty(type: string): Record<string, unknown> {
  const t = swaggerType(type);
  return { ...(t ? { type: t } : {}), ...(t === 'array' ? { items: itemsOf(type) } : {}), format: type };
}

function itemsOf(arrayType: string): Record<string, unknown> {
  const t = swaggerType(arrayType.slice(0, -2));
  return t ? { type: t } : {};
}

function rpcPath(routine: Routine): Record<string, unknown> {
  const args = routine.params.filter((p) => p.name);
  const required = args.filter((p) => p.required).map((p) => p.name);
  const schema = {
    ...(routine.description ? { description: routine.description } : {}),
    properties: Object.fromEntries(args.map((p) => [p.name, rpcProperty(p.type)])),
    ...(required.length ? { required } : {}),
    type: 'object',
  };
  const op = { ...summaryOf(routine.description), tags: [`(rpc) ${routine.name}`], produces: MEDIA.slice(0, 3), responses: { '200': { description: 'OK' } } };
  const query = args.map((p) => {
    const t = swaggerType(p.type);
    if (p.variadic) {
      return { name: p.name, required: p.required, in: 'query', type: t ?? 'string', items: { ...itemsOf(p.type), format: p.type.slice(0, -2) }, collectionFormat: 'multi' };
    }
    return { name: p.name, required: p.required, in: 'query', format: p.type, type: t === 'array' || !t ? 'string' : t };
  });
  const out: Record<string, unknown> = {};
  if (routine.volatility !== 'volatile') out.get = { ...op, parameters: query };
  out.post = { ...op, parameters: [{ name: 'args', required: true, in: 'body', schema }, ref('preferParams')] };
  return out;
}

function sharedParameters(): Record<string, unknown> {
  // An empty enum is left out, as PostgREST 13 does for preferParams (it dropped params=single-object).
  const header = (description: string, values: string[]) => ({ name: 'Prefer', description, required: false, ...(values.length ? { enum: values } : {}), in: 'header', type: 'string' });
  return {
    preferParams: header('Preference', []),
    preferReturn: header('Preference', ['return=representation', 'return=minimal', 'return=none']),
    preferCount: header('Preference', ['count=none']),
    preferPost: header('Preference', ['return=representation', 'return=minimal', 'return=none', 'resolution=ignore-duplicates', 'resolution=merge-duplicates']),
    select: { name: 'select', description: 'Filtering Columns', required: false, in: 'query', type: 'string' },
    on_conflict: { name: 'on_conflict', description: 'On Conflict', required: false, in: 'query', type: 'string' },
    order: { name: 'order', description: 'Ordering', required: false, in: 'query', type: 'string' },
    range: { name: 'Range', description: 'Limiting and Pagination', required: false, in: 'header', type: 'string' },
    rangeUnit: { name: 'Range-Unit', description: 'Limiting and Pagination', required: false, default: 'items', in: 'header', type: 'string' },
    offset: { name: 'offset', description: 'Limiting and Pagination', required: false, in: 'query', type: 'string' },
    limit: { name: 'limit', description: 'Limiting and Pagination', required: false, in: 'query', type: 'string' },
  };
}

export function buildOpenApi(cache: SchemaCache, privileges: Privileges, options: DocumentOptions): Record<string, unknown> {
  const relations = [...cache.relations.values()]
    .filter((r) => r.schema === options.schema && (privileges.relations.get(r.oid)?.size ?? 0) > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
  const routines = [...cache.routines.values()]
    .flat()
    .filter((r) => r.schema === options.schema && privileges.routines.has(r.oid))
    .sort((a, b) => a.name.localeCompare(b.name));

  const paths: Record<string, unknown> = {
    '/': { get: { produces: ['application/openapi+json', 'application/json'], responses: { '200': { description: 'OK' } }, summary: 'OpenAPI description (this document)', tags: ['Introspection'] } },
  };
  const parameters = sharedParameters();
  const definitions: Record<string, unknown> = {};
  for (const rel of relations) {
    paths[`/${rel.name}`] = relationPaths(rel, privileges.relations.get(rel.oid)!);
    definitions[rel.name] = definition(cache, rel);
    parameters[`body.${rel.name}`] = { name: rel.name, description: rel.name, required: false, in: 'body', schema: { $ref: `#/definitions/${rel.name}` } };
    for (const col of rel.columns) {
      parameters[`rowFilter.${rel.name}.${col.name}`] = {
        name: col.name, ...(col.description ? { description: col.description } : {}), required: false, in: 'query', type: 'string',
      };
    }
  }
  for (const routine of routines) paths[`/rpc/${routine.name}`] = rpcPath(routine);

  const comment = options.schemaDescription;
  const newline = comment?.indexOf('\n') ?? -1;
  return {
    swagger: '2.0',
    info: {
      description: comment === null ? 'This is a dynamic API generated by PostgREST' : newline < 0 ? '' : comment.slice(newline).replace(/^\n+/, ''),
      title: comment === null ? 'PostgREST API' : newline < 0 ? comment : comment.slice(0, newline),
      version: POSTGREST_VERSION,
    },
    host: options.host,
    basePath: '/',
    schemes: ['http'],
    consumes: MEDIA,
    produces: MEDIA,
    paths,
    definitions,
    parameters,
    externalDocs: { description: 'PostgREST Documentation', url: 'https://postgrest.org/en/v13/references/api.html' },
  };
}
