// Storage API errors as storage-api renders them: the body carries the real status as a string in
// `statusCode`, a backwards-compatible `error` and a message; the HTTP status is 400 for every
// refusal and 500 for faults (storage-api's legacy userStatusCode).
import type { ServerResponse } from 'node:http';
import { sendJson } from '../http.ts';

export class StorageError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly error: string = code,
  ) {
    super(message);
  }

  /** The HTTP status storage-api answers with. */
  get httpStatus(): number {
    return this.status >= 500 ? 500 : 400;
  }

  /**
   * storage-api's routes declare a 4xx response schema of statusCode, error and message, so a
   * refusal's body has exactly those; a fault (500) also carries the machine `code`.
   */
  toJSON() {
    if (this.httpStatus < 500) return { statusCode: String(this.status), error: this.error, message: this.message };
    return { statusCode: String(this.status), code: this.code, error: this.error, message: this.message };
  }
}

export const ERRORS = {
  noSuchBucket: () => new StorageError(404, 'NoSuchBucket', 'Bucket not found', 'Bucket not found'),
  noSuchKey: () => new StorageError(404, 'NoSuchKey', 'Object not found', 'not_found'),
  bucketNotEmpty: () => new StorageError(409, 'ResourceNotEmpty', 'The bucket you tried to delete is not empty'),
  alreadyExists: () => new StorageError(409, 'ResourceAlreadyExists', 'The resource already exists', 'Duplicate'),
  keyAlreadyExists: () => new StorageError(409, 'KeyAlreadyExists', 'The resource already exists', 'Duplicate'),
  accessDenied: (message: string) => new StorageError(403, 'AccessDenied', message || 'Access denied', 'Unauthorized'),
  invalidJwt: (message: string) => new StorageError(400, 'InvalidJWT', message || 'Invalid JWT'),
  invalidSignature: () => new StorageError(400, 'InvalidSignature', 'Invalid signature'),
  invalidKey: (key: string) => new StorageError(400, 'InvalidKey', `Invalid key: ${safeKey(key)}`),
  invalidBucketName: () => new StorageError(400, 'InvalidBucketName', 'Bucket name invalid', 'Invalid Input'),
  invalidMimeType: (mime: string) => new StorageError(415, 'InvalidMimeType', `mime type ${mime} is not supported`, 'invalid_mime_type'),
  invalidFileSizeLimit: () =>
    new StorageError(400, 'InvalidRequest', 'Invalid file size format, hint: use 20GB / 20MB / 30KB / 3B'),
  entityTooLarge: () => new StorageError(413, 'EntityTooLarge', 'The object exceeded the maximum allowed size', 'Payload too large'),
  noContent: () => new StorageError(400, 'InvalidRequest', 'No content provided'),
  invalidRange: () => new StorageError(400, 'InvalidRange', 'invalid range provided', 'invalid_range'),
  invalidParameter: (name: string, message?: string) =>
    new StorageError(400, 'InvalidParameter', message ?? `Invalid Parameter ${name}`),
  missingParameter: (name: string) => new StorageError(400, 'MissingParameter', `Missing Required Parameter ${name}`),
  imageProcessing: (message: string) => new StorageError(400, 'InvalidRequest', message),
  notSupported: (feature: string) =>
    new StorageError(409, 'NotSupported', `The feature ${feature} is not enabled for this resource`),
  internal: (message = 'Internal server error') => new StorageError(500, 'InternalError', message, 'Internal server error'),
};

/** Fastify's schema-validation refusals, as storage-api passes them through (no `code`). */
export class ValidationError extends Error {
  toJSON() {
    return { statusCode: '400', error: 'Bad Request', message: this.message };
  }
}

/** storage-api URL-encodes characters that cannot be shown (lone surrogates) in the key it echoes. */
function safeKey(key: string): string {
  return key.replace(/[\uD800-\uDFFF]/g, (c, i: number, s: string) => {
    const code = c.charCodeAt(0);
    const pairOk = code < 0xdc00 ? (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 : (s.charCodeAt(i - 1) & 0xfc00) === 0xd800;
    return pairOk ? c : '%EF%BF%BD';
  });
}

interface PgError extends Error {
  code?: string;
  detail?: string;
}

/** storage-api's mapping of a Postgres error raised while running the caller's SQL. */
export function fromPgError(error: PgError): StorageError {
  switch (error.code) {
    case '42501':
      return ERRORS.accessDenied(
        error.message.includes('row-level security') ? 'new row violates row-level security policy' : error.message,
      );
    case '23505':
      return ERRORS.alreadyExists();
    case '23503':
      return new StorageError(404, 'InvalidRequest', 'The related resource does not exist');
    case '55P03':
      return new StorageError(423, 'ResourceLocked', 'The resource is locked');
    case '57014':
      return new StorageError(544, 'DatabaseTimeout', 'The connection to the database timed out');
    case '22P02':
      return ERRORS.invalidParameter('value', error.message || 'Invalid value format or type conversion failed');
    default:
      return new StorageError(500, 'DatabaseError', `database error, code: ${error.code}`);
  }
}

function isPgError(error: unknown): error is PgError {
  const code = (error as PgError | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.length === 5;
}

export function toStorageError(error: unknown): StorageError | ValidationError {
  if (error instanceof StorageError || error instanceof ValidationError) return error;
  if (isPgError(error)) return fromPgError(error);
  // storage-api's StorageBackendError.fromError: the error's name, its message, InternalError.
  if (error instanceof Error) return new StorageError(500, 'InternalError', error.message, error.name);
  return ERRORS.internal();
}

export function sendError(res: ServerResponse, error: unknown, log: (line: string) => void): void {
  const mapped = toStorageError(error);
  if (mapped instanceof StorageError && mapped.status >= 500) log(`[storage] ${(error as Error)?.stack ?? error}`);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const status = mapped instanceof StorageError ? (mapped.status === 544 ? 544 : mapped.httpStatus) : 400;
  sendJson(res, status, mapped);
}
