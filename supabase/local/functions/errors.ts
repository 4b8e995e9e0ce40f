// The errors the Edge Functions platform itself answers, before or instead of the function, with
// the status, JSON body `{ code, message }` and `sb-error-code` header that hosted Supabase gives
// (https://supabase.com/docs/guides/functions/error-codes and the status-codes page).
import type { ServerResponse } from 'node:http';

export const PLATFORM_ERRORS = {
  NOT_FOUND: { status: 404, message: 'Requested function was not found' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'Method not allowed' },
  UNAUTHORIZED_NO_AUTH_HEADER: { status: 401, message: 'Missing authorization header' },
  UNAUTHORIZED_INVALID_JWT_FORMAT: { status: 401, message: 'Invalid JWT' },
  UNAUTHORIZED_LEGACY_JWT: { status: 401, message: 'Invalid JWT' },
  UNAUTHORIZED_ASYMMETRIC_JWT: { status: 401, message: 'Invalid JWT' },
  UNAUTHORIZED_UNSUPPORTED_TOKEN_ALGORITHM: { status: 401, message: 'Invalid JWT' },
  BOOT_ERROR: { status: 503, message: 'Function failed to start (please check logs)' },
  WORKER_ERROR: { status: 500, message: 'Function exited due to an error (please check logs)' },
  IDLE_TIMEOUT: { status: 504, message: 'Request idle timeout limit reached' },
  WORKER_RESOURCE_LIMIT: {
    status: 546,
    message: 'Function failed due to not having enough compute resources (please check logs)',
  },
} as const;

export type PlatformErrorCode = keyof typeof PLATFORM_ERRORS;

/** Header the platform adds to a function's own 5xx answers (thrown error or explicit 5xx). */
export const FUNCTION_ERROR_CODE = 'EDGE_FUNCTION_ERROR';

export class PlatformError extends Error {
  constructor(readonly code: PlatformErrorCode, message: string = PLATFORM_ERRORS[code].message) {
    super(message);
  }
}

/** Answers a platform error. Like the platform, it carries no CORS headers. */
export function sendPlatformError(res: ServerResponse, error: PlatformError): void {
  const text = JSON.stringify({ code: error.code, message: error.message });
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  res.writeHead(PLATFORM_ERRORS[error.code].status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'sb-error-code': error.code,
  });
  res.end(text);
}
