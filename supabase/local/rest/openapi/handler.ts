// GET /rest/v1/: the OpenAPI document for the request's profile, showing only what the caller's
// role has privileges on (PostgREST's openapi-mode follow-privileges).
import type { RestRequest, RestResponse, TxClient } from '../context.ts';
import { CONTENT_TYPES, negotiate } from '../media.ts';
import { buildOpenApi, type Privileges } from './document.ts';

const PRIVILEGES_SQL = `
select c.oid::int8 as oid,
  array_remove(array[
    case when has_table_privilege(c.oid, 'SELECT') then 'SELECT' end,
    case when has_table_privilege(c.oid, 'INSERT') then 'INSERT' end,
    case when has_table_privilege(c.oid, 'UPDATE') then 'UPDATE' end,
    case when has_table_privilege(c.oid, 'DELETE') then 'DELETE' end], null) as privileges
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where n.nspname = $1 and c.relkind in ('r', 'v', 'm', 'f', 'p')`;

const ROUTINES_SQL = `
select p.oid::int8 as oid from pg_proc p join pg_namespace n on n.oid = p.pronamespace
where n.nspname = $1 and has_function_privilege(p.oid, 'EXECUTE')`;

export async function handleOpenApi(req: RestRequest, tx: TxClient): Promise<RestResponse> {
  negotiate(req.headers.accept, ['openapi', 'json']);
  const [rels, fns, schema] = [
    await tx.query(PRIVILEGES_SQL, [req.schema]),
    await tx.query(ROUTINES_SQL, [req.schema]),
    await tx.query(`select obj_description(oid, 'pg_namespace') as description from pg_namespace where nspname = $1`, [req.schema]),
  ];
  const privileges: Privileges = {
    relations: new Map(rels.rows.map((r) => [Number(r.oid), new Set<string>(r.privileges)])),
    routines: new Set(fns.rows.map((r) => Number(r.oid))),
  };
  const doc = buildOpenApi(req.cache, privileges, {
    schema: req.schema,
    schemaDescription: schema.rows[0]?.description ?? null,
    host: String(req.headers.host ?? '0.0.0.0:3000'),
  });
  // Whichever of the two was accepted, PostgREST labels the document as OpenAPI.
  return { status: 200, headers: { 'content-type': CONTENT_TYPES.openapi }, body: JSON.stringify(doc) };
}
