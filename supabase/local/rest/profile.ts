// Which exposed schema a request addresses: Accept-Profile (GET/HEAD) or Content-Profile (others).
import type { IncomingHttpHeaders } from 'node:http';
import { ApiError } from './errors.ts';

export function resolveProfile(method: string, headers: IncomingHttpHeaders, schemas: string[]): string {
  const header = method === 'GET' || method === 'HEAD' ? headers['accept-profile'] : headers['content-profile'];
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return schemas[0];
  if (schemas.includes(value)) return value;
  throw new ApiError(406, 'PGRST106', `Invalid schema: ${value}`, null, `Only the following schemas are exposed: ${schemas.join(', ')}`);
}
