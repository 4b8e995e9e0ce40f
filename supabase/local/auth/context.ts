// What every route handler gets: settings, database, secrets, limits; plus the small
// request/response helpers they share (body decoding, JSON answers, audit log entries).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { SupabaseConfig } from '../config.ts';
import { BodyTooLargeError, readBody, sendJson } from '../http.ts';
import type { Database, Db } from './db.ts';
import { AuthError } from './errors.ts';
import { clientIp, type RateLimits } from './rate-limit.ts';
import * as sql from './sql.ts';
import type { UserRow } from './users.ts';
import { parseBody } from './validation.ts';

export interface AuthContext {
  config: SupabaseConfig;
  database: Database;
  secret: Uint8Array;
  /** The iss claim: `${apiUrl}/auth/v1`. */
  issuer: string;
  apiUrl: string;
  limits: RateLimits;
  log: (line: string) => void;
}

export interface Request {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
}

const MAX_BODY = 1024 * 1024;

export async function readJson<T extends z.ZodType>(r: Request, schema: T): Promise<z.infer<T>> {
  let raw: Buffer;
  try {
    raw = await readBody(r.req, MAX_BODY);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new AuthError(413, 'request_too_large', 'Request body too large');
    throw error;
  }
  return parseBody(schema, raw);
}

/** A successful answer (GoTrue echoes X-Supabase-Api-Version on errors only, see errors.ts). */
export function reply(r: Request, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendJson(r.res, status, body, headers);
}

export function replyNoContent(r: Request): void {
  r.res.writeHead(204);
  r.res.end();
}

export function redirect(r: Request, location: string): void {
  r.res.writeHead(303, { location, 'content-length': '0' });
  r.res.end();
}

/** One row of auth.audit_log_entries, as GoTrue writes them (action, actor, traits). */
export function audit(tx: Db, r: Request, user: UserRow | null, action: string, traits?: Record<string, unknown>) {
  const payload = {
    actor_id: user?.id ?? '',
    actor_username: user?.email ?? '',
    actor_via_sso: false,
    action,
    log_type: logType(action),
    ...(traits ? { traits } : {}),
  };
  return tx.run(sql.insertAuditEntry(payload, clientIp(r.req)));
}

function logType(action: string): string {
  if (action.startsWith('token_')) return 'token';
  if (action.startsWith('user_') || action === 'invite_accepted') return 'user';
  return 'account';
}
