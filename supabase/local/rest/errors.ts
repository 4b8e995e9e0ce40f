// PostgREST's error shape and the HTTP status it gives each Postgres and PGRST error code.
// https://postgrest.org/en/stable/references/errors.html
import type { ServerResponse } from 'node:http';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
    readonly details: string | null = null,
    readonly hint: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

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
  return error instanceof Error && typeof (error as PgError).code === 'string' && (error as PgError).code!.length === 5;
}

/** PostgREST's status for a SQLSTATE (authenticated decides 42501: 401 for anon, 403 otherwise). */
export function statusForSqlState(code: string, authenticated: boolean): number {
  const exact: Record<string, number> = {
    '23503': 409, '23505': 409, '25006': 405, P0001: 400, '42883': 404, '42P01': 404, '42P17': 500,
    '42501': authenticated ? 403 : 401,
  };
  if (code in exact) return exact[code];
  if (/^PT\d{3}$/.test(code)) return Number(code.slice(2));
  const byClass: Record<string, number> = {
    '08': 503, '09': 500, '0L': 403, '0P': 403, '25': 500, '28': 403, '2D': 500, '38': 500, '39': 500,
    '3B': 500, '40': 500, '53': 503, '54': 500, '55': 500, '57': 500, '58': 500, F0: 500, HV: 500,
    P0: 500, XX: 500,
  };
  return byClass[code.slice(0, 2)] ?? 400;
}

/** Turns anything thrown while serving a request into the error PostgREST would answer. */
export function toApiError(error: unknown, authenticated: boolean): ApiError {
  if (error instanceof ApiError) return error;
  if (isPgError(error)) {
    if (error.code === 'PGRST') return raisedPgrstError(error);
    return new ApiError(
      statusForSqlState(error.code!, authenticated),
      error.code!,
      error.message,
      error.detail ?? null,
      error.hint ?? null,
    );
  }
  return new ApiError(500, null, error instanceof Error ? error.message : String(error));
}

/** `raise sqlstate 'PGRST' using message = '{"code":…}', detail = '{"status":…,"headers":{…}}'`. */
function raisedPgrstError(error: PgError): ApiError {
  try {
    const body = JSON.parse(error.message);
    const detail = JSON.parse(error.detail ?? '');
    if (typeof detail.status !== 'number') throw new Error('status');
    return new ApiError(detail.status, body.code ?? null, body.message ?? '', body.details ?? null, body.hint ?? null, detail.headers ?? {});
  } catch {
    return new ApiError(
      500,
      'PGRST121',
      'Could not parse JSON in the RAISE SQLSTATE \'PGRST\' error',
      `Invalid JSON value for MESSAGE: '${error.message}'`,
      'MESSAGE must be a JSON object with obligatory keys: \'code\', \'message\' and optional keys: \'details\', \'hint\'.',
    );
  }
}

export function sendError(res: ServerResponse, error: ApiError): void {
  const text = JSON.stringify(error);
  res.writeHead(error.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...error.headers,
  });
  res.end(text);
}
