// GoTrue's error answers. An AuthError carries an HTTP status, an error code (GoTrue's ErrorCode
// list) and a message; the response shape depends on the X-Supabase-Api-Version request header:
//   2024-01-01 or later: {"code": "<error_code>", "message": "…"}   (what supabase-js asks for)
//   absent/older:        {"code": <status>, "error_code": "…", "msg": "…"}
// OAuthError is the older OAuth2 shape GoTrue still answers for a few token-grant errors:
//   {"error": "invalid_request", "error_description": "…"} with 400.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http.ts';

export const API_VERSION_HEADER = 'X-Supabase-Api-Version';
const API_VERSION_2024 = Date.UTC(2024, 0, 1);

export class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra top-level fields (e.g. weak_password: {reasons}). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

export const badRequest = (code: string, message: string) => new AuthError(400, code, message);
export const forbidden = (code: string, message: string) => new AuthError(403, code, message);
export const notFound = (code: string, message: string) => new AuthError(404, code, message);
export const unprocessable = (code: string, message: string) => new AuthError(422, code, message);
export const tooManyRequests = (code: string, message: string) => new AuthError(429, code, message);
export const internal = (message: string) => new AuthError(500, 'unexpected_failure', message);

export function weakPassword(message: string, reasons: string[]): AuthError {
  return new AuthError(422, 'weak_password', message, { weak_password: { reasons } });
}

/** The API version the request asked for, or undefined for the initial one. */
function requestedApiVersion(req: IncomingMessage): number | undefined {
  const raw = req.headers[API_VERSION_HEADER.toLowerCase()];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !/^2[0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/.test(value)) return undefined;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(time) ? undefined : time;
}

/** Headers every answer carries: GoTrue echoes the API version it answered with. */
export function versionHeaders(req: IncomingMessage): Record<string, string> {
  const version = requestedApiVersion(req);
  return version !== undefined && version >= API_VERSION_2024 ? { [API_VERSION_HEADER]: '2024-01-01' } : {};
}

export function sendAuthError(req: IncomingMessage, res: ServerResponse, error: unknown, log: (line: string) => void): void {
  const headers = versionHeaders(req);
  if (error instanceof OAuthError) {
    sendJson(res, 400, { error: error.error, error_description: error.description }, headers);
    return;
  }
  let authError: AuthError;
  if (error instanceof AuthError) {
    authError = error;
  } else {
    log(`[auth] ${req.method} ${req.url}: ${(error as Error)?.stack ?? error}`);
    authError = internal('Unexpected failure, please check server logs for more information');
  }
  const modern = (requestedApiVersion(req) ?? 0) >= API_VERSION_2024;
  const body = modern
    ? { code: authError.code, message: authError.message, ...authError.extra }
    : { code: authError.status, error_code: authError.code, msg: authError.message, ...authError.extra };
  sendJson(res, authError.status, body, headers);
}
