// One transaction per request, as PostgREST runs them: BEGIN with the right access mode, then
// the request's role and settings as transaction-local GUCs, all in one round trip.
import type { IncomingHttpHeaders } from 'node:http';
import { literal } from './sql/params.ts';
import { ident } from './sql/params.ts';

export interface TxSetup {
  readOnly: boolean;
  role: string;
  claims: Record<string, unknown>;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  schema: string;
  extraSearchPath: string[];
  /** The role's own settings (ALTER ROLE … SET), applied like PostgREST does. */
  roleSettings: Array<[string, string]>;
  timezone?: string;
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

function headersJson(headers: IncomingHttpHeaders): string {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || name === 'cookie') continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return JSON.stringify(out);
}

/** `BEGIN …; SELECT set_config(…), …` as one simple-protocol string (values are escaped literals). */
export function beginSql(setup: TxSetup): string {
  const mode = setup.readOnly ? 'READ ONLY' : 'READ WRITE';
  const searchPath = [setup.schema, ...setup.extraSearchPath].map(ident).join(', ');
  const cookieHeader = Array.isArray(setup.headers.cookie) ? setup.headers.cookie.join('; ') : setup.headers.cookie;
  const settings: Array<[string, string]> = [
    ['search_path', searchPath],
    ['role', setup.role],
    ['request.jwt.claims', JSON.stringify(setup.claims)],
    ['request.method', setup.method],
    ['request.path', setup.path],
    ['request.headers', headersJson(setup.headers)],
    ['request.cookies', JSON.stringify(parseCookies(cookieHeader))],
    ...setup.roleSettings,
  ];
  if (setup.timezone) settings.push(['timezone', setup.timezone]);
  const calls = settings.map(([k, v]) => `set_config(${literal(k)}, ${literal(v)}, true)`).join(', ');
  return `BEGIN ISOLATION LEVEL READ COMMITTED ${mode}; SELECT ${calls}`;
}
