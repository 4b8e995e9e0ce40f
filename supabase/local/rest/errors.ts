// PostgREST's error shape and the HTTP status it gives each Postgres and PGRST error code.
// https://postgrest.org/en/stable/references/errors.html
import { headerBytes, wireHeaders } from './header-bytes.ts';
import type { ServerResponse } from 'node:http';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
    /** Usually text; PGRST201 (ambiguous embed) carries an array of the candidate relationships. */
    readonly details: unknown = null,
    readonly hint: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  /** The reason phrase of the status line, when a RAISE 'PGRST' names one (`status_text`). */
  statusText?: string;

  toJSON() {
    return { code: this.code, details: this.details, hint: this.hint, message: this.message };
  }
}

interface PgError extends Error {
  code?: string;
  detail?: string;
  hint?: string;
}

function isPgError(error: unknown): error is PgError {
  const code = (error as PgError | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.length === 5;
}

const EXACT_STATUS: Record<string, number> = {
  '23503': 409, // foreign_key_violation
  '23505': 409, // unique_violation
  '25006': 405, // read_only_sql_transaction
  '53400': 500, // configuration_limit_exceeded
  '57P01': 503, // admin_shutdown
  P0001: 400, // raise_exception (plain `raise`)
  '42P01': 404, // undefined_table
  '42P17': 500, // infinite recursion (RLS)
};

const CLASS_STATUS: Record<string, number> = {
  '08': 503, '09': 500, '0L': 403, '0P': 403, '25': 500, '28': 403, '2D': 500, '38': 500, '39': 500,
  '3B': 500, '40': 500, '53': 503, '54': 500, '55': 500, '57': 500, '58': 500, F0: 500, HV: 500,
  P0: 500, XX: 500,
};

/**
 * PostgREST's status for a SQLSTATE. `authenticated` decides 42501 (401 for anon, 403 otherwise);
 * `message` refines the few codes whose status depends on it (22023 for a missing JWT role, 21000, 42883).
 */
export function statusForSqlState(code: string, authenticated: boolean, message = ''): number {
  if (code === '42501') return authenticated ? 403 : 401;
  if (code === '22023') return message.startsWith('role') && message.endsWith('does not exist') ? 401 : 400;
  if (code === '21000') return message.endsWith('requires a WHERE clause') ? 400 : 500;
  if (code === '42883') return message.startsWith('function xmlagg(') ? 406 : 404;
  if (code in EXACT_STATUS) return EXACT_STATUS[code];
  if (code.startsWith('PT')) return /^PT\d{3}$/.test(code) ? Number(code.slice(2)) : 500;
  return CLASS_STATUS[code.slice(0, 2)] ?? 400;
}

/** Turns anything thrown while serving a request into the error PostgREST would answer. */
export function toApiError(error: unknown, authenticated: boolean): ApiError {
  if (error instanceof ApiError) return error;
  if (isPgError(error)) {
    if (error.code === 'PGRST') return raisedPgrstError(error);
    const status = statusForSqlState(error.code!, authenticated, error.message);
    return new ApiError(
      status,
      error.code!,
      error.message,
      error.detail ?? null,
      error.hint ?? null,
      status === 401 ? { 'www-authenticate': 'Bearer' } : {},
    );
  }
  if (isConnectionError(error)) {
    return new ApiError(503, 'PGRST001', 'Database client error. Retrying the connection.', (error as Error).message);
  }
  return new ApiError(500, null, error instanceof Error ? error.message : String(error));
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

/** The database went away mid-request (PostgREST's client error, 503). */
function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as PgError).code;
  return (code !== undefined && CONNECTION_CODES.has(code)) || /Connection terminated|connection is closed|Client has encountered a connection error/i.test(error.message);
}

const RAISE_MESSAGE_HINT =
  "MESSAGE must be a JSON object with obligatory keys: 'code', 'message' and optional keys: 'details', 'hint'.";
const RAISE_DETAIL_HINT =
  "DETAIL must be a JSON object with obligatory keys: 'status', 'headers' and optional key: 'status_text'.";

function raiseParseError(details: string, hint: string): ApiError {
  return new ApiError(500, 'PGRST121', `Could not parse JSON in the "RAISE SQLSTATE 'PGRST'" error`, details, hint);
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const optionalText = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * `raise sqlstate 'PGRST' using message = '{"code":"…","message":"…"}',
 *  detail = '{"status":…,"headers":{…}}'`: full control over the response.
 */
function raisedPgrstError(error: PgError): ApiError {
  const body = parseObject(error.message);
  const optionalOk = (v: unknown) => v === undefined || v === null || typeof v === 'string';
  if (!body || typeof body.code !== 'string' || typeof body.message !== 'string' || !optionalOk(body.details) || !optionalOk(body.hint)) {
    return raiseParseError(`Invalid JSON value for MESSAGE: '${error.message}'`, RAISE_MESSAGE_HINT);
  }
  if (error.detail === undefined || error.detail === null) {
    return raiseParseError('DETAIL is missing in the RAISE statement', RAISE_DETAIL_HINT);
  }
  const detail = parseObject(error.detail);
  const headers = detail?.headers;
  const validHeaders =
    headers && typeof headers === 'object' && !Array.isArray(headers) && Object.values(headers).every((v) => typeof v === 'string');
  if (!detail || !Number.isInteger(detail.status) || !validHeaders) {
    return raiseParseError(`Invalid JSON value for DETAIL: '${error.detail}'`, RAISE_DETAIL_HINT);
  }
  const lowered: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers as Record<string, string>)) lowered[name.toLowerCase()] = value;
  const raised = new ApiError(detail.status as number, body.code, body.message, optionalText(body.details), optionalText(body.hint), lowered);
  if (typeof detail.status_text === 'string') raised.statusText = detail.status_text;
  return raised;
}

export function sendError(res: ServerResponse, error: ApiError): void {
  const text = Buffer.from(JSON.stringify(error));
  const headers = {
    ...(error.code ? { 'proxy-status': `PostgREST; error=${error.code}` } : {}),
    ...error.headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': text.length,
  };
  if (error.statusText !== undefined) res.writeHead(error.status, headerBytes(error.statusText), wireHeaders(headers));
  else res.writeHead(error.status, wireHeaders(headers));
  res.end(text);
}
