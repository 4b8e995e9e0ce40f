// The Swagger 2.0 document PostgREST serves at the root, for one schema and what the role may use.
import type { Relation, Routine, SchemaCache } from '../schema/types.ts';
import { qualifiedKey } from '../schema/types.ts';
import { property, swaggerType } from './properties.ts';

export const POSTGREST_VERSION = '12.2.12';

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
  const required = rel.columns.filter((c) => !c.nullable && c.default === null && !c.generated && !c.identity).map((c) => c.name);
  const out: Record<string, unknown> = {};
  if (rel.description) out.description = rel.description;
  out.properties = properties;
  if (required.length) out.required = required;
  out.type = 'object';
  return out;
}

function relationPaths(rel: Relation, privileges: Set<string>): Record<string, unknown> {
  const filters = rel.columns.map((c) => ref(`rowFilter.${rel.name}.${c.name}`));
  const tags = [rel.name];
  const summary = rel.description ? { summary: rel.description.split('\n')[0] } : {};
  const path: Record<string, unknown> = {};
  if (privileges.has('SELECT')) {
    path.get = {
      ...summary, tags,
      parameters: [...filters, ref('select'), ref('order'), ref('range'), ref('rangeUnit'), ref('offset'), ref('limit'), ref('preferCount')],
      responses: { '200': { description: 'OK', schema: { items: { $ref: `#/definitions/${rel.name}` }, type: 'array' } }, '206': { description: 'Partial Content' } },
    };
  }
  if (privileges.has('INSERT') && rel.insertable) {
    path.post = { ...summary, tags, parameters: [ref(`body.${rel.name}`), ref('select'), ref('preferPost')], responses: { '201': { description: 'Created' } } };
  }
  if (privileges.has('DELETE') && rel.deletable) {
    path.delete = { ...summary, tags, parameters: [...filters, ref('preferReturn')], responses: { '204': { description: 'No Content' } } };
  }
  if (privileges.has('UPDATE') && rel.updatable) {
    path.patch = { ...summary, tags, parameters: [...filters, ref(`body.${rel.name}`), ref('preferReturn')], responses: { '204': { description: 'No Content' } } };
  }
  return path;
}

function rpcPath(routine: Routine): Record<string, unknown> {
  const args = routine.params.filter((p) => p.name);
  const properties = Object.fromEntries(
    args.map((p) => {
      const type = swaggerType(p.type);
      return [p.name, { format: p.type, ...(type ? { type } : {}), ...(type === 'array' ? { items: { type: 'string' } } : {}) }];
    }),
  );
  const required = args.filter((p) => p.required).map((p) => p.name);
  const tags = [`(rpc) ${routine.name}`];
  const summary = routine.description ? { summary: routine.description.split('\n')[0] } : {};
  const body = { in: 'body', name: 'args', required: true, schema: { properties, ...(required.length ? { required } : {}), type: 'object' } };
  const query = args.map((p) => ({ format: p.type, in: 'query', name: p.name, required: p.required, type: swaggerType(p.type) ?? 'string' }));
  const out: Record<string, unknown> = {
    post: { ...summary, tags, parameters: [body, ref('preferParams')], produces: MEDIA.slice(0, 3), responses: { '200': { description: 'OK' } } },
  };
  if (routine.volatility !== 'volatile') out.get = { ...summary, tags, parameters: query, produces: MEDIA.slice(0, 3), responses: { '200': { description: 'OK' } } };
  return out;
}

function sharedParameters(): Record<string, unknown> {
  const header = (name: string, description: string, values: string[]) => ({ name: 'Prefer', description, required: false, enum: values, in: 'header', type: 'string', ...(name ? {} : {}) });
  return {
    preferParams: header('preferParams', 'Preference', ['params=single-object']),
    preferReturn: header('preferReturn', 'Preference', ['return=representation', 'return=minimal', 'return=none']),
    preferCount: header('preferCount', 'Preference', ['count=none']),
    preferPost: header('preferPost', 'Preference', ['return=representation', 'return=minimal', 'return=none', 'resolution=ignore-duplicates', 'resolution=merge-duplicates']),
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
        name: col.name, ...(col.description ? { description: col.description } : {}), required: false, format: col.type, in: 'query', type: 'string',
      };
    }
  }
  for (const routine of routines) paths[`/rpc/${routine.name}`] = rpcPath(routine);

  const [title, ...rest] = (options.schemaDescription ?? '').split('\n');
  return {
    swagger: '2.0',
    info: {
      description: options.schemaDescription ? rest.join('\n').trim() : '',
      title: options.schemaDescription ? title : 'standard public schema',
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
    externalDocs: { description: 'PostgREST Documentation', url: 'https://postgrest.org/en/v12/references/api.html' },
  };
}
